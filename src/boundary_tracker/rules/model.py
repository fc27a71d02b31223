"""The shape of a rule set: editions that take effect on a date, each holding cited rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

KINDS = ("code", "law", "policy")
STATUSES = ("current", "former", "prospective")
CLOCKS = ("termination", "last_contact", "later_of")
CERTAINTIES = ("A", "B", "C")


@dataclass(frozen=True)
class Rule:
    section: str
    summary: str
    parties: tuple[str, ...]
    status: tuple[str, ...]
    contacts: tuple[str, ...]
    verdict: str  # inside the window, or always when there is no window
    certainty: str
    window_years: int | None = None
    clock: str | None = None
    after: str | None = None  # verdict once the window has passed
    recommended: bool = False  # the window is advice, not a prohibition (NBCC item 7)
    conditions: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    source: str | None = None
    note: str | None = None

    def covers(self, party: str, contact: str) -> bool:
        return party in self.parties and contact in self.contacts

    def describe_window(self) -> str:
        if self.window_years is None:
            return "lifetime" if self.verdict == "never" else "no window"
        clock = {"termination": "termination", "last_contact": "the last professional contact",
                 "later_of": "the later of termination and the last professional contact"}[self.clock or ""]
        word = "recommended " if self.recommended else ""
        return f"{word}{self.window_years} years from {clock}, then {self.after}"


@dataclass(frozen=True)
class Edition:
    name: str
    effective: date
    rules: tuple[Rule, ...]
    source: str | None = None


@dataclass(frozen=True)
class RuleSet:
    id: str
    short: str  # how outputs name it: "APA", "Texas LPC"
    title: str
    kind: str
    source: str
    editions: tuple[Edition, ...]  # oldest first
    jurisdiction: str | None = None
    note: str | None = None
    origin: str = "built-in"  # or the path of a practitioner's policy file
    digest: str = ""  # sha256 of the file, recorded with every decision

    def edition_on(self, day: date) -> tuple[Edition, bool]:
        """The edition in force on `day`; the flag is False when `day` precedes every edition."""
        chosen = None
        for edition in self.editions:
            if edition.effective <= day:
                chosen = edition
        if chosen is None:
            return self.editions[0], False
        return chosen, True

