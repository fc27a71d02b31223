"""The loader: every built-in file loads; a malformed file is refused whole, with a message naming the
file and the key path at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from boundary_tracker.errors import NotFound, RuleSetError
from boundary_tracker.rules import registry
from boundary_tracker.rules.loader import load_file, load_text
from boundary_tracker.vocab import CHECK_CONTACTS, PARTIES

REQUIRED_IDS = {
    "apa", "aca", "nasw", "aamft", "nbcc", "psychiatry", "california", "texas-lpc", "florida", "ohio",
    "pennsylvania-sw", "ontario-psych", "bacp", "two-year",
}

GOOD = """\
id = "my-policy"
short = "My policy"
title = "A practice policy"
kind = "policy"
source = "written by me"

[[editions]]
name = "first"
effective = 2020-01-01

[[editions.rules]]
section = "1"
summary = "No friendship with a client until two years after the last contact."
parties = ["client"]
status = ["current", "former"]
contacts = ["friendship"]
verdict = "wait"
window_years = 2
clock = "last_contact"
after = "ok"
"""


def test_every_required_rule_set_is_built_in():
    assert REQUIRED_IDS <= set(registry.builtin_ids())


@pytest.mark.parametrize("ruleset_id", registry.builtin_ids())
def test_every_built_in_file_loads_and_is_complete(ruleset_id):
    ruleset = registry.load_builtin(ruleset_id)
    assert ruleset.id == ruleset_id
    assert ruleset.short and ruleset.title and ruleset.source
    if ruleset.kind != "policy":  # a practice policy applies wherever the practitioner opts into it
        assert ruleset.jurisdiction
    assert ruleset.kind in ("code", "law", "policy")
    assert [e.effective for e in ruleset.editions] == sorted(e.effective for e in ruleset.editions)
    for edition in ruleset.editions:
        assert edition.name
        for rule in edition.rules:
            assert rule.section and rule.summary
            # Summaries in our own words: one or two sentences, never the code's text at length.
            assert len(rule.summary) <= 330, f"{ruleset_id} {rule.section}: summary too long"
            assert rule.certainty in ("A", "B", "C")
            assert set(rule.parties) <= set(PARTIES) and set(rule.contacts) <= set(CHECK_CONTACTS)
            if rule.window_years is not None:
                assert rule.clock and rule.after
            if rule.verdict == "never" and "prospective" not in rule.status:
                assert rule.window_years is None


@pytest.mark.parametrize("ruleset_id", sorted(set(registry.builtin_ids()) - {"two-year"}))
def test_only_the_practice_policy_is_kind_policy(ruleset_id):
    assert registry.load_builtin(ruleset_id).kind in ("code", "law")


def test_two_year_is_a_policy():
    assert registry.load_builtin("two-year").kind == "policy"


def test_unknown_built_in_id_is_not_found():
    with pytest.raises(NotFound, match="no rule set 'acca'"):
        registry.load_builtin("acca")


def test_the_good_example_loads():
    ruleset = load_text(GOOD, "good.toml")
    rule = ruleset.editions[0].rules[0]
    assert (rule.window_years, rule.clock, rule.after, rule.certainty) == (2, "last_contact", "ok", "A")
    assert len(ruleset.digest) == 64


def test_any_expands_to_every_contact_and_party():
    text = GOOD.replace('contacts = ["friendship"]', 'contacts = "any"').replace('parties = ["client"]',
                                                                                'parties = "any"')
    rule = load_text(text, "good.toml").editions[0].rules[0]
    assert rule.contacts == CHECK_CONTACTS and rule.parties == PARTIES


# (description, how to break GOOD: (old, new) replacements or a whole text, the message expected)
BROKEN = [
    ("bad TOML", [("[[editions]]", "[[editions]")], "bad.toml: not valid TOML"),
    ("unknown top-level key", [('kind = "policy"', 'kind = "policy"\ncolour = "blue"')],
     "bad.toml: colour: unknown key"),
    ("unknown edition key", [('name = "first"', 'name = "first"\nyear = 2020')],
     "bad.toml: editions[0].year: unknown key"),
    ("unknown rule key", [("window_years = 2", "window_years = 2\nwindow_months = 3")],
     "bad.toml: editions[0].rules[0].window_months: unknown key"),
    ("missing id", [('id = "my-policy"\n', "")], "bad.toml: id: is missing"),
    ("bad id", [('id = "my-policy"', 'id = "My Policy"')], "bad.toml: id: 'My Policy' must be"),
    ("missing short", [('short = "My policy"\n', "")], "bad.toml: short: is missing"),
    ("bad kind", [('kind = "policy"', 'kind = "guideline"')], "bad.toml: kind: 'guideline' is not one of"),
    ("no editions", [("[[editions]]", "[editions_]")], "bad.toml: editions_: unknown key"),
    ("editions not a list", None, "bad.toml: editions: must list at least one [[editions]] table"),
    ("missing section", [('section = "1"\n', "")], "bad.toml: editions[0].rules[0].section: is missing"),
    ("empty summary", [('summary = "No friendship with a client until two years after the last contact."',
                        'summary = "  "')], "bad.toml: editions[0].rules[0].summary: must be a non-empty string"),
    ("bad verdict", [('verdict = "wait"', 'verdict = "maybe"')],
     "bad.toml: editions[0].rules[0].verdict: 'maybe' is not one of"),
    ("bad contact", [('contacts = ["friendship"]', 'contacts = ["hug"]')],
     "bad.toml: editions[0].rules[0].contacts: 'hug' is not one of"),
    ("empty parties", [('parties = ["client"]', "parties = []")],
     "bad.toml: editions[0].rules[0].parties: must be a non-empty list"),
    ("bad status", [('status = ["current", "former"]', 'status = ["past"]')],
     "bad.toml: editions[0].rules[0].status: 'past' is not one of"),
    ("window without clock", [('clock = "last_contact"\n', "")],
     "bad.toml: editions[0].rules[0].clock: is missing: a window counts from one of"),
    ("bad clock", [('clock = "last_contact"', 'clock = "intake"')],
     "bad.toml: editions[0].rules[0].clock: 'intake' is not one of"),
    ("window without after", [('after = "ok"\n', "")], "bad.toml: editions[0].rules[0].after: is missing"),
    ("clock without window", [("window_years = 2\n", "")],
     "bad.toml: editions[0].rules[0].window_years: is missing: clock, after and recommended need a window"),
    ("zero-year window", [("window_years = 2", "window_years = 0")],
     "bad.toml: editions[0].rules[0].window_years: must be a whole number of years from 1 to 99"),
    ("fractional window", [("window_years = 2", "window_years = 2.5")],
     "bad.toml: editions[0].rules[0].window_years: must be a whole number"),
    ("boolean window", [("window_years = 2", "window_years = true")],
     "bad.toml: editions[0].rules[0].window_years: must be a whole number"),
    ("never with a window", [('verdict = "wait"', 'verdict = "never"')],
     'bad.toml: editions[0].rules[0].verdict: "never" has no window'),
    ("caution window not recommended", [('verdict = "wait"', 'verdict = "caution"')],
     'bad.toml: editions[0].rules[0].verdict: a window holds "wait"'),
    ("after a window is never", [('after = "ok"', 'after = "never"')],
     'bad.toml: editions[0].rules[0].after: once a window has passed the verdict is "caution" or "ok"'),
    ("recommended not a boolean", [('after = "ok"', 'after = "ok"\nrecommended = "yes"')],
     "bad.toml: editions[0].rules[0].recommended: must be true or false"),
    ("quoted date", [("effective = 2020-01-01", 'effective = "2020-01-01"')],
     "bad.toml: editions[0].effective: must be a date written as YYYY-MM-DD"),
    ("date and time", [("effective = 2020-01-01", "effective = 2020-01-01T10:00:00")],
     "bad.toml: editions[0].effective: must be a date"),
    ("edition without rules", None, "bad.toml: editions[0].rules: must list at least one"),
    ("rule not a table", None, "bad.toml: editions[0].rules[0]: must be a table"),
    ("code without certainty", [('kind = "policy"', 'kind = "code"')],
     "bad.toml: editions[0].rules[0].certainty: is missing"),
    ("bad certainty", [('after = "ok"', 'after = "ok"\ncertainty = "D"')],
     "bad.toml: editions[0].rules[0].certainty: 'D' is not one of"),
    ("conditions not a list", [('after = "ok"', 'after = "ok"\nconditions = "consult"')],
     "bad.toml: editions[0].rules[0].conditions: must be a non-empty list of strings"),
]

_WHOLE = {
    "editions not a list": GOOD.split("[[editions]]")[0] + 'editions = "2020"\n',
    "edition without rules": GOOD.split("[[editions.rules]]")[0],
    "rule not a table": GOOD.split("[[editions.rules]]")[0] + 'rules = ["one"]\n',
}

SECOND_EDITION = """
[[editions]]
name = "second"
effective = {effective}

