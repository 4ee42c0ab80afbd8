"""The frozen build's budget figures, as JSON (issue #8): folder size, cold start against a
frozen bare PySide6 window measured side by side, idle memory with 300,000 dossiers, and
(with ``--build``) the build time.

    .venv/bin/python packaging/measure.py --build --dist /tmp/dist --work /tmp/build --check
    .venv/bin/python packaging/measure.py --dist /tmp/dist --dossiers 0          # no big database
    py -3.11 packaging\\measure.py --dist dist --installer Output\\DeskApp-setup.exe --check

Budget (a modest commune PC): folder <= 150 MB, installer <= 60 MB, start <= 2.5x the bare
window, idle memory <= 150 MB with 300,000 dossiers. Sizes and memory are MiB.

Start-up, from process launch to the first turn of the event loop with the window shown,
``--runs`` times each, interleaved (bare, app, bare, app...), median:

* ``first_window``: ``DeskApp-debug --smoke-test --probe first-window``: the clerk's start,
  ``ui.app.run`` as it is, up to its first visible window. This is the figure held to the
  2.5x budget. ``sign_in_dialog``: the same run, up to the sign-in (or first-run) dialog;
  the two are equal while the sign-in dialog is the first window.
* ``main_window``: ``--probe window``: the main window as an admin, all its pages built, no
  sign-in (a desk ready to work).

Each time is taken when the program's "shown" line arrives on its stdout (the bare window
prints one too), so exit and clean-up are not counted; the exit times are in the JSON.

``--cold`` drops the operating system's file cache before every run (Linux, as root), which
is what a PC sees at the first start of the day; without it the runs are warm.

Idle memory: ``--probe idle`` on the big database: the main window shown as an admin, its
first loads done, 3 s of settling, then the process's own VmRSS (working set on Windows);
and again after every page has been shown once (the dossier list, the board and the report
load their data when first shown). The budget applies to the larger of the two.

The big database is made once with the frozen command line (``init``, ``catalog import`` of
the bundled sample, ``demo-data --dossiers N``: ~100 s for 300,000) and kept in
``--work``/data-N for the next run.
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IS_WIN = sys.platform == "win32"
EXE = ".exe" if IS_WIN else ""
BUDGET = {"folder_mb": 150.0, "installer_mb": 60.0, "start_ratio": 2.5, "idle_rss_mb": 150.0}
UNIT = ["--unit-code", "000.17.22.H56", "--unit-name", "Bộ phận Một cửa UBND xã Tân Lập",
        "--parent-name", "UBND xã Tân Lập", "--upstream-name", "UBND tỉnh", "--place", "Tân Lập",
        "--station", "1"]


def log(msg: str) -> None:
    print(f"measure: {msg}", file=sys.stderr, flush=True)


def folder_mib(path: Path) -> float:
    """Apparent size of every file under ``path`` (a symlink counts as itself), MiB."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for f in files:
            total += os.lstat(os.path.join(dirpath, f)).st_size
    return total / (1024 * 1024)


def run(cmd: list[str], *, env: dict | None = None, timeout: float = 600, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          env=env, timeout=timeout)
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


MARKERS = {"first_window": "probe: first window shown", "dialog": "probe: dialog shown",
           "main_window": "probe: window shown"}


def timed(cmd: list[str], env: dict, cold: bool) -> dict[str, float]:
    """Launch ``cmd``; the time (ms) at which each probe line arrives, and at exit."""
    if cold and not drop_caches():
        raise SystemExit("measure: --cold needs Linux and the right to write /proc/sys/vm/drop_caches (root)")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", errors="replace", env=env)
    seen: dict[str, float] = {}
    lines = []
    for line in proc.stdout:
        now = (time.perf_counter() - t0) * 1000
        lines.append(line)
        for key, prefix in MARKERS.items():
            if line.startswith(prefix) and key not in seen:
                seen[key] = now
    err = proc.stderr.read()
    rc = proc.wait(timeout=300)
    seen["exit"] = (time.perf_counter() - t0) * 1000
    if rc != 0:
        raise SystemExit(f"measure: {' '.join(cmd)} exited {rc}\n{''.join(lines)}\n{err}")
    return seen


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


