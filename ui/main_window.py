"""The main window: composes the pages, the menus, the global shortcuts and the status bar.
It holds no business logic."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from desk_app import __version__
from desk_app.paths import logs_dir
from ui import i18n
from ui.context import DeskContext
from ui.labels import role_label
from ui.pages.board_page import BoardPage
from ui.pages.dossier_page import DossierPage
from ui.pages.intake_page import IntakePage
from ui.pages.settings_page import SettingsPage
from ui.pages.sync_page import make_sync_page

log = logging.getLogger(__name__)


def _report_page(ctx: DeskContext) -> QWidget | None:
    """The periodic report page (``ui/pages/report_page.py``, written with the reports
    service), if it loads; the desk works without it."""
    try:
        from ui.pages.report_page import ReportPage
    except ImportError as exc:
        log.warning("the report page is not available: %s", exc)
        return None
    return ReportPage(ctx)


class MainWindow(QMainWindow):
    sign_out_requested = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.ctx = ctx
        self._title()

        self.intake_page = IntakePage(ctx)
        self.dossier_page = DossierPage(ctx)
        self.board_page = BoardPage(ctx) if ctx.can("supervisor") else None
        self.settings_page = SettingsPage(ctx) if ctx.can("supervisor") else None
        self.report_page = _report_page(ctx) if ctx.can("supervisor") else None
        # files to and from the upstream office; at the office itself, the per-commune board
        self.sync_page = make_sync_page(ctx) if ctx.can("supervisor") else None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.intake_page, self.tr("Intake (F2)"))
        self.tabs.addTab(self.dossier_page, self.tr("Dossiers (F3)"))
        if self.board_page is not None:
            self.tabs.addTab(self.board_page, self.tr("Board (F4)"))
        if self.report_page is not None:
            self.tabs.addTab(self.report_page, self.tr("Reports"))
        if self.sync_page is not None:
            self.tabs.addTab(self.sync_page, self.tr("Sync"))
        if self.settings_page is not None:
            self.tabs.addTab(self.settings_page, self.tr("Settings"))
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._build_status_bar()

        self.intake_page.dossier_saved.connect(
            lambda rec: self.statusBar().showMessage(self.tr("Dossier {code} saved").format(code=rec.code), 10_000))
        ctx.events.dossier_requested.connect(self.open_dossier)
        ctx.events.unit_changed.connect(lambda _u: (self._title(), self._update_status()))
        self._restore_geometry()

    # ------------------------------------------------------------------ building

    def _title(self) -> None:
        unit = self.ctx.unit.name if self.ctx.unit else ""
        self.setWindowTitle(self.tr("Một Cửa Desk — {unit}").format(unit=unit) if unit else self.tr("Một Cửa Desk"))

    def _action(self, text: str, name: str, shortcuts=(), slot=None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        desk = bar.addMenu(self.tr("&Desk"))
        self.intake_action = self._action(self.tr("New &intake"), "intake_action", ("F2", "Ctrl+N"), self.show_intake)
        self.search_action = self._action(self.tr("&Find a dossier"), "search_action", ("F3", "Ctrl+F"), self.focus_search)
        self.board_action = self._action(self.tr("&Board"), "board_action", ("F4",), self.show_board)
        self.refresh_action = self._action(self.tr("&Refresh"), "refresh_action", ("F5",), self.refresh_current)
        self.sign_out_action = self._action(self.tr("Sign &out"), "sign_out_action", (), self.sign_out_requested.emit)
        self.quit_action = self._action(self.tr("&Quit"), "quit_action", ("Ctrl+Q",), self.close)
        self.board_action.setEnabled(self.board_page is not None)
        for a in (self.intake_action, self.search_action, self.board_action, self.refresh_action):
            desk.addAction(a)
        desk.addSeparator()
        desk.addAction(self.sign_out_action)
        desk.addAction(self.quit_action)

        view = bar.addMenu(self.tr("&View"))
        lang_menu = view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = i18n.chosen_language(self.ctx.data_dir)
        for code, label in (("vi", "Tiếng Việt"), ("en", "English")):
            a = QAction(label, self)
            a.setObjectName(f"language_{code}_action")
            a.setCheckable(True)
            a.setChecked(code == current)
            a.triggered.connect(lambda _=False, c=code: self._on_language_chosen(c))
            group.addAction(a)
            lang_menu.addAction(a)

        helpm = bar.addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("&About"), "about_action", (), self._on_about)
        helpm.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel()
        self.user_label.setObjectName("user_label")
        self.unit_label = QLabel()
        self.unit_label.setObjectName("unit_label")
        self.statusBar().addPermanentWidget(self.unit_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self._update_status()

    def _update_status(self) -> None:
        user = self.ctx.user
        if user is not None:
            self.user_label.setText(self.tr("{name} ({role})").format(name=user.full_name or user.username,
                                                                       role=role_label(user.role)))
        unit = self.ctx.unit
        if unit is not None:
            self.unit_label.setText(self.tr("{code} · station {station}").format(code=unit.code, station=unit.station))

    # ------------------------------------------------------------------ navigation

    def show_intake(self) -> None:
        self.tabs.setCurrentWidget(self.intake_page)
        self.intake_page.focus_start()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.dossier_page)
        self.dossier_page.focus_search()

    def show_board(self) -> None:
        if self.board_page is not None:
            self.tabs.setCurrentWidget(self.board_page)

    def open_dossier(self, code: str) -> None:
        self.tabs.setCurrentWidget(self.dossier_page)
        self.dossier_page.open_code(code)

    def refresh_current(self) -> None:
        page = self.tabs.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()
        elif hasattr(page, "reload"):
            page.reload()

    def _on_language_chosen(self, code: str) -> None:
        i18n.save_language(self.ctx.data_dir, code)
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The language will change the next time the program starts."))

    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About Một Cửa Desk"), self.tr(
            "Một Cửa Desk {version}\nData folder: {data}\nLog files: {logs}").format(
            version=__version__, data=str(self.ctx.data_dir), logs=str(logs_dir(self.ctx.data_dir))))

    # ------------------------------------------------------------------ geometry

    def _restore_geometry(self) -> None:
        geometry = i18n.settings(self.ctx.data_dir).value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        s = i18n.settings(self.ctx.data_dir)
        s.setValue("main_window/geometry", self.saveGeometry())
        s.sync()
        super().closeEvent(event)
