"""The `boundary-tracker` command: a lazy group over small command modules.

Command modules are imported only when their command is used (and, by click, for the root
`--help`): none of them may import SQLAlchemy or Alembic at module level.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from boundary_tracker import __version__
from boundary_tracker.cli.output import error_line
from boundary_tracker.errors import BoundaryTrackerError

if TYPE_CHECKING:
    from boundary_tracker.store import Store

# name -> (module, attribute); the order is the order of `--help`.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("boundary_tracker.cli.setup", "init"),
    "profile": ("boundary_tracker.cli.setup", "profile"),
    "client": ("boundary_tracker.cli.record", "client"),
    "contact": ("boundary_tracker.cli.record", "contact"),
    "encounter": ("boundary_tracker.cli.record", "encounter"),
    "check": ("boundary_tracker.cli.check", "check"),
    "decision": ("boundary_tracker.cli.check", "decision"),
    "decisions": ("boundary_tracker.cli.check", "decisions"),
    "windows": ("boundary_tracker.cli.check", "windows"),
    "rules": ("boundary_tracker.cli.rules", "rules"),
    "db": ("boundary_tracker.cli.setup", "db"),
    "demo": ("boundary_tracker.cli.demo", "demo"),
}

DEBUG_ENV = "BOUNDARY_TRACKER_DEBUG"


@dataclass
class App:
    """What every command receives: the database location, opened only when used."""

    db_option: str | None
    _store: Store | None = field(default=None, repr=False)

    @property
    def db_path(self) -> Path:
        from boundary_tracker.paths import resolve_db_path

        return resolve_db_path(self.db_option)

    @property
    def store(self) -> Store:
        if self._store is None:
            from boundary_tracker.store import Store

            self._store = Store(self.db_path)
        return self._store

    def report_upgrade(self) -> None:
        """Tell the person (stderr) when a write command upgraded the schema, and where the backup is."""
        if self._store is not None and self._store.upgraded_from:
            for backup in self._store.backups:
                click.echo(f"Upgraded the database from {self._store.upgraded_from}; backup: {backup}", err=True)
            self._store.upgraded_from = None


pass_app = click.make_pass_decorator(App)


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command is needed."""

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.lazy) + sorted(super().list_commands(ctx))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module, attr = self.lazy[cmd_name]
            return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        """The CLI edge: every error of ours becomes one plain line and exit status 1."""
        try:
            return super().invoke(ctx)
        except BoundaryTrackerError as exc:
            error_line(str(exc))
            ctx.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # `... | head`: the reader left; say nothing more
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
        except OSError as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            error_line(f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}")
            ctx.exit(1)
        except Exception as exc:  # the last guard: never a traceback for a user
            if os.environ.get(DEBUG_ENV):
                raise
            error_line(f"unexpected {type(exc).__name__}: {exc}; nothing was saved from this command "
                       f"(set {DEBUG_ENV}=1 for details, and please report it)")
            ctx.exit(1)
        finally:
            app = ctx.find_object(App)
            if app is not None and app._store is not None:
                app.report_upgrade()
                app._store.dispose()


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  boundary-tracker demo                        a guided tour on a throw-away database
  boundary-tracker init --code aca --code texas-lpc
  boundary-tracker client add C-014 --started 2023-02-01
  boundary-tracker encounter add C-014 --on today --setting store
  boundary-tracker check C-014 --contact friendship --on 2026-12-01
""",
)
@click.option("--db", "db_option", metavar="PATH", envvar="BOUNDARY_TRACKER_DB", show_envvar=True,
              help="The database file (default: the platform's user data folder).")
@click.version_option(__version__, prog_name="boundary-tracker")
@click.pass_context
def cli(ctx: click.Context, db_option: str | None) -> None:
    """Record client boundaries, incidental encounters and contact decisions, de-identified and local.

    Clients are codes you choose (C-014), never names. Nothing leaves this computer.
    """
    ctx.obj = App(db_option)


def main() -> None:
    cli.main(prog_name="boundary-tracker", color=False if os.environ.get("NO_COLOR") else None)
