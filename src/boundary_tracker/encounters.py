"""Incidental encounters with current and former clients (the store, the gym, a friend request...)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from boundary_tracker.clients import choice, find_client, not_in_future
from boundary_tracker.dates import iso
from boundary_tracker.errors import InvalidInput
from boundary_tracker.privacy import check_free_text
from boundary_tracker.profile import to_date
from boundary_tracker.vocab import INITIATORS, SETTINGS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from boundary_tracker.db.models import Encounter

MAX_MINUTES = 24 * 60


def add_encounter(
    session: Session,
    code: str,
    on: str | date,
    setting: str,
    *,
    initiated_by: str | None = None,
    acknowledged: bool | None = None,
    others_present: bool = False,
    minutes: int | None = None,
    note: str | None = None,
) -> Encounter:
    from boundary_tracker.db.models import Encounter

    if choice(setting, SETTINGS, "setting") is None:
        raise InvalidInput(f"an encounter needs a setting: {', '.join(SETTINGS)}")
    choice(initiated_by, INITIATORS, "--initiated-by")
    if minutes is not None and not 0 <= minutes <= MAX_MINUTES:
        raise InvalidInput(f"--minutes must be between 0 and {MAX_MINUTES}")
    note = check_free_text(note)
    client = find_client(session, code)
    day = not_in_future(to_date(session, on, "--on"), "the encounter date")
    encounter = Encounter(
        client=client,
        on=day,
        setting=setting,
        initiated_by=initiated_by,
        acknowledged=acknowledged,
        others_present=others_present,
        minutes=minutes,
        note=note,
    )
    session.add(encounter)
    session.flush()
    return encounter


def encounter_row(encounter: Encounter) -> dict[str, Any]:
    return {
        "id": encounter.id,
        "client": encounter.client.code,
        "on": iso(encounter.on),
        "setting": encounter.setting,
        "initiated_by": encounter.initiated_by,
        "acknowledged": encounter.acknowledged,
        "others_present": encounter.others_present,
        "minutes": encounter.minutes,
        "note": encounter.note,
    }


def list_encounters(
    session: Session, client: str | None = None, start: str | date | None = None, end: str | date | None = None
) -> list[dict[str, Any]]:
    from sqlalchemy import select
    from sqlalchemy.orm import joinedload

    from boundary_tracker.db.models import Encounter

    query = select(Encounter).options(joinedload(Encounter.client)).order_by(Encounter.on, Encounter.id)
    if client is not None:
        query = query.where(Encounter.client_id == find_client(session, client).id)
    if start is not None:
        query = query.where(Encounter.on >= to_date(session, start, "--from"))
    if end is not None:
        query = query.where(Encounter.on <= to_date(session, end, "--to"))
    return [encounter_row(e) for e in session.scalars(query)]
