"""The desk's budget figures, as JSON: start-up and peak memory of the main window against a
bare PySide6 window with a 1,000-row table, measured side by side in the same run; opening a
scanned dossier; idle memory; and for the frozen build its folder size (and build time).

    .venv/bin/python packaging/measure.py --build --dist /tmp/dist --work /tmp/build --check
    .venv/bin/python packaging/measure.py --dist /tmp/dist --dossiers 0          # no big database
    .venv/bin/python packaging/measure.py --source --big-data-dir /tmp/big300 --only-start
    py -3.11 packaging\\measure.py --dist dist --installer Output\\DeskApp-setup.exe --check

Programs. Frozen (default): ``DIST/DeskApp/DeskApp-debug --smoke-test --probe MODE --data-dir D``
against ``DIST/BareWindow/BareWindow`` (``packaging/bare_window.spec``). ``--source``: the same
from the checkout with this interpreter, cwd the repository, ``.pyc`` caches used, against
``python packaging/bare_window.py``; the app through the frozen build's own entry script,
``python packaging/deskapp_entry.py --smoke-test …``, which hands ``--smoke-test`` to ``ui.smoke``
before the command line (whose parser has no ``--probe``), or with ``--source-entry module``
through ``python -m desk_app …``; no folder size, build or installer. Both: ``QT_QPA_PLATFORM``
offscreen unless set (``--platform``).

Budget (the issue "The desk window", a modest commune PC), on the 300,000-dossier database
when it is measured, else on the small one (``within_budget``, ``null`` = not measured):

* ``main_window_idle_ratio`` <= 2.5: ``--probe window`` (the main window as the first admin,
  no sign-in) up to its ``probe: window idle`` line (first loads done), over the floor's
  ``probe: first window shown`` (``bare_window.py``: table shown, first event-loop turn).
* ``peak_memory_ratio`` <= 1.6: the window probe's ``peak_mb`` over the floor's (each from its
  ``probe: memory rss_mb=X peak_mb=Y`` line: VmHWM on Linux, peak working set on Windows).
* ``scan_median_ms``, ``scan_p95_ms`` <= 100: ``--probe scan`` (opening a dossier by its
  scanned code; the probe times it in-process: ``probe: scan open_ms median= p95= max= n=``),
  once per database.
* frozen only: ``folder_mb`` <= 150 (``DeskApp/``), ``installer_mb`` <= 60 (``--installer``),
  ``idle_rss_mb`` <= 150 (the larger of ``idle_rss_mb`` and ``idle_after_pages_mb``).

Start figures, per database (``start``: the small one, ``sample set, 1 dossier``, made by the
smoke test, ``small_database_error`` if that failed; then the big one): ``--runs`` rounds, each launching in turn the floor, ``window``,
``first-window`` and ``sign-in`` probes (interleaved), medians over the rounds. A time (ms)
is from the process launch to the arrival of the line on its stdout (exit and clean-up not
counted; the exit times are in ``*_exit_ms``):

* ``bare_window_ms``, ``bare_peak_mb``: the floor.
* ``main_window_shown_ms`` (``probe: window shown``, first paint), ``main_window_idle_ms``
  (``probe: window idle``), ``main_window_peak_mb``; with their ratios to the floor.
* ``first_window_ms`` / ``sign_in_dialog_ms``: ``--probe first-window``, the clerk's start
  (``ui.app.run`` as it is) up to its first visible window / the sign-in (or first-run) dialog.
* ``sign_in_to_idle_ms``, ``sign_in_peak_mb`` (informational): ``--probe sign-in``, the real
  start signing in as the smoke admin: ``probe: signed in ms=Z``, timed in-process from Enter
  in the sign-in dialog to the idle main window; the peak memory of that run.
* ``all_ms``, ``all_peak_mb``: every run's figures; ``errors``: a probe that exited non-zero or timed out (its
  output's tail); its figures are then ``null`` and a probe that failed with no success is not
  run again on that database.

In warm mode (the default) one unrecorded run of the floor and of the window probe goes first
on each database. ``--cold`` instead drops the operating system's file cache before every
timed run (Linux, as root), which is what a PC sees at the first start of the day.

Not with ``--only-start``: the smoke test on a temporary folder (``smoke_test``, fatal if it
fails), and idle memory: ``--probe idle`` on the big database: the main window
as an admin, its first loads done, 3 s of settling, then the process's VmRSS (working set on
Windows); again after every page has been shown once (``idle_after_pages_mb``).

The big database is made once (``init``, ``catalog import`` of the sample set, ``demo-data
--dossiers N``: ~75-100 s for 300,000, then the smoke test on it, which adds the smoke admin)
and kept in ``WORK/data-N``; ``--big-data-dir`` uses an existing set-up folder instead, as it
is. Sizes and memory are MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IS_WIN = sys.platform == "win32"
EXE = ".exe" if IS_WIN else ""
BUDGET = {"main_window_idle_ratio": 2.5, "peak_memory_ratio": 1.6, "scan_open_ms": 100.0,
          "folder_mb": 150.0, "installer_mb": 60.0, "idle_rss_mb": 150.0}
UNIT = ["--unit-code", "000.17.22.H56", "--unit-name", "Bộ phận Một cửa UBND xã Tân Lập",
        "--parent-name", "UBND xã Tân Lập", "--upstream-name", "UBND tỉnh", "--place", "Tân Lập",
        "--station", "1"]
#: The probe lines whose arrival is timed.
MARKERS = {"first_window": "probe: first window shown", "dialog": "probe: dialog shown",
           "window_shown": "probe: window shown", "window_idle": "probe: window idle"}
#: The start probes of a round, after the floor.
START_PROBES = ("window", "first-window", "sign-in")
PROBE_TIMEOUT_S = 300.0


def log(msg: str) -> None:
    print(f"measure: {msg}", file=sys.stderr, flush=True)


@dataclass
class Programs:
    app: list[str]        # the app's command, to which --smoke-test / CLI arguments are added
    bare: list[str]       # the floor
    sample: Path | None   # the sample procedure set for the big database
    cwd: Path | None
    source: bool


def folder_mib(path: Path) -> float:
    """Apparent size of every file under ``path`` (a symlink counts as itself), MiB."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for f in files:
            total += os.lstat(os.path.join(dirpath, f)).st_size
    return total / (1024 * 1024)


