"""The contact check against the record, and the decision log the codes ask practitioners to keep."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from boundary_tracker.clients import choice, find_client, history_of
from boundary_tracker.dates import iso, today
from boundary_tracker.errors import InvalidInput, NotFound
from boundary_tracker.privacy import check_free_text
from boundary_tracker.profile import profile_codes, to_date
from boundary_tracker.vocab import OUTCOMES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from boundary_tracker.db.models import Decision
    from boundary_tracker.rules.engine import Answer


def run_check(
    session: Session,
    code: str,
    contact: str,
    party: str = "client",
    on: str | date | None = None,
    *,
    record: bool = True,
    note: str | None = None,
) -> tuple[Answer, int | None]:
    """Answer the question for a recorded client; log it unless `record` is False.

    Returns the answer and the id of the logged decision (None when not recorded).
    """
    from boundary_tracker.rules import engine, registry

    note = check_free_text(note)
    client = find_client(session, code)
    day = to_date(session, on, "--on") if on is not None else today()
    answer = engine.check(history_of(client), registry.in_force(profile_codes(session)), contact, party, day)
    if not record:
        return answer, None
    from boundary_tracker.db.models import Decision

    decision = Decision(
        client=client,
        on=day,
        contact=contact,
        with_party=party,
        verdict=answer.verdict,
        allowed_from=answer.allowed_from,
        codes=", ".join(f"{r['id']} ({r['edition']})" for r in answer.in_force),
        answer=json.dumps(answer.as_dict(), sort_keys=True),
        note=note,
    )
    session.add(decision)
    session.flush()
    return answer, decision.id


def find_decision(session: Session, ref: str) -> Decision:
    """A decision by id (`12` or `#12`), or the latest check of a client code."""
    from sqlalchemy import select

    from boundary_tracker.db.models import Client, Decision
    from boundary_tracker.privacy import code_key

    text = ref.strip()
    if text.startswith("#") or (text.isdigit() and not session.scalars(
            select(Client.id).where(Client.code_key == code_key(text))).first()):
        number = text.lstrip("#")
        if not number.isdigit():
            raise InvalidInput(f"{ref!r} is not a decision number")
        decision = session.get(Decision, int(number))
        if decision is None:
            raise NotFound(f"no decision #{number}; see `boundary-tracker decisions`")
        return decision
    client = find_client(session, text)
    latest = session.scalars(
        select(Decision).where(Decision.client_id == client.id).order_by(Decision.asked_at.desc(), Decision.id.desc())
    ).first()
    if latest is None:
        raise NotFound(f"no check is recorded for client {client.code}; run `boundary-tracker check {client.code} ...`")
    return latest


def record_outcome(session: Session, ref: str, outcome: str, rationale: str) -> Decision:
    from boundary_tracker.db.models import DecisionOutcome

    choice(outcome, OUTCOMES, "outcome")
    text = check_free_text(rationale, "rationale")
    if not text:
        raise InvalidInput("a decision needs its rationale (--rationale TEXT): the codes ask for it to be documented")
    decision = find_decision(session, ref)
    decision.outcomes.append(DecisionOutcome(outcome=outcome, rationale=text))
    session.flush()
    return decision


def decision_row(decision: Decision) -> dict[str, Any]:
    latest = decision.outcomes[-1] if decision.outcomes else None
    return {
        "id": decision.id,
        "client": decision.client.code,
        "asked_at": decision.asked_at.isoformat(timespec="seconds") + "Z",
        "on": iso(decision.on),
        "contact": decision.contact,
        "with": decision.with_party,
        "verdict": decision.verdict,
        "allowed_from": iso(decision.allowed_from),
        "codes": decision.codes,
        "note": decision.note,
        "outcome": latest.outcome if latest else None,
        "rationale": latest.rationale if latest else None,
        "decided_at": latest.recorded_at.isoformat(timespec="seconds") + "Z" if latest else None,
        "history": [
            {"outcome": o.outcome, "rationale": o.rationale,
             "recorded_at": o.recorded_at.isoformat(timespec="seconds") + "Z"}
            for o in decision.outcomes
        ],
        "answer": json.loads(decision.answer),
    }


def list_decisions(session: Session, client: str | None = None) -> list[dict[str, Any]]:
    from sqlalchemy import select
    from sqlalchemy.orm import joinedload, selectinload

    from boundary_tracker.db.models import Decision

    query = select(Decision).options(joinedload(Decision.client), selectinload(Decision.outcomes))
    if client is not None:
        query = query.where(Decision.client_id == find_client(session, client).id)
    return [decision_row(d) for d in session.scalars(query.order_by(Decision.asked_at, Decision.id))]
