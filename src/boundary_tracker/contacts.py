"""Professional contacts: sessions, and after termination letters, records requests, court dates..."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from boundary_tracker.clients import choice, find_client, history_of, not_in_future
from boundary_tracker.dates import iso
from boundary_tracker.errors import Conflict, InvalidInput
from boundary_tracker.privacy import check_free_text
from boundary_tracker.profile import to_date
from boundary_tracker.vocab import CONTACT_KINDS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from boundary_tracker.db.models import ProfessionalContact


def add_contact(session: Session, code: str, on: str | date, kind: str, note: str | None = None) -> ProfessionalContact:
    from boundary_tracker.db.models import ProfessionalContact

    if choice(kind, CONTACT_KINDS, "contact kind") is None:
        raise InvalidInput(f"a contact needs a kind: {', '.join(CONTACT_KINDS)}")
    note = check_free_text(note)
    client = find_client(session, code)
    day = not_in_future(to_date(session, on, "--on"), "the contact date")
    status = history_of(client).status_on(day)
    if status is None:
        raise InvalidInput(f"the contact {day} is before client {client.code} started ({client.episodes[0].started})")
    if kind == "session" and status.status == "former":
        raise Conflict(
            f"client {client.code} was terminated on {status.termination}; a session after termination "
            f"starts a new episode: run `boundary-tracker client reopen {client.code} --on DATE` first"
        )
    contact = ProfessionalContact(client=client, on=day, kind=kind, note=note)
    session.add(contact)
    session.flush()
    return contact


def contact_row(contact: ProfessionalContact) -> dict[str, Any]:
    return {"client": contact.client.code, "on": iso(contact.on), "kind": contact.kind, "note": contact.note}
