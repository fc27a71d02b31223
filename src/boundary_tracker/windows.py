"""Boundary windows still in force: what is off limits for whom, and when each window closes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from boundary_tracker.clients import find_client, history_of
from boundary_tracker.dates import iso, today
from boundary_tracker.errors import InvalidInput
from boundary_tracker.profile import profile_codes
from boundary_tracker.rules.engine import evaluate_rule

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from boundary_tracker.history import ClientHistory
    from boundary_tracker.rules.model import RuleSet


def _rule_row(code: str, ruleset: RuleSet, edition_name: str, rule: Any) -> dict[str, Any]:
    return {
        "client": code,
        "ruleset": ruleset.id,
        "ruleset_name": ruleset.short,
        "edition": edition_name,
        "section": rule.section,
        "contacts": list(rule.contacts),
        "parties": list(rule.parties),
        "window": rule.describe_window(),
        "recommended": rule.recommended,
        "certainty": rule.certainty,
    }


def windows_for(history: ClientHistory, rulesets: list[RuleSet], as_of: date) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(open windows of a former client, rules that will apply after termination of a current client)."""
    status = history.status_on(as_of)
    open_rows: list[dict[str, Any]] = []
    pending: list[dict[str, Any]] = []
    if status is None:
        return open_rows, pending
    for ruleset in rulesets:
        edition, _ = ruleset.edition_on(as_of)
        for rule in edition.rules:
            if "former" not in rule.status or not (rule.window_years or rule.verdict == "never"):
                continue
            row = _rule_row(history.code, ruleset, edition.name, rule)
            if status.status == "current":
                row["closes"] = None
                row["starts"] = "at termination"
                pending.append(row)
                continue
            if rule.verdict == "never":
                row.update(closes=None, lifetime=True, clock_reason=None, days_left=None)
                open_rows.append(row)
                continue
            fired = evaluate_rule(ruleset, edition, rule, status, as_of)
            assert fired.window_ends is not None
            if fired.window_ends > as_of:
                row.update(closes=iso(fired.window_ends), lifetime=False, clock_reason=fired.clock_reason,
                           days_left=(fired.window_ends - as_of).days)
                open_rows.append(row)
    return open_rows, pending


def open_windows(session: Session, within: int | None = None, client: str | None = None) -> dict[str, Any]:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from boundary_tracker.db.models import Client
    from boundary_tracker.rules import registry

    if within is not None and within < 0:
        raise InvalidInput("--within takes a number of days, 0 or more")
    as_of = today()
    rulesets = registry.in_force(profile_codes(session))
    if client is not None:
        clients = [find_client(session, client)]
    else:
        clients = list(session.scalars(
            select(Client).options(selectinload(Client.episodes), selectinload(Client.contacts)).order_by(Client.code_key)
        ))
    former: list[dict[str, Any]] = []
    current: list[dict[str, Any]] = []
    for item in clients:
        rows, pending = windows_for(history_of(item), rulesets, as_of)
        former.extend(rows)
        current.extend(pending)
    if within is not None:
        limit = as_of + timedelta(days=within)
        former = [r for r in former if r["closes"] is not None and date.fromisoformat(r["closes"]) <= limit]
    former.sort(key=lambda r: (r["closes"] is None, r["closes"] or "", r["client"], r["ruleset"]))
    return {"as_of": as_of.isoformat(), "codes": [r.id for r in rulesets], "windows": former, "current": current}

