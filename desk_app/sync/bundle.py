"""The bundle container: a signed ZIP, optionally sealed to the recipient's X25519 key.

Inside (the ZIP)::

    manifest.json   canonical JSON (UTF-8, sorted keys, no spaces): what, from whom, to whom,
                    the change range and the SHA-256 and size of every other member
    manifest.sig    base64 of the Ed25519 signature over the exact bytes of manifest.json
    <files>         e.g. changes.ndjson.xz, ack.json, procedures.json

A large member is packed with xz (LZMA2, preset 1) and stored as ``<name>.xz``: the manifest
gives the SHA-256 and size of both the packed bytes (checked *before* unpacking) and the
content (unpacking stops at the declared size; checked again after). LZMA's dictionary reaches
back over a whole week, where Deflate's 32 KB window cannot: a dossier's successive after-images
are far apart in the log, so xz halves the size of a change bundle (about 190 KB for a busy
week instead of 310 KB), at the same speed as Deflate level 6.

Sealed (commune -> upstream bundles, which carry names and ID numbers)::

    MAGIC (8 bytes: b"MCDESK\\x00\\x01") | u16 header length | header (canonical JSON:
    alg, recipient_key_id, ephemeral public key, nonce) | ChaCha20-Poly1305 ciphertext

    shared = X25519(ephemeral private, recipient public)
    key    = HKDF-SHA256(shared, salt = ephemeral public || recipient public,
                         info = "mot-cua-desk/bundle/v1", 32 bytes)
    ct     = ChaCha20-Poly1305(key, nonce).encrypt(ZIP, aad = MAGIC | length | header)

An ECIES / libsodium sealed-box construction: a fresh ephemeral key per file, so the sender
cannot read its own bundle back and nothing secret is shared. Sign-then-encrypt: the signature
is inside, so nobody without the office's key learns who signed, and the recipient verifies
after decrypting. The AEAD tag rejects any flipped or missing byte before the ZIP is looked at.

Reading is strictly: container -> member names checked (no absolute paths, no ``..``, nothing
unlisted) -> manifest (size-capped) -> signature against the *enrolled/trusted* key ->
each file's size cap, compression ratio and SHA-256 -> only then is anything parsed.
"""

from __future__ import annotations

import hashlib
import io
import json
import lzma
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desk_app.errors import UserError
from desk_app.sync.keys import b64, raw_public, unb64

FORMAT = "mot-cua-desk/bundle"
FORMAT_VERSION = 1
MAGIC = b"MCDESK\x00\x01"
ALG = "X25519-HKDF-SHA256-ChaCha20Poly1305"
HKDF_INFO = b"mot-cua-desk/bundle/v1"
ZIP_MAGIC = b"PK\x03\x04"

MAX_FILE_BYTES = 128 * 1024 * 1024  # a bundle file (a volume is 10 MB by default)
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # decompressed, per member
MAX_TOTAL_BYTES = 768 * 1024 * 1024  # decompressed, per bundle
MAX_RATIO = 100  # JSON compresses 5-20x; a thousandfold ratio is a ZIP bomb
MAX_MEMBERS = 16

EXT_CHANGES = "mcb"  # sealed changes, commune -> upstream
EXT_UPDATE = "mcu"  # signed updates, upstream -> communes
EXT_ACK = "mca"  # signed acknowledgements, upstream -> commune


