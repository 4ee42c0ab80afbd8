"""`desk-app report` and `desk-app feedback` (registered by desk_app.cli.build_parser)."""

from __future__ import annotations


def register(sub, add) -> None:
    """Add this module's commands. ``add(name, func, help)`` makes a subparser."""
