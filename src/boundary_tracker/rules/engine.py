"""The contact check: every rule set in force, evaluated on one client's history; strictest wins.

Pure functions over `ClientHistory` and `RuleSet`: no database, no click.
Verdicts, strictest first: never > wait > caution > ok. Between two `wait`s the later
`allowed_from` wins, and a `wait` with no date (the window has not started) is the latest of all.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from boundary_tracker.dates import add_years
from boundary_tracker.errors import InvalidInput
from boundary_tracker.history import ClientHistory, StatusOn
from boundary_tracker.rules.model import Edition, Rule, RuleSet
from boundary_tracker.vocab import CHECK_CONTACTS, PARTIES, VERDICTS

_FAR = date.max


@dataclass(frozen=True)
class Fired:
    """One rule that applied, with its own verdict and where its date came from."""

    ruleset: RuleSet
    edition: Edition
    rule: Rule
    verdict: str
    allowed_from: date | None = None
    window_ends: date | None = None
    clock: str | None = None
    clock_date: date | None = None
    clock_reason: str | None = None
    ahead: bool = False  # from a later edition that takes effect before this rule's window ends

    def as_dict(self) -> dict[str, object]:
        rule = self.rule
        return {
            "ruleset": self.ruleset.id,
            "ruleset_name": self.ruleset.short,
            "kind": self.ruleset.kind,
            "edition": self.edition.name,
            "edition_effective": self.edition.effective.isoformat(),
            "section": rule.section,
            "verdict": self.verdict,
            "allowed_from": _iso(self.allowed_from),
            "window": rule.describe_window(),
            "window_ends": _iso(self.window_ends),
            "recommended": rule.recommended,
            "from_later_edition": self.ahead,
            "clock": self.clock,
            "clock_date": _iso(self.clock_date),
            "clock_reason": self.clock_reason,
            "summary": rule.summary,
            "conditions": list(rule.conditions),
            "factors": list(rule.factors),
            "certainty": rule.certainty,
            "source": rule.source or self.edition.source or self.ruleset.source,
        }


@dataclass
class Answer:
    client: str
    contact: str
    with_: str
    on: date
    status: str
    verdict: str
    allowed_from: date | None
    rules: list[Fired]
    deciding: list[Fired]
    conditions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    not_addressed: list[str] = field(default_factory=list)
    after_termination: list[str] = field(default_factory=list)
    in_force: list[dict[str, str]] = field(default_factory=list)
    per_ruleset: dict[str, str] = field(default_factory=dict)

    def headline(self) -> str:
        names = ", ".join(dict.fromkeys(f"{f.ruleset.short} {f.rule.section}" for f in self.deciding))
        if self.verdict == "never":
            return f"NEVER under {names}"
        if self.verdict == "wait":
            if self.allowed_from is None:
                return f"NOT WHILE {self.client} IS A CURRENT CLIENT ({names}); the window starts at termination"
            return f"NOT UNTIL {self.allowed_from.isoformat()} ({names})"
        if self.verdict == "caution":
            if names:
                return f"PERMITTED WITH CONDITIONS ({names})"
            return f"PERMITTED WITH CAUTION: not addressed by {', '.join(self.not_addressed)}; the tool errs toward caution"
        return "PERMITTED: no rule in force restricts or conditions this contact"

    def as_dict(self) -> dict[str, object]:
        return {
            "client": self.client,
            "contact": self.contact,
            "with": self.with_,
            "on": self.on.isoformat(),
            "status": self.status,
            "verdict": self.verdict,
            "allowed_from": _iso(self.allowed_from),
            "headline": self.headline(),
            "rules": [f.as_dict() for f in self.rules],
            "conditions": self.conditions,
            "warnings": self.warnings,
            "not_addressed": self.not_addressed,
            "after_termination": self.after_termination,
            "in_force": self.in_force,
            "per_ruleset": self.per_ruleset,
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def strictness(verdict: str, allowed_from: date | None) -> tuple[int, date]:
    """A sort key: larger is stricter. A `wait` without a date is later than any date."""
    return VERDICTS.index(verdict), (allowed_from or _FAR) if verdict == "wait" else date.min


def _clock(rule: Rule, status: StatusOn) -> tuple[date, str]:
    assert status.termination is not None and status.last_contact is not None
    if rule.clock == "termination":
        return status.termination, f"termination of {status.termination.isoformat()}"
    last = status.last_contact
    if rule.clock == "last_contact":
        return last.on, f"last professional contact: {last.describe()}"
    return last.on, (
        f"later of termination ({status.termination.isoformat()}) and last professional contact "
        f"({last.describe()})"
    )


def evaluate_rule(ruleset: RuleSet, edition: Edition, rule: Rule, status: StatusOn, on: date) -> Fired:
    if rule.window_years is None:
        return Fired(ruleset, edition, rule, rule.verdict)
    if status.status == "current":
        return Fired(ruleset, edition, rule, rule.verdict, clock=rule.clock,
                     clock_reason="the window starts at termination")
    clock_date, reason = _clock(rule, status)
    ends = add_years(clock_date, rule.window_years)
    if on < ends:
        allowed = ends if rule.verdict == "wait" else None
        return Fired(ruleset, edition, rule, rule.verdict, allowed, ends, rule.clock, clock_date, reason)
    return Fired(ruleset, edition, rule, rule.after or "ok", None, ends, rule.clock, clock_date, reason)


def _fire(ruleset: RuleSet, edition: Edition, status: StatusOn, contact: str, party: str, on: date) -> list[Fired]:
    """The rules of one edition that apply. For a current client, a lifetime prohibition that will
    apply after termination applies now too: `never`, not a `wait` for a window that will not open."""
    fired = [
        evaluate_rule(ruleset, edition, rule, status, on)
        for rule in edition.rules
        if rule.covers(party, contact) and status.status in rule.status
    ]
    if status.status == "current" and any(f.verdict == "wait" for f in fired):
        fired += [
            Fired(ruleset, edition, rule, "never", clock_reason="applies after termination, for life")
            for rule in edition.rules
            if rule.covers(party, contact) and "former" in rule.status and "current" not in rule.status
            and rule.verdict == "never"
        ]
    return fired


def evaluate_ruleset(
    ruleset: RuleSet, status: StatusOn, contact: str, party: str, on: date
) -> tuple[list[Fired], Edition, bool]:
    """The rules of one rule set that apply (empty when it does not address the question).

    A `wait` whose date falls after a later edition takes effect is checked against that edition on
    that date too: when the later edition still forbids the contact (AAMFT 2012 -> 2015), its rules
    apply as well, and the stricter answer wins.
    """
    edition, in_range = ruleset.edition_on(on)
    fired = _fire(ruleset, edition, status, contact, party, on)
    seen = {id(edition)}
    while fired:
        top = max(fired, key=_key)
        if top.verdict != "wait" or top.allowed_from is None:
            break
        later, _ = ruleset.edition_on(top.allowed_from)
        if id(later) in seen:
            break
        seen.add(id(later))
        blocking = [f for f in _fire(ruleset, later, status, contact, party, top.allowed_from)
                    if f.verdict in ("wait", "never")]
        if not blocking:
            break
        fired += [replace(f, ahead=True) for f in blocking]
    return fired, edition, in_range


def _key(fired: Fired) -> tuple[int, date]:
    return strictness(fired.verdict, fired.allowed_from)


def check(
    history: ClientHistory, rulesets: list[RuleSet], contact: str, party: str, on: date
) -> Answer:
    """Answer "can I accept this contact?" for `party` of the client on `on`."""
    if contact not in CHECK_CONTACTS:
        raise InvalidInput(f"unknown contact type {contact!r}; use one of: {', '.join(CHECK_CONTACTS)}")
    if party not in PARTIES:
        raise InvalidInput(f"unknown party {party!r}; use one of: {', '.join(PARTIES)}")
    if not rulesets:
        raise InvalidInput("no ethics codes are set in your profile; run `boundary-tracker init --code CODE`")
    status = history.status_on(on)
    if status is None:
        raise InvalidInput(
            f"{on.isoformat()} is before client {history.code} started ({history.started}); "
            "a relationship before therapy is a question for intake, not a contact check"
        )
    answer = Answer(history.code, contact, party, on, status.status, "ok", None, [], [])
    warnings: list[str] = []
    for ruleset in rulesets:
        fired, edition, in_range = evaluate_ruleset(ruleset, status, contact, party, on)
        answer.in_force.append({"id": ruleset.id, "name": ruleset.short, "kind": ruleset.kind,
                                "edition": edition.name, "digest": ruleset.digest})
        if not in_range:
            warnings.append(
                f"{on.isoformat()} is before the earliest edition of {ruleset.short} we hold "
                f"({edition.name}, in force from {edition.effective}); that edition was used"
            )
        if not fired:
            answer.not_addressed.append(ruleset.id)
            answer.per_ruleset[ruleset.id] = "not addressed"
            continue
        answer.per_ruleset[ruleset.id] = max(fired, key=_key).verdict
        answer.rules.extend(fired)
        if status.status == "current":
            answer.after_termination.extend(
                f"{ruleset.short} {rule.section}: {rule.describe_window()}"
                for rule in edition.rules
                if rule.covers(party, contact) and "former" in rule.status
                and (rule.window_years or rule.verdict == "never")
            )
    answer.rules.sort(key=_key, reverse=True)
    if answer.rules:
        top = _key(answer.rules[0])
        answer.verdict, answer.allowed_from = answer.rules[0].verdict, answer.rules[0].allowed_from
        answer.deciding = [f for f in answer.rules if _key(f) == top]
    if answer.not_addressed and answer.verdict == "ok":
        # A rule set that is silent counts as caution: adding a rule set never weakens an answer.
        # (Against a stricter verdict it changes nothing, and `not_addressed` says it was silent.)
        names = ", ".join(r.short for r in rulesets if r.id in answer.not_addressed)
        warnings.append(f"{names} {'does' if len(answer.not_addressed) == 1 else 'do'} not address this "
                        "contact; the tool errs toward caution: consult and document your reasoning")
        answer.verdict, answer.deciding = "caution", []
    for fired in answer.rules:
        if fired.ahead:
            warnings.append(
                f"{fired.ruleset.short}'s {fired.edition.name} edition (in force from {fired.edition.effective}) "
                f"takes effect before an earlier window ends, and it applies then: {fired.rule.section}"
            )
    answer.conditions = list(dict.fromkeys(c for f in answer.rules for c in f.rule.conditions))
    answer.after_termination = list(dict.fromkeys(answer.after_termination))
    answer.warnings = warnings + _record_warnings(history, status, answer)
    return answer


def _record_warnings(history: ClientHistory, status: StatusOn, answer: Answer) -> list[str]:
    notes: list[str] = []
    if status.status == "current":
        last = status.last_contact
        since = f" (last professional contact: {last.describe()})" if last else ""
        if status.episode.terminated is not None:
            notes.append(f"on {answer.on.isoformat()} {history.code} was a current client "
                         f"(this episode ended on {status.episode.terminated.isoformat()})")
        elif status.reopened:
            notes.append(f"{history.code} returned on {status.episode.started} and is a current client again{since}")
        else:
            notes.append(
                f"no termination is recorded for {history.code}{since}: the client is treated as current; "
                f"if therapy has ended, record it with `boundary-tracker client terminate {history.code} --on DATE`"
            )
    elif status.episode.how == "unclear":
        notes.append(
            f"the termination of {status.termination} is recorded as unclear; "
            "an unclear ending raises the risk of any later relationship (consider a clear closure first)"
        )
    for fired in answer.rules:
        rule = fired.rule
        if rule.certainty == "C":
            notes.append(f"{fired.ruleset.short} {rule.section} rests on a secondary summary (certainty C): "
                         "verify with your board")
        if rule.recommended and fired.window_ends and answer.on < fired.window_ends:
            notes.append(f"{fired.ruleset.short} {rule.section} recommends waiting until "
                         f"{fired.window_ends.isoformat()} (a recommendation, not a prohibition)")
        if fired.ruleset.kind == "policy":
            notes.append(f"{fired.ruleset.short} is a practice policy you opted into, not a code requirement")
    if answer.on > _today():
        notes.append(f"{answer.on.isoformat()} is in the future: the answer assumes no further professional "
                     "contact before then; a later contact moves windows that count from it")
    return list(dict.fromkeys(notes))


def _today() -> date:
    from boundary_tracker.dates import today

    return today()
