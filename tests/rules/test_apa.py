"""APA Ethical Principles of Psychologists and Code of Conduct (2002, amended 2010 and 2016)."""


from .base import RuleSetTestCase, current, former, reopened


class TestApa(RuleSetTestCase):
    ruleset_ids = ("apa",)

    # 10.08(a)/(b): two years from termination, then only in the most unusual circumstances.
    def test_romantic_former_client_two_years_from_termination(self):
        hist = former("2019-03-01", "2024-06-15")
        self.assertWindow(hist, "romantic", "2026-06-15", "caution", opened="2024-06-15",
                          sections={"APA 10.08(a)"})

    def test_after_the_window_the_burden_and_factors_of_10_08_b(self):
        answer = self.assertCaution(former("2019-03-01", "2024-06-15"), "romantic", "2026-06-15")
        self.assertIn("APA 10.08(b)", self.sections(answer))
        self.assertCondition(answer, "burden of demonstrating that there has been no exploitation")
        factors = [f for fired in answer.rules for f in fired.rule.factors]
        self.assertIn("the circumstances of termination", factors)

    def test_a_later_letter_does_not_move_the_termination_clock(self):
        hist = former("2019-03-01", "2024-06-15", ("2025-01-10", "letter"), ("2025-11-02", "court"))
        self.assertWait(hist, "romantic", "2026-06-14", "2026-06-15")
        self.assertCaution(hist, "romantic", "2026-06-15")

    def test_leap_day_termination_window_ends_on_1_march(self):
        hist = former("2022-09-01", "2024-02-29")
        self.assertWindow(hist, "romantic", "2026-03-01", "caution")
        self.assertWait(hist, "romantic", "2026-02-28", "2026-03-01")

    def test_termination_on_the_day_asked_is_a_former_client(self):
        answer = self.assertWait(former("2019-03-01", "2024-06-15"), "romantic", "2024-06-15", "2026-06-15")
        self.assertEqual(answer.status, "former")

    # 10.05: while current; the 10.08 window has not started.
    def test_romantic_current_client_waits_without_a_date(self):
        hist = current("2023-01-10", ("2024-11-01", "session"))
        answer = self.assertWait(hist, "romantic", "2025-01-01", None, sections={"APA 10.05"})
        self.assertAfterTermination(answer, "APA 10.08(a): 2 years from termination, then caution")
        self.assertWarning(answer, "no termination is recorded")

    def test_never_terminated_client_is_current_years_later(self):
        answer = self.assertWait(current("2010-01-10", ("2011-02-01", "session")), "romantic", "2025-01-01", None)
        self.assertEqual(answer.status, "current")

    def test_reopened_client_is_current_again(self):
        hist = reopened("2015-01-01", "2017-01-01", "2023-03-01")
        self.assertCaution(hist, "romantic", "2023-02-28")
        answer = self.assertWait(hist, "romantic", "2023-03-01", None)
        self.assertWarning(answer, "is a current client again")

    def test_second_termination_restarts_the_window(self):
        hist = reopened("2015-01-01", "2017-01-01", "2023-03-01", terminated_again="2024-05-20")
        self.assertWindow(hist, "romantic", "2026-05-20", "caution", opened="2024-05-20")

    # 10.06: partner and family of a current client; no specific standard for a former client's.
    def test_partner_and_family_of_current_client_wait(self):
        for party in ("partner", "family"):
            with self.subTest(party=party):
                self.assertWait(current("2024-01-01"), "romantic", "2025-01-01", None, party=party,
                                sections={"APA 10.06"})

    def test_partner_and_family_of_former_client_fall_under_3_05(self):
        for party in ("partner", "family"):
            with self.subTest(party=party):
                self.assertCaution(former("2018-01-01", "2024-01-01"), "romantic", "2024-02-01", party=party,
                                   sections={"APA 3.05(a)"})

    # 3.05: multiple relationships, any contact, current or former.
    def test_non_romantic_contacts_are_caution_under_3_05(self):
        for contact in ("friendship", "social-media", "business", "purchase", "gift", "event"):
            with self.subTest(contact=contact):
                self.assertCaution(former("2018-01-01", "2020-01-01"), contact, "2024-01-01",
                                   sections={"APA 3.05(a)"})
                self.assertCaution(current("2024-01-01"), contact, "2025-01-01",
                                   sections={"APA 3.05(a)", "APA 3.05(b)"})

    def test_barter_with_current_client_6_05_is_certainty_c(self):
        answer = self.assertCaution(current("2024-01-01"), "barter", "2025-01-01")
        self.assertIn("APA 6.05", self.sections(answer))
        self.assertWarning(answer, "APA 6.05 rests on a secondary summary (certainty C): verify with your board")

    # 10.07 is about prospective clients: documentation only, never in a check.
    def test_prospective_rule_never_fires(self):
        for hist, on in ((current("2024-01-01"), "2025-01-01"), (former("2018-01-01", "2020-01-01"), "2030-01-01")):
            answer = self.check(hist, "romantic", on)
            self.assertNotIn("APA 10.07", self.sections(answer, deciding=False))

    def test_a_date_before_the_2002_code_took_effect_uses_it_with_a_warning(self):
        answer = self.assertWait(former("1999-01-01", "2001-01-01"), "romantic", "2002-06-01", "2003-01-01")
        self.assertWarning(answer, "before the earliest edition of APA")

    def test_checking_a_date_before_the_recorded_termination_does_not_ask_to_record_it(self):
        answer = self.assertWait(former("2018-01-01", "2022-01-01"), "romantic", "2020-01-01", None)
        self.assertNoWarning(answer, "no termination is recorded")
        self.assertWarning(answer, "was a current client (this episode ended on 2022-01-01)")
