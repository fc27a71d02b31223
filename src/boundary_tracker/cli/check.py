"""The question itself: `check`, the decision log (`decision`, `decisions`) and `windows`."""

from __future__ import annotations

import click

from boundary_tracker.cli.main import App, pass_app
from boundary_tracker.cli.output import json_option, message, print_json, print_table, styled
from boundary_tracker.vocab import CHECK_CONTACTS, PARTIES

EXIT_CODES = {"ok": 0, "caution": 10, "wait": 20, "never": 30}
COLOURS = {"ok": "green", "caution": "yellow", "wait": "red", "never": "red"}


@click.command(epilog="""\b
Contact types:
  romantic      sexual or romantic, in person or online
  friendship    a personal friendship
  social-media  a personal connection online (a friend request, a follow)
  business      partnership, employing or being employed, loans, investments
  purchase      buying the client's ordinary goods or services at the usual price
  barter        goods or services in exchange for therapy
  gift          giving or accepting a gift
  event         attending a client's celebration or ceremony, or inviting them

\b
Exit status: 0 permitted, 10 permitted with conditions, 20 not yet, 30 never;
1 for an error, 2 for a usage error.

\b
Examples:
  boundary-tracker check C-014 --contact romantic
  boundary-tracker check C-014 --contact social-media --on 2026-12-01
  boundary-tracker check C-014 --contact romantic --with family --json
  boundary-tracker check C-014 --contact event --no-record
""")
@click.argument("code")
@click.option("--contact", type=click.Choice(CHECK_CONTACTS), required=True, help="The contact in question.")
@click.option("--with", "party", type=click.Choice(PARTIES), default="client", show_default=True,
              help="With the client, or the client's partner or a family member.")
@click.option("--on", "on", metavar="DATE", help="The date of the contact (default: today; the future is fine).")
@click.option("--no-record", is_flag=True, help="Do not log this check in the decision log.")
@click.option("--note", metavar="TEXT", help="A de-identified note kept with the logged check.")
@json_option
@pass_app
def check(app: App, code: str, contact: str, party: str, on: str | None, no_record: bool, note: str | None,
          as_json: bool) -> None:
    """Can I accept this contact? A verdict, the date it would be permitted, and the rules behind it.

    Every rule set you are bound by is applied; the strictest wins. The check is logged in the
    decision log (unless --no-record) so that you can document what you decided and why.
    """
    from boundary_tracker.decisions import run_check

    store = app.store
    scope = store.read() if no_record else store.write()
    with scope as session:
        answer, decision_id = run_check(session, code, contact, party, on, record=not no_record, note=note)
    data = answer.as_dict()
    data["decision_id"] = decision_id
    if as_json:
        print_json(data)
    else:
        _print_answer(data, decision_id)
    click.get_current_context().exit(EXIT_CODES[answer.verdict])


def _print_answer(data: dict, decision_id: int | None) -> None:  # type: ignore[type-arg]
    styled(str(data["headline"]), fg=COLOURS[str(data["verdict"])], bold=True)
    click.echo(f"{data['contact']} with the {data['with']} of {data['client']} ({data['status']} client) "
               f"on {data['on']}")
    rows = [{**r, "rule": f"{r['ruleset_name']} {r['section']}",
             "date": r["allowed_from"] or (f"ends {r['window_ends']}" if r["window_ends"] else ""),
             "counted from": r["clock_reason"] or ""} for r in data["rules"]]
    if rows:
        click.echo()
        print_table(rows, [("rule", "rule"), ("edition", "edition"), ("verdict", "verdict"), ("date", "date"),
                           ("counted from", "counted from"), ("certainty", "cert.")], "",
                    wrap={"counted from": 40, "edition": 20})
    if data["not_addressed"]:
        click.echo(f"\nNot addressed by: {', '.join(data['not_addressed'])}")
    if data["after_termination"]:
        click.echo("\nAfter termination:")
        for line in data["after_termination"]:
            click.echo(f"  - {line}")
    if data["conditions"]:
        click.echo("\nConditions:")
        for line in data["conditions"]:
            click.echo(f"  - {line}")
    factors = list(dict.fromkeys(f for r in data["rules"] for f in r["factors"]))
    if factors:
        click.echo("\nFactors to weigh:")
        for line in factors:
            click.echo(f"  - {line}")
    if data["warnings"]:
        click.echo("\nWarnings:")
        for line in data["warnings"]:
            click.echo(f"  ! {line}")
    if decision_id is not None:
        message(f"\nLogged as decision #{decision_id}. Record what you decide: "
                f"boundary-tracker decision '#{decision_id}' --accepted|--declined --rationale TEXT")
    message("This supports, and does not replace, your judgement, consultation and your board's reading.")


