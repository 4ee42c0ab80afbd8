"""The Sync page: at a commune (last export, acknowledgement and its age, the 14-day warning,
export to a USB folder, import, the code read over the phone) and at the upstream office (the
per-commune board). A second data folder plays the upstream office, as in tests/test_sync.py."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel
from ui_helpers import NOW, UNIT_CODE, receive

from db.engine import open_database
from desk_app.clock import Clock
from desk_app.services import setup
from desk_app.services import sync as sync_service
from ui.main_window import MainWindow
from ui.pages.sync_page import (
    AMBER,
    RED,
    BoardColumn,
    CommuneBoardTableModel,
    CommuneSyncPage,
    UpstreamSyncPage,
    make_sync_page,
)

OFFICE = "000.00.17.H56"


@dataclass
class Office:
    db: object
    data_dir: Path
    unit: setup.UnitInfo


@pytest.fixture
def office(tmp_path, db, data_dir, unit):
    """An upstream office in its own data folder, the commune enrolled there and trusting it."""
    udir = tmp_path / "upstream"
    up = open_database(udir)
    with up.session() as s:
        office_unit = setup.init_unit(s, unit_code=OFFICE, unit_name="Trung tâm Phục vụ hành chính công tỉnh Mẫu",
                                      upstream=True, now=NOW, actor="admin")
    req = sync_service.enroll_request(db, data_dir, tmp_path / "enroll.json", now=NOW)
    sync_service.enroll(up, Path(req.path), fingerprint=req.fingerprint, now=NOW, actor="office")
    key = sync_service.upstream_key(up, udir, tmp_path / "office-key.json", now=NOW)
    sync_service.trust_upstream(db, data_dir, Path(key.path), fingerprint=key.fingerprint, replace=False, now=NOW,
                                actor="admin")
    yield Office(up, udir, office_unit)
    up.dispose()


@pytest.fixture
def commune_page(qtbot, make_desk, procedures):
    page = CommuneSyncPage(make_desk("boss"))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    with qtbot.waitSignal(page.status_loaded, timeout=10_000):
        page.show()
    return page


def reload(qtbot, page) -> None:
    with qtbot.waitSignal(page.status_loaded, timeout=10_000):
        page.refresh()


def office_import(office: Office, files, ack_dir: Path):
    return sync_service.import_files(office.db, office.data_dir, files, now=NOW, actor="office", ack_dir=ack_dir)


def acked_through(db) -> int:
    return sync_service.status(db, now=NOW).acked_through_change_id


# ----------------------------------------------------------------------------- the commune


def test_fresh_desk_shows_never_exported(commune_page):
    page = commune_page
    assert page.export_tile.value_label.text() == "Chưa xuất lần nào"
    assert page.ack_tile.value_label.text() == "Chưa có"
    assert int(page.unacked_tile.value_label.text()) == page.status.unacknowledged_changes > 0
    # no office key trusted yet: a red banner says what to do, and nothing can be exported
    assert page.warning_label.isVisible() and page.warning_label.property("state") == RED
    assert "trust-upstream" in page.warning_label.text()
    assert not page.export_button.isEnabled()


def test_export_to_a_folder_writes_a_bundle_and_the_page_updates(qtbot, office, commune_page, tmp_path, monkeypatch):
    page = commune_page
    reload(qtbot, page)
    assert page.export_button.isEnabled() and not page.warning_label.isVisible()
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(usb)))
    with qtbot.waitSignal(page.exported, timeout=20_000) as exported:
        page.export_button.click()
    res = exported.args[0]
    written = sorted(p.name for p in usb.iterdir())
    assert written == [f"{UNIT_CODE}_1_00001_{NOW:%Y%m%d}.mcb"] == [f.name for f in res.files]
    text = page.result_browser.toPlainText()
    assert str(usb / written[0]) in text and "đọc lại và kiểm tra" in text and "có thể rút USB" in text
    assert page.progress_label.text().endswith("có thể rút USB.")
    qtbot.waitUntil(lambda: page.status.last_export is not None, timeout=10_000)
    assert page.export_tile.value_label.text() == "02/03/2026 09:30"
    assert "Gói số 1" in page.export_tile.detail_label.text() and written[0] in page.export_tile.detail_label.text()
    assert page.unacked_tile.value_label.text() == str(res.count)
    assert page.ack_tile.value_label.text() == "Chưa có"
    assert page.export_button.isEnabled()


def test_warning_after_14_days_without_acknowledgement(qtbot, office, commune_page, db, tmp_path, monkeypatch):
    page = commune_page
    reload(qtbot, page)
    usb = tmp_path / "usb"
    with qtbot.waitSignal(page.exported, timeout=20_000) as exported:
        page.export_to(usb)
    rep = office_import(office, [f.path for f in exported.args[0].files], tmp_path / "acks")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([rep.acks[0].path], "")))
    with qtbot.waitSignal(page.imported, timeout=20_000):
        page.import_button.click()
    assert "cấp trên đã áp dụng mọi thay đổi đến số" in page.result_browser.toPlainText()
    qtbot.waitUntil(lambda: page.status.last_ack_at is not None, timeout=10_000)
    assert page.ack_tile.value_label.text() == "Hôm nay" and page.unacked_tile.value_label.text() == "0"

    receive(db)  # a new dossier: a change waiting for the next acknowledgement
    page.ctx.clock = Clock(NOW + timedelta(days=15))
    reload(qtbot, page)
    assert page.warning_label.isVisible() and page.warning_label.property("state") == RED
    assert "15 ngày" in page.warning_label.text()
    assert page.ack_tile.value_label.text() == "15 ngày trước" and page.ack_tile.property("state") == "overdue"

    page.ctx.clock = Clock(NOW + timedelta(days=10))
    reload(qtbot, page)
    assert page.warning_label.property("state") == AMBER and page.ack_tile.property("state") == "due_today"

    page.ctx.clock = Clock(NOW + timedelta(days=3))
    reload(qtbot, page)
    assert not page.warning_label.isVisible() and page.ack_tile.property("state") == ""


def test_a_wrong_code_shows_the_error_and_changes_nothing(qtbot, office, commune_page, db, data_dir, tmp_path):
    page = commune_page
    res = sync_service.export(db, data_dir, tmp_path / "usb", now=NOW, actor="boss")
    code = office_import(office, [f.path for f in res.files], tmp_path / "acks").acks[0].short_code
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    error_label = page.findChild(QLabel, "ack_code_error_label")

    page.ack_code_button.click()  # nothing typed
    assert error_label.isVisible() and error_label.text() == "Hãy nhập mã do cấp trên đọc qua điện thoại"

    page.ack_code_edit.setText(wrong)
    with qtbot.waitSignal(page.failed, timeout=10_000) as failed:
        page.ack_code_button.click()
    assert failed.args[0].startswith("Mã không đúng")
    assert error_label.isVisible() and error_label.text() == failed.args[0]
    assert page.ack_code_edit.property("invalid") is True and page.ack_code_edit.text() == wrong
    assert acked_through(db) == 0

    page.ack_code_edit.setText(code.lower().replace("-", " "))  # as heard over a bad line
    with qtbot.waitSignal(page.code_accepted, timeout=10_000) as accepted:
        page.ack_code_button.click()
    assert accepted.args[0]["outcome"] == "advanced"
    assert acked_through(db) == accepted.args[0]["applied_through"] == res.to_change_id
    assert not error_label.isVisible() and page.ack_code_edit.text() == ""
    qtbot.waitUntil(lambda: page.status.last_ack_at is not None, timeout=10_000)
    assert page.ack_tile.value_label.text() == "Hôm nay"


# ----------------------------------------------------------------------------- the upstream office


def test_upstream_board_lists_a_commune_after_importing_its_bundle(qtbot, qtmodeltester, office, procedures, db,
                                                                    data_dir, staff, tmp_path, monkeypatch):
    from ui.context import DeskContext
    from ui.taskman import TaskManager

    receive(db)
    res = sync_service.export(db, data_dir, tmp_path / "usb", now=NOW, actor="boss")
    tasks = TaskManager(office.db)
    desk = DeskContext(db=office.db, tasks=tasks, clock=Clock(NOW), data_dir=office.data_dir, user=staff["boss"],
                       unit=office.unit)
    try:
        page = make_sync_page(desk)
        assert isinstance(page, UpstreamSyncPage)
        qtbot.addWidget(page)
        page.resize(1366, 700)
        with qtbot.waitSignal(page.status_loaded, timeout=10_000):
            page.show()
        assert page.model.rowCount() == 1 and page.model.attention(0) == AMBER  # enrolled, nothing received yet
        assert page.model.index(0, BoardColumn.LAST_BUNDLE).data() == "chưa có"
        qtmodeltester.check(page.model)

        acks = tmp_path / "acks-for-communes"
        acks.mkdir()
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(acks)))
        page.change_ack_dir_button.click()
        assert str(acks) in page.ack_dir_label.text()
        monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                            staticmethod(lambda *a, **k: ([f.path for f in res.files], "")))
        with qtbot.waitSignal(page.imported, timeout=20_000) as imported:
            page.import_button.click()
        rep = imported.args[0]
        assert rep.ok and [f.status for f in rep.files] == ["applied"]
        qtbot.waitUntil(lambda: page.model.row_record(0).last_seq == 1, timeout=10_000)

        row = {col: page.model.index(0, col).data() for col in BoardColumn}
        assert row[BoardColumn.UNIT] == UNIT_CODE and row[BoardColumn.STATION] == "1"
        assert row[BoardColumn.LAST_BUNDLE] == "số 1 · 02/03/2026 09:30"
        assert row[BoardColumn.DATA_AS_OF] == "02/03/2026 09:30"
        assert row[BoardColumn.GAPS] == "" and row[BoardColumn.QUARANTINED] == "0"
        assert row[BoardColumn.CHAIN] == "liền mạch" and row[BoardColumn.DOSSIERS] == "1"
        assert page.model.attention(0) == "" and page.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
        qtmodeltester.check(page.model)
        qtmodeltester.check(page.proxy)

        ack = rep.acks[0]
        assert Path(ack.path).parent == acks and Path(ack.path).exists()
        text = page.result_browser.toPlainText()
        assert ack.path in text and ack.short_code in text
        assert page.summary_label.text() == "1 máy của xã; 0 máy cần chú ý."
    finally:
        qtbot.waitUntil(tasks.is_idle, timeout=10_000)
        tasks.shutdown()


def test_rows_needing_attention_are_coloured(qtmodeltester):
    ok = sync_service.StationBoard(
        unit_code=UNIT_CODE, unit_name="UBND xã Tân Lập", station=1, station_id="a", status="active",
        applied_through=40, last_seq=3, last_bundle_at=NOW - timedelta(days=2), data_as_of="2026-02-28T16:00:00+07:00",
        held=(), quarantined=0, quarantine=(), chain_break="", versions={}, calendar_differs=False, dossiers=12)
    gap = replace(ok, unit_code="000.17.22.H57", station_id="b",
                  held=({"seq": 5, "from": 51, "to": 60, "file": "x.mcb", "missing": "41..50"},))
    broken = replace(ok, unit_code="000.17.22.H58", station_id="c", chain_break="the audit chain does not extend")
    quarantined = replace(ok, unit_code="000.17.22.H59", station_id="d", quarantined=2, quarantine=(
        {"change_id": 7, "entity": "dossier", "key": "k", "code": "UNKNOWN_PROCEDURE_VERSION", "MaHoSo": "X-1"},))
    stale = replace(ok, unit_code="000.17.22.H60", station_id="e", last_bundle_at=NOW - timedelta(days=20))
    replaced = replace(broken, unit_code="000.17.22.H61", station_id="f", status="replaced")
    model = CommuneBoardTableModel()
    model.set_rows([ok, gap, broken, quarantined, stale, replaced], NOW)
    qtmodeltester.check(model)
    assert [model.attention(r) for r in range(6)] == ["", RED, RED, AMBER, AMBER, ""]
    assert model.index(1, BoardColumn.GAPS).data() == "41–50"
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(2, BoardColumn.CHAIN).data() == "ĐỨT"
    assert "X-1" in model.index(3, BoardColumn.ATTENTION).data(Qt.ItemDataRole.ToolTipRole)
    assert "20 ngày" in model.index(4, BoardColumn.ATTENTION).data()
    assert model.index(5, 0).data(Qt.ItemDataRole.ForegroundRole) is not None


# ----------------------------------------------------------------------------- the window


def test_the_sync_tab_is_for_supervisors_and_admins(qtbot, make_desk, procedures):
    boss = MainWindow(make_desk("boss"))
    qtbot.addWidget(boss)
    assert isinstance(boss.sync_page, CommuneSyncPage)
    assert boss.tabs.tabText(boss.tab_index("sync")) == "Đồng bộ"
    admin = MainWindow(make_desk("admin"))
    qtbot.addWidget(admin)
    assert isinstance(admin.sync_page, CommuneSyncPage)
    clerk = MainWindow(make_desk("clerk1"))
    qtbot.addWidget(clerk)
    assert clerk.sync_page is None
