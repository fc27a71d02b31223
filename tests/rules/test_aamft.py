"""AAMFT Code of Ethics: editions 2001 (from 2001-07-01), 2012 (from 2012-07-01) and 2015 (from 2015-01-01).

A check uses the edition in force on the date asked about.
"""

from .base import RuleSetTestCase, current, former, reopened


class TestAamft2015(RuleSetTestCase):
    ruleset_ids = ("aamft",)

    # 1.5: lifetime, client and known members of the family system.
    def test_romantic_former_client_and_family_system_is_never(self):
        hist = former("2015-02-01", "2016-01-01")
        for party in ("client", "partner", "family"):
            for on in ("2016-01-01", "2030-01-01"):
                with self.subTest(party=party, on=on):
                    self.assertNever(hist, "romantic", on, party=party, sections={"AAMFT 1.5"})

    # 1.4 while current, then 1.5 for life: never.
    def test_romantic_current_client_is_never(self):
        for party in ("client", "partner", "family"):
            with self.subTest(party=party):
                answer = self.assertNever(current("2024-04-01"), "romantic", "2025-01-01", party=party)
                self.assertIn("AAMFT 1.4", self.sections(answer, deciding=False))
                self.assertAfterTermination(answer, "AAMFT 1.5: lifetime")

    def test_reopened_client_is_never(self):
        self.assertNever(reopened("2015-02-01", "2016-01-01", "2020-01-01"), "romantic", "2020-02-01")

    # 1.3: business or close personal relationships with a current client or immediate family.
    def test_business_and_personal_relationships_with_current_client(self):
        for contact in ("business", "purchase", "friendship", "social-media", "event"):
            for party in ("client", "partner", "family"):
                with self.subTest(contact=contact, party=party):
                    answer = self.assertCaution(current("2024-01-01"), contact, "2025-01-01", party=party,
                                                sections={"AAMFT 1.3"})
                    self.assertCondition(answer, "document the precautions")

    def test_friendship_with_former_client_is_not_addressed(self):
        self.assertNotAddressed(former("2015-02-01", "2016-01-01"), "friendship", "2020-01-01")

    def test_gift_and_barter(self):
        answer = self.assertCaution(current("2024-01-01"), "gift", "2025-01-01", sections={"AAMFT 3.9"})
        self.assertTrue(answer.rules[0].rule.factors)
        answer = self.assertCaution(current("2024-01-01"), "barter", "2025-01-01", sections={"AAMFT 8.5"})
        self.assertCondition(answer, "written contract")


class TestAamftEarlierEditions(RuleSetTestCase):
    ruleset_ids = ("aamft",)

    # The edition changes on 2015-01-01: the same history, one day apart.
    def test_2014_12_31_uses_the_2012_edition_and_2015_01_01_the_2015_edition(self):
        hist = former("2011-01-01", "2012-10-01")
        answer = self.assertCaution(hist, "romantic", "2014-12-31", sections={"AAMFT 1.5"})
        self.assertEqual(answer.in_force[0]["edition"], "2012")
        self.assertCondition(answer, "burden of showing there is no exploitation")
        answer = self.assertNever(hist, "romantic", "2015-01-01", sections={"AAMFT 1.5"})
        self.assertEqual(answer.in_force[0]["edition"], "2015")

    def test_a_window_open_on_2014_12_31_becomes_never_on_2015_01_01(self):
        hist = former("2011-01-01", "2013-01-01")
        # The 2012 window would end on 2015-01-01, the very day the 2015 edition forbids it for life:
        # the answer on 2014-12-31 is already "never", and it says which edition brings it.
        answer = self.assertNever(hist, "romantic", "2014-12-31")
        self.assertTrue(any(f.ahead and f.edition.name == "2015" for f in answer.rules))
        self.assertWarning(answer, "2015 edition (in force from 2015-01-01)")
        self.assertNever(hist, "romantic", "2015-01-01")

    def test_a_window_that_ends_before_2015_still_ends(self):
        hist = former("2010-01-01", "2012-06-01")
        self.assertWait(hist, "romantic", "2013-06-01", "2014-06-01")
        self.assertCaution(hist, "romantic", "2014-06-01")

    # 2012 and 2001: two years from termination OR last professional contact, whichever is later.
    def test_2012_window_counts_from_the_later_of_termination_and_last_contact(self):
        hist = former("2011-01-01", "2012-09-01", ("2012-12-01", "letter"))
        self.assertWait(hist, "romantic", "2012-09-02", "2014-12-01")
        self.assertWait(hist, "romantic", "2014-11-30", "2014-12-01")
        self.assertCaution(hist, "romantic", "2014-12-01")
        self.assertCaution(hist, "romantic", "2014-12-31")

    def test_2012_without_later_contact_counts_from_termination(self):
        self.assertWait(former("2011-01-01", "2012-09-01"), "romantic", "2014-08-31", "2014-09-01")

    def test_2012_covers_spouses_partners_and_close_relatives(self):
        hist = former("2011-01-01", "2012-09-01")
        for party in ("partner", "family"):
            with self.subTest(party=party):
                self.assertWait(hist, "romantic", "2013-06-01", "2014-09-01", party=party)

    def test_2012_leap_day(self):
        hist = former("2010-01-01", "2012-02-29")
        self.assertWait(hist, "romantic", "2014-02-28", "2014-03-01")
        self.assertCaution(hist, "romantic", "2014-03-01")

    def test_2012_current_client_waits_without_a_date(self):
        self.assertWait(current("2013-01-01"), "romantic", "2013-05-01", None)

    def test_2001_edition_client_only(self):
        hist = former("2007-01-01", "2008-03-01", ("2009-01-15", "records"))
        answer = self.assertWait(hist, "romantic", "2010-06-01", "2011-01-15")
        self.assertEqual(answer.in_force[0]["edition"], "2001")
        self.assertWarning(answer, "AAMFT 1.5 rests on a secondary summary (certainty C)")
        self.assertCaution(hist, "romantic", "2011-01-15")
        self.assertNotAddressed(hist, "romantic", "2010-06-01", party="partner")

    def test_2001_edition_ends_on_2012_06_30(self):
        hist = former("2009-01-01", "2011-01-01")
        self.assertNotAddressed(hist, "romantic", "2012-06-30", party="family")
        self.assertWait(hist, "romantic", "2012-07-01", "2013-01-01", party="family")

    def test_a_date_before_2001_uses_the_2001_edition_with_a_warning(self):
        answer = self.assertWait(former("1999-01-01", "2000-01-01"), "romantic", "2001-01-01", "2002-01-01")
        self.assertWarning(answer, "before the earliest edition of AAMFT")
