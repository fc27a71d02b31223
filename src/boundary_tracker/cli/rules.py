"""`rules [ID]`: the rule sets in force (or any one) with every rule; `rules add FILE`: your own policy."""

from __future__ import annotations

from typing import Any

import click

from boundary_tracker.cli.main import App, pass_app
from boundary_tracker.cli.output import json_option, message, print_json, print_table


class RulesGroup(click.Group):
    """`rules`, `rules ID` and `rules add FILE`: an argument that is not a subcommand is an ID."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = next((a for a in args if not a.startswith("-")), None)
        if first is not None and first not in self.commands:
            args = ["show", *args]
        elif first is None and not any(a in ("-h", "--help") for a in args):
            args = ["show", *args]
        return super().parse_args(ctx, args)


def ruleset_data(ruleset: Any, on: Any) -> dict[str, Any]:
    edition, _ = ruleset.edition_on(on)
    return {
        "id": ruleset.id,
        "name": ruleset.short,
        "title": ruleset.title,
        "kind": ruleset.kind,
        "jurisdiction": ruleset.jurisdiction,
        "source": ruleset.source,
        "origin": ruleset.origin,
        "note": ruleset.note,
        "edition": {"name": edition.name, "effective": edition.effective.isoformat()},
        "editions": [{"name": e.name, "effective": e.effective.isoformat()} for e in ruleset.editions],
        "rules": [
            {
                "section": r.section, "summary": r.summary, "parties": list(r.parties), "status": list(r.status),
                "contacts": list(r.contacts), "verdict": r.verdict, "window_years": r.window_years,
                "clock": r.clock, "after": r.after, "recommended": r.recommended, "window": r.describe_window(),
                "conditions": list(r.conditions), "factors": list(r.factors), "certainty": r.certainty,
                "source": r.source or edition.source or ruleset.source, "note": r.note,
            }
            for r in edition.rules
        ],
    }


@click.group(cls=RulesGroup, invoke_without_command=False, epilog="""\b
Examples:
  boundary-tracker rules                 the rule sets you are bound by
  boundary-tracker rules aca             one rule set, in force or not
  boundary-tracker rules --all --json    every built-in rule set
  boundary-tracker rules add ~/my-practice-policy.toml
""")
def rules() -> None:
    """The rule sets (codes, laws, practice policies): editions and every rule with its section."""


@rules.command("show", hidden=True)
@click.argument("ruleset_id", metavar="[ID]", required=False)
@click.option("--all", "show_all", is_flag=True, help="Every built-in rule set and your own policies.")
@json_option
@pass_app
def rules_show(app: App, ruleset_id: str | None, show_all: bool, as_json: bool) -> None:
    """Show the rule sets in force, one rule set, or all of them."""
    from boundary_tracker.dates import today
    from boundary_tracker.profile import profile_codes
    from boundary_tracker.rules import registry

    if ruleset_id:
        selected = [registry.get(ruleset_id.lower())]
    elif show_all:
        selected = [registry.load_builtin(i) for i in registry.builtin_ids()] + registry.custom_policies()
    else:
        with app.store.read() as session:
            codes = profile_codes(session)
        selected = registry.in_force(codes)
        if not selected:
            message("No rule sets in force: add yours with `boundary-tracker init --code ID` "
                    f"(built-in: {', '.join(registry.builtin_ids())}).")
    data = [ruleset_data(r, today()) for r in selected]
    if as_json:
        print_json(data if not ruleset_id else data[0])
        return
    for index, item in enumerate(data):
        if index:
            click.echo()
        kind = {"code": "ethics code", "law": "law or regulation", "policy": "practice policy (not a code requirement)"}
        click.echo(f"{item['name']} [{item['id']}]: {item['title']}")
        click.echo(f"  {kind[item['kind']]}; edition {item['edition']['name']} (in force from "
                   f"{item['edition']['effective']}); source: {item['source']}")
        rows = [{**r, "applies to": f"{'/'.join(r['parties'])}, {'/'.join(r['status'])}",
                 "contacts": "any" if len(r["contacts"]) == 8 else ", ".join(r["contacts"])} for r in item["rules"]]
        print_table(rows, [("section", "section"), ("applies to", "applies to"), ("contacts", "contacts"),
                           ("verdict", "verdict"), ("window", "window"), ("certainty", "cert."),
                           ("summary", "summary")], "", wrap={"summary": 60, "contacts": 24, "window": 24})


@rules.command("add", epilog="""\b
Examples:
  boundary-tracker rules add ~/clinic-policy.toml

The file format: docs/rules.md (\"Your own practice policy\").
""")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@pass_app
def rules_add(app: App, path: str) -> None:
    """Validate a practice-policy FILE (TOML) and put it in force (copied to your config folder)."""
    from pathlib import Path

    from boundary_tracker.rules.registry import add_policy

    ruleset, target = add_policy(Path(path))
    message(f"Added practice policy {ruleset.id} ({len(ruleset.editions[-1].rules)} rules) as {target}; "
            "it is in force for every check from now on.")
