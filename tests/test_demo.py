"""`boundary-tracker demo`: the guided tour runs on a throw-away database and leaves yours alone."""

from __future__ import annotations

import shutil
from pathlib import Path


def test_demo_runs_every_step_and_touches_no_real_database(bt, db_path):
    result = bt("demo")
    assert result.exit_code == 0, str(result)
    out = result.stdout
    for expected in ("$ boundary-tracker init --code aca --code texas-lpc", "$ boundary-tracker check C-101",
                     "NOT UNTIL", "PERMITTED WITH CONDITIONS", "$ boundary-tracker windows",
                     "The demo database has been deleted"):
        assert expected in out
    assert "Error" not in result.stderr
    assert not db_path.exists()


def test_demo_keep_leaves_a_usable_database(bt):
    result = bt("demo", "--keep")
    assert result.exit_code == 0, str(result)
    kept = result.stdout.strip().splitlines()[-1].split(" at ", 1)[1].split(" (use", 1)[0]
    listed = bt("--db", kept, "client", "list", "--json")
    assert [c["code"] for c in listed.json()] == ["C-101", "C-102", "C-103"]
    shutil.rmtree(Path(kept).parent)
