"""One dossier: its facts, one button per allowed transition, the timeline of events, the
handover log and the documents received."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.dossier_rules import CHANNEL_NAMES
from desk_app.services.dossiers import DossierRecord, EventRecord, HandoverRecord, ReceivedDocument
from ui.i18n import fmt_appointment, fmt_datetime
from ui.labels import (
    action_label,
    channel_label,
    delivery_label,
    received_by_label,
    result_class_label,
    state_text,
    status_label,
)
from ui.models.record_table_model import ColumnSpec, RecordTableModel
from ui.style import set_role


def _table(name: str, model) -> QTableView:
    view = QTableView()
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setAlternatingRowColors(True)
    return view


class DossierDetail(QWidget):
    action_requested = Signal(str)  # an action of RULES
    print_requested = Signal(str)  # a form name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossier_detail")
        self.record: DossierRecord | None = None
        self.action_buttons: dict[str, QPushButton] = {}

        self.code_label = QLabel(self.tr("No dossier open"))
        self.code_label.setObjectName("code_label")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        set_role(self.status_label, "status-chip")
        self.status_label.hide()
        head = QHBoxLayout()
        head.addWidget(self.code_label)
        head.addStretch(1)
        head.addWidget(self.status_label)

        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(10)
        self.facts.setVerticalSpacing(2)
        self._fact_labels: dict[str, QLabel] = {}
        captions = [
            ("procedure", self.tr("Procedure")),
            ("applicant", self.tr("Applicant")),
            ("contact", self.tr("CCCD · phone")),
            ("received", self.tr("Received")),
            ("due", self.tr("Appointment")),
            ("state", self.tr("Deadline")),
            ("register", self.tr("Register")),
            ("delivery", self.tr("Result delivery")),
        ]
        for row, (key, text) in enumerate(captions):
            cap = QLabel(text)
            set_role(cap, "hint")
            value = QLabel()
            value.setObjectName(f"{key}_value_label")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addWidget(cap, row, 0, Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(value, row, 1)
            self._fact_labels[key] = value
        self.facts.setColumnStretch(1, 1)

        self.actions_box = QWidget()
        self.actions_box.setObjectName("actions_box")
        self.actions_layout = QGridLayout(self.actions_box)
        self.actions_layout.setContentsMargins(0, 4, 0, 4)
        self.print_receipt_button = QPushButton(self.tr("Print receipt"))
        self.print_receipt_button.setObjectName("print_receipt_button")
        self.print_control_button = QPushButton(self.tr("Print control slip"))
        self.print_control_button.setObjectName("print_control_button")
        self.print_receipt_button.clicked.connect(lambda: self.print_requested.emit("receipt"))
        self.print_control_button.clicked.connect(lambda: self.print_requested.emit("control"))
        prints = QHBoxLayout()
        prints.addWidget(self.print_receipt_button)
        prints.addWidget(self.print_control_button)
        prints.addStretch(1)

        self.events_model = RecordTableModel([
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "Time"), lambda e: fmt_datetime(e.at), lambda e: e.at.isoformat()),
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "Event"), lambda e: action_label(e.action)),
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "By"), lambda e: e.actor),
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "Details"), _event_details),
        ], "DossierDetail", self)
        self.handovers_model = RecordTableModel([
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "Step"), lambda h: h.step_no),
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "Time"), lambda h: fmt_datetime(h.at), lambda h: h.at.isoformat()),
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "From → to"), _handover_route),
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "Step deadline"), lambda h: fmt_datetime(h.step_due_at)),
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "Result"), lambda h: result_class_label(h.result_class)),
        ], "DossierDetail", self)
        self.documents_model = RecordTableModel([
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "Document"), lambda d: d.name),
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "Orig."), lambda d: d.original),
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "Cert."), lambda d: d.certified),
            ColumnSpec(QT_TRANSLATE_NOOP("DossierDetail", "Copy"), lambda d: d.copy),
        ], "DossierDetail", self)
        self.events_view = _table("events_view", self.events_model)
        header = self.events_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 120), (1, 140), (2, 56)):
            self.events_view.setColumnWidth(col, width)
        self.handovers_view = _table("handovers_view", self.handovers_model)
        header = self.handovers_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 40), (1, 112), (3, 112), (4, 80)):
            self.handovers_view.setColumnWidth(col, width)
        self.documents_view = _table("received_documents_view", self.documents_model)
        self.documents_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("detail_tabs")
        self.tabs.addTab(self.events_view, self.tr("&Timeline"))
        self.tabs.addTab(self.handovers_view, self.tr("&Handovers"))
        self.tabs.addTab(self.documents_view, self.tr("&Documents"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(head)
        layout.addLayout(self.facts)
        layout.addWidget(self.actions_box)
        layout.addLayout(prints)
        layout.addWidget(self.tabs, 1)
        self.set_record(None)

    def set_record(self, rec: DossierRecord | None) -> None:
        self.record = rec
        for button in self.action_buttons.values():
            button.deleteLater()
        self.action_buttons.clear()
        has = rec is not None
        self.print_receipt_button.setEnabled(has)
        self.print_control_button.setEnabled(has)
        if rec is None:
            self.code_label.setText(self.tr("No dossier open"))
            self.status_label.hide()
            for label in self._fact_labels.values():
                label.clear()
            self.events_model.set_rows(())
            self.handovers_model.set_rows(())
            self.documents_model.set_rows(())
            return
        self.code_label.setText(rec.code)
        self.status_label.setText(status_label(rec.status))
        set_role(self.status_label, "status-chip", rec.state)
        self.status_label.show()
        f = self._fact_labels
        f["procedure"].setText(f"{rec.procedure_code} — {rec.procedure_name}")
        applicant = rec.applicant.name
        if rec.proxy is not None:
            applicant += " · " + self.tr("authorised: {name}").format(name=rec.proxy.name)
        f["applicant"].setText(applicant)
        f["contact"].setText(" · ".join(x for x in (rec.applicant.id_number, rec.applicant.phone) if x))
        f["received"].setText(self.tr("{when} by {who} ({channel})").format(
            when=fmt_datetime(rec.received_at), who=rec.received_by,
            channel=channel_label(CHANNEL_NAMES.get(rec.channel, "direct"))))
        due = fmt_appointment(rec.due_at)
        if rec.original_due_at and rec.due_at and rec.original_due_at != rec.due_at:
            due += " " + self.tr("(originally {when})").format(when=fmt_appointment(rec.original_due_at))
        f["due"].setText(due)
        f["state"].setText(state_text(rec.state, rec.days_late))
        f["register"].setText(self.tr("Book {book}, no. {number}").format(book=rec.register_book, number=rec.register_no))
        result = delivery_label(rec.result_delivery)
        if rec.returned_at:
            result = self.tr("Returned {when} to {who}").format(when=fmt_datetime(rec.returned_at), who=rec.returned_to)
        f["delivery"].setText(result)
        self.events_model.set_rows(rec.events)
        self.handovers_model.set_rows(rec.handovers)
        self.documents_model.set_rows(rec.documents)
        self.events_view.resizeRowsToContents()
        self.handovers_view.resizeRowsToContents()
        for i, action in enumerate(rec.allowed_actions):
            button = QPushButton(action_label(action))
            button.setObjectName(f"{action.replace('-', '_')}_button")
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a))
            self.actions_layout.addWidget(button, i // 3, i % 3)
            self.action_buttons[action] = button


def _handover_route(h: HandoverRecord) -> str:
    giver = " · ".join(x for x in (h.from_unit, h.from_person) if x)
    taker = " · ".join(x for x in (h.to_unit, h.to_person) if x)
    return f"{giver} → {taker}"


def _event_details(e: EventRecord) -> str:
    parts = [status_label(e.to_status)] if e.action not in ("receive",) else []
    if e.reason:
        parts.append(e.reason)
    data = e.data or {}
    if e.action == "handover" and data.get("to_unit"):
        parts.append("→ " + data["to_unit"])
    if e.action == "extend" and e.due_after:
        parts.append("→ " + fmt_datetime(e.due_after))
    if e.action == "return" and data.get("received_by"):
        parts.append(received_by_label(data["received_by"]))
    return " · ".join(parts)


__all__ = ["DossierDetail", "EventRecord", "HandoverRecord", "ReceivedDocument"]