def run(cmd: list[str], *, env: dict | None = None, cwd: Path | None = None, timeout: float = 600,
        check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          env=env, cwd=cwd, timeout=timeout)
    if check and proc.returncode != 0:
        raise SystemExit(f"measure: {' '.join(map(str, cmd))} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def drop_caches() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def tail(text: str, lines: int = 12, chars: int = 2000) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])[-chars:]


def timed(cmd: list[str], env: dict, cold: bool = False, cwd: Path | None = None,
          timeout: float = PROBE_TIMEOUT_S) -> dict:
    """Launch ``cmd``: ``ms`` the time at which each MARKERS line arrives and at exit, ``out``
    its stdout, ``error`` None or what went wrong (exit status or time-out, output's tail)."""
    if cold and not drop_caches():
        raise SystemExit("measure: --cold needs Linux and the right to write /proc/sys/vm/drop_caches (root)")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", errors="replace", env=env, cwd=cwd)
    seen: dict[str, float] = {}
    lines: list[str] = []
    err: list[str] = []

    def read_out() -> None:
        for line in proc.stdout:
            now = (time.perf_counter() - t0) * 1000
            lines.append(line)
            for key, prefix in MARKERS.items():
                if line.startswith(prefix) and key not in seen:
                    seen[key] = now

    readers = [threading.Thread(target=read_out, daemon=True),
               threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)]
    for t in readers:
        t.start()
    try:
        rc = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        rc = None
    seen["exit"] = (time.perf_counter() - t0) * 1000
    for t in readers:
        t.join(timeout=10)
    out = "".join(lines)
    error = None
    if rc != 0:
        why = f"timed out after {timeout:.0f} s" if rc is None else f"exited {rc}"
        error = f"{' '.join(cmd)} {why}\n{tail(out + ''.join(err))}"
    return {"ms": seen, "out": out, "error": error}


