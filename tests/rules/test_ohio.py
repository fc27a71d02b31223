"""Ohio: OAC 4757-5-04(C) (an overlay)."""

from .base import RuleSetTestCase, current, former


class TestOhio(RuleSetTestCase):
    ruleset_ids = ("ohio",)

    def test_romantic_former_client_five_years_from_termination(self):
        hist = former("2020-01-01", "2024-08-31")
        self.assertWindow(hist, "romantic", "2029-08-31", "ok", opened="2024-08-31", sections={"Ohio 4757-5-04(C)"})

    def test_a_later_contact_does_not_move_the_termination_clock(self):
        self.assertWait(former("2020-01-01", "2024-08-31", ("2025-01-01", "letter")), "romantic", "2029-08-30",
                        "2029-08-31")

    def test_leap_day_termination(self):
        self.assertWindow(former("2020-01-01", "2024-02-29"), "romantic", "2029-03-01", "ok")

    def test_current_client_and_partner_are_not_addressed(self):
        self.assertNotAddressed(current("2024-01-01"), "romantic", "2025-01-01")
        self.assertNotAddressed(former("2020-01-01", "2024-08-31"), "romantic", "2025-01-01", party="partner")

    def test_with_aca_romantic_ohio_can_be_the_later_window(self):
        hist = former("2020-01-01", "2024-08-31")
        self.assertWait(hist, "romantic", "2026-01-01", "2029-08-31", codes=("aca", "ohio"))
