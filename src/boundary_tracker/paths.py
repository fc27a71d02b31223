"""Where the database and the practitioner's own policy files live (no heavy imports here)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "boundary-tracker"
DB_ENV = "BOUNDARY_TRACKER_DB"
CONFIG_ENV = "BOUNDARY_TRACKER_CONFIG_DIR"
DB_FILENAME = "boundary-tracker.sqlite"


def resolve_db_path(option: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH` > $BOUNDARY_TRACKER_DB > the platform's user data directory."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def config_dir() -> Path:
    """$BOUNDARY_TRACKER_CONFIG_DIR > the platform's user config directory."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def make_private_dir(path: Path) -> None:
    """Create `path` (and missing parents); folders the tool creates are private (0700)."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700)
        os.chmod(folder, 0o700)
