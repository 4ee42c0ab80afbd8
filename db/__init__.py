"""Persistence: models, engine, migrations, backup. No Qt, nothing of ours above it."""