@click.command(epilog="""\b
Examples:
  boundary-tracker decision C-014 --declined --rationale "discussed in supervision; declined the invitation"
  boundary-tracker decision '#12' --accepted --rationale "brief, public, client's choice; documented in advance"
""")
@click.argument("ref", metavar="CLIENT|#ID")
@click.option("--accepted", "outcome", flag_value="accepted", help="You accept the contact.")
@click.option("--declined", "outcome", flag_value="declined", help="You decline the contact.")
@click.option("--rationale", required=True, metavar="TEXT", help="Why (de-identified); the codes ask for it.")
@json_option
@pass_app
def decision(app: App, ref: str, outcome: str | None, rationale: str, as_json: bool) -> None:
    """Record what you decided about a logged check, and why.

    CLIENT means that client's latest check; #ID a check by its number. A later entry supersedes
    an earlier one; none is overwritten.
    """
    from boundary_tracker.decisions import decision_row, record_outcome

    if outcome is None:
        raise click.UsageError("say --accepted or --declined")
    with app.store.write() as session:
        row = decision_row(record_outcome(session, ref, outcome, rationale))
    if as_json:
        print_json(row)
    else:
        message(f"Recorded: decision #{row['id']} ({row['client']}, {row['contact']}, verdict {row['verdict']}) "
                f"{row['outcome']}.")


DECISION_COLUMNS = [("id", "#"), ("asked_at", "asked (UTC)"), ("client", "client"), ("contact", "contact"),
                    ("with", "with"), ("on", "on"), ("verdict", "verdict"), ("allowed_from", "allowed from"),
                    ("outcome", "decided"), ("rationale", "rationale")]


@click.command(epilog="""\b
Examples:
  boundary-tracker decisions
  boundary-tracker decisions --client C-014 --json
""")
@click.option("--client", "client_code", metavar="CODE", help="Only this client's checks.")
@json_option
@pass_app
def decisions(app: App, client_code: str | None, as_json: bool) -> None:
    """The decision log: every check asked, its answer, and what you decided."""
    from boundary_tracker.decisions import list_decisions

    with app.store.read() as session:
        rows = list_decisions(session, client_code)
    if as_json:
        print_json(rows)
    else:
        print_table(rows, DECISION_COLUMNS, "No checks logged yet.")


WINDOW_COLUMNS = [("closes", "closes"), ("days_left", "days"), ("client", "client"), ("ruleset_name", "rule set"),
                  ("section", "section"), ("contacts", "contacts"), ("parties", "with"),
                  ("clock_reason", "counted from")]


@click.command(epilog="""\b
Examples:
  boundary-tracker windows
  boundary-tracker windows --within 90
  boundary-tracker windows --client C-014 --json
""")
@click.option("--within", type=click.IntRange(min=0), metavar="DAYS", help="Only windows closing within DAYS.")
@click.option("--client", "client_code", metavar="CODE", help="Only this client.")
@json_option
@pass_app
def windows(app: App, within: int | None, client_code: str | None, as_json: bool) -> None:
    """Boundary windows still in force, soonest to close first; lifetime bans last."""
    from boundary_tracker.windows import open_windows

    with app.store.read() as session:
        data = open_windows(session, within, client_code)
    if as_json:
        print_json(data)
        return
    rows = [{**r, "closes": r["closes"] or "never"} for r in data["windows"]]
    print_table(rows, WINDOW_COLUMNS, f"No open windows as of {data['as_of']}.",
                wrap={"contacts": 24, "clock_reason": 36})
    if data["current"] and within is None:
        click.echo("\nCurrent clients (each window starts at termination):")
        print_table(data["current"], [("client", "client"), ("ruleset_name", "rule set"), ("section", "section"),
                                      ("contacts", "contacts"), ("parties", "with"), ("window", "window")], "")
