"""Pennsylvania social workers: 49 Pa. Code 47.63(a) (an overlay)."""

from .base import RuleSetTestCase, current, former


class TestPennsylvaniaSw(RuleSetTestCase):
    ruleset_ids = ("pennsylvania-sw",)

    def test_romantic_former_client_and_family_seven_years_from_termination(self):
        hist = former("2015-01-01", "2020-07-01")
        for party in ("client", "partner", "family"):
            with self.subTest(party=party):
                self.assertWindow(hist, "romantic", "2027-07-01", "ok", party=party, opened="2020-07-01",
                                  sections={"Pennsylvania SW 47.63(a)"})

    def test_a_later_contact_does_not_move_the_termination_clock(self):
        self.assertWait(former("2015-01-01", "2020-07-01", ("2021-01-01", "records")), "romantic", "2027-06-30",
                        "2027-07-01")

    def test_leap_day_termination(self):
        self.assertWindow(former("2015-01-01", "2020-02-29"), "romantic", "2027-03-01", "ok")

    def test_current_client_and_other_contacts_are_not_addressed(self):
        self.assertNotAddressed(current("2024-01-01"), "romantic", "2025-01-01")
        self.assertNotAddressed(former("2015-01-01", "2020-07-01"), "friendship", "2025-01-01")

    def test_with_nasw_the_lifetime_rule_for_the_client_and_the_window_for_family(self):
        hist = former("2015-01-01", "2020-07-01")
        self.assertNever(hist, "romantic", "2025-01-01", codes=("nasw", "pennsylvania-sw"))
        self.assertWait(hist, "romantic", "2025-01-01", "2027-07-01", party="family",
                        codes=("nasw", "pennsylvania-sw"))
        self.assertCaution(hist, "romantic", "2027-07-01", party="family", codes=("nasw", "pennsylvania-sw"))
