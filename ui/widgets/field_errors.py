"""Errors beside the fields: a red label under the input, a red border, the same text as
the input's tooltip; ``UserError.field`` names which input."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desk_app.errors import UserError
from ui.messages import user_error_text
from ui.style import set_invalid, set_role


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{name}_error_label")
    label.setWordWrap(True)
    set_role(label, "error")
    label.hide()
    return label


class FieldErrors:
    """Maps service field names to (input, label below it)."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._aliases: dict[str, str] = {}

    def add(self, field: str, widget: QWidget, label: QLabel, *aliases: str) -> None:
        self._fields[field] = (widget, label)
        for alias in aliases:
            self._aliases[alias] = field

    def widget(self, field: str) -> QWidget | None:
        entry = self._fields.get(self._aliases.get(field, field))
        return entry[0] if entry else None

    def label(self, field: str) -> QLabel | None:
        entry = self._fields.get(self._aliases.get(field, field))
        return entry[1] if entry else None

    def set(self, field: str, text: str, *, focus: bool = False) -> bool:
        """Show ``text`` under the field; False if the field is not on this form."""
        field = self._aliases.get(field, field)
        entry = self._fields.get(field)
        if entry is None:
            return False
        widget, label = entry
        label.setText(text)
        label.setVisible(bool(text))
        widget.setToolTip(text)
        set_invalid(widget, bool(text))
        if focus and text:
            widget.setFocus()
        return True

    def clear(self, field: str | None = None) -> None:
        for name in [field] if field else list(self._fields):
            self.set(name, "")

    def show_user_error(self, exc: UserError, *, focus: bool = True) -> str | None:
        """Show a service's ``UserError`` beside its field; the text if no field matched."""
        err = user_error_text(exc)
        if err.field and self.set(err.field, err.text, focus=focus):
            return None
        return err.text

    def has_errors(self) -> bool:
        return any(label.isVisible() or label.text() for _w, label in self._fields.values())
