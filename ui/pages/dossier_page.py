"""The dossier desk: find dossiers (search, or filters done in SQL by the services), see one,
move it on. A barcode scanner types a code and Enter into the search box: the dossier opens.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import UserError
from desk_app.services import catalog, dossiers
from desk_app.services.dossiers import DossierRecord, ListFilter
from ui import support
from ui.context import DeskContext
from ui.dialogs.transition_dialog import TransitionDialog
from ui.labels import status_label
from ui.messages import user_error_text
from ui.models.dossier_table_model import SORT_ROLE, Column, DossierTableModel
from ui.style import set_role
from ui.widgets.dossier_detail import DossierDetail

log = logging.getLogger(__name__)

ANY_DATE = QDate(2000, 1, 1)
LIST_LIMIT = 500


class DossierPage(QWidget):
    dossier_opened = Signal(object)  # DossierRecord (with events)
    list_loaded = Signal(int)
    form_printed = Signal(str, str)  # form, path ('' when printing is not available)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossier_page")
        self.ctx = ctx
        self.current_dialog: TransitionDialog | None = None
        self._list_seq = 0
        self._detail_seq = 0
        self._loaded_once = False
        self._build()
        ctx.events.dossier_changed.connect(self._on_dossier_changed)
        ctx.events.procedures_changed.connect(self._load_procedures)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(self.tr("Scan or type a dossier code, CCCD, phone or name… (F3)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(300)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("status_combo")
        self.status_combo.addItem(self.tr("All statuses"), ())
        self.status_combo.addItem(self.tr("Open (clock running)"), (1, 2, 4))
        self.status_combo.addItem(self.tr("Paused (waiting for the citizen)"), (5, 6))
        for code in range(1, 11):
            self.status_combo.addItem(f"{code}. {status_label(code)}", (code,))
        self.status_combo.setMaximumWidth(230)

        self.procedure_combo = QComboBox()
        self.procedure_combo.setObjectName("procedure_combo")
        self.procedure_combo.addItem(self.tr("All procedures"), "")
        self.procedure_combo.setMaximumWidth(230)
        self.procedure_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.procedure_combo.setMinimumContentsLength(14)

        self.from_date_edit = self._date_edit("from_date_edit")
        self.to_date_edit = self._date_edit("to_date_edit")
        self.overdue_check = QCheckBox(self.tr("&Overdue"))
        self.overdue_check.setObjectName("overdue_check")
        self.due_soon_check = QCheckBox(self.tr("Due &soon"))
        self.due_soon_check.setObjectName("due_soon_check")
        self.due_soon_check.setToolTip(self.tr("Due today or on the next working day"))
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.setObjectName("refresh_button")

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.status_combo, 2)
        filters.addWidget(self.procedure_combo, 2)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.from_date_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.to_date_edit)
        filters.addWidget(self.overdue_check)
        filters.addWidget(self.due_soon_check)
        filters.addWidget(self.refresh_button)

        self.model = DossierTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table_view = QTableView()
        self.table_view.setObjectName("dossier_table_view")
        self.table_view.setModel(self.proxy)
        self.table_view.setSortingEnabled(True)
        self.table_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.verticalHeader().hide()
        self.table_view.verticalHeader().setDefaultSectionSize(24)
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((Column.CODE, 206), (Column.APPLICANT, 132), (Column.RECEIVED, 82),
                           (Column.DUE, 124), (Column.STATUS, 118), (Column.STATE, 130)):
            self.table_view.setColumnWidth(col, width)
        # The code carries the day of receipt (…-YYMMDD-NNNN) and the date filters are above:
        # the received column stays in the model (sorting, tooltips) but is hidden to leave the
        # procedure's name room at 1366 px.
        self.table_view.setColumnHidden(Column.RECEIVED, True)
        self.table_view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        set_role(self.count_label, "hint")
        self.message_label = QLabel()
        self.message_label.setObjectName("message_label")
        set_role(self.message_label, "error")
        self.message_label.hide()

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.table_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addWidget(self.message_label, 1)
        lv.addLayout(row)

        self.detail = DossierDetail()
        self.detail.action_requested.connect(self._on_action_requested)
        self.detail.print_requested.connect(self._on_print_requested)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("dossier_splitter")
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([880, 470])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.search_edit.returnPressed.connect(self._on_search_submitted)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.refresh_button.clicked.connect(self.refresh)
        for combo in (self.status_combo, self.procedure_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        for edit in (self.from_date_edit, self.to_date_edit):
            edit.dateChanged.connect(self._on_filter_changed)
        for check in (self.overdue_check, self.due_soon_check):
            check.toggled.connect(self._on_filter_changed)
        QWidget.setTabOrder(self.search_edit, self.table_view)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(ANY_DATE)
        edit.setToolTip(self.tr("Received on or after / before this day; the first day of the calendar means any"))
        return edit

    # ------------------------------------------------------------------ public

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self._load_procedures()
            self.refresh()

    def current_filter(self) -> ListFilter:
        def day(edit: QDateEdit) -> date | None:
            return None if edit.date() == ANY_DATE else edit.date().toPython()

        return ListFilter(
            status=tuple(self.status_combo.currentData() or ()),
            overdue=self.overdue_check.isChecked(),
            due_within=1 if self.due_soon_check.isChecked() else None,
            procedure_code=self.procedure_combo.currentData() or "",
            received_from=day(self.from_date_edit),
            received_to=day(self.to_date_edit),
            limit=LIST_LIMIT,
        )

    def refresh(self) -> None:
        """Reload the list: the search results if a search is typed, else the filters."""
        text = self.search_edit.text().strip()
        if text:
            self._run_search(text, open_first=False)
        else:
            self._run_list()

    def open_code(self, code: str) -> None:
        """Show one dossier (from the board, or a scan)."""
        self.search_edit.setText(code)
        self._run_search(code, open_first=True)

    # ------------------------------------------------------------------ loading

    def _load_procedures(self) -> None:
        def done(procs) -> None:
            current = self.procedure_combo.currentData()
            self.procedure_combo.blockSignals(True)
            self.procedure_combo.clear()
            self.procedure_combo.addItem(self.tr("All procedures"), "")
            for p in procs:
                self.procedure_combo.addItem(f"{p.code} {p.name}", p.code)
                self.procedure_combo.setItemData(self.procedure_combo.count() - 1, p.name, Qt.ItemDataRole.ToolTipRole)
            idx = self.procedure_combo.findData(current)
            self.procedure_combo.setCurrentIndex(max(0, idx))
            self.procedure_combo.blockSignals(False)

        self.ctx.tasks.db_for(self, lambda s: catalog.list_procedures(s), done, on_error=self._on_list_error)

    def _run_list(self) -> None:
        flt = self.current_filter()
        now = self.ctx.now()
        self._list_seq += 1
        seq = self._list_seq
        self.ctx.tasks.db_for(self, lambda s: dossiers.list_dossiers(s, flt, now=now),
                          lambda recs: self._show_records(seq, recs, open_first=False),
                          on_error=self._on_list_error, label=self.tr("Loading dossiers…"), parent=self)

    def _run_search(self, text: str, *, open_first: bool) -> None:
        now = self.ctx.now()
        self._list_seq += 1
        seq = self._list_seq
        self.ctx.tasks.db_for(self, lambda s: dossiers.search(s, text, now=now, limit=LIST_LIMIT),
                          lambda recs: self._show_records(seq, recs, open_first=open_first, searched=text),
                          on_error=self._on_list_error, label=self.tr("Searching…"), parent=self)

    def _show_records(self, seq: int, recs: list[DossierRecord], *, open_first: bool, searched: str = "") -> None:
        if seq != self._list_seq:
            return
        self.message_label.hide()
        current = self.detail.record.code if self.detail.record else None
        self.model.set_records(recs)
        if searched:
            self.count_label.setText(self.tr("{n} dossiers found for “{text}”").format(n=len(recs), text=searched))
        else:
            more = self.tr(" (first {limit})").format(limit=LIST_LIMIT) if len(recs) >= LIST_LIMIT else ""
            self.count_label.setText(self.tr("{n} dossiers").format(n=len(recs)) + more)
        if searched and not recs:
            self.message_label.setText(self.tr("No dossier matches “{text}”").format(text=searched))
            self.message_label.show()
        target = recs[0].code if (open_first or searched) and recs else current
        if target is not None and self._select_code(target):
            pass
        elif not recs:
            self.detail.set_record(None)
        if searched:
            self.search_edit.selectAll()  # the next scan replaces this code
        self.list_loaded.emit(len(recs))

    def _select_code(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table_view.selectRow(index.row())
        self.table_view.scrollTo(index)
        if self.detail.record is None or self.detail.record.code != code:
            self._load_detail(code)
        return True

    def _on_list_error(self, exc: UserError) -> None:
        self.message_label.setText(user_error_text(exc).text)
        self.message_label.show()

    def _on_current_row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        rec = self.model.record(self.proxy.mapToSource(current).row())
        if rec is not None and (self.detail.record is None or self.detail.record.code != rec.code):
            self._load_detail(rec.code)

    def _load_detail(self, code: str) -> None:
        now = self.ctx.now()
        self._detail_seq += 1
        seq = self._detail_seq

        def done(rec: DossierRecord) -> None:
            if seq == self._detail_seq:
                self.detail.set_record(rec)
                self.dossier_opened.emit(rec)

        self.ctx.tasks.db_for(self, lambda s: dossiers.show(s, code, now=now), done, on_error=self._on_list_error)

    # ------------------------------------------------------------------ events

    def _on_search_submitted(self) -> None:
        text = self.search_edit.text().strip()
        if text:
            self._run_search(text, open_first=True)
        else:
            self._run_list()

    def _on_search_text_changed(self, text: str) -> None:
        if not text.strip():
            self._run_list()

    def _on_filter_changed(self, *_args) -> None:
        if self.search_edit.text():
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
        self._run_list()

    def _on_dossier_changed(self, code: str) -> None:
        if not self._loaded_once:
            return
        if self.detail.record is not None and self.detail.record.code == code:
            self._load_detail(code)
        self.refresh()

    def _on_action_requested(self, action: str) -> None:
        rec = self.detail.record
        if rec is None:
            return
        dlg = TransitionDialog(self.ctx, rec, action, self)
        dlg.transition_done.connect(self._on_transition_done)
        dlg.finished.connect(lambda _r: setattr(self, "current_dialog", None))
        self.current_dialog = dlg
        dlg.open()

    def _on_transition_done(self, rec: DossierRecord) -> None:
        action = rec.events[-1].action if rec.events else ""
        log.info("dossier %s: %s", rec.code, action)
        self.detail.set_record(rec)
        self.model.replace_record(rec)
        self.ctx.events.dossier_changed.emit(rec.code)
        form = support.FORM_FOR_ACTION.get(action)
        if form:
            self._print(form, rec.code)

    def _on_print_requested(self, form: str) -> None:
        if self.detail.record is not None:
            self._print(form, self.detail.record.code)

    def _print(self, form: str, code: str) -> None:
        now, actor, data_dir = self.ctx.now(), self.ctx.actor, self.ctx.data_dir

        def done(path) -> None:
            if path is None:
                self.message_label.setText(self.tr("Printing is not installed on this desk; nothing was printed."))
                self.message_label.show()
                self.form_printed.emit(form, "")
                return
            support.open_path(path)
            self.form_printed.emit(form, str(path))

        def failed(exc: UserError) -> None:
            self.message_label.setText(self.tr("Not printed: {reason}").format(reason=user_error_text(exc).text))
            self.message_label.show()
            self.form_printed.emit(form, "")

        self.ctx.tasks.db_for(self, lambda s: support.print_form(s, form, code, data_dir, now=now, actor=actor), done,
                          write=True, on_error=failed, label=self.tr("Printing…"), parent=self)
