"""Properties of the combination of rule sets, over random histories, questions and rule sets.

- Adding rule sets never weakens the answer: the combined verdict is at least as strict (engine.strictness)
  as the verdict of any single rule set that addresses the question; a question none addresses is caution.
- A `wait` names its end: on `allowed_from` the same prohibition no longer holds.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boundary_tracker.history import ClientHistory, ContactFacts, EpisodeFacts
from boundary_tracker.rules import engine
from boundary_tracker.rules.registry import builtin_ids, load_builtin
from boundary_tracker.vocab import CHECK_CONTACTS, CONTACT_KINDS, PARTIES

from .base import former

FIRST = date(1998, 1, 1)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def histories(draw: st.DrawFn) -> ClientHistory:
    """One to three episodes (leap days likely), each terminated except perhaps the last, with
    professional contacts before, during, between and after them."""
    day = draw(st.dates(FIRST, date(2026, 12, 31)))
    episodes: list[EpisodeFacts] = []
    for index in range(draw(st.integers(1, 3))):
        started = day
        last = index == 2 or draw(st.booleans())
        if last and draw(st.booleans()):
            episodes.append(EpisodeFacts(started))
            break
        terminated = started + timedelta(days=draw(st.integers(0, 2000)))
        if draw(st.booleans()):  # end on a 29 February when there is one nearby
            leap = next((date(y, 2, 29) for y in range(terminated.year, terminated.year + 4)
                         if y % 4 == 0 and (y % 100 or y % 400 == 0)), None)
            if leap is not None and leap >= started:
                terminated = leap
        episodes.append(EpisodeFacts(started, terminated))
        if last:
            break
        day = terminated + timedelta(days=draw(st.integers(1, 3000)))
    span_end = (episodes[-1].terminated or episodes[-1].started) + timedelta(days=1500)
    contacts = draw(st.lists(st.builds(ContactFacts, st.dates(episodes[0].started, span_end),
                                       st.sampled_from(CONTACT_KINDS)), max_size=4))
    return ClientHistory("C-001", episodes=tuple(episodes), contacts=tuple(contacts))


@st.composite
def questions(draw: st.DrawFn) -> tuple[ClientHistory, str, str, date, list[str]]:
    hist = draw(histories())
    assert hist.started is not None
    on = draw(st.dates(hist.started, hist.started + timedelta(days=365 * 25)))
    contact = draw(st.sampled_from(CHECK_CONTACTS))
    party = draw(st.sampled_from(PARTIES))
    ids = draw(st.lists(st.sampled_from(builtin_ids()), min_size=1, max_size=5, unique=True))
    return hist, contact, party, on, ids


def _key(answer: engine.Answer) -> tuple[int, date]:
    return engine.strictness(answer.verdict, answer.allowed_from)


@SETTINGS
@given(questions())
def test_combined_verdict_is_never_weaker_than_a_single_rule_set(question):
    hist, contact, party, on, ids = question
    combined = engine.check(hist, [load_builtin(i) for i in ids], contact, party, on)
    if not combined.rules:  # no rule set addresses the question: the tool errs toward caution
        assert combined.verdict == "caution" and combined.not_addressed == ids
    for ruleset_id in ids:
        alone = engine.check(hist, [load_builtin(ruleset_id)], contact, party, on)
        # A silent rule set answers "caution" alone, and counts as caution when combined too.
        assert _key(combined) >= _key(alone), (
            f"{ids} -> {combined.verdict} {combined.allowed_from}, but {ruleset_id} alone -> "
            f"{alone.verdict} {alone.allowed_from}")
        assert combined.per_ruleset[ruleset_id] == alone.per_ruleset[ruleset_id]


@SETTINGS
@given(questions())
def test_allowed_from_ends_the_prohibition(question):
    hist, contact, party, on, ids = question
    rulesets = [load_builtin(i) for i in ids]
    answer = engine.check(hist, rulesets, contact, party, on)
    if answer.verdict != "wait" or answer.allowed_from is None:
        return
    assert answer.allowed_from > on
    then = engine.check(hist, rulesets, contact, party, answer.allowed_from)
    # Permitted (with or without conditions), or a new, later prohibition (another window, a return to
    # therapy, a later edition): never the same wait again.
    assert then.verdict != "wait" or then.allowed_from is None or then.allowed_from > answer.allowed_from


def test_a_silent_rule_set_never_weakens_the_answer():
    hist = former("2020-01-01", "2021-01-01")
    on = date(2024, 1, 1)
    alone = engine.check(hist, [load_builtin("florida")], "friendship", "client", on)
    combined = engine.check(hist, [load_builtin("florida"), load_builtin("two-year")], "friendship", "client", on)
    assert alone.verdict == "caution"
    assert _key(combined) >= _key(alone)
