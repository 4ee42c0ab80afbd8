"""The Sync page: files to and from the upstream office (``desk_app.services.sync``).

At a commune desk (:class:`CommuneSyncPage`): the last export, the last acknowledgement and
its age, the changes not yet acknowledged, an amber then red warning when no acknowledgement
came (red after ``ACK_WARNING_DAYS``); "export everything since the last acknowledgement" to
a USB drive (the service writes, reads back and verifies every file before the clerk is told
the drive may be removed); import acknowledgements and updates; type the short code the
office reads over the phone.

At the upstream office (:class:`UpstreamSyncPage`): one row per enrolled commune station (last
bundle, data as of, gaps, quarantined records, audit chain breaks), rows needing attention
coloured; import the communes' files (several, any order) and say where the acknowledgements
were written, with the code to read over the phone.

The sync services open their own sessions, so they run through ``ctx.tasks.run`` on the one
worker; what comes back is a frozen dataclass (or a plain dict). Their errors are shown on the
page in the current language: sync-specific cases here, the rest through ``ui.messages``.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import StorageError, UserError
from desk_app.services import sync as sync_service
from desk_app.sync.bundle import EXT_ACK, EXT_CHANGES, EXT_UPDATE
from desk_app.sync.state import sync_dir
from ui import i18n
from ui.context import DeskContext
from ui.i18n import fmt_datetime
from ui.messages import storage_error_text, user_error_text
from ui.models.record_table_model import SORT_ROLE, ColumnSpec, ReadOnlyTableModel, RecordTableModel
from ui.style import DUE_TODAY_BG, ERROR_COLOR, OVERDUE_BG, PAUSED_FG, set_role
from ui.widgets.field_errors import FieldErrors
from ui.widgets.table_views import make_table_view
from ui.widgets.forms import field_block, section_label

log = logging.getLogger(__name__)

CTX = "SyncPage"
ACK_WARNING_DAYS = sync_service.ACK_WARNING_DAYS  # red: send everything again
ACK_NOTICE_DAYS = 7  # amber: half-way there
RED, AMBER = "red", "amber"

BANNER_STYLE = {
    RED: "QLabel { background: #fbe3e4; border: 1px solid #d9868b; border-radius: 4px; padding: 8px 10px;"
         " color: #7a1212; font-weight: bold; }",
    AMBER: "QLabel { background: #fff0cf; border: 1px solid #e0b35a; border-radius: 4px; padding: 8px 10px;"
           " color: #5c3d00; }",
}
OK_COLOR = "#1b7a34"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


# ----------------------------------------------------------------------------- errors

# (fragment of the service's English message, what the clerk reads)
_USER_ERRORS: tuple[tuple[str, str], ...] = (
    ("16 letters and digits", QT_TRANSLATE_NOOP(
        "SyncPage", "An acknowledgement code has 16 letters and digits, such as ABCD-EFGH-JKLM-NPQR")),
    ("not an acknowledgement code", QT_TRANSLATE_NOOP(
        "SyncPage", "This is not an acknowledgement code: it has only the letters A–Z and the digits 2–7")),
    ("does not check out", QT_TRANSLATE_NOOP(
        "SyncPage", "The code is wrong: have it read again character by character (or it was made for another "
                    "station, or before the office changed its keys). Nothing was changed.")),
    ("only exported up to", QT_TRANSLATE_NOOP(
        "SyncPage", "The code confirms more than this desk has exported: it belongs to another database of this "
                    "station. Nothing was changed.")),
    ("not trusted yet", QT_TRANSLATE_NOOP(
        "SyncPage", "This desk does not trust the upstream office's key yet: an admin must first load the office's "
                    "key file (desk-app sync trust-upstream FILE).")),
    ("does not trust an upstream office", QT_TRANSLATE_NOOP(
        "SyncPage", "This desk does not trust the upstream office's key yet: an admin must first load the office's "
                    "key file (desk-app sync trust-upstream FILE).")),
    ("cannot use the folder", QT_TRANSLATE_NOOP(
        "SyncPage", "The chosen folder cannot be used: check the USB drive or choose another folder.")),
    ("larger than --max-size", QT_TRANSLATE_NOOP(
        "SyncPage", "Part of the sync file came out larger than the size limit. Nothing was written; export again.")),
    ("is done at the upstream office", QT_TRANSLATE_NOOP(
        "SyncPage", "This is done at the upstream office, not at a commune desk.")),
    ("is done at a commune desk", QT_TRANSLATE_NOOP(
        "SyncPage", "This is done at a commune desk, not at the upstream office.")),
    ("typed at the commune desk", QT_TRANSLATE_NOOP(
        "SyncPage", "This is done at a commune desk, not at the upstream office.")),
)
_STORAGE_ERRORS: tuple[tuple[str, str], ...] = (
    ("not enough free space", QT_TRANSLATE_NOOP(
        "SyncPage", "Not enough free space on the chosen drive (twice the file's size must be free). Nothing was "
                    "written; free some space or use another drive.")),
    ("reads back different", QT_TRANSLATE_NOOP(
        "SyncPage", "The file read back differs from what was written (the drive was removed or is failing). "
                    "The sync file is NOT safe: export again to a working drive.")),
    ("do not remove the drive yet", QT_TRANSLATE_NOOP(
        "SyncPage", "Writing the file failed. Do not remove the drive yet: check it and export again.")),
    ("cannot use the folder", QT_TRANSLATE_NOOP(
        "SyncPage", "The chosen folder cannot be used: check the USB drive or choose another folder.")),
    ("cannot create the folder", QT_TRANSLATE_NOOP(
        "SyncPage", "The chosen folder cannot be used: check the USB drive or choose another folder.")),
)
WRONG_CODE = QT_TRANSLATE_NOOP("SyncPage", "The acknowledgement code is not valid. Nothing was changed.")


def error_text(exc: BaseException) -> str:
    """What the page shows for a sync service's ``UserError`` or ``StorageError``."""
    lowered = str(exc).lower()
    for fragment, text in _STORAGE_ERRORS if isinstance(exc, StorageError) else _USER_ERRORS:
        if fragment in lowered:
            return _tr(text)
    if isinstance(exc, StorageError):
        return storage_error_text(exc)
    if getattr(exc, "field", None) == "code":  # ui.messages reads "code" as a dossier code
        return _tr(WRONG_CODE)
    return user_error_text(exc).text


