"""The practitioner's profile: the codes they are bound by and how they write dates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from boundary_tracker.dates import parse_date
from boundary_tracker.errors import InvalidInput
from boundary_tracker.vocab import DATE_ORDERS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from boundary_tracker.db.models import Profile


def get_profile(session: Session) -> Profile | None:
    from boundary_tracker.db.models import Profile

    return session.get(Profile, 1)


def date_order(session: Session) -> str | None:
    profile = get_profile(session)
    return profile.date_order if profile else None


def to_date(session: Session, value: str | date, what: str = "date") -> date:
    """A date typed by the user, read with the profile's date order."""
    if isinstance(value, date):
        return value
    try:
        return parse_date(value, date_order(session))
    except InvalidInput as exc:
        raise InvalidInput(f"{what}: {exc}") from None


def validate_codes(codes: list[str]) -> list[str]:
    """Rule-set ids, lower-cased and de-duplicated; an unknown id is refused with the valid ones."""
    from boundary_tracker.rules.registry import available_ids

    valid = available_ids()
    result: list[str] = []
    for raw in codes:
        code = raw.strip().lower()
        if code not in valid:
            raise InvalidInput(f"unknown code {raw!r}; valid codes: {', '.join(valid)}")
        if code not in result:
            result.append(code)
    return result


def init_profile(session: Session, codes: list[str] | None, order: str | None) -> tuple[Profile, bool]:
    """Create or update the profile; an option left out keeps its stored value. Returns (profile, created)."""
    from boundary_tracker.db.models import Profile, ProfileCode

    if order is not None and order not in DATE_ORDERS:
        raise InvalidInput(f"unknown date order {order!r}; use one of: {', '.join(DATE_ORDERS)}")
    chosen = validate_codes(codes) if codes else None
    profile = get_profile(session)
    created = profile is None
    if profile is None:
        profile = Profile(id=1)
        session.add(profile)
    if order is not None:
        profile.date_order = order
    if chosen is not None:
        profile.codes.clear()
        session.flush()
        profile.codes.extend(ProfileCode(ruleset_id=code, position=i) for i, code in enumerate(chosen))
    session.flush()
    return profile, created


def profile_codes(session: Session) -> list[str]:
    profile = get_profile(session)
    return [c.ruleset_id for c in profile.codes] if profile else []


def describe(session: Session) -> dict[str, Any]:
    from boundary_tracker.rules.registry import title_of

    profile = get_profile(session)
    codes = profile_codes(session)
    return {
        "codes": [{"id": code, "title": title_of(code)} for code in codes],
        "date_order": profile.date_order if profile else None,
        "created_at": profile.created_at.isoformat(timespec="seconds") + "Z" if profile else None,
        "updated_at": profile.updated_at.isoformat(timespec="seconds") + "Z" if profile else None,
    }
