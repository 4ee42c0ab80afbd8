"""The periodic report: a hand-built commune history whose every cell is known.

Built through the real services (receive / transition / feedback with explicit times) and
run on SQLite and, when DESK_TEST_PG_URL is set, PostgreSQL (the `desk` fixture).

Calendar facts used: 2 March 2026 is a Monday; no holiday in March 2026; Tết 16–20 Feb 2026.
Procedures (sample set): A = 1.004873 (Hộ tịch, 3 working days), B = 1.004884 (Hộ tịch, 5),
C = 2.001019 (Chứng thực, 2), D = 1.001776 (Bảo trợ xã hội, 20), E = 2.000815 (Chứng thực,
same day, cut-off 15:00).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

from desk_app.errors import UserError
from desk_app.reports.periods import date_range, parse_period
from desk_app.services import dossiers, feedback
from desk_app.services.dossiers import TransitionRequest
from desk_app.services.reports import COUNT_KEYS, build_report
from tests.conftest import receive

A, B, C, D, E = "1.004873", "1.004884", "2.001019", "1.001776", "2.000815"


def t(s: str) -> datetime:
    return datetime.fromisoformat(s + "+07:00")


def act(database, code, action, at, **kw):
    with database.session() as s:
        return dossiers.transition(s, code, TransitionRequest(action=action, at=t(at), **kw), now=t(at), actor="clerk1")


def got(database, proc, at, channel="direct"):
    return receive(database, proc, t(at), channel=channel).code


def build_history(database) -> dict[str, str]:
    """The known history. Returns name -> dossier code."""
    c = {}
    # ---- received in February (carried into March unless finished before 1 March)
    c["c1"] = got(database, A, "2026-02-25T09:00:00")  # due Mon 2 Mar 17:00
    c["c2"] = got(database, A, "2026-02-24T09:00:00")  # due Fri 27 Feb 17:00
    c["c3"] = got(database, B, "2026-02-23T09:00:00")  # due Mon 2 Mar 17:00
    c["c4"] = got(database, D, "2026-02-26T09:00:00")  # due Thu 26 Mar 17:00
    c["c5"] = got(database, A, "2026-02-27T10:00:00")  # due Wed 4 Mar 17:00
    c["c6"] = got(database, A, "2026-02-26T09:30:00")  # due Tue 3 Mar 17:00
    act(database, c["c2"], "result-ready", "2026-02-27T16:00:00")  # on time, before March
    act(database, c["c6"], "request-supplement", "2026-02-27T10:00:00", reason="Thiếu tờ khai")
    # ---- received in March
    c["n1"] = got(database, A, "2026-03-02T09:00:00", "online")  # due Thu 5 Mar
    c["n2"] = got(database, A, "2026-03-02T09:30:00")
    c["n3"] = got(database, A, "2026-03-02T10:00:00")
    c["n4"] = got(database, A, "2026-03-02T10:30:00", "postal")
    c["n5"] = got(database, C, "2026-03-09T09:00:00", "online")  # due Wed 11 Mar
    c["n6"] = got(database, C, "2026-03-10T09:00:00")
    c["n9"] = got(database, A, "2026-03-16T09:00:00")  # due Thu 19 Mar
    c["n10"] = got(database, A, "2026-03-16T09:30:00")  # due Thu 19 Mar
    c["n8"] = got(database, B, "2026-03-20T09:00:00")  # due Fri 27 Mar
    c["n7"] = got(database, B, "2026-03-25T09:00:00")  # due Wed 1 Apr
    c["n13"] = got(database, A, "2026-03-26T09:00:00")  # due Tue 31 Mar 17:00
    c["n11"] = got(database, E, "2026-03-31T16:00:00")  # after the cut-off: due Wed 1 Apr

    act(database, c["c6"], "supplement-received", "2026-03-02T09:00:00")  # 1 day stopped: due Wed 4 Mar
    act(database, c["c1"], "result-ready", "2026-03-02T10:00:00")  # on its appointment's day
    act(database, c["c3"], "result-ready", "2026-03-04T10:00:00")  # two days late
    act(database, c["c3"], "return", "2026-03-05T08:00:00")
    act(database, c["c5"], "withdraw", "2026-03-03T09:00:00", reason="Công dân xin rút")
    act(database, c["n1"], "result-ready", "2026-03-03T10:00:00")  # early
    act(database, c["n2"], "request-supplement", "2026-03-03T10:00:00", reason="Thiếu bản sao")
    act(database, c["n4"], "request-supplement", "2026-03-03T09:00:00", reason="Thiếu bản sao")
    act(database, c["n4"], "supplement-received", "2026-03-03T15:00:00")  # same day: no shift
    act(database, c["n4"], "request-supplement", "2026-03-04T09:00:00", reason="Thiếu ảnh")
    act(database, c["n4"], "supplement-received", "2026-03-04T14:00:00")
    act(database, c["n4"], "result-ready", "2026-03-04T16:00:00")  # early, but two supplements: late
    act(database, c["c6"], "result-ready", "2026-03-04T15:00:00")  # on the moved appointment's day
    act(database, c["n3"], "extend", "2026-03-05T09:00:00", reason="Cần xác minh", new_due=t("2026-03-12T00:00:00"))
    act(database, c["n2"], "supplement-received", "2026-03-06T09:00:00")  # 3 days stopped: due Tue 10 Mar
    act(database, c["n5"], "refuse", "2026-03-09T10:00:00", reason="Không thuộc thẩm quyền")
    act(database, c["n2"], "result-ready", "2026-03-10T11:00:00")  # on time against the moved appointment
    act(database, c["n6"], "stop", "2026-03-11T09:00:00", reason="Có tranh chấp")
    act(database, c["n3"], "result-ready", "2026-03-11T10:00:00")  # before its extension, after the original
    # extended AND paused: judged against 19 Mar + 2 working days = Mon 23 Mar 17:00
    for name in ("n9", "n10"):
        act(database, c[name], "request-supplement", "2026-03-17T10:00:00", reason="Thiếu giấy tờ")
        act(database, c[name], "supplement-received", "2026-03-19T09:00:00")
    act(database, c["n1"], "return", "2026-03-20T15:00:00")  # returned late: still early
    act(database, c["n10"], "extend", "2026-03-23T08:00:00", reason="Chờ ý kiến", new_due=t("2026-03-30T00:00:00"))
    act(database, c["n9"], "extend", "2026-03-23T09:00:00", reason="Chờ ý kiến", new_due=t("2026-03-30T00:00:00"))
    act(database, c["n10"], "result-ready", "2026-03-23T10:00:00")  # on time
    act(database, c["n9"], "result-ready", "2026-03-24T10:00:00")  # late, though before its extension
    act(database, c["n8"], "request-supplement", "2026-03-24T10:00:00", reason="Thiếu giấy tờ")  # still paused
    # ---- after the period: must not change March
    c["n12"] = got(database, A, "2026-04-01T08:00:00")
    act(database, c["c4"], "result-ready", "2026-04-02T10:00:00")
    act(database, c["n13"], "result-ready", "2026-04-02T11:00:00")
    # ---- feedback
    with database.session() as s:
        now = t("2026-04-03T09:00:00")
        feedback.rate(s, c["c1"], "dissatisfied", at=t("2026-03-03T09:00:00"), now=now, actor="clerk1")
        feedback.rate(s, c["n1"], 3, criteria={"time": "very-satisfied", "attitude": 3},
                      at=t("2026-03-20T15:05:00"), now=now, actor="clerk1")
        feedback.rate(s, c["n2"], "satisfied", at=t("2026-04-02T09:00:00"), now=now, actor="clerk1")  # April
        feedback.add_complaint(s, dossier_code=c["n3"], content="Trả kết quả chậm", at=t("2026-03-12T09:00:00"),
                               now=now, actor="clerk1")
        cc = feedback.add_complaint(s, procedure_code=C, content="Niêm yết thủ tục không rõ",
                                    at=t("2026-03-15T09:00:00"), now=now, actor="clerk1")
        feedback.resolve(s, cc.id, result="Đã niêm yết lại", at=t("2026-03-20T09:00:00"), now=now, actor="clerk1")
        feedback.add_complaint(s, procedure_code=A, kind="suggestion", content="Nên nhận hồ sơ chiều thứ Bảy",
                               at=t("2026-03-18T09:00:00"), now=now, actor="clerk1")
        feedback.add_complaint(s, dossier_code=c["c2"], content="Tháng Hai", at=t("2026-02-28T09:00:00"),
                               now=now, actor="clerk1")
        feedback.add_complaint(s, dossier_code=c["n12"], content="Tháng Tư", at=t("2026-04-01T09:00:00"),
                               now=now, actor="clerk1")
    return c


ZERO = dict.fromkeys(COUNT_KEYS, 0)


def cells(**kw) -> dict:
    d = {**ZERO, **kw}
    d["received_total"] = d["received_carried"] + d["received_online"] + d["received_direct"]
    d["resolved_total"] = d["resolved_early"] + d["resolved_on_time"] + d["resolved_late"]
    d["pending_total"] = d["pending_within"] + d["pending_overdue"]
    return d


MARCH = {
    A: cells(received_carried=3, received_online=1, received_direct=6, resolved_early=1, resolved_on_time=4,
             resolved_late=3, pending_overdue=1, withdrawn=1),
    B: cells(received_carried=1, received_direct=2, resolved_late=1, pending_within=2),
    C: cells(received_online=1, received_direct=1, refused=1, stopped=1),
    D: cells(received_carried=1, pending_overdue=1),
    E: cells(received_direct=1, pending_within=1),
}


def counts_of(row: dict) -> dict:
    return {k: row[k] for k in cells()}


@pytest.fixture
def history(desk):
    return build_history(desk)


def march(database, **kw):
    with database.session(write=False) as s:
        return build_report(s, parse_period("2026-03"), now=t("2026-04-03T09:00:00"), **kw)


def test_appointments_of_the_history_are_as_the_test_assumes(desk, history):
    with desk.session(write=False) as s:
        show = lambda name: dossiers.show(s, history[name])  # noqa: E731
        assert show("c4").original_due_at == t("2026-03-26T17:00:00")
        assert show("c6").due_at == t("2026-03-04T17:00:00")
        assert show("n2").due_at == t("2026-03-10T17:00:00")
        assert show("n4").due_at == t("2026-03-05T17:00:00") and show("n4").supplement_count == 2
        assert show("n10").original_due_at == t("2026-03-19T17:00:00")
        assert show("n10").due_at == t("2026-03-30T17:00:00") and show("n10").extension_count == 1
        assert show("n11").due_at == t("2026-04-01T17:00:00")
        assert show("n13").due_at == t("2026-03-31T17:00:00")
        assert show("n8").status == 5


def test_march_every_cell(desk, history):
    rep = march(desk)
    d = rep.to_dict()
    by_proc = {r["procedure_code"]: r for r in d["rows"]}
    assert set(by_proc) == set(MARCH)
    for code, expected in MARCH.items():
        assert counts_of(by_proc[code]) == expected, code
    assert by_proc[A]["field"] == "HT" and by_proc[A]["field_name"] == "Hộ tịch"
    assert by_proc[A]["procedure_name"] == "Cấp Giấy xác nhận tình trạng hôn nhân"
    total = cells(received_carried=5, received_online=2, received_direct=10, resolved_early=1, resolved_on_time=4,
                  resolved_late=4, pending_within=3, pending_overdue=2, withdrawn=1, stopped=1, refused=1)
    assert counts_of(d["totals"]) == total
    assert d["totals"]["received_total"] == 17
    fields = {f["field"]: counts_of(f) for f in d["fields"]}
    assert fields == {
        "HT": {k: MARCH[A][k] + MARCH[B][k] for k in total},
        "CT": {k: MARCH[C][k] + MARCH[E][k] for k in total},
        "BTXH": MARCH[D],
    }


def test_march_feedback_and_indicators(desk, history):
    d = march(desk).to_dict()
    by_proc = {r["procedure_code"]: r for r in d["rows"]}
    assert (by_proc[A]["complaints"], by_proc[A]["suggestions"], by_proc[A]["ratings"]) == (1, 1, 2)
    assert by_proc[A]["rating_average"] == 2.0
    assert (by_proc[C]["complaints"], by_proc[C]["complaints_resolved"]) == (1, 1)
    ind = d["indicators"]
    assert ind["on_time_rate"] == 55.56  # (1 + 4) / 9
    assert ind["online_share"] == 16.67  # 2 / 12 new
    assert ind["overdue_pct"] == 42.86  # (4 late + 2 overdue) / (9 resolved + 5 pending)
    assert ind["complaint_pct"] == 11.76  # 2 complaints / 17 received
    assert ind["satisfaction"] == 45.38  # 100 - (42.86 + 11.76)
    assert (ind["complaints"], ind["complaints_resolved"], ind["suggestions"]) == (2, 1, 1)
    assert (ind["ratings"], ind["rating_average"], ind["ratings_satisfied_pct"]) == (2, 2.0, 50.0)


def test_status_is_as_of_the_period_end_not_today(desk, history):
    with desk.session(write=False) as s:
        feb = build_report(s, parse_period("2026-02"), now=t("2026-04-03T09:00:00")).to_dict()
        q1 = build_report(s, parse_period("2026-Q1"), now=t("2026-04-03T09:00:00")).to_dict()
        apr = build_report(s, date_range(date(2026, 4, 1), date(2026, 4, 2)), now=t("2026-04-03T09:00:00")).to_dict()
    # February: six received, one resolved on time; the rest still open on 28 Feb (c6 paused)
    assert counts_of(feb["totals"]) == cells(received_direct=6, resolved_on_time=1, pending_within=5)
    assert counts_of(q1["totals"]) == cells(
        received_online=2, received_direct=16, resolved_early=1, resolved_on_time=5, resolved_late=4,
        pending_within=3, pending_overdue=2, withdrawn=1, stopped=1, refused=1)
    # what was pending at the end of March is carried into April
    assert apr["totals"]["received_carried"] == 5
    assert apr["totals"]["received_direct"] == 1


def test_identity_holds_in_every_row(desk, history):
    for p in ("2026-02", "2026-03", "2026-Q1", "2026-H1", "2026"):
        with desk.session(write=False) as s:
            d = build_report(s, parse_period(p), now=t("2026-04-03T09:00:00")).to_dict()
        for r in [*d["rows"], *d["fields"], d["totals"]]:
            assert r["received_total"] == r["resolved_total"] + r["pending_total"] + r["withdrawn"] + r["stopped"] + r["refused"]


def test_weekly_picture(desk, history):
    weeks = march(desk).weeks
    assert weeks[0].week_start == date(2026, 2, 23)  # the Monday of the week of 1 March
    assert sum(w.received for w in weeks) == 12
    assert sum(w.resolved for w in weeks) == 9
    by_week = {w.week_start: (w.received, w.resolved) for w in weeks}
    assert by_week[date(2026, 3, 2)] == (4, 5)  # n1-n4 received; c1 c3 n1 n4 c6 resolved
    assert by_week[date(2026, 3, 30)] == (1, 0)  # n11 on Tuesday 31 March


def test_by_unit_one_row_per_commune(desk, history):
    with desk.session() as s:  # two dossiers as an upstream replica of another commune
        s.execute(text("UPDATE dossiers SET unit_code = 'H15.50.05.13' WHERE code IN (:a, :b)"),
                  {"a": history["n5"], "b": history["n6"]})
    d = march(desk, by_unit=True).to_dict()
    units = {r["unit_code"]: r for r in d["rows"]}
    assert set(units) == {"000.17.22.H56", "H15.50.05.13"}
    assert units["000.17.22.H56"]["unit_name"] == "Bộ phận Một cửa UBND xã Tân Lập"
    assert counts_of(units["H15.50.05.13"]) == MARCH[C]
    assert units["H15.50.05.13"]["complaints"] == 0  # the complaint about C was filed at our unit
    assert counts_of(d["totals"]) == counts_of(march(desk).to_dict()["totals"])
    one = march(desk, unit_code="H15.50.05.13").to_dict()
    assert counts_of(one["totals"]) == MARCH[C]


def test_empty_period_is_all_zero(desk):
    d = march(desk).to_dict()
    assert d["rows"] == [] and counts_of(d["totals"]) == cells()
    assert d["indicators"]["on_time_rate"] is None and d["indicators"]["satisfaction"] is None


@pytest.mark.parametrize(
    "raw, first, last, label",
    [
        ("2026-03", date(2026, 3, 1), date(2026, 3, 31), "Tháng 03 năm 2026"),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28), "Tháng 02 năm 2026"),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31), "Quý I năm 2026"),
        ("2026-q4", date(2026, 10, 1), date(2026, 12, 31), "Quý IV năm 2026"),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30), "6 tháng đầu năm 2026"),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31), "6 tháng cuối năm 2026"),
        ("2026", date(2026, 1, 1), date(2026, 12, 31), "Năm 2026"),
    ],
)
def test_periods(raw, first, last, label):
    p = parse_period(raw)
    assert (p.first, p.last, p.label) == (first, last, label)


@pytest.mark.parametrize("raw", ["2026-13", "2026-Q5", "2026-H3", "26", "March", ""])
def test_bad_period_is_a_clear_error(raw):
    with pytest.raises(UserError, match="is not one of"):
        parse_period(raw)


def test_range_must_not_end_before_it_starts():
    with pytest.raises(UserError, match="before it starts"):
        date_range(date(2026, 3, 5), date(2026, 3, 1))


def test_finished_at_the_very_second_of_the_appointment_is_on_time(desk):
    """Found by the property test: the fast path once stored '08:00:00' where the ORM stores
    '08:00:00.000000', and the text comparison called this dossier late."""
    code = got(desk, "SAMPLE.HOURS", "2026-01-21T13:11:00")
    with desk.session(write=False) as s:
        due = dossiers.show(s, code, now=t("2026-01-21T13:11:00")).due_at
    assert due == t("2026-01-22T08:00:00")
    act(desk, code, "result-ready", "2026-01-22T08:00:00")
    with desk.session(write=False) as s:
        rep = build_report(s, parse_period("2026-01"), now=t("2026-02-01T09:00:00"), with_weeks=False)
    c = rep.totals.counts
    assert (c.resolved_on_time, c.resolved_late, c.resolved_early) == (1, 0, 0)
