"""Ontario: CPBAO Standards of Professional Conduct 2024, 14.1."""

from .base import RuleSetTestCase, current, former


class TestOntarioPsych(RuleSetTestCase):
    ruleset_ids = ("ontario-psych",)

    def test_romantic_five_years_from_last_contact_for_client_and_close_relatives(self):
        hist = former("2022-01-01", "2024-09-01")
        for party in ("client", "partner", "family"):
            with self.subTest(party=party):
                self.assertWindow(hist, "romantic", "2029-09-01", "caution", party=party, opened="2024-09-01",
                                  sections={"Ontario CPBAO 14.1"})

    def test_a_letter_after_termination_moves_the_clock(self):
        hist = former("2022-01-01", "2024-09-01", ("2025-02-14", "letter"))
        self.assertWindow(hist, "romantic", "2030-02-14", "caution")

    def test_after_five_years_the_two_conditions(self):
        answer = self.assertCaution(former("2022-01-01", "2024-09-01"), "romantic", "2029-09-01")
        self.assertCondition(answer, "not vulnerable")
        self.assertCondition(answer, "will not need your professional services again")

    def test_leap_day_last_contact(self):
        self.assertWindow(former("2022-01-01", "2024-01-10", ("2024-02-29", "video")), "romantic", "2029-03-01",
                          "caution")

    def test_current_client_is_not_addressed(self):
        self.assertNotAddressed(current("2024-08-01"), "romantic", "2025-01-01")

    def test_a_date_before_july_2024_uses_the_2024_standards_with_a_warning(self):
        answer = self.check(former("2020-01-01", "2021-01-01"), "romantic", "2024-06-30")
        self.assertWarning(answer, "before the earliest edition of Ontario CPBAO")
