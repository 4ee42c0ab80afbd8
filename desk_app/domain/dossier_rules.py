"""Pure rules of a dossier: statuses, transitions, the code format, and input validation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desk_app.errors import UserError

STATUS_LABELS: dict[int, str] = {
    1: "Mới đăng ký",
    2: "Được tiếp nhận",
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}

CHANNELS = {"direct": 1, "online": 2, "postal": 3}
CHANNEL_NAMES = {v: k for k, v in CHANNELS.items()}
CHANNEL_LABELS = {1: "Trực tiếp", 2: "Trực tuyến", 3: "Dịch vụ bưu chính công ích"}
DELIVERY = ("desk", "post")


@dataclass(frozen=True)
class Rule:
    """An action: the statuses it may start from, the status it leads to (None: the status
    the dossier had before its pause; ``same``: unchanged), and what it must carry."""

    allowed_from: frozenset[int]
    to: int | None | str
    needs_reason: bool = False
    pauses: bool = False
    resumes: bool = False
    finishes: bool = False


RULES: dict[str, Rule] = {
    "accept": Rule(frozenset({1}), 2),
    "handover": Rule(frozenset({2, 4}), 4),
    "request-supplement": Rule(frozenset({2, 4}), 5, needs_reason=True, pauses=True),
    "supplement-received": Rule(frozenset({5}), None, resumes=True),
    "request-payment": Rule(frozenset({2, 4}), 6, needs_reason=True, pauses=True),
    "payment-received": Rule(frozenset({6}), None, resumes=True),
    "refuse": Rule(frozenset({1, 2, 4, 5}), 3, needs_reason=True, finishes=True),
    "withdraw": Rule(frozenset({1, 2, 4, 5, 6}), 7, needs_reason=True, finishes=True),
    "stop": Rule(frozenset({2, 4, 5, 6}), 8, needs_reason=True, finishes=True),
    "extend": Rule(frozenset({2, 4, 5, 6}), "same", needs_reason=True),
    "result-ready": Rule(frozenset({2, 4}), 9, finishes=True),
    "return": Rule(frozenset({9}), 10),
}
ACTIONS = tuple(RULES)


def check_transition(action: str, status: int) -> Rule:
    rule = RULES.get(action)
    if rule is None:
        raise UserError(f"unknown action '{action}'; use one of: {', '.join(ACTIONS)}", field="action")
    if status not in rule.allowed_from:
        allowed = ", ".join(f"{s} ({STATUS_LABELS[s]})" for s in sorted(rule.allowed_from))
        raise UserError(
            f"'{action}' is not allowed for a dossier in status {status} ({STATUS_LABELS[status]}); "
            f"it needs status {allowed}",
            field="action",
        )
    return rule


def allowed_actions(status: int) -> list[str]:
    return [name for name, rule in RULES.items() if status in rule.allowed_from]


def make_code(unit_code: str, day: date, station: int, seq: int) -> str:
    """``{unit}-{YYMMDD}-{NNNN}``; station s owns numbers (s-1)*1000+1 … (s-1)*1000+999."""
    if not 1 <= seq <= 999:
        raise UserError(
            f"station {station} has issued all 999 dossier numbers for {day.isoformat()}; "
            "receive on another station"
        )
    return f"{unit_code}-{day:%y%m%d}-{(station - 1) * 1000 + seq:04d}"


#: What :func:`make_code` writes, as a barcode scanner types it back.
CODE_RE = re.compile(r"^[^\s]+-\d{6}-\d{4}$")


def looks_like_code(text: str) -> bool:
    """True for a dossier code (``000.17.22.H56-261129-0001``), never for a procedure code
    (``1.004873``) or a name."""
    return bool(CODE_RE.match(text.strip()))


# ------------------------------------------------------------------------ person fields

ID_RE = re.compile(r"^\d{12}$")
MOBILE_RE = re.compile(r"^0(3|5|7|8|9)\d{8}$")
LANDLINE_RE = re.compile(r"^02\d{9}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_id_number(value: str, field: str = "applicant_id") -> str:
    """CCCD: 12 digits; the first three are the province of birth code (001–096)."""
    raw = re.sub(r"[\s.\-]", "", value or "")
    if not raw:
        raise UserError("ID number (CCCD) is required", field=field)
    if not ID_RE.match(raw):
        raise UserError(f"ID number must be 12 digits (CCCD); got {len(raw)} characters", field=field)
    if not 1 <= int(raw[:3]) <= 96:
        raise UserError("ID number: the first three digits must be a province code 001–096", field=field)
    return raw


def check_phone(value: str | None, field: str = "phone") -> str:
    """A Vietnamese mobile (10 digits, 03/05/07/08/09) or landline (11 digits, 02…); +84 accepted."""
    raw = re.sub(r"[\s.\-()]", "", value or "")
    if not raw:
        return ""
    if raw.startswith("+84"):
        raw = "0" + raw[3:]
    elif raw.startswith("84") and len(raw) in (11, 12):
        raw = "0" + raw[2:]
    if not (MOBILE_RE.match(raw) or LANDLINE_RE.match(raw)):
        raise UserError(
            f"phone number '{value}' is not a Vietnamese number (mobile 10 digits such as "
            "0912345678, landline 11 digits such as 02923821234)",
            field=field,
        )
    return raw


def check_email(value: str | None, field: str = "email") -> str:
    raw = (value or "").strip()
    if raw and (not EMAIL_RE.match(raw) or len(raw) > 200):
        raise UserError(f"e-mail address '{raw}' is not valid", field=field)
    return raw


def check_name(value: str | None, field: str = "applicant_name") -> str:
    from desk_app.domain.vntext import nfc

    text = " ".join(nfc(value or "").split())
    if not text:
        raise UserError("name is required", field=field)
    if len(text) > 200:
        raise UserError("name is longer than 200 characters", field=field)
    if any(ch.isdigit() for ch in text):
        raise UserError("a person's name cannot contain digits", field=field)
    return text


def check_birth_date(value: date | None, today: date, field: str = "birth_date") -> date | None:
    if value is None:
        return None
    if value > today:
        raise UserError("date of birth is in the future", field=field)
    if value.year < 1900:
        raise UserError("date of birth is before 1900", field=field)
    return value
