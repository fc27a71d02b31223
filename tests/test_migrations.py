"""Schema migrations: the models and the migrations agree, the package knows the whole revision
chain, an old database that holds rows is backed up and upgraded without losing any, a read never
touches an old schema, and ordinary commands do not pay for importing Alembic.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from boundary_tracker.db import schema
from boundary_tracker.db.models import Base

OLD = "0001_initial"


def upgrade_to(path: Path, revision: str) -> None:
    """Bring the database at `path` to `revision` exactly as the package does for the head."""
    from alembic import command
    from alembic.config import Config

    from boundary_tracker.db.engine import make_engine

    config = Config()
    config.set_main_option("script_location", str(schema.migrations_dir()))
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            if conn.in_transaction():
                conn.commit()
    finally:
        engine.dispose()


def script_directory():
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(schema.migrations_dir()))


def tables_in(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def revision_of(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


# -- the migrations and the models --------------------------------------------------------------
def test_upgrading_an_empty_file_creates_every_model_table(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.touch()
    schema.upgrade(path)
    assert set(Base.metadata.tables) <= tables_in(path)
    assert revision_of(path) == schema.HEAD_REVISION


def test_the_models_and_the_migrations_agree(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    path = tmp_path / "fresh.sqlite"
    path.touch()
    schema.upgrade(path)
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            diffs = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diffs == [], f"the models differ from the migrated schema; write a migration: {diffs}"


def test_there_is_exactly_one_head_and_the_package_knows_the_whole_chain():
    scripts = script_directory()
    heads = scripts.get_heads()
    assert len(heads) == 1, f"more than one migration head: {heads}; merge them"
    chain = [rev.revision for rev in scripts.walk_revisions("base", "heads")][::-1]  # oldest first
    assert chain[0] == OLD
    assert schema.KNOWN_REVISIONS == tuple(chain)
    assert schema.HEAD_REVISION == heads[0]


def test_revisions_are_classified_against_what_the_package_knows():
    assert schema.classify(None) == "empty"
    assert schema.classify(schema.HEAD_REVISION) == "current"
    assert schema.classify(OLD) == "older"
    assert schema.classify("zzzz_future") == "unknown"


# -- an old database that holds rows ------------------------------------------------------------
# One row or more in every table of 0001_initial, written with plain SQL as an older version would.
OLD_ROWS = [
    "INSERT INTO profile (id, date_order, created_at, updated_at) VALUES "
    "(1, 'dmy', '2025-01-02 03:04:05.000000', '2025-01-02 03:04:05.000000')",
    "INSERT INTO profile_code (profile_id, ruleset_id, position) VALUES (1, 'apa', 0)",
    "INSERT INTO client (id, code, code_key, service, note, created_at) VALUES "
    "(1, 'C-1', 'c-1', 'individual', 'session 12', '2025-01-02 03:04:05.000000'), "
    "(2, 'C-2', 'c-2', 'couple', NULL, '2025-01-02 03:04:06.000000')",
    "INSERT INTO episode (id, client_id, started, terminated, termination_how) VALUES "
    "(1, 1, '2024-01-01', NULL, NULL), (2, 2, '2022-01-01', '2023-06-30', 'planned'), "
    "(3, 2, '2024-02-01', '2024-10-31', 'transfer')",
    "INSERT INTO professional_contact (id, client_id, \"on\", kind, note, created_at) VALUES "
    "(1, 1, '2024-01-08', 'session', NULL, '2025-01-02 03:04:05.000000'), "
    "(2, 2, '2024-12-01', 'records', 'records request', '2025-01-02 03:04:05.000000')",
    "INSERT INTO encounter (id, client_id, \"on\", setting, initiated_by, acknowledged, others_present, minutes, "
    "note, created_at) VALUES (1, 1, '2025-03-02', 'store', 'client', 1, 0, 5, "
    "'met at the store, brief greeting, 5 minutes', '2025-03-02 10:00:00.000000'), "
    "(2, 2, '2025-04-01', 'gym', NULL, NULL, 1, NULL, NULL, '2025-04-01 10:00:00.000000')",
]


@pytest.fixture
def old_db(db_path, db_dump):
    """A database at 0001_initial with rows in every table; returns (path, its dump)."""
    db_path.parent.mkdir(parents=True)
    db_path.touch(mode=0o600)
    upgrade_to(db_path, OLD)
    conn = sqlite3.connect(db_path)
    try:
        with conn:
            for statement in OLD_ROWS:
                conn.execute(statement)
    finally:
        conn.close()
    assert revision_of(db_path) == OLD
    rows = db_dump(db_path)
    assert all(rows[table] for table in rows), f"the fixture must fill every table: {rows}"
    return db_path, rows


def backups_of(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.backup-*"))


def test_a_write_command_backs_up_then_upgrades_an_old_database_without_losing_a_row(bt, old_db, db_dump):
    path, old_rows = old_db

    result = bt("client", "add", "C-3", "--started", "2025-01-01")

    assert result.exit_code == 0, str(result)
    # The person is told, with the backup's path.
    backups = backups_of(path)
    assert len(backups) == 1
    assert f"Upgraded the database from {OLD}" in result.stderr
    assert str(backups[0]) in result.stderr
    assert backups[0].name.endswith(OLD)
    # The backup is a readable SQLite database holding the old rows at the old revision.
    assert db_dump(backups[0]) == old_rows
    assert revision_of(backups[0]) == OLD
    # Every old row survives, unchanged; the new tables exist; only the new client was added.
    new_rows = db_dump(path)
    assert new_rows["alembic_version"] == [(schema.HEAD_REVISION,)]
    for table, rows in old_rows.items():
        if table == "alembic_version":
            continue
        if table in ("client", "episode"):
            assert new_rows[table][: len(rows)] == rows, table
            assert len(new_rows[table]) == len(rows) + 1, table
        else:
            assert new_rows[table] == rows, table
    assert set(Base.metadata.tables) <= set(new_rows)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    # The upgraded database is current, and reads as it did.
    status = bt("db", "status", "--json").json()
    assert (status["state"], status["revision"], status["upgrade_pending"]) == ("current", schema.HEAD_REVISION,
                                                                                 False)
    shown = bt("client", "show", "C-2", "--json").json()
    assert [e["started"] for e in shown["episodes"]] == ["2022-01-01", "2024-02-01"]
    assert (shown["last_contact"], shown["last_contact_kind"]) == ("2024-12-01", "records")
    assert bt("profile", "--json").json()["date_order"] == "dmy"


def test_a_second_write_after_the_upgrade_makes_no_second_backup(bt, old_db):
    path, _ = old_db
    assert bt("client", "add", "C-3", "--started", "2025-01-01").exit_code == 0
    again = bt("client", "add", "C-4", "--started", "2025-01-01")
    assert again.exit_code == 0, str(again)
    assert "Upgraded" not in again.stderr
    assert len(backups_of(path)) == 1


def test_init_upgrades_an_old_database_and_keeps_its_profile(bt, old_db):
    path, _ = old_db
    result = bt("init")
    assert result.exit_code == 0, str(result)
    assert len(backups_of(path)) == 1
    profile = bt("profile", "--json").json()
    assert [c["id"] for c in profile["codes"]] == ["apa"]
    assert profile["date_order"] == "dmy"


def test_db_status_reports_a_pending_upgrade_without_changing_anything(bt, old_db):
    path, _ = old_db
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    data = bt("db", "status", "--json").json()
    assert (data["revision"], data["state"], data["upgrade_pending"]) == (OLD, "older", True)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert backups_of(path) == []


@pytest.mark.parametrize("args", [["client", "list"], ["client", "show", "C-1", "--json"], ["encounter", "list"],
                                  ["profile"]])
def test_a_read_command_on_an_old_schema_refuses_plainly_and_changes_nothing(bt, old_db, args):
    path, _ = old_db
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    result = bt(*args)
    assert result.exit_code == 1, str(result)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:"), str(result)
    assert OLD in lines[0] and "older" in lines[0] and "boundary-tracker init" in lines[0]
    assert "Traceback" not in result.stderr and result.exception is None
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert revision_of(path) == OLD
    assert backups_of(path) == []


# -- start-up cost ------------------------------------------------------------------------------
PROBE = """
import json, sys
from boundary_tracker.cli.main import main
sys.argv = ["boundary-tracker", *{args!r}]
try:
    main()
