"""The Vietnamese catalogue: complete, placeholders intact, compiled, in sync with the code,
and covering Qt's own strings (Qt ships no Vietnamese)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from desk_app.domain.dossier_rules import STATUS_LABELS
from ui import i18n

REPO = Path(__file__).resolve().parents[2]
TS = i18n.ts_path("vi")
QM = i18n.qm_path("vi")
PLACEHOLDER = re.compile(r"\{(\w*)\}")
ACCEL = re.compile(r"&(?!&)\w")


def tool(name: str) -> str | None:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else shutil.which(name)


def messages(path: Path = TS):
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.findtext("name"), msg.findtext("source"), msg.find("translation")


def test_no_unfinished_or_empty_translation():
    bad = [(c, s) for c, s, t in messages() if t.get("type") in ("unfinished", "vanished", "obsolete") or not t.text]
    assert not bad, f"untranslated: {bad[:5]}"


def test_placeholders_match():
    bad = [(c, s, t.text) for c, s, t in messages()
           if sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(t.text or ""))]
    assert not bad, f"placeholder mismatch: {bad[:5]}"


def test_accelerators_kept():
    bad = [(c, s, t.text) for c, s, t in messages() if bool(ACCEL.search(s)) != bool(ACCEL.search(t.text or ""))]
    assert not bad, f"an '&' shortcut letter was lost or added: {bad[:5]}"


def test_a_mismatched_entry_is_caught(tmp_path):
    """The checks above do fail on a bad entry."""
    bad = tmp_path / "bad.ts"
    bad.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="vi_VN"><context>'
        "<name>X</name><message><source>Saved {code}</source><translation>Đã lưu {ma}</translation></message>"
        "<message><source>Open</source><translation type=\"unfinished\"></translation></message></context></TS>",
        encoding="utf-8",
    )
    rows = list(messages(bad))
    assert any(sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(t.text or "")) for _c, s, t in rows)
    assert any(t.get("type") == "unfinished" for _c, _s, t in rows)
    assert ("X", "Open") not in i18n.load_ts(bad)


def test_national_status_labels():
    table = i18n.load_ts(TS)
    from ui.labels import STATUS

    assert {code: table[("Labels", src)] for code, src in STATUS.items()} == STATUS_LABELS


def test_vietnamese_is_the_default_whatever_the_locale(tmp_path, monkeypatch):
    monkeypatch.delenv("DESK_APP_LANG", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert i18n.chosen_language(tmp_path) == "vi"
    i18n.save_language(tmp_path, "en")
    assert i18n.chosen_language(tmp_path) == "en"


def test_qt_own_strings_are_vietnamese(qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
    qtbot.addWidget(box)
    texts = {box.button(b).text() for b in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel,
                                            QDialogButtonBox.StandardButton.Yes, QDialogButtonBox.StandardButton.No)}
    assert texts == {"Đồng ý", "Hủy", "&Có", "&Không"}
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    labels = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert labels == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]


def test_english_is_selectable(qapp):
    try:
        assert i18n.install(qapp, "en") == "en"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert i18n.fmt_appointment(__import__("ui_helpers").NOW).endswith("Monday 02/03/2026")
    finally:
        i18n.install(qapp, "vi")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    assert i18n.fmt_appointment(__import__("ui_helpers").NOW) == "09:30, Thứ Hai ngày 02/03/2026"


def test_ts_fallback_translator_reads_the_catalogue(qapp):
    tr = i18n.TsTranslator(TS)
    assert tr.translate("Errors", "The ID number (CCCD) must have 12 digits") == "Số CCCD phải gồm 12 chữ số"
    assert tr.translate("Errors", "no such text") is None
    assert not tr.isEmpty()


def test_dates_are_day_month_year():
    from datetime import date, datetime

    assert i18n.fmt_date(date(2026, 3, 5)) == "05/03/2026"
    assert i18n.fmt_datetime(datetime(2026, 3, 5, 16, 0)) == "05/03/2026 16:00"
    assert i18n.parse_date_text("5/3/1990") == date(1990, 3, 5)
    with pytest.raises(ValueError):
        i18n.parse_date_text("1990-03-05")


@pytest.mark.skipif(tool("pyside6-lrelease") is None, reason="pyside6-lrelease is not installed")
def test_compiled_catalogue_is_up_to_date(tmp_path):
    out = tmp_path / "desk_vi.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert QM.exists(), "run: pyside6-lrelease resources/i18n/desk_vi.ts -qm resources/i18n/desk_vi.qm"
    assert out.read_bytes() == QM.read_bytes(), \
        "desk_vi.qm is older than desk_vi.ts: run pyside6-lrelease resources/i18n/desk_vi.ts -qm resources/i18n/desk_vi.qm"


@pytest.mark.skipif(tool("pyside6-lupdate") is None, reason="pyside6-lupdate is not installed")
def test_every_string_of_the_window_is_in_the_catalogue(tmp_path):
    """lupdate over ui/ finds no string the catalogue lacks (a new string needs its Vietnamese)."""
    copy = tmp_path / "desk_vi.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (REPO / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-locations", "none", "-no-obsolete"],
                   check=True, capture_output=True, cwd=REPO)
    new = [(c, s) for c, s, t in messages(copy) if t.get("type") == "unfinished" or not t.text]
    assert not new, f"strings without Vietnamese (run lupdate and translate): {new[:8]}"
