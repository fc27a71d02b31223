"""Common ground for the rule-set specifications, in the style of python-holidays' tests/common.py.

Each test module subclasses `RuleSetTestCase`, names the rule sets in force (`ruleset_ids`) and states
what the codes say as plain assertions: `assertWait(history, "romantic", on, until)`,
`assertWindow(...)`, `assertNever(...)`. Histories are built directly from facts (no database):

    former("2019-03-01", "2024-06-15", ("2025-01-10", "letter"))
    current("2024-01-01")
    reopened("2015-01-01", "2017-01-01", "2019-06-01")
"""

from __future__ import annotations

import unittest
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from boundary_tracker.dates import add_years
from boundary_tracker.history import ClientHistory, ContactFacts, EpisodeFacts
from boundary_tracker.rules import engine
from boundary_tracker.rules.model import RuleSet
from boundary_tracker.rules.registry import load_builtin

DateLike = str | date
Contact = tuple[DateLike, str]

ONE_DAY = timedelta(days=1)
_UNSET = object()


def d(value: DateLike) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def history(*events: tuple[str, ...], code: str = "C-001", service: str = "individual") -> ClientHistory:
    """A history from events in the shared cases' vocabulary, in order:
    ("start", DATE), ("terminate", DATE), ("reopen", DATE), ("contact", DATE, KIND)."""
    episodes: list[list[date | None]] = []
    contacts: list[ContactFacts] = []
    for event in events:
        what, when = event[0], d(event[1])
        if what in ("start", "reopen"):
            episodes.append([when, None])
        elif what == "terminate":
            episodes[-1][1] = when
        elif what == "contact":
            contacts.append(ContactFacts(when, event[2]))
        else:
            raise ValueError(f"unknown event {what!r}")
    return ClientHistory(
        code=code,
        service=service,
        episodes=tuple(EpisodeFacts(started, terminated) for started, terminated in episodes),
        contacts=tuple(contacts),
    )


def _contacts(contacts: Iterable[Contact]) -> list[tuple[str, ...]]:
    return [("contact", str(d(on)), kind) for on, kind in contacts]


def current(started: DateLike, *contacts: Contact) -> ClientHistory:
    """A client in therapy, never terminated (whatever the time since the last session)."""
    return history(("start", str(d(started))), *_contacts(contacts))


def former(started: DateLike, terminated: DateLike, *contacts: Contact, how: str | None = None) -> ClientHistory:
    """A client whose only episode was terminated; `contacts` are professional contacts of any date."""
    base = history(("start", str(d(started))), ("terminate", str(d(terminated))), *_contacts(contacts))
    if how is None:
        return base
    episode = base.episodes[0]
    return ClientHistory(base.code, base.service, (EpisodeFacts(episode.started, episode.terminated, how),),
                         base.contacts)


def reopened(started: DateLike, terminated: DateLike, reopened_on: DateLike, *contacts: Contact,
             terminated_again: DateLike | None = None) -> ClientHistory:
    """A former client who came back (a second episode), terminated again or not."""
    events: list[tuple[str, ...]] = [("start", str(d(started))), ("terminate", str(d(terminated))),
                                     ("reopen", str(d(reopened_on)))]
    if terminated_again is not None:
        events.append(("terminate", str(d(terminated_again))))
    return history(*events, *_contacts(contacts))


