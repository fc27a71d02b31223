"""A client's history as plain facts, and what follows from it on a date.

Pure functions over dates: no database here, so the rules engine and its tests need none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class EpisodeFacts:
    started: date
    terminated: date | None = None
    how: str | None = None


@dataclass(frozen=True)
class ContactFacts:
    on: date
    kind: str


@dataclass(frozen=True)
class LastContact:
    on: date
    kind: str  # a contact kind, or "termination"

    def describe(self) -> str:
        if self.kind == "termination":
            return f"termination of {self.on.isoformat()}"
        return f"{self.kind} of {self.on.isoformat()}"


@dataclass(frozen=True)
class StatusOn:
    """The client's status on a date and the clock events that rules count from."""

    status: str  # "current" or "former"
    episode: EpisodeFacts
    termination: date | None  # the termination of the episode in force (former only)
    last_contact: LastContact | None  # later of termination and the latest professional contact
    reopened: bool  # in a second or later episode


@dataclass(frozen=True)
class ClientHistory:
    code: str
    service: str = "individual"
    episodes: tuple[EpisodeFacts, ...] = ()
    contacts: tuple[ContactFacts, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "episodes", tuple(sorted(self.episodes, key=lambda e: e.started)))
        object.__setattr__(self, "contacts", tuple(sorted(self.contacts, key=lambda c: c.on)))

    @property
    def started(self) -> date | None:
        return self.episodes[0].started if self.episodes else None

    def episode_on(self, day: date) -> EpisodeFacts | None:
        """The latest episode started on or before `day`."""
        found = None
        for episode in self.episodes:
            if episode.started <= day:
                found = episode
        return found

    def status_on(self, day: date) -> StatusOn | None:
        """Status on `day`; None before the client started."""
        episode = self.episode_on(day)
        if episode is None:
            return None
        index = self.episodes.index(episode)
        reopened = index > 0
        if episode.terminated is None or episode.terminated > day:
            return StatusOn("current", episode, None, self._latest_contact(episode, None), reopened)
        following = self.episodes[index + 1].started if index + 1 < len(self.episodes) else None
        latest = self._latest_contact(episode, following)
        clock = LastContact(episode.terminated, "termination")
        if latest is not None and latest.on > clock.on:
            clock = latest
        return StatusOn("former", episode, episode.terminated, clock, reopened)

    def _latest_contact(self, episode: EpisodeFacts, before: date | None) -> LastContact | None:
        """The latest professional contact from `episode`'s start up to the next episode's start.

        Contacts recorded after the question's date still count: this is the conservative reading.
        """
        latest = None
        for contact in self.contacts:
            if contact.on >= episode.started and (before is None or contact.on < before):
                latest = contact
        return LastContact(latest.on, latest.kind) if latest else None

    def last_professional_contact(self) -> LastContact | None:
        """The record's last professional contact: the later of the latest contact and termination."""
        if not self.episodes:
            return None
        candidates: list[LastContact] = []
        if self.contacts:
            last = self.contacts[-1]
            candidates.append(LastContact(last.on, last.kind))
        last_episode = self.episodes[-1]
        if last_episode.terminated is not None:
            candidates.append(LastContact(last_episode.terminated, "termination"))
        if not candidates:
            return None
        # On a tie, the recorded contact names the event better than "termination".
        return max(candidates, key=lambda c: (c.on, c.kind != "termination"))
