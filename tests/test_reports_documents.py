"""The report as the CLI writes it: JSON, XLSX read back with openpyxl, PDF read back with
pdftotext (poppler), on SQLite and PostgreSQL; the benchmark function on a small database."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desk_app.reports import xlsx as xlsx_mod
from tests.test_reports import MARCH, A, C, build_history, cells, counts_of

NOW = "2026-04-03T09:00:00"
TOTAL = cells(received_carried=5, received_online=2, received_direct=10, resolved_early=1, resolved_on_time=4,
              resolved_late=4, pending_within=3, pending_overdue=2, withdrawn=1, stopped=1, refused=1)


@pytest.fixture
def run(desk, cli):
    """The CLI against the test's database (SQLite file or the fresh PostgreSQL one)."""
    url = None if desk.is_sqlite else desk.url
    return lambda *args: cli("--now", NOW, *args, db_url=url)


@pytest.fixture
def history(desk):
    return build_history(desk)


def test_json_to_stdout_and_file(run, history, tmp_path):
    res = run("report", "--period", "2026-03")
    assert res.code == 0, res.err
    d = res.json()
    assert d["period"] == {"key": "2026-03", "kind": "month", "from": "2026-03-01", "to": "2026-03-31",
                           "label": "Tháng 03 năm 2026"}
    keys = {"field", "procedure_code", "received_carried", "received_online", "received_direct", "received_total",
            "resolved_early", "resolved_on_time", "resolved_late", "resolved_total", "pending_within",
            "pending_overdue", "pending_total", "withdrawn", "stopped", "refused"}
    assert all(keys <= set(r) for r in d["rows"])
    assert counts_of(d["totals"]) == TOTAL
    assert {r["procedure_code"]: counts_of(r) for r in d["rows"]} == MARCH
    out = tmp_path / "out" / "march.json"
    res = run("--json", "report", "--from", "2026-03-01", "--to", "2026-03-31", "-o", str(out))
    assert res.code == 0, res.err
    assert res.json()["file"] == str(out)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert counts_of(written["totals"]) == TOTAL
    assert written["period"]["kind"] == "range"
    assert [p.name for p in out.parent.iterdir()] == ["march.json"]  # no temporary file left behind