class BundleRejected(UserError):
    """A file that must not be applied. ``code`` is stable (for acks and tests)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def canonical(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ----------------------------------------------------------------------------- writing


def pack(data: bytes) -> bytes:
    return lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_NONE,
                         filters=[{"id": lzma.FILTER_LZMA2, "preset": 1}])


def build_zip(
    manifest: dict,
    files: dict[str, bytes],
    sign_key: Ed25519PrivateKey,
    *,
    xz: tuple[str, ...] = (),
    extra_members: dict[str, bytes] | None = None,
) -> bytes:
    """The signed ZIP. ``manifest['files']`` is filled in here from ``files``; the names in
    ``xz`` are packed. ``extra_members`` exists for tests that build hostile bundles."""
    manifest = dict(manifest)
    entries, members = [], []
    for name, data in files.items():
        entry = {"path": name, "sha256": sha256(data), "bytes": len(data)}
        if name in xz:
            packed = pack(data)
            entry["packed"] = {"path": name + ".xz", "encoding": "xz", "sha256": sha256(packed), "bytes": len(packed)}
            members.append((name + ".xz", packed, zipfile.ZIP_STORED))
        else:
            members.append((name, data, zipfile.ZIP_DEFLATED if len(data) > 256 else zipfile.ZIP_STORED))
        entries.append(entry)
    manifest["files"] = entries
    manifest_bytes = canonical(manifest)
    signature = sign_key.sign(manifest_bytes)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(_info("manifest.json"), manifest_bytes, compress_type=zipfile.ZIP_STORED)
        zf.writestr(_info("manifest.sig"), b64(signature).encode("ascii"), compress_type=zipfile.ZIP_STORED)
        for name, data, kind in members:
            zf.writestr(_info(name), data, compress_type=kind, compresslevel=6 if kind == zipfile.ZIP_DEFLATED else None)
        for name, data in (extra_members or {}).items():
            zf.writestr(_info(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))  # no clock inside: reproducible
    info.external_attr = 0o644 << 16
    return info


def _derive(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub, info=HKDF_INFO).derive(shared)


def seal(plain: bytes, recipient_key: X25519PublicKey, recipient_key_id: str) -> bytes:
    eph = X25519PrivateKey.generate()
    eph_pub = raw_public(eph.public_key())
    recipient_raw = raw_public(recipient_key)
    key = _derive(eph.exchange(recipient_key), eph_pub, recipient_raw)
    nonce = os.urandom(12)
    header = canonical({"alg": ALG, "recipient_key_id": recipient_key_id, "ephemeral": b64(eph_pub), "nonce": b64(nonce)})
    prefix = MAGIC + struct.pack(">H", len(header)) + header
    return prefix + ChaCha20Poly1305(key).encrypt(nonce, plain, prefix)


# ----------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Envelope:
    sealed: bool
    recipient_key_id: str = ""


def peek(blob: bytes) -> Envelope:
    """What kind of container, without trusting anything in it."""
    if blob.startswith(MAGIC):
        header = _header(blob)[0]
        return Envelope(True, str(header.get("recipient_key_id", "")))
    if blob.startswith(ZIP_MAGIC):
        return Envelope(False)
    if len(blob) < 8:
        raise BundleRejected("TRUNCATED", "the file is empty or truncated; copy it again from the sender")
    raise BundleRejected("NOT_A_BUNDLE", "this is not a Một Cửa Desk bundle (unknown file header)")


def _header(blob: bytes) -> tuple[dict, bytes]:
    if len(blob) < len(MAGIC) + 2:
        raise BundleRejected("TRUNCATED", "the file is truncated (incomplete header); copy it again")
    (length,) = struct.unpack(">H", blob[len(MAGIC) : len(MAGIC) + 2])
    end = len(MAGIC) + 2 + length
    if len(blob) < end + 16:
        raise BundleRejected("TRUNCATED", "the file is truncated (incomplete header); copy it again")
    try:
        header = json.loads(blob[len(MAGIC) + 2 : end].decode("utf-8"))
        if not isinstance(header, dict):
            raise ValueError
    except (ValueError, UnicodeDecodeError):
        raise BundleRejected("DAMAGED", "the file's header is damaged; copy it again from the sender") from None
    return header, blob[:end]


def unseal(blob: bytes, keys: dict[str, X25519PrivateKey], *, office: str = "this office") -> bytes:
    header, prefix = _header(blob)
    if header.get("alg") != ALG:
        raise BundleRejected("UNSUPPORTED", f"unsupported encryption '{header.get('alg')}'")
    kid = str(header.get("recipient_key_id", ""))
    key = keys.get(kid)
    if key is None:
        known = ", ".join(sorted(keys)) or "none"
        raise BundleRejected(
            "WRONG_RECIPIENT",
            f"the bundle is encrypted to another office's key ({kid}), not to {office} (keys: {known}); "
            "the commune must trust this office's key (sync trust-upstream) and export again",
        )
    try:
        eph_pub = unb64(str(header.get("ephemeral", "")))
        nonce = unb64(str(header.get("nonce", "")))
        if len(eph_pub) != 32 or len(nonce) != 12:
            raise ValueError
        derived = _derive(key.exchange(X25519PublicKey.from_public_bytes(eph_pub)), eph_pub, raw_public(key.public_key()))
    except (ValueError, UserError):
        raise BundleRejected("DAMAGED", "the file's header is damaged; copy it again from the sender") from None
    try:
        return ChaCha20Poly1305(derived).decrypt(nonce, blob[len(prefix) :], prefix)
    except InvalidTag:
        raise BundleRejected(
            "DAMAGED",
            "the file is damaged, truncated or was altered (decryption check failed); nothing was "
            "applied; copy it again from the sender or ask for a new export",
        ) from None


def _safe_name(name: str) -> bool:
    if not name or "\x00" in name or "\\" in name or name.startswith("/"):
        return False
    if len(name) > 1 and name[1] == ":":  # C:...
        return False
    parts = name.split("/")
    return all(p not in ("", ".", "..") for p in parts)


@dataclass
class Verified:
    manifest: dict
    manifest_bytes: bytes
    files: dict[str, bytes] = field(default_factory=dict)
    signer: object = None  # whatever the key resolver returned with the key


KeyResolver = Callable[[dict], tuple[Ed25519PublicKey, object]]


def read_signed(plain_zip: bytes, resolve_key: KeyResolver) -> Verified:
    """Check and open a signed ZIP. ``resolve_key(manifest)`` returns the enrolled or trusted
    public key for the manifest's sender (and any context), or raises BundleRejected."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(plain_zip))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error):
        raise BundleRejected("DAMAGED", "the file is damaged or truncated (not a readable ZIP); copy it again") from None
    names = [i.filename for i in infos]
    bad = [n for n in names if not _safe_name(n)]
    if bad:
        raise BundleRejected("UNSAFE_PATH", f"the bundle holds a file with an unsafe name '{bad[0]}'; refused")
    if len(set(names)) != len(names):
        raise BundleRejected("UNSAFE_PATH", "the bundle holds two files with the same name; refused")
    if len(infos) > MAX_MEMBERS:
        raise BundleRejected("TOO_BIG", f"the bundle holds {len(infos)} files; at most {MAX_MEMBERS} are allowed")
    by_name = {i.filename: i for i in infos}
    if "manifest.json" not in by_name or "manifest.sig" not in by_name:
        raise BundleRejected("NOT_A_BUNDLE", "the file has no manifest; it is not a Một Cửa Desk bundle")
    manifest_bytes = _read_member(zf, by_name["manifest.json"], MAX_MANIFEST_BYTES)
    sig_text = _read_member(zf, by_name["manifest.sig"], 200)
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
        signature = unb64(sig_text.decode("ascii").strip(), "signature")
        if not isinstance(manifest, dict):
            raise ValueError
    except (ValueError, UnicodeDecodeError, UserError):
        raise BundleRejected("DAMAGED", "the bundle's manifest is damaged") from None
    if manifest.get("format") != FORMAT:
        raise BundleRejected("NOT_A_BUNDLE", f"unknown bundle format '{manifest.get('format')}'")
    if not isinstance(manifest.get("format_version"), int) or manifest["format_version"] > FORMAT_VERSION:
        raise BundleRejected(
            "TOO_NEW", f"bundle format version {manifest.get('format_version')} is newer than this app "
            f"understands ({FORMAT_VERSION}); install the newer version of Một Cửa Desk"
        )
    public_key, signer = resolve_key(manifest)
    try:
        public_key.verify(signature, manifest_bytes)
    except InvalidSignature:
        raise BundleRejected(
            "BAD_SIGNATURE",
            "the signature does not match the sender's enrolled key: the file was altered or signed by "
            "another key; nothing was applied",
        ) from None
    listed = manifest.get("files")
    if not isinstance(listed, list):
        raise BundleRejected("DAMAGED", "the manifest lists no files")
    out = Verified(manifest=manifest, manifest_bytes=manifest_bytes, signer=signer)
    wanted = {"manifest.json", "manifest.sig"}
    total = 0
    for item in listed:
        if not isinstance(item, dict):
            raise BundleRejected("DAMAGED", "the manifest's file list is malformed")
        path, digest, size = item.get("path"), item.get("sha256"), item.get("bytes")
        if not isinstance(path, str) or not _safe_name(path) or not isinstance(size, int) or size < 0:
            raise BundleRejected("UNSAFE_PATH", f"the manifest lists an unsafe file '{path}'")
        total += size
        if size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise BundleRejected("TOO_BIG", f"'{path}' would unpack to more than {MAX_MEMBER_BYTES // 2**20} MB; refused")
        packed = item.get("packed")
        if packed is not None:
            if not isinstance(packed, dict) or packed.get("encoding") != "xz":
                raise BundleRejected("UNSUPPORTED", f"'{path}' is packed in an unknown way")
            ppath, psize = packed.get("path"), packed.get("bytes")
            if not isinstance(ppath, str) or not _safe_name(ppath) or not isinstance(psize, int) or psize < 0:
                raise BundleRejected("UNSAFE_PATH", f"the manifest lists an unsafe file '{ppath}'")
            raw = _member(zf, by_name, ppath, psize, packed.get("sha256"))
            if size > 1_000_000 and size > MAX_RATIO * max(1, psize):
                raise BundleRejected("ZIP_BOMB", f"'{path}' would unpack {size // max(1, psize)}x its packed size "
                                     "(a ZIP bomb); refused")
            data = _unxz(raw, size, path)
            wanted.add(ppath)
        else:
            data = _member(zf, by_name, path, size, None)
            wanted.add(path)
        if len(data) != size or sha256(data) != digest:
            raise BundleRejected("BAD_HASH", f"'{path}' does not match its SHA-256 in the signed manifest")
        out.files[path] = data
    extra = sorted(set(by_name) - wanted)
    if extra:
        raise BundleRejected("UNEXPECTED_FILE", f"the bundle holds a file the manifest does not list: '{extra[0]}'")
    return out


