"""The `desk-app` command line: end to end, JSON shapes, exit codes, one deadline rule."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, SAMPLE, UNIT_CODE

RECEIVE = ["receive", "--procedure", "1.004873", "--applicant-name", "Nguyễn Văn Đức",
           "--applicant-id", "001099012345", "--phone", "0912345678"]


@pytest.fixture
def ready(cli):
    assert cli("init", "--unit-code", UNIT_CODE, "--unit-name", "Bộ phận Một cửa UBND xã Tân Lập",
               "--parent-name", "UBND xã Tân Lập", "--place", "Tân Lập").code == 0
    assert cli("catalog", "import", str(SAMPLE)).code == 0
    return cli


def test_receive_show_transition_json(ready):
    res = ready("--json", "--now", "2026-03-02T09:00:00+07:00", *RECEIVE)
    assert res.code == 0, res.err
    d = res.json()
    assert d["code"] == f"{UNIT_CODE}-260302-0001"
    assert d["status"] == 2 and d["procedure_code"] == "1.004873"
    assert d["received_at"] == "2026-03-02T09:00:00+07:00"
    assert d["due_at"] == d["original_due_at"] == "2026-03-05T17:00:00+07:00"
    assert d["applicant"]["name"] == "Nguyễn Văn Đức" and d["applicant"]["id_number"] == "001099012345"
    res = ready("--json", "--now", "2026-03-03T10:00:00+07:00", "transition", d["code"], "request-supplement",
                "--reason", "Thiếu bản sao CCCD")
    assert res.code == 0, res.err
    shown = ready("--json", "--now", "2026-03-03T11:00:00+07:00", "show", d["code"]).json()
    assert shown["status"] == 5
    assert [e["action"] for e in shown["events"]] == ["receive", "request-supplement"]
    assert shown["events"][1]["reason"] == "Thiếu bản sao CCCD"


def test_deadline_and_receive_agree(ready):
    for at in ["2026-02-13T10:00:00+07:00", "2026-04-24T16:30:00+07:00", "2026-08-21T15:30:00+07:00"]:
        for proc in ["1.004873", "1.001193", "1.013225", "SAMPLE.HOURS", "1.001776"]:
            q = ready("--json", "deadline", proc, at)
            assert q.code == 0, q.err
            r = ready("--json", "--now", at, "receive", "--procedure", proc, "--applicant-name", "Lê Văn Ba",
                      "--applicant-id", "001099012345")
            assert r.code == 0, r.err
            assert r.json()["due_at"] == q.json()["due_at"], (proc, at)
            assert r.json()["calendar_version"] == q.json()["calendar_version"]


def test_deadline_unconfirmed_year_warns(ready):
    res = ready("--json", "deadline", "1.004873", "2029-03-01T09:00")
    assert res.code == 0
    assert "the 2029 calendar is not confirmed; computed from the rules" in res.json()["warnings"]
    assert "not confirmed" in res.err


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["deadline", "9.999999", "2026-03-02T09:00"], 1, "unknown procedure '9.999999'"),
        (["deadline", "1.004873", "2026-02-30T09:00"], 1, "is not a valid date/time"),
        (["deadline", "1.004873", "yesterday"], 1, "is not a valid date/time"),
        (["receive", "--procedure", "1.004873", "--applicant-name", "A", "--applicant-id", "123"], 1, "12 digits"),
        (["show", "NOPE-1"], 1, "no dossier with code 'NOPE-1'"),
        (["list", "--status", "11"], 1, "status 11 is not a national status code"),
        (["calendar", "add", "2026-13-01", "holiday"], 1, "not a valid date"),
        (["calendar", "remove", "2026-05-05"], 1, "no calendar override"),
        (["settings", "office.cutoff", "25:99"], 1, "is not a time such as 15:00"),
        (["catalog", "import", "/nonexistent/set.json"], 1, "file not found"),
        (["--now", "soon", "list"], 1, "--now 'soon' is not a valid date/time"),
    ],
)
def test_bad_input_exits_nonzero_with_message(ready, args, code, message):
    res = ready(*args)
    assert res.code == code, (res.out, res.err)
    assert message in res.err


def test_usage_error_exit_2(ready):
    with pytest.raises(SystemExit) as exc:
        ready("transition", "X", "fly-away")
    assert exc.value.code == 2


def test_not_initialised_says_how(cli):
    res = cli(*RECEIVE)
    assert res.code == 1 and "desk-app init" in res.err


def test_calendar_change_leaves_given_appointments_alone(ready):
    r = ready("--json", "--now", "2026-03-02T09:00:00+07:00", *RECEIVE).json()
    assert r["due_at"] == "2026-03-05T17:00:00+07:00"
    res = ready("--json", "calendar", "add", "2026-03-04", "day-off", "--note", "Nghỉ đột xuất", "--ref", "TB 01/2026")
    assert res.code == 0, res.err
    assert res.json()["calendar_version"].endswith("+1")
    shown = ready("--json", "show", r["code"]).json()
    assert shown["due_at"] == "2026-03-05T17:00:00+07:00"  # untouched
    assert shown["calendar_version"] == r["calendar_version"]
    again = ready("--json", "deadline", "1.004873", "2026-03-02T09:00:00+07:00").json()
    assert again["due_at"] == "2026-03-06T17:00:00+07:00"  # new receipts see the day off
    year = ready("--json", "calendar", "show", "2026").json()
    day = next(d for d in year["days"] if d["date"] == "2026-03-04")
    assert day["kind"] == "day-off" and day["note"] == "Nghỉ đột xuất" and day["ref"] == "TB 01/2026"
    assert any(d["date"] == "2026-08-22" and d["working"] for d in year["days"])  # make-up Saturday
    assert ready("calendar", "remove", "2026-03-04").code == 0


def test_now_override_is_audited(ready, data_dir):
    import sqlite3

    ready("--now", "2026-03-02T09:00:00+07:00", *RECEIVE)
    conn = sqlite3.connect(data_dir / "desk.sqlite3")
    detail = conn.execute("SELECT detail FROM audit_log WHERE action='dossier.receive'").fetchone()[0]
    conn.close()
    assert "--now 2026-03-02T09:00:00+07:00 (real time" in detail


def test_search_and_list_text_output(ready):
    ready("--now", "2026-03-02T09:00:00+07:00", *RECEIVE)
    res = ready("search", "duc")
    assert res.code == 0 and "Nguyễn Văn Đức" in res.out
    res = ready("--now", "2026-03-09T09:00:00+07:00", "--json", "list", "--overdue")
    assert [d["state"] for d in res.json()] == ["overdue"]


def test_python_m_and_console_script(tmp_path):
    env = {**os.environ, "DESK_APP_HOME": str(tmp_path / "h")}
    out = subprocess.run([sys.executable, "-m", "desk_app", "--version"], capture_output=True, text=True, env=env, cwd=REPO)
    assert out.returncode == 0 and "desk-app" in out.stdout
    res = subprocess.run([sys.executable, "-m", "desk_app", "--json", "catalog", "list"], capture_output=True,
                         text=True, env=env, cwd=REPO)
    assert res.returncode == 0 and res.stdout.strip() == "[]"


def test_demo_data_fills_empty_desk_only(ready):
    res = ready("--json", "--now", "2026-03-02T09:00:00+07:00", "demo-data", "--dossiers", "500")
    assert res.code == 0, res.err
    assert res.json()["dossiers"] == 500
    listed = ready("--json", "--now", "2026-03-02T09:00:00+07:00", "list", "--limit", "1000").json()
    assert len(listed) == 500
    assert len({d["code"] for d in listed}) == 500
    # next receive continues the numbering without collision
    r = ready("--json", "--now", "2026-03-02T09:00:00+07:00", *RECEIVE)
    assert r.code == 0, r.err
    again = ready("demo-data", "--dossiers", "10")
    assert again.code == 1 and "already has" in again.err


def test_bench_small_reports_every_figure_and_refuses_a_real_desk(ready, data_dir, tmp_path):
    res = ready("--json", "bench", "--dossiers", "300", "--workdir", str(tmp_path / "bench"))
    assert res.code == 0, res.err
    figures = res.json()
    for key in ("receive", "lookup", "search", "overdue_200", "receipt"):
        assert set(figures[key]) >= {"value_ms", "floor_ms", "ratio"}, key
    assert figures["due_date"]["median_us"] > 0 and figures["report_year"]["value_ms"] > 0
    refused = ready("bench", "--dossiers", "300", "--workdir", str(data_dir))
    assert refused.code == 1 and "writes test dossiers" in refused.err
