"""The packaging: the smoke test the frozen build runs on itself (here from source), and what
``build.spec`` bundles and leaves out (checked without building: the build itself runs in
``packaging/build_linux.sh``, ~40 s)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import REPO

STEPS = ("resources", "database", "unit", "account", "catalog", "calendar", "receive", "receipt", "window")


def _cli_has_smoke_flag() -> bool:
    from desk_app.cli import build_parser

    return "--smoke-test" in build_parser().format_help()


def smoke_command(*args: str) -> list[str]:
    """``python -m desk_app --smoke-test`` once the command line has the flag, else the module
    (the probes, for packaging/measure.py, are options of the module only)."""
    if _cli_has_smoke_flag() and "--probe" not in args:
        return [sys.executable, "-m", "desk_app", "--smoke-test", *args]
    return [sys.executable, "-m", "ui.smoke", *args]


def run_smoke_process(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("DESK_APP_HOME", None)
    return subprocess.run(smoke_command(*args), capture_output=True, text=True, encoding="utf-8",
                          cwd=REPO, env=env, timeout=180)


# ----------------------------------------------------------------------------- the smoke test


def test_smoke_test_passes_every_step_on_a_temporary_folder():
    out = run_smoke_process()
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    for step in STEPS:
        assert any(line.startswith(f"smoke: {step} ok") for line in lines), (step, out.stdout)
    assert "22 procedures in the picker" in out.stdout and "platform offscreen" in out.stdout
    assert lines[-1].startswith(f"smoke: all {len(STEPS)} steps passed")


def test_smoke_test_on_a_given_folder_keeps_it_and_refuses_it_once_it_holds_dossiers(tmp_path):
    folder = tmp_path / "desk"
    first = run_smoke_process("--data-dir", str(folder))
    assert first.returncode == 0, first.stdout + first.stderr
    assert (folder / "desk.sqlite3").exists() and (folder / "prints" / "smoke-receipt.pdf").exists()

    again = run_smoke_process("--data-dir", str(folder))
    assert again.returncode == 1
    assert "smoke: FAILED at data folder" in again.stdout and "holds 1 dossiers" in again.stdout
    assert "Traceback" not in again.stderr  # a refused folder is a message, not a crash


def test_smoke_test_names_the_failing_step_and_stops(monkeypatch, capsys, tmp_path):
    from ui import smoke

    def broken(self):
        raise RuntimeError("the sample set is damaged")

    def must_not_run(self):
        raise AssertionError("a step after the failure ran")

    monkeypatch.setattr(smoke._Smoke, "catalog_step", broken)
    monkeypatch.setattr(smoke._Smoke, "window", must_not_run)
    assert smoke.run_smoke(tmp_path / "desk") == 1
    out = capsys.readouterr()
    assert "smoke: account ok" in out.out
    assert "smoke: FAILED at catalog: RuntimeError: the sample set is damaged" in out.out
    assert "smoke: calendar" not in out.out
    assert "Traceback" in out.err  # an unexpected error keeps its traceback for the log


def test_window_probes_start_the_window_on_a_set_up_folder(tmp_path):
    """The lines packaging/measure.py times and parses, from every probe."""
    folder = tmp_path / "desk"
    assert run_smoke_process("--data-dir", str(folder)).returncode == 0
    for mode, expected in (("first-window", ["probe: first window shown: login_dialog",
                                             "probe: dialog shown: login_dialog"]),
                           ("window", ["probe: window shown", "probe: window idle", "probe: memory rss_mb="]),
                           ("idle", ["probe: idle rss_mb="]),
                           ("sign-in", ["probe: dialog shown: login_dialog", "probe: signed in ms=",
                                        "probe: memory rss_mb="]),
                           ("scan", ["probe: scan open_ms median="])):
        out = run_smoke_process("--probe", mode, "--data-dir", str(folder))
        assert out.returncode == 0, (mode, out.stdout, out.stderr)
        for line in expected:
            assert line in out.stdout, (mode, line, out.stdout)
    assert "Traceback" not in out.stderr


def test_first_window_probe_on_a_folder_that_needs_the_full_start_shows_the_splash(tmp_path):
    """No database yet: the database is created behind the splash, then the first-run dialog."""
    folder = tmp_path / "new"
    folder.mkdir()
    out = run_smoke_process("--probe", "first-window", "--data-dir", str(folder))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "probe: first window shown: splash_label" in out.stdout
    assert "probe: dialog shown: first_run_dialog" in out.stdout


# ----------------------------------------------------------------------------- the spec

needs_pyinstaller = pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller is not installed (the packaging extra)"
)


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    """Run build.spec with PyInstaller's build steps replaced by recorders."""
    recorded: dict = {}
    out = tmp_path_factory.mktemp("dist")

    def analysis(scripts, **kw):
        recorded["analysis"] = {"scripts": scripts, **kw}
        return SimpleNamespace(binaries=[], datas=[], pure=[], scripts=[], zipfiles=[])

    def exe(*args, **kw):
        recorded.setdefault("exe", []).append(kw)
        return SimpleNamespace(**kw)

    def collect(*args, **kw):
        recorded["collect"] = kw
        (out / kw["name"]).mkdir(exist_ok=True)
        return SimpleNamespace(name=str(out / kw["name"]))

    glob = {"__file__": str(REPO / "build.spec"), "__name__": "__main__", "SPECPATH": str(REPO),
            "Analysis": analysis, "PYZ": lambda *a, **k: object(), "EXE": exe, "COLLECT": collect}
    saved_path = list(sys.path)
    try:
        exec(compile((REPO / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), glob)
    finally:
        sys.path[:] = saved_path
    recorded["dist"] = out
    return recorded


@needs_pyinstaller
def test_spec_bundles_every_resource_and_migration(spec):
    datas = {(Path(src).resolve(), dest.replace("\\", "/")) for src, dest in spec["analysis"]["datas"]}
    res = REPO / "resources"
    wanted = [(f, f"resources/{f.parent.name}") for sub in ("fonts", "samples", "i18n", "icons")
              for f in (res / sub).iterdir() if f.is_file() and f.suffix != ".md"]
    wanted.append((res / "procedure_set_template.xlsx", "resources"))
    mig = REPO / "db" / "migrations"
    wanted += [(mig / "env.py", "db/migrations"), (mig / "script.py.mako", "db/migrations")]
    wanted += [(f, "db/migrations/versions") for f in (mig / "versions").glob("*.py")]
    missing = [f"{f.relative_to(REPO)} -> {d}" for f, d in wanted if (f.resolve(), d) not in datas]
    assert not missing, missing
    vn_mo = [dest for src, dest in spec["analysis"]["datas"] if Path(src).name == "VN.mo"]
    assert "holidays/locale/vi/LC_MESSAGES" in [d.replace("\\", "/") for d in vn_mo]
    assert not [s for s, _ in spec["analysis"]["datas"] if "holidays" in s and Path(s).name != "VN.mo"]


@needs_pyinstaller
def test_spec_hidden_imports_cover_what_is_loaded_by_name(spec):
    hidden = set(spec["analysis"]["hiddenimports"])
    for name in ("desk_app.services.printing", "ui.smoke", "ui.main_window", "ui.app", "db.models",
                 "holidays.countries.vietnam", "reportlab.graphics.barcode.code128",
                 "reportlab.graphics.barcode.qr", "alembic.op", "alembic.context"):
        assert name in hidden, name
    assert not [h for h in hidden if h.startswith("db.migrations")]  # data, read by Alembic


@needs_pyinstaller
def test_spec_excludes_unused_qt_and_tk_and_builds_two_programs_over_one_folder(spec):
    excludes = set(spec["analysis"]["excludes"])
    for name in ("tkinter", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "PySide6.Qt3DCore",
                 "PySide6.QtMultimedia", "PySide6.QtPdf", "pytest"):
        assert name in excludes, name
    assert not {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PIL"} & excludes
    exes = spec["exe"]
    assert all(e["upx"] is False and e["exclude_binaries"] is True for e in exes)
    assert spec["collect"]["name"] == "DeskApp" and spec["collect"]["upx"] is False
    if sys.platform == "win32":
        assert [(e["name"], e["console"]) for e in exes] == [("DeskApp", False), ("DeskApp-debug", True)]
        assert exes[0]["version"] is not None and exes[0]["icon"].endswith("deskapp.ico")
    else:
        assert [e["name"] for e in exes] == ["DeskApp"]
        twin = spec["dist"] / "DeskApp" / "DeskApp-debug"
        assert twin.is_symlink() and os.readlink(twin) == "DeskApp"


def test_qt_pruning_keeps_what_the_window_needs_and_drops_the_rest():
    sys.path.insert(0, str(REPO / "packaging"))
    try:
        from qt_prune import dropped
    finally:
        sys.path.remove(str(REPO / "packaging"))
    kept = [
        "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/platforms/qoffscreen.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll", "PySide6/plugins/imageformats/qico.dll",
        "PySide6/Qt6Core.dll", "PySide6/Qt6Gui.dll", "PySide6/Qt6Widgets.dll", "PySide6/msvcp140.dll",
        "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt6Svg.dll", "PySide6/plugins/iconengines/qsvgicon.dll",  # the SVG window icon
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
    ]
    gone = [
        "PySide6/opengl32sw.dll", "PySide6/Qt6Pdf.dll", "PySide6/Qt6Qml.dll", "PySide6/Qt6Quick.dll",
        "PySide6/Qt6Network.dll", "PySide6/plugins/imageformats/qpdf.dll",
        "PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll",
        "PySide6/plugins/platforms/qdirect2d.dll", "PySide6/translations/qtbase_de.qm",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6\\plugins\\tls\\qopensslbackend.dll",
    ]
    assert [p for p in kept if dropped(p)] == []
    assert [p for p in gone if not dropped(p)] == []
