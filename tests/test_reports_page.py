"""The window's report page over the hand-built history (pytest-qt, offscreen, SQLite)."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk_app.clock import Clock  # noqa: E402
from desk_app.reports.periods import parse_period  # noqa: E402
from tests.test_reports import build_history, t  # noqa: E402


@pytest.fixture
def page(qtbot, sqlite_desk, data_dir):
    from desk_app.services.setup import get_unit
    from ui.context import DeskContext
    from ui.pages.report_page import ReportPage
    from ui.taskman import TaskManager

    build_history(sqlite_desk)
    with sqlite_desk.session(write=False) as s:
        unit = get_unit(s)
    tasks = TaskManager(sqlite_desk)
    ctx = DeskContext(db=sqlite_desk, tasks=tasks, clock=Clock(t("2026-04-03T09:00:00")), data_dir=data_dir, unit=unit)
    widget = ReportPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    with qtbot.waitSignal(widget.report_loaded, timeout=10_000):  # the previous month, on first show
        widget.show()
    yield widget
    qtbot.waitUntil(tasks.is_idle, timeout=10_000)
    tasks.shutdown()


def test_page_shows_the_table_indicators_and_exports(qtbot, page, tmp_path):
    assert page.period() == parse_period("2026-03")  # the previous month by default
    with qtbot.waitSignal(page.report_loaded, timeout=10_000):
        page.show_button.click()
    assert page.model.rowCount() == 9  # 3 fields, 5 procedures, the total
    last = page.model.rowCount() - 1
    assert page.model.index(last, 1).data() == "TỔNG CỘNG"
    assert page.model.index(last, 3).data() == "17"
    assert "Mức độ hài lòng: 45,38%" in page.indicators_label.text()
    assert len(page.weekly_chart.weeks) == 6 and len(page.on_time_chart.rows) == 2
    page.tabs.setCurrentIndex(1)
    page.grab().save(str(tmp_path / "pictures.png"))
    page.tabs.setCurrentIndex(0)
    page.grab().save(str(tmp_path / "table.png"))
    for fmt in ("xlsx", "pdf"):
        target = tmp_path / f"march.{fmt}"
        with qtbot.waitSignal(page.exported, timeout=20_000) as done:
            page.export_to(fmt, str(target))
        assert done.args == [str(target)] and target.stat().st_size > 1000


def test_period_choices(page):
    page.set_period(parse_period("2026-Q1"))
    assert page.period() == parse_period("2026-Q1")
    page.set_period(parse_period("2025-H2"))
    assert page.period() == parse_period("2025-H2")
    page.set_period(parse_period("2026"))
    assert page.period() == parse_period("2026")
    assert not page.part_combo.isVisible()
