"""The two kinds of expected failure; anything else is a bug.

``UserError``: bad input. The message is specific and nothing was saved.
``StorageError``: the disk or the database file is not usable (full, read-only, locked,
corrupt, too new). The message says what happened and what to do.
"""

from __future__ import annotations

from db.errors import StorageError

__all__ = ["DeskError", "UserError", "NotFound", "Forbidden", "StorageError"]


class DeskError(Exception):
    """Base of the errors a user is meant to read."""


class UserError(DeskError):
    """Bad input: a specific message; nothing was saved."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(UserError):
    """The thing asked for does not exist."""


class Forbidden(UserError):
    """The actor's role does not allow this."""
