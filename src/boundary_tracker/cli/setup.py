"""Setting up: `init`, `profile` and `db` (path, status, backup)."""

from __future__ import annotations

import click

from boundary_tracker.cli.main import App, pass_app
from boundary_tracker.cli.output import json_option, message, print_fields, print_json
from boundary_tracker.vocab import DATE_ORDERS


@click.command(epilog="""\b
Examples:
  boundary-tracker init --code apa
  boundary-tracker init --code aca --code texas-lpc --date-order mdy
  boundary-tracker --db ~/practice.sqlite init --code nasw
""")
@click.option("--code", "codes", multiple=True, metavar="ID",
              help="An ethics code, law or practice policy you are bound by (repeatable; "
                   "see `boundary-tracker rules`). Given again, it replaces the list.")
@click.option("--date-order", type=click.Choice(DATE_ORDERS), default=None,
              help="How you write numeric dates: mdy (03/04/2025 is 4 March) or dmy (3 April). ISO always works.")
@json_option
@pass_app
def init(app: App, codes: tuple[str, ...], date_order: str | None, as_json: bool) -> None:
    """Create the database (private to you) or upgrade it, and set your profile.

    Re-running init keeps every record: it only updates what you pass.
    """
    from boundary_tracker.profile import describe, init_profile, validate_codes

    validate_codes(list(codes))  # before anything is created or changed
    store = app.store
    created = store.create()
    with store.write(initialize=True) as session:
        _, new_profile = init_profile(session, list(codes), date_order)
        profile = describe(session)
    if store.make_private():  # only once the file is known to be ours
        message(f"Made {store.path} private to you (it was readable by others).")
    if created:
        message(f"Created a private database at {store.path}")
    elif new_profile:
        message(f"Set up the database at {store.path}")
    else:
        message(f"Updated the profile in {store.path}; all records kept")
    if as_json:
        print_json({**profile, "database": str(store.path), "created": created})
        return
    _show_profile(profile)
    if not profile["codes"]:
        message("No codes set yet: add the ones you are bound by with `boundary-tracker init --code ID`.")


def _show_profile(profile: dict) -> None:  # type: ignore[type-arg]
    codes = ", ".join(f"{c['id']} ({c['title']})" for c in profile["codes"]) or "(none)"
    print_fields([("codes", codes), ("date order", profile["date_order"] or "(not set: ISO dates only for numbers)")])


@click.command(epilog="\b\nExamples:\n  boundary-tracker profile\n  boundary-tracker profile --json")
@json_option
@pass_app
def profile(app: App, as_json: bool) -> None:
    """Show your profile: the codes you are bound by and your date order."""
    from boundary_tracker.profile import describe

    with app.store.read() as session:
        data = describe(session)
        data["database"] = str(app.store.path)
    if as_json:
        print_json(data)
    else:
        _show_profile(data)
        print_fields([("database", data["database"])])


@click.group(epilog="""\b
Examples:
  boundary-tracker db path
  boundary-tracker db status --json
  boundary-tracker db backup
""")
def db() -> None:
    """Where the database is, its schema revision, and backups."""


@db.command("path", epilog="""\b
Examples:
  boundary-tracker db path
  boundary-tracker --db ~/practice.sqlite db path
""")
@pass_app
def db_path(app: App) -> None:
    """Print the database file's path (--db > $BOUNDARY_TRACKER_DB > user data folder)."""
    click.echo(str(app.db_path))


@db.command("status", epilog="""\b
Examples:
  boundary-tracker db status
  boundary-tracker db status --json
""")
@json_option
@pass_app
def db_status(app: App, as_json: bool) -> None:
    """Show the schema revision and whether an upgrade is pending (changes nothing)."""
    data = app.store.status()
    if as_json:
        print_json(data)
        return
    pending = {"current": "no", "older": "yes: any write command (or init) upgrades it after a backup",
               "empty": "yes: run `boundary-tracker init`",
               "unknown": "unknown revision: written by a newer boundary-tracker?"}[str(data["state"])]
    print_fields([("database", data["path"]), ("revision", data["revision"] or "(none)"),
                  ("this version's head", data["head"]), ("upgrade pending", pending),
                  ("file mode", data["mode"])])


@db.command("backup", epilog="""\b
Examples:
  boundary-tracker db backup
  boundary-tracker db backup --to ~/backups/boundary-tracker-2026-11.sqlite
""")
@click.option("--to", "target", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Where to write the copy (default: beside the database, timestamped).")
@pass_app
def db_backup(app: App, target: str | None) -> None:
    """Copy the database safely (SQLite backup API; never `cp` a live database)."""
    from pathlib import Path

    from boundary_tracker.db import schema

    store = app.store
    store.ensure_schema(upgrade=False)
    path = schema.backup(store.path, schema.HEAD_REVISION, Path(target) if target else None)
    click.echo(str(path))

