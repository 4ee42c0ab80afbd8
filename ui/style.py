"""The window's few style rules (kept as code: assets stay files, no compiled .qrc)."""

from __future__ import annotations

from PySide6.QtGui import QColor

OVERDUE_BG = QColor("#f6c9cc")  # red: the appointment has passed
DUE_TODAY_BG = QColor("#ffe1a6")  # amber: due today
DUE_TOMORROW_BG = QColor("#fff6d5")  # pale yellow: due tomorrow (D-1)
PAUSED_FG = QColor("#5f6b7a")
ERROR_COLOR = "#b3261e"

STYLE_SHEET = f"""
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 2px solid {ERROR_COLOR};
    background: #fff4f3;
}}
QLabel[role="error"] {{ color: {ERROR_COLOR}; }}
QLabel[role="hint"] {{ color: #5f6b7a; }}
QLabel[role="ok"] {{ color: #1b7a34; }}
QLabel[role="section"] {{ font-weight: bold; color: #0b3d91; padding-top: 4px; }}
QLabel#appointment_label {{ font-size: 15pt; font-weight: bold; color: #0b3d91; }}
QLabel#appointment_label[empty="true"] {{ font-size: 10pt; font-weight: normal; color: #5f6b7a; }}
QLabel#code_label {{ font-size: 14pt; font-weight: bold; }}
QLabel#saved_label {{ background: #e3f2e6; border: 1px solid #7fbf8e; padding: 4px 8px; }}
QFrame[role="tile"] {{ background: #ffffff; border: 1px solid #c9d1dc; border-radius: 6px; }}
QFrame[role="tile"][state="overdue"] {{ background: #fbe3e4; border-color: #d9868b; }}
QFrame[role="tile"][state="due_today"] {{ background: #fff0cf; border-color: #e0b35a; }}
QLabel[role="tile-number"] {{ font-size: 22pt; font-weight: bold; }}
QLabel[role="tile-caption"] {{ color: #3c4858; }}
QLabel[role="status-chip"] {{ border-radius: 4px; padding: 2px 8px; background: #e6ecf5; }}
QLabel[role="status-chip"][state="overdue"] {{ background: #f6c9cc; }}
QLabel[role="status-chip"][state="due_today"] {{ background: #ffe1a6; }}
QPushButton#save_button {{ font-weight: bold; padding: 6px 14px; }}
"""


def set_invalid(widget, invalid: bool) -> None:
    """Mark an input red (the style sheet reads the dynamic property)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_role(widget, role: str, state: str | None = None) -> None:
    widget.setProperty("role", role)
    if state is not None:
        widget.setProperty("state", state)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
