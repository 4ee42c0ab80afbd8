"""``desk-app --smoke-test``: prove that an installation (above all the frozen PyInstaller
build) works end to end, on a throw-away data folder.

Steps, one line each on stdout (``smoke: <step> ok (<seconds>)``):

1. ``resources``  the bundled fonts (and licence), sample set, Excel template, translations
2. ``database``   create the database and run every Alembic migration up to head
3. ``unit``       set up the unit identity and station
4. ``account``    create the first admin (Argon2 hashing)
5. ``catalog``    import the bundled sample procedure set; read the Excel template
6. ``calendar``   Vietnamese holiday names from ``holidays`` (and its translations)
7. ``receive``    receive a dossier (code, working-day appointment)
8. ``receipt``    render the receipt PDF with its barcodes (reportlab, fonts, python-barcode)
9. ``window``     open the main window as the admin, the way ``ui.app`` does after sign-in
                  (offscreen unless ``QT_QPA_PLATFORM`` says otherwise), wait for its first
                  loads, check every bundled icon renders (SVG needs Qt's SVG plugins), close it

Any failure prints ``smoke: FAILED at <step>: <error>`` (an unexpected error also its
traceback, on stderr) and the exit status is 1. Nothing here imports Qt at module level (``tests/test_layers.py``); the
window step imports ``ui`` inside the function.

The data folder is a new temporary one (removed afterwards) unless one is given. A given
folder must be empty or hold no dossiers, because the test receives a dossier; the
measurement script (``packaging/measure.py``) sets ``DESK_APP_SMOKE_ALLOW_EXISTING=1`` for its
synthetic 300,000-dossier database.

``run_window_probe`` holds the start-up and memory probes of ``packaging/measure.py``
(``--probe first-window|window|idle`` on a set-up data folder; see its docstring).

Entry points: ``python -m ui.smoke [--data-dir DIR] [--probe MODE]``; the frozen build's
``DeskApp-debug --smoke-test …`` (``packaging/deskapp_entry.py``); and, once the command line
has the flag, ``desk-app --smoke-test [--data-dir DIR]``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

SMOKE_UNIT_CODE = "000.00.00.SMOKE"
SMOKE_ADMIN = "smoke-admin"
SMOKE_PASSWORD = "smoke-test-password-1"
#: The window step waits at most this long for the pages' first database loads.
WINDOW_TIMEOUT_S = 60.0
#: The idle probe lets the window settle this long after its loads before reading memory.
IDLE_SETTLE_S = 3.0


class SmokeFailure(Exception):
    """A check of the smoke test did not hold (as opposed to a crash inside a step)."""


def _check(condition: Any, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def _say(line: str) -> None:
    # A windowed exe (DeskApp.exe) has no stdout: print() then does nothing, which is fine.
    print(line, flush=True)


# ----------------------------------------------------------------------------- memory


def _win_memory_counters():
    """GetProcessMemoryInfo for this process (Windows), or None."""
    import ctypes
    from ctypes import wintypes

    class PROCESS_MEMORY_COUNTERS(ctypes.Structure):  # noqa: N801 (Win32 name)
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = PROCESS_MEMORY_COUNTERS()
    counters.cb = ctypes.sizeof(counters)
    psapi = ctypes.WinDLL("psapi")
    kernel32 = ctypes.WinDLL("kernel32")
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    psapi.GetProcessMemoryInfo.argtypes = [wintypes.HANDLE, ctypes.c_void_p, wintypes.DWORD]
    if psapi.GetProcessMemoryInfo(kernel32.GetCurrentProcess(), ctypes.byref(counters), counters.cb):
        return counters
    return None


def rss_mb() -> float | None:
    """This process's resident memory (working set on Windows) in MB, or None if unknown."""
    if sys.platform.startswith("linux"):
        with suppress(OSError, ValueError):
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    if sys.platform == "win32":
        counters = _win_memory_counters()
        if counters is not None:
            return counters.WorkingSetSize / (1024 * 1024)
    with suppress(ImportError):
        import psutil  # type: ignore[import-not-found]

        return psutil.Process().memory_info().rss / (1024 * 1024)
    return None


def peak_rss_mb() -> float | None:
    """This process's peak resident memory (peak working set on Windows) in MB, if known."""
    if sys.platform.startswith("linux"):
        with suppress(OSError, ValueError):
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    if sys.platform == "win32":
        counters = _win_memory_counters()
        return counters.PeakWorkingSetSize / (1024 * 1024) if counters is not None else None
    return None


