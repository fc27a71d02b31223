"""Start-up benchmark: how long `--help` and a read command take, and what they import.

Run: python bench/startup.py [--runs N]. Targets (docs/development.md): `--help` under 150 ms and
without SQLAlchemy or Alembic; `client list` on a small database under 600 ms without Alembic.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = (
    "import sys; sys.argv = ['boundary-tracker'] + sys.argv[1:]\n"
    "from boundary_tracker.cli.main import cli\n"
    "try:\n    cli.main(prog_name='boundary-tracker')\n"
    "except SystemExit:\n    pass\n"
    "print('IMPORTS', 'sqlalchemy' in sys.modules, 'alembic' in sys.modules, file=sys.stderr)\n"
)


def run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True)
    return time.perf_counter() - start, done.stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp())
    env = {**os.environ, "BOUNDARY_TRACKER_DB": str(folder / "bench.sqlite"),
           "BOUNDARY_TRACKER_CONFIG_DIR": str(folder / "config")}
    subprocess.run([sys.executable, "-m", "boundary_tracker", "init", "--code", "apa"], env=env,
                   capture_output=True, check=True)
    for i in range(5):
        subprocess.run([sys.executable, "-m", "boundary_tracker", "client", "add", f"C-{i:03}",
                        "--started", "2020-01-01"], env=env, capture_output=True, check=True)
    for label, args in (("--help", ["--help"]), ("client list", ["client", "list"]),
                        ("check --no-record", ["check", "C-000", "--contact", "romantic", "--no-record"])):
        times, imports = [], ""
        for _ in range(runs):
            seconds, imports = run(args, env)
            times.append(seconds * 1000)
        print(f"{label:20} median {statistics.median(times):7.1f} ms  min {min(times):7.1f} ms  "
              f"({imports.replace('IMPORTS', 'sqlalchemy/alembic imported:')})")


if __name__ == "__main__":
    main()
