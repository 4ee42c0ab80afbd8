"""`desk-app sync …` (registered by desk_app.cli.build_parser).

Commune:   keys init | enroll-request -o FILE | trust-upstream FILE | export -o DIR |
           import FILE… (acknowledgements, updates) | ack-code CODE | status
Upstream:  keys init | upstream-key -o FILE | enroll FILE | import FILE… [--ack-dir DIR] |
           status | list | publish-procedures FILE -o DIR | publish-calendar YEAR -o DIR |
           rotate-keys -o DIR | retry
Both:      bench
"""

from __future__ import annotations

import json
from pathlib import Path

from desk_app.clock import iso


def _svc():
    from desk_app.services import sync

    return sync


def cmd_keys(ctx) -> None:
    info = _svc().keys_init(ctx.db, ctx.data_dir, now=ctx.now, actor=ctx.actor, new=ctx.args.new)
    k = info.keys
    ctx.out(info.to_dict(), f"{'New keys' if info.rotated else 'Keys'} of {info.unit_code} station {info.station}\n"
                            f"Signing key fingerprint:    {k.fingerprint}\n"
                            f"Encryption key fingerprint: {info.to_dict()['enc_fingerprint']}\n"
                            f"Private keys: {ctx.data_dir / 'keys'} (never copy them elsewhere)")


def cmd_enroll_request(ctx) -> None:
    doc = _svc().enroll_request(ctx.db, ctx.data_dir, Path(ctx.args.output), now=ctx.now)
    ctx.out(doc.to_dict(), f"Enrollment request written: {doc.path}\n\nPrint and sign this form; send it with the file:\n\n{doc.form}")


def cmd_enroll(ctx) -> None:
    res = _svc().enroll(ctx.db, Path(ctx.args.file), fingerprint=ctx.args.fingerprint, now=ctx.now, actor=ctx.actor)
    extra = ""
    if res["replaced_stations"]:
        extra = f"\nReplaced the earlier installation(s) of this station: {', '.join(res['replaced_stations'])}"
    ctx.out(res, f"{res['outcome'].capitalize()}: {res['unit_code']} {res['unit_name']} station {res['station']}\n"
                 f"Fingerprint {res['fingerprint']}: check it against the signed paper form.{extra}")


def cmd_upstream_key(ctx) -> None:
    doc = _svc().upstream_key(ctx.db, ctx.data_dir, Path(ctx.args.output), now=ctx.now)
    ctx.out(doc.to_dict(), f"Office key file written: {doc.path}\n\nPrint and sign this form; send it with the file:\n\n{doc.form}")


def cmd_trust_upstream(ctx) -> None:
    res = _svc().trust_upstream(ctx.db, ctx.data_dir, Path(ctx.args.file), fingerprint=ctx.args.fingerprint,
                                replace=ctx.args.replace, now=ctx.now, actor=ctx.actor)
    ctx.out(res, f"Trusting {res['unit_code']} {res['unit_name']}\nSigning key fingerprint: {res['fingerprint']}\n"
                 "Check it against the signed paper form.")


def cmd_export(ctx) -> None:
    ctx.auto_backup()
    res = _svc().export(ctx.db, ctx.data_dir, Path(ctx.args.output), now=ctx.now, actor=ctx.actor,
                        max_mb=ctx.args.max_size)

    def text() -> str:
        lines = [f"Bundle #{res.seq}: changes {res.from_change_id}..{res.to_change_id} ({res.count} changes, "
                 f"everything since the last acknowledgement)"]
        for f in res.files:
            lines.append(f"  {f.path}  {f.bytes // 1024 + 1} KB  verified")
        lines += [f"warning: {w}" for w in res.warnings]
        lines.append("Written and read back: the drive may be removed.")
        return "\n".join(lines)

    ctx.out(res.to_dict(), text)


def cmd_import(ctx) -> int:
    rep = _svc().import_files(ctx.db, ctx.data_dir, ctx.args.files, now=ctx.now, actor=ctx.actor,
                              ack_dir=Path(ctx.args.ack_dir) if ctx.args.ack_dir else None)

    def text() -> str:
        lines = []
        for f in rep.files:
            what = f"{f.file}: {f.status.upper()}"
            if f.kind == "changes" and f.status in ("applied", "already_applied", "held"):
                what += f" ({f.unit_code} station {f.station}, bundle {f.seq}, changes {f.range_from}..{f.range_to}"
                what += f", {f.applied} applied, {f.already_applied} already, {f.quarantined} quarantined)"
            if f.reason:
                what += f"\n    {f.reason}"
            lines.append(what)
        for a in rep.acks:
            lines.append(f"Acknowledgement for {a.unit_code} station {a.station}: applied through change "
                         f"{a.applied_through}{' (GAP: held bundles)' if a.gap else ''}, {a.problems} problem(s)\n"
                         f"    {a.path}\n    Code to read over the phone: {a.short_code}")
        return "\n".join(lines)

    ctx.out(rep.to_dict(), text)
    return 0 if rep.ok else 1


