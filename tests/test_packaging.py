"""The built wheel works on its own: it ships the migrations and the built-in rule sets, and once
installed into a fresh virtual environment it can `init` and record, away from the source tree.

Runs in the normal suite (about 10-20 s): building the wheel needs hatchling in this environment
(it is in the `test` extra) and no network; the new environment borrows this one's dependencies
through a .pth file instead of downloading them.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
BUILTIN_RULES = REPO_ROOT / "src" / "boundary_tracker" / "rules" / "builtin"
MIGRATIONS = REPO_ROOT / "migrations"


def run(cmd, **kwargs) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=120, **kwargs)
    assert done.returncode == 0, f"{cmd} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling (pip install '.[test]')")
    out = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", out, REPO_ROOT])
    wheels = list(out.glob("boundary_tracker-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def dependency_dirs() -> list[str]:
    """Where this interpreter finds the project's dependencies."""
    import alembic
    import click
    import dateutil
    import platformdirs
    import sqlalchemy
    import tabulate

    dirs = [*site.getsitepackages(), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    for module in (sqlalchemy, alembic, click, dateutil, tabulate, platformdirs):
        dirs.append(str(Path(module.__file__).resolve().parent.parent))
    return list(dict.fromkeys(d for d in dirs if Path(d).is_dir()))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with only the wheel installed in it; returns its folder."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    purelib = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    (purelib / "zz_borrowed_dependencies.pth").write_text("\n".join(dependency_dirs()) + "\n")
    # --ignore-installed: the borrowed folders may hold boundary-tracker already (a non-editable
    # install of the suite itself); pip must still install the wheel into the new environment.
    run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "--ignore-installed",
         "-q", wheel])
    return venv


def test_the_wheel_ships_the_migrations_and_the_builtin_rule_sets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "boundary_tracker/migrations/env.py" in names
    assert "boundary_tracker/migrations/script.py.mako" in names
    for version in sorted((MIGRATIONS / "versions").glob("*.py")):
        assert f"boundary_tracker/migrations/versions/{version.name}" in names
    rule_files = sorted(BUILTIN_RULES.glob("*.toml"))
    assert rule_files, "no built-in rule sets in the source tree"
    for rules in rule_files:
        assert f"boundary_tracker/rules/builtin/{rules.name}" in names
    assert "boundary_tracker/rules/builtin/apa.toml" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_the_installed_wheel_runs_init_and_records_away_from_the_source_tree(installed, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update({"BOUNDARY_TRACKER_DB": str(tmp_path / "data" / "bt.sqlite"),
                "BOUNDARY_TRACKER_CONFIG_DIR": str(tmp_path / "config"), "BOUNDARY_TRACKER_TODAY": "2026-11-23"})
    command = installed / "bin" / "boundary-tracker"
    assert command.exists(), "the wheel did not install the boundary-tracker command"

    init = subprocess.run([command, "init", "--code", "apa"], cwd=work, env=env, capture_output=True, text=True,
                          timeout=60)
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "data" / "bt.sqlite").is_file()
    added = subprocess.run([command, "client", "add", "C-1", "--started", "2024-01-01"], cwd=work, env=env,
                           capture_output=True, text=True, timeout=60)
    assert added.returncode == 0, added.stderr
    listed = subprocess.run([command, "client", "list", "--json"], cwd=work, env=env, capture_output=True,
                            text=True, timeout=60)
    assert listed.returncode == 0 and '"C-1"' in listed.stdout, listed.stderr

    where = subprocess.run(
        [installed / "bin" / "python", "-c",
         "import sysconfig, boundary_tracker, boundary_tracker.db.schema as s; "
         "print(boundary_tracker.__file__); print(s.migrations_dir()); print(sysconfig.get_paths()['purelib'])"],
        cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert where.returncode == 0, where.stderr
    package_file, migrations, purelib = (Path(line).resolve() for line in where.stdout.splitlines())
    assert package_file.is_relative_to(installed.resolve()), package_file
    assert migrations.is_relative_to(purelib), migrations
    assert migrations == purelib / "boundary_tracker" / "migrations"
    assert (migrations / "env.py").is_file()
