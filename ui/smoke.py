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

``run_window_probe`` holds the start-up, memory and scan probes of ``packaging/measure.py``
(``--probe first-window|window|idle|sign-in|scan`` on a set-up data folder; see each
``_…_probe`` and measure.py's docstring).

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
#: A probe still running after this long prints why and exits 2.
PROBE_TIMEOUT_S = 150.0


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

    def wait_idle(self, timeout: float, *, settle: bool = True) -> bool:
        """Until the worker has no task left (its results delivered). ``settle``: first let
        the window run 50 ms, so that tasks started by the first events are counted. Woken by
        the task manager's own signal, so the time it returns is the time the work ended."""
        from PySide6.QtCore import QEventLoop, QTimer

        end = time.monotonic() + timeout
        if settle:
            self.process_events(0.05)
        else:
            self.app.processEvents()
        # A heartbeat bounds each wait; the worker's result (a queued signal) wakes it at
        # once. (A QEventLoop connected anew on each turn made PySide 6.11 spin in
        # callConnect under load.)
        heartbeat = QTimer()
        heartbeat.start(20)
        try:
            while time.monotonic() < end:
                if self.bugs:
                    raise self.bugs[0]
                idle = getattr(self.tasks, "is_idle", None)
                if idle is None or idle():
                    return True
                self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        finally:
            heartbeat.stop()
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


def open_main_window(db, folder: Path, user, unit, light=None) -> _OpenWindow:
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
    desk = DeskContext(db=db, tasks=tasks, clock=Clock(), data_dir=folder, user=user, unit=unit, light=light)
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


def _run_real_start(folder: Path, poll: Callable[[], None]) -> None:
    """``ui.app.run`` as ``desk-app gui`` runs it on ``folder`` (offscreen unless told),
    with ``poll`` called on the first turn of its event loop (it re-arms itself)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from desk_app.cli import Context, build_parser
    from ui.app import make_application, run

    ctx = Context(build_parser().parse_args(["--data-dir", str(folder), "gui"]))
    make_application()  # the QApplication the probe polls; run() reuses it
    QTimer.singleShot(0, poll)
    try:
        run(ctx)
    finally:
        ctx.close()


def _first_window_probe(folder: Path) -> int:
    """The clerk's start: ``desk-app gui`` (``ui.app.run``) as it is, up to its first window
    (whatever it is: a splash, the sign-in or the first-run dialog) and its first dialog.

    Prints ``probe: first window shown: NAME`` on the first turn of the event loop that has a
    visible window, then ``probe: dialog shown: NAME`` when a modal dialog is up (the same turn
    if the first window is the dialog), rejects it, and lets ``run`` return. The measuring
    script times these lines as they arrive."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

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

    _run_real_start(folder, poll)
    if "first" not in seen:
        _say("probe: FAILED: no window appeared")
        return 1
    return 0


def _mb(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.1f}"


def _memory_line() -> str:
    return f"probe: memory rss_mb={_mb(rss_mb())} peak_mb={_mb(peak_rss_mb())}"


def _open_light_window(folder: Path) -> _OpenWindow | None:
    """The main window as the first active admin, the way a signed-in desk starts: the
    first page's reads through ``db.light`` and the ORM opened on first use (no sign-in)."""
    from db.light import DeferredDatabase, LightReader
    from desk_app.services import startup

    light = LightReader.open(folder)
    if light is None:
        _say(f"probe: FAILED: {folder} holds no database at this program's schema")
        return None
    unit = startup.read_unit(light)
    admins = [u for u in startup.list_users(light) if u.active and u.can("admin")]
    if not admins or unit is None:
        _say("probe: FAILED: this data folder has no unit or no active admin account")
        return None

    def opener():
        from db.engine import open_database

        return open_database(folder)

    return open_main_window(DeferredDatabase(opener), folder, admins[0], unit, light=light)


def _window_probe(folder: Path) -> int:
    """``window``: the main window shown (``probe: window shown`` on the first turn of the
    event loop), its first loads done (``probe: window idle``), then the memory line."""
    from PySide6.QtCore import QTimer

    opened = _open_light_window(folder)
    if opened is None:
        return 1
    try:
        QTimer.singleShot(0, opened.app.quit)
        opened.app.exec()
        _say("probe: window shown")
        if not opened.wait_idle(WINDOW_TIMEOUT_S, settle=False):
            _say("probe: FAILED: the window's first loads did not finish")
            return 1
        _say("probe: window idle")
        _say(_memory_line())
        if opened.bugs:
            raise opened.bugs[0]
        return 0
    finally:
        opened.close()


def _idle_probe(folder: Path) -> int:
    """``idle``: the window's memory after its first loads and a settling time, and again
    after every page has been shown once."""
    opened = _open_light_window(folder)
    if opened is None:
        return 1
    try:
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
        _say(f"probe: idle rss_mb={_mb(rss)} after_pages_mb={_mb(after)} peak_mb={_mb(peak)} "
             f"pages={pages} first_loads_s={loads:.2f} pages_s={pages_s:.2f}")
        return 0
    finally:
        opened.close()


SCAN_COUNT = 30


def _scan_probe(folder: Path) -> int:
    """``scan``: what a barcode scanner does at the dossier desk, ``SCAN_COUNT`` times: F3
    (the action behind it), the code typed key by key, Enter; timed until the dossier's detail is shown. The ORM is
    loaded first (after sign-in it always is), so this is the lookup, not the start."""
    import random

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    def key(widget, code: int, text: str = "") -> None:
        # what the scanner's keyboard sends (QtTest is not in the frozen build)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))

    opened = _open_light_window(folder)
    if opened is None:
        return 1
    try:
        window = opened.window
        db = window.ctx.db
        opened.tasks.run(db.get)
        if not opened.wait_idle(WINDOW_TIMEOUT_S):
            _say("probe: FAILED: the window's first loads did not finish")
            return 1
        rows = window.ctx.light.rows("SELECT max(id) AS n FROM dossiers")
        top = rows[0]["n"] or 0
        if not top:
            _say("probe: FAILED: no dossier to scan")
            return 1
        rng = random.Random(20261129)
        codes = []
        while len(codes) < SCAN_COUNT:
            got = window.ctx.light.rows("SELECT code FROM dossiers WHERE id = ?", (rng.randint(1, top),))
            if got:
                codes.append(got[0]["code"])
        window.focus_search()  # builds the dossier page and loads its list
        if not opened.wait_idle(WINDOW_TIMEOUT_S):
            _say("probe: FAILED: the dossier list did not load")
            return 1
        page = window.dossier_page
        listed: list[int] = []
        page.list_loaded.connect(listed.append)

        def shown(code: str) -> bool:
            rec = page.detail.record
            return bool(listed) and opened.tasks.is_idle() and rec is not None and rec.code == code

        times = []
        for code in codes:
            listed.clear()
            t0 = time.perf_counter()
            window.search_action.trigger()  # F3
            box = QApplication.focusWidget() or page.search_edit
            for ch in code:  # a scanner types the code, then Enter
                key(box, ord(ch.upper()) if ch.isalpha() else ord(ch), ch)
            key(box, int(Qt.Key.Key_Return.value), "\r")
            end = time.monotonic() + WINDOW_TIMEOUT_S
            while not shown(code) and time.monotonic() < end:
                opened.app.processEvents()
                time.sleep(0.0005)
            if not shown(code):
                _say(f"probe: FAILED: scanning {code} did not open it")
                return 1
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        import statistics

        _say(f"probe: scan open_ms median={statistics.median(times):.1f} p95={p95:.1f} max={times[-1]:.1f} n={len(times)}")
        if opened.bugs:
            raise opened.bugs[0]
        return 0
    finally:
        opened.close()


def _sign_in_probe(folder: Path) -> int:
    """``sign-in``: the real start (``ui.app.run``) up to the sign-in dialog
    (``probe: dialog shown: NAME``); once the worker is idle (the ORM has loaded behind the
    dialog, as it does while a clerk types), the smoke admin's name and password and Enter;
    ``probe: signed in ms=…`` when the main window is shown and idle, then the memory line;
    then the window is closed, which ends ``run``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    state: dict = {}

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if "t0" not in state:
            if isinstance(modal, QDialog) and modal.objectName() == "login_dialog":
                if "dialog" not in state:
                    state["dialog"] = True
                    _say(f"probe: dialog shown: {modal.objectName()}")
                if modal.ctx.tasks.is_idle() and getattr(modal.ctx.db, "loaded", True):
                    modal.username_edit.setText(SMOKE_ADMIN)
                    modal.password_edit.setText(SMOKE_PASSWORD)
                    state["t0"] = time.perf_counter()
                    modal.sign_in_button.click()
            elif isinstance(modal, QDialog) and modal.objectName() != "task_progress_dialog":
                _say(f"probe: FAILED: unexpected dialog {modal.objectName() or type(modal).__name__}")
                modal.reject()
                return
        else:
            window = next((w for w in QApplication.topLevelWidgets()
                           if w.objectName() == "main_window" and w.isVisible()), None)
            if window is not None and window.ctx.tasks.is_idle():
                _say(f"probe: signed in ms={(time.perf_counter() - state['t0']) * 1000:.1f}")
                _say(_memory_line())
                state["done"] = True
                window.close()
                return
        QTimer.singleShot(2, poll)

    _run_real_start(folder, poll)
    return 0 if state.get("done") else 1


def run_window_probe(data_dir: Path, mode: str = "window") -> int:
    """Start-up, memory and scan probes on an existing, set-up data folder
    (``packaging/measure.py``): ``first-window``, ``window``, ``idle``, ``sign-in``, ``scan``
    (see each ``_…_probe``)."""
    import threading

    folder = Path(data_dir).expanduser().resolve()
    probes = {"first-window": _first_window_probe, "window": _window_probe, "idle": _idle_probe,
              "sign-in": _sign_in_probe, "scan": _scan_probe}

    def give_up() -> None:  # a probe that hangs must not hang the measurement
        _say(f"probe: FAILED: the {mode} probe did not end within {PROBE_TIMEOUT_S:.0f} s")
        os._exit(2)

    watchdog = threading.Timer(PROBE_TIMEOUT_S, give_up)
    watchdog.daemon = True
    watchdog.start()
    try:
        return probes[mode](folder)
    finally:
        watchdog.cancel()


def main(argv: list[str] | None = None) -> int:
    """``python -m ui.smoke [--data-dir DIR] [--probe first-window|window|idle]`` (what the
    ``--smoke-test`` option of ``desk-app`` calls)."""
    import argparse

    p = argparse.ArgumentParser(prog="desk-app --smoke-test")
    p.add_argument("--data-dir")
    p.add_argument("--probe", choices=["first-window", "window", "idle", "sign-in", "scan"])
    args = p.parse_args(argv)
    if args.probe:
        if not args.data_dir:
            p.error("--probe needs --data-dir (a set-up data folder)")
        return run_window_probe(Path(args.data_dir), args.probe)
    return run_smoke(Path(args.data_dir) if args.data_dir else None)


if __name__ == "__main__":
    sys.exit(main())
