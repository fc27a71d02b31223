"""Texas LPC: 22 TAC 681.38(d) (an overlay)."""

from .base import RuleSetTestCase, current, former


class TestTexasLpc(RuleSetTestCase):
    ruleset_ids = ("texas-lpc",)

    # (d)(2): no non-therapeutic relationship for two years after counseling ends.
    def test_personal_social_business_relationships_two_years_from_termination(self):
        hist = former("2021-01-01", "2024-03-10")
        for contact in ("friendship", "social-media", "event"):
            with self.subTest(contact=contact):
                self.assertWindow(hist, contact, "2026-03-10", "ok", opened="2024-03-10",
                                  sections={"Texas LPC 681.38(d)(2)"})

    def test_business_after_two_years_still_no_lending_or_borrowing(self):
        hist = former("2021-01-01", "2024-03-10")
        self.assertWait(hist, "business", "2026-03-09", "2026-03-10")
        answer = self.assertCaution(hist, "business", "2026-03-10", sections={"Texas LPC 681.38(d)(6)"})
        self.assertCondition(answer, "Do not lend money to or borrow money from the client")

    def test_a_later_contact_does_not_move_the_termination_clock(self):
        hist = former("2021-01-01", "2024-03-10", ("2024-09-01", "letter"))
        self.assertWait(hist, "friendship", "2026-03-09", "2026-03-10")

    # (d)(3): romantic five years, then the licensee's burden.
    def test_romantic_five_years_then_caution(self):
        hist = former("2021-01-01", "2024-03-10")
        self.assertWindow(hist, "romantic", "2029-03-10", "caution", opened="2024-03-10",
                          sections={"Texas LPC 681.38(d)(3)"})
        answer = self.check(hist, "romantic", "2029-03-10")
        self.assertCondition(answer, "consensual, not the result of exploitation")

    def test_leap_day_termination(self):
        hist = former("2022-01-01", "2024-02-29")
        self.assertWindow(hist, "friendship", "2026-03-01", "ok")
        self.assertWindow(hist, "romantic", "2029-03-01", "caution")

    # (d)(6): gifts over $50, current and former.
    def test_gifts_over_50_dollars(self):
        for hist, on in ((current("2024-01-01"), "2025-01-01"), (former("2021-01-01", "2024-03-10"), "2030-01-01")):
            with self.subTest(on=on):
                answer = self.assertCaution(hist, "gift", on, sections={"Texas LPC 681.38(d)(6)"})
                self.assertCondition(answer, "$50")

    def test_purchase_partner_and_current_client_relationships_are_not_addressed(self):
        self.assertNotAddressed(former("2021-01-01", "2024-03-10"), "purchase", "2025-01-01")
        self.assertNotAddressed(former("2021-01-01", "2024-03-10"), "friendship", "2025-01-01", party="partner")
        self.assertNotAddressed(current("2024-01-01"), "friendship", "2025-01-01")

    # (d)(5) is about prospective clients: never fires.
    def test_prospective_rule_never_fires(self):
        answer = self.check(current("2024-01-01"), "business", "2025-01-01")
        self.assertNotIn("Texas LPC 681.38(d)(5)", self.sections(answer, deciding=False))

    # With ACA, as the demo sets it up.
    def test_with_aca_friendship_waits_two_years_then_a_6_e(self):
        hist = former("2021-01-01", "2024-03-10")
        self.assertWait(hist, "friendship", "2025-01-01", "2026-03-10", codes=("aca", "texas-lpc"))
        self.assertCaution(hist, "friendship", "2026-03-10", sections={"ACA A.6.e"}, codes=("aca", "texas-lpc"))

    def test_with_aca_romantic_later_of_the_two_windows_wins(self):
        hist = former("2021-01-01", "2024-03-10", ("2025-01-20", "court"))
        # ACA counts from the court appearance (2030-01-20), Texas from termination (2029-03-10).
        answer = self.assertWait(hist, "romantic", "2026-01-01", "2030-01-20", codes=("aca", "texas-lpc"),
                                 sections={"ACA A.5.c"})
        self.assertEqual(answer.per_ruleset, {"aca": "wait", "texas-lpc": "wait"})
