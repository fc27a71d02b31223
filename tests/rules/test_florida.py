"""Florida: Fla. Admin. Code 64B4-10.003 (an overlay)."""

from .base import RuleSetTestCase, current, former

SECTION = "Florida 64B4-10.003"


class TestFlorida(RuleSetTestCase):
    ruleset_ids = ("florida",)

    # The relationship is deemed to continue for two years after termination or the last professional
    # contact, whichever is later.
    def test_romantic_two_years_from_termination_without_later_contact(self):
        hist = former("2021-01-01", "2023-01-10")
        self.assertWindow(hist, "romantic", "2025-01-10", "ok", opened="2023-01-10", sections={SECTION})

    def test_a_court_appearance_after_termination_moves_the_clock(self):
        hist = former("2021-01-01", "2023-01-10", ("2023-06-01", "court"))
        self.assertWindow(hist, "romantic", "2025-06-01", "ok", sections={SECTION})
        answer = self.check(hist, "romantic", "2024-01-01")
        self.assertIn("later of termination (2023-01-10)", answer.rules[0].clock_reason)

    def test_leap_day_last_contact(self):
        self.assertWindow(former("2021-01-01", "2023-12-01", ("2024-02-29", "phone")), "romantic", "2026-03-01", "ok")

    def test_a_current_client_waits_for_termination_the_relationship_is_deemed_to_continue(self):
        answer = self.assertWait(current("2024-01-01"), "romantic", "2025-01-01", None)
        self.assertEqual([f.rule.section for f in answer.rules], ["64B4-10.003"])

    def test_partner_and_other_contacts_are_not_addressed(self):
        self.assertNotAddressed(former("2021-01-01", "2023-01-10"), "romantic", "2024-01-01", party="partner")
        self.assertNotAddressed(former("2021-01-01", "2023-01-10"), "friendship", "2024-01-01")

    def test_with_nasw_the_lifetime_rule_wins(self):
        self.assertNever(former("2021-01-01", "2023-01-10"), "romantic", "2024-01-01", codes=("nasw", "florida"))
