"""Settings for supervisors and admins: the unit, office hours, the working-day calendar,
procedure sets and accounts. Every change goes through the services, in the same
transaction as ``users.require_privilege`` for the signed-in account."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import UserError
from desk_app.services import calendar as calendar_service
from desk_app.services import catalog, setup, users
from ui.context import DeskContext
from ui.i18n import fmt_date, fmt_datetime, weekday_name
from ui.labels import day_kind_label, role_label
from ui.messages import user_error_text
from ui.models.record_table_model import ColumnSpec, RecordTableModel
from ui.style import set_role
from ui.widgets.field_errors import FieldErrors
from ui.widgets.table_views import make_table_view
from ui.widgets.forms import field_block
from ui.widgets.unit_form import UnitForm

log = logging.getLogger(__name__)

OFFICE_KEYS = (
    ("office.morning", QT_TRANSLATE_NOOP("SettingsPage", "Morning hours"), "07:30-11:30"),
    ("office.afternoon", QT_TRANSLATE_NOOP("SettingsPage", "Afternoon hours"), "13:30-17:00"),
    ("office.end_of_day", QT_TRANSLATE_NOOP("SettingsPage", "End of the working day"), "17:00"),
    ("office.cutoff", QT_TRANSLATE_NOOP("SettingsPage", "Same-day cut-off"), "15:00"),
    ("backup.keep_daily", QT_TRANSLATE_NOOP("SettingsPage", "Daily backups kept"), "14"),
)


def save_unit(session, values: dict, *, now, actor: str):
    users.require_privilege(session, actor, "unit.init")
    return setup.init_unit(session, **values, now=now, actor=actor)


def _selected(view: QTableView, model: RecordTableModel):
    index = view.currentIndex()
    if not index.isValid():
        return None
    return model.row_record(view.model().mapToSource(index).row())


class SettingsPage(QWidget):
    procedures_imported = Signal(object)  # catalog.ImportSummary
    message_shown = Signal(str)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_page")
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.message_label = QLabel()
        self.message_label.setObjectName("message_label")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self._build_unit_tab()
        self._build_office_tab()
        self._build_calendar_tab()
        self._build_procedures_tab()
        self._build_users_tab()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        self.apply_role()

    # ------------------------------------------------------------------ common

    def apply_role(self) -> None:
        """Show the tabs this account may use (the services check again)."""
        admin, supervisor = self.ctx.can("admin"), self.ctx.can("supervisor")
        for widget, allowed in ((self.unit_tab, admin), (self.office_tab, supervisor),
                                (self.calendar_tab, supervisor), (self.procedures_tab, supervisor),
                                (self.users_tab, admin)):
            self.tabs.setTabVisible(self.tabs.indexOf(widget), allowed)

    def say(self, text: str, *, error: bool = False) -> None:
        set_role(self.message_label, "error" if error else "ok")
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        self.message_shown.emit(text)

    def _failed(self, errors: FieldErrors | None = None):
        def on_error(exc: UserError) -> None:
            leftover = errors.show_user_error(exc) if errors is not None else user_error_text(exc).text
            self.say(leftover or self.tr("Not saved: see the marked field."), error=True)
        return on_error

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        self._load_unit()
        self._load_office()
        self._load_calendar()
        self._load_sets()
        if self.ctx.can("admin"):
            self._load_users()

    # ------------------------------------------------------------------ unit

    def _build_unit_tab(self) -> None:
        self.unit_tab = QWidget()
        self.unit_form = UnitForm()
        self.unit_form.setMaximumWidth(760)
        self.save_unit_button = QPushButton(self.tr("Save the unit"))
        self.save_unit_button.setObjectName("save_unit_button")
        self.save_unit_button.clicked.connect(self._on_save_unit_clicked)
        v = QVBoxLayout(self.unit_tab)
        v.addWidget(self.unit_form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_unit_button)
        v.addLayout(row)
        v.addStretch(1)
        self.tabs.addTab(self.unit_tab, self.tr("&Unit"))

    def _load_unit(self) -> None:
        self.ctx.tasks.db_for(self, lambda s: setup.get_unit(s, required=False), self.unit_form.set_unit)

    def _on_save_unit_clicked(self) -> None:
        self.unit_form.errors.clear()
        values = self.unit_form.values()
        values["upstream"] = bool(self.ctx.unit and self.ctx.unit.is_upstream_office)
        now, actor = self.ctx.now(), self.ctx.actor

        def done(info) -> None:
            self.ctx.unit = info
            self.ctx.events.unit_changed.emit(info)
            self.say(self.tr("The unit was saved."))

        self.ctx.tasks.db_for(self, lambda s: save_unit(s, values, now=now, actor=actor), done, write=True,
                          on_error=self._failed(self.unit_form.errors))

    # ------------------------------------------------------------------ office hours

    def _build_office_tab(self) -> None:
        self.office_tab = QWidget()
        self.office_errors = FieldErrors()
        self.office_edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, text, example in OFFICE_KEYS:
            edit = QLineEdit()
            edit.setObjectName(key.replace(".", "_") + "_edit")
            edit.setPlaceholderText(example)
            edit.setMaximumWidth(200)
            self.office_edits[key] = edit
            form.addRow(self.tr(text), field_block(edit, key, self.office_errors))
        hint = QLabel(self.tr(
            "Office hours count working-hour deadlines; the end of the day is when a day-based deadline ends; "
            "same-day procedures received after the cut-off are due on the next working day."))
        hint.setWordWrap(True)
        set_role(hint, "hint")
        self.save_office_button = QPushButton(self.tr("Save office hours"))
        self.save_office_button.setObjectName("save_office_button")
        self.save_office_button.clicked.connect(self._on_save_office_clicked)
        v = QVBoxLayout(self.office_tab)
        v.addLayout(form)
        v.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_office_button)
        v.addLayout(row)
        v.addStretch(1)
        self.tabs.addTab(self.office_tab, self.tr("&Office hours"))

    def _load_office(self) -> None:
        def done(values: dict) -> None:
            self._office_values = values
            for key, edit in self.office_edits.items():
                edit.setText(values.get(key, ""))

        self.ctx.tasks.db_for(self, setup.get_settings, done)

    def _on_save_office_clicked(self) -> None:
        self.office_errors.clear()
        old = getattr(self, "_office_values", {})
        changed = {k: e.text().strip() for k, e in self.office_edits.items() if e.text().strip() != old.get(k)}
        if not changed:
            self.say(self.tr("Nothing changed."))
            return
        now, actor = self.ctx.now(), self.ctx.actor

        def work(s):
            users.require_privilege(s, actor, "settings.set")
            values = {}
            for key, value in changed.items():
                values = setup.set_setting(s, key, value, now=now, actor=actor)
            return values

        def done(values) -> None:
            self._office_values = values
            self.ctx.events.settings_changed.emit()
            self.say(self.tr("Office hours saved."))

        self.ctx.tasks.db_for(self, work, done, write=True, on_error=self._failed(self.office_errors))

    # ------------------------------------------------------------------ calendar

    def _build_calendar_tab(self) -> None:
        self.calendar_tab = QWidget()
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(self.ctx.now().year)
        self.year_spin.valueChanged.connect(self._load_calendar)
        self.confirmed_label = QLabel()
        self.confirmed_label.setObjectName("confirmed_label")
        self.calendar_model = RecordTableModel([
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Date"), lambda d: fmt_date(date.fromisoformat(d["date"])),
                       lambda d: d["date"]),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Day"), lambda d: weekday_name(date.fromisoformat(d["date"]))),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Kind"), lambda d: day_kind_label(d["kind"])),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Name"), lambda d: d.get("name", "")),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Note"), lambda d: d.get("note", "")),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Legal reference"), lambda d: d.get("ref", "")),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Source"),
                       lambda d: self.tr("changed here") if d.get("source") == "override" else self.tr("law")),
        ], "SettingsPage", self)
        self.calendar_view = make_table_view("calendar_view", self.calendar_model, stretch=3)
        self.calendar_errors = FieldErrors()
        self.day_edit = QDateEdit()
        self.day_edit.setObjectName("day_edit")
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setCalendarPopup(True)
        today = self.ctx.now().date()
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for kind in ("holiday", "day-off", "working-day"):
            self.kind_combo.addItem(day_kind_label(kind), kind)
        self.day_note_edit = QLineEdit()
        self.day_note_edit.setObjectName("day_note_edit")
        self.day_note_edit.setPlaceholderText(self.tr("e.g. Nghỉ bù dịp Quốc khánh"))
        self.day_ref_edit = QLineEdit()
        self.day_ref_edit.setObjectName("day_ref_edit")
        self.day_ref_edit.setPlaceholderText(self.tr("e.g. Thông báo số …/TB-VPCP"))
        self.add_override_button = QPushButton(self.tr("Add / change this day"))
        self.add_override_button.setObjectName("add_override_button")
        self.remove_override_button = QPushButton(self.tr("Remove the selected change"))
        self.remove_override_button.setObjectName("remove_override_button")
        self.add_override_button.clicked.connect(self._on_add_override_clicked)
        self.remove_override_button.clicked.connect(self._on_remove_override_clicked)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year_spin)
        top.addWidget(self.confirmed_label, 1)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Date")), 0, 0)
        grid.addWidget(field_block(self.day_edit, "date", self.calendar_errors), 0, 1)
        grid.addWidget(QLabel(self.tr("Kind")), 0, 2)
        grid.addWidget(field_block(self.kind_combo, "kind", self.calendar_errors), 0, 3)
        grid.addWidget(QLabel(self.tr("Note")), 1, 0)
        grid.addWidget(field_block(self.day_note_edit, "note", self.calendar_errors), 1, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Legal reference")), 2, 0)
        grid.addWidget(field_block(self.day_ref_edit, "ref", self.calendar_errors), 2, 1, 1, 3)
        grid.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_override_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_override_button)
        v = QVBoxLayout(self.calendar_tab)
        v.addLayout(top)
        v.addWidget(self.calendar_view, 1)
        v.addLayout(grid)
        v.addLayout(buttons)
        self.tabs.addTab(self.calendar_tab, self.tr("&Calendar"))

    def _load_calendar(self) -> None:
        year = self.year_spin.value()

        def done(data: dict) -> None:
            self.calendar_model.set_rows(data["days"])
            if data["confirmed"]:
                self.confirmed_label.setText(self.tr("Calendar {version}").format(version=data["calendar_version"]))
                set_role(self.confirmed_label, "hint")
            else:
                self.confirmed_label.setText(self.tr(
                    "The {year} calendar is not confirmed: add the government's declared days off").format(year=year))
                set_role(self.confirmed_label, "error")

        self.ctx.tasks.db_for(self, lambda s: calendar_service.show_year(s, year), done, on_error=self._failed())

    def _on_add_override_clicked(self) -> None:
        self.calendar_errors.clear()
        day = self.day_edit.date().toPython()
        kind = self.kind_combo.currentData()
        note, ref = self.day_note_edit.text(), self.day_ref_edit.text()
        now, actor = self.ctx.now(), self.ctx.actor

        def work(s):
            users.require_privilege(s, actor, "calendar.edit")
            return calendar_service.add_override(s, day, kind, note=note, ref=ref, now=now, actor=actor)

        def done(change) -> None:
            self.say(self.tr("{date} is now: {kind}").format(date=fmt_date(change.day), kind=day_kind_label(kind)))
            self.day_note_edit.clear()
            self.day_ref_edit.clear()
            if self.year_spin.value() != day.year:
                self.year_spin.setValue(day.year)
            else:
                self._load_calendar()
            self.ctx.events.calendar_changed.emit()

        self.ctx.tasks.db_for(self, work, done, write=True, on_error=self._failed(self.calendar_errors))

    def _on_remove_override_clicked(self) -> None:
        row = _selected(self.calendar_view, self.calendar_model)
        if row is None or row.get("source") != "override":
            self.say(self.tr("Select a day changed here (source: changed here)."), error=True)
            return
        day = date.fromisoformat(row["date"])
        now, actor = self.ctx.now(), self.ctx.actor

        def work(s):
            users.require_privilege(s, actor, "calendar.edit")
            return calendar_service.remove_override(s, day, now=now, actor=actor)

        def done(_change) -> None:
            self.say(self.tr("The change on {date} was removed.").format(date=fmt_date(day)))
            self._load_calendar()
            self.ctx.events.calendar_changed.emit()

        self.ctx.tasks.db_for(self, work, done, write=True, on_error=self._failed(self.calendar_errors))

    # ------------------------------------------------------------------ procedure sets

    def _build_procedures_tab(self) -> None:
        self.procedures_tab = QWidget()
        self.import_button = QPushButton(self.tr("&Import a procedure set (.json, .xlsx)…"))
        self.import_button.setObjectName("import_button")
        self.import_button.clicked.connect(self._on_import_clicked)
        self.import_sample_button = QPushButton(self.tr("Import the sample set"))
        self.import_sample_button.setObjectName("import_sample_button")
        self.import_sample_button.clicked.connect(self._on_import_sample_clicked)
        self.sets_model = RecordTableModel([
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Set"), lambda d: d["code"]),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Title"), lambda d: d["title"]),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Decision"), lambda d: d["decision"]),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "In force from"),
                       lambda d: fmt_date(date.fromisoformat(d["effective_from"])) if d["effective_from"] else ""),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Imported"),
                       lambda d: fmt_datetime(datetime.fromisoformat(d["imported_at"])) if d["imported_at"] else ""),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "File"), lambda d: d["source"]),
        ], "SettingsPage", self)
        self.sets_view = make_table_view("sets_view", self.sets_model, stretch=1)
        self.procedures_count_label = QLabel()
        self.procedures_count_label.setObjectName("procedures_count_label")
        hint = QLabel(self.tr(
            "A procedure is never changed in place: importing a newer set adds new versions; "
            "dossiers keep the version they were received under. The sample set is for training: "
            "its durations and fees are not all verified."))
        hint.setWordWrap(True)
        set_role(hint, "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.import_sample_button)
        buttons.addStretch(1)
        buttons.addWidget(self.procedures_count_label)
        v = QVBoxLayout(self.procedures_tab)
        v.addLayout(buttons)
        v.addWidget(self.sets_view, 1)
        v.addWidget(hint)
        self.tabs.addTab(self.procedures_tab, self.tr("&Procedure sets"))

    def _load_sets(self) -> None:
        def work(s):
            return catalog.procedure_sets(s), len(catalog.list_procedures(s))

        def done(result) -> None:
            sets, count = result
            self.sets_model.set_rows(sets)
            self.procedures_count_label.setText(self.tr("{n} current procedures").format(n=count))

        self.ctx.tasks.db_for(self, work, done)

    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a procedure set"), str(Path.home()),
                                              self.tr("Procedure sets (*.json *.xlsx)"))
        if path:
            self.import_file(Path(path))

    def _on_import_sample_clicked(self) -> None:
        from desk_app.paths import resource_path

        self.import_file(resource_path("samples", "procedures_sample.json"))

    def import_file(self, path: Path) -> None:
        """Import off the GUI thread; the services refuse an account below supervisor."""
        now, actor = self.ctx.now(), self.ctx.actor
        self.import_button.setEnabled(False)

        def work(s):
            users.require_privilege(s, actor, "catalog.import")
            return catalog.import_file(s, path, now=now, actor=actor)

        def done(summary) -> None:
            self.import_button.setEnabled(True)
            self.say(self.tr("Imported set {set}: {total} procedures ({added} new, {versions} new versions, "
                             "{unchanged} unchanged).").format(
                set=summary.set_code, total=summary.total, added=summary.added, versions=summary.new_versions,
                unchanged=summary.unchanged))
            self._load_sets()
            self.ctx.events.procedures_changed.emit()
            self.procedures_imported.emit(summary)

        def failed(exc: UserError) -> None:
            self.import_button.setEnabled(True)
            self.say(user_error_text(exc).text, error=True)

        self.ctx.tasks.db_for(self, work, done, write=True, on_error=failed,
                          label=self.tr("Importing the procedure set…"), parent=self)

    # ------------------------------------------------------------------ accounts

    def _build_users_tab(self) -> None:
        self.users_tab = QWidget()
        self.users_model = RecordTableModel([
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Username"), lambda u: u.username),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Full name"), lambda u: u.full_name),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Role"), lambda u: role_label(u.role)),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Active"), lambda u: self.tr("yes") if u.active else self.tr("no")),
            ColumnSpec(QT_TRANSLATE_NOOP("SettingsPage", "Locked until"), lambda u: fmt_datetime(u.locked_until)),
        ], "SettingsPage", self)
        self.users_view = make_table_view("users_view", self.users_model, stretch=1)
        self.user_errors = FieldErrors()
        self.new_username_edit = QLineEdit()
        self.new_username_edit.setObjectName("new_username_edit")
        self.new_full_name_edit = QLineEdit()
        self.new_full_name_edit.setObjectName("new_full_name_edit")
        self.new_role_combo = QComboBox()
        self.new_role_combo.setObjectName("new_role_combo")
        for role in users.ROLES:
            self.new_role_combo.addItem(role_label(role), role)
        self.new_password_edit = QLineEdit()
        self.new_password_edit.setObjectName("new_password_edit")
        self.new_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_user_button = QPushButton(self.tr("Create account"))
        self.add_user_button.setObjectName("add_user_button")
        self.reset_password_button = QPushButton(self.tr("Set password…"))
        self.reset_password_button.setObjectName("reset_password_button")
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.toggle_active_button = QPushButton(self.tr("Enable / disable"))
        self.toggle_active_button.setObjectName("toggle_active_button")
        self.add_user_button.clicked.connect(self._on_add_user_clicked)
        self.reset_password_button.clicked.connect(self._on_reset_password_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.toggle_active_button.clicked.connect(self._on_toggle_active_clicked)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Username")), 0, 0)
        grid.addWidget(field_block(self.new_username_edit, "username", self.user_errors), 0, 1)
        grid.addWidget(QLabel(self.tr("Full name")), 0, 2)
        grid.addWidget(field_block(self.new_full_name_edit, "full_name", self.user_errors), 0, 3)
        grid.addWidget(QLabel(self.tr("Role")), 1, 0)
        grid.addWidget(field_block(self.new_role_combo, "role", self.user_errors), 1, 1)
        grid.addWidget(QLabel(self.tr("Password")), 1, 2)
        grid.addWidget(field_block(self.new_password_edit, "password", self.user_errors), 1, 3)
        grid.addWidget(self.add_user_button, 1, 4)
        grid.setColumnStretch(3, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.reset_password_button)
        actions.addWidget(self.unlock_button)
        actions.addWidget(self.toggle_active_button)
        actions.addStretch(1)
        v = QVBoxLayout(self.users_tab)
        v.addWidget(self.users_view, 1)
        v.addLayout(actions)
        v.addLayout(grid)
        self.tabs.addTab(self.users_tab, self.tr("&Accounts"))

    def _load_users(self) -> None:
        self.ctx.tasks.db_for(self, users.list_users, self.users_model.set_rows)

    def _user_op(self, work, message: str, errors: FieldErrors | None = None) -> None:
        def done(_info) -> None:
            self.say(message)
            self._load_users()

        self.ctx.tasks.db_for(self, work, done, write=True, on_error=self._failed(errors))

    def _on_add_user_clicked(self) -> None:
        self.user_errors.clear()
        username, full = self.new_username_edit.text(), self.new_full_name_edit.text()
        role, password = self.new_role_combo.currentData(), self.new_password_edit.text()
        now, actor = self.ctx.now(), self.ctx.actor

        def work(s):
            return users.create_user(s, username, full, role, password, now=now, actor=actor)

        self._user_op(work, self.tr("Account {name} created.").format(name=username.strip().lower()), self.user_errors)
        self.new_password_edit.clear()

    def _on_reset_password_clicked(self) -> None:
        user = _selected(self.users_view, self.users_model)
        if user is None:
            return
        password, ok = QInputDialog.getText(self, self.tr("Set password"),
                                            self.tr("New password for {name}:").format(name=user.username),
                                            QLineEdit.EchoMode.Password)
        if not ok:
            return
        now, actor = self.ctx.now(), self.ctx.actor
        self._user_op(lambda s: users.set_password(s, user.username, password, now=now, actor=actor),
                      self.tr("Password of {name} changed.").format(name=user.username))

    def _on_unlock_clicked(self) -> None:
        user = _selected(self.users_view, self.users_model)
        if user is None:
            return
        now, actor = self.ctx.now(), self.ctx.actor
        self._user_op(lambda s: users.unlock(s, user.username, now=now, actor=actor),
                      self.tr("Account {name} unlocked.").format(name=user.username))

    def _on_toggle_active_clicked(self) -> None:
        user = _selected(self.users_view, self.users_model)
        if user is None:
            return
        if user.active and QMessageBox.question(
                self, self.tr("Disable account"),
                self.tr("Disable the account {name}? It will not be able to sign in.").format(name=user.username)
        ) != QMessageBox.StandardButton.Yes:
            return
        now, actor = self.ctx.now(), self.ctx.actor
        self._user_op(lambda s: users.set_active(s, user.username, not user.active, now=now, actor=actor),
                      self.tr("Account {name} updated.").format(name=user.username))
