"""The supervisor's periodic report: pick a period, see the official table, the QĐ 766
indicators and two pictures, export the XLSX or the PDF.

The numbers come from ``desk_app.services.reports.build_report`` on the worker; the table
rows and their order from ``desk_app.reports.layout`` (the same as the XLSX and the PDF). The
pictures are painted with QPainter (QtCharts would need PySide6-Addons, ~100 MB more in the
installer, for two bar charts); the PDF draws the same pictures with reportlab graphics.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.reports import layout
from desk_app.reports.periods import Period, date_range, parse_period
from desk_app.services.reports import Report, ReportRow, WeekPoint, build_report
from ui.context import DeskContext
from ui.models.record_table_model import ColumnSpec, RecordTableModel
from ui.style import set_role

KINDS = (
    ("month", QT_TRANSLATE_NOOP("ReportPage", "Month")),
    ("quarter", QT_TRANSLATE_NOOP("ReportPage", "Quarter")),
    ("half", QT_TRANSLATE_NOOP("ReportPage", "Half-year")),
    ("year", QT_TRANSLATE_NOOP("ReportPage", "Year")),
    ("range", QT_TRANSLATE_NOOP("ReportPage", "Dates")),
)
RECEIVED = QColor("#3B6EA8")
RESOLVED = QColor("#4E9A52")
FAIR = QColor("#E0A030")
POOR = QColor("#C0392B")
GROUP_BG = QColor("#eef2f8")


def previous_month(today: date) -> Period:
    last = today.replace(day=1) - timedelta(days=1)
    return parse_period(f"{last.year}-{last.month:02d}")


class WeeklyChart(QWidget):
    """Grouped bars: dossiers newly received and resolved per week."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekly_chart")
        self.weeks: tuple[WeekPoint, ...] = ()
        self.setMinimumHeight(240)

    def set_weeks(self, weeks) -> None:
        self.weeks = tuple(weeks)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        fm = QFontMetrics(self.font())
        p.drawText(QRectF(0, 4, self.width(), fm.height()), Qt.AlignmentFlag.AlignHCenter,
                   self.tr("Dossiers newly received and resolved per week"))
        if not self.weeks:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No data"))
            return
        left, top, right, bottom = 44.0, fm.height() * 2.6, 12.0, fm.height() * 2.2
        w, h = self.width() - left - right, self.height() - top - bottom
        highest = max(1, max(max(x.received, x.resolved) for x in self.weeks))
        tick = next(t for t in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10**9)
                    if highest / t <= 5)
        ticks = -(-highest // tick)
        peak = tick * ticks
        for k in range(ticks + 1):
            y = top + h - h * k / ticks
            p.setPen(QPen(QColor("#dddddd")))
            p.drawLine(int(left), int(y), int(left + w), int(y))
            p.setPen(QPen(QColor("#555555")))
            p.drawText(QRectF(0, y - fm.height() / 2, left - 4, fm.height()), Qt.AlignmentFlag.AlignRight,
                       str(tick * k))
        slot = w / len(self.weeks)
        bar = max(1.0, slot * 0.36)
        step = max(1, -(-len(self.weeks) // 14))
        for i, wk in enumerate(self.weeks):
            x = left + i * slot + slot * 0.14
            for j, (value, color) in enumerate(((wk.received, RECEIVED), (wk.resolved, RESOLVED))):
                bh = h * value / peak
                p.fillRect(QRectF(x + j * bar, top + h - bh, bar, bh), color)
            if i % step == 0:
                p.setPen(QPen(QColor("#333333")))
                p.drawText(QRectF(left + i * slot - 10, top + h + 2, slot + 20, fm.height()),
                           Qt.AlignmentFlag.AlignHCenter, wk.week_start.strftime("%d/%m"))
        y = self.height() - fm.height() - 2
        for k, (color, text) in enumerate(((RECEIVED, self.tr("Newly received")), (RESOLVED, self.tr("Resolved")))):
            x = left + k * 160
            p.fillRect(QRectF(x, y + 3, 12, fm.height() - 6), color)
            p.setPen(QPen(QColor("#333333")))
            p.drawText(QRectF(x + 16, y, 140, fm.height()), Qt.AlignmentFlag.AlignLeft, text)


class OnTimeChart(QWidget):
    """Horizontal bars: the on-time rate of each procedure (or commune) that resolved a dossier."""

    ROW = 20

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("on_time_chart")
        self.rows: list[ReportRow] = []
        self.by_unit = False

    def set_rows(self, rows, by_unit: bool) -> None:
        self.rows = [r for r in rows if r.resolved_total]
        self.by_unit = by_unit
        self.setMinimumHeight(40 + self.ROW * max(1, len(self.rows)))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        fm = QFontMetrics(self.font())
        title = self.tr("On-time rate per commune (%)") if self.by_unit else self.tr("On-time rate per procedure (%)")
        p.drawText(QRectF(0, 2, self.width(), fm.height()), Qt.AlignmentFlag.AlignHCenter, title)
        if not self.rows:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dossier was resolved in the period"))
            return
        label_w = min(420.0, self.width() * 0.45)
        x0, w = label_w + 8, self.width() - label_w - 60
        for i, r in enumerate(self.rows):
            y = 28 + i * self.ROW
            name = f"{r.unit_code} {r.unit_name}" if self.by_unit else f"{r.procedure_code} {r.procedure_name}"
            p.setPen(QPen(QColor("#222222")))
            p.drawText(QRectF(0, y, label_w, self.ROW), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(name, Qt.TextElideMode.ElideRight, int(label_w)))
            rate = r.on_time_rate or 0.0
            color = RESOLVED if rate >= 90 else (FAIR if rate >= 70 else POOR)
            p.fillRect(QRectF(x0, y + 3, w * rate / 100, self.ROW - 6), color)
            p.drawText(QRectF(x0 + w * rate / 100 + 4, y, 56, self.ROW), Qt.AlignmentFlag.AlignVCenter,
                       f"{rate:.1f}".replace(".", ","))
        pen = QPen(QColor("#777777"))
        pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        x = x0 + w * 0.9
        p.drawLine(int(x), 26, int(x), int(28 + len(self.rows) * self.ROW))


# Column headers short enough for the screen (official terms: they stay Vietnamese in either
# language of the window, like the printed report; GQ = giải quyết). The XLSX and the PDF
# carry the full official two-level headers.
SCREEN_HEADERS = {
    "received_total": "Nhận\nTổng số", "received_carried": "Nhận\nKỳ trước",
    "received_online": "Nhận\nTrực tuyến", "received_direct": "Nhận\nTrực tiếp",
    "resolved_total": "Đã GQ\nTổng số", "resolved_early": "Đã GQ\nTrước hạn",
    "resolved_on_time": "Đã GQ\nĐúng hạn", "resolved_late": "Đã GQ\nQuá hạn",
    "pending_total": "Đang GQ\nTổng số", "pending_within": "Đang GQ\nTrong hạn",
    "pending_overdue": "Đang GQ\nQuá hạn", "withdrawn": "Rút\nhồ sơ", "stopped": "Dừng\nxử lý",
    "refused": "Từ chối\ntiếp nhận", "on_time_rate": "Đúng hạn\n(%)",
}


def _columns(by_unit: bool) -> list[ColumnSpec]:
    specs = []
    for col in layout.columns(by_unit):
        align = None if col.key == "label" else Qt.AlignmentFlag.AlignCenter
        header = SCREEN_HEADERS.get(col.key, col.label)
        specs.append(ColumnSpec(header, lambda line, c=col: _shown(layout.cell(line, c)), align=align))
    return specs


def _shown(value):
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return value


class ReportPage(QWidget):
    report_loaded = Signal(object)  # Report
    exported = Signal(str)  # the file written

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_page")
        self.ctx = ctx
        self.report: Report | None = None
        self._asked = False
        start = previous_month(ctx.now().date())

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for key, text in KINDS:
            self.kind_combo.addItem(self.tr(text), key)
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(start.first.year)
        self.part_combo = QComboBox()
        self.part_combo.setObjectName("part_combo")
        self.from_edit = QDateEdit(QDate(start.first.year, start.first.month, 1))
        self.to_edit = QDateEdit(QDate(start.last.year, start.last.month, start.last.day))
        for edit, name in ((self.from_edit, "from_date_edit"), (self.to_edit, "to_date_edit")):
            edit.setObjectName(name)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.by_unit_check = QCheckBox(self.tr("One row per commune"))
        self.by_unit_check.setObjectName("by_unit_check")
        self.by_unit_check.setVisible(bool(ctx.unit and ctx.unit.is_upstream_office))
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setObjectName("show_button")
        self.xlsx_button = QPushButton(self.tr("Export &Excel…"))
        self.xlsx_button.setObjectName("xlsx_button")
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.pdf_button.setObjectName("pdf_button")
        for b in (self.xlsx_button, self.pdf_button):
            b.setEnabled(False)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.show_button.clicked.connect(self.refresh)
        self.xlsx_button.clicked.connect(lambda: self._on_export_clicked("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._on_export_clicked("pdf"))

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        for w in (self.kind_combo, self.part_combo, self.year_spin, self.from_edit, self.to_edit, self.by_unit_check):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.show_button, self.xlsx_button, self.pdf_button):
            bar.addWidget(w)

        self.title_label = QLabel()
        self.title_label.setObjectName("title_label")
        set_role(self.title_label, "section")
        self.model = RecordTableModel(_columns(False), "ReportPage", self,
                                      background=lambda line: GROUP_BG if line.bold else None)
        self.table_view = QTableView()
        self.table_view.setObjectName("report_table_view")
        self.table_view.setModel(self.model)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.verticalHeader().hide()
        self.table_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table_view.horizontalHeader().setDefaultSectionSize(68)
        self.table_view.setWordWrap(True)
        self.weekly_chart = WeeklyChart()
        self.on_time_chart = OnTimeChart()
        pictures = QWidget()
        pv = QVBoxLayout(pictures)
        pv.addWidget(self.weekly_chart)
        pv.addWidget(self.on_time_chart)
        pv.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(pictures)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("report_tabs")
        self.tabs.addTab(self.table_view, self.tr("Table"))
        self.tabs.addTab(scroll, self.tr("Pictures"))
        self.indicators_label = QLabel()
        self.indicators_label.setObjectName("indicators_label")
        self.indicators_label.setWordWrap(True)
        bold = QFont(self.indicators_label.font())
        bold.setBold(True)
        self.indicators_label.setFont(bold)

        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addLayout(bar)
        box.addWidget(self.title_label)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.indicators_label)
        self._on_kind_changed()
        self.part_combo.setCurrentIndex(start.first.month - 1)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self.report is None and not self._asked:  # the first time: the previous month at once
            self._asked = True
            self.refresh()

    # ------------------------------------------------------------------ period

    def _on_kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.part_combo.clear()
        if kind == "month":
            self.part_combo.addItems([f"{m:02d}" for m in range(1, 13)])
        elif kind == "quarter":
            self.part_combo.addItems(["I", "II", "III", "IV"])
        elif kind == "half":
            self.part_combo.addItems(["1", "2"])
        ranged = kind == "range"
        self.part_combo.setVisible(kind in ("month", "quarter", "half"))
        self.year_spin.setVisible(not ranged)
        self.from_edit.setVisible(ranged)
        self.to_edit.setVisible(ranged)

    def period(self) -> Period:
        kind = self.kind_combo.currentData()
        y, part = self.year_spin.value(), self.part_combo.currentIndex() + 1
        if kind == "month":
            return parse_period(f"{y}-{part:02d}")
        if kind == "quarter":
            return parse_period(f"{y}-Q{part}")
        if kind == "half":
            return parse_period(f"{y}-H{part}")
        if kind == "year":
            return parse_period(str(y))
        return date_range(self.from_edit.date().toPython(), self.to_edit.date().toPython())

    def set_period(self, period: Period) -> None:
        keys = [k for k, _t in KINDS]
        self.kind_combo.setCurrentIndex(keys.index(period.kind))
        self.year_spin.setValue(period.first.year)
        if period.kind == "month":
            self.part_combo.setCurrentIndex(period.first.month - 1)
        elif period.kind == "quarter":
            self.part_combo.setCurrentIndex((period.first.month - 1) // 3)
        elif period.kind == "half":
            self.part_combo.setCurrentIndex(0 if period.first.month == 1 else 1)
        elif period.kind == "range":
            self.from_edit.setDate(QDate(period.first.year, period.first.month, period.first.day))
            self.to_edit.setDate(QDate(period.last.year, period.last.month, period.last.day))

    # ------------------------------------------------------------------ work

    def refresh(self) -> None:
        try:
            period = self.period()
        except Exception as exc:  # a UserError from the period (dates the wrong way round)
            self.title_label.setText(str(exc))
            return
        now = self.ctx.now()
        by_unit = self.by_unit_check.isVisible() and self.by_unit_check.isChecked()
        self.ctx.tasks.db_for(self, lambda s: build_report(s, period, now=now, by_unit=by_unit), self._on_report,
                              label=self.tr("Computing the report…"), parent=self)

    def _on_report(self, report: Report) -> None:
        self.report = report
        self.model = RecordTableModel(_columns(report.by_unit), "ReportPage", self,
                                      background=lambda line: GROUP_BG if line.bold else None)
        self.model.set_rows(layout.lines(report))
        self.table_view.setModel(self.model)
        self.table_view.setColumnWidth(0, 40)
        self.table_view.setColumnWidth(1, 300)
        self.table_view.setColumnWidth(2, 90)
        self.title_label.setText(f"{layout.title(report)} — {report.period.label} ({report.period.range_label})")
        self.indicators_label.setText("   ·   ".join(f"{label}: {value}" for label, value, _how in
                                                     layout.indicator_lines(report)[:5]))
        self.weekly_chart.set_weeks(report.weeks)
        self.on_time_chart.set_rows(report.rows, report.by_unit)
        for b in (self.xlsx_button, self.pdf_button):
            b.setEnabled(True)
        self.report_loaded.emit(report)

    def _on_export_clicked(self, fmt: str) -> None:
        if self.report is None:
            return
        name = f"bao-cao-tthc-{self.report.period.key}.{fmt}"
        filters = self.tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else self.tr("PDF document (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"), name, filters)
        if path:
            self.export_to(fmt, path)

    def export_to(self, fmt: str, path: str) -> None:
        report = self.report

        def work():
            if fmt == "xlsx":
                from desk_app.reports.xlsx import write_xlsx

                return str(write_xlsx(report, path))
            from desk_app.reports.pdf import write_pdf

            return str(write_pdf(report, path))

        self.ctx.tasks.run(work, self.exported.emit, label=self.tr("Writing the file…"), parent=self, owner=self)
