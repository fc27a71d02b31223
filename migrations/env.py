"""Alembic environment: runs on a connection passed in by boundary-tracker, or (for developers
using the top-level alembic.ini) on the database named by $BOUNDARY_TRACKER_DB / the default path."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import text

from boundary_tracker.db.models import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    is_sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=is_sqlite,
        transactional_ddl=True,
        transaction_per_migration=False,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        if is_sqlite:
            broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                raise RuntimeError(f"migration left {len(broken)} rows with broken foreign keys; rolled back")


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from boundary_tracker.db.engine import make_engine
    from boundary_tracker.paths import resolve_db_path

    engine = make_engine(resolve_db_path(), foreign_keys=False)
    with engine.connect() as conn:
        _run(conn)
        if conn.in_transaction():
            conn.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
run_migrations_online()