except SystemExit as exc:
    status = exc.code
else:
    status = 0
sys.stdout.flush()
print("\\nPROBE " + json.dumps({{"status": status, "alembic": "alembic" in sys.modules,
                                "sqlalchemy": "sqlalchemy" in sys.modules}}))
"""


def probe(run_python, args):
    done = run_python(PROBE.format(args=list(args)))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.rsplit("PROBE ", 1)[1])
    return report, done


def test_ordinary_commands_on_a_current_database_do_not_import_alembic(bt, initialized_db, run_python):
    assert bt("client", "add", "C-1", "--started", "2024-01-01").exit_code == 0
    for args in (["client", "list"], ["client", "add", "C-2", "--started", "2024-01-01"],
                 ["encounter", "list", "--json"]):
        report, done = probe(run_python, args)
        assert report["status"] in (0, None), done.stderr
        assert report["sqlalchemy"], "the probe must see the database being used"
        assert not report["alembic"], f"{args} imported alembic on a current database"


def test_the_root_help_imports_neither_sqlalchemy_nor_alembic(run_python):
    report, done = probe(run_python, ["--help"])
    assert report["status"] in (0, None)
    assert "client" in done.stdout and "encounter" in done.stdout  # every subcommand was listed
    assert not report["sqlalchemy"], "`--help` imported SQLAlchemy: a command module imports it at module level"
    assert not report["alembic"]
