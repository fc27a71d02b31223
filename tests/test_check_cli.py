"""The contact check end to end through the command line: the conformance cases, the answer's
JSON schema and exit status, the decision log, windows, and `rules`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CASE_DIRS = [HERE / "rules" / "data", HERE.parents[1] / "shared" / "cases"]


def _cases() -> list[dict]:
    """The repository's copy of the conformance cases, plus any newer shared ones beside the clone."""
    cases: dict[str, dict] = {}
    for folder in CASE_DIRS:
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            for case in json.loads(path.read_text()):
                cases.setdefault(case["id"], case)
    return list(cases.values())


def run_history(bt, code: str, history: list[dict]) -> None:
    for step in history:
        if "start" in step:
            args = ["client", "add", code, "--started", step["start"]]
        elif "terminate" in step:
            args = ["client", "terminate", code, "--on", step["terminate"]]
        elif "reopen" in step:
            args = ["client", "reopen", code, "--on", step["reopen"]]
        else:
            args = ["contact", "add", code, "--on", step["contact"], "--kind", step["kind"]]
        result = bt(*args)
        assert result.exit_code == 0, str(result)


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_conformance_case(bt, case):
    init = ["init"] + [arg for code in case["codes"] for arg in ("--code", code)]
    assert bt(*init).exit_code == 0
    run_history(bt, "C-1", case["history"])
    check = case["check"]
    result = bt("check", "C-1", "--contact", check["contact"], "--with", check["with"], "--on", check["on"], "--json")
    assert result.exception is None, str(result)
    answer = result.json()
    assert answer["verdict"] == case["expect"]["verdict"], case["why"]
    if "allowed_from" in case["expect"]:
        assert answer["allowed_from"] == case["expect"]["allowed_from"], case["why"]
    assert result.exit_code == {"ok": 0, "caution": 10, "wait": 20, "never": 30}[answer["verdict"]]
    assert answer["rules"] or answer["verdict"] == "caution"


@pytest.fixture
def aca_texas(bt):
    """A counselor bound by ACA and Texas LPC law, with one former client who wrote after termination."""
    assert bt("init", "--code", "aca", "--code", "texas-lpc").exit_code == 0
    run_history(bt, "C-014", [{"start": "2019-01-07"}, {"terminate": "2024-03-01"},
                              {"contact": "2024-09-15", "kind": "letter"}])
    return bt


def test_json_answer_has_the_documented_fields(aca_texas):
    answer = aca_texas("check", "C-014", "--contact", "romantic", "--on", "2026-01-01", "--json").json()
    for field in ("client", "contact", "with", "on", "verdict", "allowed_from", "rules", "conditions",
                  "warnings", "not_addressed", "in_force", "decision_id", "status", "headline"):
        assert field in answer
    assert (answer["client"], answer["contact"], answer["with"], answer["on"]) == ("C-014", "romantic", "client",
                                                                                  "2026-01-01")
    for rule in answer["rules"]:
        for field in ("ruleset", "section", "verdict", "allowed_from", "edition", "clock_reason", "certainty"):
            assert field in rule
    assert {r["id"] for r in answer["in_force"]} == {"aca", "texas-lpc"}


def test_romantic_counts_from_the_later_letter_and_names_it(aca_texas):
    answer = aca_texas("check", "C-014", "--contact", "romantic", "--on", "2026-01-01", "--json").json()
    assert answer["verdict"] == "wait"
    assert answer["allowed_from"] == "2029-09-15"  # ACA A.5.c: five years from the letter
    aca = next(r for r in answer["rules"] if r["ruleset"] == "aca" and r["verdict"] == "wait")
    assert aca["clock_reason"] == "last professional contact: letter of 2024-09-15"
    texas = next(r for r in answer["rules"] if r["ruleset"] == "texas-lpc" and r["verdict"] == "wait")
    assert texas["allowed_from"] == "2029-03-01"  # 681.38(d)(3): five years from termination


def test_friendship_under_texas_law_waits_two_years(aca_texas):
    result = aca_texas("check", "C-014", "--contact", "friendship", "--on", "2025-06-01", "--json")
    assert result.exit_code == 20
    assert result.json()["allowed_from"] == "2026-03-01"
    later = aca_texas("check", "C-014", "--contact", "friendship", "--on", "2026-03-01", "--json")
    assert later.exit_code == 10 and later.json()["verdict"] == "caution"  # ACA A.6.e still applies


def test_people_output_starts_with_the_verdict_line(aca_texas):
    result = aca_texas("check", "C-014", "--contact", "romantic", "--on", "2026-01-01")
    assert result.stdout.splitlines()[0].startswith("NOT UNTIL 2029-09-15")
    assert "ACA A.5.c" in result.stdout
    never = aca_texas("init", "--code", "aamft")
    assert never.exit_code == 0
    result = aca_texas("check", "C-014", "--contact", "romantic", "--on", "2026-01-01")
    assert result.exit_code == 30
    assert result.stdout.splitlines()[0].startswith("NEVER under AAMFT 1.5")


def test_current_client_is_flagged_and_waits_without_a_date(bt):
    bt("init", "--code", "apa")
    bt("client", "add", "C-2", "--started", "2024-01-01")
    answer = bt("check", "C-2", "--contact", "romantic", "--json").json()
    assert (answer["verdict"], answer["allowed_from"], answer["status"]) == ("wait", None, "current")
    assert any("no termination is recorded" in w for w in answer["warnings"])
    assert any("10.08(a)" in line for line in answer["after_termination"])