def cmd_ack_code(ctx) -> None:
    res = _svc().ack_code(ctx.db, ctx.data_dir, ctx.args.code, now=ctx.now, actor=ctx.actor)
    ctx.out(res, f"Acknowledged through change {res['applied_through']} (bundle {res['seq']}): {res['outcome']}")


def cmd_status(ctx) -> None:
    st = _svc().status(ctx.db, now=ctx.now)
    d = st.to_dict()

    def text() -> str:
        if d["role"] == "commune":
            lines = [f"{d['unit_code']} station {d['station']}  key {d['fingerprint']}",
                     f"Upstream: {d['upstream']['unit_code'] + ' ' + d['upstream']['fingerprint'] if d['upstream'] else 'not trusted yet'}",
                     f"Last export: {d['last_export']['file'] + ' at ' + d['last_export']['at'] if d['last_export'] else 'never'}",
                     f"Acknowledged through change {d['acked_through_change_id']} of {d['last_change_id']}"
                     f" (last acknowledgement: {d['last_ack_at'] or 'never'})",
                     f"Changes not yet acknowledged: {d['unacknowledged_changes']}"]
            lines += [f"  problem: {p.get('MaHoSo', p['key'])} {p['code']}: {p['reason']}" for p in d["problems"]]
            lines += [f"warning: {w}" for w in d["warnings"]]
            return "\n".join(lines)
        lines = [f"Upstream office {d['unit_code']}  key {d['fingerprint']}"]
        for c in d["communes"]:
            lines.append(
                f"{c['unit_code']} station {c['station']} [{c['status']}] applied through {c['applied_through']}, "
                f"bundle {c['last_bundle']['seq']} imported {c['last_bundle']['imported_at'] or 'never'}, "
                f"data as of {c['data_as_of'] or '-'}, {c['dossiers']} dossiers"
                + (f", GAP ({', '.join(h['missing'] for h in c['held'])} missing)" if c["gap"] else "")
                + (f", {c['quarantined']} quarantined" if c["quarantined"] else "")
                + (", CHAIN BREAK" if c["chain_break"] else "")
                + (", calendar differs" if c["calendar_differs"] else "")
            )
        return "\n".join(lines)

    ctx.out(d, text)


def cmd_list(ctx) -> None:
    rows = _svc().list_dossiers(ctx.db, unit_code=ctx.args.unit or "", limit=ctx.args.limit)
    ctx.out([r.to_dict() for r in rows], lambda: "\n".join(
        f"{r.code:<28} {r.unit_code:<16} {r.status:>2} {iso(r.due_at) or '':<26} {r.procedure_code} v{r.procedure_version}"
        for r in rows) or "No dossiers.")


def cmd_publish_procedures(ctx) -> None:
    res = _svc().publish_procedures(ctx.db, ctx.data_dir, Path(ctx.args.file), Path(ctx.args.output), now=ctx.now,
                                    actor=ctx.actor)
    ctx.out(res, f"Procedure set update #{res['seq']} written: {res['file']}")


def cmd_publish_calendar(ctx) -> None:
    res = _svc().publish_calendar(ctx.db, ctx.data_dir, ctx.args.year, Path(ctx.args.output), now=ctx.now,
                                  actor=ctx.actor)
    ctx.out(res, f"Calendar {res['year']} update #{res['seq']} ({res['days']} days) written: {res['file']}")


def cmd_publish_results(ctx) -> None:
    from desk_app.clock import parse_datetime

    a = ctx.args
    at = parse_datetime(a.at, what="--at") if a.at else ctx.now
    results = [{"code": code, "action": a.action, "at": at, "reason": a.reason or "", "note": a.note or ""}
               for code in a.dossier]
    res = _svc().publish_results(ctx.db, ctx.data_dir, a.unit, results, Path(a.output), now=ctx.now, actor=ctx.actor)
    ctx.out(res, f"Results update #{res['seq']} for {res['unit_code']} ({res['results']} dossiers) written: {res['file']}")


def cmd_rotate_keys(ctx) -> None:
    res = _svc().rotate_office_keys(ctx.db, ctx.data_dir, Path(ctx.args.output), now=ctx.now, actor=ctx.actor)
    ctx.out(res, f"New office keys {res['fingerprint']} (was {res['previous_fingerprint']}).\n"
                 f"Send this update to every commune: {res['file']}")


