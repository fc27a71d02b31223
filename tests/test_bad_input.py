"""Every user error ends the same way: one line on stderr starting with "Error:" (or click's usage
error, exit 2), a non-zero exit, no traceback, and the stored data unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import pty
import select
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def assert_user_error(result, *fragments, usage=False):
    """One plain error line (or a click usage error), a non-zero exit and no traceback."""
    text = result.stdout + result.stderr
    assert "Traceback" not in text, str(result)
    assert result.exception is None, str(result)  # nothing escaped the CLI edge
    if usage:
        assert result.exit_code == 2, str(result)
        assert "Usage:" in result.stderr and "Error:" in result.stderr, str(result)
        return result.stderr
    assert result.exit_code == 1, str(result)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, str(result)
    assert lines[0].startswith("Error: "), str(result)
    assert result.stdout == "", str(result)
    for fragment in fragments:
        assert fragment in lines[0], str(result)
    return lines[0]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if not p.name.endswith(("-wal", "-shm")))


@pytest.fixture
def record(bt, initialized_db):
    """A database that holds a little of everything."""
    for args in (
        ("client", "add", "C-1", "--started", "2024-01-01"),
        ("client", "add", "C-2", "--started", "2023-01-01", "--terminated", "2024-06-30", "--how", "planned"),
        ("contact", "add", "C-1", "--on", "2024-02-01", "--kind", "session"),
        ("contact", "add", "C-2", "--on", "2024-09-01", "--kind", "records"),
        ("encounter", "add", "C-1", "--on", "2025-03-02", "--setting", "store", "--note", "session 12"),
    ):
        result = bt(*args)
        assert result.exit_code == 0, str(result)
    return initialized_db


# -- mistakes in what is typed ------------------------------------------------------------------
USER_ERRORS = [
    pytest.param(["client", "show", "NOPE"], ["no client with code 'NOPE'"], id="unknown-client-show"),
    pytest.param(["client", "terminate", "NOPE", "--on", "2025-01-01"], ["no client"], id="unknown-client-terminate"),
    pytest.param(["contact", "add", "NOPE", "--on", "2025-01-01", "--kind", "phone"], ["no client"],
                 id="unknown-client-contact"),
    pytest.param(["encounter", "add", "NOPE", "--on", "2025-01-01", "--setting", "gym"], ["no client"],
                 id="unknown-client-encounter"),
    pytest.param(["encounter", "list", "--client", "NOPE"], ["no client"], id="unknown-client-list"),
    pytest.param(["client", "add", "c-1", "--started", "2024-01-01"], ["already exists"], id="duplicate-code"),
    pytest.param(["client", "add", "C-9", "--started", "2025-02-30"], ["not a valid date"], id="impossible-date"),
    pytest.param(["client", "add", "C-9", "--started", "03/04/2025"], ["ambiguous"], id="ambiguous-date"),
    pytest.param(["client", "add", "C-9", "--started", "March 2025"], ["whole date"], id="partial-date"),
    pytest.param(["encounter", "add", "C-1", "--on", "soon", "--setting", "gym"], ["not a date"], id="bad-date"),
    pytest.param(["encounter", "list", "--from", "2025-13-01"], ["--from"], id="bad-date-filter"),
    pytest.param(["contact", "add", "C-1", "--on", "2026-12-01", "--kind", "phone"], ["future"], id="future-contact"),
    pytest.param(["client", "add", "John Smith", "--started", "2024-01-01"], ["only letters"], id="name-as-code"),
    pytest.param(["client", "add", "C-9", "--started", "2024-01-01", "--note", "friend of Mr Smith"],
                 ["de-identified"], id="identifier-in-note"),
    pytest.param(["encounter", "add", "C-1", "--on", "today", "--setting", "gym", "--note", "call 555-123-4567"],
                 ["phone"], id="phone-in-note"),
    pytest.param(["client", "add", "C-9", "--started", "2024-01-01", "--how", "planned"], ["--terminated"],
                 id="how-without-termination"),
    pytest.param(["contact", "add", "C-2", "--on", "2025-01-01", "--kind", "session"], ["client reopen"],
                 id="session-after-termination"),
    pytest.param(["init", "--code", "bogus"], ["valid codes"], id="unknown-code"),
]


@pytest.mark.parametrize(("args", "fragments"), USER_ERRORS)
def test_a_user_error_is_one_line_and_changes_nothing(bt, record, db_dump, args, fragments):
    before = db_dump(record)
    assert_user_error(bt(*args), *fragments)
    assert db_dump(record) == before


USAGE_ERRORS = [
    pytest.param(["encounter", "add", "C-1", "--on", "today", "--setting", "beach"], id="unknown-setting"),
    pytest.param(["contact", "add", "C-1", "--on", "today"], id="missing-kind"),
    pytest.param(["client", "add", "C-9"], id="missing-started"),
    pytest.param(["encounter", "add", "C-1", "--on", "today", "--setting", "gym", "--minutes", "-5"],
                 id="negative-minutes"),
    pytest.param(["client", "frobnicate"], id="unknown-command"),
    pytest.param(["init", "--date-order", "ymd"], id="unknown-date-order"),
]


@pytest.mark.parametrize("args", USAGE_ERRORS)
def test_a_usage_error_exits_2_and_changes_nothing(bt, record, db_dump, args):
    before = db_dump(record)
    assert_user_error(bt(*args), usage=True)
    assert db_dump(record) == before


# -- the database itself ------------------------------------------------------------------------
@pytest.mark.parametrize("args", [["client", "list"], ["client", "add", "C-1", "--started", "2024-01-01"],
                                  ["profile"], ["db", "status"], ["encounter", "list"]])
def test_a_command_before_init_says_how_to_start_and_creates_nothing(bt, db_path, args):
    line = assert_user_error(bt(*args), "no database at", "boundary-tracker init")
    assert str(db_path) in line
    assert not db_path.exists()
    assert not db_path.parent.exists()


@pytest.mark.parametrize("args", [["client", "list"], ["client", "add", "C-1", "--started", "2024-01-01"],
                                  ["init", "--code", "apa"], ["db", "status"]])
def test_a_file_that_is_not_a_database_is_refused_and_left_alone(bt, db_path, args):
    db_path.parent.mkdir(parents=True)
    junk = os.urandom(4096)
    db_path.write_bytes(junk)
    assert_user_error(bt(*args), "not a boundary-tracker database")
    assert db_path.read_bytes() == junk
    assert siblings(db_path) == [db_path.name]


@pytest.mark.parametrize("args", [["client", "list"], ["client", "add", "C-1", "--started", "2024-01-01"],
                                  ["init", "--code", "apa"]])
def test_another_programs_sqlite_database_is_refused_and_left_alone(bt, db_path, args):
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.commit()
    conn.close()
    digest = file_digest(db_path)
    assert_user_error(bt(*args), "not a boundary-tracker database")
    assert file_digest(db_path) == digest


def test_a_locked_database_is_reported_as_locked_and_nothing_is_written(bt, record, db_dump, monkeypatch):
    monkeypatch.setenv("BOUNDARY_TRACKER_BUSY_TIMEOUT_MS", "200")
    before = db_dump(record)
    holder = sqlite3.connect(record, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        assert_user_error(bt("client", "add", "C-3", "--started", "2024-01-01"), "locked", "try again")
        assert_user_error(bt("encounter", "add", "C-1", "--on", "today", "--setting", "gym"), "locked")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert db_dump(record) == before
    result = bt("client", "add", "C-3", "--started", "2024-01-01")  # and it works once the lock is gone
    assert result.exit_code == 0, str(result)


def _make_read_only(path: Path):
    """Make `path` truly unwritable, also for root; return an undo function, or skip."""
    if os.geteuid() != 0:
        os.chmod(path, 0o400)
        return lambda: os.chmod(path, 0o600)
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("running as root (file modes are ignored) and chattr is not available to make the file immutable")
    done = subprocess.run([chattr, "+i", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"running as root (file modes are ignored) and `chattr +i` is not supported here: "
                    f"{done.stderr.strip()}")
    return lambda: subprocess.run([chattr, "-i", str(path)], check=True)


def test_a_read_only_database_is_reported_as_read_only_and_still_readable(bt, record, db_dump):
    before = db_dump(record)
    digest = file_digest(record)
    undo = _make_read_only(record)
    try:
        try:
            with open(record, "r+b"):
                pass
        except OSError:
            pass
        else:
            pytest.skip("could not make the database unwritable on this system")
        assert_user_error(bt("client", "add", "C-3", "--started", "2024-01-01"), "read-only")
        assert_user_error(bt("contact", "add", "C-1", "--on", "today", "--kind", "phone"), "read-only")
        listed = bt("client", "list", "--json")
        assert listed.exit_code == 0, str(listed)
        assert [r["code"] for r in listed.json()] == ["C-1", "C-2"]
        assert file_digest(record) == digest
    finally:
        undo()
    assert db_dump(record) == before


@pytest.mark.parametrize("args", [["client", "list"], ["client", "add", "C-3", "--started", "2024-01-01"],
                                  ["init", "--code", "apa"], ["profile"]])
def test_an_unknown_schema_revision_is_refused_and_the_file_untouched(bt, record, args):
    conn = sqlite3.connect(record)
    conn.execute("UPDATE alembic_version SET version_num = 'zzzz_future'")
    conn.commit()
    conn.close()
    digest = file_digest(record)
    names = siblings(record)
    assert_user_error(bt(*args), "'zzzz_future'", "newer version", "nothing was changed")
    assert file_digest(record) == digest
    assert siblings(record) == names  # no backup, no new file


def test_db_status_reports_an_unknown_revision_without_failing(bt, record):
    conn = sqlite3.connect(record)
    conn.execute("UPDATE alembic_version SET version_num = 'zzzz_future'")
    conn.commit()
    conn.close()
    digest = file_digest(record)
    data = bt("db", "status", "--json").json()
    assert (data["revision"], data["state"]) == ("zzzz_future", "unknown")
    assert file_digest(record) == digest


@pytest.mark.parametrize("args", [["client", "list"], ["client", "add", "C-1", "--started", "2024-01-01"],
                                  ["init", "--code", "apa"], ["db", "status"]])
def test_a_folder_given_as_the_database_is_refused(bt, tmp_path, args):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert_user_error(bt("--db", folder, *args), "folder")
    assert list(folder.iterdir()) == []


# -- output conventions -------------------------------------------------------------------------
@pytest.mark.parametrize("args", [["client", "list", "--json"], ["client", "show", "C-1", "--json"],
                                  ["encounter", "list", "--json"], ["profile", "--json"], ["db", "status", "--json"],
                                  ["client", "list", "--former", "--json"], ["encounter", "list", "--json",
                                                                            "--client", "C-9-none-yet"]])
def test_json_output_is_json_and_only_json(bt, record, args):
    bt("client", "add", "C-9-none-yet", "--started", "2024-01-01")
    result = bt(*args)
    assert result.exit_code == 0, str(result)
    json.loads(result.stdout)  # the whole of stdout parses


def run_in_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run the real command with stdin, stdout and stderr on a pseudo-terminal; return (status, output)."""
    leader, follower = pty.openpty()
    code = "import sys; from boundary_tracker.cli.main import main; sys.argv = ['boundary-tracker', *sys.argv[1:]]; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdin=follower, stdout=follower, stderr=follower,
                            env=env, close_fds=True)
    os.close(follower)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 30)
            if not ready:
                proc.kill()
                raise AssertionError("the command did not finish in a terminal within 30 s")
            try:
                data = os.read(leader, 65536)
            except OSError:  # EIO: the other side is closed
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(leader)
    return proc.wait(timeout=30), b"".join(chunks).decode("utf-8", "replace")


