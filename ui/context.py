"""What every page and dialog of the window shares: the database, the task runner, the
clock, the data folder, the signed-in account and the unit; and a hub of signals so pages
hear about each other's changes without knowing each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desk_app.clock import Clock
from desk_app.services.setup import UnitInfo
from desk_app.services.users import UserInfo
from ui.taskman import TaskManager


class DeskEvents(QObject):
    procedures_changed = Signal()
    dossier_changed = Signal(str)  # a dossier code
    calendar_changed = Signal()
    settings_changed = Signal()
    unit_changed = Signal(object)  # UnitInfo
    dossier_requested = Signal(str)  # open this dossier on the dossier desk


@dataclass
class DeskContext:
    db: object  # db.engine.Database
    tasks: TaskManager
    clock: Clock
    data_dir: Path
    user: UserInfo | None = None
    unit: UnitInfo | None = None
    events: DeskEvents = field(default_factory=DeskEvents)

    def now(self) -> datetime:
        return self.clock.now()

    @property
    def actor(self) -> str:
        return self.user.username if self.user else ""

    def can(self, role: str) -> bool:
        return self.user is not None and self.user.can(role)
