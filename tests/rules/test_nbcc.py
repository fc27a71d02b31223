"""NBCC Code of Ethics (2023)."""

from .base import RuleSetTestCase, current, former, reopened


class TestNbcc(RuleSetTestCase):
    ruleset_ids = ("nbcc",)

    # Item 8: current or former, at least five years from termination, then caution.
    def test_romantic_former_client_five_years_from_termination(self):
        hist = former("2022-01-01", "2024-01-15")
        self.assertWindow(hist, "romantic", "2029-01-15", "caution", opened="2024-01-15", sections={"NBCC 8"})

    def test_a_later_contact_does_not_move_the_termination_clock(self):
        hist = former("2022-01-01", "2024-01-15", ("2025-03-01", "records"))
        self.assertWait(hist, "romantic", "2029-01-14", "2029-01-15")

    def test_romantic_current_client_waits_without_a_date(self):
        answer = self.assertWait(current("2024-01-01"), "romantic", "2025-01-01", None, sections={"NBCC 8"})
        self.assertEqual(answer.rules[0].clock_reason, "the window starts at termination")

    def test_reopened_client_waits_again(self):
        hist = reopened("2023-09-01", "2024-01-15", "2025-02-01")
        self.assertWait(hist, "romantic", "2025-01-31", "2029-01-15")
        self.assertWait(hist, "romantic", "2025-02-01", None)

    def test_leap_day_termination(self):
        self.assertWindow(former("2023-09-01", "2024-02-29"), "romantic", "2029-03-01", "caution")

    def test_partner_is_not_addressed(self):
        self.assertNotAddressed(former("2023-09-01", "2024-02-29"), "romantic", "2025-01-01", party="partner")

    # Item 7: a recommendation (caution), naming the recommended date while it runs.
    def test_friendship_former_client_recommended_five_years(self):
        hist = former("2023-09-01", "2024-01-15")
        for contact in ("friendship", "social-media", "business"):
            with self.subTest(contact=contact):
                answer = self.assertCaution(hist, contact, "2025-01-01", sections={"NBCC 7"})
                self.assertWarning(answer, "NBCC 7 recommends waiting until 2029-01-15 "
                                           "(a recommendation, not a prohibition)")
                self.assertEqual(answer.rules[0].window_ends.isoformat(), "2029-01-15")
                answer = self.assertCaution(hist, contact, "2029-01-15", sections={"NBCC 7"})
                self.assertNoWarning(answer, "recommends waiting")

    # Item 6: existing relationships with a current client.
    def test_existing_relationships_with_current_client(self):
        for contact in ("friendship", "business", "purchase", "event"):
            with self.subTest(contact=contact):
                self.assertCaution(current("2024-01-01"), contact, "2025-01-01", sections={"NBCC 6"})

    def test_barter_and_gift(self):
        answer = self.assertCaution(current("2024-01-01"), "barter", "2025-01-01", sections={"NBCC 4, 5"})
        self.assertCondition(answer, "Document the arrangement")
        answer = self.assertCaution(current("2024-01-01"), "gift", "2025-01-01", sections={"NBCC 4, 5"})
        self.assertCondition(answer, "culturally or therapeutically justified")

    def test_event_with_former_client_is_not_addressed(self):
        self.assertNotAddressed(former("2023-09-01", "2024-01-15"), "event", "2025-01-01")
