"""The official table's shape, shared by the XLSX and the PDF: columns, two-level headers,
the numbering row, the order of rows, the title lines and the indicator lines.

Laid out like the periodic report tables of the one-stop mechanism (Thông tư 01/2020/TT-VPCP
biểu 06: hồ sơ nhận giải quyết / đã giải quyết / đang giải quyết), with the withdrawn, stopped
and refused dossiers this desk also reports, so that every row adds up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desk_app.services.reports import Report, ReportRow


@dataclass(frozen=True)
class Column:
    key: str  # a ReportRow attribute, or one of: no, label, code
    group: str  # the top header ('' = the column spans both header rows)
    label: str  # the second header row (or the only one)
    number: str  # the numbering row: (1), (4)=(5)+(6)+(7) …
    width: float  # relative width (XLSX characters; the PDF scales them)


def columns(by_unit: bool) -> list[Column]:
    r, s, p, k = ("Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết",
                  "Số hồ sơ rút, dừng, từ chối")
    return [
        Column("no", "", "STT", "(1)", 5),
        Column("label", "", "Đơn vị" if by_unit else "Lĩnh vực, thủ tục hành chính", "(2)", 44),
        Column("code", "", "Mã đơn vị" if by_unit else "Mã thủ tục", "(3)", 14),
        Column("received_total", r, "Tổng số", "(4)", 9),
        Column("received_carried", r, "Từ kỳ trước chuyển sang", "(5)", 9),
        Column("received_online", r, "Mới tiếp nhận trực tuyến", "(6)", 9),
        Column("received_direct", r, "Mới tiếp nhận trực tiếp, bưu chính", "(7)", 10),
        Column("resolved_total", s, "Tổng số", "(8)", 9),
        Column("resolved_early", s, "Trước hạn", "(9)", 8),
        Column("resolved_on_time", s, "Đúng hạn", "(10)", 8),
        Column("resolved_late", s, "Quá hạn", "(11)", 8),
        Column("pending_total", p, "Tổng số", "(12)", 9),
        Column("pending_within", p, "Trong hạn", "(13)", 8),
        Column("pending_overdue", p, "Quá hạn", "(14)", 8),
        Column("withdrawn", k, "Công dân rút hồ sơ", "(15)", 8),
        Column("stopped", k, "Dừng xử lý", "(16)", 8),
        Column("refused", k, "Từ chối tiếp nhận", "(17)", 8),
        Column("on_time_rate", "", "Tỷ lệ đúng hạn (%)", "(18)", 9),
    ]


IDENTITY_NOTE = (
    "Ghi chú: (4) = (5) + (6) + (7) = (8) + (12) + (15) + (16) + (17);  (8) = (9) + (10) + (11);  "
    "(12) = (13) + (14);  (18) = [(9) + (10)] / (8) × 100."
)

TITLE = "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
UNIT_OF_COUNT = "Đơn vị tính: hồ sơ"
SIGNERS = (("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"), ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"))


def roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def vn_date(d: date | datetime) -> str:
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def place_date(report: Report) -> str:
    place = (report.unit.get("place") or "").strip()
    text = vn_date(report.generated_at)
    return f"{place}, {text}" if place else text[:1].upper() + text[1:]


def title_lines(report: Report) -> list[str]:
    """Under the title: the period, the unit."""
    p = report.period
    lines = [f"Kỳ báo cáo: {p.label}" + ("" if p.kind == "range" else f" ({p.range_label})")]
    unit = report.unit
    who = unit.get("name") or ""
    if unit.get("code"):
        who += f" (mã {unit['code']})"
    lines.append(f"Đơn vị báo cáo: {who}")
    if report.unit_filter:
        lines.append(f"Số liệu của đơn vị: {report.unit_filter}")
    return lines


def title(report: Report) -> str:
    return TITLE + (" THEO ĐƠN VỊ" if report.by_unit else "")


@dataclass(frozen=True)
class Line:
    """One printed row: its kind (field | procedure | unit | total), its STT text, and the row."""

    kind: str
    no: str
    row: ReportRow

    @property
    def bold(self) -> bool:
        return self.kind in ("field", "total")


def lines(report: Report) -> list[Line]:
    out: list[Line] = []
    if report.by_unit:
        out += [Line("unit", str(i), r) for i, r in enumerate(report.rows, 1)]
    else:
        for fi, (field_row, procs) in enumerate(report.groups(), 1):
            out.append(Line("field", roman(fi), field_row))
            out += [Line("procedure", str(i), r) for i, r in enumerate(procs, 1)]
    out.append(Line("total", "", report.totals))
    return out


def cell(line: Line, col: Column):
    """The value of one cell: text for the first three columns, a number (or None) after."""
    r = line.row
    if col.key == "no":
        return line.no
    if col.key == "label":
        if line.kind == "total":
            return "TỔNG CỘNG"
        if line.kind == "field":
            return (r.field_name or r.field or "(Không rõ lĩnh vực)").upper()
        return r.label
    if col.key == "code":
        if line.kind == "procedure":
            return r.procedure_code
        if line.kind == "unit":
            return r.unit_code
        if line.kind == "field":
            return r.field
        return ""
    return getattr(r, col.key)


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}".replace(".", ",") + "%"


def indicator_lines(report: Report) -> list[tuple[str, str, str]]:
    """(label, value, how it is computed) for the QĐ 766 indicators and the feedback counts."""
    i = report.indicators
    return [
        ("Tỷ lệ hồ sơ giải quyết đúng hạn", pct(i.on_time_rate),
         "(trước hạn + đúng hạn) / tổng số đã giải quyết; quá 01 lần yêu cầu bổ sung tính là quá hạn"),
        ("Tỷ lệ hồ sơ tiếp nhận trực tuyến", pct(i.online_share),
         "mới tiếp nhận trực tuyến / tổng số mới tiếp nhận trong kỳ"),
        ("Tỷ lệ hồ sơ quá hạn", pct(i.overdue_pct),
         "(đã giải quyết quá hạn + đang giải quyết quá hạn) / (đã giải quyết + đang giải quyết)"),
        ("Tỷ lệ phản ánh", pct(i.complaint_pct),
         "số phản ánh tiếp nhận trong kỳ / tổng số hồ sơ nhận giải quyết"),
        ("Mức độ hài lòng", pct(i.satisfaction), "100% − (tỷ lệ quá hạn + tỷ lệ phản ánh)"),
        ("Phản ánh, kiến nghị tiếp nhận trong kỳ",
         f"{i.complaints} phản ánh, {i.suggestions} kiến nghị",
         f"đã giải quyết xong {i.complaints_resolved} phản ánh trước cuối kỳ"),
        ("Đánh giá của người dân",
         f"{i.ratings} lượt" + (f", trung bình {i.rating_average:.2f}/3".replace(".", ",") if i.rating_average else ""),
         "hài lòng trở lên: " + pct(i.ratings_satisfied_pct)),
    ]


ON_TIME_RULE_VI = (
    "Cách tính: hồ sơ giải quyết đúng hạn là hồ sơ có kết quả không muộn hơn ngày hẹn trả ban đầu, cộng thêm "
    "thời gian chờ công dân bổ sung hồ sơ hoặc thực hiện nghĩa vụ tài chính; gia hạn (văn bản xin lỗi) không "
    "làm hồ sơ thành đúng hạn; hồ sơ phải bổ sung quá 01 lần tính là quá hạn. Trạng thái hồ sơ tính tại thời "
    "điểm cuối kỳ báo cáo."
)
