"""Acknowledgements: a signed file back to the commune, and a short code for the phone.

The file (``.mca``) is a signed ZIP (not encrypted: it holds change ids, dossier codes and
reasons, never a name or an ID number) with ``ack.json``: the applied-through change id, the
status of each bundle seen in this run, held bundles (gaps), every open quarantined change
with its code and reason, and the office's calendar and procedure-set versions.

The short code: ``base32(applied_through u32 | bundle seq u16 | MAC 32 bits)``, 16 characters
read as four groups (``ABCD-EFGH-IJKL-MNOP``). MAC = HMAC-SHA256 truncated to 4 bytes, keyed by
HKDF-SHA256 over X25519(office key, commune key): both sides derive it from their own private
key and the other's public key, so no secret ever travels and a mistyped or made-up code is
refused (a 1 in 4 billion chance of passing).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
from datetime import datetime

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desk_app.errors import UserError

CODE_INFO = b"mot-cua-desk/ack-code/v1"
_TYPO = str.maketrans({"0": "O", "1": "I", "8": "B", "9": "G"})


def _mac_key(private: X25519PrivateKey, peer: X25519PublicKey, station_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=station_id.encode("ascii"), info=CODE_INFO).derive(
        private.exchange(peer)
    )


def make_code(private: X25519PrivateKey, peer: X25519PublicKey, station_id: str, applied: int, seq: int) -> str:
    body = struct.pack(">IH", applied & 0xFFFFFFFF, seq & 0xFFFF)
    mac = hmac.new(_mac_key(private, peer, station_id), b"ACK" + body, hashlib.sha256).digest()[:4]
    text = base64.b32encode(body + mac).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def read_code(code: str, private: X25519PrivateKey, peer: X25519PublicKey, station_id: str) -> tuple[int, int]:
    """(applied_through, seq) from a code typed by hand; UserError when it does not check out."""
    text = "".join(ch for ch in (code or "").upper().translate(_TYPO) if ch.isalnum())
    if len(text) != 16:
        raise UserError(f"an acknowledgement code has 16 letters and digits; got {len(text)}", field="code")
    try:
        raw = base64.b32decode(text)
    except ValueError:
        raise UserError("this is not an acknowledgement code (letters A-Z and digits 2-7 only)", field="code") from None
    body, mac = raw[:6], raw[6:]
    expected = hmac.new(_mac_key(private, peer, station_id), b"ACK" + body, hashlib.sha256).digest()[:4]
    if not hmac.compare_digest(mac, expected):
        raise UserError(
            "the code does not check out: read it again digit by digit (or it was made for another "
            "station, or before the office changed its keys)",
            field="code",
        )
    applied, seq = struct.unpack(">IH", body)
    return applied, seq


def ack_file_name(unit_code: str, station: int, seq: int, applied: int, now: datetime) -> str:
    from desk_app.sync.bundle import EXT_ACK

    return f"{unit_code}_{station}_{seq:05d}_{now:%Y%m%d}_ack{applied}.{EXT_ACK}"