def test_xlsx_reads_back_like_the_official_table(run, history, tmp_path):
    out = tmp_path / "reports" / "march.xlsx"
    out.parent.mkdir()
    out.write_bytes(b"an older report, open in nobody's Excel")
    res = run("report", "--period", "2026-03", "--format", "xlsx", "-o", str(out))
    assert res.code == 0, res.err
    assert "Written:" in res.out and "On-time rate 55.56%" in res.out
    wb = load_workbook(out)
    assert wb.sheetnames == ["Báo cáo", "Theo tuần"]
    ws = wb["Báo cáo"]
    assert ws["A1"].value == "UBND XÃ TÂN LẬP"
    assert ws["A2"].value == "BỘ PHẬN MỘT CỬA UBND XÃ TÂN LẬP"
    assert ws["J1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert ws["J3"].value == "Tân Lập, ngày 03 tháng 04 năm 2026"
    assert ws["A5"].value == "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
    assert ws["A6"].value == "Kỳ báo cáo: Tháng 03 năm 2026 (từ ngày 01/03/2026 đến ngày 31/03/2026)"
    assert ws["A7"].value == "Đơn vị báo cáo: Bộ phận Một cửa UBND xã Tân Lập (mã 000.17.22.H56)"
    merged = {str(r) for r in ws.merged_cells.ranges}
    h = xlsx_mod.HEADER_ROW
    # one label over both header rows, groups over their columns
    assert {f"A{h}:A{h + 1}", f"B{h}:B{h + 1}", f"C{h}:C{h + 1}", f"R{h}:R{h + 1}"} <= merged
    assert {f"D{h}:G{h}", f"H{h}:K{h}", f"L{h}:N{h}", f"O{h}:Q{h}", "A5:R5"} <= merged
    assert ws[f"D{h}"].value == "Số hồ sơ nhận giải quyết"
    assert ws[f"H{h}"].value == "Số hồ sơ đã giải quyết"
    assert ws[f"L{h}"].value == "Số hồ sơ đang giải quyết"
    assert [ws.cell(row=h + 1, column=c).value for c in range(4, 15)] == [
        "Tổng số", "Từ kỳ trước chuyển sang", "Mới tiếp nhận trực tuyến", "Mới tiếp nhận trực tiếp, bưu chính",
        "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"]
    assert ws.cell(row=xlsx_mod.NUMBER_ROW, column=1).value == "(1)"
    assert ws.cell(row=xlsx_mod.NUMBER_ROW, column=18).value == "(18)"

    order = ["received_total", "received_carried", "received_online", "received_direct", "resolved_total",
             "resolved_early", "resolved_on_time", "resolved_late", "pending_total", "pending_within",
             "pending_overdue", "withdrawn", "stopped", "refused"]
    rows = {}
    r = xlsx_mod.FIRST_DATA_ROW
    while ws.cell(row=r, column=2).value:
        rows[(ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value, ws.cell(row=r, column=3).value)] = [
            ws.cell(row=r, column=c).value for c in range(4, 19)]
        r += 1
    labels = [k[1] for k in rows]
    assert labels == ["BẢO TRỢ XÃ HỘI", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng",
                      "CHỨNG THỰC", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực di chúc",
                      "HỘ TỊCH", "Cấp Giấy xác nhận tình trạng hôn nhân", "Đăng ký lại khai sinh", "TỔNG CỘNG"]
    for values in rows.values():  # the identity, as Excel would re-sum it
        v = dict(zip(order, values))
        assert v["received_total"] == v["resolved_total"] + v["pending_total"] + v["withdrawn"] + v["stopped"] + v["refused"]
        assert v["received_total"] == v["received_carried"] + v["received_online"] + v["received_direct"]
    assert rows[(None, "TỔNG CỘNG", None)][:14] == [TOTAL[k] for k in order]
    assert rows[(None, "TỔNG CỘNG", None)][14] == 55.56
    assert rows[("1", "Cấp Giấy xác nhận tình trạng hôn nhân", A)][:14] == [MARCH[A][k] for k in order]
    assert rows[("II", "CHỨNG THỰC", "CT")][:14] == [MARCH[C][k] + cells(received_direct=1, pending_within=1)[k]
                                                       for k in order]
    assert ws.cell(row=r - 1, column=2).font.b  # the total is bold
    # below the table: the indicators, then the signers
    texts = [ws.cell(row=i, column=1).value for i in range(r, ws.max_row + 1)]
    assert "Mức độ hài lòng" in texts and "NGƯỜI LẬP BIỂU" in texts
    sat = texts.index("Mức độ hài lòng") + r
    assert ws.cell(row=sat, column=3).value == "45,38%"
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == f"${h}:${xlsx_mod.NUMBER_ROW}"
    weeks = wb["Theo tuần"]
    assert weeks["A1"].value == "Tuần bắt đầu (thứ Hai)"
    assert sum(weeks.cell(row=i, column=2).value for i in range(2, weeks.max_row + 1)) == 12
    assert sum(weeks.cell(row=i, column=3).value for i in range(2, weeks.max_row + 1)) == 9
    assert [p.name for p in out.parent.iterdir()] == ["march.xlsx"]  # replaced, no temporary left


def _pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_pdf_shows_vietnamese_labels_with_diacritics(run, history, tmp_path):
    out = tmp_path / "march.pdf"
    res = run("report", "--period", "2026-03", "--format", "pdf", "-o", str(out))
    assert res.code == 0, res.err
    assert out.read_bytes()[:5] == b"%PDF-"
    txt = _pdftotext(out)
    for phrase in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "Kỳ báo cáo: Tháng 03 năm 2026 (từ ngày 01/03/2026 đến ngày 31/03/2026)",
        "Số hồ sơ nhận giải quyết",
        "Số hồ sơ đã giải quyết",
        "Số hồ sơ đang giải quyết",
        "HỘ TỊCH",
        "Cấp Giấy xác nhận tình trạng hôn nhân",
        "TỔNG CỘNG",
        "Mức độ hài lòng",
        "45,38%",
        "NGƯỜI LẬP BIỂU",
        "Hồ sơ tiếp nhận mới và đã giải quyết theo tuần",
        "Tỷ lệ giải quyết đúng hạn theo thủ tục (%)",
    ]:
        assert phrase in txt, phrase
    total_line = next(line for line in txt.splitlines() if "TỔNG CỘNG" in line)
    assert total_line.split()[2:16] == ["17", "5", "2", "10", "9", "1", "4", "4", "5", "3", "2", "1", "1", "1"]
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
        listed = fonts.splitlines()[2:]  # after the two heading lines
        assert listed and all("DejaVuSerifCondensed" in line and " yes " in line for line in listed), fonts