@dataclass(frozen=True)
class Failed:
    """A service refused (``UserError``) or the disk failed (``StorageError``): shown on the
    page, beside what it concerns, rather than in a message box."""

    error: BaseException

    @property
    def text(self) -> str:
        return error_text(self.error)


def catching(fn: Callable[[], Any]) -> Callable[[], Any]:
    """``fn`` for the worker, returning :class:`Failed` instead of raising the services'
    expected errors (anything else is a bug and still reaches the crash handler)."""

    def task():
        try:
            return fn()
        except (UserError, StorageError) as exc:
            return Failed(exc)

    return task


# ----------------------------------------------------------------------------- words for codes

FILE_KINDS = {
    "changes": QT_TRANSLATE_NOOP("SyncPage", "changes"),
    "ack": QT_TRANSLATE_NOOP("SyncPage", "acknowledgement"),
    "procedures": QT_TRANSLATE_NOOP("SyncPage", "procedure set update"),
    "calendar": QT_TRANSLATE_NOOP("SyncPage", "calendar update"),
    "keys": QT_TRANSLATE_NOOP("SyncPage", "office key update"),
    "results": QT_TRANSLATE_NOOP("SyncPage", "results from the office"),
}
FILE_STATUS = {
    "applied": QT_TRANSLATE_NOOP("SyncPage", "applied"),
    "already_applied": QT_TRANSLATE_NOOP("SyncPage", "applied before (nothing new)"),
    "duplicate": QT_TRANSLATE_NOOP("SyncPage", "this file was imported before (nothing to do)"),
    "held": QT_TRANSLATE_NOOP("SyncPage", "held: earlier changes are missing; applied when they arrive"),
    "superseded": QT_TRANSLATE_NOOP("SyncPage", "skipped: a newer update was applied already"),
    "rejected": QT_TRANSLATE_NOOP("SyncPage", "REFUSED, nothing was applied"),
}
REJECTIONS = {
    "DAMAGED": QT_TRANSLATE_NOOP("SyncPage", "the file is damaged or incomplete; copy it again from the sender"),
    "TRUNCATED": QT_TRANSLATE_NOOP("SyncPage", "the file is damaged or incomplete; copy it again from the sender"),
    "BAD_HASH": QT_TRANSLATE_NOOP("SyncPage", "the file is damaged or incomplete; copy it again from the sender"),
    "BAD_SIGNATURE": QT_TRANSLATE_NOOP("SyncPage", "the digital signature does not verify: the file was altered"),
    "NOT_A_BUNDLE": QT_TRANSLATE_NOOP("SyncPage", "not a Một Cửa Desk sync file"),
    "UNSUPPORTED": QT_TRANSLATE_NOOP("SyncPage", "made by another version of Một Cửa Desk that this one cannot read"),
    "TOO_NEW": QT_TRANSLATE_NOOP("SyncPage", "made by a newer version of Một Cửa Desk: upgrade this computer first"),
    "NOT_ENCRYPTED": QT_TRANSLATE_NOOP("SyncPage", "the file is not encrypted to this office's key"),
    "UNENROLLED": QT_TRANSLATE_NOOP(
        "SyncPage", "the sending station is not enrolled here (or has new keys): enroll its signed form first"),
    "OWNER_MISMATCH": QT_TRANSLATE_NOOP("SyncPage", "the file names another unit than the station is enrolled for"),
    "WRONG_KIND": QT_TRANSLATE_NOOP(
        "SyncPage", "the file is not for this desk (change files go to the office; acknowledgements and updates "
                    "go to the communes)"),
    "WRONG_RECIPIENT": QT_TRANSLATE_NOOP("SyncPage", "the file is addressed to another unit or station"),
    "NOT_TRUSTED": QT_TRANSLATE_NOOP("SyncPage", "this desk does not trust the upstream office's key yet"),
    "UNTRUSTED_KEY": QT_TRANSLATE_NOOP(
        "SyncPage", "not signed with the trusted office key: import the office's key update first"),
    "NOT_EXPORTED": QT_TRANSLATE_NOOP(
        "SyncPage", "it confirms more than this desk has exported: it belongs to another database of this station"),
    "OWN_BUNDLE": QT_TRANSLATE_NOOP("SyncPage", "this computer wrote this file itself"),
    "NOT_FOUND": QT_TRANSLATE_NOOP("SyncPage", "the file cannot be read"),
}
REJECTED_OTHER = QT_TRANSLATE_NOOP("SyncPage", "the content is not valid (code {code})")
ACK_OUTCOMES = {
    "advanced": QT_TRANSLATE_NOOP("SyncPage", "the office has applied every change up to no. {n}"),
    "unchanged": QT_TRANSLATE_NOOP("SyncPage", "the office has applied every change up to no. {n} (nothing new)"),
    "resend": QT_TRANSLATE_NOOP(
        "SyncPage", "the office reports missing changes: the next export sends again everything after no. {n}"),
    "older": QT_TRANSLATE_NOOP("SyncPage", "an older acknowledgement (up to no. {n}); nothing changed"),
}
PROBLEMS = {
    "UNKNOWN_PROCEDURE_VERSION": QT_TRANSLATE_NOOP(
        "SyncPage", "the office does not have this procedure version yet (sent again automatically)"),
    "CONFLICT": QT_TRANSLATE_NOOP("SyncPage", "conflicts with a record the office already has"),
    "CODE_REUSED": QT_TRANSLATE_NOOP("SyncPage", "the dossier code was used twice (station reinstalled or restored)"),
    "DOSSIER_UNKNOWN": QT_TRANSLATE_NOOP("SyncPage", "the office does not have this dossier"),
    "OWNER_MISMATCH": QT_TRANSLATE_NOOP("SyncPage", "the dossier belongs to another unit"),
    "INVALID_RECORD": QT_TRANSLATE_NOOP("SyncPage", "the record is not valid"),
    "WAITING": QT_TRANSLATE_NOOP("SyncPage", "waiting for an earlier change"),
}
PROBLEM_OTHER = QT_TRANSLATE_NOOP("SyncPage", "cannot be applied (code {code})")
STATION_STATUS = {
    "active": QT_TRANSLATE_NOOP("SyncPage", "active"),
    "replaced": QT_TRANSLATE_NOOP("SyncPage", "replaced by a reinstalled station"),
    "revoked": QT_TRANSLATE_NOOP("SyncPage", "revoked"),
}


