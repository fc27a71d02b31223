"""The engine and the one session scope every command goes through.

SQLite specifics (pragmas, BEGIN IMMEDIATE) stay here and apply only to the SQLite dialect,
so that the rest of the code is dialect-neutral.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from boundary_tracker.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

BUSY_TIMEOUT_ENV = "BOUNDARY_TRACKER_BUSY_TIMEOUT_MS"
DEFAULT_BUSY_TIMEOUT_MS = 10_000


def busy_timeout_ms() -> int:
    raw = os.environ.get(BUSY_TIMEOUT_ENV)
    try:
        return max(0, int(raw)) if raw else DEFAULT_BUSY_TIMEOUT_MS
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_MS


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine on the SQLite file at `path` with the project's pragmas.

    Following SQLAlchemy's recipe, the driver's own transaction handling is switched off and
    BEGIN is emitted by us: DDL then rolls back, and write sessions start with BEGIN IMMEDIATE
    so that two commands running at once queue on the write lock instead of failing.
    """
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", hide_parameters=True)
    timeout = busy_timeout_ms()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {timeout}")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        mode = "BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN"
        conn.exec_driver_sql(mode)

    return engine


@contextmanager
def session_scope(engine: Engine, *, write: bool) -> Iterator[Session]:
    """One unit of work: commits when the block succeeds, rolls back on any error.

    A write scope takes the write lock up front (BEGIN IMMEDIATE on SQLite).
    """
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session

    bind = engine.execution_options(write=True) if write else engine
    session = Session(bind=bind, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except SQLAlchemyError as exc:
        session.rollback()
        raise translate(exc) from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def translate(exc: BaseException) -> DatabaseError:
    """A driver error as a plain DatabaseError, without SQL or bound values."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError("the database is locked by another program; try again in a moment")
    if "readonly" in text or "read-only" in text:
        return DatabaseError("the database is read-only; check the file's permissions")
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return DatabaseError("the file is not a boundary-tracker database (or it is damaged)")
    if "unable to open" in text:
        return DatabaseError("the database file cannot be opened; check the path and its permissions")
    if "disk" in text and ("full" in text or "i/o" in text):
        return DatabaseError("the disk is full or failing; nothing was written")
    return DatabaseError(f"database error: {text.splitlines()[0] if text else type(exc).__name__}")
