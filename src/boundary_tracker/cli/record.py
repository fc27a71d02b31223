"""Recording: clients and their episodes, professional contacts, incidental encounters."""

from __future__ import annotations

import sys
from typing import Any

import click

from boundary_tracker.cli.main import App, pass_app
from boundary_tracker.cli.output import json_option, message, print_fields, print_json, print_table
from boundary_tracker.vocab import CONTACT_KINDS, INITIATORS, SERVICES, SETTINGS, TERMINATION_HOW


def interactive() -> bool:
    """Prompts only for a person at a terminal; a script gets click's usual usage error."""
    return sys.stdin.isatty()


def ask(value: Any, name: str, text: str, choices: tuple[str, ...] | None = None, default: Any = None) -> Any:
    """Return `value`, or prompt for it in a terminal, or fail as a missing option would."""
    if value is not None:
        return value
    if not interactive():
        raise click.UsageError(f"Missing option '{name}'.")
    kind = click.Choice(choices) if choices else click.STRING
    return click.prompt(text, type=kind, default=default, show_choices=bool(choices))


CLIENT_COLUMNS = [("code", "code"), ("status", "status"), ("service", "service"), ("started", "started"),
                  ("terminated", "terminated"), ("how", "how"), ("episode_count", "episodes"),
                  ("last_contact", "last contact"), ("last_contact_kind", "kind")]


@click.group(epilog="""\b
Examples:
  boundary-tracker client add C-014 --started 2023-02-01
  boundary-tracker client add C-015 --started 2019-05-01 --terminated 2021-03-01 --how planned
  boundary-tracker client terminate C-014 --on 2025-06-30 --how planned
  boundary-tracker client reopen C-015 --on today
  boundary-tracker client list --former
  boundary-tracker client show C-014 --json
""")
def client() -> None:
    """Clients, by code only (C-014), and their episodes of care."""


@client.command("add", epilog="""\b
Examples:
  boundary-tracker client add C-014 --started 2023-02-01
  boundary-tracker client add C-015 --started 2019-05-01 --terminated 2021-03-01 --how planned
  boundary-tracker client add            (in a terminal: asks for the code and the start)
""")
@click.argument("code", required=False)
@click.option("--started", metavar="DATE", help="First session (YYYY-MM-DD, today, yesterday...).")
@click.option("--service", type=click.Choice(SERVICES), default="individual", show_default=True)
@click.option("--terminated", metavar="DATE", help="If therapy has already ended: the termination date.")
@click.option("--how", type=click.Choice(TERMINATION_HOW), help="How it ended (with --terminated).")
@click.option("--note", metavar="TEXT", help="A short de-identified note (no names or contact details).")
@pass_app
def client_add(app: App, code: str | None, started: str | None, service: str, terminated: str | None,
               how: str | None, note: str | None) -> None:
    """Add a client by CODE: 1-32 letters, digits, '-', '_' or '.'. Never a name.

    In a terminal, a missing CODE or --started is asked for.
    """
    from boundary_tracker.clients import add_client, summary

    code = ask(code, "CODE", "Client code (e.g. C-014; never a name)")
    started = ask(started, "--started", "Started on (YYYY-MM-DD)")
    with app.store.write() as session:
        row = summary(add_client(session, code, started, service=service, terminated=terminated, how=how, note=note))
    message(f"Added client {row['code']} ({row['status']}).")


@client.command("terminate", epilog="""\b
Examples:
  boundary-tracker client terminate C-014 --on 2025-06-30 --how planned
""")
@click.argument("code")
@click.option("--on", "on", required=True, metavar="DATE", help="The termination date.")
@click.option("--how", type=click.Choice(TERMINATION_HOW), help="How it ended.")
@pass_app
def client_terminate(app: App, code: str, on: str, how: str | None) -> None:
    """Record the end of the current episode of care."""
    from boundary_tracker.clients import terminate

    with app.store.write() as session:
        c = terminate(session, code, on, how)
        message(f"Terminated client {c.code} on {c.episodes[-1].terminated}.")


@client.command("reopen", epilog="""\b
Examples:
  boundary-tracker client reopen C-015 --on today
""")
@click.argument("code")
@click.option("--on", "on", required=True, metavar="DATE", help="The date the client returned.")
@pass_app
def client_reopen(app: App, code: str, on: str) -> None:
    """Start a new episode for a former client who returns (history is kept)."""
    from boundary_tracker.clients import reopen

    with app.store.write() as session:
        c = reopen(session, code, on)
        message(f"Reopened client {c.code} on {c.episodes[-1].started} (episode {len(c.episodes)}).")


@client.command("list", epilog="""\b
Examples:
  boundary-tracker client list
  boundary-tracker client list --former --json
""")
@click.option("--current", "which", flag_value="current", help="Only current clients.")
@click.option("--former", "which", flag_value="former", help="Only former clients.")
@json_option
@pass_app
def client_list(app: App, which: str | None, as_json: bool) -> None:
    """List clients with their status and last professional contact."""
    from boundary_tracker.clients import list_clients

    with app.store.read() as session:
        rows = list_clients(session, which or "all")
    if as_json:
        print_json(rows)
    else:
        print_table(rows, CLIENT_COLUMNS, "No clients recorded yet: `boundary-tracker client add CODE --started DATE`.")


