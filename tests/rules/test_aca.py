"""ACA Code of Ethics (2014)."""

from .base import RuleSetTestCase, current, former, history, reopened


class TestAca(RuleSetTestCase):
    ruleset_ids = ("aca",)

    # A.5.c: five years from the LAST PROFESSIONAL CONTACT, then written forethought.
    def test_romantic_former_client_five_years_from_termination_without_later_contact(self):
        hist = former("2018-01-01", "2021-03-01")
        self.assertWindow(hist, "romantic", "2026-03-01", "caution", opened="2021-03-01", sections={"ACA A.5.c"})

    def test_a_letter_after_termination_moves_the_clock(self):
        hist = former("2018-01-01", "2021-03-01", ("2021-09-15", "letter"))
        self.assertWindow(hist, "romantic", "2026-09-15", "caution", sections={"ACA A.5.c"})
        answer = self.check(hist, "romantic", "2026-06-01")
        self.assertEqual(answer.rules[0].clock_reason, "last professional contact: letter of 2021-09-15")

    def test_records_request_and_court_appearance_move_the_clock_to_the_latest(self):
        hist = former("2015-05-01", "2019-10-01", ("2020-02-01", "records"), ("2022-04-12", "court"))
        self.assertWindow(hist, "romantic", "2027-04-12", "caution")

    def test_sessions_before_termination_do_not_move_the_clock(self):
        hist = former("2018-01-01", "2021-03-01", ("2021-02-20", "session"))
        self.assertWait(hist, "romantic", "2026-02-28", "2026-03-01")

    def test_after_five_years_written_forethought(self):
        answer = self.assertCaution(former("2018-01-01", "2021-03-01"), "romantic", "2026-03-01")
        self.assertCondition(answer, "show in writing (forethought)")

    def test_leap_day_last_contact_window_ends_on_1_march(self):
        hist = former("2020-01-01", "2023-11-30", ("2024-02-29", "email"))
        self.assertWindow(hist, "romantic", "2029-03-01", "caution")

    def test_romantic_with_partner_and_family_of_former_client(self):
        hist = former("2018-01-01", "2020-05-01")
        for party in ("partner", "family"):
            with self.subTest(party=party):
                self.assertWindow(hist, "romantic", "2025-05-01", "caution", party=party, sections={"ACA A.5.c"})

    # A.5.a: while current, the client and the people close to them.
    def test_romantic_current_client_partner_family_wait_without_date(self):
        for party in ("client", "partner", "family"):
            with self.subTest(party=party):
                answer = self.assertWait(current("2024-01-01"), "romantic", "2025-01-01", None, party=party,
                                         sections={"ACA A.5.a"})
                self.assertAfterTermination(answer, "ACA A.5.c: 5 years from the last professional contact")

    def test_reopened_client_waits_then_the_second_termination_restarts_the_clock(self):
        hist = reopened("2015-01-01", "2017-01-01", "2019-06-01", ("2018-01-01", "letter"),
                        terminated_again="2020-06-01")
        self.assertWait(hist, "romantic", "2018-06-01", "2023-01-01")  # the letter of the first episode
        self.assertWait(hist, "romantic", "2020-01-01", None)  # current again
        self.assertWindow(hist, "romantic", "2025-06-01", "caution", opened="2020-06-01")

    # A.5.e while current; A.6.e afterwards.
    def test_social_media_current_client_waits(self):
        self.assertWait(current("2024-01-01"), "social-media", "2025-01-01", None)

    def test_social_media_friendship_business_former_client_is_caution_under_a_6_e(self):
        for contact in ("social-media", "friendship", "business"):
            for party in ("client", "partner", "family"):
                with self.subTest(contact=contact, party=party):
                    answer = self.assertCaution(former("2021-01-01", "2023-01-01"), contact, "2024-01-01",
                                                party=party, sections={"ACA A.6.e"})
                    self.assertWarning(answer, "ACA A.6.e rests on a secondary summary (certainty C)")

    # A.6.b/A.6.c: extending boundaries with a current client.
    def test_event_and_purchase_with_current_client_need_consent_and_documentation(self):
        for contact in ("event", "purchase", "friendship", "business"):
            with self.subTest(contact=contact):
                answer = self.assertCaution(current("2024-01-01"), contact, "2025-01-01",
                                            sections={"ACA A.6.b, A.6.c"})
                self.assertCondition(answer, "Document, before the interaction")

    def test_event_or_purchase_with_former_client_is_not_addressed(self):
        for contact in ("event", "purchase", "gift", "barter"):
            with self.subTest(contact=contact):
                self.assertNotAddressed(former("2021-01-01", "2023-01-01"), contact, "2024-01-01")

    def test_barter_and_gift_with_current_client(self):
        self.assertCaution(current("2024-01-01"), "barter", "2025-01-01", sections={"ACA A.10.e"})
        answer = self.assertCaution(current("2024-01-01"), "gift", "2025-01-01", sections={"ACA A.10.f"})
        self.assertIn("the monetary value of the gift", answer.rules[0].rule.factors)

    def test_checks_before_2014_use_the_2014_code_with_a_warning(self):
        answer = self.assertWait(history(("start", "2008-01-01"), ("terminate", "2010-01-01")), "romantic",
                                 "2012-01-01", "2015-01-01")
        self.assertWarning(answer, "before the earliest edition of ACA")