def rejection_text(code: str) -> str:
    text = REJECTIONS.get(code)
    return _tr(text) if text else _tr(REJECTED_OTHER).format(code=code or "?")


def problem_text(code: str) -> str:
    text = PROBLEMS.get(code)
    return _tr(text) if text else _tr(PROBLEM_OTHER).format(code=code or "?")


def parse_time(text: str | None) -> datetime | None:
    """An ISO time from the services (``2026-03-02T09:30:00+07:00``); None if absent or odd."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(str(text))
    except ValueError:
        return None


def _range(a: int, b: int) -> str:
    return f"{a}–{b}" if b != a else str(a)


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=False)


def file_result_html(f) -> str:
    """One line of an import report (``importer.FileResult``)."""
    kind = _tr(FILE_KINDS[f.kind]) if f.kind in FILE_KINDS else ""
    status = _tr(FILE_STATUS.get(f.status, f.status))
    head = f"<b>{_esc(f.file)}</b>" + (f" ({_esc(kind)})" if kind else "") + ": "
    if f.status == "rejected":
        why = rejection_text(f.code)
        return head + f'<span style="color:{ERROR_COLOR}"><b>{_esc(status)}</b>: {_esc(why)}</span>'
    parts = [status]
    d = f.detail or {}
    if f.kind == "changes" and f.status in ("applied", "already_applied", "held"):
        parts.append(_tr(QT_TRANSLATE_NOOP(
            "SyncPage", "{unit} station {station}, bundle no. {seq}, changes {range}: {applied} applied, "
                        "{already} already there, {quarantined} quarantined")).format(
            unit=f.unit_code, station=f.station, seq=f.seq, range=_range(f.range_from, f.range_to),
            applied=f.applied, already=f.already_applied, quarantined=f.quarantined))
    elif f.kind == "ack" and f.status == "applied" and d.get("outcome") in ACK_OUTCOMES:
        parts.append(_tr(ACK_OUTCOMES[d["outcome"]]).format(n=d.get("applied_through", 0)))
        if d.get("problems_total"):
            parts.append(_tr(QT_TRANSLATE_NOOP("SyncPage", "{n} change(s) need attention at the office")).format(
                n=d["problems_total"]))
    elif f.kind == "procedures" and f.status == "applied" and d:
        parts.append(_tr(QT_TRANSLATE_NOOP(
            "SyncPage", "set {set}: {procedures} procedures ({added} new, {new_versions} new versions)")).format(
            set=d.get("set", ""), procedures=d.get("procedures", 0), added=d.get("added", 0),
            new_versions=d.get("new_versions", 0)))
    elif f.kind == "calendar" and f.status == "applied" and d:
        parts.append(_tr(QT_TRANSLATE_NOOP(
            "SyncPage", "year {year}: {changed} day(s) changed, {removed} removed")).format(
            year=d.get("year", ""), changed=len(d.get("changed") or []), removed=len(d.get("removed") or [])))
    elif f.kind == "results" and f.status == "applied" and d:
        parts.append(_tr(QT_TRANSLATE_NOOP(
            "SyncPage", "{applied} dossier(s) updated with the office's result, {problems} could not be")).format(
            applied=len(d.get("applied") or []), problems=len(d.get("problems") or [])))
    elif f.kind == "keys" and f.status == "applied" and d:
        parts.append(_tr(QT_TRANSLATE_NOOP("SyncPage", "the office's new key {fingerprint}")).format(
            fingerprint=d.get("fingerprint", "")))
    return head + _esc("; ".join(parts))


def _list(items: list[str]) -> str:
    return "<ul style='margin-top:2px'>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _remembered_dir(ctx: DeskContext, key: str, default: Path | None = None) -> str:
    value = i18n.settings(ctx.data_dir).value(f"sync/{key}", "")
    if value and Path(str(value)).is_dir():
        return str(value)
    return str(default) if default is not None else str(Path.home())


def _remember_dir(ctx: DeskContext, key: str, folder: Path) -> None:
    s = i18n.settings(ctx.data_dir)
    s.setValue(f"sync/{key}", str(folder))
    s.sync()


def _result_browser() -> QTextBrowser:
    browser = QTextBrowser()
    browser.setObjectName("result_browser")
    browser.setOpenLinks(False)
    browser.setMinimumHeight(90)
    return browser


def _banner() -> QLabel:
    label = QLabel()
    label.setObjectName("warning_label")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _show_banner(label: QLabel, items: list[tuple[str, str]]) -> None:
    """``items``: (RED or AMBER, text). The banner takes the worst colour."""
    if not items:
        label.hide()
        label.setProperty("state", "")
        label.setText("")
        return
    state = RED if any(sev == RED for sev, _t in items) else AMBER
    label.setProperty("state", state)
    label.setStyleSheet(BANNER_STYLE[state])
    label.setText("\n".join(("⚠ " if sev == RED else "• ") + text for sev, text in items))
    label.show()


# ----------------------------------------------------------------------------- the commune


class StatusTile(QFrame):
    """A caption, one large value and a line or two of detail (the board's tile style)."""

    def __init__(self, key: str, caption: str) -> None:
        super().__init__()
        self.setObjectName(f"{key}_tile")
        set_role(self, "tile", "")
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName(f"{key}_caption_label")
        set_role(self.caption_label, "tile-caption")
        self.value_label = QLabel("–")
        self.value_label.setObjectName(f"{key}_value_label")
        set_role(self.value_label, "tile-number")
        self.detail_label = QLabel()
        self.detail_label.setObjectName(f"{key}_detail_label")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)

    def set(self, value: str, detail: str = "", state: str = "") -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        if self.property("state") != state:
            set_role(self, "tile", state)


