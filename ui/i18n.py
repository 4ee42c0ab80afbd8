"""Translations and date formats.

Source strings are English (``self.tr()``, ``QCoreApplication.translate(context, text)``,
``QT_TRANSLATE_NOOP``); Vietnamese is the default language whatever the Windows locale,
English is selectable (Settings → Language, or ``DESK_APP_LANG=en``).

The catalogue is ``resources/i18n/desk_vi.ts``, kept with ``pyside6-lupdate`` and translated
by hand (or in Qt Linguist). At start we load ``desk_vi.qm`` compiled by ``pyside6-lrelease``;
when the ``.qm`` is missing or older than the ``.ts`` (a developer just edited the ``.ts``) we
read the ``.ts`` XML directly with :class:`TsTranslator`, a tiny ``QTranslator`` whose
``translate()`` looks the text up in a dict. ``tests/ui/test_i18n.py`` checks that the
committed ``.qm`` matches the ``.ts``, that no entry is unfinished and that every ``{name}``
placeholder of the source is in the translation.

Qt ships no Vietnamese, so our catalogue also translates Qt's own strings (standard buttons
in the ``QPlatformTheme`` context, the line-edit context menu...). They are listed below with
``QT_TRANSLATE_NOOP`` so that ``pyside6-lupdate`` keeps them.
"""

from __future__ import annotations

import logging
import os
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QSettings, QTranslator

from desk_app.clock import to_local
from desk_app.paths import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
CATALOGUE = "desk"

# Qt's own strings (contexts as Qt asks for them; see the module docstring).
QT_OWN_STRINGS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QProgressDialog", "Cancel"),
    QT_TRANSLATE_NOOP("QFileDialog", "Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
    QT_TRANSLATE_NOOP("QFileDialog", "Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "Back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "List View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Name"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Type"),
)


def ts_path(lang: str) -> Path:
    return resource_path("i18n", f"{CATALOGUE}_{lang}.ts")


def qm_path(lang: str) -> Path:
    return resource_path("i18n", f"{CATALOGUE}_{lang}.qm")


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation, for the finished entries of a ``.ts`` file."""
    import xml.etree.ElementTree as ET  # only the tests and the checks read a .ts

    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr = msg.find("translation")
            if source is None or tr is None:
                continue
            if tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or ""):
                continue
            table[(name, source)] = tr.text
    return table


class TsTranslator(QTranslator):
    """A ``QTranslator`` reading a ``.ts`` file directly (no ``lrelease`` step)."""

    def __init__(self, path: Path, parent=None) -> None:
        super().__init__(parent)
        self._table = load_ts(path)

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt API)
        return self._table.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return not self._table


def settings(data_dir: Path) -> QSettings:
    """Per-desk window preferences (language, window geometry): ``window.ini`` in the data folder."""
    return QSettings(str(Path(data_dir) / "window.ini"), QSettings.Format.IniFormat)


def chosen_language(data_dir: Path | None) -> str:
    env = os.environ.get("DESK_APP_LANG", "").strip().lower()
    if env in LANGUAGES:
        return env
    if data_dir is not None:
        value = str(settings(data_dir).value("language", DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
        if value in LANGUAGES:
            return value
    return DEFAULT_LANGUAGE


def save_language(data_dir: Path, lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    s = settings(data_dir)
    s.setValue("language", lang)
    s.sync()


def make_translator(lang: str) -> QTranslator | None:
    """The translator for ``lang`` (None for English, the source language)."""
    if lang == "en":
        return None
    ts, qm = ts_path(lang), qm_path(lang)
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        tr = QTranslator()
        if tr.load(str(qm)):
            return tr
        log.warning("could not load %s; reading %s instead", qm.name, ts.name)
    if ts.exists():
        return TsTranslator(ts)
    log.error("no translation for language %s", lang)
    return None


_installed: list[QTranslator] = []


def install(app: QCoreApplication, lang: str) -> str:
    """Install the translator for ``lang`` (replacing a previous one) and the locale."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    tr = make_translator(lang)
    if tr is not None:
        app.installTranslator(tr)
        _installed.append(tr)  # keep it alive: Qt does not own it
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return lang


def current_language() -> str:
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# ----------------------------------------------------------------------------- dates
# Always day/month/year, whatever the language or the Windows settings.


def fmt_date(d: date | datetime | None) -> str:
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = to_local(d).date()
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def fmt_time(dt: datetime | None) -> str:
    if dt is None:
        return ""
    dt = to_local(dt)
    return f"{dt.hour:02d}:{dt.minute:02d}"


def fmt_datetime(dt: datetime | None) -> str:
    """``05/03/2026 16:00``"""
    if dt is None:
        return ""
    return f"{fmt_date(dt)} {fmt_time(dt)}"


def weekday_name(d: date) -> str:
    return QLocale().standaloneDayName(d.isoweekday(), QLocale.FormatType.LongFormat)


def fmt_appointment(dt: datetime | None) -> str:
    """``16:00, Thứ Năm 05/03/2026``: the appointment as the clerk reads it aloud."""
    if dt is None:
        return ""
    dt = to_local(dt)
    return translate("Dates", "{time}, {weekday} {date}").format(
        time=fmt_time(dt), weekday=weekday_name(dt.date()), date=fmt_date(dt)
    )


def parse_date_text(text: str) -> date | None:
    """``dd/mm/yyyy`` (also ``d/m/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy``) → date; '' → None.

    Raises ValueError on anything else."""
    raw = (text or "").strip()
    if not raw:
        return None
    for sep in ("-", "."):
        raw = raw.replace(sep, "/")
    parts = raw.split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        raise ValueError(text)
    return date(int(parts[2]), int(parts[1]), int(parts[0]))
