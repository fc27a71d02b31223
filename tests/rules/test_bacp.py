"""BACP Ethical Framework for the Counselling Professions (2018): 34 and 37."""

from .base import RuleSetTestCase, current, former, reopened


class TestBacp(RuleSetTestCase):
    ruleset_ids = ("bacp",)

    def test_romantic_former_client_is_never_and_says_verify(self):
        answer = self.assertNever(former("2019-01-01", "2020-01-01"), "romantic", "2030-01-01",
                                  sections={"BACP 37"})
        self.assertWarning(answer, "BACP 37 rests on a secondary summary (certainty C): verify with your board")

    def test_romantic_current_client_34_then_37_is_never(self):
        answer = self.assertNever(current("2024-01-01"), "romantic", "2025-01-01", sections={"BACP 37"})
        self.assertIn("BACP 34", self.sections(answer, deciding=False))

    def test_reopened_client_is_never(self):
        self.assertNever(reopened("2019-01-01", "2020-01-01", "2024-01-01"), "romantic", "2024-06-01")

    def test_partner_and_other_contacts_are_not_addressed(self):
        self.assertNotAddressed(current("2024-01-01"), "romantic", "2025-01-01", party="partner")
        self.assertNotAddressed(former("2019-01-01", "2020-01-01"), "friendship", "2025-01-01")
