"""`desk-app report` and `desk-app feedback` (registered by desk_app.cli.build_parser).

    desk-app report --period 2026-03|2026-Q1|2026-H1|2026 [--format json|xlsx|pdf] [-o FILE|-]
    desk-app report --from 2026-03-01 --to 2026-03-15 --format xlsx -o bao-cao.xlsx
    desk-app --db-url postgresql://… report --period 2026-Q1 --by-unit --format pdf -o communes.pdf
    desk-app feedback rate CODE --level very-satisfied|satisfied|dissatisfied [--criteria JSON]
    desk-app feedback complaint (--dossier CODE | --procedure CODE) --content TEXT [--kind complaint|suggestion]
    desk-app feedback process ID [--note TEXT]
    desk-app feedback resolve ID --result TEXT
    desk-app feedback list [--kind …] [--status …] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta

from desk_app.clock import iso, parse_date, parse_datetime
from desk_app.errors import UserError

FORMATS = ("json", "xlsx", "pdf")


# ----------------------------------------------------------------------------- report


def _period(args):
    from desk_app.reports.periods import date_range, parse_period

    if args.period and (args.date_from or args.date_to):
        raise UserError("give either --period or --from/--to, not both", field="period")
    if args.period:
        return parse_period(args.period)
    if args.date_from and args.date_to:
        return date_range(parse_date(args.date_from, what="--from"), parse_date(args.date_to, what="--to"))
    raise UserError("which period? give --period 2026-03 | 2026-Q1 | 2026-H1 | 2026, or --from DATE --to DATE",
                    field="period")


def _summary(report, target) -> str:
    t = report.totals
    i = report.indicators
    lines = [
        f"{report.period.label} ({report.period.first:%d/%m/%Y}–{report.period.last:%d/%m/%Y}): "
        f"{len(report.rows)} {'units' if report.by_unit else 'procedures'}",
        f"Received {t.received_total} (carried {t.received_carried}, online {t.received_online}, "
        f"direct/postal {t.received_direct}); resolved {t.resolved_total} (early {t.resolved_early}, "
        f"on time {t.resolved_on_time}, late {t.resolved_late}); pending {t.pending_total} "
        f"(within {t.pending_within}, overdue {t.pending_overdue}); withdrawn {t.withdrawn}, "
        f"stopped {t.stopped}, refused {t.refused}",
        "On-time rate {}, online share {}, satisfaction {}".format(
            *("—" if v is None else f"{v:.2f}%" for v in (i.on_time_rate, i.online_share, i.satisfaction))
        ),
    ]
    if target is not None:
        lines.append(f"Written: {target}")
    return "\n".join(lines)


def cmd_report(ctx) -> None:
    from desk_app.reports.output import write_bytes
    from desk_app.services.reports import build_report

    a = ctx.args
    period = _period(a)
    with ctx.db.session(write=False) as s:
        report = build_report(s, period, now=ctx.now, by_unit=a.by_unit, unit_code=a.unit or "")
    fmt = a.format
    output = a.output
    if fmt == "json":
        data = json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n"
        if output in (None, "-"):
            sys.stdout.write(data)
            return
        target = write_bytes(data.encode("utf-8"), output)
    else:
        if output is None:
            output = f"bao-cao-tthc-{'don-vi-' if a.by_unit else ''}{period.key}.{fmt}"
        if fmt == "xlsx":
            from desk_app.reports.xlsx import render_xlsx

            payload = render_xlsx(report)
        else:
            from desk_app.reports.pdf import render_pdf

            payload = render_pdf(report, with_charts=not a.no_charts)
        target = write_bytes(payload, output)
        if target is None:  # the document went to stdout: say nothing more there
            return
    ctx.out(
        {"file": str(target), "format": fmt, "period": period.to_dict(), "rows": len(report.rows),
         "totals": report.totals.to_dict(), "indicators": report.indicators.to_dict()},
        lambda: _summary(report, target),
    )


# ----------------------------------------------------------------------------- feedback


def _at(value):
    return parse_datetime(value, what="--at") if value else None


def cmd_feedback_rate(ctx) -> None:
    from desk_app.services import feedback

    a = ctx.args
    with ctx.db.session() as s:
        rec = feedback.rate(s, a.code, a.level, criteria=a.criteria, comment=a.comment or "", source=a.source,
                            at=_at(a.at), now=ctx.now, actor=ctx.actor)
    ctx.out(rec.to_dict(), f"{'Replaced the rating' if rec.replaced else 'Rated'} {rec.dossier_code}: "
                           f"{rec.level_label}" + (f" ({len(rec.criteria)} criteria)" if rec.criteria else ""))


def cmd_feedback_complaint(ctx) -> None:
    from desk_app.services import feedback

    a = ctx.args
    with ctx.db.session() as s:
        rec = feedback.add_complaint(
            s, content=a.content, kind=a.kind, dossier_code=a.dossier, procedure_code=a.procedure,
            submitter_name=a.name or "", submitter_phone=a.phone or "", channel=a.channel,
            at=_at(a.at), now=ctx.now, actor=ctx.actor,
        )
    about = f"dossier {rec.dossier_code}" if rec.dossier_code else f"procedure {rec.procedure_code}"
    ctx.out(rec.to_dict(), f"{rec.kind_label} no. {rec.id} received about {about}")


def cmd_feedback_process(ctx) -> None:
    from desk_app.services import feedback

    a = ctx.args
    with ctx.db.session() as s:
        rec = feedback.start_processing(s, a.id, note=a.note or "", at=_at(a.at), now=ctx.now, actor=ctx.actor)
    ctx.out(rec.to_dict(), f"{rec.kind_label} no. {rec.id}: {rec.status_label}")


def cmd_feedback_resolve(ctx) -> None:
    from desk_app.services import feedback

    a = ctx.args
    with ctx.db.session() as s:
        rec = feedback.resolve(s, a.id, result=a.result, at=_at(a.at), now=ctx.now, actor=ctx.actor)
    ctx.out(rec.to_dict(), f"{rec.kind_label} no. {rec.id}: {rec.status_label} on {iso(rec.resolved_at)}")


def _feedback_table(items) -> str:
    lines = []
    for c in items.complaints:
        about = c.dossier_code or c.procedure_code
        lines.append(f"{c.id:>5} {c.kind_label:<10} {c.status_label:<14} {iso(c.received_at)[:16]}  {about:<28} "
                     f"{c.content[:60]}")
    if items.ratings:
        lines.append("Ratings:" if lines else "Ratings:")
        for r in items.ratings:
            lines.append(f"      {r.dossier_code:<28} {r.level_label:<15} {iso(r.rated_at)[:16]}  {r.comment[:50]}")
    return "\n".join(lines) or "No feedback."


def cmd_feedback_list(ctx) -> None:
    from desk_app.services import feedback

    a = ctx.args
    date_from = parse_date(a.date_from, what="--from") if a.date_from else None
    date_to = parse_date(a.date_to, what="--to") if a.date_to else None
    from datetime import datetime

    with ctx.db.session(write=False) as s:
        items = feedback.list_feedback(
            s, kind=a.kind, status=a.status, dossier_code=a.dossier, procedure_code=a.procedure,
            received_from=datetime.combine(date_from, datetime.min.time()) if date_from else None,
            received_to=datetime.combine(date_to + timedelta(days=1), datetime.min.time()) if date_to else None,
            ratings=not a.no_ratings, limit=a.limit,
        )
    ctx.out(items.to_dict(), lambda: _feedback_table(items))


# ----------------------------------------------------------------------------- parser


def _json_flag(sp) -> None:
    """``--json`` after the command too (``desk-app feedback list --json``); SUPPRESS keeps the
    global ``desk-app --json …`` working (the subparser never overwrites it with False)."""
    sp.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")


def register(sub, add) -> None:
    """Add this module's commands. ``add(name, func, help)`` makes a subparser."""
    from desk_app.domain.feedback_choices import CHANNELS, CRITERIA, KINDS, SOURCES, STATUSES

    sp = add("report", cmd_report, "the periodic report: received, resolved, pending per procedure (or commune)")
    sp.add_argument("--period", help="2026-03 (month), 2026-Q1 (quarter), 2026-H1 (half-year) or 2026 (year)")
    sp.add_argument("--from", dest="date_from", help="first day YYYY-MM-DD (with --to, instead of --period)")
    sp.add_argument("--to", dest="date_to", help="last day YYYY-MM-DD, included")
    sp.add_argument("--format", choices=FORMATS, default="json", help="json (default), xlsx or pdf")
    sp.add_argument("-o", "--output", help="file to write, or - for standard output "
                    "(default: json to standard output, xlsx/pdf to bao-cao-tthc-PERIOD.EXT)")
    sp.add_argument("--by-unit", action="store_true", help="one row per commune (unit code): the upstream view")
    sp.add_argument("--unit", help="only the dossiers and feedback of this unit code")
    sp.add_argument("--no-charts", action="store_true", help="pdf: leave out the pictures")
    _json_flag(sp)

    fb = sub.add_parser("feedback", help="citizen ratings, complaints and suggestions (phản ánh, kiến nghị)")
    fbs = fb.add_subparsers(dest="feedback_cmd", metavar="ACTION", required=True)

    sp = fbs.add_parser("rate", help="record the citizen's rating of a dossier")
    sp.add_argument("code", help="the dossier code (from the receipt or its QR code)")
    sp.add_argument("--level", required=True, help="very-satisfied (3), satisfied (2) or dissatisfied (1)")
    sp.add_argument("--criteria", help='per-criterion levels as JSON, e.g. {"time": "satisfied", "attitude": 3}; '
                    f"criteria: {', '.join(CRITERIA)}")
    sp.add_argument("--comment")
    sp.add_argument("--source", choices=SOURCES, default="desk")
    sp.add_argument("--at", help="when the citizen rated (default: now)")
    _json_flag(sp)
    sp.set_defaults(func=cmd_feedback_rate)

    sp = fbs.add_parser("complaint", aliases=["add"], help="record a complaint or suggestion")
    target = sp.add_mutually_exclusive_group(required=True)
    target.add_argument("--dossier", help="about this dossier (code)")
    target.add_argument("--procedure", help="about this procedure (code)")
    sp.add_argument("--content", required=True, help="what the citizen says")
    sp.add_argument("--kind", choices=list(KINDS), default="complaint",
                    help="complaint (phản ánh, default) or suggestion (kiến nghị)")
    sp.add_argument("--name", help="who submitted it (optional)")
    sp.add_argument("--phone", help="their phone (optional)")
    sp.add_argument("--channel", choices=CHANNELS, default="direct")
    sp.add_argument("--at", help="when it was received (default: now)")
    _json_flag(sp)
    sp.set_defaults(func=cmd_feedback_complaint)

    sp = fbs.add_parser("process", help="start handling a complaint or suggestion")
    sp.add_argument("id", help="its number (or uuid)")
    sp.add_argument("--note")
    sp.add_argument("--at")
    _json_flag(sp)
    sp.set_defaults(func=cmd_feedback_process)

    sp = fbs.add_parser("resolve", help="record the answer to a complaint or suggestion")
    sp.add_argument("id", help="its number (or uuid)")
    sp.add_argument("--result", required=True, help="the answer given")
    sp.add_argument("--at")
    _json_flag(sp)
    sp.set_defaults(func=cmd_feedback_resolve)

    sp = fbs.add_parser("list", help="list complaints, suggestions and ratings, newest first")
    sp.add_argument("--kind", choices=list(KINDS))
    sp.add_argument("--status", choices=list(STATUSES))
    sp.add_argument("--dossier")
    sp.add_argument("--procedure")
    sp.add_argument("--from", dest="date_from", help="received on or after YYYY-MM-DD")
    sp.add_argument("--to", dest="date_to", help="received on or before YYYY-MM-DD")
    sp.add_argument("--no-ratings", action="store_true", help="complaints and suggestions only")
    sp.add_argument("--limit", type=int, default=200)
    _json_flag(sp)
    sp.set_defaults(func=cmd_feedback_list)
