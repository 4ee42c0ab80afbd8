"""Start the window: ``run(ctx) -> int`` (called by ``desk-app gui``).

Order: Qt's log into ours, the language (Vietnamese unless English was chosen), one instance
per data folder, the crash hooks, the database, then first run (admin account, unit identity,
sample procedures) or sign-in, then the main window.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desk_app import __version__
from desk_app.errors import StorageError, UserError
from desk_app.paths import logs_dir, resource_path
from ui import i18n, support
from ui.crash import CrashHandler
from ui.style import STYLE_SHEET

if TYPE_CHECKING:
    from ui.context import DeskContext

# The database layer (SQLAlchemy, the models, the services) is imported after the first
# window is on screen: it is most of the start-up time on a modest PC.

log = logging.getLogger(__name__)

EXIT_ALREADY_RUNNING = 1
EXIT_STORAGE = 3
#: The ORM starts loading this long after the first dialog is up (not before it is painted).
PRELOAD_DELAY_MS = 100


def tell(kind: str, title: str, text: str) -> None:
    """A message box before or outside the main window (tests replace this)."""
    box = {"critical": QMessageBox.critical, "warning": QMessageBox.warning}.get(kind, QMessageBox.information)
    box(None, title, text)


def make_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "desk-app"])
    app.setApplicationName("Một Cửa Desk")
    app.setOrganizationName("MotCua")
    app.setApplicationVersion(__version__)
    app.setStyleSheet(STYLE_SHEET)
    icon = resource_path("icons", "desk-app.svg")
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app


class DeskApp(QObject):
    """The session: first run or sign-in, the main window, sign-out and back."""

    def __init__(self, app: QApplication, desk: DeskContext) -> None:
        super().__init__()
        self.app = app
        self.desk = desk
        self.window = None

    def start(self) -> bool:
        desk = self.desk
        if desk.light is not None and not getattr(desk.db, "loaded", True):
            from desk_app.services import startup

            # two small reads without the ORM: the sign-in dialog comes at once, and the ORM
            # loads on the worker while the clerk types the password
            has_users, unit = startup.has_users(desk.light), startup.read_unit(desk.light)
            QTimer.singleShot(PRELOAD_DELAY_MS, self._preload_database)
        else:
            from desk_app.services import setup, users

            has_users, unit = desk.tasks.call_db(lambda s: (users.has_users(s), setup.get_unit(s, required=False)))
        desk.unit = unit
        import_sample = False
        if not has_users:
            from ui.dialogs.first_run_dialog import FirstRunDialog

            dlg = FirstRunDialog(desk)
            if dlg.exec() != QDialog.DialogCode.Accepted or dlg.user is None:
                return False
            desk.user = dlg.user
            import_sample = dlg.import_sample
        elif not self.sign_in():
            return False
        if desk.unit is None:
            if not desk.can("admin"):
                tell("warning", self.tr("Một Cửa Desk"),
                     self.tr("This desk is not set up yet. An administrator must sign in first and enter the unit."))
                return False
            from ui.dialogs.unit_setup_dialog import UnitSetupDialog

            dlg = UnitSetupDialog(desk)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return False
        if import_sample:
            self.import_sample()
        self.show_main()
        return True

    def _preload_database(self) -> None:
        db = self.desk.db
        if not getattr(db, "loaded", True):
            self.desk.tasks.run(db.get)

    def import_sample(self) -> None:
        from desk_app.services import catalog, users
        from ui.messages import user_error_text

        path = resource_path("samples", "procedures_sample.json")
        now, actor = self.desk.now(), self.desk.actor

        def work(s):
            users.require_privilege(s, actor, "catalog.import")
            return catalog.import_file(s, path, now=now, actor=actor)

        try:
            self.desk.tasks.call_db(work, write=True)
        except UserError as exc:
            tell("warning", self.tr("Sample procedure set"), user_error_text(exc).text)

    def sign_in(self) -> bool:
        from ui.dialogs.login_dialog import LoginDialog

        dlg = LoginDialog(self.desk)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.user is None:
            return False
        self.desk.user = dlg.user
        log.info("signed in: %s (%s)", dlg.user.username, dlg.user.role)
        return True

    def show_main(self) -> None:
        from ui.main_window import MainWindow

        self.window = MainWindow(self.desk)
        self.window.sign_out_requested.connect(self._on_sign_out_requested)
        self.window.installEventFilter(self)
        screen = self.app.primaryScreen()
        if screen is not None and screen.availableGeometry().width() <= 1440:
            self.window.showMaximized()
        else:
            self.window.show()
        self.window.intake_page.focus_start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        from PySide6.QtCore import QEvent

        if obj is self.window and event.type() == QEvent.Type.Close and not getattr(self, "_signing_out", False):
            self.app.quit()
        return False

    def _on_sign_out_requested(self) -> None:
        old = self.window
        self._signing_out = True
        old.close()
        old.deleteLater()
        self.window = None
        self._signing_out = False
        log.info("signed out: %s", self.desk.actor)
        self.desk.user = None
        if self.sign_in():
            self.show_main()
        else:
            self.app.quit()


def _show_splash(app: QApplication):
    """A first window within a few tens of milliseconds of Qt's start, while the database
    layer loads: the app's icon and name, frameless. (QSplashScreen waits for the window to
    be exposed, up to a second on some platforms.)"""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QLabel

    splash = QLabel()
    splash.setObjectName("splash_label")
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    pixmap = QPixmap(str(resource_path("icons", "deskapp.png")))
    if not pixmap.isNull():
        splash.setPixmap(pixmap)
    else:
        splash.setText("Một Cửa Desk")
    splash.show()
    app.processEvents()
    return splash


def _open_orm(ctx):
    """The ORM database (migrated) and the day's first backup: at start, or on the worker."""
    from desk_app.maintenance import daily_backup

    database = ctx.db
    daily_backup(database, ctx.data_dir)  # once a day, before the day's first dossier
    return database


