"""The lazy registry: built-in rule sets shipped as TOML in this package, and the practitioner's own
policies in the config folder. Nothing is parsed until it is asked for."""

from __future__ import annotations

import shutil
from functools import cache
from importlib import resources
from pathlib import Path

from boundary_tracker.errors import NotFound, RuleSetError
from boundary_tracker.paths import config_dir, make_private_dir
from boundary_tracker.rules.loader import load_file, load_text
from boundary_tracker.rules.model import RuleSet

POLICY_FOLDER = "policies"


def _builtin_dir():  # type: ignore[no-untyped-def]
    return resources.files("boundary_tracker.rules").joinpath("builtin")


@cache
def builtin_ids() -> tuple[str, ...]:
    return tuple(sorted(p.name[:-5] for p in _builtin_dir().iterdir() if p.name.endswith(".toml")))


def available_ids() -> tuple[str, ...]:
    """Ids accepted by `init --code`: every built-in rule set."""
    return builtin_ids()


@cache
def load_builtin(ruleset_id: str) -> RuleSet:
    if ruleset_id not in builtin_ids():
        raise NotFound(f"no rule set {ruleset_id!r}; known: {', '.join(builtin_ids())}")
    name = f"{ruleset_id}.toml"
    ruleset = load_text(_builtin_dir().joinpath(name).read_text(encoding="utf-8"), name)
    if ruleset.id != ruleset_id:
        raise RuleSetError(f"{name}: id: {ruleset.id!r} does not match the file name")
    return ruleset


def policy_dir() -> Path:
    return config_dir() / POLICY_FOLDER


def custom_policies() -> list[RuleSet]:
    """Every policy file in the config folder, all validated: one bad file stops the check."""
    folder = policy_dir()
    if not folder.is_dir():
        return []
    found = [load_file(path) for path in sorted(folder.glob("*.toml"))]
    seen: set[str] = set()
    for ruleset in found:
        if ruleset.id in builtin_ids():
            raise RuleSetError(f"{ruleset.origin}: id: {ruleset.id!r} is the id of a built-in rule set; rename it")
        if ruleset.id in seen:
            raise RuleSetError(f"{ruleset.origin}: id: {ruleset.id!r} is used by two policy files")
        seen.add(ruleset.id)
    return found


def get(ruleset_id: str) -> RuleSet:
    if ruleset_id in builtin_ids():
        return load_builtin(ruleset_id)
    for ruleset in custom_policies():
        if ruleset.id == ruleset_id:
            return ruleset
    raise NotFound(f"no rule set {ruleset_id!r}; known: {', '.join(builtin_ids() + tuple(r.id for r in custom_policies()))}")


def in_force(codes: list[str]) -> list[RuleSet]:
    """The profile's codes, then the practitioner's own policies."""
    return [load_builtin(code) for code in codes] + custom_policies()


def title_of(ruleset_id: str) -> str:
    try:
        return get(ruleset_id).title
    except (NotFound, RuleSetError):
        return "(unknown)"


def add_policy(source: Path) -> tuple[RuleSet, Path]:
    """Validate a practitioner's policy file and copy it into the config folder."""
    ruleset = load_file(source)
    if ruleset.kind != "policy":
        raise RuleSetError(f"{source}: kind: a file you add must be kind = \"policy\" (built-in codes ship with the tool)")
    if ruleset.id in builtin_ids():
        raise RuleSetError(f"{source}: id: {ruleset.id!r} is the id of a built-in rule set; choose another")
    folder = policy_dir()
    make_private_dir(folder)
    target = folder / f"{ruleset.id}.toml"
    others = [r for r in custom_policies() if r.id == ruleset.id and Path(r.origin) != target]
    if others:
        raise RuleSetError(f"{source}: id: {ruleset.id!r} is already used by {others[0].origin}")
    tmp = target.with_suffix(".toml.tmp")
    shutil.copyfile(source, tmp)
    tmp.replace(target)
    return load_file(target), target
