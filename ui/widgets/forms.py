"""Helpers for hand-built forms: an input with its error label underneath, section titles.

Layouts are written in Python rather than Designer ``.ui`` files: the intake and detail
forms change with the data (the checklist, one button per allowed action), every input is
paired with an error label that ``FieldErrors`` drives, and one source file per screen is
easier to review than an XML form plus its generated twin. ``pyside6-uic`` is available if
a later form is better drawn in Designer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.style import set_role
from ui.widgets.field_errors import FieldErrors, error_label


def field_block(editor: QWidget, name: str, errors: FieldErrors | None = None, field: str | None = None,
                *aliases: str) -> QWidget:
    """``editor`` above its (hidden until needed) error label, registered in ``errors``."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(editor)
    label = error_label(name)
    layout.addWidget(label)
    if errors is not None:
        errors.add(field or name, editor, label, *aliases)
    return box


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    set_role(label, "section")
    return label


def caption(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    if buddy is not None:
        label.setBuddy(buddy)
    return label
