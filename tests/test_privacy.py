"""Privacy by design: client codes cannot hold names, and notes are refused when they look like
they hold an identifier, while ordinary de-identified clinical notes pass."""

from __future__ import annotations

import pytest

from boundary_tracker.errors import InvalidInput
from boundary_tracker.privacy import check_free_text, code_key, validate_code


# -- client codes -------------------------------------------------------------------------------
@pytest.mark.parametrize("code", ["C-014", "c_14.b", "X" * 32, "7", "2024.03-A_b"])
def test_valid_client_codes_are_accepted_as_typed(code):
    assert validate_code(code) == code


def test_outer_blanks_are_stripped_from_a_code():
    assert validate_code("  C-014 ") == "C-014"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("C 014", "only letters"),
        ("anna@example.org", "only letters"),
        ("X" * 33, "longer than 32"),
        ("", "empty"),
        ("   ", "empty"),
        ("John Smith", "only letters"),
        ("Émilie", "only letters"),
        ("C/014", "only letters"),
    ],
)
def test_invalid_client_codes_are_refused_with_the_reason(code, reason):
    with pytest.raises(InvalidInput, match=reason):
        validate_code(code)


def test_codes_are_one_client_whatever_their_case():
    assert code_key("C-014") == code_key("c-014")
    assert code_key("C-014") != code_key("C-015")


# -- free text ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("note", "kind"),
    [
        ("she wrote from anna.b@example.org", "e-mail"),
        ("call back on 555-123-4567", "phone"),
        ("call back on (555) 123-4567", "phone"),
        ("call back on +1 555 123 4567", "phone"),
        ("mobile +44 20 7946 0958", "phone"),
        ("number 555.123.4567", "phone"),
        ("number 5551234567", "number"),
        ("see https://example.com/profile", "web address"),
        ("found www.example.com/anna", "web address"),
        ("follows me as @anna_b", "handle"),
        ("SSN 123-45-6789", "social-security"),
        ("lives at 42 Elm Street", "street address"),
        ("ran into Mr Smith at the store", "name after a title"),
        ("with Mrs. Jones", "name after a title"),
        ("a friend named Anna", "name"),
        ("DOB noted on file", "date of birth"),
    ],
)
def test_notes_that_look_like_they_hold_an_identifier_are_refused(note, kind):
    with pytest.raises(InvalidInput, match=kind) as info:
        check_free_text(note)
    assert "de-identified" in str(info.value)


@pytest.mark.parametrize(
    "note",
    [
        "met at the store, brief greeting, 5 minutes",
        "client initiated; discussed at next session on 2025-04-03",
        "session 12",
        "saw them twice, 10-15 minutes each, 2024-2025",
        "partner present; no conversation",
        "Dr visit unrelated; consulted supervisor",
    ],
)
def test_ordinary_clinical_notes_pass_unchanged(note):
    assert check_free_text(note) == note


def test_empty_notes_become_none_and_notes_are_stripped():
    assert check_free_text(None) is None
    assert check_free_text("   ") is None
    assert check_free_text("  session 12  ") == "session 12"


def test_very_long_notes_are_refused():
    with pytest.raises(InvalidInput, match="2000"):
        check_free_text("brief greeting. " * 200)