@client.command("show", epilog="""\b
Examples:
  boundary-tracker client show C-014
  boundary-tracker client show C-014 --json
""")
@click.argument("code")
@json_option
@pass_app
def client_show(app: App, code: str, as_json: bool) -> None:
    """Show one client: episodes, last professional contact, counts."""
    from boundary_tracker.clients import show_client

    with app.store.read() as session:
        data = show_client(session, code)
    if as_json:
        print_json(data)
        return
    last = f"{data['last_contact']} ({data['last_contact_kind']})" if data["last_contact"] else "(none recorded)"
    counts = data["counts"]
    print_fields([("code", data["code"]), ("status", data["status"]), ("service", data["service"]),
                  ("last professional contact", last),
                  ("counts", f"{counts['sessions']} sessions, {counts['contacts']} contacts, "
                             f"{counts['encounters']} encounters"),
                  ("note", data["note"])])
    click.echo()
    print_table(data["episodes"], [("started", "episode started"), ("terminated", "terminated"), ("how", "how")], "")
    if data["contacts"]:
        click.echo()
        print_table(data["contacts"], [("on", "contact on"), ("kind", "kind"), ("note", "note")], "")


@click.group(epilog="""\b
Examples:
  boundary-tracker contact add C-014 --on 2025-03-02 --kind session
  boundary-tracker contact add C-015 --on 2025-04-10 --kind records --note "records request"
""")
def contact() -> None:
    """Professional contacts: sessions, and after termination letters, records, court..."""


@contact.command("add", epilog="""\b
Examples:
  boundary-tracker contact add C-014 --on 2025-03-02 --kind session
  boundary-tracker contact add C-015 --on 2025-04-10 --kind records
""")
@click.argument("code")
@click.option("--on", "on", required=True, metavar="DATE", help="The date of the contact.")
@click.option("--kind", type=click.Choice(CONTACT_KINDS), required=True, help="What kind of contact.")
@click.option("--note", metavar="TEXT", help="A short de-identified note.")
@pass_app
def contact_add(app: App, code: str, on: str, kind: str, note: str | None) -> None:
    """Record a professional contact. After termination it moves the last professional contact
    forward (some codes count their windows from it); a session after termination needs
    `client reopen` first."""
    from boundary_tracker.contacts import add_contact

    with app.store.write() as session:
        c = add_contact(session, code, on, kind, note)
        message(f"Recorded a professional contact ({c.kind}) with {c.client.code} on {c.on}.")


ENCOUNTER_COLUMNS = [("on", "on"), ("client", "client"), ("setting", "setting"), ("initiated_by", "initiated by"),
                     ("acknowledged", "acknowledged"), ("others_present", "others present"),
                     ("minutes", "minutes"), ("note", "note")]


@click.group(epilog="""\b
Examples:
  boundary-tracker encounter add C-014 --on today --setting store --initiated-by client --acknowledged
  boundary-tracker encounter add C-014          (in a terminal: asks for the rest)
  boundary-tracker encounter list --client C-014 --from 2025-01-01 --json
""")
def encounter() -> None:
    """Incidental encounters: the store, the gym, a wedding, a friend request."""


@encounter.command("add", epilog="""\b
Examples:
  boundary-tracker encounter add C-014 --on today --setting store --initiated-by client --acknowledged
  boundary-tracker encounter add C-014 --on yesterday --setting online --note "friend request, not accepted"
  boundary-tracker encounter add C-014    (in a terminal: asks for the date and setting)
""")
@click.argument("code", required=False)
@click.option("--on", "on", metavar="DATE", help="When it happened (YYYY-MM-DD, today, yesterday...).")
@click.option("--setting", type=click.Choice(SETTINGS), help="Where it happened.")
@click.option("--initiated-by", type=click.Choice(INITIATORS), help="Who started it.")
@click.option("--acknowledged/--not-acknowledged", default=None, help="Whether you greeted each other.")
@click.option("--others-present", is_flag=True, help="Other people were there who might learn of the therapy.")
@click.option("--minutes", type=click.IntRange(0, 1440), help="How long it lasted.")
@click.option("--note", metavar="TEXT", help="A short de-identified note.")
@pass_app
def encounter_add(app: App, code: str | None, on: str | None, setting: str | None, initiated_by: str | None,
                  acknowledged: bool | None, others_present: bool, minutes: int | None, note: str | None) -> None:
    """Log an incidental encounter with client CODE. In a terminal, missing values are asked for."""
    from boundary_tracker.encounters import add_encounter

    code = ask(code, "CODE", "Client code")
    on = ask(on, "--on", "When (YYYY-MM-DD, today, yesterday)", default="today")
    setting = ask(setting, "--setting", "Setting", SETTINGS)
    with app.store.write() as session:
        e = add_encounter(session, code, on, setting, initiated_by=initiated_by, acknowledged=acknowledged,
                          others_present=others_present, minutes=minutes, note=note)
        message(f"Logged an encounter with {e.client.code} ({e.setting}, {e.on}).")


@encounter.command("list", epilog="""\b
Examples:
  boundary-tracker encounter list
  boundary-tracker encounter list --client C-014 --from 2025-01-01 --to 2025-12-31 --json
""")
@click.option("--client", "client_code", metavar="CODE", help="Only this client.")
@click.option("--from", "start", metavar="DATE", help="On or after this date.")
@click.option("--to", "end", metavar="DATE", help="On or before this date.")
@json_option
@pass_app
def encounter_list(app: App, client_code: str | None, start: str | None, end: str | None, as_json: bool) -> None:
    """List incidental encounters, oldest first."""
    from boundary_tracker.encounters import list_encounters

    with app.store.read() as session:
        rows = list_encounters(session, client_code, start, end)
    if as_json:
        print_json(rows)
    else:
        print_table(rows, ENCOUNTER_COLUMNS, "No encounters recorded for that selection.")
