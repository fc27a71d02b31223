"""The shared conformance cases (../shared/cases/core.json, copied to data/core.json), run against the
engine directly. The same cases run end to end through the command line elsewhere."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from boundary_tracker.rules import engine
from boundary_tracker.rules.registry import load_builtin

from .base import history

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "cases" / "core.json"
CASES = json.loads((DATA / "core.json").read_text(encoding="utf-8"))


def _events(case: dict) -> list[tuple[str, ...]]:
    events: list[tuple[str, ...]] = []
    for event in case["history"]:
        if "contact" in event:
            events.append(("contact", event["contact"], event["kind"]))
        else:
            ((what, when),) = event.items()
            events.append((what, when))
    return events


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_core_case(case: dict) -> None:
    check = case["check"]
    answer = engine.check(history(*_events(case)), [load_builtin(code) for code in case["codes"]],
                          check["contact"], check["with"], date.fromisoformat(check["on"]))
    result = answer.as_dict()
    assert result["verdict"] == case["expect"]["verdict"], f"{case['why']}: {answer.headline()}"
    if "allowed_from" in case["expect"]:
        assert result["allowed_from"] == case["expect"]["allowed_from"], f"{case['why']}: {answer.headline()}"


@pytest.mark.skipif(not SHARED.exists(), reason="the shared folder is not beside the repository")
def test_the_copy_is_up_to_date() -> None:
    assert json.loads(SHARED.read_text(encoding="utf-8")) == CASES, \
        "tests/rules/data/core.json differs from ../shared/cases/core.json: copy it again"
