"""One transition of a dossier, asking what the law asks for it: a reason (supplement,
payment, refusal, withdrawal, stop, extension), the new appointment (extension, with the
apology letter), the receiving unit (handover), who took the result (return).

The dialog runs the service itself, so a refused input is shown beside its field and the
dialog stays open; it closes once the event is recorded (``transition_done``).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.clock import to_local
from desk_app.domain.dossier_rules import RULES
from desk_app.errors import UserError
from desk_app.services import dossiers, users
from desk_app.services.dossiers import DossierRecord, TransitionRequest
from ui.context import DeskContext
from ui.i18n import fmt_appointment
from ui.labels import action_label, status_label
from ui.style import set_role
from ui.support import FORM_FOR_ACTION
from ui.widgets.field_errors import FieldErrors
from ui.widgets.forms import field_block

REASON_PROMPTS = {
    "request-supplement": QT_TRANSLATE_NOOP("TransitionDialog", "What must the citizen supply, and why"),
    "request-payment": QT_TRANSLATE_NOOP("TransitionDialog", "Which fee or tax is due"),
    "refuse": QT_TRANSLATE_NOOP("TransitionDialog", "Reason for refusing the dossier"),
    "withdraw": QT_TRANSLATE_NOOP("TransitionDialog", "The citizen's reason for withdrawing"),
    "stop": QT_TRANSLATE_NOOP("TransitionDialog", "Reason for stopping (and fee refund if any)"),
    "extend": QT_TRANSLATE_NOOP("TransitionDialog", "Reason for the delay"),
}
REASON_DEFAULT = QT_TRANSLATE_NOOP("TransitionDialog", "Reason")


class TransitionDialog(QDialog):
    transition_done = Signal(object)  # DossierRecord after the transition

    def __init__(self, ctx: DeskContext, record: DossierRecord, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transition_dialog")
        self.ctx = ctx
        self.record = record
        self.action = action
        self.rule = RULES[action]
        self.errors = FieldErrors()
        self.result_record: DossierRecord | None = None
        self.setWindowTitle(self.tr("{action}: {code}").format(action=action_label(action), code=record.code))
        self.setMinimumWidth(520)

        head = QLabel(self.tr("{procedure}\nApplicant: {name} · status: {status}\nAppointment: {due}").format(
            procedure=record.procedure_name, name=record.applicant.name, status=status_label(record.status),
            due=fmt_appointment(record.due_at)))
        head.setWordWrap(True)
        form = QFormLayout()
        self.reason_edit: QPlainTextEdit | None = None
        self.to_unit_edit: QLineEdit | None = None
        self.to_person_edit: QLineEdit | None = None
        self.new_due_date_edit: QDateEdit | None = None
        self.new_due_time_edit: QTimeEdit | None = None
        self.received_by_edit: QLineEdit | None = None

        if action == "handover":
            self.to_unit_edit = QLineEdit(record.resolving_unit)
            self.to_unit_edit.setObjectName("to_unit_edit")
            self.to_person_edit = QLineEdit()
            self.to_person_edit.setObjectName("to_person_edit")
            form.addRow(self.tr("Receiving &unit *"), field_block(self.to_unit_edit, "to_unit", self.errors))
            form.addRow(self.tr("Receiving &person"), field_block(self.to_person_edit, "to_person", self.errors))
        if action == "extend":
            current = to_local(record.due_at) if record.due_at else to_local(ctx.now())
            self.new_due_date_edit = QDateEdit()
            self.new_due_date_edit.setObjectName("new_due_date_edit")
            self.new_due_date_edit.setCalendarPopup(True)
            self.new_due_date_edit.setDisplayFormat("dd/MM/yyyy")
            nxt = current.date() + timedelta(days=1)
            while nxt.weekday() >= 5:
                nxt += timedelta(days=1)
            self.new_due_date_edit.setDate(QDate(nxt.year, nxt.month, nxt.day))
            self.new_due_time_edit = QTimeEdit(QTime(current.hour, current.minute))
            self.new_due_time_edit.setObjectName("new_due_time_edit")
            self.new_due_time_edit.setDisplayFormat("HH:mm")
            row = QWidget()
            rl = QHBoxLayout(row)
            rl.setContentsMargins(0, 0, 0, 0)
            rl.addWidget(self.new_due_date_edit)
            rl.addWidget(self.new_due_time_edit)
            rl.addStretch(1)
            form.addRow(self.tr("New &appointment *"), field_block(row, "new_due", self.errors))
            self.errors.add("new_due", self.new_due_date_edit, self.errors.label("new_due"))
        if self.rule.needs_reason:
            self.reason_edit = QPlainTextEdit()
            self.reason_edit.setObjectName("reason_edit")
            self.reason_edit.setTabChangesFocus(True)
            self.reason_edit.setFixedHeight(80)
            self.reason_edit.setPlaceholderText(QCoreApplication.translate("TransitionDialog", REASON_PROMPTS.get(action, REASON_DEFAULT)))
            form.addRow(self.tr("&Reason *"), field_block(self.reason_edit, "reason", self.errors))
        if action == "return":
            self.received_by_group = QButtonGroup(self)
            self.by_applicant_radio = QRadioButton(self.tr("The applicant: {name}").format(name=record.applicant.name))
            self.by_applicant_radio.setObjectName("by_applicant_radio")
            self.by_applicant_radio.setChecked(True)
            choices = QVBoxLayout()
            choices.addWidget(self.by_applicant_radio)
            self.received_by_group.addButton(self.by_applicant_radio)
            self.by_proxy_radio = None
            if record.proxy is not None:
                self.by_proxy_radio = QRadioButton(self.tr("The authorised person: {name}").format(name=record.proxy.name))
                self.by_proxy_radio.setObjectName("by_proxy_radio")
                self.received_by_group.addButton(self.by_proxy_radio)
                choices.addWidget(self.by_proxy_radio)
            self.by_other_radio = QRadioButton(self.tr("Someone else:"))
            self.by_other_radio.setObjectName("by_other_radio")
            self.received_by_group.addButton(self.by_other_radio)
            self.received_by_edit = QLineEdit()
            self.received_by_edit.setObjectName("received_by_edit")
            self.received_by_edit.setPlaceholderText(self.tr("Full name of the person taking the result"))
            self.received_by_edit.textEdited.connect(lambda _t: self.by_other_radio.setChecked(True))
            other = QHBoxLayout()
            other.addWidget(self.by_other_radio)
            other.addWidget(self.received_by_edit, 1)
            choices.addLayout(other)
            box = QWidget()
            box.setLayout(choices)
            form.addRow(self.tr("Received by"), field_block(box, "received_by", self.errors))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note_edit")
        form.addRow(self.tr("&Note"), field_block(self.note_edit, "note", self.errors))

        self.form_label = QLabel()
        form_name = FORM_FOR_ACTION.get(action)
        if form_name:
            self.form_label.setText(self.tr("The form for this step will be printed after saving."))
            set_role(self.form_label, "hint")
        self.general_error_label = QLabel()
        self.general_error_label.setObjectName("general_error_label")
        self.general_error_label.setWordWrap(True)
        set_role(self.general_error_label, "error")
        self.general_error_label.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok_button")
        self.ok_button.setText(action_label(action))
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.form_label)
        layout.addWidget(self.general_error_label)
        layout.addWidget(self.buttons)
        first = self.to_unit_edit or self.reason_edit or self.note_edit
        first.setFocus()

    def request(self) -> TransitionRequest:
        new_due = None
        if self.new_due_date_edit is not None:
            d = self.new_due_date_edit.date().toPython()
            t = self.new_due_time_edit.time().toPython()
            new_due = to_local(datetime.combine(d, time(t.hour, t.minute)))
        received_by = ""
        if self.action == "return":
            if self.by_other_radio.isChecked():
                received_by = self.received_by_edit.text().strip()
            elif self.by_proxy_radio is not None and self.by_proxy_radio.isChecked():
                received_by = self.record.proxy.name
            else:
                received_by = self.record.applicant.name
        return TransitionRequest(
            action=self.action,
            reason=self.reason_edit.toPlainText() if self.reason_edit else "",
            new_due=new_due,
            to_unit=self.to_unit_edit.text() if self.to_unit_edit else "",
            to_person=self.to_person_edit.text() if self.to_person_edit else "",
            note=self.note_edit.text(),
            received_by=received_by,
        )

    def _on_ok_clicked(self) -> None:
        self.errors.clear()
        self.general_error_label.hide()
        req = self.request()
        if self.action == "return" and self.by_other_radio.isChecked() and not req.received_by:
            self.errors.set("received_by", self.tr("Enter who took the result"), focus=True)
            self.received_by_edit.setFocus()
            return
        self.ok_button.setEnabled(False)
        now, actor, code = self.ctx.now(), self.ctx.actor, self.record.code

        def work(s):
            users.require_role(s, actor, "clerk")
            return dossiers.transition(s, code, req, now=now, actor=actor)

        self.ctx.tasks.db_for(self, work, self._on_done, write=True, on_error=self._on_failed,
                          label=self.tr("Saving…"), parent=self)

    def _on_failed(self, exc: UserError) -> None:
        self.ok_button.setEnabled(True)
        leftover = self.errors.show_user_error(exc)
        if leftover:
            self.general_error_label.setText(leftover)
            self.general_error_label.show()

    def _on_done(self, rec: DossierRecord) -> None:
        self.result_record = rec
        self.transition_done.emit(rec)
        self.accept()