def line_values(out: str, prefix: str) -> dict[str, float | None]:
    """The ``key=value`` pairs of the first stdout line starting with ``prefix`` ({} if none;
    a value that is not a number, e.g. ``unknown``, is None)."""
    for line in out.splitlines():
        if line.startswith(prefix):
            values: dict[str, float | None] = {}
            for key, value in re.findall(r"(\w+)=(\S+)", line[len(prefix):]):
                try:
                    values[key] = float(value)
                except ValueError:
                    values[key] = None
            return values
    return {}


def median(values: list[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 1) if values else None


def ratio(num: float | None, den: float | None) -> float | None:
    return round(num / den, 2) if num is not None and den else None


def within(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def build(spec: Path, dist: Path, work: Path) -> float:
    shutil.rmtree(work, ignore_errors=True)
    pyinstaller = Path(sys.executable).with_name("pyinstaller" + EXE)
    cmd = [str(pyinstaller) if pyinstaller.exists() else sys.executable, *([] if pyinstaller.exists() else ["-m", "PyInstaller"]),
           str(spec), "--noconfirm", "--distpath", str(dist), "--workpath", str(work)]
    t0 = time.perf_counter()
    run(cmd, timeout=3600)
    return time.perf_counter() - t0


def dossier_count(folder: Path) -> int:
    path = folder / "desk.sqlite3"
    if not path.exists():
        return 0
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM dossiers").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        con.close()


def make_big_database(progs: Programs, folder: Path, dossiers: int, env: dict) -> dict:
    """init + the sample set + demo-data, then the smoke test on it (adds the smoke admin,
    receives one dossier, prints a receipt, opens the window): once, kept for later runs."""
    info: dict = {}
    if dossier_count(folder) >= dossiers:
        log(f"reusing {folder} ({dossier_count(folder)} dossiers)")
        info["reused"] = True
    else:
        if progs.sample is None:
            raise SystemExit("measure: the build holds no resources/samples/procedures_sample.json")
        shutil.rmtree(folder, ignore_errors=True)
        base = progs.app + ["--data-dir", str(folder)]
        run(base + ["init", *UNIT], env=env, cwd=progs.cwd)
        run(base + ["catalog", "import", str(progs.sample)], env=env, cwd=progs.cwd)
        log(f"generating {dossiers} demo dossiers in {folder} ...")
        t0 = time.perf_counter()
        run(base + ["demo-data", "--dossiers", str(dossiers)], env=env, cwd=progs.cwd, timeout=3600)
        info.update(reused=False, generate_s=round(time.perf_counter() - t0, 1))
    if not (folder / "prints" / "smoke-receipt.pdf").exists():
        t0 = time.perf_counter()
        run(progs.app + ["--smoke-test", "--data-dir", str(folder)], env=dict(env, DESK_APP_SMOKE_ALLOW_EXISTING="1"),
            cwd=progs.cwd)
        info["smoke_s"] = round(time.perf_counter() - t0, 1)
    return info


def programs(args: argparse.Namespace, dist: Path) -> Programs:
    if args.source:
        app = [sys.executable, "-m", "desk_app"] if args.source_entry == "module" else \
              [sys.executable, str(ROOT / "packaging" / "deskapp_entry.py")]
        return Programs(app=app, bare=[sys.executable, str(ROOT / "packaging" / "bare_window.py")],
                        sample=ROOT / "resources" / "samples" / "procedures_sample.json", cwd=ROOT, source=True)
    app = dist / "DeskApp" / f"DeskApp-debug{EXE}"
    bare = dist / "BareWindow" / f"BareWindow{EXE}"
    for exe in (app, bare):
        if not exe.exists():
            raise SystemExit(f"measure: {exe} is missing: build it (--build) or give --dist")
    sample = next(app.parent.glob("**/resources/samples/procedures_sample.json"), None)
    return Programs(app=[str(app)], bare=[str(bare)], sample=sample, cwd=None, source=False)


def start_figures(progs: Programs, folder: Path, label: str, args: argparse.Namespace, env: dict) -> dict:
    """The interleaved start rounds and the scan probe on one database (see the docstring)."""

    def command(mode: str) -> list[str]:
        if mode == "bare":
            return progs.bare
        return progs.app + ["--smoke-test", "--probe", mode, "--data-dir", str(folder)]

    if not args.cold:  # warm-up, unrecorded: file cache, .pyc caches, the database's pages
        for mode in ("bare", "window"):
            timed(command(mode), env, cwd=progs.cwd)

    runs: dict[str, list[dict]] = {mode: [] for mode in ("bare", *START_PROBES)}
    errors: dict[str, list[str]] = {}
    for _ in range(args.runs):
        for mode in runs:
            if mode in errors and not runs[mode]:
                continue  # failed with no success: the probe is missing or broken here
            r = timed(command(mode), env, args.cold, cwd=progs.cwd)
            if r["error"]:
                errors.setdefault(mode, []).append(r["error"])
                log(f"{label}: {mode} failed: {r['error'].splitlines()[0]}")
            else:
                runs[mode].append(r)

    def times(mode: str, key: str) -> list[float | None]:
        return [r["ms"].get(key) for r in runs[mode]]

    def values(mode: str, prefix: str, key: str) -> list[float | None]:
        return [line_values(r["out"], prefix).get(key) for r in runs[mode]]

    bare_ms = median(times("bare", "first_window"))
    bare_peak = median(values("bare", "probe: memory", "peak_mb"))
    fig: dict = {"database": label, "folder": str(folder), "runs": args.runs, "cold": args.cold,
                 "bare_window_ms": bare_ms, "bare_peak_mb": bare_peak,
                 "bare_rss_mb": median(values("bare", "probe: memory", "rss_mb")),
                 "main_window_shown_ms": median(times("window", "window_shown")),
                 "main_window_idle_ms": median(times("window", "window_idle")),
                 "main_window_peak_mb": median(values("window", "probe: memory", "peak_mb")),
                 "first_window_ms": median(times("first-window", "first_window")),
                 "sign_in_dialog_ms": median(times("first-window", "dialog")),
                 "sign_in_to_idle_ms": median(values("sign-in", "probe: signed in", "ms")),
                 "sign_in_peak_mb": median(values("sign-in", "probe: memory", "peak_mb")),
                 "bare_exit_ms": median(times("bare", "exit")),
                 "app_exit_ms": median(times("window", "exit"))}
    fig["main_window_idle_ratio"] = ratio(fig["main_window_idle_ms"], bare_ms)
    fig["main_window_shown_ratio"] = ratio(fig["main_window_shown_ms"], bare_ms)
    fig["peak_memory_ratio"] = ratio(fig["main_window_peak_mb"], bare_peak)
    fig["first_window_ratio"] = ratio(fig["first_window_ms"], bare_ms)
    fig["sign_in_dialog_ratio"] = ratio(fig["sign_in_dialog_ms"], bare_ms)

    def rounded(values: list[float | None]) -> list[float | None]:
        return [None if v is None else round(v) for v in values]

    fig["all_ms"] = {
        "bare": rounded(times("bare", "first_window")),
        "main_window_shown": rounded(times("window", "window_shown")),
        "main_window_idle": rounded(times("window", "window_idle")),
        "first_window": rounded(times("first-window", "first_window")),
        "sign_in_dialog": rounded(times("first-window", "dialog")),
        "sign_in_to_idle": rounded(values("sign-in", "probe: signed in", "ms")),
    }
    fig["all_peak_mb"] = {"bare": values("bare", "probe: memory", "peak_mb"),
                          "main_window": values("window", "probe: memory", "peak_mb"),
                          "sign_in": values("sign-in", "probe: memory", "peak_mb")}

    log(f"{label}: scan probe ...")
    scan = timed(command("scan"), env, cwd=progs.cwd, timeout=600)
    s = line_values(scan["out"], "probe: scan open_ms")
    fig.update(scan_median_ms=s.get("median"), scan_p95_ms=s.get("p95"), scan_max_ms=s.get("max"),
               scan_n=None if s.get("n") is None else int(s["n"]))
    if scan["error"]:
        errors.setdefault("scan", []).append(scan["error"])
    fig["errors"] = {mode: texts[0] if len(texts) == 1 else texts for mode, texts in errors.items()}

    log(f"start ({label}): bare {bare_ms} ms / {bare_peak} MiB peak; main window idle "
        f"{fig['main_window_idle_ms']} ms (x{fig['main_window_idle_ratio']}), shown {fig['main_window_shown_ms']} ms, "
        f"peak {fig['main_window_peak_mb']} MiB (x{fig['peak_memory_ratio']}); first window {fig['first_window_ms']} ms "
        f"(x{fig['first_window_ratio']}); sign-in to idle {fig['sign_in_to_idle_ms']} ms; "
        f"scan median {fig['scan_median_ms']} p95 {fig['scan_p95_ms']} ms")
    return fig


def measure(args: argparse.Namespace) -> dict:
    if args.source and (args.build or args.installer):
        raise SystemExit("measure: --build and --installer are for the frozen build, not --source")
    default_work = Path(tempfile.gettempdir()) / ("deskapp-measure-src" if args.source else "deskapp-measure")
    dist, work = Path(args.dist).resolve(), Path(args.work or default_work).resolve()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", args.platform)
    env.pop("DESK_APP_HOME", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a real install uses its .pyc caches
    result: dict = {"mode": "source" if args.source else "frozen", "platform": sys.platform,
                    "qt_platform": env["QT_QPA_PLATFORM"], "budget": BUDGET}

    if args.build:
        result["build_s"] = round(build(ROOT / "build.spec", dist, work / "app"), 1)
        result["bare_build_s"] = round(build(ROOT / "packaging" / "bare_window.spec", dist, work / "bare"), 1)
    progs = programs(args, dist)
    if not progs.source:
        result["folder_mb"] = round(folder_mib(dist / "DeskApp"), 1)
        result["bare_folder_mb"] = round(folder_mib(dist / "BareWindow"), 1)
        if args.installer:
            result["installer_mb"] = round(Path(args.installer).stat().st_size / (1024 * 1024), 1)

    if not args.only_start:
        t0 = time.perf_counter()
        smoke = run(progs.app + ["--smoke-test"], env=env, cwd=progs.cwd)
        result["smoke_test"] = {"ok": True, "s": round(time.perf_counter() - t0, 2),
                                "last_line": smoke.stdout.strip().splitlines()[-1]}

    small = work / "data-small"
    shutil.rmtree(small, ignore_errors=True)
    small.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    made = run(progs.app + ["--smoke-test", "--data-dir", str(small)], env=env, cwd=progs.cwd, check=False)
    result["small_database_s"] = round(time.perf_counter() - t0, 1)
    if made.returncode != 0:  # set up as far as it went; the probes then report their own errors
        result["small_database_error"] = tail(made.stdout + made.stderr)
        log(f"the smoke test on {small} failed: {made.stdout.strip().splitlines()[-1:]}")
    result["start"] = [start_figures(progs, small, "sample set, 1 dossier", args, env)]

    big: Path | None = None
    if args.big_data_dir:
        big = Path(args.big_data_dir).expanduser().resolve()
        if not (big / "desk.sqlite3").exists():
            raise SystemExit(f"measure: {big} holds no desk.sqlite3")
        result["big_database"] = {"dossiers": dossier_count(big), "folder": str(big), "given": True}
    elif args.dossiers > 0:
        big = work / f"data-{args.dossiers}"
        result["big_database"] = {"dossiers": args.dossiers, "folder": str(big),
                                  **make_big_database(progs, big, args.dossiers, env)}
    if big is not None:
        count = result["big_database"]["dossiers"]
        result["big_database"]["file_mb"] = round((big / "desk.sqlite3").stat().st_size / (1024 * 1024), 1)
        if not args.only_start:
            idle = timed(progs.app + ["--smoke-test", "--probe", "idle", "--data-dir", str(big)], env,
                         cwd=progs.cwd, timeout=600)
            v = line_values(idle["out"], "probe: idle")
            result["idle_rss_mb"] = v.get("rss_mb")
            result["idle_after_pages_mb"] = v.get("after_pages_mb")
            result["idle_peak_mb"] = v.get("peak_mb")
            result["idle_first_loads_s"] = v.get("first_loads_s")
            result["idle_pages_s"] = v.get("pages_s")
            if idle["error"]:
                result["idle_error"] = idle["error"]
            log(f"idle with {count} dossiers: {result['idle_rss_mb']} MiB after start, "
                f"{result['idle_after_pages_mb']} MiB after showing every page (peak {result['idle_peak_mb']})")
        result["start"].append(start_figures(progs, big, f"{count} dossiers", args, env))

    target = result["start"][-1]
    checks = {
        "main_window_idle_ratio": within(target["main_window_idle_ratio"], BUDGET["main_window_idle_ratio"]),
        "peak_memory_ratio": within(target["peak_memory_ratio"], BUDGET["peak_memory_ratio"]),
        "scan_median_ms": within(target["scan_median_ms"], BUDGET["scan_open_ms"]),
        "scan_p95_ms": within(target["scan_p95_ms"], BUDGET["scan_open_ms"]),
    }
    if not progs.source:
        checks["folder_mb"] = within(result["folder_mb"], BUDGET["folder_mb"])
        if "installer_mb" in result:
            checks["installer_mb"] = within(result["installer_mb"], BUDGET["installer_mb"])
        if big is not None and not args.only_start:
            idle = [v for v in (result["idle_rss_mb"], result["idle_after_pages_mb"]) if v is not None]
            checks["idle_rss_mb"] = within(max(idle) if idle else None, BUDGET["idle_rss_mb"])
    result["budget_database"] = target["database"]
    result["within_budget"] = checks
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--dist", default=str(ROOT / "dist"), help="folder holding DeskApp/ and BareWindow/")
    p.add_argument("--work", help="PyInstaller work folder (--build) and the measurement data folders "
                                  "(default: TMP/deskapp-measure, with --source TMP/deskapp-measure-src)")
    p.add_argument("--source", action="store_true",
                   help="run from the checkout with this interpreter instead of the frozen executables")
    p.add_argument("--source-entry", choices=["script", "module"], default="script",
                   help="with --source, the app is the frozen build's entry script 'python "
                        "packaging/deskapp_entry.py' (script, default) or 'python -m desk_app' (module)")
    p.add_argument("--build", action="store_true", help="build both specs first and time the builds")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--dossiers", type=int, default=300_000, help="0: skip the big database and idle memory")
    p.add_argument("--big-data-dir", help="an existing set-up data folder to use as the big database, as it is "
                                          "(instead of making WORK/data-N)")
    p.add_argument("--only-start", action="store_true", help="skip the smoke test and the idle-memory probe")
    p.add_argument("--cold", action="store_true", help="drop the file cache before each start (Linux, root)")
    p.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM unless set (default offscreen)")
    p.add_argument("--installer", help="the installer file, to check its size")
    p.add_argument("--check", action="store_true", help="exit 1 if a figure is over budget or not measured")
    p.add_argument("-o", "--output", help="also write the JSON here")
    args = p.parse_args(argv)
    result = measure(args)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    if args.check and not all(result["within_budget"].values()):
        log("over budget or not measured: " + ", ".join(
            f"{k}{'' if ok is False else ' (not measured)'}" for k, ok in result["within_budget"].items() if not ok))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