def test_no_color_removes_every_ansi_escape_even_in_a_terminal(bt, record, project_env):
    bt("client", "terminate", "C-1", "--on", "2025-01-01")
    commands = [["client", "show", "NOPE"], ["check", "C-1", "--contact", "friendship", "--no-record"]]

    coloured = [run_in_terminal(args, project_env({}))[1] for args in commands]
    assert all("\x1b[" in out for out in coloured), coloured  # in a terminal, errors and verdicts have colour

    for args in commands:
        status, out = run_in_terminal(args, project_env({"NO_COLOR": "1"}))
        assert "\x1b" not in out, out
        assert "Traceback" not in out
    assert "Error: no client" in run_in_terminal(commands[0], project_env({"NO_COLOR": "1"}))[1]


@pytest.mark.parametrize("args", [["client", "list"], ["client", "add", "C-1", "--started", "2024-01-01"],
                                  ["encounter", "add", "C-1", "--on", "2024-01-01", "--setting", "gym"]])
def test_an_empty_file_is_set_up_only_by_init(bt, db_path, args):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.touch()
    assert_user_error(bt(*args), "not set up", "boundary-tracker init")
    assert db_path.stat().st_size == 0
    assert bt("init", "--code", "apa").exit_code == 0
    assert bt("client", "list", "--json").json() == []
