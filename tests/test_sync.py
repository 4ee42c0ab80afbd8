"""Sync between a commune desk (SQLite, tmp/commune) and the upstream office (SQLite or the
real PostgreSQL, tmp/upstream): real keys, real files, every scenario of SYNC.md."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import shutil
import stat
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

from db.models import ChangeLog, Dossier, DossierEvent
from db.models_sync import ReplicaReadOnly, SyncQuarantine, SyncStation
from desk_app.errors import UserError
from desk_app.services import dossiers
from desk_app.services import sync as svc
from desk_app.services.dossiers import TransitionRequest
from desk_app.services.setup import get_unit, init_unit
from desk_app.sync import bundle as fmt
from desk_app.sync import keys as keymod
from desk_app.sync.state import read_state
from tests.conftest import NOW, SAMPLE, UNIT_CODE, person, receive, setup_desk, table_snapshot

OFFICE = "000.00.17.H56"


def t(s: str) -> datetime:
    return datetime.fromisoformat(s + "+07:00")


@dataclass
class Pair:
    commune: object
    upstream: object
    cdir: Path
    udir: Path
    tmp: Path
    upstream_url: str | None

    def export(self, now: datetime = NOW, name: str = "usb", **kw) -> list[Path]:
        res = svc.export(self.commune, self.cdir, self.tmp / name, now=now, actor="clerk1", **kw)
        return [Path(f.path) for f in res.files]

    def up_import(self, files, now: datetime = NOW, ack_dir: str = "acks"):
        return svc.import_files(self.upstream, self.udir, files, now=now, actor="office", ack_dir=self.tmp / ack_dir)

    def commune_import(self, files, now: datetime = NOW):
        return svc.import_files(self.commune, self.cdir, files, now=now, actor="clerk1")

    def deliver_ack(self, report, now: datetime = NOW):
        return self.commune_import([a.path for a in report.acks], now=now)

    def up_count(self, model=Dossier, **where) -> int:
        with self.upstream.session(write=False) as s:
            stmt = select(func.count()).select_from(model)
            for k, v in where.items():
                stmt = stmt.where(getattr(model, k) == v)
            return s.execute(stmt).scalar()

    def up_dossier(self, code: str) -> Dossier:
        with self.upstream.session(write=False) as s:
            return s.execute(select(Dossier).where(Dossier.code == code)).scalar_one()

    def acked(self) -> int:
        with self.commune.session(write=False) as s:
            return read_state(s).acked_through_change_id


def _office(database, data_dir: Path) -> None:
    with database.session() as s:
        init_unit(s, unit_code=OFFICE, unit_name="Trung tâm Phục vụ hành chính công tỉnh Mẫu", upstream=True,
                  now=NOW, actor="admin")


def _link(commune, cdir: Path, upstream, udir: Path, tmp: Path, *, enroll: bool = True) -> None:
    req = svc.enroll_request(commune, cdir, tmp / f"enroll-{uuid.uuid4().hex[:6]}.json", now=NOW)
    if enroll:
        svc.enroll(upstream, Path(req.path), fingerprint=req.fingerprint, now=NOW, actor="office")
    key = svc.upstream_key(upstream, udir, tmp / "office-key.json", now=NOW)
    svc.trust_upstream(commune, cdir, Path(key.path), fingerprint=key.fingerprint, replace=False, now=NOW,
                       actor="admin")


@pytest.fixture
def pair(tmp_path: Path, any_db_url):
    from db.engine import open_database

    cdir, udir = tmp_path / "commune", tmp_path / "upstream"
    commune = open_database(cdir)
    upstream = open_database(udir, any_db_url)
    setup_desk(commune)
    _office(upstream, udir)
    _link(commune, cdir, upstream, udir, tmp_path)
    p = Pair(commune, upstream, cdir, udir, tmp_path, any_db_url)
    yield p
    p.commune.dispose()
    p.upstream.dispose()


def act(database, code, action, at, **kw):
    with database.session() as s:
        return dossiers.transition(s, code, TransitionRequest(action=action, at=at, **kw), now=at, actor="clerk1")


def commune_week(p: Pair, n: int = 3, start: datetime = NOW) -> list[str]:
    codes = []
    for i in range(n):
        rec = receive(p.commune, at=start + timedelta(minutes=i),
                      applicant=person(name=f"Trần Thị Hường {chr(65 + i)}", id_number=f"0011990{i:05d}"))
        codes.append(rec.code)
    act(p.commune, codes[0], "handover", start + timedelta(hours=1), to_unit="Công chức Tư pháp")
    return codes


# ----------------------------------------------------------------------------- the whole loop


def test_export_import_ack_round_trip(pair, caplog):
    caplog.set_level(logging.DEBUG)
    codes = commune_week(pair)
    act(pair.commune, codes[1], "request-supplement", NOW + timedelta(hours=2), reason="Thiếu bản sao")
    files = pair.export()
    assert len(files) == 1 and files[0].name == f"{UNIT_CODE}_1_00001_{NOW:%Y%m%d}.mcb"
    assert b"Tr\xe1\xba\xa7n" not in files[0].read_bytes() and b"00119900000" not in files[0].read_bytes()
    rep = pair.up_import(files)
    assert rep.ok and [f.status for f in rep.files] == ["applied"]
    assert rep.files[0].quarantined == 0
    assert pair.up_count(Dossier, unit_code=UNIT_CODE) == 3
    d = pair.up_dossier(codes[0])
    assert d.status == 4 and d.applicant_name == "Trần Thị Hường A" and d.unit_code == UNIT_CODE
    assert pair.up_dossier(codes[1]).status == 5
    with pair.upstream.session(write=False) as s:
        actions = s.execute(select(DossierEvent.action).join(Dossier).where(Dossier.code == codes[0])
                            .order_by(DossierEvent.id)).scalars().all()
    assert actions == ["receive", "handover"]
    # the office's board and list
    board = svc.status(pair.upstream, now=NOW).to_dict()
    c = board["communes"][0]
    assert c["unit_code"] == UNIT_CODE and c["dossiers"] == 3 and not c["gap"] and c["quarantined"] == 0
    assert c["data_as_of"] == "2026-03-02T09:00:00+07:00"
    assert {r.code: r.unit_code for r in svc.list_dossiers(pair.upstream)} == {code: UNIT_CODE for code in codes}
    # the acknowledgement goes back
    ack = rep.acks[0]
    assert ack.applied_through > 0 and len(ack.short_code) == 19
    back = pair.deliver_ack(rep)
    assert back.files[0].status == "applied" and back.files[0].detail["outcome"] == "advanced"
    st = svc.status(pair.commune, now=NOW).to_dict()
    assert st["acked_through_change_id"] == ack.applied_through == st["last_change_id"]
    assert st["unacknowledged_changes"] == 0 and st["pending_bundles"] == []
    assert not Path(files[0].name).exists() and not (pair.cdir / "sync" / "outbox" / files[0].name).exists()
    # nothing personal in the log
    assert "Hường" not in caplog.text and "00119900000" not in caplog.text
    # the next export carries only what is new
    act(pair.commune, codes[0], "result-ready", NOW + timedelta(hours=3))
    res = svc.export(pair.commune, pair.cdir, pair.tmp / "usb2", now=NOW + timedelta(hours=3), actor="clerk1")
    assert res.from_change_id == ack.applied_through + 1 and res.count == 2
    rep2 = pair.up_import([f.path for f in res.files])
    assert rep2.files[0].status == "applied" and pair.up_dossier(codes[0]).status == 9


def test_lost_stick_next_bundle_carries_everything(pair):
    codes = commune_week(pair)
    lost = pair.export(name="lost")
    shutil.rmtree(pair.tmp / "lost")  # the stick fell out of the clerk's bag
    more = receive(pair.commune, at=NOW + timedelta(hours=1)).code
    files = pair.export(now=NOW + timedelta(hours=1), name="second")
    assert "00002" in files[0].name
    rep = pair.up_import(files)
    assert rep.files[0].status == "applied" and rep.files[0].range_from == 1
    assert {d.code for d in svc.list_dossiers(pair.upstream)} == {*codes, more}
    assert lost  # it existed


def test_same_bundle_twice_or_by_usb_and_email_is_a_no_op(pair):
    commune_week(pair)
    files = pair.export()
    assert pair.up_import(files).files[0].status == "applied"
    before = table_snapshot(pair.upstream)
    again = pair.up_import(files)
    assert again.files[0].status == "duplicate"
    email = pair.tmp / "mail" / "attachment.mcb"
    email.parent.mkdir()
    shutil.copy(files[0], email)
    assert pair.up_import([email]).files[0].status == "duplicate"
    # a second export of the same changes (different bytes: a fresh encryption) changes nothing
    reexport = pair.export(name="again")
    assert reexport[0].read_bytes() != files[0].read_bytes()
    rep = pair.up_import(reexport)
    assert rep.files[0].status == "already_applied" and rep.files[0].already_applied == rep.files[0].range_to
    after = table_snapshot(pair.upstream)
    assert after["dossiers"] == before["dossiers"] and after["dossier_events"] == before["dossier_events"]
    assert after["handovers"] == before["handovers"]


def test_bundles_in_reverse_order(pair):
    codes = commune_week(pair)
    first = pair.export(name="b1")
    act(pair.commune, codes[0], "result-ready", NOW + timedelta(hours=2))
    second = pair.export(now=NOW + timedelta(hours=2), name="b2")
    rep = pair.up_import(second + first)
    assert [f.status for f in rep.files] == ["applied", "already_applied"]
    assert pair.up_dossier(codes[0]).status == 9
    assert pair.up_count(DossierEvent) == 5


def test_volumes_in_any_order(pair):
    for i in range(40):
        receive(pair.commune, at=NOW + timedelta(seconds=i),
                applicant=person(name=f"Lê Văn B{chr(97 + i % 26)}{chr(97 + i // 26)}", id_number=f"0010990{i:05d}"))
    # random-looking notes so the volumes do not compress away
    with pair.commune.session() as s:
        for row in s.execute(select(ChangeLog).where(ChangeLog.entity == "dossier")).scalars():
            row.payload = {**row.payload, "note": os.urandom(3000).hex()}
    res = svc.export(pair.commune, pair.cdir, pair.tmp / "vol", now=NOW, actor="clerk1", max_mb=0.0625)
    assert len(res.files) >= 3
    assert all(f.bytes <= 64 * 1024 for f in res.files)
    assert all(f"-{f.volume}of{len(res.files)}_" in f.name for f in res.files)
    rev = [Path(f.path) for f in reversed(res.files)]
    rep = pair.up_import(rev)
    statuses = [f.status for f in rep.files]
    assert statuses[: len(res.files) - 1] == ["held"] * (len(res.files) - 1)
    assert statuses.count("applied") == len(res.files)  # the held ones are released in the same run
    assert pair.up_count(Dossier) == 40
    assert svc.status(pair.upstream, now=NOW).to_dict()["communes"][0]["gap"] is False


# ----------------------------------------------------------------------------- hostile files


def _office_keys(p: Pair):
    with p.upstream.session(write=False) as s:
        return keymod.decryption_keys(s, p.udir)


def _open(p: Pair, blob: bytes) -> tuple[dict, dict[str, bytes]]:
    plain = fmt.unseal(blob, _office_keys(p))
    zf = zipfile.ZipFile(io.BytesIO(plain))
    manifest = json.loads(zf.read("manifest.json"))
    return manifest, {n: zf.read(n) for n in zf.namelist()}


def _reseal(p: Pair, manifest: dict, files: dict[str, bytes], *, xz=(), extra=None, recipient=None) -> bytes:
    with p.commune.session(write=False) as s:
        _kid, key = keymod.signing_key(s, p.cdir)
        state = read_state(s)
    plain = fmt.build_zip(manifest, files, key, xz=xz, extra_members=extra)
    if recipient is None:
        return fmt.seal(plain, keymod.enc_public(state.upstream_enc_key), state.upstream_enc_key_id)
    return fmt.seal(plain, recipient.public_key(), "OTHEROFFICEKEY000000")


def _variant(p: Pair, kind: str, good: Path) -> bytes:
    blob = good.read_bytes()
    manifest, members = _open(p, blob)
    ndjson = fmt._unxz(members["changes.ndjson.xz"], 50_000_000, "x")
    if kind == "flipped-byte":
        mid = len(blob) // 2
        return blob[:mid] + bytes([blob[mid] ^ 0x01]) + blob[mid + 1 :]
    if kind == "truncated":
        return blob[: len(blob) * 2 // 3]
    if kind == "other-office":
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        return _reseal(p, manifest, {"changes.ndjson": ndjson}, xz=("changes.ndjson",), recipient=X25519PrivateKey.generate())
    if kind == "dot-dot-member":
        return _reseal(p, manifest, {"changes.ndjson": ndjson}, xz=("changes.ndjson",), extra={"../../x": b"owned"})
    if kind == "absolute-member":
        return _reseal(p, manifest, {"changes.ndjson": ndjson}, xz=("changes.ndjson",), extra={"/etc/x": b"owned"})
    if kind == "zip-bomb":
        return _reseal(p, manifest, {"changes.ndjson": ndjson + b" " * (64 * 2**20)})
    if kind == "xz-bomb":
        return _reseal(p, manifest, {"changes.ndjson": ndjson + b" " * (64 * 2**20)}, xz=("changes.ndjson",))
    if kind == "altered-content":  # re-signed by nobody: the manifest hash no longer matches
        plain = fmt.unseal(blob, _office_keys(p))
        buf = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(plain)) as src, zipfile.ZipFile(buf, "w") as dst:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename == "changes.ndjson.xz":
                    altered = ndjson.replace(b'"TrangThaiHoSo": 2', b'"TrangThaiHoSo": 10')
                    assert altered != ndjson
                    data = fmt.pack(altered)
                dst.writestr(info.filename, data)
        with p.commune.session(write=False) as s:
            state = read_state(s)
        return fmt.seal(buf.getvalue(), keymod.enc_public(state.upstream_enc_key), state.upstream_enc_key_id)
    raise AssertionError(kind)


@pytest.mark.parametrize("kind, code", [
    ("flipped-byte", "DAMAGED"),
    ("truncated", "DAMAGED"),
    ("other-office", "WRONG_RECIPIENT"),
    ("dot-dot-member", "UNSAFE_PATH"),
    ("absolute-member", "UNSAFE_PATH"),
    ("zip-bomb", "ZIP_BOMB"),
    ("xz-bomb", "ZIP_BOMB"),
    ("altered-content", "BAD_HASH"),
])
def test_bad_files_are_rejected_before_anything_is_applied(pair, kind, code):
    commune_week(pair)
    good = pair.export()[0]
    bad = pair.tmp / "bad" / good.name
    bad.parent.mkdir()
    bad.write_bytes(_variant(pair, kind, good))
    before = table_snapshot(pair.upstream)
    rep = pair.up_import([bad])
    f = rep.files[0]
    assert f.status == "rejected" and f.code == code, (f.code, f.reason)
    assert "nothing" in f.reason or "refused" in f.reason or "again" in f.reason
    assert table_snapshot(pair.upstream) == before
    assert not (pair.tmp / "x").exists() and not (pair.tmp / "bad" / "x").exists()
    # the rejection is reported to the station the file name routes to
    assert rep.acks and rep.acks[0].applied_through == 0
    # and the genuine bundle still goes in afterwards
    assert pair.up_import([good]).files[0].status == "applied"


def test_bundle_from_unenrolled_station_is_rejected(pair, tmp_path):
    from db.engine import open_database

    rogue_dir = tmp_path / "rogue"
    rogue = open_database(rogue_dir)
    try:
        setup_desk(rogue, station=2)
        _link(rogue, rogue_dir, pair.upstream, pair.udir, tmp_path, enroll=False)
        receive(rogue)
        res = svc.export(rogue, rogue_dir, tmp_path / "rogue-usb", now=NOW, actor="x")
        before = table_snapshot(pair.upstream)
        rep = pair.up_import([res.files[0].path])
        assert rep.files[0].status == "rejected" and rep.files[0].code == "UNENROLLED"
        assert "not enrolled" in rep.files[0].reason
        assert table_snapshot(pair.upstream) == before
    finally:
        rogue.dispose()


def test_commune_refuses_forged_or_foreign_files(pair):
    commune_week(pair)
    rep = pair.up_import(pair.export())
    ack = Path(rep.acks[0].path)
    forged = pair.tmp / "forged.mca"
    with zipfile.ZipFile(io.BytesIO(ack.read_bytes())) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    body = json.loads(members["ack.json"])
    body["applied_through"] = 10_000
    members["ack.json"] = fmt.canonical(body)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    forged.write_bytes(buf.getvalue())
    before = table_snapshot(pair.commune)
    res = pair.commune_import([forged])
    assert res.files[0].status == "rejected" and res.files[0].code == "BAD_HASH"
    # a change bundle brought to the commune by mistake
    wrong = pair.commune_import(pair.export(name="again"))
    assert wrong.files[0].status == "rejected" and wrong.files[0].code == "OWN_BUNDLE"
    assert "upstream office" in wrong.files[0].reason
    assert table_snapshot(pair.commune)["sync_state"] == before["sync_state"]
    assert pair.acked() == 0


# ----------------------------------------------------------------------------- restores, clocks


@contextlib.contextmanager
def _backup_of(p: Pair):
    """A backup of the upstream database as it is now; yields a URL to open it."""
    if p.upstream_url is None:
        from db.backup import backup_file

        dest = p.tmp / "upstream-backup.sqlite3"
        backup_file(p.upstream.path, dest)
        yield f"sqlite:///{dest.as_posix()}"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(p.upstream_url).set(drivername="postgresql+psycopg")
    name = f"{url.database}_bak"
    p.upstream.dispose()
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{url.database}"'))
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_upstream_restored_from_old_backup_gap_is_detected_and_healed(pair):
    from db.engine import open_database

    with _backup_of(pair) as backup_url:  # the office's backup, before anything arrived
        codes = commune_week(pair)
        rep = pair.up_import(pair.export(name="b1"))
        pair.deliver_ack(rep)
        first_point = pair.acked()
        assert first_point > 0
        later = receive(pair.commune, at=NOW + timedelta(hours=3)).code
        b2 = pair.export(now=NOW + timedelta(hours=3), name="b2")
        assert json.loads(_open(pair, b2[0].read_bytes())[1]["manifest.json"])["range"]["from"] == first_point + 1
        # the office's disk dies; it restores last week's backup
        pair.upstream.dispose()
        pair.upstream = open_database(pair.udir, backup_url)
        assert pair.up_count(Dossier) == 0
        rep2 = pair.up_import(b2, ack_dir="acks2")
        assert rep2.files[0].status == "held" and "gap" in rep2.files[0].reason
        assert rep2.acks[0].gap and rep2.acks[0].applied_through == 0
        board = svc.status(pair.upstream, now=NOW).to_dict()["communes"][0]
        assert board["gap"] and board["held"][0]["missing"] == f"1..{first_point}"
        back = pair.deliver_ack(rep2)
        assert back.files[0].detail["outcome"] == "resend" and pair.acked() == 0
        # the next export heals it: everything since the office's real point
        b3 = pair.export(now=NOW + timedelta(hours=4), name="b3")
        rep3 = pair.up_import(b3, ack_dir="acks3")
        statuses = {f.file: f.status for f in rep3.files}
        assert statuses[b3[0].name] == "applied"
        assert statuses[b2[0].name] == "already_applied"  # the held bundle, released and found covered
        assert {d.code for d in svc.list_dossiers(pair.upstream)} == {*codes, later}
        assert not rep3.acks[0].gap
        pair.deliver_ack(rep3)
        assert pair.acked() == rep3.acks[0].applied_through
        pair.upstream.dispose()


def test_commune_clock_years_off_does_not_change_the_order(pair):
    # the PC's clock ran years ahead, then was corrected, then fell back to 2019
    d1 = receive(pair.commune, at=t("2031-05-01T09:00:00")).code
    d2 = receive(pair.commune, at=t("2019-01-07T09:00:00"), applicant=person(name="Phạm Văn Tư", id_number="001099000222")).code
    act(pair.commune, d1, "handover", t("2031-05-01T10:00:00"), to_unit="Tư pháp")
    act(pair.commune, d1, "result-ready", t("2031-05-01T11:00:00"))
    act(pair.commune, d2, "refuse", t("2019-01-07T10:00:00"), reason="Không đủ điều kiện")
    with pair.commune.session() as s:  # and the log's own clock jumped around too
        ids = s.execute(select(ChangeLog.id).order_by(ChangeLog.id)).scalars().all()
        for n, cid in enumerate(ids):
            s.execute(update(ChangeLog).where(ChangeLog.id == cid).values(
                at=datetime(2019 if n % 2 else 2031, 1, 1) + timedelta(minutes=-n)))
    early = pair.export(now=t("2031-05-01T12:00:00"), name="a")
    act(pair.commune, d1, "return", t("2031-05-01T13:00:00"))
    late = pair.export(now=t("2019-01-08T08:00:00"), name="b")  # a later bundle, "older" clock
    rep = pair.up_import(late + early, now=NOW)
    assert [f.status for f in rep.files] == ["applied", "already_applied"]
    assert pair.up_dossier(d1).status == 10 and pair.up_dossier(d2).status == 3
    with pair.upstream.session(write=False) as s:
        actions = s.execute(select(DossierEvent.action).join(Dossier).where(Dossier.code == d1)
                            .order_by(DossierEvent.id)).scalars().all()
    assert actions == ["receive", "handover", "result-ready", "return"]


# ----------------------------------------------------------------------------- quarantine


def test_unknown_procedure_version_is_quarantined_then_applied(pair):
    # this desk imported its set before sync existed: the outbox never held the procedures
    with pair.commune.session() as s:
        s.execute(delete(ChangeLog).where(ChangeLog.entity == "procedure"))
    codes = commune_week(pair)
    rep = pair.up_import(pair.export())
    f = rep.files[0]
    assert f.status == "applied" and f.quarantined > 0
    assert pair.up_count(Dossier) == 0
    with pair.upstream.session(write=False) as s:
        q = s.execute(select(SyncQuarantine.code, SyncQuarantine.payload).where(SyncQuarantine.status == "open")).all()
    assert {p["MaHoSo"] for c, p in q if c == "UNKNOWN_PROCEDURE_VERSION"} == set(codes)
    assert {c for c, _p in q} == {"UNKNOWN_PROCEDURE_VERSION", "WAITING"}
    board = svc.status(pair.upstream, now=NOW).to_dict()["communes"][0]
    assert board["quarantined"] == f.quarantined
    assert board["quarantine"][0]["MaHoSo"] == codes[0] and "1.004873" in board["quarantine"][0]["reason"]
    # the dossier keeps moving at the commune meanwhile: its changes wait behind the quarantine
    act(pair.commune, codes[0], "result-ready", NOW + timedelta(hours=2))
    back = pair.deliver_ack(rep)
    assert back.files[0].detail["reannounced_procedures"] == ["1.004873@1"]
    st = svc.status(pair.commune, now=NOW).to_dict()
    assert st["problems_total"] == f.quarantined and st["problems"][0]["code"] == "UNKNOWN_PROCEDURE_VERSION"
    rep2 = pair.up_import(pair.export(now=NOW + timedelta(hours=2), name="b2"), ack_dir="acks2")
    assert rep2.files[0].released == f.quarantined and rep2.files[0].quarantined == 0
    assert pair.up_count(Dossier) == 3
    assert pair.up_dossier(codes[0]).status == 9
    with pair.upstream.session(write=False) as s:
        actions = s.execute(select(DossierEvent.action).join(Dossier).where(Dossier.code == codes[0])
                            .order_by(DossierEvent.id)).scalars().all()
        assert actions == ["receive", "handover", "result-ready"]
        assert s.execute(select(func.count()).select_from(SyncQuarantine).where(SyncQuarantine.status == "open")).scalar() == 0
    assert rep2.acks[0].problems == 0


def test_upstream_cannot_change_a_commune_dossier(pair, tmp_path):
    codes = commune_week(pair)
    pair.up_import(pair.export())
    before = pair.up_dossier(codes[1])
    with pytest.raises(ReplicaReadOnly, match="belongs to unit"):
        act(pair.upstream, codes[1], "refuse", NOW + timedelta(hours=1), reason="thử sửa")
    with pytest.raises(ReplicaReadOnly):
        with pair.upstream.session() as s:
            row = s.execute(select(Dossier).where(Dossier.code == codes[1])).scalar_one()
            row.note = "edited upstream"
    after = pair.up_dossier(codes[1])
    assert (after.status, after.note, after.updated_at) == (before.status, before.note, before.updated_at)
    # the command line says so and exits non-zero
    from desk_app.cli import main

    args = ["--data-dir", str(pair.udir)] + (["--db-url", pair.upstream_url] if pair.upstream_url else [])
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main([*args, "--now", "2026-03-02T11:00:00+07:00", "transition", codes[1], "refuse", "--reason", "x"])
    assert code == 3 and "read-only copy" in err.getvalue()
    assert pair.up_dossier(codes[1]).status == before.status


# ----------------------------------------------------------------------------- acknowledgements


def test_short_code_typed_by_hand_advances_the_point(pair):
    commune_week(pair)
    rep = pair.up_import(pair.export())
    code = rep.acks[0].short_code
    assert len(code.replace("-", "")) == 16
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    with pytest.raises(UserError, match="does not check out"):
        svc.ack_code(pair.commune, pair.cdir, wrong, now=NOW, actor="clerk1")
    assert pair.acked() == 0
    typed = code.lower().replace("-", " ").replace("o", "0")  # read over a bad line
    res = svc.ack_code(pair.commune, pair.cdir, typed, now=NOW, actor="clerk1")
    assert res["applied_through"] == rep.acks[0].applied_through == pair.acked()
    assert res["outcome"] == "advanced"
    # the file arriving later changes nothing
    assert pair.deliver_ack(rep).files[0].detail["outcome"] == "unchanged"


def test_ack_warning_after_14_days(pair):
    commune_week(pair)
    pair.export()
    st = svc.status(pair.commune, now=NOW + timedelta(days=15)).to_dict()
    assert any("no acknowledgement" in w for w in st["warnings"])
    assert svc.status(pair.commune, now=NOW + timedelta(days=3)).to_dict()["warnings"] == []


# ----------------------------------------------------------------------------- updates down


def test_procedure_and_calendar_updates_reach_the_commune(pair, tmp_path):
    from desk_app.services import calendar as calendar_service
    from desk_app.services import catalog

    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["set"]["code"] = "MAU-2026-02"
    doc["procedures"][0]["name"] = doc["procedures"][0]["name"] + " (sửa đổi)"
    new_set = tmp_path / "set2.json"
    new_set.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "down"
    procs = svc.publish_procedures(pair.upstream, pair.udir, new_set, out, now=NOW, actor="office")
    with pair.upstream.session() as s:
        calendar_service.add_override(s, t("2026-09-03T00:00:00").date(), "day-off", note="Nghỉ bù", now=NOW, actor="office")
    cal = svc.publish_calendar(pair.upstream, pair.udir, 2026, out, now=NOW, actor="office")
    assert procs["seq"] == 1 and cal["seq"] == 2
    rep = pair.commune_import([cal["file"], procs["file"]])  # any order
    assert [f.status for f in rep.files] == ["applied", "applied"]
    with pair.commune.session(write=False) as s:
        current = catalog.get_procedure(s, doc["procedures"][0]["code"])
        assert current.version == 2 and current.name.endswith("(sửa đổi)")
        assert not calendar_service.load_calendar(s).is_working_day(t("2026-09-03T00:00:00").date())
    again = pair.commune_import([procs["file"]])
    assert again.files[0].status == "duplicate"
    # an older calendar arriving after a newer one is skipped
    with pair.upstream.session() as s:
        calendar_service.add_override(s, t("2026-09-04T00:00:00").date(), "day-off", now=NOW, actor="office")
    newer = svc.publish_calendar(pair.upstream, pair.udir, 2026, tmp_path / "down2", now=NOW, actor="office")
    older_copy = tmp_path / "older.mcu"
    shutil.copy(cal["file"], older_copy)
    with pair.commune.session() as s:  # pretend the older one had not been seen
        s.execute(delete(__import__("db.models_sync", fromlist=["SyncBundle"]).SyncBundle)
                  .where(__import__("db.models_sync", fromlist=["SyncBundle"]).SyncBundle.kind == "calendar"))
    res = pair.commune_import([newer["file"], older_copy])
    assert [f.status for f in res.files] == ["applied", "superseded"]
    # the next bundle up reports the versions now in use: the office sees the same calendar
    rep_up = pair.up_import(pair.export())
    assert rep_up.files[0].status == "applied"
    board = svc.status(pair.upstream, now=NOW).to_dict()["communes"][0]
    assert board["calendar_differs"] is False
    assert board["versions"]["procedure_set"].startswith("MAU-2026-02#")


def test_update_not_signed_by_the_trusted_office_is_refused(pair, tmp_path):
    from db.engine import open_database

    other_dir = tmp_path / "other-office"
    other = open_database(other_dir)
    try:
        with other.session() as s:
            init_unit(s, unit_code="000.00.99.H99", unit_name="Văn phòng khác", upstream=True, now=NOW, actor="x")
        out = svc.publish_calendar(other, other_dir, 2026, tmp_path / "evil", now=NOW, actor="x")
        before = table_snapshot(pair.commune)
        rep = pair.commune_import([out["file"]])
        assert rep.files[0].status == "rejected" and rep.files[0].code == "UNTRUSTED_KEY"
        assert table_snapshot(pair.commune) == before
    finally:
        other.dispose()


def test_office_key_rotation(pair, tmp_path):
    commune_week(pair)
    old_bundle = pair.export(name="old")  # sealed to the old key, still on its way
    rot = svc.rotate_office_keys(pair.upstream, pair.udir, tmp_path / "down", now=NOW, actor="office")
    assert rot["fingerprint"] != rot["previous_fingerprint"]
    rep = pair.up_import(old_bundle)
    assert rep.files[0].status == "applied"  # the old private key still opens it
    # the ack is signed by the new key: refused until the commune has the key update
    refused = pair.deliver_ack(rep)
    assert refused.files[0].code == "UNTRUSTED_KEY"
    assert pair.commune_import([rot["file"]]).files[0].status == "applied"
    again = pair.commune_import([a.path for a in rep.acks])
    assert again.files[0].status == "applied" and pair.acked() == rep.acks[0].applied_through
    receive(pair.commune, at=NOW + timedelta(hours=1))
    new_bundle = pair.export(now=NOW + timedelta(hours=1), name="new")
    env = fmt.peek(new_bundle[0].read_bytes())
    assert env.recipient_key_id == rot["enc_key_id"]
    assert pair.up_import(new_bundle, ack_dir="acks2").files[0].status == "applied"


# ----------------------------------------------------------------------------- keys


def test_private_keys_are_owner_only_and_never_leave(pair):
    keydir = pair.cdir / "keys"
    files = sorted(keydir.iterdir())
    assert len(files) == 2
    if os.name == "posix":
        assert stat.S_IMODE(keydir.stat().st_mode) == 0o700
        assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    commune_week(pair)
    bundle = pair.export()[0]
    _manifest, members = _open(pair, bundle.read_bytes())
    plain = b"".join(members.values())
    for f in files:
        pem = f.read_bytes()
        assert pem not in plain and b"PRIVATE KEY" not in plain
        from cryptography.hazmat.primitives import serialization

        key = serialization.load_pem_private_key(pem, password=None)
        raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
        assert raw not in plain and raw not in bundle.read_bytes()
    enroll_files = list(pair.tmp.glob("enroll-*.json"))
    assert enroll_files and b"PRIVATE" not in enroll_files[0].read_bytes()


def test_enrollment_checks_the_paper_fingerprint(pair, tmp_path):
    req = svc.enroll_request(pair.commune, pair.cdir, tmp_path / "req.json", now=NOW)
    with pytest.raises(UserError, match="does not match"):
        svc.enroll(pair.upstream, Path(req.path), fingerprint="AAAA-BBBB-CCCC-DDDD-EEEE", now=NOW, actor="office")
    doc = json.loads(Path(req.path).read_text(encoding="utf-8"))
    doc["unit_name"] = "Xã giả mạo"
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(UserError, match="signature does not verify"):
        svc.enroll(pair.upstream, forged, fingerprint=None, now=NOW, actor="office")
    res = svc.enroll(pair.upstream, Path(req.path), fingerprint=req.fingerprint.lower(), now=NOW, actor="office")
    assert res["outcome"] == "already enrolled"


def test_reinstalled_commune_station_replaces_the_old_enrollment(pair, tmp_path):
    from db.engine import open_database

    commune_week(pair)
    pair.up_import(pair.export())
    fresh_dir = tmp_path / "reinstalled"
    fresh = open_database(fresh_dir)
    try:
        setup_desk(fresh)
        _link(fresh, fresh_dir, pair.upstream, pair.udir, tmp_path)
        with pair.upstream.session(write=False) as s:
            rows = {r.station_id: r.status for r in s.execute(select(SyncStation)).scalars()}
        with fresh.session(write=False) as s:
            new_id = get_unit(s).station_instance
        assert rows[new_id] == "active" and sorted(rows.values()) == ["active", "replaced"]
        # the reinstalled PC issues the same codes again: flagged, never overwriting
        receive(fresh)
        res = svc.export(fresh, fresh_dir, tmp_path / "fresh-usb", now=NOW, actor="x")
        rep = pair.up_import([res.files[0].path])
        assert rep.files[0].status == "applied" and rep.files[0].quarantined >= 1
        board = {c["station_id"]: c for c in svc.status(pair.upstream, now=NOW).to_dict()["communes"]}
        codes = {q["code"] for q in board[new_id]["quarantine"]}
        assert "CODE_REUSED" in codes
        # an old-installation bundle is now refused
        old = pair.export(name="old-install")
        assert pair.up_import(old).files[0].code == "UNENROLLED"
    finally:
        fresh.dispose()


# ----------------------------------------------------------------------------- command line


def test_command_line_end_to_end(tmp_path, any_db_url):
    from desk_app.cli import main

    def run(folder: str, *args: str, db_url: str | None = None):
        argv = ["--data-dir", str(tmp_path / folder), "--now", "2026-03-02T09:00:00+07:00", "--json"]
        if db_url:
            argv += ["--db-url", db_url]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*argv, *args])
        return code, out.getvalue(), err.getvalue()

    def ok(*a, **kw):
        code, out, err = run(*a, **kw)
        assert code == 0, err
        return json.loads(out) if out.strip() else None

    ok("c", "init", "--unit-code", UNIT_CODE, "--unit-name", "Xã Tân Lập")
    ok("c", "catalog", "import", str(SAMPLE))
    ok("u", "init", "--unit-code", OFFICE, "--unit-name", "Tỉnh Mẫu", "--upstream", db_url=any_db_url)
    req = ok("c", "sync", "enroll-request", "-o", str(tmp_path / "req.json"))
    ok("u", "sync", "enroll", str(tmp_path / "req.json"), "--fingerprint", req["fingerprint"], db_url=any_db_url)
    key = ok("u", "sync", "upstream-key", "-o", str(tmp_path / "office.json"), db_url=any_db_url)
    ok("c", "sync", "trust-upstream", str(tmp_path / "office.json"), "--fingerprint", key["fingerprint"])
    rec = ok("c", "receive", "--procedure", "1.004873", "--applicant-name", "Nguyễn Văn Đức",
             "--applicant-id", "001099012345")
    exp = ok("c", "sync", "export", "-o", str(tmp_path / "usb"))
    assert exp["verified"] and exp["files"][0]["bytes"] > 0
    imp = ok("u", "sync", "import", *[f["path"] for f in exp["files"]], "--ack-dir", str(tmp_path / "acks"),
             db_url=any_db_url)
    assert imp["ok"] and imp["files"][0]["status"] == "applied"
    code = imp["acknowledgements"][0]["short_code"]
    board = ok("u", "sync", "status", db_url=any_db_url)
    assert board["communes"][0]["unit_code"] == UNIT_CODE
    listed = ok("u", "sync", "list", db_url=any_db_url)
    assert listed[0]["code"] == rec["code"] and listed[0]["unit_code"] == UNIT_CODE
    assert [d["code"] for d in ok("u", "list", db_url=any_db_url)] == [rec["code"]]
    typed = ok("c", "sync", "ack-code", code)
    assert typed["outcome"] == "advanced"
    back = ok("c", "sync", "import", imp["acknowledgements"][0]["path"])
    assert back["files"][0]["status"] == "applied"
    st = ok("c", "sync", "status")
    assert st["unacknowledged_changes"] == 0
    # a rejected file: exit 1 and the reason
    bad = tmp_path / "bad.mcb"
    bad.write_bytes(b"MCDESK\x00\x01garbage")
    code_, out, _err = run("u", "sync", "import", str(bad), db_url=any_db_url)
    assert code_ == 1 and json.loads(out)["files"][0]["status"] == "rejected"
    code_, _out, err = run("u", "sync", "export", "-o", str(tmp_path / "x"), db_url=any_db_url)
    assert code_ == 1 and "commune desk" in err


# ----------------------------------------------------------------------------- speed


def test_bench_sync_runs_and_reports_figures(tmp_path):
    from desk_app.sync.bench import bench_sync

    res = bench_sync(workdir=tmp_path / "bench", dossiers=60)
    assert res["week"]["dossiers"] == 60 and res["week"]["events"] > 200
    assert res["export"]["bytes"] < 300 * 1024 and res["export"]["seconds"] < 1.0
    assert res["import"]["rows"] == res["week"]["changes"] and res["import"]["floor_rows_per_s"] > 0
    assert res["import"]["statuses"] == ["applied"] and res["import"]["quarantined"] == 0


def test_stick_pulled_during_the_write_is_caught_by_the_read_back(pair, monkeypatch):
    from desk_app.errors import StorageError
    from desk_app.sync import state as state_mod

    commune_week(pair)
    before = table_snapshot(pair.commune)
    monkeypatch.setattr(state_mod, "_read_back", lambda path: Path(path).read_bytes()[:-100])
    with pytest.raises(StorageError, match="NOT safe"):
        pair.export()
    assert table_snapshot(pair.commune) == before  # no bundle recorded, the sequence not used
    assert list((pair.tmp / "usb").glob("*.mcb")) == []
    monkeypatch.undo()
    files = pair.export()
    assert "_00001_" in files[0].name and pair.up_import(files).files[0].status == "applied"


def test_calendar_change_after_intake_never_moves_a_promised_date(pair, tmp_path):
    from desk_app.services import calendar as calendar_service

    rec = receive(pair.commune, at=t("2026-03-02T09:00:00"))  # 3 working days: Thu 5 March
    assert rec.due_at == t("2026-03-05T17:00:00")
    with pair.upstream.session() as s:
        calendar_service.add_override(s, t("2026-03-04T00:00:00").date(), "day-off", note="Nghỉ đột xuất",
                                      now=NOW, actor="office")
    cal = svc.publish_calendar(pair.upstream, pair.udir, 2026, tmp_path / "down", now=NOW, actor="office")
    assert pair.commune_import([cal["file"]]).files[0].status == "applied"
    with pair.commune.session(write=False) as s:
        kept = dossiers.show(s, rec.code)
    assert kept.due_at == kept.original_due_at == t("2026-03-05T17:00:00")
    later = receive(pair.commune, at=t("2026-03-02T10:00:00"), now=t("2026-03-02T10:00:00"))
    assert later.due_at == t("2026-03-06T17:00:00")  # new intakes count the day off


def test_new_station_identity_starts_the_export_afresh(pair):
    from db.models import Station

    commune_week(pair)
    rep = pair.up_import(pair.export())
    pair.deliver_ack(rep)
    assert pair.acked() > 0
    with pair.commune.session() as s:  # what a restore should do: a new station id
        s.execute(update(Station).where(Station.is_local.is_(True)).values(instance_id=str(uuid.uuid4())))
    res = svc.export(pair.commune, pair.cdir, pair.tmp / "fresh", now=NOW, actor="clerk1")
    assert res.seq == 1 and res.from_change_id == 1
    assert pair.up_import([f.path for f in res.files]).files[0].code == "UNENROLLED"  # enroll it first


def test_ratings_and_complaints_reach_the_upstream_office(pair):
    """Citizen feedback travels in the bundles like dossiers (issue 7: counted upstream)."""
    from db.models_feedback import Complaint, Rating
    from desk_app.services import feedback

    codes = commune_week(pair, n=2)
    with pair.commune.session() as s:
        feedback.rate(s, codes[0], "very-satisfied", criteria={"time": 3}, now=NOW + timedelta(hours=2), actor="clerk1")
        comp = feedback.add_complaint(s, content="Chờ lâu ở quầy", dossier_code=codes[1],
                                      now=NOW + timedelta(hours=2), actor="clerk1")
    rep = pair.up_import(pair.export())
    assert rep.ok and rep.files[0].quarantined == 0
    assert pair.up_count(Rating, unit_code=UNIT_CODE) == 1 and pair.up_count(Complaint, unit_code=UNIT_CODE) == 1
    pair.deliver_ack(rep)
    with pair.commune.session() as s:
        feedback.resolve(s, comp.uuid, result="Đã bố trí thêm người tiếp nhận", now=NOW + timedelta(days=1),
                         actor="admin")
    files = pair.export()
    assert pair.up_import(files).ok
    pair.up_import(files)  # the same file twice: nothing doubles
    assert pair.up_count(Complaint, unit_code=UNIT_CODE) == 1 and pair.up_count(Rating, unit_code=UNIT_CODE) == 1
    with pair.upstream.session(write=False) as s:
        assert s.execute(select(Complaint.status)).scalar_one() == "resolved"
        assert s.execute(select(Rating.level)).scalar_one() == 3


def test_results_resolved_upstream_come_down_and_go_back_up(pair, tmp_path):
    """Một cửa liên thông: the office resolves a commune's dossier; the commune applies the
    result as its own event (the office never edits it) and reports it in its next bundle."""
    codes = commune_week(pair, n=2)
    pair.deliver_ack(pair.up_import(pair.export()))
    later = NOW + timedelta(days=1)
    with pytest.raises(UserError, match="belongs to"):
        svc.publish_results(pair.upstream, pair.udir, "OTHER.UNIT", [{"code": codes[0]}], tmp_path / "x",
                            now=later, actor="office")
    res = svc.publish_results(pair.upstream, pair.udir, UNIT_CODE,
                              [{"code": codes[0], "action": "result-ready", "at": later},
                               {"code": codes[1], "action": "stop", "at": later, "reason": "Hồ sơ không đủ điều kiện"}],
                              tmp_path / "down", now=later, actor="office")
    assert pair.up_dossier(codes[0]).status == 4  # the office's copy is untouched until the commune reports
    rep = pair.commune_import([res["file"]], now=later)
    assert rep.files[0].status == "applied"
    assert rep.files[0].detail["applied"] == codes and rep.files[0].detail["problems"] == []
    with pair.commune.session(write=False) as s:
        first = dossiers.show(s, codes[0])
        assert first.status == 9 and first.events[-1].actor.startswith("system:upstream")
        assert dossiers.show(s, codes[1]).status == 8
    again = pair.commune_import([res["file"]], now=later)
    assert again.files[0].status == "duplicate"
    up = pair.up_import(pair.export(now=later, name="usb-after"))
    assert up.ok and pair.up_dossier(codes[0]).status == 9 and pair.up_dossier(codes[1]).status == 8
