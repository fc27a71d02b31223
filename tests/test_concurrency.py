"""Two commands writing at once wait for each other (BEGIN IMMEDIATE + busy timeout): none fails,
no write is lost."""

from __future__ import annotations

import subprocess
import sys


def test_parallel_writers_all_succeed_and_every_row_is_kept(bt, initialized_db, project_env):
    env = project_env({"BOUNDARY_TRACKER_DB": str(initialized_db)})
    writers = [
        subprocess.Popen(
            [sys.executable, "-c",
             "import sys\nfrom boundary_tracker.cli.main import main\n"
             f"for i in range(5):\n"
             f"    sys.argv = ['boundary-tracker', 'client', 'add', f'W{n}-{{i}}', '--started', '2024-01-01']\n"
             "    try:\n        main()\n    except SystemExit as exit:\n        assert not exit.code, exit.code\n"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(4)
    ]
    results = [w.communicate(timeout=120) + (w.returncode,) for w in writers]
    assert all(code == 0 for _, _, code in results), results
    codes = {c["code"] for c in bt("client", "list", "--json").json()}
    assert codes == {f"W{n}-{i}" for n in range(4) for i in range(5)}
