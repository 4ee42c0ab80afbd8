"""Procedure sets: JSON and XLSX import, versions, refusal of malformed files, legacy text."""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desk_app.domain.vntext import from_unicode
from desk_app.errors import UserError
from desk_app.services import catalog
from desk_app.services.catalog import ImportProblem
from tests.conftest import NOW, REPO, SAMPLE, receive, setup_desk, table_snapshot

TEMPLATE = REPO / "resources" / "procedure_set_template.xlsx"


def sample_data() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def write_json(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def do_import(database, path: Path):
    with database.session() as s:
        return catalog.import_file(s, path, now=NOW, actor="admin")


def test_sample_set_imports_with_documents_and_steps(desk):
    with desk.session(write=False) as s:
        procs = catalog.list_procedures(s)
        assert len(procs) == 22
        social = catalog.get_procedure(s, "1.001776")
        assert [st.duration.value for st in social.steps] == [10, 7, 3]
        birth = catalog.get_procedure(s, "1.001193")
        assert birth.duration.unit == "same_day" and birth.duration.cutoff.strftime("%H:%M") == "15:00"
        assert birth.documents[2].present_only
        found = catalog.list_procedures(s, query="dang ky khai tu")  # diacritics optional
        assert {p.code for p in found} == {"1.000656", "1.005461"}


def test_reimport_unchanged_then_changed_makes_versions(desk, tmp_path):
    summary = do_import(desk, SAMPLE)
    assert (summary.added, summary.new_versions, summary.unchanged) == (0, 0, 22)
    old = receive(desk, code="1.004873")
    data = sample_data()
    for p in data["procedures"]:
        if p["code"] == "1.004873":
            p["duration"]["value"] = 5
    data["set"]["code"] = "MAU-2026-02"
    summary = do_import(desk, write_json(tmp_path / "v2.json", data))
    assert (summary.added, summary.new_versions, summary.unchanged) == (0, 1, 21)
    new = receive(desk, code="1.004873")
    assert new.procedure_version == 2 and new.duration.value == 5
    from desk_app.services import dossiers

    with desk.session(write=False) as s:
        kept = dossiers.show(s, old.code)
        assert kept.procedure_version == 1 and kept.duration.value == 3  # received under v1
        assert len(catalog.list_procedures(s, include_old=True)) == 23


@pytest.mark.parametrize(
    "mutate, where",
    [
        (lambda d: d["procedures"][3]["duration"].update(unit="weeks"), "procedures[3] (1.000894).duration.unit"),
        (lambda d: d["procedures"][5].update(name=""), "procedures[5] (1.004873).name"),
        (lambda d: d["procedures"][2]["documents"][1].update(copy="two"), "procedures[2] (1.004884).documents[1].copy"),
        (lambda d: d["procedures"][0].update(code="bad code!"), "procedures[0] (bad code!).code"),
        (lambda d: d["procedures"][7].update(code="1.001193"), "procedures[7] (1.001193).code"),
        (lambda d: d["procedures"][16]["steps"][0]["duration"].update(value=11), "procedures[16] (1.001776).steps"),
        (lambda d: d["set"].update(effective_from="32/13/2026"), "set.effective_from"),
        (lambda d: d.update(procedures=[]), "procedures"),
    ],
)
def test_malformed_json_names_row_and_field_and_saves_nothing(desk, tmp_path, mutate, where):
    data = sample_data()
    for p in data["procedures"]:
        p["name"] = p["name"] + " (sửa)"  # would make 22 new versions if anything were saved
    mutate(data)
    before = table_snapshot(desk)
    with pytest.raises(ImportProblem) as err:
        do_import(desk, write_json(tmp_path / "bad.json", data))
    assert str(err.value).startswith(where), str(err.value)
    assert table_snapshot(desk) == before


def test_broken_json_and_wrong_files(desk, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"set": {"code": "X"}, "procedures": [', encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"broken.json line 1 column \d+: invalid JSON"):
        do_import(desk, bad)
    with pytest.raises(UserError, match="file not found"):
        do_import(desk, tmp_path / "missing.json")
    (tmp_path / "set.csv").write_text("x")
    with pytest.raises(UserError, match="unsupported file type"):
        do_import(desk, tmp_path / "set.csv")
    (tmp_path / "fake.xlsx").write_text("not a zip")
    with pytest.raises(ImportProblem, match="not a readable .xlsx"):
        do_import(desk, tmp_path / "fake.xlsx")


def test_xlsx_template_imports_same_as_json(sqlite_db):
    setup_desk(sqlite_db, sample=False)
    summary = do_import(sqlite_db, TEMPLATE)
    assert summary.total == 22 and summary.added == 22
    again = do_import(sqlite_db, SAMPLE)  # the same set in JSON: nothing changes
    assert again.unchanged == 22 and again.new_versions == 0


def test_xlsx_bad_cell_names_sheet_row_and_column(sqlite_db, tmp_path):
    setup_desk(sqlite_db, sample=False)
    wb = load_workbook(TEMPLATE)
    ws = wb["procedures"]
    header = [c.value for c in ws[1]]
    ws.cell(row=4, column=header.index("duration_value") + 1, value="ba ngày")
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    before = table_snapshot(sqlite_db)
    with pytest.raises(ImportProblem, match=r"^sheet 'procedures' row 4\.duration\.value: expected a whole number"):
        do_import(sqlite_db, path)
    wb = load_workbook(TEMPLATE)
    wb["documents"].cell(row=3, column=1, value="9.999999")
    wb.save(path)
    with pytest.raises(ImportProblem, match=r"sheet 'documents' row 3, column 'procedure_code': '9.999999'"):
        do_import(sqlite_db, path)
    assert table_snapshot(sqlite_db) == before


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_encoded_xlsx_is_converted(sqlite_db, tmp_path, encoding):
    setup_desk(sqlite_db, sample=False)
    wb = load_workbook(TEMPLATE)
    ws = wb["procedures"]
    header = [c.value for c in ws[1]]
    col = header.index("name") + 1
    ws.cell(row=2, column=col, value=from_unicode("Đăng ký khai sinh", encoding, errors="lower"))
    ws.cell(row=3, column=col, value=from_unicode("Đăng ký khai sinh kết hợp nhận cha, mẹ, con", encoding, errors="lower"))
    path = tmp_path / f"{encoding}.xlsx"
    wb.save(path)
    summary = do_import(sqlite_db, path)
    assert len(summary.conversions) == 2
    with sqlite_db.session(write=False) as s:
        assert catalog.get_procedure(s, "1.001193").name.lower() == "đăng ký khai sinh"


def test_nfd_text_is_stored_nfc(sqlite_db, tmp_path):
    setup_desk(sqlite_db, sample=False)
    data = sample_data()
    data["procedures"][0]["name"] = unicodedata.normalize("NFD", "Đăng ký khai sinh")
    do_import(sqlite_db, write_json(tmp_path / "nfd.json", data))
    with sqlite_db.session(write=False) as s:
        name = catalog.get_procedure(s, "1.001193").name
    assert name == unicodedata.normalize("NFC", "Đăng ký khai sinh") and unicodedata.is_normalized("NFC", name)


def test_unconvertible_legacy_text_is_refused(sqlite_db, tmp_path):
    setup_desk(sqlite_db, sample=False)
    data = copy.deepcopy(sample_data())
    data["procedures"][0]["name"] = "Cöa"  # TCVN3 "Cửa" or "Cưa": cannot tell alone
    before = table_snapshot(sqlite_db)
    with pytest.raises(ImportProblem, match=r"procedures\[0\] \(1.001193\).name: text is in a legacy Vietnamese encoding"):
        do_import(sqlite_db, write_json(tmp_path / "legacy.json", data))
    assert table_snapshot(sqlite_db) == before
