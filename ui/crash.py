"""The crash dialog: a bug gets a report the clerk can copy or save (these PCs are offline).

``sys.excepthook`` and ``threading.excepthook`` may run on any thread; they only format the
report and emit a signal, which Qt queues to the GUI thread, where the dialog is shown
(Electrum's ``exception_window.py`` does the same). Expected failures are not bugs:
``UserError`` and ``StorageError`` reaching the hook get a plain message instead.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app import __version__ as app_version
from desk_app.errors import StorageError, UserError
from ui.messages import storage_error_text, user_error_text

log = logging.getLogger(__name__)


def build_report(exc_type, exc, tb) -> str:
    lines = [
        f"Một Cửa Desk {app_version}",
        f"Time: {datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} ({sys.platform}), PySide6 {pyside_version}, {platform.platform()}",
        f"Thread: {threading.current_thread().name}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    def __init__(self, report: str, save_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.report = report
        self._save_dir = save_dir
        self.setWindowTitle(self.tr("Một Cửa Desk: unexpected error"))
        self.resize(720, 460)
        intro = QLabel(
            self.tr(
                "Something went wrong inside the program. What you saved before is safe.\n"
                "Copy or save this report and give it to the support staff."
            )
        )
        intro.setWordWrap(True)
        self.report_edit = QPlainTextEdit(report)
        self.report_edit.setObjectName("report_edit")
        self.report_edit.setReadOnly(True)
        self.report_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy_button = QPushButton(self.tr("&Copy report"))
        self.copy_button.setObjectName("copy_button")
        self.save_button = QPushButton(self.tr("&Save report…"))
        self.save_button.setObjectName("save_button")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close_button")
        self.close_button.setDefault(True)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report_edit, 1)
        layout.addLayout(buttons)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Copied"))

    def default_save_path(self) -> Path:
        folder = self._save_dir or Path.home()
        return folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.txt"

    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), str(self.default_save_path()), self.tr("Text files (*.txt)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.report, encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save report"), self.tr("Cannot write {path}: {error}").format(
                path=str(path), error=exc.strerror or str(exc)))


class CrashHandler(QObject):
    """Installs the hooks; shows one dialog at a time on the GUI thread."""

    crashed = Signal(str)  # the report text (emitted from any thread, queued to the GUI)
    expected_error = Signal(object)

    def __init__(self, save_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save_dir = save_dir
        self._showing = False
        self.dialogs: list[CrashDialog] = []
        self.show_dialogs = True
        self.crashed.connect(self._on_crashed, Qt.ConnectionType.QueuedConnection)
        self.expected_error.connect(self._on_expected_error, Qt.ConnectionType.QueuedConnection)
        self._old_hooks = None

    def install(self) -> None:
        self._old_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = lambda args: self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        if self._old_hooks is not None:
            sys.excepthook, threading.excepthook = self._old_hooks
            self._old_hooks = None

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            return
        if isinstance(exc, (UserError, StorageError)):
            self.expected_error.emit(exc)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        self.crashed.emit(build_report(exc_type, exc, tb))

    def report(self, exc: BaseException) -> None:
        self.excepthook(type(exc), exc, exc.__traceback__)

    def _on_expected_error(self, exc) -> None:
        if isinstance(exc, StorageError):
            QMessageBox.critical(None, self.tr("Storage problem"), storage_error_text(exc))
        else:
            QMessageBox.warning(None, self.tr("Cannot do this"), user_error_text(exc).text)

    def _on_crashed(self, report: str) -> None:
        if self._showing:  # one dialog at a time; later reports go to the log only
            return
        dlg = CrashDialog(report, self._save_dir)
        self.dialogs.append(dlg)
        if not self.show_dialogs:
            return
        self._showing = True
        try:
            dlg.exec()
        finally:
            self._showing = False
