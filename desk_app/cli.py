"""`desk-app`: everything a clerk can do in the window, an admin can do here.

Messages are English; ``--json`` prints machine-readable output. Any error: a message on
stderr and a non-zero exit (1 bad input, 3 storage problem, 2 usage).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from desk_app import __version__
from desk_app.clock import Clock, iso, parse_date, parse_datetime
from desk_app.errors import DeskError, StorageError, UserError

log = logging.getLogger(__name__)

EXIT_USER = 1
EXIT_USAGE = 2
EXIT_STORAGE = 3
EXIT_BUG = 70


class Context:
    """What every command gets: parsed arguments, the clock, and the opened database."""

    def __init__(self, args: argparse.Namespace) -> None:
        from desk_app.paths import data_dir

        self.args = args
        self.data_dir = data_dir(args.data_dir)
        self.clock = Clock(parse_datetime(args.now, what="--now") if args.now else None)
        self.actor = args.actor or "admin"
        self.gui: Callable[[Context], int] | None = None
        self._db = None

    @property
    def now(self) -> datetime:
        return self.clock.now()

    @property
    def db(self):
        if self._db is None:
            from db.engine import open_database

            self._db = open_database(self.data_dir, self.args.db_url)
            if self.args.now:
                self._db.session_info["clock_override"] = (
                    f"--now {iso(self.clock.now())} (real time {iso(Clock().now())})"
                )
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()

    def out(self, data, text: str | Callable[[], str] | None = None) -> None:
        if self.args.json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        else:
            if callable(text):
                text = text()
            print(text if text is not None else json.dumps(data, ensure_ascii=False, indent=2, default=str))

    def auto_backup(self) -> None:
        from desk_app.maintenance import daily_backup

        warning = daily_backup(self.db, self.data_dir)
        if warning:
            print(f"warning: {warning}", file=sys.stderr)


# ----------------------------------------------------------------------------- commands


def cmd_init(ctx: Context) -> None:
    from desk_app.services.setup import init_unit

    a = ctx.args
    with ctx.db.session() as s:
        info = init_unit(
            s,
            unit_code=a.unit_code,
            unit_name=a.unit_name,
            parent_name=a.parent_name or "",
            upstream_name=a.upstream_name or "",
            place=a.place or "",
            station=a.station,
            upstream=a.upstream,
            now=ctx.now,
            actor=ctx.actor,
        )
    ctx.out(
        {**info.to_dict(), "data_dir": str(ctx.data_dir)},
        f"Desk set up: {info.code} {info.name}, station {info.station}\nData folder: {ctx.data_dir}",
    )


def cmd_catalog_import(ctx: Context) -> None:
    from desk_app.services.catalog import import_file

    ctx.auto_backup()
    with ctx.db.session() as s:
        summary = import_file(s, Path(ctx.args.file), now=ctx.now, actor=ctx.actor)
    d = summary.to_dict()
    ctx.out(
        d,
        f"Imported set {d['set']}: {d['procedures']} procedures "
        f"({d['added']} new, {d['new_versions']} new versions, {d['unchanged']} unchanged)"
        + (f"\nConverted from legacy encodings: {len(d['converted_from_legacy_encoding'])} fields" if d["converted_from_legacy_encoding"] else ""),
    )


def cmd_catalog_list(ctx: Context) -> None:
    from desk_app.services.catalog import list_procedures

    with ctx.db.session(write=False) as s:
        procs = list_procedures(s, query=ctx.args.query or "", include_old=ctx.args.all)
    ctx.out(
        [p.to_dict() for p in procs],
        lambda: "\n".join(
            f"{p.code:<14} v{p.version} {p.duration.value:>3} {p.duration.unit:<14} {p.name}" for p in procs
        ) or "No procedures; import a set with 'desk-app catalog import FILE'.",
    )


def _person(name, id_number, phone=None, address=None, email=None, birth=None):
    from desk_app.services.dossiers import Person

    return Person(
        name=name or "",
        id_number=id_number or "",
        phone=phone or "",
        address=address or "",
        email=email or "",
        birth_date=parse_date(birth, what="birth date") if birth else None,
    )


def _documents(raw: str | None):
    from desk_app.services.dossiers import ReceivedDocument

    if not raw:
        return None
    try:
        items = json.loads(raw)
        return tuple(
            ReceivedDocument(
                name=str(i["name"]),
                original=int(i.get("original", 0)),
                certified=int(i.get("certified", 0)),
                copy=int(i.get("copy", 0)),
            )
            for i in items
        )
    except (ValueError, TypeError, KeyError):
        raise UserError(
            '--documents must be a JSON list such as [{"name": "Tờ khai", "original": 1}]', field="documents"
        ) from None


def cmd_receive(ctx: Context) -> None:
    from desk_app.services.dossiers import Intake, receive

    a = ctx.args
    proxy = None
    if a.proxy_name or a.proxy_id:
        proxy = _person(a.proxy_name, a.proxy_id, a.proxy_phone, a.proxy_address)
    intake = Intake(
        procedure_code=a.procedure,
        applicant=_person(a.applicant_name, a.applicant_id, a.phone, a.address, a.email, a.birth_date),
        proxy=proxy,
        channel=a.channel,
        received_at=parse_datetime(a.received_at, what="--received-at") if a.received_at else None,
        documents=_documents(a.documents),
        sets_count=a.sets,
        fee=a.fee,
        result_delivery=a.delivery,
        note=a.note or "",
    )
    ctx.auto_backup()
    with ctx.db.session() as s:
        rec = receive(s, intake, now=ctx.now, actor=ctx.actor)
    for w in rec.warnings:
        print(f"warning: {w}", file=sys.stderr)
    ctx.out(
        rec.to_dict(),
        f"Received {rec.code}\nAppointment: {iso(rec.due_at)}\nRegister: book {rec.register_book}, no. {rec.register_no}",
    )


def _describe(rec) -> str:
    lines = [
        f"{rec.code}  [{rec.status}] {rec.status_label}" + (f"  ({rec.state})" if rec.state else ""),
        f"Procedure: {rec.procedure_code} v{rec.procedure_version} {rec.procedure_name}",
        f"Applicant: {rec.applicant.name}  {rec.applicant.phone}",
        f"Received:  {iso(rec.received_at)} by {rec.received_by}",
        f"Appointment: {iso(rec.original_due_at)}"
        + (f"   now due: {iso(rec.due_at)}" if rec.due_at != rec.original_due_at else ""),
    ]
    if rec.days_late:
        lines.append(f"Late by {rec.days_late} working day(s)")
    for e in rec.events:
        lines.append(f"  {iso(e.at)}  {e.action:<20} {e.from_status or '-'} -> {e.to_status}  {e.actor}  {e.reason}")
    for h in rec.handovers:
        lines.append(f"  step {h.step_no}: {h.from_unit} -> {h.to_unit} at {iso(h.at)} ({h.result_class})")
    return "\n".join(lines)


def cmd_show(ctx: Context) -> None:
    from desk_app.services.dossiers import show

    with ctx.db.session(write=False) as s:
        rec = show(s, ctx.args.code, now=ctx.now)
    ctx.out(rec.to_dict(), lambda: _describe(rec))


def cmd_transition(ctx: Context) -> None:
    from desk_app.services.dossiers import TransitionRequest, transition

    a = ctx.args
    req = TransitionRequest(
        action=a.action,
        at=parse_datetime(a.at, what="--at") if a.at else None,
        reason=a.reason or "",
        new_due=parse_datetime(a.new_due, what="--new-due") if a.new_due else None,
        to_unit=a.to_unit or "",
        to_person=a.to_person or "",
        note=a.note or "",
        received_by=a.received_by or "",
    )
    ctx.auto_backup()
    with ctx.db.session() as s:
        rec = transition(s, a.code, req, now=ctx.now, actor=ctx.actor)
    for w in rec.warnings:
        print(f"warning: {w}", file=sys.stderr)
    ctx.out(rec.to_dict(), lambda: _describe(rec))


def _table(records) -> str:
    if not records:
        return "No dossiers."
    return "\n".join(
        f"{r.code:<28} {r.status:>2} {iso(r.due_at) or '':<26} {r.state:<12} {r.procedure_code:<10} {r.applicant.name}"
        for r in records
    )


def cmd_search(ctx: Context) -> None:
    from desk_app.services.dossiers import search

    with ctx.db.session(write=False) as s:
        recs = search(s, ctx.args.text, now=ctx.now, limit=ctx.args.limit)
    ctx.out([r.to_dict(with_events=False) for r in recs], lambda: _table(recs))


def cmd_list(ctx: Context) -> None:
    from desk_app.services.dossiers import ListFilter, list_dossiers

    a = ctx.args
    flt = ListFilter(
        status=tuple(a.status or ()),
        overdue=a.overdue,
        due_within=a.due_within,
        procedure_code=a.procedure or "",
        received_from=parse_date(a.date_from, what="--from") if a.date_from else None,
        received_to=parse_date(a.date_to, what="--to") if a.date_to else None,
        limit=a.limit,
    )
    with ctx.db.session(write=False) as s:
        recs = list_dossiers(s, flt, now=ctx.now)
    ctx.out([r.to_dict(with_events=False) for r in recs], lambda: _table(recs))


def cmd_deadline(ctx: Context) -> None:
    from desk_app.services.dossiers import quote

    received = parse_datetime(ctx.args.received_at, what="RECEIVED_AT")
    with ctx.db.session(write=False) as s:
        q = quote(s, ctx.args.procedure_code, received)
    for w in q.warnings:
        print(f"warning: {w}", file=sys.stderr)
    ctx.out(q.to_dict(), f"Due {iso(q.due_at)} (calendar {q.calendar_version})")


def cmd_calendar_add(ctx: Context) -> None:
    from desk_app.services.calendar import add_override

    day = parse_date(ctx.args.date)
    with ctx.db.session() as s:
        ch = add_override(s, day, ctx.args.kind, note=ctx.args.note or "", ref=ctx.args.ref or "", now=ctx.now, actor=ctx.actor)
    ctx.out(ch.to_dict(), f"{ch.day.isoformat()} is now a {ch.kind} (calendar {ch.version})")


def cmd_calendar_remove(ctx: Context) -> None:
    from desk_app.services.calendar import remove_override

    day = parse_date(ctx.args.date)
    with ctx.db.session() as s:
        ch = remove_override(s, day, now=ctx.now, actor=ctx.actor)
    ctx.out(ch.to_dict(), f"Override on {ch.day.isoformat()} removed (calendar {ch.version})")


def cmd_calendar_show(ctx: Context) -> None:
    from desk_app.services.calendar import show_year

    with ctx.db.session(write=False) as s:
        data = show_year(s, ctx.args.year)

    def text() -> str:
        head = f"Calendar {data['year']} ({data['calendar_version']})" + ("" if data["confirmed"] else " — NOT CONFIRMED")
        rows = [f"{d['date']}  {'work' if d['working'] else 'off ':<5} {d['kind']:<12} {d['name']}" for d in data["days"]]
        return "\n".join([head, *rows])

    ctx.out(data, text)


def cmd_audit_verify(ctx: Context) -> int:
    from desk_app.services.audit import verify

    with ctx.db.session(write=False) as s:
        rep = verify(s)
    ctx.out(
        rep.to_dict(),
        f"Audit chain intact: {rep.rows} rows" if rep.ok else f"Audit chain BROKEN at row {rep.first_broken_id}: {rep.problem}",
    )
    if not rep.ok:
        return EXIT_USER
    return 0


def cmd_backup(ctx: Context) -> None:
    from db.backup import backup_file, timestamped_name
    from desk_app.paths import backups_dir

    db = ctx.db
    if db.path is None:
        raise UserError("backup copies the desk's SQLite file; back up a PostgreSQL server with pg_dump")
    dest = Path(ctx.args.output) if ctx.args.output else backups_dir(ctx.data_dir) / timestamped_name("manual", Clock().now())
    backup_file(db.path, dest)
    with db.session() as s:
        from desk_app.services import audit

        audit.append(s, at=ctx.now, actor=ctx.actor, action="backup", entity="database", key=dest.name)
    ctx.out({"backup": str(dest), "bytes": dest.stat().st_size}, f"Backup written: {dest}")


def cmd_restore(ctx: Context) -> None:
    from db.backup import backup_file, check_backup, restore_file, timestamped_name
    from db.engine import schema_revisions, upgrade
    from desk_app.paths import backups_dir

    db = ctx.db
    if db.path is None:
        raise UserError("restore replaces the desk's SQLite file; restore PostgreSQL with pg_restore")
    source = Path(ctx.args.file)
    _, known = schema_revisions()
    check = check_backup(source, known)
    keep = backups_dir(ctx.data_dir) / timestamped_name("before-restore", Clock().now())
    backup_file(db.path, keep)
    db.dispose()
    restore_file(source, db.path)
    upgrade(db.engine)
    with db.session() as s:
        from desk_app.services import audit
        from desk_app.services.setup import renew_station_identity

        audit.append(s, at=ctx.now, actor=ctx.actor, action="restore", entity="database", key=source.name,
                     detail={"dossiers": check.dossiers, "previous_kept_as": keep.name})
        renew_station_identity(s, now=ctx.now, actor=ctx.actor)
    ctx.out(
        {"restored": str(source), "dossiers": check.dossiers, "previous_database": str(keep)},
        f"Restored {source} ({check.dossiers} dossiers). The previous database was kept as {keep}.\n"
        "This station now has a new sync identity: send a new enrollment request upstream "
        "(desk-app sync enroll-request).",
    )


def cmd_settings(ctx: Context) -> None:
    from desk_app.services.setup import get_settings, set_setting

    a = ctx.args
    if a.key:
        if a.value is None:
            raise UserError("give a value: desk-app settings KEY VALUE")
        with ctx.db.session() as s:
            values = set_setting(s, a.key, a.value, now=ctx.now, actor=ctx.actor)
    else:
        with ctx.db.session(write=False) as s:
            values = get_settings(s)
    ctx.out(values, lambda: "\n".join(f"{k} = {v}" for k, v in sorted(values.items())))


def cmd_demo_data(ctx: Context) -> None:
    from desk_app.services.demo import generate

    with ctx.db.session() as s:
        result = generate(s, dossiers=ctx.args.dossiers, now=ctx.now, seed=ctx.args.seed, actor=ctx.actor)
    ctx.out(result, f"Generated {result['dossiers']} demo dossiers ({result['events']} events)")


def cmd_bench(ctx: Context) -> None:
    from desk_app.bench import run_bench

    result = run_bench(dossiers=ctx.args.dossiers, workdir=Path(ctx.args.workdir) if ctx.args.workdir else None)
    ctx.out(result, lambda: json.dumps(result, indent=2))


def cmd_print(ctx: Context) -> None:
    from desk_app.services.printing import print_form, print_register

    a = ctx.args
    with ctx.db.session() as s:
        if a.form == "register":
            if not (a.date_from and a.date_to):
                raise UserError("print register needs --from DATE --to DATE")
            res = print_register(
                s, parse_date(a.date_from, what="--from"), parse_date(a.date_to, what="--to"),
                Path(a.output), now=ctx.now, actor=ctx.actor,
            )
        else:
            if not a.code:
                raise UserError(f"print {a.form} needs the dossier CODE")
            res = print_form(s, a.form, a.code, Path(a.output), now=ctx.now, actor=ctx.actor)
    ctx.out(
        res.to_dict(),
        f"Printed {res.form} {res.code} -> {res.path}"
        + (f" ({res.pages} pages)" if res.pages else "")
        + (" [reprint]" if res.reprint else ""),
    )


def _password(ctx: Context) -> str:
    """A password from standard input (scripts: --password-stdin) or typed without echo."""
    if ctx.args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat the password: ") != first:
        raise UserError("the two passwords differ")
    return first


def cmd_user_add(ctx: Context) -> None:
    from desk_app.services import users

    a = ctx.args
    password = _password(ctx)
    with ctx.db.session() as s:
        if not users.has_users(s):
            if a.role != "admin":
                raise UserError("the first account of a desk must be an admin (--role admin)")
            info = users.create_first_admin(s, a.username, a.full_name, password, now=ctx.now)
        else:
            info = users.create_user(s, a.username, a.full_name, a.role, password, now=ctx.now, actor=ctx.actor)
    ctx.out(info.to_dict(), f"Account {info.username} ({info.role}) created")


def cmd_user_passwd(ctx: Context) -> None:
    from desk_app.services import users

    password = _password(ctx)
    with ctx.db.session() as s:
        info = users.set_password(s, ctx.args.username, password, now=ctx.now, actor=ctx.actor)
    ctx.out(info.to_dict(), f"Password of {info.username} changed (and the account unlocked)")


def cmd_user_unlock(ctx: Context) -> None:
    from desk_app.services import users

    with ctx.db.session() as s:
        info = users.unlock(s, ctx.args.username, now=ctx.now, actor=ctx.actor)
    ctx.out(info.to_dict(), f"{info.username} unlocked")


def cmd_user_list(ctx: Context) -> None:
    from desk_app.services import users

    with ctx.db.session(write=False) as s:
        infos = users.list_users(s)
    ctx.out(
        [i.to_dict() for i in infos],
        lambda: "\n".join(f"{i.username:<20} {i.role:<11} {'active' if i.active else 'disabled'}  {i.full_name}" for i in infos)
        or "No accounts yet: desk-app user add USERNAME --full-name NAME --role admin",
    )


def cmd_gui(ctx: Context) -> int:
    """The window, started by the entry point (``desk_app.__main__``: the one module below
    ``ui`` that may import it)."""
    if ctx.gui is None:
        raise UserError("the window is started by 'desk-app' or 'python -m desk_app'")
    return ctx.gui(ctx)


# ----------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="desk-app", description="Một Cửa Desk: the commune one-stop desk")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--data-dir", help="data folder (default: DESK_APP_HOME or the user's data folder)")
    p.add_argument("--db-url", help="database URL (default: SQLite in the data folder; postgresql://… upstream)")
    p.add_argument("--now", help="the clock for this command, ISO 8601 (tests, back-dated entry); audited")
    p.add_argument("--actor", help="the account acting (recorded and role-checked once accounts exist; default admin)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--smoke-test", action="store_true",
                   help="check this installation end to end on a temporary data folder (or --data-dir) and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func, help_: str, **kw) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, **kw)
        sp.set_defaults(func=func)
        return sp

    sp = add("init", cmd_init, "set up this desk's unit identity and station")
    sp.add_argument("--unit-code", required=True, help="the unit's identity code in dossier codes, e.g. 000.17.22.H56")
    sp.add_argument("--unit-name", required=True)
    sp.add_argument("--parent-name", help="the parent agency printed on forms (e.g. UBND xã …)")
    sp.add_argument("--upstream-name", help="the upstream office (district or province)")
    sp.add_argument("--place", help="place name printed before the date on forms")
    sp.add_argument("--station", type=int, default=1, help="this PC's station number 1-9 (default 1)")
    sp.add_argument("--upstream", action="store_true", help="this installation is an upstream office")

    cat = sub.add_parser("catalog", help="the procedure set").add_subparsers(dest="catalog_cmd", metavar="ACTION", required=True)
    sp = cat.add_parser("import", help="import a published set from .json or .xlsx")
    sp.add_argument("file")
    sp.set_defaults(func=cmd_catalog_import)
    sp = cat.add_parser("list", help="list current procedures")
    sp.add_argument("--query", help="words of the name or code (diacritics optional)")
    sp.add_argument("--all", action="store_true", help="include superseded versions")
    sp.set_defaults(func=cmd_catalog_list)

    sp = add("receive", cmd_receive, "receive a dossier and issue its code and appointment")
    sp.add_argument("--procedure", required=True, help="procedure code, e.g. 1.001193")
    sp.add_argument("--applicant-name", required=True)
    sp.add_argument("--applicant-id", required=True, help="CCCD, 12 digits")
    sp.add_argument("--phone")
    sp.add_argument("--address")
    sp.add_argument("--email")
    sp.add_argument("--birth-date", help="YYYY-MM-DD")
    sp.add_argument("--proxy-name", help="authorised person (người được ủy quyền)")
    sp.add_argument("--proxy-id")
    sp.add_argument("--proxy-phone")
    sp.add_argument("--proxy-address")
    sp.add_argument("--channel", default="direct", choices=["direct", "online", "postal"])
    sp.add_argument("--received-at", help="ISO time (default: now)")
    sp.add_argument("--documents", help="JSON list of received documents (default: the checklist)")
    sp.add_argument("--sets", type=int, default=1, help="number of sets (bộ)")
    sp.add_argument("--fee", type=int, help="fee collected in đồng (default: the procedure's)")
    sp.add_argument("--delivery", default="desk", choices=["desk", "post"], help="how the result is returned")
    sp.add_argument("--note")

    sp = add("show", cmd_show, "show a dossier with its events")
    sp.add_argument("code")

    from desk_app.domain.dossier_rules import ACTIONS

    sp = add("transition", cmd_transition, "move a dossier on: " + ", ".join(ACTIONS))
    sp.add_argument("code")
    sp.add_argument("action", choices=ACTIONS)
    sp.add_argument("--reason")
    sp.add_argument("--at", help="when it happened (default: now)")
    sp.add_argument("--new-due", help="extend: the new appointment")
    sp.add_argument("--to-unit", help="handover: the receiving unit")
    sp.add_argument("--to-person", help="handover: the receiving person")
    sp.add_argument("--note")
    sp.add_argument("--received-by", help="return: who took the result (default: the applicant)")

    sp = add("search", cmd_search, "find dossiers by code, ID number, phone or name")
    sp.add_argument("text")
    sp.add_argument("--limit", type=int, default=50)

    sp = add("list", cmd_list, "list dossiers")
    sp.add_argument("--status", type=int, action="append", help="national status code 1-10 (repeatable)")
    sp.add_argument("--overdue", action="store_true")
    sp.add_argument("--due-within", type=int, metavar="DAYS", help="due within DAYS working days")
    sp.add_argument("--procedure")
    sp.add_argument("--from", dest="date_from", help="received on or after YYYY-MM-DD")
    sp.add_argument("--to", dest="date_to", help="received on or before YYYY-MM-DD")
    sp.add_argument("--limit", type=int, default=200)

    sp = add("deadline", cmd_deadline, "the appointment a dossier received at a time would get")
    sp.add_argument("procedure_code")
    sp.add_argument("received_at")

    calp = sub.add_parser("calendar", help="the working-day calendar").add_subparsers(dest="cal_cmd", metavar="ACTION", required=True)
    sp = calp.add_parser("add", help="declare a holiday, a day off or a make-up working day")
    sp.add_argument("date")
    sp.add_argument("kind", choices=["holiday", "day-off", "working-day"])
    sp.add_argument("--note")
    sp.add_argument("--ref", help="legal reference (e.g. Thông báo số …)")
    sp.set_defaults(func=cmd_calendar_add)
    sp = calp.add_parser("remove", help="remove an override")
    sp.add_argument("date")
    sp.set_defaults(func=cmd_calendar_remove)
    sp = calp.add_parser("show", help="the non-default days of a year")
    sp.add_argument("year", type=int)
    sp.set_defaults(func=cmd_calendar_show)

    aud = sub.add_parser("audit", help="the audit log").add_subparsers(dest="audit_cmd", metavar="ACTION", required=True)
    aud.add_parser("verify", help="check the hash chain").set_defaults(func=cmd_audit_verify)

    sp = add("backup", cmd_backup, "copy the database safely (online backup API)")
    sp.add_argument("-o", "--output", help="file to write (default: the backups folder)")
    sp = add("restore", cmd_restore, "replace the database by a checked backup (the current one is kept)")
    sp.add_argument("file")

    sp = add("settings", cmd_settings, "show or change settings (office hours, cut-off, backups)")
    sp.add_argument("key", nargs="?")
    sp.add_argument("value", nargs="?")

    sp = add("demo-data", cmd_demo_data, "generate a realistic synthetic commune history")
    sp.add_argument("--dossiers", type=int, default=1000)
    sp.add_argument("--seed", type=int, default=1)

    sp = add("bench", cmd_bench, "measure the speed figures against floors")
    sp.add_argument("--dossiers", type=int, default=300_000)
    sp.add_argument("--workdir", help="folder for the benchmark database (default: a temporary one)")

    from desk_app.forms.templates import FORMS as ALL_FORMS  # the six forms + "register"

    sp = add("print", cmd_print, "print an official form (TT03/2025) or the register")
    sp.add_argument("form", choices=ALL_FORMS)
    sp.add_argument("code", nargs="?", help="the dossier code (not for the register)")
    sp.add_argument("--from", dest="date_from", help="register: first day YYYY-MM-DD")
    sp.add_argument("--to", dest="date_to", help="register: last day YYYY-MM-DD")
    sp.add_argument("-o", "--output", required=True, help="FILE.pdf (register: .pdf or .xlsx)")

    usr = sub.add_parser("user", help="accounts (roles: clerk, supervisor, admin)").add_subparsers(
        dest="user_cmd", metavar="ACTION", required=True
    )
    sp = usr.add_parser("add", help="create an account (the first one must be an admin)")
    sp.add_argument("username")
    sp.add_argument("--full-name", required=True)
    sp.add_argument("--role", default="clerk", choices=["clerk", "supervisor", "admin"])
    sp.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    sp.set_defaults(func=cmd_user_add)
    sp = usr.add_parser("passwd", help="set a password (admins: anyone's; also unlocks)")
    sp.add_argument("username")
    sp.add_argument("--password-stdin", action="store_true")
    sp.set_defaults(func=cmd_user_passwd)
    sp = usr.add_parser("unlock", help="lift a lockout after failed sign-ins")
    sp.add_argument("username")
    sp.set_defaults(func=cmd_user_unlock)
    usr.add_parser("list", help="list accounts").set_defaults(func=cmd_user_list)

    add("gui", cmd_gui, "start the window (the default)")

    from desk_app import cli_reports, cli_sync

    cli_reports.register(sub, add)
    cli_sync.register(sub, add)
    return p


def setup_logging(folder: Path) -> None:
    from logging.handlers import RotatingFileHandler

    from desk_app.paths import logs_dir

    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    try:
        logs_dir(folder).mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(logs_dir(folder) / "desk-app.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return  # a read-only data folder: the command itself will say so
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def main(
    argv: Sequence[str] | None = None,
    *,
    gui: Callable[[Context], int] | None = None,
    smoke: Callable[[Path | None], int] | None = None,
) -> int:
    """The command line. ``gui`` and ``smoke`` come from the entry point, which alone may
    import the window package."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.smoke_test:
        if smoke is None:
            raise SystemExit("error: --smoke-test is run by 'desk-app' or 'python -m desk_app'")
        return smoke(Path(args.data_dir) if args.data_dir else None)
    ctx = None
    try:
        ctx = Context(args)
        ctx.gui = gui
        setup_logging(ctx.data_dir)
        func = getattr(args, "func", None) or cmd_gui
        result = func(ctx)
        return result if isinstance(result, int) else 0
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STORAGE
    except DeskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so plainly, keep the traceback in the log
        from db.engine import translate_error

        storage = translate_error(exc)
        if storage is not None:
            print(f"error: {storage}", file=sys.stderr)
            return EXIT_STORAGE
        log.exception("unexpected error")
        print(f"internal error: {exc.__class__.__name__}: {exc} (details in the log file)", file=sys.stderr)
        return EXIT_BUG
    finally:
        if ctx is not None:
            ctx.close()
