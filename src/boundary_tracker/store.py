"""Opening the practitioner's database: create it privately, check its schema, back up and upgrade.

`Store` is what the CLI (or any other front end) holds: `store.read()` and `store.write()` are the
only ways to a session. A write finding an older schema backs the file up, then upgrades it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from boundary_tracker.errors import DatabaseError
from boundary_tracker.paths import make_private_dir

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class Store:
    path: Path
    backups: list[Path] = field(default_factory=list)
    upgraded_from: str | None = None
    _engine: Engine | None = None
    _ready: bool = False

    # -- opening -----------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists()

    def _check_file(self) -> None:
        if not self.path.exists():
            raise DatabaseError(
                f"no database at {self.path}; create one with `boundary-tracker init` "
                "(or point --db / BOUNDARY_TRACKER_DB at yours)"
            )
        if self.path.is_dir():
            raise DatabaseError(f"{self.path} is a folder, not a database file")
        try:
            with open(self.path, "rb") as handle:
                head = handle.read(16)
        except PermissionError:
            raise DatabaseError(f"the database {self.path} cannot be read; check its permissions") from None
        except OSError as exc:
            raise DatabaseError(f"the database {self.path} cannot be read ({exc.strerror})") from None
        if head and head != _SQLITE_MAGIC:
            raise DatabaseError(f"{self.path} is not a boundary-tracker database (not an SQLite file)")

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from boundary_tracker.db.engine import make_engine

            self._engine = make_engine(self.path)
        return self._engine

    def create(self) -> bool:
        """Create the file, private to its owner, if it does not exist. True if created.

        SQLite gives its -wal and -shm files the database file's mode, and backups are created 0600,
        so the process umask is left alone.
        """
        if self.path.exists():
            return False
        make_private_dir(self.path.parent)
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except OSError as exc:
            raise DatabaseError(f"cannot create the database at {self.path} ({exc.strerror})") from None
        os.close(fd)
        return True

    def make_private(self) -> bool:
        """Take group and other permissions off an existing database file; True if they were there."""
        mode = self.path.stat().st_mode & 0o777
        if mode & 0o077:
            try:
                os.chmod(self.path, mode & 0o700)
            except OSError as exc:
                raise DatabaseError(f"cannot make {self.path} private to you ({exc.strerror})") from None
            return True
        return False

    def ensure_schema(self, *, upgrade: bool, initialize: bool = False) -> None:
        """Check the schema; with `upgrade`, back up and upgrade an older database; with `initialize`
        (only `init`), set up an empty one."""
        from boundary_tracker.db import schema

        if self._ready:
            return
        self._check_file()
        revision = schema.current_revision(self.engine)
        state = schema.classify(revision)
        if state == "unknown":
            raise schema.unknown_revision_error(str(revision))
        if state == "empty" and not initialize:
            raise DatabaseError(f"the database at {self.path} is not set up; run `boundary-tracker init`")
        if state in ("empty", "older"):
            if not upgrade:
                raise DatabaseError(
                    f"the database schema ({revision}) is older than this version of boundary-tracker; "
                    "run `boundary-tracker init` to upgrade it (a backup is made first)"
                )
            if state == "older":
                self.backups.append(schema.backup(self.path, revision))
                self.upgraded_from = revision
            self.dispose()
            schema.upgrade(self.path)
        self._ready = True

    def status(self) -> dict[str, object]:
        """What `db status` shows; never changes the file."""
        from boundary_tracker.db import schema

        self._check_file()
        revision = schema.current_revision(self.engine)
        state = schema.classify(revision)
        return {
            "path": str(self.path),
            "revision": revision,
            "head": schema.HEAD_REVISION,
            "state": state,
            "upgrade_pending": state in ("empty", "older"),
            "mode": oct(self.path.stat().st_mode & 0o777),
        }

    # -- sessions ----------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        from boundary_tracker.db.engine import session_scope

        self.ensure_schema(upgrade=False)
        with session_scope(self.engine, write=False) as session:
            yield session

    @contextmanager
    def write(self, *, initialize: bool = False) -> Iterator[Session]:
        """A write session; an older schema is backed up and upgraded first. `initialize` (for `init`)
        also sets up an empty database."""
        from boundary_tracker.db.engine import session_scope

        self.ensure_schema(upgrade=True, initialize=initialize)
        with session_scope(self.engine, write=True) as session:
            yield session

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
