"""Specifications of the built-in rule sets: one module per rule set, plus loader, property and snapshot tests."""
