"""boundary-tracker: a local-first record of client boundaries for mental-health practitioners."""

__version__ = "0.1.0"
