"""Shared output conventions: `--json` on every command that prints data, tables for people,
data on stdout and messages on stderr, colour only on a terminal and never with NO_COLOR."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def json_option(func: F) -> F:
    """The one decorator for machine-readable output."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (stable field names) instead of a table.")(func)


def use_color() -> bool | None:
    """False when NO_COLOR is set (any value); otherwise click decides (only on a terminal)."""
    return False if os.environ.get("NO_COLOR") else None


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def print_table(rows: Iterable[dict[str, Any]], columns: Sequence[tuple[str, str]], empty: str,
                wrap: dict[str, int] | None = None) -> None:
    """`columns` are (key, header) pairs; `wrap` caps some columns' widths; an empty table prints
    `empty` on stderr."""
    from tabulate import tabulate

    data = [[_cell(row.get(key)) for key, _ in columns] for row in rows]
    if not data:
        if empty:
            message(empty)
        return
    widths = [(wrap or {}).get(key) for key, _ in columns]
    click.echo(tabulate(data, headers=[header for _, header in columns], tablefmt="simple",
                        maxcolwidths=widths if any(widths) else None))


def print_fields(pairs: Sequence[tuple[str, Any]]) -> None:
    from tabulate import tabulate

    click.echo(tabulate([[k, _cell(v)] for k, v in pairs], tablefmt="plain"))


def message(text: str) -> None:
    """A message for the person (stderr), so that stdout stays data."""
    click.echo(text, err=True)


def styled(text: str, **style: Any) -> None:
    """A line on stdout, in colour only where colour is welcome."""
    colour = use_color()
    interactive = sys.stdout.isatty() if colour is None else False
    click.echo(click.style(text, **style) if interactive else text, color=colour)


def error_line(text: str) -> None:
    colour = use_color()
    prefix = "Error:"
    if colour is None and sys.stderr.isatty():
        prefix = click.style(prefix, fg="red", bold=True)
    click.echo(f"{prefix} {text}", err=True, color=colour)
