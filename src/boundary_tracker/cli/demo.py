"""`demo`: a guided tour on a throw-away database with synthetic, de-identified records."""

from __future__ import annotations

import os
import shlex
import tempfile
from datetime import date, timedelta
from pathlib import Path

import click

from boundary_tracker.dates import today


def _years_ago(day: date, years: int, days: int = 0) -> str:
    from boundary_tracker.dates import add_years

    return (add_years(day, -years) - timedelta(days=days)).isoformat()


def tour(now: date) -> list[tuple[str, list[str]]]:
    """The steps: (what it shows, the command's arguments)."""
    return [
        ("Set up a private database and say which codes bind you (here: ACA and Texas LPC rules).",
         ["init", "--code", "aca", "--code", "texas-lpc"]),
        ("A former client, terminated a year ago; clients are codes, never names.",
         ["client", "add", "C-101", "--started", _years_ago(now, 4), "--terminated", _years_ago(now, 1),
          "--how", "planned"]),
        ("A current client, and their latest session.",
         ["client", "add", "C-102", "--started", _years_ago(now, 0, 240)]),
        ("", ["contact", "add", "C-102", "--on", _years_ago(now, 0, 7), "--kind", "session"]),
        ("A client who ended six years ago; a records request two years later moves the last professional contact.",
         ["client", "add", "C-103", "--started", _years_ago(now, 7), "--terminated", _years_ago(now, 6)]),
        ("", ["contact", "add", "C-103", "--on", _years_ago(now, 4), "--kind", "records"]),
        ("An incidental encounter: the grocery store, yesterday; the client greeted you.",
         ["encounter", "add", "C-102", "--on", "yesterday", "--setting", "store", "--initiated-by", "client",
          "--acknowledged", "--minutes", "3"]),
        ("Your clients, with status and last professional contact.", ["client", "list"]),
        ("Encounters on record.", ["encounter", "list"]),
        ("C-101 sends a friend request: can you accept it?", ["check", "C-101", "--contact", "social-media"]),
        ("C-101 asks you out.", ["check", "C-101", "--contact", "romantic"]),
        ("C-103 asks you out: five years from the last professional contact under ACA A.5.c.",
         ["check", "C-103", "--contact", "romantic"]),
        ("C-102 (current) invites you to their wedding.", ["check", "C-102", "--contact", "event"]),
        ("Record what you decided, and why: the codes ask for the rationale.",
         ["decision", "C-102", "--declined", "--rationale",
          "discussed in session; declined with thanks; noted for supervision"]),
        ("The decision log.", ["decisions"]),
        ("What is still off limits, and when each window closes.", ["windows"]),
    ]


@click.command(epilog="""\b
Examples:
  boundary-tracker demo
  boundary-tracker demo --keep      keep the demo database and print where it is
""")
@click.option("--keep", is_flag=True, help="Keep the throw-away database instead of deleting it.")
def demo(keep: bool) -> None:
    """A guided tour on a throw-away database: seeds synthetic, de-identified records and runs
    the main commands, printing each one. Your own database is not touched."""
    from boundary_tracker.cli.main import cli

    folder = Path(tempfile.mkdtemp(prefix="boundary-tracker-demo-"))
    db_path = folder / "demo.sqlite"
    saved = {k: os.environ.get(k) for k in ("BOUNDARY_TRACKER_CONFIG_DIR", "NO_COLOR")}
    os.environ["BOUNDARY_TRACKER_CONFIG_DIR"] = str(folder / "config")
    click.echo(f"boundary-tracker demo: a throw-away database at {db_path}\n")
    try:
        step = 0
        for what, args in tour(today()):
            if what:
                step += 1
                click.secho(f"{step}. {what}", bold=True, color=False if saved["NO_COLOR"] else None)
            click.echo(f"$ boundary-tracker {shlex.join(args)}")
            code = cli.main(["--db", str(db_path), *args], prog_name="boundary-tracker", standalone_mode=False)
            if code not in (None, 0, 10, 20, 30):
                raise click.ClickException(f"the demo step failed (exit {code})")
            click.echo()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if not keep:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
    if keep:
        click.echo(f"The demo database is kept at {db_path} (use --db {shlex.quote(str(db_path))}).")
    else:
        click.echo("The demo database has been deleted. Start yours with `boundary-tracker init --code ...`.")