def test_check_is_logged_and_the_decision_recorded(aca_texas):
    first = aca_texas("check", "C-014", "--contact", "social-media", "--on", "2025-01-01", "--json").json()
    assert first["decision_id"] == 1
    assert aca_texas("check", "C-014", "--contact", "event", "--no-record", "--json").json()["decision_id"] is None
    result = aca_texas("decision", "C-014", "--declined", "--rationale", "discussed in supervision; declined")
    assert result.exit_code == 0, str(result)
    again = aca_texas("decision", "#1", "--accepted", "--rationale", "reconsidered after consultation")
    assert again.exit_code == 0
    rows = aca_texas("decisions", "--client", "C-014", "--json").json()
    assert len(rows) == 1  # --no-record left no entry
    row = rows[0]
    assert (row["contact"], row["verdict"], row["outcome"]) == ("social-media", "wait", "accepted")
    assert [h["outcome"] for h in row["history"]] == ["declined", "accepted"]
    assert "aca" in row["codes"] and "texas-lpc" in row["codes"]
    assert row["answer"]["rules"]


def test_decision_errors_are_plain(aca_texas):
    assert aca_texas("decision", "C-014", "--declined", "--rationale", "x").exit_code == 1  # no check yet
    aca_texas("check", "C-014", "--contact", "gift")
    result = aca_texas("decision", "C-014", "--declined", "--rationale", "call her at 555-123-4567")
    assert result.exit_code == 1 and result.stderr.startswith("Error:") and "phone" in result.stderr
    assert aca_texas("decision", "#99", "--declined", "--rationale", "x").exit_code == 1
    assert aca_texas("decision", "C-014", "--rationale", "x").exit_code == 2


def test_bad_questions_are_refused(aca_texas):
    assert aca_texas("check", "C-999", "--contact", "gift").exit_code == 1
    assert aca_texas("check", "C-014", "--contact", "hug").exit_code == 2
    before_start = aca_texas("check", "C-014", "--contact", "gift", "--on", "2010-01-01")
    assert before_start.exit_code == 1 and "before client C-014 started" in before_start.stderr


def test_windows_lists_open_windows_soonest_first(aca_texas):
    # today is pinned to 2026-11-23 by the test environment
    aca_texas("client", "add", "C-020", "--started", "2020-01-01", "--terminated", "2026-01-10")
    aca_texas("client", "add", "C-030", "--started", "2026-01-01")
    data = aca_texas("windows", "--json").json()
    closes = [w["closes"] for w in data["windows"]]
    assert closes == sorted(closes)
    assert {(w["client"], w["ruleset"], w["closes"]) for w in data["windows"]} >= {
        ("C-014", "aca", "2029-09-15"), ("C-014", "texas-lpc", "2029-03-01"),
        ("C-020", "texas-lpc", "2028-01-10"), ("C-020", "aca", "2031-01-10"),
    }
    assert {w["client"] for w in data["current"]} == {"C-030"}
    soon = aca_texas("windows", "--within", "500", "--json").json()
    assert {(w["client"], w["closes"]) for w in soon["windows"]} == {("C-020", "2028-01-10")}
    one = aca_texas("windows", "--client", "C-020", "--json").json()
    assert {w["client"] for w in one["windows"]} == {"C-020"}


def test_rules_lists_the_rule_sets_in_force_and_any_one(aca_texas):
    in_force = aca_texas("rules", "--json").json()
    assert [r["id"] for r in in_force] == ["aca", "texas-lpc"]
    aca = aca_texas("rules", "aca", "--json").json()
    assert any(r["section"] == "A.5.c" and r["window_years"] == 5 and r["clock"] == "last_contact"
               for r in aca["rules"])
    assert "A.5.c" in aca_texas("rules", "aca").stdout
    assert aca_texas("rules", "nope").exit_code == 1
    every = aca_texas("rules", "--all", "--json").json()
    assert {"apa", "aca", "nasw", "aamft", "nbcc", "two-year"} <= {r["id"] for r in every}


POLICY = """
id = "no-social-media"
short = "Clinic policy"
title = "Our clinic: no personal social-media connections with clients, ever"
kind = "policy"
source = "Clinic handbook, section 4"

[[editions]]
name = "2025"
effective = 2025-01-01

[[editions.rules]]
section = "4.2"
summary = "No personal social-media connection with a current or former client."
parties = ["client", "partner", "family"]
status = ["current", "former"]
contacts = ["social-media"]
verdict = "never"
"""


def test_a_practice_policy_is_added_and_applies(aca_texas, tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text(POLICY)
    added = aca_texas("rules", "add", str(path))
    assert added.exit_code == 0, str(added)
    answer = aca_texas("check", "C-014", "--contact", "social-media", "--on", "2030-01-01", "--json").json()
    assert answer["verdict"] == "never"
    assert any(r["ruleset"] == "no-social-media" and r["section"] == "4.2" for r in answer["rules"])
    assert any("practice policy" in w for w in answer["warnings"])


def test_a_malformed_policy_is_refused_naming_file_and_field(aca_texas, tmp_path, config_dir):
    path = tmp_path / "bad.toml"
    path.write_text(POLICY.replace('verdict = "never"', 'verdict = "nope"'))
    result = aca_texas("rules", "add", str(path))
    assert result.exit_code == 1
    assert "bad.toml" in result.stderr and "editions[0].rules[0].verdict" in result.stderr
    assert not (config_dir / "policies").exists() or not list((config_dir / "policies").glob("*.toml"))
    # a broken file put in the folder by hand stops every check: no answer on a half-read policy
    (config_dir / "policies").mkdir(parents=True, exist_ok=True)
    (config_dir / "policies" / "broken.toml").write_text(POLICY.replace("window", "").replace('section = "4.2"\n', ""))
    check = aca_texas("check", "C-014", "--contact", "gift")
    assert check.exit_code == 1 and "broken.toml" in check.stderr and "section" in check.stderr
