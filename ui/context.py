"""What every page and dialog of the window shares: the database, the task runner, the
clock, the data folder, the signed-in account and the unit; and a hub of signals so pages
hear about each other's changes without knowing each other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desk_app.clock import Clock
from desk_app.services.records import UnitInfo, UserInfo
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
    db: object  # db.engine.Database, or a db.light.DeferredDatabase that opens it on first use
    tasks: TaskManager
    clock: Clock
    data_dir: Path
    user: UserInfo | None = None
    unit: UnitInfo | None = None
    events: DeskEvents = field(default_factory=DeskEvents)
    #: ``db.light.LightReader`` for the first page's reads while ``db`` (then a
    #: ``db.light.DeferredDatabase``) has not loaded the ORM yet; None: always the ORM.
    light: object | None = None

    def read_for(self, owner, light_fn: Callable[[Any], Any], orm_fn: Callable[[Any], Any],
                 on_done: Callable[[Any], None]) -> None:
        """A start-up read on the worker: ``light_fn(reader)`` (``desk_app.services.startup``)
        while the ORM is not loaded, else ``orm_fn(session)``; the two return the same."""
        light = self.light
        if light is not None and not getattr(self.db, "loaded", True):
            self.tasks.run(lambda: light_fn(light), on_done, owner=owner)
            return
        if light is not None:  # the ORM is here to stay: close the reader after its last read
            self.light = None
            self.tasks.run(light.close)
        self.tasks.db_for(owner, orm_fn, on_done)

    def now(self) -> datetime:
        return self.clock.now()

    @property
    def actor(self) -> str:
        return self.user.username if self.user else ""

    def can(self, role: str) -> bool:
        return self.user is not None and self.user.can(role)
