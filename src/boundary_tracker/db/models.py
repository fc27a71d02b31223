"""The record, as typed SQLAlchemy 2 models. Every change here needs an Alembic migration.

No table holds a name or contact detail: clients are codes the practitioner chooses.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timestamps are stored in UTC, without a zone (dialect-neutral)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Profile(Base):
    """The practitioner's profile: one row (id 1)."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date_order: Mapped[str | None] = mapped_column(String(3))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    codes: Mapped[list[ProfileCode]] = relationship(
        back_populates="profile", cascade="all, delete-orphan", order_by="ProfileCode.position"
    )


class ProfileCode(Base):
    """An ethics code, law or practice policy the practitioner is bound by."""

    __tablename__ = "profile_code"

    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id"), primary_key=True)
    ruleset_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

    profile: Mapped[Profile] = relationship(back_populates="codes")


class Client(Base):
    __tablename__ = "client"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    code_key: Mapped[str] = mapped_column(String(32), unique=True)  # case-folded code
    service: Mapped[str] = mapped_column(String(20), default="individual")
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    episodes: Mapped[list[Episode]] = relationship(
        back_populates="client", order_by="Episode.started", cascade="all, delete-orphan"
    )
    contacts: Mapped[list[ProfessionalContact]] = relationship(
        back_populates="client", order_by="ProfessionalContact.on", cascade="all, delete-orphan"
    )
    encounters: Mapped[list[Encounter]] = relationship(
        back_populates="client", order_by="Encounter.on", cascade="all, delete-orphan"
    )


class Episode(Base):
    """One episode of care: a client who returns after termination starts a new one."""

    __tablename__ = "episode"
    __table_args__ = (UniqueConstraint("client_id", "started"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    started: Mapped[date] = mapped_column(Date)
    terminated: Mapped[date | None] = mapped_column(Date)
    termination_how: Mapped[str | None] = mapped_column(String(20))

    client: Mapped[Client] = relationship(back_populates="episodes")


class ProfessionalContact(Base):
    """A professional contact: a session, or after termination a letter, records request, court date..."""

    __tablename__ = "professional_contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    client: Mapped[Client] = relationship(back_populates="contacts")


class Encounter(Base):
    """An incidental (out-of-session) encounter with a current or former client."""

    __tablename__ = "encounter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    on: Mapped[date] = mapped_column(Date)
    setting: Mapped[str] = mapped_column(String(20))
    initiated_by: Mapped[str | None] = mapped_column(String(10))
    acknowledged: Mapped[bool | None] = mapped_column(Boolean)
    others_present: Mapped[bool] = mapped_column(Boolean, default=False)
    minutes: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    client: Mapped[Client] = relationship(back_populates="encounters")


class Decision(Base):
    """One "can I accept this contact?" check, as asked and answered (append-only)."""

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    asked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    on: Mapped[date] = mapped_column(Date)
    contact: Mapped[str] = mapped_column(String(20))
    with_party: Mapped[str] = mapped_column(String(10))
    verdict: Mapped[str] = mapped_column(String(10))
    allowed_from: Mapped[date | None] = mapped_column(Date)
    codes: Mapped[str] = mapped_column(Text)  # the rule sets in force, with editions
    answer: Mapped[str] = mapped_column(Text)  # the full answer as JSON (rules, conditions, warnings)
    note: Mapped[str | None] = mapped_column(Text)

    client: Mapped[Client] = relationship()
    outcomes: Mapped[list[DecisionOutcome]] = relationship(
        back_populates="decision", order_by="DecisionOutcome.recorded_at"
    )


class DecisionOutcome(Base):
    """What the practitioner decided and why; a later entry supersedes, none is overwritten."""

    __tablename__ = "decision_outcome"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(10))
    rationale: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    decision: Mapped[Decision] = relationship(back_populates="outcomes")