def ack_warnings(st: sync_service.CommuneStatus, now: datetime) -> list[tuple[str, str]]:
    """The banner's lines for a commune's sync status: (RED or AMBER, text)."""
    out: list[tuple[str, str]] = []
    if st.upstream is None:
        out.append((RED, _tr(QT_TRANSLATE_NOOP(
            "SyncPage", "This desk does not trust the upstream office's key yet, so nothing can be sent. An admin must "
                        "load the office's key file and check its fingerprint against the signed form "
                        "(desk-app sync trust-upstream FILE)."))))
    days, since_ack = ack_wait(st, now)
    if days is not None and days > ACK_WARNING_DAYS:
        text = (QT_TRANSLATE_NOOP(
            "SyncPage", "No acknowledgement from the office for {days} days. Export everything since the last "
                        "acknowledgement and send it again, or call the office and type the code they read out.")
                if since_ack else QT_TRANSLATE_NOOP(
            "SyncPage", "The office has acknowledged nothing yet; the first file was sent {days} days ago. Export "
                        "again and send it, or call the office and type the code they read out."))
        out.append((RED, _tr(text).format(days=days)))
    elif days is not None and days > ACK_NOTICE_DAYS:
        out.append((AMBER, _tr(QT_TRANSLATE_NOOP(
            "SyncPage", "No acknowledgement for {days} days. After {limit} days, send everything again.")).format(
            days=days, limit=ACK_WARNING_DAYS)))
    if st.office_reports_gap:
        out.append((AMBER, _tr(QT_TRANSLATE_NOOP(
            "SyncPage", "The office reports missing changes: the next export sends them again. Export and send it "
                        "soon."))))
    if st.problems_total:
        out.append((AMBER, _tr(QT_TRANSLATE_NOOP(
            "SyncPage", "{n} change(s) could not be applied at the office: see the list below.")).format(
            n=st.problems_total)))
    return out


def ack_wait(st: sync_service.CommuneStatus, now: datetime) -> tuple[int | None, bool]:
    """(days waited for an acknowledgement, whether since the last one) when changes are
    waiting; (None, …) when nothing is waiting or nothing was ever sent."""
    if not st.unacknowledged_changes:
        return None, False
    if st.ack_age_days is not None:
        return st.ack_age_days, True
    first = parse_time(st.pending_bundles[0].get("exported_at")) if st.pending_bundles else None
    if first is None:
        return None, False
    return (now - first).days, False