def test_by_unit_pdf_and_xlsx(desk, run, history, tmp_path):
    from sqlalchemy import text

    with desk.session() as s:
        s.execute(text("UPDATE dossiers SET unit_code = 'H15.50.05.13' WHERE code = :c"), {"c": history["n5"]})
    res = run("--json", "report", "--period", "2026-03", "--by-unit")
    d = res.json()
    assert [r["unit_code"] for r in d["rows"]] == ["000.17.22.H56", "H15.50.05.13"]
    assert d["rows"][1]["refused"] == 1 and d["rows"][1]["received_online"] == 1
    pdf = tmp_path / "units.pdf"
    assert run("report", "--period", "2026-03", "--by-unit", "--format", "pdf", "-o", str(pdf)).code == 0
    txt = _pdftotext(pdf)
    assert "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO ĐƠN VỊ" in txt
    assert "H15.50.05.13" in txt and "Tỷ lệ giải quyết đúng hạn theo đơn vị (%)" in txt
    book = tmp_path / "units.xlsx"
    assert run("report", "--period", "2026-03", "--by-unit", "--format", "xlsx", "-o", str(book)).code == 0
    ws = load_workbook(book)["Báo cáo"]
    assert ws.cell(row=xlsx_mod.HEADER_ROW, column=2).value == "Đơn vị"
    assert ws.cell(row=xlsx_mod.FIRST_DATA_ROW + 1, column=3).value == "H15.50.05.13"


def test_report_usage_errors(run):
    res = run("report")
    assert res.code == 1 and "which period?" in res.err
    res = run("report", "--period", "2026-03", "--from", "2026-03-01")
    assert res.code == 1 and "not both" in res.err
    res = run("report", "--period", "2026-Q7")
    assert res.code == 1 and "is not one of" in res.err
    res = run("report", "--from", "2026-03-10", "--to", "2026-03-01")
    assert res.code == 1 and "before it starts" in res.err


def test_empty_report_documents(run, tmp_path):
    for fmt in ("xlsx", "pdf"):
        out = tmp_path / f"empty.{fmt}"
        res = run("report", "--period", "2026-03", "--format", fmt, "-o", str(out))
        assert res.code == 0, res.err
        assert out.stat().st_size > 1000


def test_bench_report_on_a_small_database(tmp_path):
    from desk_app.services.reports import bench_report

    result = bench_report(tmp_path / "bench", dossiers=400, repeat=1)
    assert result["dossiers"] == 400 and result["value_ms"] > 0 and result["rows"] > 0
    again = bench_report(tmp_path / "bench", repeat=1)  # an existing database is reused as it is
    assert again["dossiers"] == 400 and again["build_s"] == 0