def cmd_retry(ctx) -> None:
    res = _svc().retry_quarantine(ctx.db, now=ctx.now)
    ctx.out(res, lambda: "\n".join(f"{k}: {v['released']} applied, {v['still_quarantined']} still quarantined"
                                   for k, v in res.items()) or "Nothing in quarantine.")


def cmd_bench(ctx) -> None:
    from desk_app.sync.bench import bench_sync

    res = bench_sync(workdir=Path(ctx.args.workdir) if ctx.args.workdir else None, upstream_url=ctx.args.upstream_url)
    ctx.out(res, lambda: json.dumps(res, indent=2))


def register(sub, add) -> None:
    """Add this module's commands. ``add(name, func, help)`` makes a subparser."""
    grp = sub.add_parser("sync", help="bundles to and from the upstream office (USB stick or e-mail)")
    ss = grp.add_subparsers(dest="sync_cmd", metavar="ACTION", required=True)

    def cmd(name, func, help_):
        sp = ss.add_parser(name, help=help_)
        sp.set_defaults(func=func)
        return sp

    sp = cmd("keys", cmd_keys, "make this station's keys (done automatically at first use) and show them")
    sp.add_argument("action", nargs="?", default="init", choices=["init", "show"])
    sp.add_argument("--new", action="store_true", help="replace the keys (a commune must then enroll again)")
    sp = cmd("enroll-request", cmd_enroll_request, "commune: write the enrollment request for the upstream office")
    sp.add_argument("-o", "--output", required=True, help="file to write (JSON)")
    sp = cmd("enroll", cmd_enroll, "upstream: trust a commune station from its enrollment request")
    sp.add_argument("file")
    sp.add_argument("--fingerprint", help="the fingerprint on the signed paper form (checked)")
    sp = cmd("upstream-key", cmd_upstream_key, "upstream: write the office's public keys for the communes")
    sp.add_argument("-o", "--output", required=True)
    sp = cmd("trust-upstream", cmd_trust_upstream, "commune: trust the upstream office's key file")
    sp.add_argument("file")
    sp.add_argument("--fingerprint", help="the fingerprint on the signed paper form (checked)")
    sp.add_argument("--replace", action="store_true", help="replace an office key trusted before")
    sp = cmd("export", cmd_export, "commune: write everything since the last acknowledgement to a folder or USB drive")
    sp.add_argument("-o", "--output", required=True, help="folder (e.g. the USB drive)")
    sp.add_argument("--max-size", type=float, default=10.0, metavar="MB",
                    help="split into volumes of at most MB megabytes (default 10, an e-mail attachment)")
    sp = cmd("import", cmd_import, "import bundles, acknowledgements or updates (any order, duplicates harmless)")
    sp.add_argument("files", nargs="+")
    sp.add_argument("--ack-dir", help="upstream: folder for the acknowledgement files (default: data folder)")
    sp = cmd("ack-code", cmd_ack_code, "commune: type the acknowledgement code read over the phone")
    sp.add_argument("code")
    cmd("status", cmd_status, "commune: last export and acknowledgement; upstream: every commune's state")
    sp = cmd("list", cmd_list, "upstream: every commune's dossiers with their unit code")
    sp.add_argument("--unit", help="one commune's unit code")
    sp.add_argument("--limit", type=int, default=200)
    sp = cmd("publish-procedures", cmd_publish_procedures, "upstream: import a set here and write the update for communes")
    sp.add_argument("file")
    sp.add_argument("-o", "--output", required=True)
    sp = cmd("publish-calendar", cmd_publish_calendar, "upstream: write a year's calendar update for communes")
    sp.add_argument("year", type=int)
    sp.add_argument("-o", "--output", required=True)
    sp = cmd("publish-results", cmd_publish_results,
             "upstream: results of a commune's dossiers resolved here, for the commune to apply")
    sp.add_argument("--unit", required=True, help="the commune's unit code")
    sp.add_argument("--dossier", action="append", required=True, help="dossier code (repeatable)")
    sp.add_argument("--action", default="result-ready", choices=["result-ready", "refuse", "stop"])
    sp.add_argument("--at", help="when it was resolved (default: now)")
    sp.add_argument("--reason", help="refuse/stop: the reason")
    sp.add_argument("--note")
    sp.add_argument("-o", "--output", required=True)
    sp = cmd("rotate-keys", cmd_rotate_keys, "upstream: new office keys, announced by an update signed with the old key")
    sp.add_argument("-o", "--output", required=True)
    cmd("retry", cmd_retry, "upstream: try quarantined changes again")
    sp = cmd("bench", cmd_bench, "measure export and import against their floors")
    sp.add_argument("--workdir")
    sp.add_argument("--upstream-url", help="PostgreSQL URL for the upstream side (default: SQLite)")
