"""Recording through the CLI: init and the profile, clients and episodes, professional contacts,
incidental encounters, date orders, prompts, and where the database lives.

Every test has its own database; "today" is 2026-11-23 (conftest.py).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest


def ok(result):
    assert result.exit_code == 0, str(result)
    assert result.exception is None, str(result)
    return result


def refused(result, *fragments):
    """A user error: exit 1, one `Error:` line on stderr naming the problem."""
    assert result.exit_code == 1, str(result)
    assert result.exception is None, str(result)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:"), str(result)
    for fragment in fragments:
        assert fragment in lines[0], str(result)
    return lines[0]


@pytest.fixture
def record(bt, initialized_db):
    """C-1 current since 2024-01-01; C-2 from 2023-01-01, terminated 2024-06-30 (planned)."""
    ok(bt("client", "add", "C-1", "--started", "2024-01-01"))
    ok(bt("client", "add", "C-2", "--started", "2023-01-01", "--terminated", "2024-06-30", "--how", "planned"))
    return initialized_db


def show(bt, code):
    return ok(bt("client", "show", code, "--json")).json()


# -- init and profile ---------------------------------------------------------------------------
def test_init_creates_a_private_file_in_a_new_private_folder(bt, tmp_path):
    db = tmp_path / "new" / "nested" / "practice.sqlite"
    result = ok(bt("--db", db, "init", "--code", "apa"))
    assert db.is_file()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db.parent.parent.stat().st_mode) == 0o700
    assert "Created" in result.stderr
    assert "apa" in result.stdout


def test_init_does_not_loosen_the_mode_of_an_existing_folder(bt, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    ok(bt("--db", folder / "bt.sqlite", "init"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE((folder / "bt.sqlite").stat().st_mode) == 0o600


def test_profile_json_shows_codes_and_date_order(bt, initialized_db):
    data = ok(bt("profile", "--json")).json()
    assert [c["id"] for c in data["codes"]] == ["apa"]
    assert data["codes"][0]["title"]
    assert data["date_order"] is None
    assert data["database"] == str(initialized_db)


def test_rerunning_init_with_a_date_order_keeps_every_record(bt, record, db_dump):
    ok(bt("contact", "add", "C-1", "--on", "2025-01-10", "--kind", "session", "--note", "session 12"))
    ok(bt("encounter", "add", "C-2", "--on", "2025-02-01", "--setting", "gym"))
    before = db_dump(record)

    result = ok(bt("init", "--date-order", "dmy"))

    after = db_dump(record)
    assert "all records kept" in result.stderr
    for table in before:
        if table != "profile":
            assert after[table] == before[table], table
    profile = ok(bt("profile", "--json")).json()
    assert profile["date_order"] == "dmy"
    assert [c["id"] for c in profile["codes"]] == ["apa"]  # --code not given: kept


def test_init_code_bogus_is_refused_with_the_valid_codes_and_creates_nothing(bt, db_path):
    line = refused(bt("init", "--code", "bogus"), "bogus", "valid codes:", "apa")
    assert "two-year" in line
    assert not db_path.exists()
    assert not db_path.parent.exists()


# -- clients ------------------------------------------------------------------------------------
def test_client_show_json_has_stable_field_names(bt, record):
    data = show(bt, "C-1")
    assert {"code", "service", "status", "started", "terminated", "how", "episodes", "last_contact",
            "last_contact_kind", "note", "contacts", "counts"} <= set(data)
    assert data["code"] == "C-1"
    assert data["status"] == "current"
    assert data["started"] == "2024-01-01"
    assert data["terminated"] is None
    assert data["episodes"] == [{"started": "2024-01-01", "terminated": None, "how": None}]
    assert data["counts"] == {"episodes": 1, "sessions": 0, "contacts": 0, "encounters": 0}


def test_a_client_can_be_looked_up_in_any_case(bt, record):
    assert show(bt, "c-1")["code"] == "C-1"


def test_terminate_then_reopen_keeps_the_history_of_episodes(bt, record):
    ok(bt("client", "terminate", "C-1", "--on", "2025-05-01", "--how", "planned"))
    data = show(bt, "C-1")
    assert (data["status"], data["terminated"], data["how"]) == ("former", "2025-05-01", "planned")
    assert data["last_contact"] == "2025-05-01"
    assert data["last_contact_kind"] == "termination"

    ok(bt("client", "reopen", "C-1", "--on", "2026-01-10"))
    data = show(bt, "C-1")
    assert data["status"] == "current"
    assert data["started"] == "2024-01-01"  # the first episode's start
    assert data["terminated"] is None
    assert data["episodes"] == [
        {"started": "2024-01-01", "terminated": "2025-05-01", "how": "planned"},
        {"started": "2026-01-10", "terminated": None, "how": None},
    ]


def test_a_terminated_client_cannot_be_terminated_again(bt, record):
    refused(bt("client", "terminate", "C-2", "--on", "2025-01-01"), "already terminated", "client reopen")


def test_a_current_client_cannot_be_reopened(bt, record):
    refused(bt("client", "reopen", "C-1", "--on", "2025-01-01"), "current")


def test_client_list_filters_current_and_former(bt, record):
    ok(bt("client", "add", "C-3", "--started", "2025-01-01"))
    everyone = ok(bt("client", "list", "--json")).json()
    assert [r["code"] for r in everyone] == ["C-1", "C-2", "C-3"]
    assert [r["code"] for r in ok(bt("client", "list", "--current", "--json")).json()] == ["C-1", "C-3"]
    former = ok(bt("client", "list", "--former", "--json")).json()
    assert [r["code"] for r in former] == ["C-2"]
    assert former[0]["terminated"] == "2024-06-30"
    assert former[0]["how"] == "planned"


def test_client_list_as_a_table_and_when_empty(bt, initialized_db):
    empty = ok(bt("client", "list"))
    assert empty.stdout == ""
    assert "No clients" in empty.stderr
    ok(bt("client", "add", "C-9", "--started", "2024-01-01"))
    table = ok(bt("client", "list"))
    assert "C-9" in table.stdout and "current" in table.stdout


def test_a_duplicate_code_is_refused_whatever_its_case(bt, record):
    refused(bt("client", "add", "c-1", "--started", "2024-02-01"), "already exists")
    refused(bt("client", "add", "C-1", "--started", "2024-02-01"), "already exists")
    assert len(ok(bt("client", "list", "--json")).json()) == 2


def test_a_termination_before_the_start_is_refused(bt, record):
    refused(bt("client", "add", "C-4", "--started", "2024-05-01", "--terminated", "2024-04-01"), "before the start")
    refused(bt("client", "terminate", "C-1", "--on", "2023-12-31"), "before")
    assert show(bt, "C-1")["status"] == "current"


def test_future_start_and_termination_dates_are_refused(bt, record):
    refused(bt("client", "add", "C-5", "--started", "2026-11-24"), "future")
    refused(bt("client", "terminate", "C-1", "--on", "2026-12-01"), "future")
    ok(bt("client", "terminate", "C-1", "--on", "today"))
    assert show(bt, "C-1")["terminated"] == "2026-11-23"


# -- professional contacts ----------------------------------------------------------------------
def test_contacts_after_termination_move_the_last_contact_forward(bt, record):
    assert show(bt, "C-2")["last_contact"] == "2024-06-30"
    ok(bt("contact", "add", "C-2", "--on", "2024-09-01", "--kind", "records", "--note", "records request"))
    data = show(bt, "C-2")
    assert (data["last_contact"], data["last_contact_kind"]) == ("2024-09-01", "records")
    assert data["status"] == "former"
    assert data["contacts"] == [{"on": "2024-09-01", "kind": "records", "note": "records request"}]
    ok(bt("contact", "add", "C-2", "--on", "2025-03-15", "--kind", "court"))
    assert show(bt, "C-2")["last_contact"] == "2025-03-15"


def test_a_session_after_termination_is_refused_with_a_hint_to_reopen(bt, record):
    refused(bt("contact", "add", "C-2", "--on", "2024-10-01", "--kind", "session"),
            "client reopen C-2", "after termination")
    assert show(bt, "C-2")["contacts"] == []
    ok(bt("client", "reopen", "C-2", "--on", "2024-10-01"))
    ok(bt("contact", "add", "C-2", "--on", "2024-10-01", "--kind", "session"))
    assert show(bt, "C-2")["counts"]["sessions"] == 1


def test_a_contact_before_the_client_started_is_refused(bt, record):
    refused(bt("contact", "add", "C-1", "--on", "2023-12-31", "--kind", "phone"), "before client C-1 started")


def test_sessions_while_current_are_counted(bt, record):
    ok(bt("contact", "add", "C-1", "--on", "2024-01-01", "--kind", "session"))
    ok(bt("contact", "add", "C-1", "--on", "2024-01-08", "--kind", "session"))
    data = show(bt, "C-1")
    assert data["counts"]["sessions"] == 2
    assert (data["last_contact"], data["last_contact_kind"]) == ("2024-01-08", "session")


def test_a_future_contact_is_refused_but_today_is_fine(bt, record):
    refused(bt("contact", "add", "C-1", "--on", "2026-11-24", "--kind", "phone"), "future")
    ok(bt("contact", "add", "C-1", "--on", "today", "--kind", "phone"))
    assert show(bt, "C-1")["last_contact"] == "2026-11-23"


# -- incidental encounters ----------------------------------------------------------------------
ENCOUNTER_FIELDS = {"id", "client", "on", "setting", "initiated_by", "acknowledged", "others_present", "minutes",
                    "note"}


def test_encounter_add_and_list_as_json(bt, record):
    ok(bt("encounter", "add", "C-1", "--on", "2025-03-02", "--setting", "store", "--initiated-by", "client",
          "--acknowledged", "--minutes", "5", "--note", "met at the store, brief greeting, 5 minutes"))
    rows = ok(bt("encounter", "list", "--json")).json()
    assert len(rows) == 1
    row = rows[0]
    assert ENCOUNTER_FIELDS <= set(row)
    assert row["client"] == "C-1"
    assert row["on"] == "2025-03-02"
    assert row["setting"] == "store"
    assert row["initiated_by"] == "client"
    assert row["acknowledged"] is True
    assert row["others_present"] is False
    assert row["minutes"] == 5
    assert row["note"] == "met at the store, brief greeting, 5 minutes"


def test_encounter_list_filters_by_client_and_inclusive_dates(bt, record):
    for code, on in [("C-1", "2025-01-01"), ("C-2", "2025-02-01"), ("C-1", "2025-03-01"), ("C-1", "2025-04-01")]:
        ok(bt("encounter", "add", code, "--on", on, "--setting", "gym"))

    def listed(*args):
        return [(r["client"], r["on"]) for r in ok(bt("encounter", "list", "--json", *args)).json()]

    assert listed() == [("C-1", "2025-01-01"), ("C-2", "2025-02-01"), ("C-1", "2025-03-01"), ("C-1", "2025-04-01")]
    assert listed("--client", "c-1") == [("C-1", "2025-01-01"), ("C-1", "2025-03-01"), ("C-1", "2025-04-01")]
    assert listed("--from", "2025-02-01", "--to", "2025-03-01") == [("C-2", "2025-02-01"), ("C-1", "2025-03-01")]
    assert listed("--client", "C-1", "--from", "2025-03-02") == [("C-1", "2025-04-01")]
    assert show(bt, "C-1")["counts"]["encounters"] == 3


def test_encounters_with_former_clients_are_recorded(bt, record):
    ok(bt("encounter", "add", "C-2", "--on", "2026-11-01", "--setting", "worship", "--others-present"))
    rows = ok(bt("encounter", "list", "--client", "C-2", "--json")).json()
    assert rows[0]["others_present"] is True


def test_a_future_encounter_is_refused(bt, record):
    refused(bt("encounter", "add", "C-1", "--on", "2026-11-24", "--setting", "store"), "future")
    assert ok(bt("encounter", "list", "--json")).json() == []


def test_encounter_list_as_a_table(bt, record):
    ok(bt("encounter", "add", "C-1", "--on", "yesterday", "--setting", "online"))
    table = ok(bt("encounter", "list"))
    assert "2026-11-22" in table.stdout and "online" in table.stdout


# -- date orders --------------------------------------------------------------------------------
def test_with_date_order_dmy_03_04_2025_is_3_april(bt, initialized_db):
    ok(bt("init", "--date-order", "dmy"))
    ok(bt("client", "add", "C-1", "--started", "03/04/2025"))
    assert show(bt, "C-1")["started"] == "2025-04-03"
    ok(bt("encounter", "add", "C-1", "--on", "05/06/2025", "--setting", "store"))
    assert ok(bt("encounter", "list", "--json", "--from", "01/06/2025")).json()[0]["on"] == "2025-06-05"


def test_with_date_order_mdy_03_04_2025_is_4_march(bt, initialized_db):
    ok(bt("init", "--date-order", "mdy"))
    ok(bt("client", "add", "C-1", "--started", "03/04/2025"))
    assert show(bt, "C-1")["started"] == "2025-03-04"


def test_without_a_date_order_an_ambiguous_date_is_refused(bt, initialized_db):
    refused(bt("client", "add", "C-1", "--started", "03/04/2025"), "ambiguous", "--date-order")
    ok(bt("client", "add", "C-1", "--started", "13/04/2025"))
    assert show(bt, "C-1")["started"] == "2025-04-13"


# -- where the database is ----------------------------------------------------------------------
def test_db_path_prefers_the_option_then_the_environment_then_the_user_data_folder(bt, tmp_path, monkeypatch):
    option = tmp_path / "option.sqlite"
    env = tmp_path / "env.sqlite"
    monkeypatch.setenv("BOUNDARY_TRACKER_DB", str(env))
    assert ok(bt("--db", option, "db", "path")).stdout.strip() == str(option)
    assert ok(bt("db", "path")).stdout.strip() == str(env)

    monkeypatch.delenv("BOUNDARY_TRACKER_DB")
    import platformdirs

    default = Path(ok(bt("db", "path")).stdout.strip())
    assert default == Path(platformdirs.user_data_dir("boundary-tracker", appauthor=False)) / "boundary-tracker.sqlite"
    if sys.platform.startswith("linux"):
        assert default == tmp_path / "xdg-data" / "boundary-tracker" / "boundary-tracker.sqlite"
    assert not default.exists()  # `db path` only tells


def test_db_status_json_reports_a_current_private_database(bt, initialized_db):
    data = ok(bt("db", "status", "--json")).json()
    from boundary_tracker.db.schema import HEAD_REVISION

    assert data["path"] == str(initialized_db)
    assert data["revision"] == data["head"] == HEAD_REVISION
    assert data["state"] == "current"
    assert data["upgrade_pending"] is False
    assert data["mode"] == "0o600"


# -- prompts ------------------------------------------------------------------------------------
@pytest.fixture
def at_a_terminal(monkeypatch):
    import boundary_tracker.cli.record as record_module

    monkeypatch.setattr(record_module, "interactive", lambda: True)


def test_client_add_asks_for_code_and_start_at_a_terminal(bt, initialized_db, at_a_terminal):
    result = ok(bt("client", "add", input="C-7\n2024-02-03\n"))
    assert "Client code" in result.stdout and "Started on" in result.stdout
    data = show(bt, "C-7")
    assert data["started"] == "2024-02-03"


def test_encounter_add_asks_for_date_and_setting_at_a_terminal(bt, record, at_a_terminal):
    result = ok(bt("encounter", "add", "C-1", input="2026-11-01\nbogus-place\nstore\n"))
    assert "Setting" in result.stdout
    rows = ok(bt("encounter", "list", "--json")).json()
    assert [(r["client"], r["on"], r["setting"]) for r in rows] == [("C-1", "2026-11-01", "store")]


def test_the_encounter_date_prompt_defaults_to_today(bt, record, at_a_terminal):
    ok(bt("encounter", "add", "C-1", "--setting", "gym", input="\n"))
    assert ok(bt("encounter", "list", "--json")).json()[0]["on"] == "2026-11-23"


def test_without_a_terminal_a_missing_start_is_a_usage_error(bt, initialized_db, monkeypatch):
    import boundary_tracker.cli.record as record_module

    monkeypatch.setattr(record_module, "interactive", lambda: False)
    result = bt("client", "add", "C-1")
    assert result.exit_code == 2, str(result)
    assert "Missing option '--started'" in result.stderr
    assert result.exception is None
    assert ok(bt("client", "list", "--json")).json() == []


def test_without_a_terminal_a_missing_setting_is_a_usage_error(bt, record):
    result = bt("encounter", "add", "C-1", "--on", "today")
    assert result.exit_code == 2, str(result)
    assert "--setting" in result.stderr


def test_init_makes_an_existing_database_private_again(bt, initialized_db):
    initialized_db.chmod(0o644)
    result = bt("init")
    assert result.exit_code == 0, str(result)
    assert initialized_db.stat().st_mode & 0o777 == 0o600
    assert "private" in result.stderr
