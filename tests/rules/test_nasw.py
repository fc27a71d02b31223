"""NASW Code of Ethics (2017, amended 2021)."""

from .base import RuleSetTestCase, current, former, reopened


class TestNasw(RuleSetTestCase):
    ruleset_ids = ("nasw",)

    # 1.09(c): former clients, no end date.
    def test_romantic_former_client_is_never_whatever_the_time(self):
        hist = former("2008-01-01", "2010-01-01", ("2011-03-01", "records"))
        for on in ("2010-01-01", "2025-01-01", "2060-01-01"):
            with self.subTest(on=on):
                self.assertNever(hist, "romantic", on, sections={"NASW 1.09(c)"})

    # 1.09(a) while current, then 1.09(c) for life: never.
    def test_romantic_current_client_is_never(self):
        answer = self.assertNever(current("2024-01-01"), "romantic", "2025-01-01", sections={"NASW 1.09(c)"})
        self.assertIn("NASW 1.09(a)", self.sections(answer, deciding=False))
        self.assertAfterTermination(answer, "NASW 1.09(c): lifetime")

    def test_reopened_client_is_still_never(self):
        self.assertNever(reopened("2010-01-01", "2012-01-01", "2024-01-01"), "romantic", "2024-06-01")

    # 1.09(b): relatives and others close to the client.
    def test_partner_and_family_are_caution_when_current_or_former(self):
        for hist, on in ((current("2024-01-01"), "2025-01-01"), (former("2015-01-01", "2016-01-01"), "2025-01-01")):
            for party in ("partner", "family"):
                with self.subTest(party=party, status=hist.status_on(hist.started).status):
                    answer = self.assertCaution(hist, "romantic", on, party=party, sections={"NASW 1.09(b)"})
                    self.assertCondition(answer, "full burden of setting clear, appropriate boundaries")

    # 1.06(e)/(h): no personal social-media connection while current; 1.06(c) afterwards.
    def test_social_media_current_client_waits_then_caution(self):
        self.assertWait(current("2024-01-01"), "social-media", "2025-01-01", None)
        self.assertCaution(former("2020-01-01", "2024-01-01"), "social-media", "2024-01-02",
                           sections={"NASW 1.06(c)"})

    # 1.06(c): dual relationships, social or business, current or former.
    def test_social_and_business_relationships_are_caution(self):
        for contact in ("friendship", "event", "business", "purchase"):
            for hist, on in ((current("2024-01-01"), "2025-01-01"), (former("2015-01-01", "2016-01-01"), "2016-02-01")):
                with self.subTest(contact=contact, on=on):
                    self.assertCaution(hist, contact, on, sections={"NASW 1.06(c)"})

    def test_barter_with_current_client_1_13_b(self):
        answer = self.assertCaution(current("2024-01-01"), "barter", "2025-01-01")
        self.assertEqual(self.sections(answer), {"NASW 1.06(c)", "NASW 1.13(b)"})

    def test_gifts_are_not_addressed(self):
        self.assertNotAddressed(current("2024-01-01"), "gift", "2025-01-01")

    def test_friendship_with_partner_is_not_addressed(self):
        self.assertNotAddressed(former("2015-01-01", "2016-01-01"), "friendship", "2020-01-01", party="partner")
