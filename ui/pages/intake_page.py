"""Intake (tiếp nhận): procedure, checklist, applicant, appointment; save and print with
Ctrl+Enter. Built for the keyboard: type words of the procedure, Enter, type the name, Tab,
the CCCD, Tab, the phone, Ctrl+Enter.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.dossier_rules import check_email, check_id_number, check_name, check_phone
from desk_app.errors import UserError
from desk_app.services import startup
from desk_app.services.records import Intake, Person, ProcedureInfo
from ui import support
from ui.context import DeskContext
from ui.i18n import fmt_appointment, parse_date_text
from ui.labels import channel_label, delivery_label, duration_text
from ui.models.checklist_model import ChecklistModel
from ui.models.checklist_model import Column as CheckColumn
from ui.style import set_role
from ui.widgets.field_errors import FieldErrors
from ui.widgets.forms import caption, field_block, section_label
from ui.widgets.procedure_picker import ProcedurePicker

if TYPE_CHECKING:
    from desk_app.services.dossiers import DossierRecord

log = logging.getLogger(__name__)

QUOTE_REFRESH_MS = 60_000
_ID_CHARS = re.compile(r"[\s.\-]")


class IntakePage(QWidget):
    dossier_saved = Signal(object)  # DossierRecord
    receipt_printed = Signal(str)  # the PDF's path ('' when printing is not available)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake_page")
        self.ctx = ctx
        self.errors = FieldErrors()
        self.last_saved: DossierRecord | None = None
        self._saving = False
        self._quote_seq = 0
        self._build()
        self._connect()
        self.quote_timer = QTimer(self)
        self.quote_timer.setInterval(QUOTE_REFRESH_MS)
        self.quote_timer.timeout.connect(self._refresh_quote)
        self.quote_timer.start()
        ctx.events.procedures_changed.connect(self.reload_procedures)
        ctx.events.calendar_changed.connect(self._refresh_quote)
        ctx.events.settings_changed.connect(self._refresh_quote)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        # Left: the procedure and its checklist.
        self.picker = ProcedurePicker()
        self.picker.setObjectName("procedure_picker")
        self.procedure_info_label = QLabel()
        self.procedure_info_label.setObjectName("procedure_info_label")
        self.procedure_info_label.setWordWrap(True)
        set_role(self.procedure_info_label, "hint")
        self.checklist = ChecklistModel(self)
        self.documents_view = QTableView()
        self.documents_view.setObjectName("documents_view")
        self.documents_view.setModel(self.checklist)
        self.documents_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.documents_view.setTabKeyNavigation(False)
        self.documents_view.verticalHeader().hide()
        self.documents_view.setWordWrap(True)
        header = self.documents_view.horizontalHeader()
        header.setSectionResizeMode(CheckColumn.NAME, QHeaderView.ResizeMode.Stretch)
        for col in (CheckColumn.ORIGINAL, CheckColumn.CERTIFIED, CheckColumn.COPY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.documents_hint_label = QLabel(self.tr("Space ticks or unticks a document; type a number to change a count."))
        set_role(self.documents_hint_label, "hint")
        self.documents_hint_label.setWordWrap(True)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 6, 0)
        lv.addWidget(section_label(self.tr("1. Procedure")))
        lv.addWidget(field_block(self.picker, "procedure", self.errors, "procedure"), 3)
        self.errors.add("procedure", self.picker.search_edit, self.errors.label("procedure"))
        lv.addWidget(self.procedure_info_label)
        lv.addWidget(section_label(self.tr("2. Documents received")))
        lv.addWidget(self.documents_view, 2)
        lv.addWidget(self.documents_hint_label)

        # Right: the applicant, the reception details, the appointment.
        self.applicant_name_edit = self._edit("applicant_name_edit", self.tr("Full name, e.g. Nguyễn Văn An"), 200)
        self.applicant_id_edit = self._edit("applicant_id_edit", self.tr("12 digits"), 20)
        self.applicant_phone_edit = self._edit("applicant_phone_edit", self.tr("e.g. 0912345678"), 20)
        self.applicant_birth_edit = self._edit("applicant_birth_edit", self.tr("dd/mm/yyyy"), 10)
        self.applicant_address_edit = self._edit("applicant_address_edit", "", 500)
        self.applicant_email_edit = self._edit("applicant_email_edit", "", 200)

        applicant_box = QGroupBox(self.tr("3. Applicant"))
        applicant_box.setObjectName("applicant_group")
        g = QGridLayout(applicant_box)
        g.setVerticalSpacing(2)
        g.addWidget(caption(self.tr("Full &name *"), self.applicant_name_edit), 0, 0)
        g.addWidget(field_block(self.applicant_name_edit, "applicant_name", self.errors), 0, 1, 1, 3)
        g.addWidget(caption(self.tr("&CCCD *"), self.applicant_id_edit), 1, 0)
        g.addWidget(field_block(self.applicant_id_edit, "applicant_id", self.errors), 1, 1)
        g.addWidget(caption(self.tr("&Phone"), self.applicant_phone_edit), 1, 2)
        g.addWidget(field_block(self.applicant_phone_edit, "applicant_phone", self.errors), 1, 3)
        g.addWidget(caption(self.tr("&Birth date"), self.applicant_birth_edit), 2, 0)
        g.addWidget(field_block(self.applicant_birth_edit, "applicant_birth_date", self.errors), 2, 1)
        g.addWidget(caption(self.tr("E-&mail"), self.applicant_email_edit), 2, 2)
        g.addWidget(field_block(self.applicant_email_edit, "applicant_email", self.errors), 2, 3)
        g.addWidget(caption(self.tr("&Address"), self.applicant_address_edit), 3, 0)
        g.addWidget(field_block(self.applicant_address_edit, "applicant_address", self.errors), 3, 1, 1, 3)
        g.setColumnStretch(1, 1)
        g.setColumnStretch(3, 1)

        self.proxy_check = QCheckBox(self.tr("Authorised person (người được ủy quyền)"))
        self.proxy_check.setObjectName("proxy_check")
        self.proxy_name_edit = self._edit("proxy_name_edit", self.tr("Full name"), 200)
        self.proxy_id_edit = self._edit("proxy_id_edit", self.tr("CCCD, 12 digits"), 20)
        self.proxy_phone_edit = self._edit("proxy_phone_edit", self.tr("Phone"), 20)
        self.proxy_fields = QWidget()
        pg = QHBoxLayout(self.proxy_fields)
        pg.setContentsMargins(0, 0, 0, 0)
        pg.addWidget(field_block(self.proxy_name_edit, "proxy_name", self.errors), 2)
        pg.addWidget(field_block(self.proxy_id_edit, "proxy_id", self.errors), 1)
        pg.addWidget(field_block(self.proxy_phone_edit, "proxy_phone", self.errors), 1)
        self.proxy_fields.setVisible(False)

        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channel_combo")
        for key in ("direct", "online", "postal"):
            self.channel_combo.addItem(channel_label(key), key)
        self.sets_spin = QSpinBox()
        self.sets_spin.setObjectName("sets_spin")
        self.sets_spin.setRange(1, 99)
        self.fee_spin = QSpinBox()
        self.fee_spin.setObjectName("fee_spin")
        self.fee_spin.setRange(0, 1_000_000_000)
        self.fee_spin.setSingleStep(1000)
        self.fee_spin.setGroupSeparatorShown(True)
        self.fee_spin.setSuffix(" đ")
        self.delivery_combo = QComboBox()
        self.delivery_combo.setObjectName("delivery_combo")
        for key in ("desk", "post"):
            self.delivery_combo.addItem(delivery_label(key), key)
        self.note_edit = self._edit("note_edit", "", 1000)

        reception_box = QGroupBox(self.tr("4. Reception"))
        reception_box.setObjectName("reception_group")
        r = QGridLayout(reception_box)
        r.setVerticalSpacing(2)
        r.addWidget(caption(self.tr("Channel"), self.channel_combo), 0, 0)
        r.addWidget(field_block(self.channel_combo, "channel", self.errors), 0, 1)
        r.addWidget(caption(self.tr("Sets"), self.sets_spin), 0, 2)
        r.addWidget(field_block(self.sets_spin, "sets_count", self.errors), 0, 3)
        r.addWidget(caption(self.tr("Fee"), self.fee_spin), 1, 0)
        r.addWidget(field_block(self.fee_spin, "fee", self.errors), 1, 1)
        r.addWidget(caption(self.tr("Result"), self.delivery_combo), 1, 2)
        r.addWidget(field_block(self.delivery_combo, "result_delivery", self.errors), 1, 3)
        r.addWidget(caption(self.tr("Note"), self.note_edit), 2, 0)
        r.addWidget(field_block(self.note_edit, "note", self.errors), 2, 1, 1, 3)
        r.setColumnStretch(1, 1)
        r.setColumnStretch(3, 1)

        self.appointment_label = QLabel(self.tr("Choose a procedure to see the appointment"))
        self.appointment_label.setObjectName("appointment_label")
        self.appointment_label.setWordWrap(True)
        self._set_appointment_empty(True)
        self.appointment_hint_label = QLabel()
        self.appointment_hint_label.setObjectName("appointment_hint_label")
        self.appointment_hint_label.setWordWrap(True)
        set_role(self.appointment_hint_label, "hint")
        appointment = QFrame()
        appointment.setObjectName("appointment_frame")
        appointment.setFrameShape(QFrame.Shape.StyledPanel)
        av = QVBoxLayout(appointment)
        av.setContentsMargins(8, 4, 8, 4)
        av.addWidget(self.appointment_label)
        av.addWidget(self.appointment_hint_label)

        self.save_button = QPushButton(self.tr("&Save and print receipt (Ctrl+Enter)"))
        self.save_button.setObjectName("save_button")
        self.clear_button = QPushButton(self.tr("New intake"))
        self.clear_button.setObjectName("clear_button")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved_label")
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label.setWordWrap(True)
        self.saved_label.hide()
        self.reprint_button = QPushButton(self.tr("Print the receipt again"))
        self.reprint_button.setObjectName("reprint_button")
        self.reprint_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        saved = QHBoxLayout()
        saved.addWidget(self.saved_label, 1)
        saved.addWidget(self.reprint_button)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(6, 0, 0, 0)
        rv.addWidget(applicant_box)
        rv.addWidget(self.proxy_check)
        rv.addWidget(self.proxy_fields)
        rv.addWidget(reception_box)
        rv.addWidget(appointment)
        rv.addStretch(1)
        rv.addLayout(saved)
        rv.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("intake_splitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([600, 750])
        splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(splitter)

        # Choosing the procedure (Enter or Tab) jumps to the applicant's name; Shift+Tab from
        # there reaches the checklist (Space ticks, digits change a count).
        order = [
            self.picker.search_edit, self.documents_view, self.applicant_name_edit, self.applicant_id_edit,
            self.applicant_phone_edit, self.applicant_birth_edit, self.applicant_email_edit,
            self.applicant_address_edit, self.proxy_check, self.proxy_name_edit, self.proxy_id_edit,
            self.proxy_phone_edit, self.channel_combo, self.sets_spin, self.fee_spin, self.delivery_combo,
            self.note_edit, self.save_button, self.clear_button,
        ]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _edit(self, name: str, placeholder: str, max_length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        return edit

    def _connect(self) -> None:
        self.picker.procedure_chosen.connect(self._on_procedure_chosen)
        self.picker.dossier_code_entered.connect(self.ctx.events.dossier_requested)
        self.picker.procedure_cleared.connect(self._on_procedure_cleared)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.reprint_button.clicked.connect(self._on_reprint_clicked)
        self.proxy_check.toggled.connect(self._on_proxy_toggled)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self._on_save_clicked)
        for prefix in ("applicant", "proxy"):
            name = getattr(self, f"{prefix}_name_edit")
            ident = getattr(self, f"{prefix}_id_edit")
            phone = getattr(self, f"{prefix}_phone_edit")
            name.textEdited.connect(lambda text, p=prefix: self._check_live(f"{p}_name", text, final=False))
            name.editingFinished.connect(lambda p=prefix, w=name: self._check_live(f"{p}_name", w.text(), final=True))
            ident.textEdited.connect(lambda text, p=prefix: self._check_live(f"{p}_id", text, final=False))
            ident.editingFinished.connect(lambda p=prefix, w=ident: self._check_live(f"{p}_id", w.text(), final=True))
            phone.textEdited.connect(lambda text, p=prefix: self._check_live(f"{p}_phone", text, final=False))
            phone.editingFinished.connect(lambda p=prefix, w=phone: self._check_live(f"{p}_phone", w.text(), final=True))
        self.applicant_birth_edit.editingFinished.connect(
            lambda: self._check_live("applicant_birth_date", self.applicant_birth_edit.text(), final=True))
        self.applicant_email_edit.editingFinished.connect(
            lambda: self._check_live("applicant_email", self.applicant_email_edit.text(), final=True))

    # ------------------------------------------------------------------ data

    def reload_procedures(self) -> None:
        def from_orm(s):
            from desk_app.services import catalog

            return catalog.list_procedures(s)

        self.ctx.read_for(self, startup.list_procedures, from_orm, self.picker.set_procedures)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self.picker.model.rowCount() == 0:
            self.reload_procedures()

    def focus_start(self) -> None:
        self.picker.search_edit.setFocus()
        self.picker.search_edit.selectAll()

    # ------------------------------------------------------------------ procedure

    def _on_procedure_chosen(self, proc: ProcedureInfo) -> None:
        self.errors.clear("procedure")
        self.checklist.set_documents(proc.documents)
        self.documents_view.resizeRowsToContents()
        fee_text = (f"{proc.fee_amount:,} đ".replace(",", ".") if proc.fee_amount is not None else proc.fee_note)
        self.procedure_info_label.setText(
            self.tr("{field} · processing time: {duration} · fee: {fee}").format(
                field=proc.field_name, duration=duration_text(proc.duration), fee=fee_text or "0 đ")
        )
        self.fee_spin.setValue(proc.fee_amount or 0)
        self._refresh_quote()
        self.applicant_name_edit.setFocus()

    def _set_appointment_empty(self, empty: bool) -> None:
        self.appointment_label.setProperty("empty", empty)
        self.appointment_label.style().unpolish(self.appointment_label)
        self.appointment_label.style().polish(self.appointment_label)

    def _on_procedure_cleared(self) -> None:
        self.checklist.clear()
        self.procedure_info_label.clear()
        self._set_appointment_empty(True)
        self.appointment_label.setText(self.tr("Choose a procedure to see the appointment"))
        self.appointment_hint_label.clear()

    def _refresh_quote(self) -> None:
        proc = self.picker.chosen()
        if proc is None:
            return
        self._quote_seq += 1
        seq = self._quote_seq
        now = self.ctx.now()

        def done(q) -> None:
            if seq != self._quote_seq or self.picker.chosen() is None:
                return  # an older answer arriving late
            self._set_appointment_empty(False)
            self.appointment_label.setText(self.tr("Appointment: {when}").format(when=fmt_appointment(q.due_at)))
            hints = [duration_text(q.duration)]
            if q.warnings:
                hints.append(self.tr("The calendar of this year is not confirmed yet; the date is computed from the rules."))
            self.appointment_hint_label.setText(" · ".join(hints))

        def failed(exc: UserError) -> None:
            if seq == self._quote_seq:
                self._set_appointment_empty(True)
                self.appointment_label.setText(self.errors_text(exc))

        def work(s):
            from desk_app.services import dossiers

            return dossiers.quote(s, proc.code, now)

        self.ctx.tasks.db_for(self, work, done, on_error=failed)

    @staticmethod
    def errors_text(exc: UserError) -> str:
        from ui.messages import user_error_text

        return user_error_text(exc).text

    # ------------------------------------------------------------------ validation

    def _check_live(self, field: str, text: str, *, final: bool) -> bool:
        """Validate one field as the clerk types (``final``: the field was left)."""
        raw = text.strip()
        try:
            if field.endswith("_name"):
                if raw or final and field == "applicant_name" and self._touched():
                    check_name(raw, field)
            elif field.endswith("_id"):
                digits = _ID_CHARS.sub("", raw)
                if digits and not digits.isdigit():
                    raise UserError("ID number must be 12 digits (CCCD)", field=field)
                if len(digits) > 12 or (final and digits and len(digits) < 12):
                    raise UserError("ID number must be 12 digits (CCCD)", field=field)
                if len(digits) == 12:
                    check_id_number(digits, field)
            elif field.endswith("_phone"):
                if raw and (final or len(re.sub(r"\D", "", raw)) >= 10 or re.search(r"[^\d\s.\-()+]", raw)):
                    check_phone(raw, field)
            elif field == "applicant_birth_date":
                self._birth_date()
            elif field == "applicant_email":
                check_email(raw, field)
        except UserError as exc:
            self.errors.show_user_error(exc, focus=False)
            return False
        self.errors.set(field, "")
        return True

    def _touched(self) -> bool:
        return any(e.text() for e in (self.applicant_id_edit, self.applicant_phone_edit))

    def _birth_date(self):
        try:
            return parse_date_text(self.applicant_birth_edit.text())
        except ValueError:
            raise UserError("birth date is not a date", field="applicant_birth_date") from None

    def _person(self, prefix: str, problems: list[UserError]) -> Person:
        name = getattr(self, f"{prefix}_name_edit").text()
        ident = getattr(self, f"{prefix}_id_edit").text()
        phone = getattr(self, f"{prefix}_phone_edit").text()
        birth = None
        checks = [
            lambda: check_name(name, f"{prefix}_name"),
            lambda: check_id_number(ident, f"{prefix}_id"),
            lambda: check_phone(phone, f"{prefix}_phone"),
        ]
        if prefix == "applicant":
            checks.append(lambda: check_email(self.applicant_email_edit.text(), "applicant_email"))
        for check in checks:
            try:
                check()
            except UserError as exc:
                problems.append(exc)
        if prefix == "applicant":
            try:
                birth = self._birth_date()
            except UserError as exc:
                problems.append(exc)
            return Person(name=name, id_number=ident, birth_date=birth, address=self.applicant_address_edit.text(),
                          phone=phone, email=self.applicant_email_edit.text())
        return Person(name=name, id_number=ident, phone=phone)

    def collect(self) -> Intake | None:
        """The intake as typed, or None after showing every problem beside its field."""
        self.errors.clear()
        problems: list[UserError] = []
        proc = self.picker.chosen()
        if proc is None:
            problems.append(UserError("procedure code is empty", field="procedure"))
        applicant = self._person("applicant", problems)
        proxy = self._person("proxy", problems) if self.proxy_check.isChecked() else None
        if problems:
            for exc in problems:
                self.errors.show_user_error(exc, focus=False)
            first = self.errors.widget(problems[0].field)
            if first is not None:
                first.setFocus()
            return None
        return Intake(
            procedure_code=proc.code,
            applicant=applicant,
            proxy=proxy,
            channel=self.channel_combo.currentData(),
            documents=self.checklist.received(),
            sets_count=self.sets_spin.value(),
            fee=self.fee_spin.value(),
            result_delivery=self.delivery_combo.currentData(),
            note=self.note_edit.text(),
        )

    # ------------------------------------------------------------------ save

    def _on_save_clicked(self) -> None:
        if self._saving:
            return
        intake = self.collect()
        if intake is None:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        now, actor = self.ctx.now(), self.ctx.actor

        def work(s):
            from desk_app.services import dossiers, users

            users.require_role(s, actor, "clerk")
            return dossiers.receive(s, intake, now=now, actor=actor)

        self.ctx.tasks.db_for(self, work, self._on_saved, write=True, on_error=self._on_save_failed,
                          label=self.tr("Saving the dossier…"), parent=self)

    def _on_save_failed(self, exc: UserError) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        leftover = self.errors.show_user_error(exc)
        if leftover:
            QMessageBox.warning(self, self.tr("Not saved"), leftover)

    def _on_saved(self, rec: DossierRecord) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.last_saved = rec
        log.info("dossier %s received", rec.code)
        self.saved_label.setText(self.tr("Saved: dossier {code}, appointment {when}").format(
            code=rec.code, when=fmt_appointment(rec.due_at)))
        self.saved_label.show()
        self.reprint_button.show()
        self.ctx.events.dossier_changed.emit(rec.code)
        self.dossier_saved.emit(rec)
        self._reset_form()
        self._print_receipt(rec.code)

    def _print_receipt(self, code: str) -> None:
        now, actor, data_dir = self.ctx.now(), self.ctx.actor, self.ctx.data_dir

        def done(path) -> None:
            if path is None:
                self.saved_label.setText(self.saved_label.text() + "\n" + self.tr(
                    "The receipt was not printed: printing is not installed on this desk."))
                self.receipt_printed.emit("")
                return
            support.open_path(path)
            self.receipt_printed.emit(str(path))

        def failed(exc: UserError) -> None:
            self.saved_label.setText(self.saved_label.text() + "\n" + self.tr("The receipt was not printed: {reason}").format(
                reason=self.errors_text(exc)))
            self.receipt_printed.emit("")

        self.ctx.tasks.db_for(self, lambda s: support.print_form(s, "receipt", code, data_dir, now=now, actor=actor),
                          done, write=True, on_error=failed, label=self.tr("Printing the receipt…"), parent=self)

    def _on_reprint_clicked(self) -> None:
        if self.last_saved is not None:
            self._print_receipt(self.last_saved.code)

    # ------------------------------------------------------------------ clearing

    def _has_input(self) -> bool:
        edits = (self.applicant_name_edit, self.applicant_id_edit, self.applicant_phone_edit,
                 self.applicant_address_edit, self.applicant_email_edit, self.applicant_birth_edit)
        return any(e.text().strip() for e in edits)

    def _on_clear_clicked(self) -> None:
        if self._has_input():
            answer = QMessageBox.question(self, self.tr("New intake"),
                                          self.tr("Clear what was typed for this applicant?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._reset_form()
        self.saved_label.hide()
        self.reprint_button.hide()

    def _reset_form(self) -> None:
        self.errors.clear()
        for edit in (self.applicant_name_edit, self.applicant_id_edit, self.applicant_phone_edit,
                     self.applicant_birth_edit, self.applicant_address_edit, self.applicant_email_edit,
                     self.proxy_name_edit, self.proxy_id_edit, self.proxy_phone_edit, self.note_edit):
            edit.clear()
        self.proxy_check.setChecked(False)
        self.channel_combo.setCurrentIndex(0)
        self.delivery_combo.setCurrentIndex(0)
        self.sets_spin.setValue(1)
        self.fee_spin.setValue(0)
        self.picker.clear()
        self._on_procedure_cleared()
        self.focus_start()

    def _on_proxy_toggled(self, on: bool) -> None:
        self.proxy_fields.setVisible(on)
        if on:
            self.proxy_name_edit.setFocus()
        else:
            for f in ("proxy_name", "proxy_id", "proxy_phone"):
                self.errors.set(f, "")
