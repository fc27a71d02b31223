"""Privacy by design: client codes that cannot be names, and free text checked for identifiers."""

from __future__ import annotations

import re

from boundary_tracker.errors import InvalidInput

CODE_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,32}$")


def validate_code(code: str, what: str = "client code") -> str:
    """A code is 1 to 32 letters, digits, '-', '_' or '.'; returned stripped of outer blanks."""
    value = code.strip()
    if CODE_PATTERN.match(value):
        return value
    if not value:
        raise InvalidInput(f"the {what} is empty; use a code such as C-014")
    if len(value) > 32:
        raise InvalidInput(f"the {what} {value!r} is longer than 32 characters; use a short code such as C-014")
    raise InvalidInput(
        f"the {what} {value!r} may hold only letters, digits, '-', '_' and '.'; "
        "use a code such as C-014 (names and contact details do not belong here)"
    )


def code_key(code: str) -> str:
    """The case-insensitive identity of a code (C-014 and c-014 are one client)."""
    return code.casefold()


# Patterns of identifiers that must not reach the database through a note.
_IDENTIFIERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an e-mail address", re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")),
    ("a web address", re.compile(r"\b(?:https?://|www\.)\S+", re.I)),
    ("a social-media handle", re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,}")),
    ("a social-security number", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),
    ("a phone number", re.compile(
        r"(?<!\d)(?:\+\d{1,3}[\s.-]?)?"
        r"(?:\(\d{2,4}\)[\s.-]?\d{3,4}[\s.-]?\d{3,4}|\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{2,4})(?!\d)")),
    ("a long number (record, card or phone number)", re.compile(r"(?<!\d)\d{7,}(?!\d)")),
    ("a street address", re.compile(
        r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl)\b\.?")),
    ("a name after a title", re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)\.?\s+[A-Z][a-z]+")),
    ("a name", re.compile(r"\b(?:named|name is|called|aka)\s+[A-Z][a-z]+")),
    ("a date of birth", re.compile(r"\b(?:DOB|date of birth|born on)\b", re.I)),
)


def check_free_text(text: str | None, field: str = "note") -> str | None:
    """Refuse free text that looks like it holds an identifier; return it stripped (None if empty)."""
    if text is None:
        return None
    value = text.strip()
    if not value:
        return None
    if len(value) > 2000:
        raise InvalidInput(f"the {field} is longer than 2000 characters; keep notes short and de-identified")
    for label, pattern in _IDENTIFIERS:
        found = pattern.search(value)
        if found:
            raise InvalidInput(
                f"the {field} seems to contain {label} ({found.group(0).strip()!r}); "
                "keep notes de-identified: refer to people by role or code only"
            )
    return value
