"""Shared fixtures: every test gets its own database and config folder, a pinned "today", and
`bt`, which runs the CLI in-process and returns exit code, stdout and stderr separately.

Fixtures (generic names, usable from any test folder):
  bt              run the CLI: bt("client", "add", "C-1", "--started", "2024-01-01", input=None)
  db_path         the temporary database file (BOUNDARY_TRACKER_DB); not created until `init`
  config_dir      the temporary config folder (BOUNDARY_TRACKER_CONFIG_DIR)
  initialized_db  db_path after `init --code apa`
  db_dump         function(path) -> {table: [rows...]}, every table's rows in rowid order
  project_env     function(extra=None) -> environment for a subprocess importing the project from src/
  run_python      function(code, *, env=None, cwd=None) -> CompletedProcess, running this interpreter
                  on the project's sources (for start-up and import checks)
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

REPO_ROOT = Path(__file__).resolve().parents[1]
SRC_DIR = REPO_ROOT / "src"
TODAY = "2026-11-23"


@dataclass
class Result:
    """What a CLI run produced. `exception` is an exception that escaped the CLI (never SystemExit)."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def code(self) -> int:
        return self.exit_code

    def json(self) -> Any:
        return json.loads(self.stdout)

    def __str__(self) -> str:  # shown by pytest when an assertion about a result fails
        return (f"exit {self.exit_code}\n--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}"
                f"\n--- exception ---\n{self.exception!r}")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Never touch the real user's data: database, config and data folders all live in tmp_path."""
    monkeypatch.setenv("BOUNDARY_TRACKER_DB", str(tmp_path / "data" / "boundary-tracker.sqlite"))
    monkeypatch.setenv("BOUNDARY_TRACKER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("BOUNDARY_TRACKER_TODAY", TODAY)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for name in ("NO_COLOR", "BOUNDARY_TRACKER_DEBUG", "BOUNDARY_TRACKER_BUSY_TIMEOUT_MS"):
        monkeypatch.delenv(name, raising=False)
    umask = os.umask(0o022)  # the store sets a private umask in-process; give it back afterwards
    os.umask(umask)
    yield
    os.umask(umask)


@pytest.fixture
def db_path() -> Path:
    return Path(os.environ["BOUNDARY_TRACKER_DB"])


@pytest.fixture
def config_dir() -> Path:
    return Path(os.environ["BOUNDARY_TRACKER_CONFIG_DIR"])


@pytest.fixture
def bt() -> Callable[..., Result]:
    """Run `boundary-tracker ARGS...` in-process. Output is never a terminal here, so colour is off;
    tests of colour run the real command in a pseudo-terminal instead."""
    from boundary_tracker.cli.main import cli

    def run(*args: Any, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        if len(args) == 1 and isinstance(args[0], (list, tuple)):
            args = tuple(args[0])
        runner = CliRunner()
        result = runner.invoke(cli, [str(a) for a in args], input=input, env=env, prog_name="boundary-tracker")
        exception = result.exception
        if isinstance(exception, SystemExit):
            exception = None
        return Result(result.exit_code, result.stdout, result.stderr, exception)

    return run


@pytest.fixture
def initialized_db(bt: Callable[..., Result], db_path: Path) -> Path:
    result = bt("init", "--code", "apa")
    assert result.exit_code == 0, str(result)
    return db_path


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in rowid order (tables without rowid ordered by all columns)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        data = {}
        for table in tables:
            try:
                rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            except sqlite3.OperationalError:
                rows = sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            data[table] = rows
        return data
    finally:
        conn.close()


@pytest.fixture
def db_dump() -> Callable[[Path], dict[str, list[tuple[Any, ...]]]]:
    return dump


def python_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The current environment (with the test's env vars), importing the project from src/."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC_DIR), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("PYTHONSTARTUP", None)
    if extra:
        env.update(extra)
    return env


@pytest.fixture
def project_env() -> Callable[[dict[str, str] | None], dict[str, str]]:
    """function(extra) -> an environment for a subprocess that imports the project from src/."""
    return python_env


@pytest.fixture
def run_python() -> Callable[..., subprocess.CompletedProcess[str]]:
    def run(code: str, *, env: dict[str, str] | None = None, cwd: Path | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", code], env=python_env(env), cwd=cwd, capture_output=True,
                              text=True, timeout=timeout)

    return run
