"""Typed errors of the core. The CLI turns each into one plain line and exit status 1."""


class BoundaryTrackerError(Exception):
    """Base of every error a user can cause; its message is shown as it is."""


class InvalidInput(BoundaryTrackerError):
    """A value the user typed is not acceptable (bad date, bad code, identifier in a note...)."""


class NotFound(BoundaryTrackerError):
    """A client, decision or rule set that does not exist."""


class Conflict(BoundaryTrackerError):
    """The request contradicts the record (duplicate code, session after termination...)."""


class DatabaseError(BoundaryTrackerError):
    """The database is missing, locked, read-only, not a database, or of an unknown schema."""


class RuleSetError(BoundaryTrackerError):
    """A rule-set or practice-policy file is malformed; the message names the file and the field."""
