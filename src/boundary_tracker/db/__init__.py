"""The database layer: ORM models, the engine and its session scope, schema upgrades."""
