"""American Psychiatric Association: Principles of Medical Ethics with Annotations."""

from .base import RuleSetTestCase, current, former, reopened


class TestPsychiatry(RuleSetTestCase):
    ruleset_ids = ("psychiatry",)

    def test_romantic_current_patient_is_never(self):
        self.assertNever(current("2024-01-01"), "romantic", "2025-01-01")

    def test_romantic_former_patient_is_never_whatever_the_time(self):
        hist = former("1990-01-01", "1991-01-01")
        for on in ("1991-01-01", "2025-01-01"):
            with self.subTest(on=on):
                self.assertNever(hist, "romantic", on)

    def test_reopened_patient_is_never(self):
        self.assertNever(reopened("2015-01-01", "2016-01-01", "2024-01-01"), "romantic", "2024-02-01")

    def test_partner_family_and_other_contacts_are_not_addressed(self):
        hist = former("2015-01-01", "2016-01-01")
        self.assertNotAddressed(hist, "romantic", "2024-01-01", party="partner")
        self.assertNotAddressed(hist, "romantic", "2024-01-01", party="family")
        self.assertNotAddressed(hist, "friendship", "2024-01-01")

    def test_combined_with_a_windowed_code_never_wins(self):
        answer = self.assertNever(former("2015-01-01", "2016-01-01"), "romantic", "2024-01-01",
                                  codes=("apa", "psychiatry"))
        self.assertEqual(answer.per_ruleset, {"apa": "caution", "psychiatry": "never"})
