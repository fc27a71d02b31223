"""The two-year practice policy (opt-in; not a code requirement)."""

from .base import RuleSetTestCase, current, former


class TestTwoYear(RuleSetTestCase):
    ruleset_ids = ("two-year",)

    def test_personal_relationships_two_years_from_last_contact_then_ok(self):
        hist = former("2021-01-01", "2023-05-10")
        for contact in ("friendship", "social-media", "business"):
            with self.subTest(contact=contact):
                self.assertWindow(hist, contact, "2025-05-10", "ok", opened="2023-05-10",
                                  sections={"Two-year policy rule 1"})

    def test_a_records_request_moves_the_clock(self):
        self.assertWindow(former("2021-01-01", "2023-05-10", ("2023-11-20", "records")), "friendship",
                          "2025-11-20", "ok")

    def test_labelled_as_a_practice_policy(self):
        answer = self.check(former("2021-01-01", "2023-05-10"), "friendship", "2024-05-10")
        self.assertWarning(answer, "a practice policy you opted into, not a code requirement")
        self.assertEqual(answer.rules[0].ruleset.kind, "policy")

    def test_current_client_waits_without_a_date(self):
        self.assertWait(current("2024-01-01"), "friendship", "2025-01-01", None)

    def test_leap_day_last_contact(self):
        self.assertWindow(former("2021-01-01", "2024-02-29"), "friendship", "2026-03-01", "ok")

    def test_other_contacts_and_parties_are_not_addressed(self):
        hist = former("2021-01-01", "2023-05-10")
        self.assertNotAddressed(hist, "romantic", "2024-01-01")
        self.assertNotAddressed(hist, "friendship", "2024-01-01", party="partner")

    def test_with_apa_the_policy_window_then_3_05(self):
        hist = former("2021-01-01", "2023-05-10")
        self.assertWait(hist, "friendship", "2024-05-10", "2025-05-10", codes=("apa", "two-year"))
        self.assertCaution(hist, "friendship", "2025-05-10", sections={"APA 3.05(a)"}, codes=("apa", "two-year"))
