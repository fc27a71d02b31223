"""The command line: a thin click layer over the core. No SQLAlchemy at import time."""
