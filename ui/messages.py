"""What the clerk reads when the services refuse something.

The services raise ``UserError`` with an English message for the command line and a
``field`` naming the input at fault. The window shows its own message, keyed by
(field, case), beside the widget of that field. The table below holds the English source of
each message; the Vietnamese text is its translation in ``resources/i18n/desk_vi.ts``
(context ``Errors``), so the table and the rest of the window switch language together.

A case is recognised by a fragment of the service's English message; when no case matches,
a generic per-field text is used, then a generic text that quotes the service's message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desk_app.errors import Forbidden, NotFound, StorageError, UserError

CTX = "Errors"

# (field pattern, fragment of the English service message or "" for any, UI message)
_TABLE: tuple[tuple[str, str, str], ...] = (
    (r"(applicant|proxy)_id", "is required", QT_TRANSLATE_NOOP("Errors", "Enter the ID number (CCCD)")),
    (r"(applicant|proxy)_id", "12 digits", QT_TRANSLATE_NOOP("Errors", "The ID number (CCCD) must have 12 digits")),
    (r"(applicant|proxy)_id", "province code",
     QT_TRANSLATE_NOOP("Errors", "The first three digits of the CCCD must be a province code 001–096")),
    (r"(applicant|proxy)_name", "is required", QT_TRANSLATE_NOOP("Errors", "Enter the full name")),
    (r"(applicant|proxy)_name", "digits", QT_TRANSLATE_NOOP("Errors", "A person's name cannot contain digits")),
    (r"(applicant|proxy)_name", "longer", QT_TRANSLATE_NOOP("Errors", "The name is too long (200 characters at most)")),
    (r"(applicant|proxy)_phone|phone", "",
     QT_TRANSLATE_NOOP("Errors", "Not a Vietnamese phone number (a mobile has 10 digits, such as 0912345678)")),
    (r"(applicant|proxy)_email|email", "", QT_TRANSLATE_NOOP("Errors", "The e-mail address is not valid")),
    (r"(applicant|proxy)_birth_date", "future", QT_TRANSLATE_NOOP("Errors", "The date of birth is in the future")),
    (r"(applicant|proxy)_birth_date", "1900", QT_TRANSLATE_NOOP("Errors", "The date of birth is before 1900")),
    (r"(applicant|proxy)_birth_date", "", QT_TRANSLATE_NOOP("Errors", "Enter the date as dd/mm/yyyy")),
    (r"(applicant|proxy)_address", "", QT_TRANSLATE_NOOP("Errors", "The address is too long (500 characters at most)")),
    (r"procedure", "empty", QT_TRANSLATE_NOOP("Errors", "Choose a procedure")),
    (r"procedure", "", QT_TRANSLATE_NOOP("Errors", "This procedure is not in the current procedure set")),
    (r"sets_count", "", QT_TRANSLATE_NOOP("Errors", "The number of sets must be from 1 to 99")),
    (r"fee", "", QT_TRANSLATE_NOOP("Errors", "The fee must be from 0 to 1,000,000,000 đồng")),
    (r"documents", "no name", QT_TRANSLATE_NOOP("Errors", "A document of the checklist has no name")),
    (r"documents", "", QT_TRANSLATE_NOOP("Errors", "Document counts must be from 0 to 99")),
    (r"received_at|at", "future", QT_TRANSLATE_NOOP("Errors", "The time is in the future")),
    (r"at", "was received", QT_TRANSLATE_NOOP("Errors", "The time is before the dossier was received")),
    (r"at", "last event", QT_TRANSLATE_NOOP("Errors", "The time is before the dossier's last event")),
    (r"reason", "longer", QT_TRANSLATE_NOOP("Errors", "The reason is too long (2000 characters at most)")),
    (r"reason", "", QT_TRANSLATE_NOOP("Errors", "Enter the reason")),
    (r"new_due", "later than", QT_TRANSLATE_NOOP("Errors", "The new appointment must be later than the current one")),
    (r"new_due", "in the future", QT_TRANSLATE_NOOP("Errors", "The new appointment must be in the future")),
    (r"new_due", "working day", QT_TRANSLATE_NOOP("Errors", "The new appointment must fall on a working day")),
    (r"new_due", "", QT_TRANSLATE_NOOP("Errors", "Choose the new appointment date")),
    (r"to_unit", "", QT_TRANSLATE_NOOP("Errors", "Enter the receiving unit")),
    (r"action", "", QT_TRANSLATE_NOOP("Errors", "This action is not allowed in the dossier's current status")),
    (r"code", "", QT_TRANSLATE_NOOP("Errors", "No dossier has this code")),
    (r"unit_code", "cannot", QT_TRANSLATE_NOOP("Errors", "The unit code cannot change once dossiers exist")),
    (r"unit_code", "",
     QT_TRANSLATE_NOOP("Errors", "The unit code is not valid: 2–40 letters, digits, dots or dashes (e.g. 000.17.22.H56)")),
    (r"station", "", QT_TRANSLATE_NOOP("Errors", "The station must be a number from 1 to 9")),
    (r"unit name", "required", QT_TRANSLATE_NOOP("Errors", "Enter the unit's name")),
    (r"unit name|parent name|upstream name|place", "", QT_TRANSLATE_NOOP("Errors", "This text is too long")),
    (r"office\..*", "not a time", QT_TRANSLATE_NOOP("Errors", "Enter a time such as 15:00")),
    (r"office\..*", "not a range", QT_TRANSLATE_NOOP("Errors", "Enter a range such as 07:30-11:30")),
    (r"office\..*", "start must be", QT_TRANSLATE_NOOP("Errors", "The start must be before the end")),
    (r".*", "morning must end", QT_TRANSLATE_NOOP("Errors", "The morning must end before the afternoon starts")),
    (r"backup\.keep_daily", "", QT_TRANSLATE_NOOP("Errors", "Enter a whole number")),
    (r"kind", "", QT_TRANSLATE_NOOP("Errors", "Choose the kind of day")),
    (r"date", "already a working day", QT_TRANSLATE_NOOP("Errors", "This day is already a working day")),
    (r"date", "no calendar override", QT_TRANSLATE_NOOP("Errors", "There is no change on this day to remove")),
    (r"year", "", QT_TRANSLATE_NOOP("Errors", "The year is out of range")),
    (r"username", "already exists", QT_TRANSLATE_NOOP("Errors", "This username is already taken")),
    (r"username", "no account", QT_TRANSLATE_NOOP("Errors", "There is no such account")),
    (r"username", "",
     QT_TRANSLATE_NOOP("Errors", "Username: 2–60 lowercase letters, digits, dots, dashes or underscores")),
    (r"password", "at least", QT_TRANSLATE_NOOP("Errors", "The password must have at least 8 characters")),
    (r"password", "username", QT_TRANSLATE_NOOP("Errors", "The password must not be the username")),
    (r"password", "", QT_TRANSLATE_NOOP("Errors", "The password is not acceptable")),
    (r"role|active", "at least one", QT_TRANSLATE_NOOP("Errors", "The desk must keep at least one active admin")),
    (r"full_name", "", QT_TRANSLATE_NOOP("Errors", "The name is too long (200 characters at most)")),
    (r"form", "unknown form", QT_TRANSLATE_NOOP("Errors", "This form does not exist")),
    (r"form", "", QT_TRANSLATE_NOOP("Errors", "This form does not fit the dossier's current state; nothing was printed")),
    (r".*", "issued all 999",
     QT_TRANSLATE_NOOP("Errors", "This station has issued all 999 numbers for today; receive on another station")),
    (r".*", "not set up yet", QT_TRANSLATE_NOOP("Errors", "This desk is not set up yet")),
)

_STORAGE: tuple[tuple[str, str], ...] = (
    ("busy", QT_TRANSLATE_NOOP("Errors",
     "The database is busy (another program is using it). Nothing was saved; wait a moment and try again.")),
    ("read-only", QT_TRANSLATE_NOOP("Errors",
     "The data folder is read-only. Nothing was saved; ask the admin to check the folder's permissions.")),
    ("disk is full", QT_TRANSLATE_NOOP("Errors", "The disk is full. Nothing was saved; free some space and try again.")),
    ("input/output", QT_TRANSLATE_NOOP("Errors",
     "The disk reported an error. Nothing was saved; check the disk and restore from a backup if this repeats.")),
    ("damaged", QT_TRANSLATE_NOOP("Errors",
     "The database file is damaged. Ask the admin to restore the latest backup (desk-app restore).")),
    ("not an sqlite", QT_TRANSLATE_NOOP("Errors",
     "The database file is not a Một Cửa Desk database. It was left untouched; ask the admin.")),
    ("newer version", QT_TRANSLATE_NOOP("Errors",
     "The database was written by a newer version of Một Cửa Desk. Install that version or newer.")),
    ("cannot be opened", QT_TRANSLATE_NOOP("Errors",
     "The database file cannot be opened: check that the data folder exists and is writable.")),
    ("cannot create the data folder", QT_TRANSLATE_NOOP("Errors",
     "The data folder cannot be created: check the disk and the folder's permissions.")),
)

FORBIDDEN = QT_TRANSLATE_NOOP("Errors", "Your account is not allowed to do this")
NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "Not found")
GENERIC = QT_TRANSLATE_NOOP("Errors", "Invalid input: {detail}")
STORAGE_GENERIC = QT_TRANSLATE_NOOP("Errors", "The data cannot be saved or read: {detail}")
IMPORT_PROBLEM = QT_TRANSLATE_NOOP("Errors", "The procedure-set file has an error at {where}: {detail}")


@dataclass(frozen=True)
class ErrorText:
    field: str | None
    text: str


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def user_error_text(exc: UserError) -> ErrorText:
    """The message to show for a ``UserError``, in the current language."""
    field = getattr(exc, "field", None)
    message = str(exc)
    lowered = message.lower()
    if isinstance(exc, Forbidden):
        return ErrorText(field, _tr(FORBIDDEN))
    where = getattr(exc, "where", None)
    if where is not None:  # catalog.ImportProblem: the file's row and column
        detail = message[len(where) + 2:] if message.startswith(where + ": ") else message
        return ErrorText(field, _tr(IMPORT_PROBLEM).format(where=where, detail=detail))
    for pattern, fragment, text in _TABLE:
        if field is None and pattern != r".*":
            continue
        if field is not None and not re.fullmatch(pattern, field):
            continue
        if fragment and fragment.lower() not in lowered:
            continue
        return ErrorText(field, _tr(text))
    if isinstance(exc, NotFound):
        return ErrorText(field, _tr(NOT_FOUND) + ": " + message)
    return ErrorText(field, _tr(GENERIC).format(detail=message))


def storage_error_text(exc: StorageError) -> str:
    lowered = str(exc).lower()
    for fragment, text in _STORAGE:
        if fragment in lowered:
            return _tr(text)
    return _tr(STORAGE_GENERIC).format(detail=str(exc))