# ----------------------------------------------------------------------------- the steps


class _Smoke:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.now = None  # set by the unit step (the desk clock, real time)
        self.db = None
        self.unit = None
        self.admin = None
        self.dossier = None

    # 1
    def resources(self) -> str:
        from desk_app.paths import resource_path

        needed = [
            ("fonts", "DejaVuSerifCondensed.ttf"),
            ("fonts", "DejaVuSerifCondensed-Bold.ttf"),
            ("fonts", "DejaVuSerifCondensed-Italic.ttf"),
            ("fonts", "LICENSE-DejaVu.txt"),
            ("samples", "procedures_sample.json"),
            ("procedure_set_template.xlsx",),
            ("i18n", "desk_vi.ts"),
        ]
        missing = [str(resource_path(*p)) for p in needed if not resource_path(*p).is_file()]
        _check(not missing, f"missing resources: {', '.join(missing)}")
        return str(resource_path())

    # 2
    def database(self) -> str:
        from db.engine import current_revision, open_database, schema_revisions

        self.db = open_database(self.folder)
        head, _known = schema_revisions()
        current = current_revision(self.db.engine)
        _check(current == head, f"database at revision {current}, expected head {head}")
        return f"revision {head}"

    # 3
    def unit_step(self) -> str:
        from desk_app.clock import Clock
        from desk_app.services import setup

        self.now = Clock().now()
        with self.db.session() as s:
            unit = setup.get_unit(s, required=False)
            if unit is None:
                unit = setup.init_unit(
                    s, unit_code=SMOKE_UNIT_CODE, unit_name="Bộ phận Một cửa UBND xã Kiểm Thử",
                    parent_name="UBND xã Kiểm Thử", upstream_name="UBND tỉnh", place="Kiểm Thử",
                    station=1, now=self.now, actor="smoke",
                )
        self.unit = unit
        return f"{unit.code} station {unit.station}"

    # 4
    def account(self) -> str:
        from desk_app.services import users

        with self.db.session() as s:
            if not users.has_users(s):
                users.create_first_admin(s, SMOKE_ADMIN, "Kiểm thử cài đặt", SMOKE_PASSWORD, now=self.now)
                result = users.authenticate(s, SMOKE_ADMIN, SMOKE_PASSWORD, now=self.now)
                _check(result.ok, f"the new admin could not sign in: {result.reason}")
            admins = [u for u in users.list_users(s) if u.active and u.can("admin")]
        _check(admins, "no active admin account")
        self.admin = admins[0]
        return self.admin.username

    # 5
    def catalog_step(self) -> str:
        from desk_app.paths import resource_path
        from desk_app.services import catalog

        with self.db.session() as s:
            summary = catalog.import_file(s, resource_path("samples", "procedures_sample.json"),
                                          now=self.now, actor=self.admin.username)
        with self.db.session(write=False) as s:
            procs = catalog.list_procedures(s)
        _check(procs, "no procedure after importing the sample set")
        set_info, rows, _converted, _content = catalog.parse_file(resource_path("procedure_set_template.xlsx"))
        _check(rows, "the Excel template holds no procedure")
        return f"{len(procs)} procedures (sample set {summary.to_dict().get('set')}); template: {len(rows)} rows"

    # 6
    def calendar(self) -> str:
        import holidays

        year = self.now.year
        vi = holidays.country_holidays("VN", years=year, language="vi")
        en = holidays.country_holidays("VN", years=year, language="en_US")
        _check(any("Tết" in name for name in vi.values()), f"no 'Tết' among the {len(vi)} Vietnamese holiday names")
        _check(any("Tết" not in name for name in en.values()) and set(vi.values()) != set(en.values()),
               "the holiday names are not translated (holidays' locale files are missing)")
        return f"{len(vi)} holidays in {year}"

    # 7
    def receive(self) -> str:
        from desk_app.services import catalog, dossiers

        with self.db.session(write=False) as s:
            proc = catalog.list_procedures(s)[0]
        intake = dossiers.Intake(
            procedure_code=proc.code,
            applicant=dossiers.Person(name="Nguyễn Văn Kiểm", id_number="001099012345", phone="0912345678"),
        )
        with self.db.session() as s:
            self.dossier = dossiers.receive(s, intake, now=self.now, actor=self.admin.username)
        rec = self.dossier
        _check(rec.code.startswith(self.unit.code), f"dossier code {rec.code} does not carry the unit code")
        return f"{rec.code}, appointment {rec.due_at.isoformat(timespec='minutes') if rec.due_at else 'none'}"

    # 8
    def receipt(self) -> str:
        from desk_app.services.printing import print_form

        out = self.folder / "prints" / "smoke-receipt.pdf"
        out.parent.mkdir(parents=True, exist_ok=True)
        with self.db.session() as s:
            res = print_form(s, "receipt", self.dossier.code, out, now=self.now, actor=self.admin.username)
        data = Path(res.path).read_bytes()
        _check(data.startswith(b"%PDF-") and len(data) > 2000, f"{res.path} is not a PDF ({len(data)} bytes)")
        _check(b"DejaVuSerif" in data, "the receipt does not embed the bundled DejaVu font")
        return f"{res.pages} page(s), {len(data) // 1024} KB"

    # 9
    def window(self) -> str:
        opened = open_main_window(self.db, self.folder, self.admin, self.unit)
        try:
            loaded = opened.wait_idle(WINDOW_TIMEOUT_S)
            _check(loaded, f"the window's first loads did not finish within {WINDOW_TIMEOUT_S:.0f} s")
            opened.process_events(0.3)
            desc = opened.describe()
        finally:
            opened.close()
        return desc


