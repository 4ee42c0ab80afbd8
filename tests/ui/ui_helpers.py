"""Constants and helpers shared by the window's tests (a plain module: ``tests/ui`` is on
``sys.path`` under pytest's default import mode, and naming it ``ui`` would shadow the app)."""

from __future__ import annotations

from datetime import datetime

from desk_app.clock import VN_TZ
from desk_app.paths import resource_path

#: Monday 2 March 2026, 09:30 — a working day, inside office hours.
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=VN_TZ)
UNIT_CODE = "000.17.22.H56"
PASSWORDS = {"admin": "admin-pass-1", "boss": "boss-pass-1", "clerk1": "clerk-pass-1"}
ROLES = {"admin": "admin", "boss": "supervisor", "clerk1": "clerk"}
SAMPLE = resource_path("samples", "procedures_sample.json")

def receive(db, *, procedure="1.000894", name="Nguyễn Văn An", id_number="001099012345", phone="0912345678",
            now=NOW, actor="clerk1"):
    """A dossier received through the service (setup for tests of the other screens)."""
    from desk_app.services import dossiers

    with db.session() as s:
        return dossiers.receive(
            s, dossiers.Intake(procedure_code=procedure,
                               applicant=dossiers.Person(name=name, id_number=id_number, phone=phone)),
            now=now, actor=actor)


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` into ``widget`` one key per character. ``QTest.keyClicks`` only knows
    ASCII; a Vietnamese letter arrives as one key event carrying its text, as Unikey (the
    input method every desk uses) delivers it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for ch in text:
        if ch.isascii() and ch.isprintable():
            qtbot.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
