"""Every Qt model of the window passes qtmodeltester."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt
from ui_helpers import NOW, receive

from desk_app.services import catalog, dossiers
from desk_app.services.dossiers import ListFilter
from ui.models.checklist_model import ChecklistModel
from ui.models.dossier_table_model import SORT_ROLE, Column, DossierTableModel
from ui.models.procedure_list_model import ProcedureFilterProxy, ProcedureListModel
from ui.models.record_table_model import ColumnSpec, RecordTableModel


def test_dossier_table_model(qtmodeltester, db, procedures):
    receive(db, now=NOW - timedelta(days=7))
    rec = receive(db, name="Trần Thị Bình", id_number="079188001122")
    with db.session(write=False) as s:
        rows = dossiers.list_dossiers(s, ListFilter(), now=NOW)
        full = dossiers.show(s, rec.code, now=NOW)
    model = DossierTableModel()
    model.set_records(rows)
    qtmodeltester.check(model)
    assert model.columnCount() == len(Column)
    assert model.headerData(Column.DUE, Qt.Orientation.Horizontal) == "Hẹn trả"
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(Column.STATE)
    assert proxy.index(0, Column.STATE).data().startswith("Quá hạn")
    qtmodeltester.check(proxy)
    model.replace_record(full)  # a full record (after a transition) replaces its summary
    assert model.record(model.row_of(rec.code)).code == rec.code
    model.set_records([])
    qtmodeltester.check(model)


def test_record_table_model(qtmodeltester):
    model = RecordTableModel([ColumnSpec("Name", lambda r: r["n"]), ColumnSpec("Count", lambda r: r["c"])], "X")
    model.set_rows([{"n": "a", "c": 1}, {"n": "b", "c": None}])
    qtmodeltester.check(model)


def test_checklist_model(qtmodeltester, db, procedures):
    with db.session(write=False) as s:
        proc = catalog.get_procedure(s, "1.001193")
    model = ChecklistModel()
    model.set_documents(proc.documents)
    qtmodeltester.check(model)
    assert model.index(2, 0).data().endswith("(chỉ xuất trình, không lưu)")
    assert len(model.received()) == 2  # the present-only document is not kept
    assert not model.setData(model.index(0, 1), 100)


def test_procedure_models(qtmodeltester, db, procedures):
    with db.session(write=False) as s:
        procs = catalog.list_procedures(s)
    model = ProcedureListModel()
    model.set_procedures(procs)
    qtmodeltester.check(model)
    proxy = ProcedureFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_query("chung thuc")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 4
