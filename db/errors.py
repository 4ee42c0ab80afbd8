"""Storage failures, raised by ``db`` and re-exported by ``desk_app.errors``."""


class StorageError(Exception):
    """The database or data folder cannot be used as asked (full, read-only, locked,
    damaged, too new). The message says what happened and what to do."""