def make_big_database(app: Path, folder: Path, dossiers: int, env: dict) -> dict:
    """init + the bundled sample set + demo-data, then the smoke test on it (adds an admin,
    receives one dossier, prints a receipt, opens the window): once, kept for later runs."""
    info: dict = {}
    if dossier_count(folder) >= dossiers:
        log(f"reusing {folder} ({dossier_count(folder)} dossiers)")
        info["reused"] = True
    else:
        shutil.rmtree(folder, ignore_errors=True)
        sample = next(app.parent.glob("**/resources/samples/procedures_sample.json"))
        base = [str(app), "--data-dir", str(folder)]
        run(base + ["init", *UNIT], env=env)
        run(base + ["catalog", "import", str(sample)], env=env)
        log(f"generating {dossiers} demo dossiers in {folder} ...")
        t0 = time.perf_counter()
        run(base + ["demo-data", "--dossiers", str(dossiers)], env=env, timeout=3600)
        info.update(reused=False, generate_s=round(time.perf_counter() - t0, 1))
    if not (folder / "prints" / "smoke-receipt.pdf").exists():
        t0 = time.perf_counter()
        run([str(app), "--smoke-test", "--data-dir", str(folder)], env=dict(env, DESK_APP_SMOKE_ALLOW_EXISTING="1"))
        info["smoke_s"] = round(time.perf_counter() - t0, 1)
    return info


def probe_line(out: str, key: str) -> float | None:
    m = re.search(rf"\b{key}=([0-9.]+)", out)
    return float(m.group(1)) if m else None