def _member(zf: zipfile.ZipFile, by_name: dict, path: str, size: int, digest: str | None) -> bytes:
    if path not in by_name:
        raise BundleRejected("MISSING_FILE", f"'{path}' is listed in the manifest but missing from the bundle")
    info = by_name[path]
    if info.file_size > MAX_MEMBER_BYTES:
        raise BundleRejected("TOO_BIG", f"'{path}' would unpack to more than {MAX_MEMBER_BYTES // 2**20} MB; refused")
    if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(1, info.compress_size):
        raise BundleRejected(
            "ZIP_BOMB", f"'{path}' unpacks {info.file_size // max(1, info.compress_size)}x its packed size "
            "(a ZIP bomb); refused"
        )
    if info.file_size != size:
        raise BundleRejected("BAD_HASH", f"'{path}' does not have the size the signed manifest gives")
    data = _read_member(zf, info, size)
    if digest is not None and sha256(data) != digest:
        raise BundleRejected("BAD_HASH", f"'{path}' does not match its SHA-256 in the signed manifest")
    return data


def _unxz(raw: bytes, size: int, path: str) -> bytes:
    """Unpack at most ``size`` bytes (+1 to notice more), whatever the stream says."""
    try:
        dec = lzma.LZMADecompressor(format=lzma.FORMAT_XZ, memlimit=256 * 2**20)
        data = dec.decompress(raw, max_length=size + 1)
    except lzma.LZMAError:
        raise BundleRejected("DAMAGED", f"'{path}' in the bundle is damaged") from None
    if len(data) > size:
        raise BundleRejected("ZIP_BOMB", f"'{path}' unpacks to more than its declared size; refused")
    if not dec.eof or dec.unused_data:
        raise BundleRejected("DAMAGED", f"'{path}' in the bundle is truncated or has trailing data")
    return data


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read at most ``limit`` bytes, whatever the ZIP header claims."""
    if info.flag_bits & 0x1:
        raise BundleRejected("UNSUPPORTED", "encrypted ZIP members are not supported")
    chunks, total = [], 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(min(1 << 20, limit + 1 - total))
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise BundleRejected("ZIP_BOMB", f"'{info.filename}' unpacks to more than its declared size; refused")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        raise BundleRejected("DAMAGED", f"'{info.filename}' in the bundle is damaged or truncated") from None
    return b"".join(chunks)


def open_file(
    blob: bytes,
    *,
    decrypt_keys: dict[str, X25519PrivateKey],
    resolve_key: KeyResolver,
    office: str = "this office",
) -> tuple[Verified, Envelope]:
    """Container -> verified contents."""
    if len(blob) > MAX_FILE_BYTES:
        raise BundleRejected("TOO_BIG", f"the file is larger than {MAX_FILE_BYTES // 2**20} MB; is it a bundle?")
    env = peek(blob)
    plain = unseal(blob, decrypt_keys, office=office) if env.sealed else blob
    return read_signed(plain, resolve_key), env


def signed_payload(verified: Verified, name: str) -> bytes:
    data = verified.files.get(name)
    if data is None:
        raise BundleRejected("MISSING_FILE", f"the bundle has no '{name}'")
    return data
