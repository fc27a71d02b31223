"""Golden snapshots: a plain-text rendering of every built-in rule set, so that any change to a rule
(a window, a party, a verdict, a certainty grade, a condition) shows up as a reviewable diff.

Regenerate after an intended change, then read the diff before committing:

    UPDATE_SNAPSHOTS=1 python -m pytest tests/rules/test_snapshots.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from boundary_tracker.rules import registry
from boundary_tracker.rules.model import Rule, RuleSet
from boundary_tracker.vocab import CHECK_CONTACTS

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"


def _list(values: tuple[str, ...], every: tuple[str, ...] | None = None) -> str:
    if every is not None and set(values) == set(every):
        return "any"
    return ", ".join(values)


def render_rule(rule: Rule) -> list[str]:
    lines = [
        f"  {rule.section}",
        f"    parties:    {_list(rule.parties)}",
        f"    status:     {_list(rule.status)}",
        f"    contacts:   {_list(rule.contacts, CHECK_CONTACTS)}",
        f"    verdict:    {rule.verdict}",
        f"    window:     {rule.describe_window()}",
        f"    certainty:  {rule.certainty}",
        f"    summary:    {rule.summary}",
    ]
    lines += [f"    condition:  {c}" for c in rule.conditions]
    lines += [f"    factor:     {f}" for f in rule.factors]
    if rule.note:
        lines.append(f"    note:       {rule.note}")
    if rule.source:
        lines.append(f"    source:     {rule.source}")
    return lines


def render(ruleset: RuleSet) -> str:
    lines = [
        f"{ruleset.id}: {ruleset.short}",
        f"title:        {ruleset.title}",
        f"kind:         {ruleset.kind}",
        f"jurisdiction: {ruleset.jurisdiction or '-'}",
        f"source:       {ruleset.source}",
    ]
    if ruleset.note:
        lines.append(f"note:         {ruleset.note}")
    for edition in ruleset.editions:
        lines += ["", f"edition {edition.name} (effective {edition.effective.isoformat()})"]
        if edition.source:
            lines.append(f"  source: {edition.source}")
        for rule in edition.rules:
            lines += render_rule(rule)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("ruleset_id", registry.builtin_ids())
def test_snapshot(ruleset_id: str) -> None:
    path = SNAPSHOTS / f"{ruleset_id}.txt"
    actual = render(registry.load_builtin(ruleset_id))
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no snapshot for {ruleset_id}: run UPDATE_SNAPSHOTS=1 python -m pytest {__file__} "
                    "and review the new file")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"snapshots/{ruleset_id}.txt", f"{ruleset_id}.toml (now)"))
        pytest.fail(f"the rules of {ruleset_id} changed; if intended, regenerate with UPDATE_SNAPSHOTS=1 "
                    f"and review the diff:\n{diff}")


def test_no_stale_snapshots() -> None:
    stale = sorted(p.stem for p in SNAPSHOTS.glob("*.txt") if p.stem not in registry.builtin_ids())
    assert not stale, f"snapshots without a built-in rule set: {stale}"