# ----------------------------------------------------------------------------- the window


class _OpenWindow:
    """The main window shown over an opened database (Qt imported lazily)."""

    def __init__(self, app, window, tasks) -> None:
        self.app = app
        self.window = window
        self.tasks = tasks
        self.bugs: list[BaseException] = []

    def process_events(self, seconds: float) -> None:
        from PySide6.QtCore import QEventLoop

        end = time.monotonic() + seconds
        while True:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if time.monotonic() >= end:
                break
            time.sleep(0.01)

    def wait_idle(self, timeout: float) -> bool:
        end = time.monotonic() + timeout
        self.process_events(0.05)
        while time.monotonic() < end:
            if self.bugs:
                raise self.bugs[0]
            idle = getattr(self.tasks, "is_idle", None)
            if idle is None or idle():
                return True
            self.process_events(0.05)
        return False

    def describe(self) -> str:
        w = self.window
        _check(w.isVisible(), "the main window is not visible")
        parts = [f"'{w.windowTitle()}'", f"platform {self.app.platformName()}"]
        tabs = getattr(w, "tabs", None)
        if tabs is not None:
            _check(tabs.count() > 0, "the main window has no pages")
            parts.append(f"{tabs.count()} pages")
        picker = getattr(getattr(w, "intake_page", None), "picker", None)
        model = getattr(picker, "model", None)
        if model is not None and hasattr(model, "rowCount"):
            count = model.rowCount()
            _check(count > 0, "the intake page lists no procedure")
            parts.append(f"{count} procedures in the picker")
        # icons: every bundled SVG/PNG/ICO icon must render (the SVG ones need Qt's SVG plugins)
        from PySide6.QtGui import QIcon

        from desk_app.paths import resource_path

        icons = [p for p in sorted(resource_path("icons").glob("*")) if p.suffix.lower() in (".svg", ".png", ".ico")]
        broken = [p.name for p in icons if QIcon(str(p)).pixmap(32, 32).isNull()]
        _check(not broken, f"icons that do not render: {', '.join(broken)}")
        parts.append(f"{len(icons)} icons render" + ("" if not self.app.windowIcon().isNull() else ", no window icon set"))
        if self.bugs:
            raise self.bugs[0]
        return ", ".join(parts)

    def visit_pages(self, timeout: float) -> int:
        """Show each page of the main window in turn (each loads its data when shown), wait for
        its loads, and come back to the first. The number of pages visited."""
        tabs = getattr(self.window, "tabs", None)
        if tabs is None:
            return 0
        first = tabs.currentIndex()
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            _check(self.wait_idle(timeout), f"page {i} did not finish loading within {timeout:.0f} s")
            self.process_events(0.2)
        tabs.setCurrentIndex(first)
        return tabs.count()

    def close(self) -> None:
        with suppress(Exception):
            self.window.close()
            self.window.deleteLater()
        shutdown = getattr(self.tasks, "shutdown", None)
        if shutdown is not None:
            shutdown()
        with suppress(Exception):
            self.process_events(0.05)


