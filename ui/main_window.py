"""The main window: composes the pages, the menus, the global shortcuts and the status bar.
It holds no business logic."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from desk_app import __version__
from desk_app.paths import logs_dir
from ui import i18n
from ui.context import DeskContext
from ui.labels import role_label
from ui.pages.intake_page import IntakePage

log = logging.getLogger(__name__)


def _dossier_page(ctx: DeskContext) -> QWidget:
    from ui.pages.dossier_page import DossierPage

    return DossierPage(ctx)


def _board_page(ctx: DeskContext) -> QWidget:
    from ui.pages.board_page import BoardPage

    return BoardPage(ctx)


def _report_page(ctx: DeskContext) -> QWidget:
    from ui.pages.report_page import ReportPage

    return ReportPage(ctx)


def _sync_page(ctx: DeskContext) -> QWidget:
    from ui.pages.sync_page import make_sync_page

    return make_sync_page(ctx)


def _settings_page(ctx: DeskContext) -> QWidget:
    from ui.pages.settings_page import SettingsPage

    return SettingsPage(ctx)


class PageHost(QWidget):
    """A tab's place: its page is built (and its module imported) the first time the tab is
    shown or the page is asked for, so the window opens with the intake page alone."""

    def __init__(self, name: str, build) -> None:
        super().__init__()
        self.setObjectName(f"{name}_host")
        self._build = build
        self.page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.page is None:
            self.page = self._build()
            self.layout().addWidget(self.page)
        return self.page


class MainWindow(QMainWindow):
    sign_out_requested = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.ctx = ctx
        self._title()

        self.intake_page = IntakePage(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.intake_page, self.tr("Intake (F2)"))
        self._hosts: dict[str, PageHost] = {}
        self._add_page("dossiers", self.tr("Dossiers (F3)"), _dossier_page)
        if ctx.can("supervisor"):
            self._add_page("board", self.tr("Board (F4)"), _board_page)
            self._add_page("reports", self.tr("Reports"), _report_page)
            # files to and from the upstream office; at the office itself, the per-commune board
            self._add_page("sync", self.tr("Sync"), _sync_page)
            self._add_page("settings", self.tr("Settings"), _settings_page)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._build_status_bar()

        self.intake_page.dossier_saved.connect(
            lambda rec: self.statusBar().showMessage(self.tr("Dossier {code} saved").format(code=rec.code), 10_000))
        ctx.events.dossier_requested.connect(self.open_dossier)
        ctx.events.unit_changed.connect(lambda _u: (self._title(), self._update_status()))
        self._restore_geometry()

    # ------------------------------------------------------------------ pages

    def _add_page(self, name: str, title: str, factory) -> None:
        host = PageHost(name, lambda: factory(self.ctx))
        self._hosts[name] = host
        self.tabs.addTab(host, title)

    def page(self, name: str) -> QWidget | None:
        """The page ``name`` (``dossiers``, ``board``, ``reports``, ``sync``, ``settings``),
        built now if it was not yet; None if this account's role has no such page."""
        host = self._hosts.get(name)
        return host.ensure() if host is not None else None

    def tab_index(self, name: str) -> int:
        host = self._hosts.get(name)
        return self.tabs.indexOf(host) if host is not None else -1

    def current_page(self) -> QWidget | None:
        widget = self.tabs.currentWidget()
        return widget.ensure() if isinstance(widget, PageHost) else widget

    def _on_tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, PageHost) and widget.page is None:
            widget.ensure().show()

    @property
    def dossier_page(self):
        return self.page("dossiers")

    @property
    def board_page(self):
        return self.page("board")

    @property
    def report_page(self):
        return self.page("reports")

    @property
    def sync_page(self):
        return self.page("sync")

    @property
    def settings_page(self):
        return self.page("settings")

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
        self.board_action.setEnabled("board" in self._hosts)
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
        page = self.dossier_page
        self.tabs.setCurrentIndex(self.tab_index("dossiers"))
        page.focus_search()

    def show_board(self) -> None:
        if "board" in self._hosts:
            self.tabs.setCurrentIndex(self.tab_index("board"))

    def open_dossier(self, code: str) -> None:
        page = self.dossier_page
        self.tabs.setCurrentIndex(self.tab_index("dossiers"))
        page.open_code(code)

    def refresh_current(self) -> None:
        page = self.current_page()
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
