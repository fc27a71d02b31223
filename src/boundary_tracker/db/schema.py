"""Schema revisions: read them with a plain query, upgrade with Alembic only when needed.

Alembic is imported only in `upgrade()`, so that ordinary commands start fast.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from boundary_tracker.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

# Every revision this version of the package knows, oldest first. A unit test keeps this
# tuple equal to the migration history, so HEAD_REVISION is always the single Alembic head.
KNOWN_REVISIONS: tuple[str, ...] = ("0001_initial", "0002_decision_log")
HEAD_REVISION = KNOWN_REVISIONS[-1]


def migrations_dir() -> Path:
    """The migrations shipped inside the package; in a source checkout, the top-level folder."""
    packaged = resources.files("boundary_tracker").joinpath("migrations")
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "migrations"
    if checkout.is_dir():
        return checkout
    raise DatabaseError("this installation of boundary-tracker has no migrations folder; reinstall it")


def current_revision(engine: Engine) -> str | None:
    """The database's revision, or None when it has no revision table. Raises DatabaseError."""
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import SQLAlchemyError

    from boundary_tracker.db.engine import translate

    try:
        with engine.connect() as conn:
            try:
                with conn.begin_nested() if conn.in_transaction() else conn.begin():
                    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
            except SQLAlchemyError as missing:
                if "alembic_version" not in str(missing):  # locked, not a database, ...
                    raise
                if inspect(conn).get_table_names():
                    raise DatabaseError("the file is a database, but not a boundary-tracker database") from None
                return None
    except SQLAlchemyError as exc:
        raise translate(exc) from exc
    if len(rows) != 1:
        raise DatabaseError("the database has no single schema revision; it may be damaged")
    return str(rows[0])


def classify(revision: str | None) -> str:
    """'empty', 'current', 'older' or 'unknown'."""
    if revision is None:
        return "empty"
    if revision == HEAD_REVISION:
        return "current"
    if revision in KNOWN_REVISIONS:
        return "older"
    return "unknown"


def unknown_revision_error(revision: str) -> DatabaseError:
    return DatabaseError(
        f"the database has schema revision {revision!r}, which this version of boundary-tracker does not "
        "know (it was probably written by a newer version); upgrade boundary-tracker, nothing was changed"
    )


def backup(path: Path, revision: str | None, target: Path | None = None) -> Path:
    """Copy a live SQLite database (beside itself by default) with the backup API, never `cp`."""
    if target is None:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = path.with_name(f"{path.name}.backup-{stamp}-{revision or 'empty'}")
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise DatabaseError(f"{target} already exists; choose another path") from None
    except OSError as exc:
        raise DatabaseError(f"cannot write the backup {target} ({exc.strerror})") from None
    os.close(fd)
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(target)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise DatabaseError(f"could not back up the database before upgrading it ({exc}); nothing was changed") from exc
    return target


def upgrade(path: Path) -> None:
    """Upgrade the SQLite database at `path` to the head revision, in one transaction.

    Foreign keys are switched off for the connection (a batch table rebuild would otherwise fire
    ON DELETE actions) and checked before commit by migrations/env.py.
    """
    from alembic import command
    from alembic.config import Config
    from sqlalchemy.exc import SQLAlchemyError

    from boundary_tracker.db.engine import make_engine, translate

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            if conn.in_transaction():
                conn.commit()
        raw = engine.raw_connection()  # outside any transaction: WAL cannot be switched inside one
        try:
            raw.driver_connection.execute("PRAGMA journal_mode = WAL")  # type: ignore[union-attr]
        finally:
            raw.close()
    except SQLAlchemyError as exc:
        raise translate(exc) from exc
    finally:
        engine.dispose()