def open_main_window(db, folder: Path, user, unit) -> _OpenWindow:
    """Build and show the main window as ``user`` the way ``ui.app`` does after sign-in.

    Offscreen unless ``QT_QPA_PLATFORM`` is set: the smoke test must run on a build machine
    without a display (and on a Windows runner without a visible desktop)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desk_app.clock import Clock
    from ui.app import make_application
    from ui.context import DeskContext
    from ui.main_window import MainWindow
    from ui.taskman import TaskManager

    app = make_application()
    try:
        from ui import i18n

        i18n.install(app, i18n.chosen_language(folder))
    except (ImportError, AttributeError):  # the window works untranslated; say so
        _say("smoke: note: translations not installed (ui.i18n.install unavailable)")
    tasks = TaskManager(db)
    bugs: list[BaseException] = []
    if hasattr(tasks, "bug_handler"):
        tasks.bug_handler = bugs.append  # a bug in a background task fails the test
    desk = DeskContext(db=db, tasks=tasks, clock=Clock(), data_dir=folder, user=user, unit=unit)
    window = MainWindow(desk)
    window.show()
    opened = _OpenWindow(app, window, tasks)
    opened.bugs = bugs
    return opened


# ----------------------------------------------------------------------------- entry points


def _dossier_count(folder: Path) -> int:
    """Dossiers already in ``folder``'s database (0 if there is none yet)."""
    import sqlite3

    from db.engine import DB_FILENAME

    path = folder / DB_FILENAME
    if not path.exists():
        return 0
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='dossiers'").fetchone()
        if not row or not row[0]:
            return 0
        return int(con.execute("SELECT count(*) FROM dossiers").fetchone()[0])
    finally:
        con.close()


def run_smoke(data_dir: Path | None = None) -> int:
    """Run every step on ``data_dir`` (default: a new temporary folder, removed afterwards).
    0 if all passed, 1 at the first failure (named on stdout, traceback on stderr)."""
    started = time.perf_counter()
    temporary = data_dir is None
    folder = Path(tempfile.mkdtemp(prefix="deskapp-smoke-")) if temporary else Path(data_dir).expanduser().resolve()
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    utf8 = ", UTF-8 mode" if sys.flags.utf8_mode else ""
    _say(f"smoke: Một Cửa Desk ({frozen}, Python {sys.version.split()[0]}, {sys.platform}{utf8}) on {folder}")
    smoke = _Smoke(folder)
    steps: list[tuple[str, Callable[[], str]]] = [
        ("resources", smoke.resources),
        ("database", smoke.database),
        ("unit", smoke.unit_step),
        ("account", smoke.account),
        ("catalog", smoke.catalog_step),
        ("calendar", smoke.calendar),
        ("receive", smoke.receive),
        ("receipt", smoke.receipt),
        ("window", smoke.window),
    ]
    step = "data folder"
    try:
        if not temporary:
            existing = _dossier_count(folder)
            if existing and os.environ.get("DESK_APP_SMOKE_ALLOW_EXISTING") != "1":
                raise SmokeFailure(
                    f"{folder} holds {existing} dossiers; the smoke test receives a test dossier, so give "
                    "it an empty folder (or none: it then uses a temporary one)"
                )
        for step, func in steps:
            t0 = time.perf_counter()
            detail = func()
            _say(f"smoke: {step} ok ({time.perf_counter() - t0:.2f} s){': ' + detail if detail else ''}")
    except BaseException as exc:  # noqa: BLE001 - every failure is reported with its step
        if isinstance(exc, KeyboardInterrupt):
            raise
        _say(f"smoke: FAILED at {step}: {exc.__class__.__name__}: {exc}")
        if sys.stderr is not None and not isinstance(exc, SmokeFailure):
            traceback.print_exc()
        return 1
    finally:
        if smoke.db is not None:
            smoke.db.dispose()
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
    _say(f"smoke: all {len(steps)} steps passed in {time.perf_counter() - started:.1f} s")
    return 0