class RuleSetTestCase(unittest.TestCase):
    """Assertions over `engine.check` for the rule sets named in `ruleset_ids`."""

    ruleset_ids: Sequence[str] = ()
    rulesets: list[RuleSet]

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.rulesets = [load_builtin(ruleset_id) for ruleset_id in cls.ruleset_ids]

    # -- running a check -------------------------------------------------------------------------------
    def check(self, hist: ClientHistory, contact: str, on: DateLike, party: str = "client",
              codes: Sequence[str] | None = None) -> engine.Answer:
        rulesets = self.rulesets if codes is None else [load_builtin(c) for c in codes]
        return engine.check(hist, rulesets, contact, party, d(on))

    @staticmethod
    def sections(answer: engine.Answer, deciding: bool = True) -> set[str]:
        """`"ACA A.5.c"`-style names of the deciding (or of all) rules that applied."""
        fired = answer.deciding if deciding else answer.rules
        return {f"{f.ruleset.short} {f.rule.section}" for f in fired}

    # -- verdicts ----------------------------------------------------------------------------------------
    def assertVerdict(self, hist: ClientHistory, contact: str, on: DateLike, verdict: str, *,
                      party: str = "client", allowed_from: object = _UNSET,
                      sections: Iterable[str] | None = None, codes: Sequence[str] | None = None) -> engine.Answer:
        answer = self.check(hist, contact, on, party, codes)
        where = f"{contact} with the {party} on {d(on)}: {answer.headline()}"
        self.assertEqual(answer.verdict, verdict, where)
        if allowed_from is not _UNSET:
            expected = None if allowed_from is None else d(allowed_from)  # type: ignore[arg-type]
            self.assertEqual(answer.allowed_from, expected, where)
        if sections is not None:
            self.assertEqual(self.sections(answer), set(sections), where)
        return answer

    def assertNever(self, hist: ClientHistory, contact: str, on: DateLike, **kw: object) -> engine.Answer:
        return self.assertVerdict(hist, contact, on, "never", allowed_from=None, **kw)  # type: ignore[arg-type]

    def assertWait(self, hist: ClientHistory, contact: str, on: DateLike, until: DateLike | None,
                   **kw: object) -> engine.Answer:
        """Prohibited on `on`; permitted from `until` (None: while current, the window has not started)."""
        return self.assertVerdict(hist, contact, on, "wait", allowed_from=until, **kw)  # type: ignore[arg-type]

    def assertCaution(self, hist: ClientHistory, contact: str, on: DateLike, **kw: object) -> engine.Answer:
        return self.assertVerdict(hist, contact, on, "caution", allowed_from=None, **kw)  # type: ignore[arg-type]

    def assertOk(self, hist: ClientHistory, contact: str, on: DateLike, **kw: object) -> engine.Answer:
        return self.assertVerdict(hist, contact, on, "ok", allowed_from=None, **kw)  # type: ignore[arg-type]

    def assertNotAddressed(self, hist: ClientHistory, contact: str, on: DateLike, party: str = "client",
                           codes: Sequence[str] | None = None) -> engine.Answer:
        """No rule set in force has a rule for the question: the tool errs toward caution and says so."""
        answer = self.check(hist, contact, on, party, codes)
        where = f"{contact} with the {party} on {d(on)}: {answer.headline()}"
        ids = [r.id for r in self.rulesets] if codes is None else list(codes)
        self.assertEqual(answer.not_addressed, ids, where)
        self.assertEqual(answer.rules, [], where)
        self.assertEqual(answer.verdict, "caution", where)
        self.assertTrue(any("not address this contact; the tool errs toward caution" in w for w in answer.warnings), where)
        return answer

    def assertWindow(self, hist: ClientHistory, contact: str, closes: DateLike, after: str, *,
                     party: str = "client", opened: DateLike | None = None,
                     sections: Iterable[str] | None = None, codes: Sequence[str] | None = None) -> None:
        """A window that closes on `closes` (the anniversary): prohibited from `opened` (the clock event,
        when given) to the day before, `after` on the anniversary and years later."""
        anniversary = d(closes)
        days = [anniversary - ONE_DAY] + ([d(opened)] if opened is not None else [])
        for day in days:
            self.assertWait(hist, contact, day, anniversary, party=party, sections=sections, codes=codes)
        for day in (anniversary, anniversary + ONE_DAY, add_years(anniversary, 3)):
            self.assertVerdict(hist, contact, day, after, party=party, allowed_from=None, codes=codes)

    # -- what else the answer says -----------------------------------------------------------------------
    def assertWarning(self, answer: engine.Answer, text: str) -> None:
        self.assertTrue(any(text in w for w in answer.warnings), f"no warning with {text!r} in {answer.warnings}")

    def assertNoWarning(self, answer: engine.Answer, text: str) -> None:
        self.assertFalse(any(text in w for w in answer.warnings), f"unexpected warning {text!r}: {answer.warnings}")

    def assertCondition(self, answer: engine.Answer, text: str) -> None:
        self.assertTrue(any(text in c for c in answer.conditions), f"no condition with {text!r} in {answer.conditions}")

    def assertAfterTermination(self, answer: engine.Answer, text: str) -> None:
        self.assertTrue(any(text in a for a in answer.after_termination),
                        f"no after-termination note with {text!r} in {answer.after_termination}")
