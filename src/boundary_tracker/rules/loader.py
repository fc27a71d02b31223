"""Reading a rule-set file: strict, complete validation naming the file and the key at fault.

Built-in rule sets and a practitioner's own policies go through the same loader, so a check never
runs on a half-read file: any problem refuses the whole file.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from boundary_tracker.errors import RuleSetError
from boundary_tracker.rules.model import CERTAINTIES, CLOCKS, KINDS, STATUSES, Edition, Rule, RuleSet
from boundary_tracker.vocab import CHECK_CONTACTS, PARTIES, VERDICTS

ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,39}$")
_TOP_KEYS = {"id", "short", "title", "kind", "source", "jurisdiction", "note", "editions"}
_EDITION_KEYS = {"name", "effective", "source", "rules"}
_RULE_KEYS = {
    "section", "summary", "parties", "status", "contacts", "verdict", "certainty", "window_years",
    "clock", "after", "recommended", "conditions", "factors", "source", "note",
}


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, key: str, problem: str) -> RuleSetError:
        return RuleSetError(f"{self.name}: {key}: {problem}")

    def keys(self, table: Any, allowed: set[str], where: str) -> dict[str, Any]:
        if not isinstance(table, dict):
            raise self.fail(where or "(top)", "must be a table")
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise self.fail(f"{where}.{unknown[0]}" if where else unknown[0],
                            f"unknown key (allowed: {', '.join(sorted(allowed))})")
        return table

    def text(self, table: dict[str, Any], key: str, where: str, required: bool = True) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                raise self.fail(self._k(where, key), "is missing")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(self._k(where, key), "must be a non-empty string")
        return value.strip()

    def one_of(self, table: dict[str, Any], key: str, where: str, allowed: tuple[str, ...],
               required: bool = True) -> str | None:
        value = self.text(table, key, where, required)
        if value is not None and value not in allowed:
            raise self.fail(self._k(where, key), f"{value!r} is not one of: {', '.join(allowed)}")
        return value

    def many(self, table: dict[str, Any], key: str, where: str, allowed: tuple[str, ...] | None,
             required: bool = True) -> tuple[str, ...]:
        value = table.get(key)
        if value is None:
            if required:
                raise self.fail(self._k(where, key), "is missing")
            return ()
        if allowed is not None and value == "any":
            return allowed
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(self._k(where, key), "must be a non-empty list of strings"
                            + (' (or "any")' if allowed else ""))
        if allowed is not None:
            for item in value:
                if item not in allowed:
                    raise self.fail(self._k(where, key), f"{item!r} is not one of: {', '.join(allowed)}")
        return tuple(v.strip() for v in value)

    @staticmethod
    def _k(where: str, key: str) -> str:
        return f"{where}.{key}" if where else key


def load_text(text: str, name: str, origin: str = "built-in") -> RuleSet:
    """Validate a rule set given as TOML text; `name` is used in error messages."""
    r = _Reader(name)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"{name}: not valid TOML ({exc})") from None
    r.keys(data, _TOP_KEYS, "")
    ruleset_id = r.text(data, "id", "")
    assert ruleset_id is not None
    if not ID_PATTERN.match(ruleset_id):
        raise r.fail("id", f"{ruleset_id!r} must be 2-40 lower-case letters, digits or '-', starting with a letter")
    kind = r.one_of(data, "kind", "", KINDS)
    raw_editions = data.get("editions")
    if not isinstance(raw_editions, list) or not raw_editions:
        raise r.fail("editions", "must list at least one [[editions]] table")
    editions = [_edition(r, raw, f"editions[{i}]", kind or "") for i, raw in enumerate(raw_editions)]
    for before, after in zip(editions, editions[1:]):
        if after.effective <= before.effective:
            raise r.fail("editions", "must be in order of their effective dates, oldest first, without repeats")
    return RuleSet(
        id=ruleset_id,
        short=r.text(data, "short", "") or ruleset_id,
        title=r.text(data, "title", "") or ruleset_id,
        kind=kind or "policy",
        source=r.text(data, "source", "") or "",
        jurisdiction=r.text(data, "jurisdiction", "", required=False),
        note=r.text(data, "note", "", required=False),
        editions=tuple(editions),
        origin=origin,
        digest=hashlib.sha256(text.encode()).hexdigest(),
    )


def _edition(r: _Reader, raw: Any, where: str, kind: str) -> Edition:
    table = r.keys(raw, _EDITION_KEYS, where)
    effective = table.get("effective")
    if not isinstance(effective, date) or hasattr(effective, "hour"):
        raise r.fail(f"{where}.effective", "must be a date written as YYYY-MM-DD (no quotes)")
    rules_raw = table.get("rules")
    if not isinstance(rules_raw, list) or not rules_raw:
        raise r.fail(f"{where}.rules", "must list at least one [[editions.rules]] table")
    rules = tuple(_rule(r, item, f"{where}.rules[{i}]", kind) for i, item in enumerate(rules_raw))
    return Edition(
        name=r.text(table, "name", where) or "",
        effective=effective,
        rules=rules,
        source=r.text(table, "source", where, required=False),
    )


def _rule(r: _Reader, raw: Any, where: str, kind: str) -> Rule:
    table = r.keys(raw, _RULE_KEYS, where)
    verdict = r.one_of(table, "verdict", where, VERDICTS)
    window = table.get("window_years")
    clock = r.one_of(table, "clock", where, CLOCKS, required=False)
    after = r.one_of(table, "after", where, VERDICTS, required=False)
    recommended = table.get("recommended", False)
    if not isinstance(recommended, bool):
        raise r.fail(f"{where}.recommended", "must be true or false")
    if window is not None:
        if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 99:
            raise r.fail(f"{where}.window_years", "must be a whole number of years from 1 to 99")
        if clock is None:
            raise r.fail(f"{where}.clock", f"is missing: a window counts from one of: {', '.join(CLOCKS)}")
        if after is None:
            raise r.fail(f"{where}.after", "is missing: say which verdict applies once the window has passed")
        if verdict == "never":
            raise r.fail(f"{where}.verdict", '"never" has no window; drop window_years or use "wait"')
        if not recommended and verdict != "wait":
            raise r.fail(f"{where}.verdict", 'a window holds "wait" (or set recommended = true)')
        if after not in ("caution", "ok"):
            raise r.fail(f"{where}.after", 'once a window has passed the verdict is "caution" or "ok"')
        if VERDICTS.index(after) > VERDICTS.index(verdict):
            raise r.fail(f"{where}.after", f"{after!r} is stricter than the verdict inside the window")
        if recommended and verdict != "caution":
            raise r.fail(f"{where}.verdict", 'a recommended window is advice: its verdict is "caution"')
    else:
        if clock is not None or after is not None or recommended:
            raise r.fail(f"{where}.window_years", "is missing: clock, after and recommended need a window")
    # A practitioner's own policy is certain by definition; a code's rule must say how sure we are.
    certainty = r.one_of(table, "certainty", where, CERTAINTIES, required=kind != "policy") or "A"
    return Rule(
        section=r.text(table, "section", where) or "",
        summary=r.text(table, "summary", where) or "",
        parties=r.many(table, "parties", where, PARTIES),
        status=r.many(table, "status", where, STATUSES),
        contacts=r.many(table, "contacts", where, CHECK_CONTACTS),
        verdict=verdict or "caution",
        certainty=certainty,
        window_years=window,
        clock=clock,
        after=after,
        recommended=recommended,
        conditions=r.many(table, "conditions", where, None, required=False),
        factors=r.many(table, "factors", where, None, required=False),
        source=r.text(table, "source", where, required=False),
        note=r.text(table, "note", where, required=False),
    )


def load_file(path: Path, origin: str | None = None) -> RuleSet:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleSetError(f"{path}: cannot be read ({exc})") from None
    return load_text(text, str(path), origin or str(path))
