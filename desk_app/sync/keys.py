"""This installation's keys: an Ed25519 signing key and an X25519 key, per station.

- Private keys are PKCS#8 PEM files in ``<data folder>/keys/`` (folder 0o700, files 0o600,
  created with O_EXCL so an existing key is never overwritten). They are never exported and
  never put in a bundle; the database holds only the public halves (``sync_keys``).
- The Ed25519 key signs every bundle manifest and acknowledgement.
- The X25519 key: at the upstream office, communes encrypt their bundles to it; at a commune,
  it lets both sides derive the MAC key of the short acknowledgement code without any shared
  secret ever travelling (X25519 between the commune's key and the office's key).
- A key id is the fingerprint of the raw public key: base32 of its SHA-256, 20 characters;
  printed grouped by four (``ABCD-EFGH-…``) on the enrollment form that people sign.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Station
from db.models_sync import SyncKey
from desk_app.clock import to_db
from desk_app.errors import StorageError, UserError

log = logging.getLogger(__name__)

SIGN = "ed25519"
ENC = "x25519"


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(text: str, what: str = "key") -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise UserError(f"{what} is not valid base64") from None
    return raw


def raw_public(key) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id_of(raw_public_key: bytes) -> str:
    return base64.b32encode(hashlib.sha256(raw_public_key).digest()).decode("ascii")[:20]


def grouped(key_id: str) -> str:
    """``ABCDEFGH…`` -> ``ABCD-EFGH-…`` for reading aloud and printing."""
    return "-".join(key_id[i : i + 4] for i in range(0, len(key_id), 4))


def normalize_fingerprint(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def sign_public(text: str) -> Ed25519PublicKey:
    raw = unb64(text, "signing key")
    if len(raw) != 32:
        raise UserError("a signing key must be 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def enc_public(text: str) -> X25519PublicKey:
    raw = unb64(text, "encryption key")
    if len(raw) != 32:
        raise UserError("an encryption key must be 32 bytes")
    return X25519PublicKey.from_public_bytes(raw)


def keys_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "keys"


def _key_path(data_dir: Path, kind: str, key_id: str) -> Path:
    return keys_dir(data_dir) / f"{kind}-{key_id}.pem"


def _write_private(data_dir: Path, kind: str, key_id: str, key) -> Path:
    folder = keys_dir(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, 0o700)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        path = _key_path(data_dir, kind, key_id)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            os.write(fd, pem)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise StorageError(f"Cannot write the private key into {folder}: {exc.strerror}") from None
    return path


def _read_private(data_dir: Path, kind: str, key_id: str):
    path = _key_path(data_dir, kind, key_id)
    try:
        if os.name == "posix":
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & 0o077:
                log.warning("private key file %s was readable by others; permissions tightened", path.name)
                os.chmod(path, 0o600)
        pem = path.read_bytes()
    except FileNotFoundError:
        raise StorageError(
            f"The private key {grouped(key_id)} is missing from {keys_dir(data_dir)}. Restore the data "
            "folder's keys from a backup, or make new keys with 'desk-app sync keys init --new' "
            "and enroll again."
        ) from None
    except OSError as exc:
        raise StorageError(f"Cannot read the private key {path}: {exc.strerror}") from None
    return serialization.load_pem_private_key(pem, password=None)


@dataclass(frozen=True)
class PublicKeys:
    """The active public keys of this installation."""

    sign_key_id: str
    sign_key: str  # base64 raw
    enc_key_id: str
    enc_key: str

    @property
    def fingerprint(self) -> str:
        return grouped(self.sign_key_id)

    def to_dict(self) -> dict:
        return {
            "sign_key_id": self.sign_key_id,
            "sign_key": self.sign_key,
            "enc_key_id": self.enc_key_id,
            "enc_key": self.enc_key,
            "fingerprint": self.fingerprint,
            "enc_fingerprint": grouped(self.enc_key_id),
        }


def _active(session: Session, kind: str) -> SyncKey | None:
    return session.execute(
        select(SyncKey).where(SyncKey.kind == kind, SyncKey.status == "active").order_by(SyncKey.id.desc())
    ).scalars().first()


def _generate(session: Session, data_dir: Path, kind: str, now: datetime) -> SyncKey:
    key = Ed25519PrivateKey.generate() if kind == SIGN else X25519PrivateKey.generate()
    raw = raw_public(key.public_key())
    kid = key_id_of(raw)
    _write_private(data_dir, kind, kid, key)
    row = SyncKey(key_id=kid, kind=kind, public_key=b64(raw), status="active", created_at=to_db(now))
    session.add(row)
    session.flush()
    log.info("generated a new %s key %s", kind, kid)
    return row


def ensure_keys(session: Session, data_dir: Path, *, now: datetime) -> PublicKeys:
    """The active keys, generated at first use. Checks that the private halves are there."""
    sign = _active(session, SIGN) or _generate(session, data_dir, SIGN, now)
    enc = _active(session, ENC) or _generate(session, data_dir, ENC, now)
    for row in (sign, enc):
        if not _key_path(data_dir, row.kind, row.key_id).exists():
            _read_private(data_dir, row.kind, row.key_id)  # raises the explanation
    station = session.execute(select(Station).where(Station.is_local.is_(True))).scalar_one_or_none()
    if station is not None and station.public_key != sign.public_key:
        station.public_key = sign.public_key
    return PublicKeys(sign.key_id, sign.public_key, enc.key_id, enc.public_key)


def rotate(session: Session, data_dir: Path, *, now: datetime) -> tuple[PublicKeys, PublicKeys]:
    """New active keys; the old ones are retired but kept (old bundles still decrypt)."""
    old = ensure_keys(session, data_dir, now=now)
    for kind in (SIGN, ENC):
        row = _active(session, kind)
        row.status = "retired"
        row.retired_at = to_db(now)
        session.flush()
        _generate(session, data_dir, kind, now)
    return old, ensure_keys(session, data_dir, now=now)


def _private(session: Session, data_dir: Path, kind: str, key_id: str | None, what: str):
    """(key id, private key) of ``kind``: the active one, or the one named ``key_id``."""
    row = _active(session, kind) if key_id is None else session.execute(
        select(SyncKey).where(SyncKey.key_id == key_id, SyncKey.kind == kind)
    ).scalar_one_or_none()
    if row is None:
        raise UserError(f"this desk has no {what} key yet: run 'desk-app sync keys init'")
    return row.key_id, _read_private(data_dir, kind, row.key_id)


def signing_key(session: Session, data_dir: Path, key_id: str | None = None) -> tuple[str, Ed25519PrivateKey]:
    return _private(session, data_dir, SIGN, key_id, "signing")


def decryption_keys(session: Session, data_dir: Path) -> dict[str, X25519PrivateKey]:
    """Every X25519 private key this installation ever had (active first), by key id.
    Missing files are skipped: a bundle for such a key is then refused with its key id."""
    out: dict[str, X25519PrivateKey] = {}
    rows = session.execute(
        select(SyncKey).where(SyncKey.kind == ENC).order_by(SyncKey.status, SyncKey.id.desc())
    ).scalars()
    for row in rows:
        if _key_path(data_dir, ENC, row.key_id).exists():
            out[row.key_id] = _read_private(data_dir, ENC, row.key_id)
    return out


def x25519_private(session: Session, data_dir: Path, key_id: str | None = None) -> tuple[str, X25519PrivateKey]:
    return _private(session, data_dir, ENC, key_id, "encryption")
