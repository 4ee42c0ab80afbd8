"""Citizen feedback: ratings per dossier, complaints and suggestions with their handling,
the sync outbox and the audit log; the `desk-app feedback` commands. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from db.models import AuditEntry, ChangeLog
from db.models_feedback import Complaint, Rating
from desk_app.errors import NotFound, UserError
from desk_app.services import audit, feedback
from tests.conftest import person, receive, table_snapshot


def t(s: str) -> datetime:
    return datetime.fromisoformat(s + "+07:00")


RECEIVED = t("2026-03-02T09:00:00")
NOW = t("2026-03-06T10:00:00")


@pytest.fixture
def code(desk):
    return receive(desk, "1.004873", RECEIVED, applicant=person("Trần Thị Hường", "079199000111", "0987654321")).code


def outbox(database, entity: str) -> list[ChangeLog]:
    with database.session(write=False) as s:
        return s.execute(select(ChangeLog).where(ChangeLog.entity == entity).order_by(ChangeLog.id)).scalars().all()


def test_rating_is_saved_logged_and_replaced(desk, code):
    with desk.session() as s:
        rec = feedback.rate(s, code, "very-satisfied", criteria='{"time": "satisfied", "attitude": 3}',
                            comment="Cán bộ nhiệt tình", at=t("2026-03-05T10:00:00"), now=NOW, actor="clerk1")
    assert (rec.level, rec.level_label, rec.replaced) == (3, "Rất hài lòng", False)
    assert rec.criteria == {"attitude": 3, "time": 2}
    assert rec.procedure_code == "1.004873" and rec.unit_code == "000.17.22.H56"
    rows = outbox(desk, "rating")
    assert [(r.entity_key, r.op) for r in rows] == [(code, "upsert")]
    assert rows[0].payload["MaHoSo"] == code and rows[0].payload["level"] == 3
    assert rows[0].payload["rated_at"] == "2026-03-05T10:00:00+07:00"
    with desk.session() as s:
        again = feedback.rate(s, code, "2", now=NOW, actor="clerk2")
    assert again.replaced and again.level == 2 and again.uuid == rec.uuid and again.criteria == {}
    with desk.session(write=False) as s:
        assert s.execute(select(Rating)).scalars().one().level == 2
        assert feedback.get_rating(s, code).recorded_by == "clerk2"
        assert audit.verify(s).ok
        actions = [a.action for a in s.execute(select(AuditEntry).where(AuditEntry.entity == "rating")).scalars()]
        assert actions == ["feedback.rate", "feedback.rate"]
    assert len(outbox(desk, "rating")) == 2


@pytest.mark.parametrize(
    "kw, error, message",
    [
        ({"level": "happy"}, UserError, "is not a level"),
        ({"level": 5}, UserError, "is not a level"),
        ({"level": "satisfied", "criteria": '{"speed": 3}'}, UserError, "unknown criterion 'speed'"),
        ({"level": "satisfied", "criteria": '{"time": "meh"}'}, UserError, "criterion time 'meh' is not a level"),
        ({"level": "satisfied", "criteria": "[1, 2]"}, UserError, "JSON object"),
        ({"level": "satisfied", "criteria": "{not json"}, UserError, "JSON object"),
        ({"level": "satisfied", "at": t("2026-03-01T09:00:00")}, UserError, "before the dossier was received"),
        ({"level": "satisfied", "at": t("2026-03-07T09:00:00")}, UserError, "in the future"),
        ({"level": "satisfied", "source": "fax"}, UserError, "source 'fax'"),
    ],
)
def test_bad_rating_is_refused_and_nothing_saved(desk, code, kw, error, message):
    before = table_snapshot(desk)
    kw = dict(kw)  # the parameters are shared by the SQLite and PostgreSQL runs
    level = kw.pop("level")
    with pytest.raises(error, match=message):
        with desk.session() as s:
            feedback.rate(s, code, level, now=NOW, actor="clerk1", **kw)
    assert table_snapshot(desk) == before


def test_rating_an_unknown_dossier(desk):
    with pytest.raises(NotFound, match="no dossier with code"):
        with desk.session() as s:
            feedback.rate(s, "000.17.22.H56-260302-0999", "satisfied", now=NOW, actor="clerk1")


def test_vietnamese_level_words_are_understood():
    assert feedback.parse_level("Rất hài lòng") == 3
    assert feedback.parse_level("khong hai long") == 1
    assert feedback.parse_level("very_satisfied") == 3


def test_complaint_life_received_processing_resolved(desk, code):
    with desk.session() as s:
        c = feedback.add_complaint(s, dossier_code=code, content="Hẹn trả nhưng chưa có kết quả",
                                   submitter_name="Trần Thị Hường", submitter_phone="+84 987 654 321",
                                   at=t("2026-03-05T08:00:00"), now=NOW, actor="clerk1")
    assert (c.kind, c.status, c.procedure_code) == ("complaint", "received", "1.004873")
    assert c.submitter_phone == "0987654321" and c.kind_label == "Phản ánh"
    with desk.session() as s:
        p = feedback.start_processing(s, c.id, note="Chuyển công chức Tư pháp", at=t("2026-03-05T09:00:00"),
                                      now=NOW, actor="supervisor")
    assert p.status == "processing" and p.processing_at == t("2026-03-05T09:00:00")
    with desk.session() as s:
        r = feedback.resolve(s, c.uuid, result="Đã trả kết quả, xin lỗi công dân", at=t("2026-03-06T09:00:00"),
                             now=NOW, actor="supervisor")
    assert (r.status, r.status_label, r.resolved_at) == ("resolved", "Đã giải quyết", t("2026-03-06T09:00:00"))
    rows = outbox(desk, "complaint")
    assert [(x.entity_key, x.payload["status"]) for x in rows] == [
        (c.uuid, "received"), (c.uuid, "processing"), (c.uuid, "resolved")]
    assert rows[-1].payload["MaHoSo"] == code and rows[-1].payload["result"].startswith("Đã trả")
    with desk.session(write=False) as s:
        details = " ".join(a.detail for a in s.execute(select(AuditEntry)).scalars())
        assert "Hường" not in details and "0987654321" not in details and "chưa có kết quả" not in details
        assert audit.verify(s).ok
    with pytest.raises(UserError, match="already resolved"):
        with desk.session() as s:
            feedback.resolve(s, c.id, result="lần nữa", now=NOW, actor="supervisor")
    with pytest.raises(UserError, match="already resolved"):
        with desk.session() as s:
            feedback.start_processing(s, c.id, now=NOW, actor="supervisor")


def test_suggestion_about_a_procedure(desk):
    with desk.session() as s:
        c = feedback.add_complaint(s, procedure_code="2.000815", kind="suggestion",
                                   content="Nên có thêm quầy chứng thực buổi chiều", now=NOW, actor="clerk1")
    assert (c.kind_label, c.dossier_code, c.unit_code) == ("Kiến nghị", None, "000.17.22.H56")
    with desk.session() as s:
        r = feedback.resolve(s, c.id, result="Đã bố trí", now=NOW, actor="supervisor")
    assert r.processing_at is None and r.resolved_at == NOW


@pytest.mark.parametrize(
    "kw, error, message",
    [
        ({}, UserError, "one dossier .* or one procedure"),
        ({"dossier_code": "X", "procedure_code": "1.004873"}, UserError, "one dossier .* or one procedure"),
        ({"procedure_code": "9.999999"}, NotFound, "unknown procedure"),
        ({"dossier_code": "nope"}, NotFound, "no dossier"),
        ({"procedure_code": "1.004873", "content": "  "}, UserError, "content is required"),
        ({"procedure_code": "1.004873", "kind": "praise"}, UserError, "kind 'praise'"),
        ({"procedure_code": "1.004873", "submitter_phone": "123"}, UserError, "not a Vietnamese number"),
        ({"procedure_code": "1.004873", "content": "x" * 4001}, UserError, "longer than 4000"),
    ],
)
def test_bad_complaint_is_refused_and_nothing_saved(desk, kw, error, message):
    before = table_snapshot(desk)
    kw = {"content": "Nội dung", **kw}
    with pytest.raises(error, match=message):
        with desk.session() as s:
            feedback.add_complaint(s, now=NOW, actor="clerk1", **kw)
    assert table_snapshot(desk) == before


def test_resolve_needs_an_answer_and_a_sane_time(desk, code):
    with desk.session() as s:
        c = feedback.add_complaint(s, dossier_code=code, content="Chậm", at=t("2026-03-05T08:00:00"), now=NOW,
                                   actor="clerk1")
    with pytest.raises(UserError, match="result is required"):
        with desk.session() as s:
            feedback.resolve(s, c.id, result=" ", now=NOW, actor="x")
    with pytest.raises(UserError, match="before the feedback's last step"):
        with desk.session() as s:
            feedback.resolve(s, c.id, result="ok", at=t("2026-03-04T08:00:00"), now=NOW, actor="x")
    with pytest.raises(NotFound, match="no complaint or suggestion with id '999'"):
        with desk.session() as s:
            feedback.resolve(s, 999, result="ok", now=NOW, actor="x")
    with desk.session(write=False) as s:
        assert s.execute(select(Complaint.status)).scalar_one() == "received"
        assert feedback.open_count(s) == 1


def test_cli_feedback_commands(desk, cli, code):
    url = None if desk.is_sqlite else desk.url
    run = lambda *a: cli("--now", "2026-03-06T10:00:00", *a, db_url=url)  # noqa: E731
    res = run("feedback", "rate", code, "--level", "satisfied", "--criteria", '{"attitude": "very-satisfied"}')
    assert res.code == 0, res.err
    assert res.out.strip() == f"Rated {code}: Hài lòng (1 criteria)"
    res = run("feedback", "complaint", "--dossier", code, "--content", "Thái độ chưa tốt", "--json")
    assert res.code == 0, res.err
    first = res.json()["id"]
    res = run("--json", "feedback", "add", "--procedure", "1.004873", "--kind", "suggestion", "--content", "Thêm ghế chờ")
    assert res.code == 0 and res.json()["kind"] == "suggestion"
    with pytest.raises(SystemExit) as exit_:  # argparse: the two are mutually exclusive
        run("feedback", "complaint", "--dossier", code, "--procedure", "1.004873", "--content", "x")
    assert exit_.value.code == 2
    assert run("feedback", "process", str(first), "--note", "Xác minh").code == 0
    res = run("feedback", "resolve", str(first), "--result", "Đã nhắc nhở công chức")
    assert res.code == 0 and "Đã giải quyết" in res.out
    res = run("feedback", "list", "--json")
    data = res.json()
    assert [c["status"] for c in data["complaints"]] == ["received", "resolved"]  # newest first
    assert [r["dossier_code"] for r in data["ratings"]] == [code]
    res = run("feedback", "list", "--kind", "complaint", "--json")
    assert [c["id"] for c in res.json()["complaints"]] == [first] and res.json()["ratings"] == []
    res = run("feedback", "list")
    assert "Phản ánh" in res.out and "Kiến nghị" in res.out and "Hài lòng" in res.out
    res = run("feedback", "resolve", "12345", "--result", "x")
    assert res.code == 1 and "no complaint or suggestion" in res.err


def test_migration_0002_upgrades_a_first_release_database(data_dir):
    """0001 -> 0002 on a desk with dossiers: the feedback tables and the report's index arrive,
    the dossiers table is not rebuilt (its search triggers stay), and 0002 -> 0001 undoes it."""
    import sqlite3

    from alembic import command

    from db.engine import DB_FILENAME, Database, _alembic_config, make_engine, upgrade
    from desk_app.services import dossiers
    from tests.conftest import setup_desk

    url = f"sqlite:///{(data_dir / DB_FILENAME).as_posix()}"
    data_dir.mkdir(parents=True)
    engine = make_engine(url)
    upgrade(engine, "0001")
    database = Database(url=url, engine=engine, data_dir=data_dir, path=data_dir / DB_FILENAME)
    setup_desk(database)
    rec = receive(database, "1.004873", RECEIVED)
    upgrade(engine, "0002")
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert {"ratings", "complaints", "ix_dossiers_finished_at", "dossiers_search_ai"} <= names
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
    finally:
        conn.close()
    with database.session(write=False) as s:
        assert [r.code for r in dossiers.search(s, "duc")] == [rec.code]  # the FTS index still follows
    with engine.begin() as c:
        command.downgrade(_alembic_config(c), "0001")
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert not {"ratings", "complaints", "ix_dossiers_finished_at"} & names
        assert "dossiers_search_ai" in names
        assert conn.execute("SELECT code FROM dossiers").fetchall() == [(rec.code,)]
    finally:
        conn.close()
    engine.dispose()


def test_feedback_needs_an_account_once_the_desk_has_accounts(desk, code):
    from db.models import User
    from desk_app.clock import to_db
    from desk_app.errors import Forbidden

    with desk.session() as s:
        s.add(User(username="clerk1", full_name="Clerk", role="clerk", password_hash="x", active=True,
                   failed_attempts=0, created_at=to_db(NOW)))
    with pytest.raises(Forbidden, match="not an account of this desk"):
        with desk.session() as s:
            feedback.rate(s, code, "satisfied", now=NOW, actor="stranger")
    with desk.session() as s:
        assert feedback.rate(s, code, "satisfied", now=NOW, actor="clerk1").level == 2
