"""Background work: ONE single-worker executor, results back on the GUI thread.

The pattern of Anki's ``aqt/taskman.py``: a task runs on the executor's only thread; when its
future completes, a closure is queued and one queued signal wakes the GUI thread, which runs
the closures in order. Every task that touches the database opens its own session inside
the task (:meth:`TaskManager.db`), so no ORM object crosses threads: the services return
frozen dataclasses.

One worker means database work is serialised: a dossier code is never allocated by two
threads at once, and the SQLite connection is used by one thread at a time.

A progress dialog appears only when a task given a ``label`` runs longer than 600 ms.

Errors: ``UserError`` goes to the task's ``on_error`` (or a message box), ``StorageError``
gets a plain explanation, anything else is a bug and goes to the crash handler.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desk_app.errors import StorageError, UserError
from ui.messages import storage_error_text, user_error_text

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 600


class TaskManager(QObject):
    closures_pending = Signal()
    idle_changed = Signal(bool)

    def __init__(self, database=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-worker")
        self._closures: list[Callable[[], None] | int] = []
        self._waiting: dict[int, Callable[[], None]] = {}  # GUI thread only
        self._next_token = 0
        self._lock = threading.Lock()
        self._pending = 0
        self._closed = False
        self.closures_pending.connect(self._on_closures_pending, Qt.ConnectionType.QueuedConnection)
        self.bug_handler: Callable[[BaseException], None] | None = None

    # ------------------------------------------------------------------ public

    @property
    def pending(self) -> int:
        return self._pending

    def is_idle(self) -> bool:
        return self._pending == 0

    def run(
        self,
        task: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        on_error: Callable[[UserError], None] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
        owner: QObject | None = None,
    ) -> Future:
        """Run ``task()`` on the worker; then ``on_done(result)`` on the GUI thread.

        ``owner``: the widget the callbacks update; if it is gone when the result arrives
        (its page was closed), the callbacks are dropped (the work itself is done).

        The worker thread never holds a reference to a widget: the callbacks stay in a table
        on the GUI thread and the worker only posts the task's number back. (A widget whose
        last reference died on the worker thread would be deleted behind Qt's back.)"""
        if self._closed:
            raise RuntimeError("the task manager is shut down")
        self._pending += 1
        if self._pending == 1:
            self.idle_changed.emit(False)
        future = self._executor.submit(task)
        dialog_timer = None
        progress: list[QProgressDialog] = []
        if label:
            dialog_timer = QTimer(self)
            dialog_timer.setSingleShot(True)

            def show_progress() -> None:
                if future.done():
                    return
                dlg = QProgressDialog(label, "", 0, 0, parent)
                dlg.setObjectName("task_progress_dialog")
                dlg.setCancelButton(None)
                dlg.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
                dlg.setMinimumDuration(0)
                dlg.show()
                progress.append(dlg)

            dialog_timer.timeout.connect(show_progress)
            dialog_timer.start(PROGRESS_DELAY_MS)

        def finish() -> None:
            if dialog_timer is not None:
                dialog_timer.stop()
                dialog_timer.deleteLater()
            for dlg in progress:
                if shiboken6.isValid(dlg):
                    dlg.close()
                    dlg.deleteLater()
            self._pending -= 1
            try:
                exc = future.exception()
                if owner is not None and not shiboken6.isValid(owner):
                    if exc is not None and not isinstance(exc, UserError):
                        log.error("a background task failed after its window closed",
                                  exc_info=(type(exc), exc, exc.__traceback__))
                    return
                if exc is None:
                    if on_done is not None:
                        on_done(future.result())
                else:
                    self._handle_error(exc, on_error, parent)
            finally:
                if self._pending == 0:
                    self.idle_changed.emit(True)

        token = self._register(finish)
        future.add_done_callback(lambda _f, t=token: self._post(t))
        return future

    def db(
        self,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        write: bool = False,
        on_error: Callable[[UserError], None] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
        owner: QObject | None = None,
    ) -> Future:
        """Run ``fn(session)`` in its own transaction on the worker."""
        database = self._db

        def task():
            with database.session(write=write) as s:
                return fn(s)

        return self.run(task, on_done, on_error=on_error, label=label, parent=parent, owner=owner)

    def db_for(self, owner: QObject, fn: Callable[[Any], Any], on_done: Callable[[Any], None] | None = None,
               **kw) -> Future:
        """:meth:`db` for a widget: its callbacks are dropped if the widget is gone."""
        return self.db(fn, on_done, owner=owner, **kw)

    def call_db(self, fn: Callable[[Any], Any], *, write: bool = False) -> Any:
        """Run ``fn(session)`` on the worker and wait for it in a local event loop (the window
        keeps painting); returns its result or raises its exception. For the start-up steps."""
        from PySide6.QtCore import QEventLoop

        database = self._db
        loop = QEventLoop()

        def task():
            with database.session(write=write) as s:
                return fn(s)

        finished = threading.Event()

        def wake() -> None:  # runs on the GUI thread, inside the loop below
            finished.set()
            loop.quit()

        self._pending += 1
        future = self._executor.submit(task)
        token = self._register(wake)
        future.add_done_callback(lambda _f, t=token: self._post(t))
        while not finished.is_set():
            loop.exec()
        self._pending -= 1
        return future.result()

    def run_on_main(self, closure: Callable[[], None]) -> None:
        """Queue ``closure`` for the GUI thread (safe from any thread; the closure should hold
        no widget, see :meth:`run`)."""
        with self._lock:
            self._closures.append(closure)
        self.closures_pending.emit()

    def _register(self, callback: Callable[[], None]) -> int:
        """Keep ``callback`` on the GUI thread under a number the worker can post back."""
        self._next_token += 1
        self._waiting[self._next_token] = callback
        return self._next_token

    def _post(self, token: int) -> None:
        with self._lock:
            self._closures.append(token)
        self.closures_pending.emit()

    def shutdown(self) -> None:
        """Wait for the running task (a save must finish) and stop the worker."""
        self._closed = True
        self._executor.shutdown(wait=True)

    # ------------------------------------------------------------------ internals

    def _on_closures_pending(self) -> None:
        with self._lock:
            items, self._closures = self._closures, []
        for item in items:
            closure = self._waiting.pop(item, None) if isinstance(item, int) else item
            if closure is not None:
                closure()

    def _handle_error(self, exc: BaseException, on_error, parent) -> None:
        if isinstance(exc, UserError):
            if on_error is not None:
                on_error(exc)
            else:
                QMessageBox.warning(parent, self.tr("Cannot do this"), user_error_text(exc).text)
            return
        if isinstance(exc, StorageError):
            log.warning("storage problem: %s", exc)
            QMessageBox.critical(parent, self.tr("Storage problem"), storage_error_text(exc))
            return
        log.error("a background task failed", exc_info=(type(exc), exc, exc.__traceback__))
        if self.bug_handler is not None:
            self.bug_handler(exc)
        else:
            raise exc
