"""The supervisor's board: headline counts and the overdue list with working days late."""

from __future__ import annotations

from datetime import timedelta

import pytest
from ui_helpers import NOW, receive

from ui.pages.board_page import BoardPage


@pytest.fixture
def board(qtbot, make_desk, procedures, db):
    receive(db, now=NOW - timedelta(days=7))  # same-day procedure, a week ago: 5 working days late
    receive(db, now=NOW - timedelta(days=1), procedure="1.004873", name="Lê Văn Cường", id_number="001099012346")
    receive(db, name="Trần Thị Bình", id_number="079188001122")  # due today
    desk = make_desk("boss")
    page = BoardPage(desk)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.show()
    qtbot.waitUntil(lambda: bool(page.counts))
    return page


def test_counts_and_the_overdue_list(qtbot, board):
    assert board.counts["received_today"] == 1
    assert board.counts["overdue"] == 1
    assert board.counts["due_today"] == 1
    assert board.tiles["overdue"].number_label.text() == "1"
    assert board.model.rowCount() == 1
    rec = board.model.row_record(0)
    assert rec.state == "overdue" and rec.days_late > 0
    assert board.model.index(0, 5).data() == str(rec.days_late)


def test_due_today_list_and_opening_a_dossier(qtbot, board):
    with qtbot.waitSignal(board.list_loaded, timeout=10_000) as loaded:
        board.list_buttons["due_today"].click()
    assert loaded.args == ["due_today", 1]
    with qtbot.waitSignal(board.ctx.events.dossier_requested) as requested:
        board._on_row_activated(board.proxy.index(0, 0))
    assert requested.args[0] == board.model.row_record(0).code


def test_by_procedure_and_by_clerk_match_the_database(qtbot, board, qtmodeltester, db):
    from desk_app.services import dossiers

    qtbot.waitUntil(lambda: board.procedure_model.rowCount() > 0, timeout=10_000)
    with db.session(write=False) as s:
        expected = dossiers.breakdown(s, now=board.ctx.now())
    assert board.procedure_model.rowCount() == len(expected.by_procedure)
    assert board.clerk_model.rowCount() == len(expected.by_clerk)
    first = expected.by_procedure[0]
    assert board.procedure_model.index(0, 4).data() == str(first.overdue)
    assert board.views_tabs.tabText(1) == "Theo thủ tục"
    qtmodeltester.check(board.procedure_model)
    qtmodeltester.check(board.clerk_model)