class CommuneSyncPage(QWidget):
    status_loaded = Signal(object)  # sync.CommuneStatus
    exported = Signal(object)  # sync.ExportResult
    imported = Signal(object)  # sync.ImportReport
    code_accepted = Signal(dict)
    failed = Signal(str)  # the text shown

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_page")
        self.ctx = ctx
        self.status: sync_service.CommuneStatus | None = None
        self._busy = False

        self.identity_label = QLabel()
        self.identity_label.setObjectName("identity_label")
        self.identity_label.setWordWrap(True)
        self.identity_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.identity_label, "hint")
        self.warning_label = _banner()

        self.export_tile = StatusTile("last_export", self.tr("Last export"))
        self.ack_tile = StatusTile("last_ack", self.tr("Last acknowledgement from the office"))
        self.unacked_tile = StatusTile("unacked", self.tr("Changes not yet acknowledged"))
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for i, tile in enumerate((self.export_tile, self.ack_tile, self.unacked_tile)):
            tiles.addWidget(tile, 0, i)
            tiles.setColumnStretch(i, 1)

        # send
        self.export_button = QPushButton(self.tr("Export sync file…"))
        self.export_button.setObjectName("export_button")
        self.export_button.setToolTip(self.tr("Choose the USB drive (or a folder to attach to an e-mail)"))
        self.export_button.clicked.connect(self._on_export_clicked)
        export_hint = QLabel(self.tr(
            "Writes everything since the last acknowledgement. Always safe: when unsure whether the last file "
            "arrived, export again."))
        export_hint.setWordWrap(True)
        set_role(export_hint, "hint")
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress_label")
        self.progress_label.setWordWrap(True)
        self.progress_label.hide()
        send_box = QGroupBox(self.tr("Send to the upstream office"))
        send = QVBoxLayout(send_box)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        send.addLayout(row)
        send.addWidget(export_hint)
        send.addWidget(self.progress_label)

        # receive
        self.import_button = QPushButton(self.tr("Import files from the office…"))
        self.import_button.setObjectName("import_button")
        self.import_button.clicked.connect(self._on_import_clicked)
        import_hint = QLabel(self.tr(
            "Acknowledgements (.mca) and updates of procedures, calendar or keys (.mcu); several at once, in any "
            "order; the same file twice is harmless."))
        import_hint.setWordWrap(True)
        set_role(import_hint, "hint")
        self.code_errors = FieldErrors()
        self.ack_code_edit = QLineEdit()
        self.ack_code_edit.setObjectName("ack_code_edit")
        self.ack_code_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.ack_code_edit.setMaxLength(40)
        self.ack_code_edit.returnPressed.connect(self._on_ack_code_clicked)
        self.ack_code_edit.textEdited.connect(lambda _t: self.code_errors.clear("code"))
        self.ack_code_button = QPushButton(self.tr("Enter the code"))
        self.ack_code_button.setObjectName("ack_code_button")
        self.ack_code_button.clicked.connect(self._on_ack_code_clicked)
        code_caption = QLabel(self.tr("Acknowledgement code read over the phone:"))
        code_caption.setBuddy(self.ack_code_edit)
        code_hint = QLabel(self.tr("When the acknowledgement file cannot reach this desk, the office reads out "
                                   "its 16-character code."))
        code_hint.setWordWrap(True)
        set_role(code_hint, "hint")
        receive_box = QGroupBox(self.tr("Receive from the upstream office"))
        receive = QVBoxLayout(receive_box)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        receive.addLayout(row)
        receive.addWidget(import_hint)
        receive.addSpacing(8)
        receive.addWidget(code_caption)
        code_row = QHBoxLayout()
        code_row.addWidget(field_block(self.ack_code_edit, "ack_code", self.code_errors, "code"), 1)
        code_row.addWidget(self.ack_code_button, 0, Qt.AlignmentFlag.AlignTop)
        receive.addLayout(code_row)
        receive.addWidget(code_hint)

        # results and the office's problems
        self.result_browser = _result_browser()
        self.result_browser.setPlaceholderText(self.tr("What the last export or import did appears here."))
        result_box = QGroupBox(self.tr("Result"))
        QVBoxLayout(result_box).addWidget(self.result_browser)
        self.problems_model = RecordTableModel([
            ColumnSpec(QT_TRANSLATE_NOOP("SyncPage", "Change no."), lambda p: p.get("change_id", ""),
                       lambda p: p.get("change_id") or 0, Qt.AlignmentFlag.AlignCenter),
            ColumnSpec(QT_TRANSLATE_NOOP("SyncPage", "Dossier"), lambda p: p.get("MaHoSo") or p.get("key", "")),
            ColumnSpec(QT_TRANSLATE_NOOP("SyncPage", "Problem"), lambda p: problem_text(p.get("code", ""))),
        ], CTX, self)
        self.problems_view = make_table_view("problems_view", self.problems_model, stretch=2)
        self.problems_box = QGroupBox(self.tr("Changes the office could not apply"))
        QVBoxLayout(self.problems_box).addWidget(self.problems_view)
        self.problems_box.hide()
        self.updated_label = QLabel()
        self.updated_label.setObjectName("updated_label")
        set_role(self.updated_label, "hint")

        left = QVBoxLayout()
        left.addWidget(send_box)
        left.addWidget(receive_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(result_box, 2)
        right.addWidget(self.problems_box, 1)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 6)
        head = QHBoxLayout()
        head.addWidget(section_label(self.tr("Sync with the upstream office")))
        head.addWidget(self.identity_label, 1)
        head.addWidget(self.updated_label, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(head)
        layout.addWidget(self.warning_label)
        layout.addLayout(tiles)
        layout.addLayout(body, 1)

        ctx.events.dossier_changed.connect(self._on_dossier_changed)  # a bound slot: dropped with the page

    # ------------------------------------------------------------------ status

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.refresh()

    def _on_dossier_changed(self, _code: str) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        db, now = self.ctx.db, self.ctx.now()
        self.ctx.tasks.run(catching(lambda: sync_service.status(db, now=now)),
                           lambda st: self._on_status_loaded(st, now), owner=self)

    def _on_status_loaded(self, st, now: datetime) -> None:
        if isinstance(st, Failed):
            _show_banner(self.warning_label, [(RED, st.text)])
            self.failed.emit(st.text)
            return
        self.status = st
        self._show_identity(st)
        self._show_export(st)
        self._show_ack(st, now)
        detail = self.tr("of {total} changes recorded on this desk").format(total=st.last_change_id)
        if st.pending_bundles:
            detail += "; " + self.tr("{files} exported file(s) waiting for acknowledgement").format(
                files=len(st.pending_bundles))
        self.unacked_tile.set(str(st.unacknowledged_changes), detail)
        _show_banner(self.warning_label, ack_warnings(st, now))
        self.problems_model.set_rows(list(st.problems))
        self.problems_box.setVisible(bool(st.problems_total))
        self.updated_label.setText(self.tr("Updated {time}").format(time=fmt_datetime(now)))
        self._enable()
        self.status_loaded.emit(st)

    def _show_identity(self, st) -> None:
        me = self.tr("Unit {code} · station {station}").format(code=st.unit_code, station=st.station)
        if st.fingerprint:
            me += " · " + self.tr("key {fingerprint}").format(fingerprint=st.fingerprint)
        up = st.upstream
        if up:
            office = self.tr("Upstream office: {name} ({code}), key {fingerprint}").format(
                name=up.get("name") or "", code=up.get("unit_code") or "", fingerprint=up.get("fingerprint") or "")
        else:
            office = self.tr("Upstream office: not trusted yet")
        self.identity_label.setText(f"{me}\n{office}")

    def _show_export(self, st) -> None:
        last = st.last_export
        if not last:
            self.export_tile.set(self.tr("Never exported"), self.tr("No sync file has been written on this desk yet."))
            return
        detail = self.tr("Bundle no. {seq}, changes {range}\n{file}").format(
            seq=last["seq"], range=_range(last["from"], last["to"]), file=last["file"])
        detail += "\n" + (self.tr("Acknowledged by the office") if last.get("status") == "acked"
                          else self.tr("Waiting for the office's acknowledgement"))
        self.export_tile.set(fmt_datetime(parse_time(last["at"])) or "–", detail)

    def _show_ack(self, st, now: datetime) -> None:
        days, _since = ack_wait(st, now)
        state = ("overdue" if days is not None and days > ACK_WARNING_DAYS
                 else "due_today" if days is not None and days > ACK_NOTICE_DAYS else "")
        if st.last_ack_at is None:
            self.ack_tile.set(self.tr("None yet"), self.tr("The office has not acknowledged any file yet."), state)
            return
        age = st.ack_age_days or 0  # below 0 only when this PC's clock was set back
        value = self.tr("Today") if age <= 0 else self.tr("{days} days ago").format(days=age)
        self.ack_tile.set(value, self.tr("At {time}: every change up to no. {n} received").format(
            time=fmt_datetime(st.last_ack_at), n=st.acked_through_change_id), state)

    def _enable(self) -> None:
        trusted = self.status is not None and self.status.upstream is not None
        self.export_button.setEnabled(not self._busy and (self.status is None or trusted))
        self.import_button.setEnabled(not self._busy)
        self.ack_code_button.setEnabled(not self._busy)
        self.ack_code_edit.setEnabled(not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._enable()

    def _show_result(self, body: str) -> None:
        self.result_browser.setHtml(body)

    def _show_failure(self, failure: Failed) -> None:
        self._show_result(f'<p style="color:{ERROR_COLOR}"><b>{_esc(failure.text)}</b></p>')
        self.failed.emit(failure.text)

    # ------------------------------------------------------------------ export

    def _on_export_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the USB drive or folder for the sync file"), _remembered_dir(self.ctx, "export_dir"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        _remember_dir(self.ctx, "export_dir", folder)
        db, data_dir, now, actor = self.ctx.db, self.ctx.data_dir, self.ctx.now(), self.ctx.actor
        self._set_busy(True)
        self.progress_label.setText(self.tr("Writing the sync file and reading it back… Do not remove the USB drive "
                                            "yet."))
        set_role(self.progress_label, "error")
        self.progress_label.show()
        self.ctx.tasks.run(catching(lambda: sync_service.export(db, data_dir, folder, now=now, actor=actor)),
                           self._on_exported, label=self.tr("Writing the sync file…"), parent=self, owner=self)

    def _on_exported(self, res) -> None:
        self._set_busy(False)
        if isinstance(res, Failed):
            self.progress_label.setText(self.tr("The sync file was NOT written completely. Export again."))
            set_role(self.progress_label, "error")
            self._show_failure(res)
            self.refresh()
            return
        files = [self.tr("{path} ({kb} KB): read back and verified").format(path=_esc(f.path), kb=f.bytes // 1024 + 1)
                 for f in res.files]
        body = "<p><b>" + _esc(self.tr(
            "Bundle no. {seq} written: changes {range} ({count} changes, everything since the last "
            "acknowledgement).").format(seq=res.seq, range=_range(res.from_change_id, res.to_change_id),
                                       count=res.count)) + "</b></p>" + _list(files)
        if not res.count:
            body += "<p>" + _esc(self.tr("No change since the last acknowledgement: the file only reports this "
                                         "desk's versions.")) + "</p>"
        done = self.tr("Every file was read back and verified: the USB drive may now be removed.")
        body += f'<p style="color:{OK_COLOR}"><b>{_esc(done)}</b></p>'
        body += "<p>" + _esc(self.tr("A copy stays on this computer until the office acknowledges it.")) + "</p>"
        self._show_result(body)
        self.progress_label.setText(done)
        set_role(self.progress_label, "ok")
        self.exported.emit(res)
        self.refresh()

    # ------------------------------------------------------------------ import

    def _on_import_clicked(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Choose the files from the upstream office"), _remembered_dir(self.ctx, "import_dir"),
            self.tr("Files from the office (*.{ack} *.{update});;All files (*)").format(ack=EXT_ACK, update=EXT_UPDATE))
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: list[Path]) -> None:
        _remember_dir(self.ctx, "import_dir", paths[0].parent)
        db, data_dir, now, actor = self.ctx.db, self.ctx.data_dir, self.ctx.now(), self.ctx.actor
        self._set_busy(True)
        self.ctx.tasks.run(catching(lambda: sync_service.import_files(db, data_dir, paths, now=now, actor=actor)),
                           self._on_imported, label=self.tr("Checking and importing…"), parent=self, owner=self)

    def _on_imported(self, rep) -> None:
        self._set_busy(False)
        if isinstance(rep, Failed):
            self._show_failure(rep)
            return
        applied = [f for f in rep.files if f.status == "applied"]
        head = (self.tr("Every file was checked and imported.") if rep.ok
                else self.tr("Some files were refused; nothing of them was applied."))
        color = OK_COLOR if rep.ok else ERROR_COLOR
        self._show_result(f'<p style="color:{color}"><b>{_esc(head)}</b></p>'
                          + _list([file_result_html(f) for f in rep.files]))
        if any(f.kind == "procedures" for f in applied):
            self.ctx.events.procedures_changed.emit()
        if any(f.kind == "calendar" for f in applied):
            self.ctx.events.calendar_changed.emit()
        for f in applied:
            for code in (f.detail or {}).get("applied", []) if f.kind == "results" else []:
                self.ctx.events.dossier_changed.emit(code)
        self.imported.emit(rep)
        self.refresh()

    # ------------------------------------------------------------------ the code read over the phone

    def _on_ack_code_clicked(self) -> None:
        if self._busy:
            return
        code = self.ack_code_edit.text().strip()
        self.code_errors.clear()
        if not code:
            self.code_errors.set("code", self.tr("Type the code the office reads over the phone"), focus=True)
            return
        db, data_dir, now, actor = self.ctx.db, self.ctx.data_dir, self.ctx.now(), self.ctx.actor
        self._set_busy(True)
        self.ctx.tasks.run(catching(lambda: sync_service.ack_code(db, data_dir, code, now=now, actor=actor)),
                           self._on_code_done, owner=self)

    def _on_code_done(self, res) -> None:
        self._set_busy(False)
        if isinstance(res, Failed):
            self.code_errors.set("code", res.text, focus=True)
            self.failed.emit(res.text)
            return
        self.ack_code_edit.clear()
        outcome = _tr(ACK_OUTCOMES.get(res.get("outcome"), ACK_OUTCOMES["advanced"])).format(
            n=res.get("applied_through", 0))
        accepted = self.tr("Code accepted.")
        self._show_result(f'<p style="color:{OK_COLOR}"><b>{_esc(accepted)}</b> {_esc(outcome)}</p>')
        self.code_accepted.emit(res)
        self.refresh()


# ----------------------------------------------------------------------------- the upstream office


class BoardColumn(IntEnum):
    UNIT = 0
    NAME = 1
    STATION = 2
    LAST_BUNDLE = 3
    DATA_AS_OF = 4
    GAPS = 5
    QUARANTINED = 6
    CHAIN = 7
    DOSSIERS = 8
    ATTENTION = 9


BOARD_HEADERS = {
    BoardColumn.UNIT: QT_TRANSLATE_NOOP("SyncPage", "Unit code"),
    BoardColumn.NAME: QT_TRANSLATE_NOOP("SyncPage", "Unit name"),
    BoardColumn.STATION: QT_TRANSLATE_NOOP("SyncPage", "Station"),
    BoardColumn.LAST_BUNDLE: QT_TRANSLATE_NOOP("SyncPage", "Last bundle"),
    BoardColumn.DATA_AS_OF: QT_TRANSLATE_NOOP("SyncPage", "Data as of"),
    BoardColumn.GAPS: QT_TRANSLATE_NOOP("SyncPage", "Gaps"),
    BoardColumn.QUARANTINED: QT_TRANSLATE_NOOP("SyncPage", "Quarantined"),
    BoardColumn.CHAIN: QT_TRANSLATE_NOOP("SyncPage", "Audit chain"),
    BoardColumn.DOSSIERS: QT_TRANSLATE_NOOP("SyncPage", "Dossiers"),
    BoardColumn.ATTENTION: QT_TRANSLATE_NOOP("SyncPage", "Needs attention"),
}
_CENTERED = (BoardColumn.STATION, BoardColumn.QUARANTINED, BoardColumn.DOSSIERS)
_SEVERITY_RANK = {RED: 2, AMBER: 1, "": 0}


def station_attention(b: sync_service.StationBoard, now: datetime | None) -> tuple[str, list[str]]:
    """(RED, AMBER or "", the reasons) for one row of the upstream board."""
    if b.status != "active":
        return "", [_tr(STATION_STATUS.get(b.status, b.status))]
    red, amber = [], []
    if b.held:
        red.append(_tr(QT_TRANSLATE_NOOP("SyncPage", "changes missing: {ranges} (later bundles held)")).format(
            ranges=", ".join(h["missing"].replace("..", "–") for h in b.held)))
    if b.chain_break:
        red.append(_tr(QT_TRANSLATE_NOOP("SyncPage", "the audit chain is broken")))
    if b.quarantined:
        amber.append(_tr(QT_TRANSLATE_NOOP("SyncPage", "{n} record(s) quarantined")).format(n=b.quarantined))
    if b.calendar_differs:
        amber.append(_tr(QT_TRANSLATE_NOOP("SyncPage", "uses a different calendar")))
    if b.last_bundle_at is None:
        amber.append(_tr(QT_TRANSLATE_NOOP("SyncPage", "no file received yet")))
    elif now is not None and (now - b.last_bundle_at).days > ACK_WARNING_DAYS:
        amber.append(_tr(QT_TRANSLATE_NOOP("SyncPage", "no file for {days} days")).format(
            days=(now - b.last_bundle_at).days))
    return (RED if red else AMBER if amber else ""), red + amber


class CommuneBoardTableModel(ReadOnlyTableModel):
    """The upstream office's board: one row per enrolled commune station."""

    def __init__(self, parent=None) -> None:
        super().__init__([BOARD_HEADERS[c] for c in BoardColumn], CTX, parent)
        self._attention: list[tuple[str, list[str]]] = []

    def set_rows(self, rows, now: datetime | None = None) -> None:
        rows = list(rows)
        self._attention = [station_attention(b, now) for b in rows]
        super().set_rows(rows)

    def attention(self, row: int) -> str:
        return self._attention[row][0] if 0 <= row < len(self._rows) else ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if self.record_at(index) is None:
            return None
        b = self._rows[index.row()]
        col = BoardColumn(index.column())
        severity, reasons = self._attention[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(b, col, reasons)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(b, col, reasons)
        if role == SORT_ROLE:
            return self._sort_key(b, col, severity)
        if role == Qt.ItemDataRole.BackgroundRole:
            color = OVERDUE_BG if severity == RED else DUE_TODAY_BG if severity == AMBER else None
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and b.status != "active":
            return QBrush(PAUSED_FG)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _CENTERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _text(b, col: BoardColumn, reasons: list[str]) -> str:
        if col == BoardColumn.UNIT:
            return b.unit_code
        if col == BoardColumn.NAME:
            return b.unit_name
        if col == BoardColumn.STATION:
            return str(b.station)
        if col == BoardColumn.LAST_BUNDLE:
            if b.last_bundle_at is None:
                return _tr(QT_TRANSLATE_NOOP("SyncPage", "none yet"))
            return _tr(QT_TRANSLATE_NOOP("SyncPage", "no. {seq} · {time}")).format(
                seq=b.last_seq, time=fmt_datetime(b.last_bundle_at))
        if col == BoardColumn.DATA_AS_OF:
            return fmt_datetime(parse_time(b.data_as_of)) or b.data_as_of
        if col == BoardColumn.GAPS:
            return ", ".join(h["missing"].replace("..", "–") for h in b.held)
        if col == BoardColumn.QUARANTINED:
            return str(b.quarantined)
        if col == BoardColumn.CHAIN:
            return (_tr(QT_TRANSLATE_NOOP("SyncPage", "BROKEN")) if b.chain_break
                    else _tr(QT_TRANSLATE_NOOP("SyncPage", "intact")))
        if col == BoardColumn.DOSSIERS:
            return str(b.dossiers)
        return "; ".join(reasons)

    @staticmethod
    def _tooltip(b, col: BoardColumn, reasons: list[str]) -> str:
        lines = [f"{b.unit_code} {b.unit_name}".strip()]
        lines += reasons
        if b.chain_break:
            lines.append(b.chain_break)
        for q in b.quarantine[:10]:
            lines.append(_tr(QT_TRANSLATE_NOOP("SyncPage", "change no. {n} {dossier}: {problem}")).format(
                n=q.get("change_id", ""), dossier=q.get("MaHoSo") or q.get("key", ""),
                problem=problem_text(q.get("code", ""))))
        if col == BoardColumn.DATA_AS_OF:
            lines.append(_tr(QT_TRANSLATE_NOOP("SyncPage", "By the commune computer's clock")))
        return "\n".join(lines)

    @staticmethod
    def _sort_key(b, col: BoardColumn, severity: str):
        if col == BoardColumn.STATION:
            return b.station
        if col == BoardColumn.LAST_BUNDLE:
            return b.last_bundle_at.isoformat() if b.last_bundle_at else ""
        if col == BoardColumn.DATA_AS_OF:
            return b.data_as_of or ""
        if col == BoardColumn.GAPS:
            return len(b.held)
        if col == BoardColumn.QUARANTINED:
            return b.quarantined
        if col == BoardColumn.CHAIN:
            return 1 if b.chain_break else 0
        if col == BoardColumn.DOSSIERS:
            return b.dossiers
        if col == BoardColumn.ATTENTION:
            return _SEVERITY_RANK[severity]
        return CommuneBoardTableModel._text(b, col, [])


class UpstreamSyncPage(QWidget):
    status_loaded = Signal(object)  # sync.UpstreamStatus
    imported = Signal(object)  # sync.ImportReport
    failed = Signal(str)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_page")
        self.ctx = ctx
        self.status: sync_service.UpstreamStatus | None = None
        self._busy = False
        self.ack_dir = Path(_remembered_dir(ctx, "ack_dir", sync_dir(ctx.data_dir, "acks")))

        self.identity_label = QLabel()
        self.identity_label.setObjectName("identity_label")
        self.identity_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.identity_label, "hint")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.updated_label = QLabel()
        self.updated_label.setObjectName("updated_label")
        set_role(self.updated_label, "hint")

        self.import_button = QPushButton(self.tr("Import the communes' files…"))
        self.import_button.setObjectName("import_button")
        self.import_button.setToolTip(self.tr("Several files at once, in any order; the same file twice is harmless"))
        self.import_button.clicked.connect(self._on_import_clicked)
        self.ack_dir_label = QLabel()
        self.ack_dir_label.setObjectName("ack_dir_label")
        self.ack_dir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_ack_dir_button = QPushButton(self.tr("Change folder…"))
        self.change_ack_dir_button.setObjectName("change_ack_dir_button")
        self.change_ack_dir_button.clicked.connect(self._on_change_ack_dir_clicked)
        self.open_ack_dir_button = QPushButton(self.tr("Open folder"))
        self.open_ack_dir_button.setObjectName("open_ack_dir_button")
        self.open_ack_dir_button.clicked.connect(self._on_open_ack_dir_clicked)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.clicked.connect(self.refresh)

        self.model = CommuneBoardTableModel(self)
        self.table_view = make_table_view("board_table_view", self.model, stretch=BoardColumn.ATTENTION)
        self.proxy = self.table_view.model()
        self.table_view.horizontalHeader().setSectionResizeMode(BoardColumn.NAME, QHeaderView.ResizeMode.Interactive)
        self.table_view.setColumnWidth(BoardColumn.NAME, 220)
        legend = QLabel(self.tr("Red: changes missing or the audit chain broken. Amber: records quarantined, another "
                                "calendar, or no file for more than {days} days. Point at a row for details.").format(
            days=ACK_WARNING_DAYS))
        legend.setWordWrap(True)
        set_role(legend, "hint")
        self.result_browser = _result_browser()
        self.result_browser.setPlaceholderText(self.tr("What the last import did appears here."))

        head = QHBoxLayout()
        head.addWidget(section_label(self.tr("Communes' sync files")))
        head.addWidget(self.identity_label, 1)
        head.addWidget(self.updated_label)
        actions = QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addSpacing(16)
        actions.addWidget(self.ack_dir_label, 1)
        actions.addWidget(self.change_ack_dir_button)
        actions.addWidget(self.open_ack_dir_button)
        actions.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(head)
        layout.addLayout(actions)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table_view, 3)
        layout.addWidget(legend)
        result_caption = section_label(self.tr("Result of the last import"))
        layout.addWidget(result_caption)
        layout.addWidget(self.result_browser, 2)
        self._show_ack_dir()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        db, now = self.ctx.db, self.ctx.now()
        self.ctx.tasks.run(catching(lambda: sync_service.status(db, now=now)),
                           lambda st: self._on_status_loaded(st, now), owner=self)

    def _on_status_loaded(self, st, now: datetime) -> None:
        if isinstance(st, Failed):
            self.summary_label.setText(st.text)
            set_role(self.summary_label, "error")
            self.failed.emit(st.text)
            return
        self.status = st
        self.identity_label.setText(self.tr("Upstream office {code} · key {fingerprint}").format(
            code=st.unit_code, fingerprint=st.fingerprint or "–"))
        self.model.set_rows(st.communes, now)
        attention = sum(1 for row in range(self.model.rowCount()) if self.model.attention(row))
        if not st.communes:
            text = self.tr("No commune station is enrolled yet (desk-app sync enroll FILE).")
        else:
            text = self.tr("{n} commune station(s); {k} need attention.").format(n=len(st.communes), k=attention)
        self.summary_label.setText(text)
        set_role(self.summary_label, "error" if attention else "")
        self.updated_label.setText(self.tr("Updated {time}").format(time=fmt_datetime(now)))
        self.status_loaded.emit(st)

    def _show_ack_dir(self) -> None:
        self.ack_dir_label.setText(self.tr("Acknowledgement files are written to: {folder}").format(
            folder=str(self.ack_dir)))

    def _on_open_ack_dir_clicked(self) -> None:
        try:
            self.ack_dir.mkdir(parents=True, exist_ok=True)  # the default folder exists after the first import
        except OSError:
            log.warning("cannot create the acknowledgement folder %s", self.ack_dir)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ack_dir)))

    def _on_change_ack_dir_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the acknowledgement files"),
                                                  str(self.ack_dir))
        if folder:
            self.ack_dir = Path(folder)
            _remember_dir(self.ctx, "ack_dir", self.ack_dir)
            self._show_ack_dir()

    def _on_import_clicked(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Choose the communes' sync files"), _remembered_dir(self.ctx, "import_dir"),
            self.tr("Communes' sync files (*.{ext});;All files (*)").format(ext=EXT_CHANGES))
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: list[Path]) -> None:
        _remember_dir(self.ctx, "import_dir", paths[0].parent)
        db, data_dir, now, actor, ack_dir = self.ctx.db, self.ctx.data_dir, self.ctx.now(), self.ctx.actor, self.ack_dir
        self._busy = True
        self.import_button.setEnabled(False)
        self.ctx.tasks.run(
            catching(lambda: sync_service.import_files(db, data_dir, paths, now=now, actor=actor, ack_dir=ack_dir)),
            self._on_imported, label=self.tr("Checking and importing…"), parent=self, owner=self)

    def _on_imported(self, rep) -> None:
        self._busy = False
        self.import_button.setEnabled(True)
        if isinstance(rep, Failed):
            self.result_browser.setHtml(f'<p style="color:{ERROR_COLOR}"><b>{_esc(rep.text)}</b></p>')
            self.failed.emit(rep.text)
            return
        head = (self.tr("Every file was checked and imported.") if rep.ok
                else self.tr("Some files were refused; nothing of them was applied."))
        color = OK_COLOR if rep.ok else ERROR_COLOR
        body = f'<p style="color:{color}"><b>{_esc(head)}</b></p>' + _list([file_result_html(f) for f in rep.files])
        if rep.acks:
            acks = []
            for a in rep.acks:
                said = (self.tr("{unit} station {station}: every change up to no. {n} applied") if a.applied_through
                        else self.tr("{unit} station {station}: no change applied yet"))
                line = _esc(said.format(unit=a.unit_code, station=a.station, n=a.applied_through))
                if a.gap:
                    line += "; " + _esc(self.tr("changes missing: the commune will send them again"))
                if a.problems:
                    line += "; " + _esc(self.tr("{n} change(s) need attention").format(n=a.problems))
                line += "<br>" + _esc(self.tr("File: {path}").format(path=a.path))
                code = _esc(self.tr("Code to read over the phone:"))
                line += f"<br>{code} <b><tt>{_esc(a.short_code)}</tt></b>"
                acks.append(line)
            body += "<p><b>" + _esc(self.tr("Acknowledgements written")) + "</b></p>" + _list(acks)
            body += "<p>" + _esc(self.tr(
                "Send each acknowledgement file back to its commune (USB drive or e-mail), or read its code over "
                "the phone.")) + "</p>"
        self.result_browser.setHtml(body)
        self.imported.emit(rep)
        self.refresh()


# ----------------------------------------------------------------------------- the main window's entry


def is_upstream_office(ctx: DeskContext) -> bool:
    unit = ctx.unit
    if unit is None:
        from desk_app.services import setup

        unit = ctx.tasks.call_db(lambda s: setup.get_unit(s, required=False))
    return bool(unit is not None and unit.is_upstream_office)


def make_sync_page(ctx: DeskContext, parent: QWidget | None = None) -> QWidget:
    """The commune's page or the upstream office's board, whichever this installation is."""
    return UpstreamSyncPage(ctx, parent) if is_upstream_office(ctx) else CommuneSyncPage(ctx, parent)