def _first_window_probe(folder: Path) -> int:
    """The clerk's start: ``desk-app gui`` (``ui.app.run``) as it is, up to its first window
    (whatever it is: a splash, the sign-in or the first-run dialog) and its first dialog.

    Prints ``probe: first window shown: NAME`` on the first turn of the event loop that has a
    visible window, then ``probe: dialog shown: NAME`` when a modal dialog is up (the same turn
    if the first window is the dialog), rejects it, and lets ``run`` return. The measuring
    script times these lines as they arrive."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from desk_app.cli import Context, build_parser
    from ui.app import make_application, run

    ctx = Context(build_parser().parse_args(["--data-dir", str(folder), "gui"]))
    make_application()  # the QApplication the probe polls; run() reuses it
    seen: dict[str, str] = {}

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        visible = modal or next((t for t in QApplication.topLevelWidgets() if t.isVisible()), None)
        if visible is not None and "first" not in seen:
            seen["first"] = visible.objectName() or type(visible).__name__
            _say(f"probe: first window shown: {seen['first']}")
        if isinstance(modal, QDialog):
            seen["dialog"] = modal.objectName() or type(modal).__name__
            _say(f"probe: dialog shown: {seen['dialog']}")
            modal.reject()  # run() then returns: nobody signed in
            return
        QTimer.singleShot(5, poll)

    QTimer.singleShot(0, poll)
    try:
        run(ctx)
    finally:
        ctx.close()
    if "first" not in seen:
        _say("probe: FAILED: no window appeared")
        return 1
    return 0


def run_window_probe(data_dir: Path, mode: str = "window") -> int:
    """Start-up and memory probes on an existing, set-up data folder (``packaging/measure.py``).

    ``first-window``: what a clerk waits for: ``ui.app.run`` up to its first window (sign-in
    or first-run dialog), closed on the first turn of the event loop.
    ``window``: open the database, show the main window as the first active admin (no
    sign-in), quit after the first turn of the event loop.
    ``idle``: show the main window, wait for its first loads and ``IDLE_SETTLE_S``, read the
    resident memory; then show every page in turn (each loads its data when first shown),
    settle again, and print ``probe: idle rss_mb=… after_pages_mb=… peak_mb=…``."""
    folder = Path(data_dir).expanduser().resolve()
    if mode == "first-window":
        return _first_window_probe(folder)

    from db.engine import open_database
    from desk_app.services import setup, users

    db = open_database(folder)
    try:
        with db.session(write=False) as s:
            unit = setup.get_unit(s)
            admins = [u for u in users.list_users(s) if u.active and u.can("admin")]
        if not admins:
            _say("probe: FAILED: no active admin account in this data folder")
            return 1
        opened = open_main_window(db, folder, admins[0], unit)
        if mode == "window":
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, opened.app.quit)
            opened.app.exec()
            _say("probe: window shown")
        else:
            t0 = time.perf_counter()
            if not opened.wait_idle(WINDOW_TIMEOUT_S):
                _say("probe: FAILED: the window's first loads did not finish")
                return 1
            loads = time.perf_counter() - t0
            opened.process_events(IDLE_SETTLE_S)
            rss = rss_mb()
            t0 = time.perf_counter()
            pages = opened.visit_pages(WINDOW_TIMEOUT_S)
            pages_s = time.perf_counter() - t0
            opened.process_events(IDLE_SETTLE_S)
            after, peak = rss_mb(), peak_rss_mb()

            def mb(v: float | None) -> str:
                return "unknown" if v is None else f"{v:.1f}"

            _say(f"probe: idle rss_mb={mb(rss)} after_pages_mb={mb(after)} peak_mb={mb(peak)} "
                 f"pages={pages} first_loads_s={loads:.2f} pages_s={pages_s:.2f}")
        opened.close()
        return 0
    finally:
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    """``python -m ui.smoke [--data-dir DIR] [--probe first-window|window|idle]`` (what the
    ``--smoke-test`` option of ``desk-app`` calls)."""
    import argparse

    p = argparse.ArgumentParser(prog="desk-app --smoke-test")
    p.add_argument("--data-dir")
    p.add_argument("--probe", choices=["first-window", "window", "idle"])
    args = p.parse_args(argv)
    if args.probe:
        if not args.data_dir:
            p.error("--probe needs --data-dir (a set-up data folder)")
        return run_window_probe(Path(args.data_dir), args.probe)
    return run_smoke(Path(args.data_dir) if args.data_dir else None)


if __name__ == "__main__":
    sys.exit(main())
