"""Words the window shows for the services' codes (statuses, actions, deadline states...).

English sources, translated in the ``Labels`` context; the Vietnamese status labels are the
national ones (``dossier_rules.STATUS_LABELS``), which a test checks.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desk_app.domain.deadlines import Duration

CTX = "Labels"

STATUS = {
    1: QT_TRANSLATE_NOOP("Labels", "Registered online"),
    2: QT_TRANSLATE_NOOP("Labels", "Received"),
    3: QT_TRANSLATE_NOOP("Labels", "Not accepted"),
    4: QT_TRANSLATE_NOOP("Labels", "In progress"),
    5: QT_TRANSLATE_NOOP("Labels", "Supplement requested"),
    6: QT_TRANSLATE_NOOP("Labels", "Payment of fees or taxes requested"),
    7: QT_TRANSLATE_NOOP("Labels", "Withdrawn by the citizen"),
    8: QT_TRANSLATE_NOOP("Labels", "Processing stopped"),
    9: QT_TRANSLATE_NOOP("Labels", "Result ready"),
    10: QT_TRANSLATE_NOOP("Labels", "Result returned"),
}

ACTIONS = {
    "accept": QT_TRANSLATE_NOOP("Labels", "Accept"),
    "handover": QT_TRANSLATE_NOOP("Labels", "Hand over"),
    "request-supplement": QT_TRANSLATE_NOOP("Labels", "Request a supplement"),
    "supplement-received": QT_TRANSLATE_NOOP("Labels", "Supplement received"),
    "request-payment": QT_TRANSLATE_NOOP("Labels", "Request payment"),
    "payment-received": QT_TRANSLATE_NOOP("Labels", "Payment received"),
    "refuse": QT_TRANSLATE_NOOP("Labels", "Refuse"),
    "withdraw": QT_TRANSLATE_NOOP("Labels", "Withdrawn by citizen"),
    "stop": QT_TRANSLATE_NOOP("Labels", "Stop processing"),
    "extend": QT_TRANSLATE_NOOP("Labels", "Extend (apology letter)"),
    "result-ready": QT_TRANSLATE_NOOP("Labels", "Result ready"),
    "return": QT_TRANSLATE_NOOP("Labels", "Return the result"),
    "receive": QT_TRANSLATE_NOOP("Labels", "Received at the desk"),
}

STATES = {
    "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue"),
    "due_today": QT_TRANSLATE_NOOP("Labels", "Due today"),
    "due_tomorrow": QT_TRANSLATE_NOOP("Labels", "Due tomorrow"),
    "ok": QT_TRANSLATE_NOOP("Labels", "On schedule"),
    "paused": QT_TRANSLATE_NOOP("Labels", "Paused"),
    "done": QT_TRANSLATE_NOOP("Labels", "Finished"),
}
OVERDUE_DAYS = QT_TRANSLATE_NOOP("Labels", "Overdue by {days} working days")
OVERDUE_DAYS_SHORT = QT_TRANSLATE_NOOP("Labels", "Overdue {days} d")

CHANNELS = {
    "direct": QT_TRANSLATE_NOOP("Labels", "In person"),
    "online": QT_TRANSLATE_NOOP("Labels", "Online"),
    "postal": QT_TRANSLATE_NOOP("Labels", "Public postal service"),
}
DELIVERY = {
    "desk": QT_TRANSLATE_NOOP("Labels", "At the desk"),
    "post": QT_TRANSLATE_NOOP("Labels", "By post"),
}
ROLES = {
    "clerk": QT_TRANSLATE_NOOP("Labels", "Clerk"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
}
DAY_KINDS = {
    "weekday": QT_TRANSLATE_NOOP("Labels", "Working day"),
    "weekend": QT_TRANSLATE_NOOP("Labels", "Weekend"),
    "holiday": QT_TRANSLATE_NOOP("Labels", "Public holiday"),
    "day-off": QT_TRANSLATE_NOOP("Labels", "Day off"),
    "working-day": QT_TRANSLATE_NOOP("Labels", "Make-up working day"),
}
RESULT_CLASS = {
    "before": QT_TRANSLATE_NOOP("Labels", "Before the deadline"),
    "on": QT_TRANSLATE_NOOP("Labels", "On the deadline"),
    "after": QT_TRANSLATE_NOOP("Labels", "After the deadline"),
}
RECEIVED_BY = {
    "applicant": QT_TRANSLATE_NOOP("Labels", "taken by the applicant"),
    "proxy": QT_TRANSLATE_NOOP("Labels", "taken by the authorised person"),
    "other": QT_TRANSLATE_NOOP("Labels", "taken by someone else"),
}
DURATION = {
    "working_days": QT_TRANSLATE_NOOP("Labels", "{n} working days"),
    "working_hours": QT_TRANSLATE_NOOP("Labels", "{n} working hours"),
    "calendar_days": QT_TRANSLATE_NOOP("Labels", "{n} days"),
    "same_day": QT_TRANSLATE_NOOP("Labels", "Same day (if received before {cutoff})"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def status_label(code: int) -> str:
    return _tr(STATUS[code]) if code in STATUS else str(code)


def action_label(action: str) -> str:
    return _tr(ACTIONS[action]) if action in ACTIONS else action


def state_text(state: str, days_late: int = 0, *, short: bool = False) -> str:
    if state == "overdue" and days_late > 0:
        return _tr(OVERDUE_DAYS_SHORT if short else OVERDUE_DAYS).format(days=days_late)
    return _tr(STATES[state]) if state in STATES else ""


def channel_label(key: str) -> str:
    return _tr(CHANNELS.get(key, key))


def delivery_label(key: str) -> str:
    return _tr(DELIVERY.get(key, key))


def role_label(role: str) -> str:
    return _tr(ROLES.get(role, role))


def day_kind_label(kind: str) -> str:
    return _tr(DAY_KINDS.get(kind, kind))


def result_class_label(value: str) -> str:
    return _tr(RESULT_CLASS[value]) if value in RESULT_CLASS else value


def received_by_label(value: str) -> str:
    return _tr(RECEIVED_BY[value]) if value in RECEIVED_BY else value


def duration_text(d: Duration) -> str:
    if d.unit == "same_day" and d.value == 0:
        cutoff = d.cutoff.strftime("%H:%M") if d.cutoff else "15:00"
        return _tr(DURATION["same_day"]).format(cutoff=cutoff)
    unit = d.effective_unit
    return _tr(DURATION.get(unit, "{n}")).format(n=d.value)