def median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def measure(args: argparse.Namespace) -> dict:
    dist, work = Path(args.dist).resolve(), Path(args.work).resolve()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", args.platform)
    env.pop("DESK_APP_HOME", None)
    result: dict = {"platform": sys.platform, "qt_platform": env["QT_QPA_PLATFORM"], "budget": BUDGET}

    if args.build:
        result["build_s"] = round(build(ROOT / "build.spec", dist, work / "app"), 1)
        result["bare_build_s"] = round(build(ROOT / "packaging" / "bare_window.spec", dist, work / "bare"), 1)
    app = dist / "DeskApp" / f"DeskApp-debug{EXE}"
    bare = dist / "BareWindow" / f"BareWindow{EXE}"
    for exe in (app, bare):
        if not exe.exists():
            raise SystemExit(f"measure: {exe} is missing: build it (--build) or give --dist")

    result["folder_mb"] = round(folder_mib(dist / "DeskApp"), 1)
    result["bare_folder_mb"] = round(folder_mib(dist / "BareWindow"), 1)
    if args.installer:
        result["installer_mb"] = round(Path(args.installer).stat().st_size / (1024 * 1024), 1)

    t0 = time.perf_counter()
    smoke = run([str(app), "--smoke-test"], env=env)
    result["smoke_test"] = {"ok": True, "s": round(time.perf_counter() - t0, 2),
                            "last_line": smoke.stdout.strip().splitlines()[-1]}

    small = work / "data-small"
    shutil.rmtree(small, ignore_errors=True)
    run([str(app), "--smoke-test", "--data-dir", str(small)], env=env)

    def start_figures(folder: Path, label: str) -> dict:
        bare_runs, first_runs, main_runs = [], [], []
        for _ in range(args.runs):
            bare_runs.append(timed([str(bare)], env, args.cold))
            first_runs.append(timed([str(app), "--smoke-test", "--probe", "first-window", "--data-dir", str(folder)],
                                    env, args.cold))
            main_runs.append(timed([str(app), "--smoke-test", "--probe", "window", "--data-dir", str(folder)],
                                   env, args.cold))

        def med(runs: list[dict], key: str) -> float:
            return median([r[key] for r in runs])

        bare_ms = med(bare_runs, "first_window")
        fig = {
            "database": label,
            "runs": args.runs,
            "cold": args.cold,
            "bare_window_ms": bare_ms,
            "first_window_ms": med(first_runs, "first_window"),
            "sign_in_dialog_ms": med(first_runs, "dialog"),
            "main_window_ms": med(main_runs, "main_window"),
            "bare_exit_ms": med(bare_runs, "exit"),
            "app_exit_ms": med(first_runs, "exit"),
        }
        fig["first_window_ratio"] = round(fig["first_window_ms"] / bare_ms, 2)
        fig["sign_in_dialog_ratio"] = round(fig["sign_in_dialog_ms"] / bare_ms, 2)
        fig["main_window_ratio"] = round(fig["main_window_ms"] / bare_ms, 2)
        fig["all_ms"] = {
            "bare": [round(r["first_window"]) for r in bare_runs],
            "first_window": [round(r["first_window"]) for r in first_runs],
            "sign_in_dialog": [round(r["dialog"]) for r in first_runs],
            "main_window": [round(r["main_window"]) for r in main_runs],
        }
        log(f"start ({label}): bare {bare_ms} ms; first window {fig['first_window_ms']} ms "
            f"(x{fig['first_window_ratio']}), sign-in dialog {fig['sign_in_dialog_ms']} ms "
            f"(x{fig['sign_in_dialog_ratio']}), main window {fig['main_window_ms']} ms (x{fig['main_window_ratio']})")
        return fig

    result["start"] = [start_figures(small, "sample set, 1 dossier")]

    if args.dossiers > 0:
        big = work / f"data-{args.dossiers}"
        result["big_database"] = {"dossiers": args.dossiers, **make_big_database(app, big, args.dossiers, env)}
        result["big_database"]["file_mb"] = round((big / "desk.sqlite3").stat().st_size / (1024 * 1024), 1)
        idle = run([str(app), "--smoke-test", "--probe", "idle", "--data-dir", str(big)], env=env)
        result["idle_rss_mb"] = probe_line(idle.stdout, "rss_mb")
        result["idle_after_pages_mb"] = probe_line(idle.stdout, "after_pages_mb")
        result["idle_peak_mb"] = probe_line(idle.stdout, "peak_mb")
        result["idle_first_loads_s"] = probe_line(idle.stdout, "first_loads_s")
        result["idle_pages_s"] = probe_line(idle.stdout, "pages_s")
        log(f"idle with {args.dossiers} dossiers: {result['idle_rss_mb']} MiB after start, "
            f"{result['idle_after_pages_mb']} MiB after showing every page (peak {result['idle_peak_mb']})")
        result["start"].append(start_figures(big, f"{args.dossiers} dossiers"))

    first = result["start"][0]
    checks = {
        "folder_mb": result["folder_mb"] <= BUDGET["folder_mb"],
        "start_ratio": first["first_window_ratio"] <= BUDGET["start_ratio"],
    }
    if "installer_mb" in result:
        checks["installer_mb"] = result["installer_mb"] <= BUDGET["installer_mb"]
    if result.get("idle_after_pages_mb") is not None:
        checks["idle_rss_mb"] = max(result["idle_rss_mb"], result["idle_after_pages_mb"]) <= BUDGET["idle_rss_mb"]
    result["within_budget"] = checks
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--dist", default=str(ROOT / "dist"), help="folder holding DeskApp/ and BareWindow/")
    p.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "deskapp-measure"),
                   help="PyInstaller work folder (--build) and the measurement data folders")
    p.add_argument("--build", action="store_true", help="build both specs first and time the builds")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--dossiers", type=int, default=300_000, help="0: skip the big database and idle memory")
    p.add_argument("--cold", action="store_true", help="drop the file cache before each start (Linux, root)")
    p.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM unless set (default offscreen)")
    p.add_argument("--installer", help="the installer file, to check its size")
    p.add_argument("--check", action="store_true", help="exit 1 if a figure is over budget")
    p.add_argument("-o", "--output", help="also write the JSON here")
    args = p.parse_args(argv)
    result = measure(args)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    if args.check and not all(result["within_budget"].values()):
        log("over budget: " + ", ".join(k for k, ok in result["within_budget"].items() if not ok))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
