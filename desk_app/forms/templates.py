"""Form templates as data, versioned by legal basis and effective date.

A template is the fixed text and the order of the blocks of one form under one circular
(``TT03/2025``…). The layout engine (:mod:`desk_app.forms.layout`) knows how to draw each
kind of block; the template decides which blocks, with which words. When the next circular
changes a form, add a module like :mod:`desk_app.forms.tt03_2025` with the new templates and
their effective date: dossiers received before that date keep printing the old ones.

Text in blocks may hold ``{key}`` placeholders filled from the form's values
(:func:`desk_app.forms.context.values`) and ``**bold**`` spans. An empty value prints as a
dotted line, to be filled in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: The forms printed for a dossier, and the register.
DOSSIER_FORMS = ("receipt", "supplement", "refusal", "apology", "stop", "control")
FORMS = (*DOSSIER_FORMS, "register")


# ----------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Header:
    """Agency (left) and national motto with place and date (right); ``number`` under the agency."""

    number: str = ""


@dataclass(frozen=True)
class Title:
    text: str  # "\n" forces a line break
    lines: tuple[str, ...] = ()  # centred lines under the title (e.g. "Mã hồ sơ: {code}")
    italic_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Barcode:
    """The Code 128 of the dossier code, centred."""


@dataclass(frozen=True)
class Field:
    """``label value`` on one or more lines; the value's empty form is a dotted line."""

    label: str
    value: str
    bold: bool = False
    skip_empty: bool = False  # leave the line out when the value is empty


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "regular"  # regular | bold | italic
    align: str = "justify"  # left | justify | center | right
    indent: float = 0.0  # first-line indent, mm
    skip_empty: str = ""  # leave the paragraph out when this value is empty
    space_before: float = 0.8  # mm


@dataclass(frozen=True)
class Column:
    title: str
    key: str  # attribute of the row: name | original | certified | copy | no
    width: float  # share of the table width
    align: str = "center"
    group: str = ""  # a merged header cell over neighbouring columns with the same group


@dataclass(frozen=True)
class DocTable:
    """A numbered table of documents (``documents`` of the form's context)."""

    columns: tuple[Column, ...]
    blank_rows: int = 0  # rows to fill in by hand when the list is empty


@dataclass(frozen=True)
class Signer:
    title: str
    hint: str = "(Ký và ghi rõ họ tên)"
    name: str = ""  # placeholder of the printed name under the signature space
    above: str = ""  # a line above the title (e.g. "TM. ỦY BAN NHÂN DÂN")


@dataclass(frozen=True)
class Signatures:
    left: Signer | None
    right: Signer | None
    space: float = 17.0  # mm for the ink signature (and the stamp)


@dataclass(frozen=True)
class Recipients:
    """"Nơi nhận:" list at the bottom left of an official letter."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Handovers:
    """The control slip's blocks: one per handover, then the return to the citizen."""

    step: str
    giver: str
    receiver: str
    time: str
    step_due: str
    result: str
    note: str
    giver_sign: str
    receiver_sign: str
    sign_hint: str
    return_title: str
    return_giver: str
    return_receiver: str
    blank_title: str
    results: dict = field(default_factory=dict)  # before/on/after -> label


@dataclass(frozen=True)
class Spacer:
    mm: float


Block = Header | Title | Barcode | Field | Para | DocTable | Signatures | Recipients | Handovers | Spacer


# ----------------------------------------------------------------------------- templates


@dataclass(frozen=True)
class FormTemplate:
    form: str
    legal_version: str  # "TT03/2025"
    effective_from: date
    form_no: str  # "Mẫu số 01"
    name: str  # the form's name in the circular
    page: str  # "A5" | "A4-landscape"
    blocks: tuple[Block, ...] = ()
    labels: dict = field(default_factory=dict)  # fixed words used outside blocks
    columns: tuple[Column, ...] = ()  # the register's table
    copies: tuple[str, ...] = ("",)  # one entry per copy (liên); the text is printed on its page
    qr: bool = False  # the QR code of the dossier code in the bottom corner
    base_size: float = 9.5  # body font size, points
    shrink: bool = True  # too long for one page: shrink a little first (False: just continue overleaf)


_REGISTRY: dict[tuple[str, str], FormTemplate] = {}


def register(template: FormTemplate) -> FormTemplate:
    if template.form not in FORMS:
        raise ValueError(f"unknown form {template.form!r}")
    _REGISTRY[(template.form, template.legal_version)] = template
    return template


def _load_builtin() -> None:
    from desk_app.forms import tt03_2025  # noqa: F401  (registers its templates)


def templates(form: str | None = None) -> list[FormTemplate]:
    _load_builtin()
    found = [t for (f, _), t in _REGISTRY.items() if form is None or f == form]
    return sorted(found, key=lambda t: (t.form, t.effective_from))


def get_template(form: str, legal_version: str) -> FormTemplate:
    _load_builtin()
    try:
        return _REGISTRY[(form, legal_version)]
    except KeyError:
        raise KeyError(f"no template for form {form!r} under {legal_version!r}") from None


def template_for(form: str, on: date) -> FormTemplate:
    """The template in force on ``on`` (a dossier's receipt date): the latest whose effective
    date is not after it. A dossier older than every template gets the earliest one."""
    candidates = templates(form)
    if not candidates:
        raise KeyError(f"no template for form {form!r}")
    chosen = candidates[0]
    for t in candidates:
        if t.effective_from <= on:
            chosen = t
    return chosen
