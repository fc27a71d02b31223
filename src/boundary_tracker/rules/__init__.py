"""Rule sets as data: one TOML file per code, law or practice policy, validated on load."""
