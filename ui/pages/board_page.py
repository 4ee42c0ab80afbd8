"""The supervisor's board: what came in, what is due, what is late (``dossiers.counts``), and
the list behind each number, overdue first, with working days late."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.services import dossiers
from desk_app.services.dossiers import DossierSummary, ListFilter
from ui.context import DeskContext
from ui.i18n import fmt_date, fmt_datetime
from ui.labels import state_text, status_label
from ui.models.record_table_model import SORT_ROLE, ColumnSpec, RecordTableModel
from ui.style import DUE_TODAY_BG, DUE_TOMORROW_BG, OVERDUE_BG, set_role
from ui.widgets.table_views import make_table_view

REFRESH_MS = 5 * 60_000

# key of dossiers.counts(), caption, the list it opens (None: no list)
TILES = (
    ("received_today", QT_TRANSLATE_NOOP("BoardPage", "Received today"), None),
    ("received_this_week", QT_TRANSLATE_NOOP("BoardPage", "Received this week"), None),
    ("due_today", QT_TRANSLATE_NOOP("BoardPage", "Due today"), "due_today"),
    ("due_tomorrow", QT_TRANSLATE_NOOP("BoardPage", "Due next working day"), "due_tomorrow"),
    ("overdue", QT_TRANSLATE_NOOP("BoardPage", "Overdue"), "overdue"),
    ("paused", QT_TRANSLATE_NOOP("BoardPage", "Waiting for the citizen"), "paused"),
    ("result_ready", QT_TRANSLATE_NOOP("BoardPage", "Results to hand back"), "result_ready"),
)
LIST_TITLES = {
    "overdue": QT_TRANSLATE_NOOP("BoardPage", "Overdue dossiers (most late first)"),
    "due_today": QT_TRANSLATE_NOOP("BoardPage", "Dossiers due today"),
    "due_tomorrow": QT_TRANSLATE_NOOP("BoardPage", "Dossiers due today or on the next working day"),
    "paused": QT_TRANSLATE_NOOP("BoardPage", "Dossiers waiting for a supplement or a payment"),
    "result_ready": QT_TRANSLATE_NOOP("BoardPage", "Results ready to hand back"),
}
_BREAKDOWN_HEADERS = {
    "received_today": QT_TRANSLATE_NOOP("BoardPage", "Received today"),
    "open": QT_TRANSLATE_NOOP("BoardPage", "Open"),
    "due_today": QT_TRANSLATE_NOOP("BoardPage", "Due today"),
    "overdue": QT_TRANSLATE_NOOP("BoardPage", "Overdue"),
}
_BG = {"overdue": OVERDUE_BG, "due_today": DUE_TODAY_BG, "due_tomorrow": DUE_TOMORROW_BG}


def list_filter(kind: str) -> ListFilter:
    if kind == "overdue":
        return ListFilter(overdue=True, limit=1000)
    if kind == "due_today":
        return ListFilter(due_within=0, limit=1000)
    if kind == "due_tomorrow":
        return ListFilter(due_within=1, limit=1000)
    if kind == "paused":
        return ListFilter(status=(5, 6), limit=1000)
    return ListFilter(status=(9,), limit=1000)


class CountTile(QFrame):
    clicked = Signal()

    def __init__(self, key: str, caption: str, clickable: bool) -> None:
        super().__init__()
        self.setObjectName(f"{key}_tile")
        set_role(self, "tile", key if key in ("overdue", "due_today") else "")
        self.number_label = QLabel("–")
        self.number_label.setObjectName(f"{key}_number_label")
        set_role(self.number_label, "tile-number")
        self.caption_label = QLabel(caption)
        self.caption_label.setWordWrap(True)
        set_role(self.caption_label, "tile-caption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.number_label)
        layout.addWidget(self.caption_label)
        self._clickable = clickable
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(QCoreApplication.translate("BoardPage", "Show the list"))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class BoardPage(QWidget):
    counts_loaded = Signal(dict)
    list_loaded = Signal(str, int)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("board_page")
        self.ctx = ctx
        self.kind = "overdue"
        self.counts: dict = {}
        self.tiles: dict[str, CountTile] = {}
        self.list_buttons: dict[str, QPushButton] = {}

        tiles = QGridLayout()
        tiles.setSpacing(8)
        for i, (key, text, kind) in enumerate(TILES):
            tile = CountTile(key, QCoreApplication.translate("BoardPage", text), kind is not None)
            if kind is not None:
                tile.clicked.connect(lambda k=kind: self.show_list(k))
            self.tiles[key] = tile
            tiles.addWidget(tile, 0, i)

        self.list_title_label = QLabel()
        self.list_title_label.setObjectName("list_title_label")
        set_role(self.list_title_label, "section")
        buttons = QHBoxLayout()
        buttons.addWidget(self.list_title_label, 1)
        for kind, text in (("overdue", self.tr("&Overdue")), ("due_today", self.tr("Due &today")),
                           ("due_tomorrow", self.tr("Due to&morrow")), ("paused", self.tr("&Waiting")),
                           ("result_ready", self.tr("&Results"))):
            b = QPushButton(text)
            b.setObjectName(f"{kind}_list_button")
            b.setCheckable(True)
            b.setAutoExclusive(True)
            b.clicked.connect(lambda _=False, k=kind: self.show_list(k))
            self.list_buttons[kind] = b
            buttons.addWidget(b)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.clicked.connect(self.refresh)
        buttons.addWidget(self.refresh_button)

        self.model = RecordTableModel([
            ColumnSpec(QT_TRANSLATE_NOOP("BoardPage", "Dossier code"), lambda r: r.code),
            ColumnSpec(QT_TRANSLATE_NOOP("BoardPage", "Procedure"), lambda r: r.procedure_name),
            ColumnSpec(QT_TRANSLATE_NOOP("BoardPage", "Applicant"), lambda r: r.applicant.name),
            ColumnSpec(QT_TRANSLATE_NOOP("BoardPage", "Received"), lambda r: fmt_date(r.received_at),
                       lambda r: r.received_at.isoformat()),
            ColumnSpec(QT_TRANSLATE_NOOP("BoardPage", "Appointment"), lambda r: fmt_datetime(r.due_at),
                       lambda r: r.due_at.isoformat() if r.due_at else ""),
            ColumnSpec(QT_TRANSLATE_NOOP("BoardPage", "Working days late"),
                       lambda r: r.days_late if r.state == "overdue" else "", lambda r: r.days_late,
                       Qt.AlignmentFlag.AlignCenter),
            ColumnSpec(QT_TRANSLATE_NOOP("BoardPage", "Deadline"), lambda r: state_text(r.state, r.days_late)),
            ColumnSpec(QT_TRANSLATE_NOOP("BoardPage", "Status"), lambda r: status_label(r.status)),
            ColumnSpec(QT_TRANSLATE_NOOP("BoardPage", "Phone"), lambda r: r.applicant.phone),
        ], "BoardPage", self, background=lambda r: _BG.get(r.state))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table_view = QTableView()
        self.table_view.setObjectName("board_table_view")
        self.table_view.setModel(self.proxy)
        self.table_view.setSortingEnabled(True)
        self.table_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.verticalHeader().hide()
        self.table_view.verticalHeader().setDefaultSectionSize(24)
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 200), (2, 150), (3, 90), (4, 128), (5, 96), (6, 175), (7, 150), (8, 100)):
            self.table_view.setColumnWidth(col, width)
        self.table_view.doubleClicked.connect(self._on_row_activated)
        self.table_view.activated.connect(self._on_row_activated)
        self.hint_label = QLabel(self.tr("Double-click or Enter on a row opens the dossier on the dossier desk."))
        set_role(self.hint_label, "hint")
        self.updated_label = QLabel()
        self.updated_label.setObjectName("updated_label")
        set_role(self.updated_label, "hint")
        foot = QHBoxLayout()
        foot.addWidget(self.hint_label, 1)
        foot.addWidget(self.updated_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(tiles)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.views_tabs = QTabWidget()
        self.views_tabs.setObjectName("views_tabs")
        self.views_tabs.addTab(self.table_view, self.tr("List"))
        self.procedure_model = self._breakdown_model(QT_TRANSLATE_NOOP("BoardPage", "Procedure"))
        self.clerk_model = self._breakdown_model(QT_TRANSLATE_NOOP("BoardPage", "Received by"))
        self.procedure_view = make_table_view("by_procedure_view", self.procedure_model, stretch=0)
        self.clerk_view = make_table_view("by_clerk_view", self.clerk_model, stretch=0)
        self.views_tabs.addTab(self.procedure_view, self.tr("By procedure"))
        self.views_tabs.addTab(self.clerk_view, self.tr("By clerk"))
        layout.addWidget(self.views_tabs, 1)
        layout.addLayout(foot)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        ctx.events.dossier_changed.connect(lambda _c: self.refresh() if self.isVisible() else None)
        ctx.events.calendar_changed.connect(self.refresh)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().hideEvent(event)
        self.timer.stop()

    def _breakdown_model(self, first_header: str) -> RecordTableModel:
        def count(attr: str):
            return ColumnSpec(_BREAKDOWN_HEADERS[attr], lambda r, a=attr: getattr(r, a), lambda r, a=attr: getattr(r, a),
                              Qt.AlignmentFlag.AlignCenter)

        return RecordTableModel(
            [ColumnSpec(first_header, lambda r: r.label if r.label == r.key else f"{r.key}  {r.label}"),
             count("received_today"), count("open"), count("due_today"), count("overdue")],
            "BoardPage", self,
            background=lambda r: _BG.get("overdue") if r.overdue else (_BG.get("due_today") if r.due_today else None),
        )

    def refresh(self) -> None:
        now = self.ctx.now()
        self.ctx.tasks.db_for(self, lambda s: dossiers.counts(s, now=now), self._on_counts)
        self.ctx.tasks.db_for(self, lambda s: dossiers.breakdown(s, now=now), self._on_breakdown)
        self.show_list(self.kind)

    def _on_breakdown(self, result) -> None:
        self.procedure_model.set_rows(list(result.by_procedure))
        self.clerk_model.set_rows(list(result.by_clerk))

    def show_list(self, kind: str) -> None:
        self.kind = kind
        self.list_buttons[kind].setChecked(True)
        self.list_title_label.setText(QCoreApplication.translate("BoardPage", LIST_TITLES[kind]))
        flt = list_filter(kind)
        now = self.ctx.now()

        def done(recs: list[DossierSummary]) -> None:
            if kind != self.kind:
                return
            if kind == "overdue":
                recs = sorted(recs, key=lambda r: (-r.days_late, r.due_at))
            self.model.set_rows(recs)
            self.updated_label.setText(self.tr("Updated {time}").format(time=fmt_datetime(now)))
            self.list_loaded.emit(kind, len(recs))

        self.ctx.tasks.db_for(self, lambda s: dossiers.list_dossiers(s, flt, now=now), done,
                          label=self.tr("Loading…"), parent=self)

    def _on_counts(self, counts: dict) -> None:
        self.counts = counts
        for key, tile in self.tiles.items():
            tile.number_label.setText(str(counts.get(key, 0)))
        self.counts_loaded.emit(counts)

    def _on_row_activated(self, index) -> None:
        rec = self.model.row_record(self.proxy.mapToSource(index).row())
        if rec is not None:
            self.ctx.events.dossier_requested.emit(rec.code)