def _light_reader(ctx):
    """The ``sqlite3`` reader for the first dialog and page, or None: another database
    (``--db-url``), or a file that does not exist yet or needs an upgrade, takes the ORM path
    at once (behind the splash)."""
    if getattr(ctx.args, "db_url", None):
        return None
    from db.light import LightReader

    return LightReader.open(ctx.data_dir)


def run(ctx) -> int:
    """The window over ``ctx`` (``desk_app.cli.Context``: data folder, database, clock)."""
    app = make_application()
    light = _light_reader(ctx)
    splash = _show_splash(app) if light is None else None
    from db.light import DeferredDatabase
    from ui.context import DeskContext
    from ui.messages import storage_error_text
    from ui.taskman import TaskManager

    app.setQuitOnLastWindowClosed(False)  # the session decides when to quit (sign-out shows a dialog)
    support.install_qt_message_handler()
    lang = i18n.install(app, i18n.chosen_language(ctx.data_dir))
    log.info("window starting (language %s, %s)", lang, "light start" if light is not None else "full start")

    lock = support.acquire_instance_lock(ctx.data_dir)
    if lock is None:
        if light is not None:
            light.close()
        tell("warning", app.translate("App", "Một Cửa Desk"),
             app.translate("App", "Một Cửa Desk is already running with this data folder:\n{folder}\n\n"
                                  "Use the window that is already open (look in the taskbar). Two windows must "
                                  "never hand out dossier numbers at the same time.").format(folder=str(ctx.data_dir)))
        return EXIT_ALREADY_RUNNING

    crash = CrashHandler(logs_dir(ctx.data_dir))
    crash.install()
    tasks = None
    try:
        if light is not None:
            database = DeferredDatabase(lambda: _open_orm(ctx))
        else:
            try:
                database = _open_orm(ctx)
            except StorageError as exc:
                log.error("cannot open the database: %s", exc)
                tell("critical", app.translate("App", "Một Cửa Desk"), storage_error_text(exc))
                return EXIT_STORAGE
        tasks = TaskManager(database)
        tasks.bug_handler = crash.report
        desk = DeskContext(db=database, tasks=tasks, clock=ctx.clock, data_dir=ctx.data_dir, light=light)
        session = DeskApp(app, desk)
        if splash is not None:
            splash.close()
        try:
            started = session.start()
        except StorageError as exc:
            tell("critical", app.translate("App", "Một Cửa Desk"), storage_error_text(exc))
            return EXIT_STORAGE
        if not started:
            return 0
        return app.exec()
    finally:
        if tasks is not None:
            tasks.shutdown()
        if light is not None:
            light.close()
        crash.uninstall()
        lock.unlock()
        if splash is not None:
            splash.close()
