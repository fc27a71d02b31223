"""California: Bus. & Prof. Code 4982(k), 2960(o); Civil Code 43.93 (an overlay)."""

from .base import RuleSetTestCase, current, former, reopened

SECTION = "California B&P 4982(k), 2960(o); Civ. 43.93"


class TestCalifornia(RuleSetTestCase):
    ruleset_ids = ("california",)

    def test_romantic_current_client_waits(self):
        self.assertWait(current("2024-01-01"), "romantic", "2025-01-01", None, sections={SECTION})

    def test_romantic_former_client_two_years_from_termination_then_ok(self):
        hist = former("2021-01-01", "2023-04-30")
        self.assertWindow(hist, "romantic", "2025-04-30", "ok", opened="2023-04-30", sections={SECTION})

    def test_a_later_contact_does_not_move_the_termination_clock(self):
        hist = former("2021-01-01", "2023-04-30", ("2024-01-05", "records"))
        self.assertWait(hist, "romantic", "2025-04-29", "2025-04-30")

    def test_leap_day_termination(self):
        self.assertWindow(former("2022-01-01", "2024-02-29"), "romantic", "2026-03-01", "ok")

    def test_reopened_client_waits_again(self):
        hist = reopened("2018-01-01", "2019-01-01", "2024-01-01")
        self.assertOk(hist, "romantic", "2023-12-31")
        self.assertWait(hist, "romantic", "2024-01-01", None)

    def test_partner_and_non_romantic_contacts_are_not_addressed(self):
        hist = former("2021-01-01", "2023-04-30")
        self.assertNotAddressed(hist, "romantic", "2024-01-01", party="partner")
        self.assertNotAddressed(hist, "friendship", "2024-01-01")

    def test_with_apa_after_two_years_the_national_code_still_applies(self):
        hist = former("2021-01-01", "2023-04-30")
        self.assertCaution(hist, "romantic", "2025-04-30", codes=("apa", "california"))
        answer = self.assertWait(hist, "romantic", "2024-04-30", "2025-04-30", codes=("apa", "california"))
        self.assertEqual(self.sections(answer), {"APA 10.08(a)", SECTION})