[[editions.rules]]
section = "1"
summary = "Same rule, later edition."
parties = ["client"]
status = ["former"]
contacts = ["friendship"]
verdict = "caution"
"""


@pytest.mark.parametrize("what, edits, message", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_malformed_file_is_refused_naming_file_and_key(what, edits, message):
    text = _WHOLE.get(what, GOOD)
    for old, new in edits or ():
        assert old in text, f"test setup: {old!r} not in the example"
        text = text.replace(old, new, 1)
    with pytest.raises(RuleSetError) as caught:
        load_text(text, "bad.toml")
    assert str(caught.value).startswith(message), str(caught.value)


@pytest.mark.parametrize("effective", ["2019-12-31", "2020-01-01"])
def test_editions_out_of_order_or_repeated_are_refused(effective):
    with pytest.raises(RuleSetError, match=r"^bad\.toml: editions: must be in order of their effective dates"):
        load_text(GOOD + SECOND_EDITION.format(effective=effective), "bad.toml")


def test_editions_in_order_load():
    ruleset = load_text(GOOD + SECOND_EDITION.format(effective="2021-01-01"), "good.toml")
    assert [e.name for e in ruleset.editions] == ["first", "second"]


def test_load_file_names_the_path(tmp_path: Path):
    bad = tmp_path / "mine.toml"
    bad.write_text(GOOD.replace('verdict = "wait"', 'verdict = "maybe"'), encoding="utf-8")
    with pytest.raises(RuleSetError, match=rf"^{bad}: editions\[0\]\.rules\[0\]\.verdict"):
        load_file(bad)
    with pytest.raises(RuleSetError, match=r"cannot be read"):
        load_file(tmp_path / "missing.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00id")
    with pytest.raises(RuleSetError, match=r"cannot be read"):
        load_file(binary)


def test_a_built_in_file_whose_id_differs_from_its_name_is_refused(tmp_path: Path, monkeypatch):
    (tmp_path / "other.toml").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(registry, "_builtin_dir", lambda: tmp_path)
    registry.builtin_ids.cache_clear()
    registry.load_builtin.cache_clear()
    try:
        with pytest.raises(RuleSetError, match=r"^other\.toml: id: 'my-policy' does not match the file name"):
            registry.load_builtin("other")
    finally:
        monkeypatch.undo()
        registry.builtin_ids.cache_clear()
        registry.load_builtin.cache_clear()


@pytest.mark.parametrize("ruleset_id", registry.builtin_ids())
def test_every_built_in_rule_set_has_its_specification_module(ruleset_id):
    module = Path(__file__).parent / f"test_{ruleset_id.replace('-', '_')}.py"
    assert module.exists(), f"write {module.name}: the specification of {ruleset_id}"


def test_after_wait_is_refused():
    with pytest.raises(RuleSetError, match=r"editions\[0\]\.rules\[0\]\.after"):
        load_text(GOOD.replace('after = "ok"', 'after = "wait"'), "bad.toml")


def test_recommended_wait_is_refused():
    with pytest.raises(RuleSetError, match=r"editions\[0\]\.rules\[0\]\.(recommended|verdict)"):
        load_text(GOOD.replace('after = "ok"', 'after = "ok"\nrecommended = true'), "bad.toml")
