"""`--help` everywhere, with examples, and fast: no database is needed to read it."""

from __future__ import annotations

import click
import pytest

from boundary_tracker.cli.main import cli


def _paths(group: click.Group, ctx: click.Context, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        if isinstance(command, click.Group):
            found += _paths(command, ctx, prefix + (name,))
        else:
            found.append(prefix + (name,))
    return found


COMMANDS = _paths(cli, click.Context(cli))


def test_every_command_is_listed():
    names = {" ".join(p) for p in COMMANDS}
    for expected in ("init", "profile", "client add", "client terminate", "client reopen", "client list",
                     "client show", "contact add", "encounter add", "encounter list", "check", "decision",
                     "decisions", "windows", "rules", "rules add", "db path", "db status", "db backup", "demo"):
        assert expected in names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "(root)")
def test_help_has_examples(bt, path, db_path):
    result = bt(*path, "--help")
    assert result.exit_code == 0, str(result)
    assert "Example" in result.stdout, f"`{' '.join(path)} --help` shows no example"
    assert not db_path.exists()
