"""Clients and their episodes of care: add, terminate, reopen, list, show."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from boundary_tracker.dates import iso, today
from boundary_tracker.errors import Conflict, InvalidInput, NotFound
from boundary_tracker.history import ClientHistory, ContactFacts, EpisodeFacts
from boundary_tracker.privacy import check_free_text, code_key, validate_code
from boundary_tracker.profile import to_date
from boundary_tracker.vocab import SERVICES, TERMINATION_HOW

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from boundary_tracker.db.models import Client, Episode


def choice(value: str | None, allowed: tuple[str, ...], what: str) -> str | None:
    if value is None:
        return None
    if value not in allowed:
        raise InvalidInput(f"unknown {what} {value!r}; use one of: {', '.join(allowed)}")
    return value


def not_in_future(day: date, what: str) -> date:
    if day > today():
        raise InvalidInput(f"{what} {day.isoformat()} is in the future; record events once they have happened")
    return day


def find_client(session: Session, code: str) -> Client:
    from sqlalchemy import select

    from boundary_tracker.db.models import Client

    value = validate_code(code)
    client = session.scalars(select(Client).where(Client.code_key == code_key(value))).one_or_none()
    if client is None:
        raise NotFound(f"no client with code {value!r}; see `boundary-tracker client list`")
    return client


def history_of(client: Client) -> ClientHistory:
    return ClientHistory(
        code=client.code,
        service=client.service,
        episodes=tuple(EpisodeFacts(e.started, e.terminated, e.termination_how) for e in client.episodes),
        contacts=tuple(ContactFacts(c.on, c.kind) for c in client.contacts),
    )


def add_client(
    session: Session,
    code: str,
    started: str | date,
    *,
    service: str = "individual",
    terminated: str | date | None = None,
    how: str | None = None,
    note: str | None = None,
) -> Client:
    from sqlalchemy import select

    from boundary_tracker.db.models import Client, Episode

    value = validate_code(code)
    choice(service, SERVICES, "service")
    choice(how, TERMINATION_HOW, "termination (--how)")
    note = check_free_text(note)
    start = not_in_future(to_date(session, started, "--started"), "the start date")
    end = None
    if terminated is not None:
        end = not_in_future(to_date(session, terminated, "--terminated"), "the termination date")
        if end < start:
            raise InvalidInput(f"the termination {end} is before the start {start}")
    elif how is not None:
        raise InvalidInput("--how describes a termination; give --terminated too")
    existing = session.scalars(select(Client).where(Client.code_key == code_key(value))).one_or_none()
    if existing is not None:
        raise Conflict(f"a client with code {existing.code!r} already exists (codes ignore case)")
    client = Client(code=value, code_key=code_key(value), service=service, note=note)
    client.episodes.append(Episode(started=start, terminated=end, termination_how=how if end else None))
    session.add(client)
    session.flush()
    return client


def current_episode(client: Client) -> Episode:
    return client.episodes[-1]


def terminate(session: Session, code: str, on: str | date, how: str | None = None) -> Client:
    choice(how, TERMINATION_HOW, "termination (--how)")
    client = find_client(session, code)
    day = not_in_future(to_date(session, on, "--on"), "the termination date")
    episode = current_episode(client)
    if episode.terminated is not None:
        raise Conflict(
            f"client {client.code} was already terminated on {episode.terminated}; "
            "use `client reopen` if they returned"
        )
    if day < episode.started:
        raise InvalidInput(f"the termination {day} is before the episode's start {episode.started}")
    sessions_after = [c.on for c in client.contacts if c.kind == "session" and c.on > day]
    if sessions_after:
        raise Conflict(f"a session is recorded on {max(sessions_after)}, after the termination date {day}")
    episode.terminated = day
    episode.termination_how = how
    session.flush()
    return client


def reopen(session: Session, code: str, on: str | date) -> Client:
    from boundary_tracker.db.models import Episode

    client = find_client(session, code)
    day = not_in_future(to_date(session, on, "--on"), "the date of return")
    episode = current_episode(client)
    if episode.terminated is None:
        raise Conflict(f"client {client.code} is current (episode started {episode.started}); nothing to reopen")
    if day < episode.terminated or day <= episode.started:
        raise InvalidInput(f"the return {day} is before the last termination {episode.terminated}")
    client.episodes.append(Episode(started=day))
    session.flush()
    return client


def summary(client: Client) -> dict[str, Any]:
    history = history_of(client)
    status = history.status_on(today())
    last = history.last_professional_contact()
    episode = client.episodes[-1]
    return {
        "code": client.code,
        "service": client.service,
        "status": status.status if status else "current",
        "started": iso(history.started),
        "terminated": iso(episode.terminated),
        "how": episode.termination_how,
        "episode_count": len(client.episodes),
        "last_contact": iso(last.on) if last else None,
        "last_contact_kind": last.kind if last else None,
    }


def list_clients(session: Session, which: str = "all") -> list[dict[str, Any]]:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from boundary_tracker.db.models import Client

    query = select(Client).options(selectinload(Client.episodes), selectinload(Client.contacts))
    rows = [summary(c) for c in session.scalars(query.order_by(Client.code_key))]
    if which in ("current", "former"):
        rows = [row for row in rows if row["status"] == which]
    return rows


def show_client(session: Session, code: str) -> dict[str, Any]:
    client = find_client(session, code)
    data = summary(client)
    del data["episode_count"]  # the episodes themselves follow, and counts.episodes
    data["note"] = client.note
    data["episodes"] = [
        {"started": iso(e.started), "terminated": iso(e.terminated), "how": e.termination_how}
        for e in client.episodes
    ]
    data["contacts"] = [{"on": iso(c.on), "kind": c.kind, "note": c.note} for c in client.contacts]
    data["counts"] = {
        "episodes": len(client.episodes),
        "sessions": sum(1 for c in client.contacts if c.kind == "session"),
        "contacts": len(client.contacts),
        "encounters": len(client.encounters),
    }
    return data
