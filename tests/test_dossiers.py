"""Dossier life: receive, codes, validation, transitions, search, lists, outbox and audit.

Runs on SQLite and, when DESK_TEST_PG_URL is set, on PostgreSQL (the `desk` fixture)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import ChangeLog, Dossier, DossierEvent
from desk_app.errors import NotFound, UserError
from desk_app.services import audit, dossiers
from desk_app.services.dossiers import ListFilter, Person, TransitionRequest
from tests.conftest import NOW, UNIT_CODE, person, receive, setup_desk, table_snapshot


def t(s: str) -> datetime:
    return datetime.fromisoformat(s + "+07:00")


def act(database, code, action, at, **kw):
    with database.session() as s:
        return dossiers.transition(s, code, TransitionRequest(action=action, at=at, **kw), now=at, actor="clerk1")


def test_receive_issues_code_appointment_and_register_number(desk):
    rec = receive(desk, at=t("2026-02-13T10:00:00"))
    assert rec.code == f"{UNIT_CODE}-260213-0001"
    assert rec.status == 2
    # 3 working days, day of receipt not counted, Tết 16-20 Feb 2026 skipped
    assert rec.due_at == t("2026-02-25T17:00:00") == rec.original_due_at
    assert (rec.register_book, rec.register_no) == ("01/2026", 1)
    assert [e.action for e in rec.events] == ["receive"]
    second = receive(desk, at=t("2026-02-13T10:05:00"))
    assert second.code.endswith("-260213-0002")
    assert second.register_no == 2
    next_day = receive(desk, at=t("2026-02-23T08:00:00"))
    assert next_day.code.endswith("-260223-0001")  # numbers restart each day
    assert next_day.register_no == 3  # the register runs through the year


def test_stations_issue_disjoint_blocks(data_dir, tmp_path):
    from db.engine import open_database

    a = open_database(tmp_path / "a")
    b = open_database(tmp_path / "b")
    setup_desk(a, station=1)
    setup_desk(b, station=2)
    ca = receive(a).code
    cb = receive(b).code
    assert ca.endswith("-0001") and cb.endswith("-1001")
    a.dispose()
    b.dispose()


def test_receive_uses_checklist_and_keeps_procedure_version(desk):
    rec = receive(desk, code="1.001193")  # same-day; third document is present-only
    assert [d.name for d in rec.documents] == [
        "Tờ khai đăng ký khai sinh (theo mẫu)",
        "Giấy chứng sinh hoặc văn bản thay thế",
    ]
    assert rec.due_at == t("2026-03-02T17:00:00")  # 09:00 is before the 15:00 cut-off
    assert rec.procedure_version == 1


@pytest.mark.parametrize(
    "applicant, field",
    [
        (Person(name="", id_number="001099012345"), "applicant_name"),
        (Person(name="Lê Văn 3", id_number="001099012345"), "applicant_name"),
        (Person(name="Lê Văn Ba", id_number="12345"), "applicant_id"),
        (Person(name="Lê Văn Ba", id_number="00109901234X"), "applicant_id"),
        (Person(name="Lê Văn Ba", id_number="999099012345"), "applicant_id"),
        (Person(name="Lê Văn Ba", id_number="001099012345", phone="12345"), "applicant_phone"),
        (Person(name="Lê Văn Ba", id_number="001099012345", phone="0112345678"), "applicant_phone"),
        (Person(name="Lê Văn Ba", id_number="001099012345", email="not-an-email"), "applicant_email"),
    ],
)
def test_bad_applicant_is_refused_and_nothing_saved(desk, applicant, field):
    before = table_snapshot(desk)
    with pytest.raises(UserError) as err:
        receive(desk, applicant=applicant)
    assert err.value.field == field
    assert table_snapshot(desk) == before


def test_unknown_procedure_and_future_receipt_refused(desk):
    before = table_snapshot(desk)
    with pytest.raises(NotFound, match="unknown procedure '9.999999'"):
        receive(desk, code="9.999999")
    with pytest.raises(UserError, match="in the future"):
        receive(desk, at=NOW + timedelta(hours=2), now=NOW)
    assert table_snapshot(desk) == before


def test_phone_is_normalised(desk):
    rec = receive(desk, applicant=person(phone="+84 912 345 678"))
    assert rec.applicant.phone == "0912345678"


def test_nfd_input_is_stored_nfc(desk):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Trần Thị Hường")
    rec = receive(desk, applicant=person(name=nfd))
    assert rec.applicant.name == unicodedata.normalize("NFC", "Trần Thị Hường")


def test_supplement_pause_moves_due_but_not_original(desk):
    rec = receive(desk, at=t("2026-03-02T09:00:00"))  # 3 working days -> Thu 5 Mar
    assert rec.due_at == t("2026-03-05T17:00:00")
    paused = act(desk, rec.code, "request-supplement", t("2026-03-03T10:00:00"), reason="Thiếu bản sao giấy tờ")
    assert paused.status == 5 and paused.state == "paused"
    resumed = act(desk, rec.code, "supplement-received", t("2026-03-06T09:00:00"))
    assert resumed.status == 2  # back to where it was before the pause
    # paused Tue → resumed Fri: 3 working days stopped (Wed, Thu, Fri)
    assert resumed.due_at == t("2026-03-10T17:00:00")
    assert resumed.original_due_at == t("2026-03-05T17:00:00")
    assert resumed.supplement_count == 1
    assert [e.action for e in resumed.events] == ["receive", "request-supplement", "supplement-received"]


def test_extend_keeps_original_and_counts(desk):
    rec = receive(desk, at=t("2026-03-02T09:00:00"))
    ext = act(desk, rec.code, "extend", t("2026-03-05T09:00:00"), reason="Cần xác minh thêm",
              new_due=t("2026-03-12T00:00:00"))
    assert ext.due_at == t("2026-03-12T17:00:00")
    assert ext.original_due_at == t("2026-03-05T17:00:00")
    assert ext.extension_count == 1 and ext.status == 2
    with pytest.raises(UserError, match="later than the current one"):
        act(desk, rec.code, "extend", t("2026-03-05T10:00:00"), reason="x", new_due=t("2026-03-11T00:00:00"))
    with pytest.raises(UserError, match="not a working day"):
        act(desk, rec.code, "extend", t("2026-03-05T10:00:00"), reason="x", new_due=t("2026-03-14T00:00:00"))


def test_handover_rates_each_step(desk):
    rec = receive(desk, code="1.001776", at=t("2026-03-02T09:00:00"))  # steps 10 + 7 + 3 working days
    assert len(rec.step_due) == 3
    assert rec.step_due[-1] == rec.due_at
    h1 = act(desk, rec.code, "handover", t("2026-03-05T09:00:00"), to_unit="Công chức LĐ-TB&XH", to_person="Chị Lan")
    assert h1.status == 4
    assert h1.handovers[0].result_class == "before"
    assert h1.handovers[0].step_due_at == rec.step_due[0]
    late_at = rec.step_due[1] + timedelta(days=3)
    h2 = act(desk, rec.code, "handover", late_at, to_unit="Phòng Văn hóa - Xã hội")
    assert h2.handovers[1].result_class == "after"
    assert h2.handovers[1].from_unit == "Công chức LĐ-TB&XH"


def test_full_life_to_return(desk):
    rec = receive(desk, at=t("2026-03-02T09:00:00"))
    act(desk, rec.code, "handover", t("2026-03-02T10:00:00"), to_unit="Công chức Tư pháp - Hộ tịch")
    act(desk, rec.code, "result-ready", t("2026-03-04T10:00:00"))
    done = act(desk, rec.code, "return", t("2026-03-05T08:00:00"), received_by="Nguyễn Văn Đức")
    assert done.status == 10 and done.state == "done"
    assert done.returned_to == "Nguyễn Văn Đức"
    assert done.finished_at == t("2026-03-04T10:00:00")
    assert done.allowed_actions == []


@pytest.mark.parametrize(
    "setup_actions, action, kw, message",
    [
        ([], "return", {}, "not allowed for a dossier in status 2"),
        ([], "supplement-received", {}, "not allowed"),
        ([("refuse", {"reason": "Không thuộc thẩm quyền"})], "result-ready", {}, "status 3"),
        ([], "refuse", {}, "needs a reason"),
        ([], "stop", {"reason": "   "}, "needs a reason"),
        ([], "extend", {"reason": "Chậm"}, "--new-due"),
        ([], "handover", {}, "--to-unit"),
    ],
)
def test_illegal_transition_refused_and_changes_nothing(desk, setup_actions, action, kw, message):
    rec = receive(desk, at=t("2026-03-02T09:00:00"))
    at = t("2026-03-02T10:00:00")
    for a, extra in setup_actions:
        act(desk, rec.code, a, at, **extra)
    before = table_snapshot(desk)
    with desk.session(write=False) as s:
        status_before = dossiers.show(s, rec.code).status
    with pytest.raises(UserError, match=message):
        act(desk, rec.code, action, at + timedelta(minutes=5), **kw)
    assert table_snapshot(desk) == before
    with desk.session(write=False) as s:
        assert dossiers.show(s, rec.code).status == status_before


def test_event_time_cannot_go_backwards(desk):
    rec = receive(desk, at=t("2026-03-02T09:00:00"))
    with pytest.raises(UserError, match="before the dossier was received"):
        act(desk, rec.code, "result-ready", t("2026-03-01T09:00:00"))


def test_unknown_code(desk):
    with pytest.raises(NotFound, match="no dossier with code"):
        act(desk, "nope", "result-ready", NOW)


def test_search_by_code_id_phone_and_name_without_diacritics(desk):
    a = receive(desk, applicant=person("Nguyễn Văn Đức", "001099012345", "0912345678"))
    b = receive(desk, applicant=person("Trần Thị Hường", "079199000111", "0987654321"))
    with desk.session(write=False) as s:
        assert [r.code for r in dossiers.search(s, a.code)] == [a.code]  # what the scanner types
        assert [r.code for r in dossiers.search(s, "079199000111")] == [b.code]
        assert [r.code for r in dossiers.search(s, "0987 654 321")] == [b.code]
        assert [r.code for r in dossiers.search(s, "duc")] == [a.code]  # đ folds to d
        assert [r.code for r in dossiers.search(s, "ĐỨC")] == [a.code]
        assert [r.code for r in dossiers.search(s, "tran huong")] == [b.code]
        assert [r.code for r in dossiers.search(s, "nguy")] == [a.code]  # prefix
        # raw input that would be FTS5 syntax errors
        for raw in ['"', 'duc"', "AND", "a*b(", "-", "NEAR(x", "000.17.22.H56-"]:
            dossiers.search(s, raw)
        assert dossiers.search(s, "   ") == []


def test_list_overdue_and_due_within(desk):
    late = receive(desk, at=t("2026-03-02T09:00:00"))  # due Thu 5 Mar 17:00
    soon = receive(desk, code="1.004884", at=t("2026-03-02T09:30:00"))  # 5 days: due Mon 9 Mar
    now = t("2026-03-06T09:00:00")  # Friday
    with desk.session(write=False) as s:
        overdue = dossiers.list_dossiers(s, ListFilter(overdue=True), now=now)
        assert [r.code for r in overdue] == [late.code]
        assert overdue[0].state == "overdue" and overdue[0].days_late == 1
        within = dossiers.list_dossiers(s, ListFilter(due_within=1), now=now)
        assert [r.code for r in within] == [soon.code]
        assert within[0].state == "due_tomorrow"
        counts = dossiers.counts(s, now=now)
        assert counts["overdue"] == 1 and counts["due_tomorrow"] == 1
        with pytest.raises(UserError):
            dossiers.list_dossiers(s, ListFilter(status=(42,)), now=now)


def test_every_change_writes_outbox_and_audit(desk):
    rec = receive(desk)
    act(desk, rec.code, "result-ready", NOW + timedelta(hours=1))
    with desk.session(write=False) as s:
        rows = s.execute(select(ChangeLog).order_by(ChangeLog.id)).scalars().all()
        ids = [r.id for r in rows]
        assert ids == sorted(ids) and len(set(ids)) == len(ids)
        dossier_rows = [r for r in rows if r.entity == "dossier"]
        assert dossier_rows[-1].payload["TrangThaiHoSo"] == 9
        assert dossier_rows[-1].payload["ChuHoSo"] == "Nguyễn Văn Đức"  # the full after-image
        report = audit.verify(s)
        assert report.ok and report.rows >= 4
        # the audit log never holds a citizen's name or ID number
        from db.models import AuditEntry

        details = " ".join(e.detail for e in s.execute(select(AuditEntry)).scalars())
        assert "001099012345" not in details and "Đức" not in details


def test_events_are_append_only_on_sqlite(sqlite_desk):
    from sqlalchemy import text

    rec = receive(sqlite_desk)
    with pytest.raises(Exception, match="append-only"):
        with sqlite_desk.session() as s:
            s.execute(text("UPDATE dossier_events SET reason='x'"))
    with sqlite_desk.session(write=False) as s:
        assert s.execute(select(DossierEvent.reason)).scalars().all() == [""]
        assert s.execute(select(Dossier.code)).scalar_one() == rec.code


def test_breakdown_by_procedure_and_clerk(desk):
    a = receive(desk, at=t("2026-03-02T09:00:00"))  # 1.004873, due Thu 5 Mar
    receive(desk, code="1.001193", at=t("2026-03-06T08:00:00"))  # same day, due Fri 6 Mar 17:00
    act(desk, a.code, "handover", t("2026-03-02T10:00:00"), to_unit="Tư pháp")
    with desk.session(write=False) as s:
        b = dossiers.breakdown(s, now=t("2026-03-06T09:00:00"))
    by_proc = {r.key: r for r in b.by_procedure}
    assert by_proc["1.004873"].overdue == 1 and by_proc["1.004873"].open == 1
    assert by_proc["1.001193"].due_today == 1 and by_proc["1.001193"].received_today == 1
    assert by_proc["1.004873"].label == "Cấp Giấy xác nhận tình trạng hôn nhân"
    assert [(r.key, r.open, r.overdue) for r in b.by_clerk] == [("clerk1", 2, 1)]


def test_a_scanned_dossier_code_is_told_apart_from_procedure_codes_and_names():
    from desk_app.domain.dossier_rules import looks_like_code, make_code

    code = make_code("000.17.22.H56", date(2026, 11, 29), 2, 7)
    assert code == "000.17.22.H56-261129-1007" and looks_like_code(code) and looks_like_code(f" {code}\n")
    for text in ("1.004873", "ket hon", "Đăng ký kết hôn", "000.17.22.H56-261129", "001099012345", ""):
        assert not looks_like_code(text), text
