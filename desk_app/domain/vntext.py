"""Vietnamese text: search folding, NFC, and legacy 8-bit font encodings (TCVN3, VNI).

Procedure lists reach the desk from spreadsheets and JSON files that were sometimes typed
with a pre-Unicode Vietnamese font. The bytes were never Unicode: Excel/openpyxl/json hand
them over as the cp1252/Latin-1 characters of the same byte values, so the text looks like

* TCVN3 (ABC; fonts ``.VnTime``, ``.VnArial``): ``§¨ng ký khai sinh``  (one byte a letter)
* VNI-Windows (fonts ``VNI-Times``...):        ``Ñaêng kyù khai sinh`` (base letter + mark)

and Unikey may also produce decomposed Unicode (NFD). :func:`to_unicode` detects which one
a string is and returns NFC Unicode, or raises :class:`LegacyEncodingError` with a message
naming the problem when the text looks legacy but cannot be converted unambiguously.

Public API::

    fold(text) -> str                     search key: "Nguyễn Văn Đức" -> "nguyen van duc"
    nfc(text) -> str                      NFC + strip
    detect_encoding(text) -> str          "unicode" | "tcvn3" | "vni" | "unknown-legacy"
    to_unicode(text, encoding=None, *, fix_case=True) -> str
    to_unicode_many(texts, *, fix_case=True) -> list[str]   one column/file at a time
    from_unicode(text, encoding, *, errors="strict") -> str   (inverse; tests, exports)
    LegacyEncodingError(ValueError)

Mapping tables (cross-checked, see tests/test_vntext.py):

* Unikey's VnConv tables, ``unikey/data.cpp`` in fcitx/fcitx5-unikey (``SingleByteTables``
  [TCVN3], ``DoubleByteTables`` [VNI-WIN]; the file is stored in Mac Roman, so its TCVN3
  glyphs read e.g. ``∏`` for byte 0xB8).
* duydev/vietnamese-conversion, ``src/charsets.ts`` (``TCVN3`` and ``VNI`` arrays).
* myguidingstar-zz/B2Uconverter, ``include/encodings/vntime_tcvn.py`` and
  ``include/encodings/vni.py`` (the latter built from vnisoft.com's own VNI chart).
* glibc iconv ``TCVN5712-1``: identical to TCVN3 for every byte TCVN3 uses (TCVN3 is its
  "VN3" subset); the tests compare against it when ``iconv`` is installed.

Limitations (by design, documented for the desk staff):

* TCVN3 in the ``.VnTime`` font has capital glyphs only for Ă Â Ê Ô Ơ Ư Đ. Capitals with a
  tone mark (Á, Ủ, Ấ ...) were typed in the separate ``.VnTimeH`` font, which reuses the
  lowercase byte values; the font name is lost in a spreadsheet cell, so those letters come
  back lowercase. With ``fix_case=True`` a toned letter is upper-cased when its word is
  otherwise ALL CAPS with at least two capitals ("H¦íNG" -> "HƯỚNG"), or when the whole
  text has no lowercase letter ("Bé T¦ PH¸P" -> "BỘ TƯ PHÁP"). "ñy ban" stays "ủy ban".
  :func:`from_unicode` to TCVN3 refuses such capitals unless ``errors="lower"``.
* Detection judges whether each reading is made of well-formed Vietnamese syllables
  (onset, vowel group, final, tone placement), so very short strings can be ambiguous:
  "Bé" is valid Unicode and also TCVN3 for "Bộ" -- a string that is valid Vietnamese as
  Unicode is always taken as Unicode (never altered); "Cöa" is TCVN3 "Cửa" and VNI "Cưa"
  -- refused. :func:`to_unicode_many` settles such cells from the rest of their column.
* Tone placement is not normalised: TCVN3 "hoµ" becomes "hoà", not "hòa".
* Other legacy encodings (VISCII, VPS, CP1258, VIQR) are not converted; text in them is
  reported as "unknown-legacy" if it looks legacy at all, else left alone.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "UNICODE",
    "TCVN3",
    "VNI",
    "UNKNOWN_LEGACY",
    "LegacyEncodingError",
    "VIETNAMESE_LETTERS",
    "fold",
    "nfc",
    "detect_encoding",
    "to_unicode",
    "from_unicode",
    "to_unicode_many",
]

UNICODE = "unicode"
TCVN3 = "tcvn3"
VNI = "vni"
UNKNOWN_LEGACY = "unknown-legacy"


class LegacyEncodingError(ValueError):
    """Text is (or must become) a legacy Vietnamese encoding and that cannot be done."""


# --------------------------------------------------------------------------- letters

# Tone marks in Unikey's table order: sắc (acute), huyền (grave), hỏi (hook), ngã (tilde),
# nặng (dot below). Every table below lists the five toned forms in this order.
_TONE_MARKS = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_TONE_SET = frozenset(_TONE_MARKS)
# Combining marks of decomposed (NFD) Vietnamese: tones, circumflex, breve, horn.
_VN_COMBINING = _TONE_SET | {"\u0302", "\u0306", "\u031b"}
_VOWELS = "aăâeêioôơuưy"


def _toned(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONE_MARKS[tone])


_LOWER_LETTERS = [c for c in "ăâêôơưđ"] + [_toned(v, t) for v in _VOWELS for t in range(5)]
#: The 134 non-ASCII letters of Vietnamese (67 lowercase, 67 uppercase), NFC.
VIETNAMESE_LETTERS = frozenset(_LOWER_LETTERS + [c.upper() for c in _LOWER_LETTERS])
assert len(VIETNAMESE_LETTERS) == 134

# Vietnamese letters that also exist in Latin-1 (U+00C0-U+00FF): the only ones a legacy
# string and a genuine Unicode string can share.
_VN_LATIN1 = frozenset(c for c in VIETNAMESE_LETTERS if ord(c) <= 0xFF)
# Vietnamese letters outside Latin-1 (ă đ ĩ ũ ơ ư and U+1EA0-U+1EF9): proof of Unicode.
_VN_BEYOND_LATIN1 = frozenset(c for c in VIETNAMESE_LETTERS if ord(c) > 0xFF)

# ---------------------------------------------------------------------------- TCVN3

# Lowercase toned vowels: the five legacy characters (cp1252 view of the byte) for
# sắc, huyền, hỏi, ngã, nặng. Bytes, for the record:
#   a B8 B5 B6 B7 B9 | ă BE BB BC BD C6 | â CA C7 C8 C9 CB | e D0 CC CE CF D1
#   ê D5 D2 D3 D4 D6 | i DD D7 D8 DC DE | o E3 DF E1 E2 E4 | ô E8 E5 E6 E7 E9
#   ơ ED EA EB EC EE | u F3 EF F1 F2 F4 | ư F8 F5 F6 F7 F9 | y FD FA FB FC FE
_TCVN3_TONED = {
    "a": "\u00b8\u00b5\u00b6\u00b7\u00b9",  # ¸ µ ¶ · ¹
    "ă": "\u00be\u00bb\u00bc\u00bd\u00c6",  # ¾ » ¼ ½ Æ
    "â": "\u00ca\u00c7\u00c8\u00c9\u00cb",  # Ê Ç È É Ë
    "e": "\u00d0\u00cc\u00ce\u00cf\u00d1",  # Ð Ì Î Ï Ñ
    "ê": "\u00d5\u00d2\u00d3\u00d4\u00d6",  # Õ Ò Ó Ô Ö
    "i": "\u00dd\u00d7\u00d8\u00dc\u00de",  # Ý × Ø Ü Þ
    "o": "\u00e3\u00df\u00e1\u00e2\u00e4",  # ã ß á â ä
    "ô": "\u00e8\u00e5\u00e6\u00e7\u00e9",  # è å æ ç é
    "ơ": "\u00ed\u00ea\u00eb\u00ec\u00ee",  # í ê ë ì î
    "u": "\u00f3\u00ef\u00f1\u00f2\u00f4",  # ó ï ñ ò ô
    "ư": "\u00f8\u00f5\u00f6\u00f7\u00f9",  # ø õ ö ÷ ù
    "y": "\u00fd\u00fa\u00fb\u00fc\u00fe",  # ý ú û ü þ
}
# Letters without a tone mark: the lowercase ones and the only capitals .VnTime has.
_TCVN3_PLAIN = {
    "ă": "\u00a8", "â": "\u00a9", "ê": "\u00aa", "ô": "\u00ab",  # ¨ © ª «
    "ơ": "\u00ac", "ư": "\u00ad", "đ": "\u00ae",                 # ¬ (soft hyphen) ®
    "Ă": "\u00a1", "Â": "\u00a2", "Ê": "\u00a3", "Ô": "\u00a4",  # ¡ ¢ £ ¤
    "Ơ": "\u00a5", "Ư": "\u00a6", "Đ": "\u00a7",                 # ¥ ¦ §
}  # fmt: skip

_UNI_TO_TCVN3: dict[str, str] = dict(_TCVN3_PLAIN)
for _base, _codes in _TCVN3_TONED.items():
    for _t, _code in enumerate(_codes):
        _UNI_TO_TCVN3[_toned(_base, _t)] = _code
_TCVN3_TO_UNI = {v: k for k, v in _UNI_TO_TCVN3.items()}
assert len(_UNI_TO_TCVN3) == len(_TCVN3_TO_UNI) == 74
# Toned letters (all lowercase in TCVN3): their case is unknowable, see fix_case.
_TCVN3_CASELESS = frozenset("".join(_TCVN3_TONED.values()))

# ------------------------------------------------------------------------------ VNI

# VNI-Windows: a base letter then one mark character (Unikey stores them as one word,
# high byte = mark). Lowercase marks go with lowercase bases, uppercase with uppercase.
_VNI_TONE = ("\u00f9\u00f8\u00fb\u00f5\u00ef", "\u00d9\u00d8\u00db\u00d5\u00cf")  # ù ø û õ ï / Ù Ø Û Õ Ï
_VNI_CIRC = ("\u00e2", "\u00c2")  # â / Â   (a e o + circumflex)
_VNI_CIRC_TONE = ("\u00e1\u00e0\u00e5\u00e3\u00e4", "\u00c1\u00c0\u00c5\u00c3\u00c4")  # á à å ã ä
_VNI_BREVE = ("\u00ea", "\u00ca")  # ê / Ê   (a + breve)
_VNI_BREVE_TONE = ("\u00e9\u00e8\u00fa\u00fc\u00eb", "\u00c9\u00c8\u00da\u00dc\u00cb")  # é è ú ü ë
# Whole letters in one character: i with a tone, ỵ, ơ ư (which then take tone marks), đ.
_VNI_I_TONE = ("\u00ed\u00ec\u00e6\u00f3\u00f2", "\u00cd\u00cc\u00c6\u00d3\u00d2")  # í ì æ ó ò
_VNI_Y_DOT = ("\u00ee", "\u00ce")  # î / Î
_VNI_O_HORN = ("\u00f4", "\u00d4")  # ô / Ô
_VNI_U_HORN = ("\u00f6", "\u00d6")  # ö / Ö
_VNI_D_BAR = ("\u00f1", "\u00d1")  # ñ / Ñ


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}
    for case in (0, 1):
        up = (lambda s: s.upper()) if case else (lambda s: s)
        for t in range(5):
            for base in "aeou":
                table[up(_toned(base, t))] = up(base) + _VNI_TONE[case][t]
            table[up(_toned("ơ", t))] = _VNI_O_HORN[case] + _VNI_TONE[case][t]
            table[up(_toned("ư", t))] = _VNI_U_HORN[case] + _VNI_TONE[case][t]
            table[up(_toned("y", t))] = up("y") + _VNI_TONE[case][t]
            table[up(_toned("i", t))] = _VNI_I_TONE[case][t]
            for base, circ in (("a", "â"), ("e", "ê"), ("o", "ô")):
                table[up(_toned(circ, t))] = up(base) + _VNI_CIRC_TONE[case][t]
            table[up(_toned("ă", t))] = up("a") + _VNI_BREVE_TONE[case][t]
        table[up("ỵ")] = _VNI_Y_DOT[case]  # not "y" + dot mark
        for base, circ in (("a", "â"), ("e", "ê"), ("o", "ô")):
            table[up(circ)] = up(base) + _VNI_CIRC[case]
        table[up("ă")] = up("a") + _VNI_BREVE[case]
        table[up("ơ")] = _VNI_O_HORN[case]
        table[up("ư")] = _VNI_U_HORN[case]
        table[up("đ")] = _VNI_D_BAR[case]
    return table


_UNI_TO_VNI = _build_vni()
assert set(_UNI_TO_VNI) == VIETNAMESE_LETTERS
_VNI_TO_UNI = {v: k for k, v in _UNI_TO_VNI.items()}
assert len(_VNI_TO_UNI) == 134
_VNI_MARKS = frozenset(
    "".join(_VNI_TONE) + "".join(_VNI_CIRC) + "".join(_VNI_CIRC_TONE)
    + "".join(_VNI_BREVE) + "".join(_VNI_BREVE_TONE)
)  # fmt: skip
# A mark typed with the other case than its base (seen in real files, see B2Uconverter's
# vni.py): accept it, the base decides the case.
for _seq, _uni in list(_VNI_TO_UNI.items()):
    if len(_seq) == 2 and _seq[1] in _VNI_MARKS:
        _VNI_TO_UNI.setdefault(_seq[0] + _seq[1].swapcase(), _uni)
_VNI_SINGLE = {k: v for k, v in _VNI_TO_UNI.items() if len(k) == 1}
_VNI_PAIR = {k: v for k, v in _VNI_TO_UNI.items() if len(k) == 2}

# ------------------------------------------------------------------ folding and NFC

_WS = re.compile(r"\s+")
_FOLD_D = str.maketrans({"đ": "d", "Đ": "d", "\u00d0": "d", "\u00f0": "d"})


def fold(text: str) -> str:
    """Search key: no diacritics, đ/Đ -> d, lowercase, single spaces, stripped.

    "Nguyễn Văn Đức" -> "nguyen van duc"; NFD input folds the same as NFC. U+00D0/U+00F0
    (Ð ð, often typed for Đ đ) also fold to "d".
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.translate(_FOLD_D).lower()
    return _WS.sub(" ", stripped).strip()


def nfc(text: str) -> str:
    """Unicode NFC, leading/trailing whitespace removed."""
    return unicodedata.normalize("NFC", text).strip()


# -------------------------------------------------------------- syllable plausibility

_ONSETS = sorted(
    ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
     "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"],
    key=len, reverse=True,
)  # fmt: skip
_CODAS = ("", "c", "ch", "m", "n", "ng", "nh", "p", "t")
_STOP_CODAS = frozenset({"c", "ch", "p", "t"})
_ACUTE_OR_DOT = frozenset({"\u0301", "\u0323"})

# Vowel groups (tone removed) -> where the tone mark may sit (index in the group), open
# (no final consonant) and closed. None: that form does not exist. Both the old ("hòa",
# "thủy") and the new ("hoà", "thuỷ") tone placement are accepted.
_NUCLEI: dict[str, tuple[frozenset[int] | None, frozenset[int] | None]] = {}


def _nuclei(groups: str, open_at: set[int] | None, closed_at: set[int] | None) -> None:
    for group in groups.split():
        _NUCLEI[group] = (
            None if open_at is None else frozenset(open_at),
            None if closed_at is None else frozenset(closed_at),
        )


_nuclei("a e ê i o ô ơ u ư y", {0}, {0})
_nuclei("ă â", None, {0})
_nuclei("oa oe uy", {0, 1}, {1})
_nuclei("uê", {1}, {1})
_nuclei("oă uâ iê yê uô ươ oo", None, {1})
_nuclei("uyê", None, {2})
_nuclei("ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa", {0}, None)
_nuclei("uơ iêu yêu uôi ươi ươu oai oay oao oeo uây uya uyu", {1}, None)

# Well-formed but rare shapes weigh less when two legacy readings compete.
_RARE_NUCLEI = frozenset("oo uơ oao oeo uyu".split())
_CODA_AFTER = {
    "ch": frozenset("a ê i y oa uê uy".split()),
    "nh": frozenset("a ê i y oa uê uy".split()),
}
_NO_CODA_AFTER = {
    "c": frozenset("i ê y uy uê".split()),
    "ng": frozenset("i ê y uy uê".split()),
}
_OO_CODAS = frozenset({"c", "ng"})
# "y" alone after a consonant: lý, kỹ, mỹ, sỹ, tỷ, hy, vy, quy (not "try", "đy").
_Y_ONSETS = frozenset({"", "h", "k", "l", "m", "s", "t", "v", "qu"})
_FRONT = frozenset("eêiy")
_PLAIN_LETTERS = frozenset("abcdeghiklmnopqrstuvxyđăâêôơư")


def _split_tone(word: str) -> tuple[str, str | None, int]:
    """(letters without the tone, the tone mark or None, index of the toned letter).

    Raises ValueError for two tone marks."""
    bare, tone, at = [], None, -1
    for i, ch in enumerate(unicodedata.normalize("NFC", word.lower())):
        parts = unicodedata.normalize("NFD", ch)
        marks = [m for m in parts if m in _TONE_SET]
        if marks:
            if tone is not None or len(marks) > 1:
                raise ValueError("two tone marks")
            tone, at = marks[0], i
            parts = "".join(m for m in parts if m not in _TONE_SET)
        bare.append(unicodedata.normalize("NFC", parts))
    return "".join(bare), tone, at


def _syllable_weight(word: str) -> float:
    """1.0 for a well-formed Vietnamese syllable, 0.5 for a well-formed rare one, else 0."""
    try:
        bare, tone, at = _split_tone(word)
    except ValueError:
        return 0.0
    if not bare or len(bare) != len(word) or any(ch not in _PLAIN_LETTERS for ch in bare):
        return 0.0
    best = 0.0
    for onset in _ONSETS:
        if not bare.startswith(onset):
            continue
        rest = bare[len(onset) :]
        for coda in _CODAS:
            if coda and not rest.endswith(coda):
                continue
            nucleus = rest[: len(rest) - len(coda)]
            if not nucleus or not _onset_fits(onset, nucleus):
                continue
            # "qu" + y... and "gi" + ê... spell the groups uy..., iê... ("quýt", "giếng").
            hidden = {"qu": "u", "gi": "i"}.get(onset, "") if nucleus[0] in "yê" else ""
            nucleus = hidden + nucleus
            places = _NUCLEI.get(nucleus)
            allowed = None if places is None else places[1] if coda else places[0]
            if allowed is None:
                continue
            if tone is not None and (at - len(onset) + len(hidden)) not in allowed:
                continue  # tone mark on the wrong vowel ("leõ", "hoaì")
            if coda:
                if coda in _CODA_AFTER and nucleus not in _CODA_AFTER[coda]:
                    continue
                if nucleus in _NO_CODA_AFTER.get(coda, ()):
                    continue
                if nucleus == "oo" and coda not in _OO_CODAS:
                    continue
                if coda in _STOP_CODAS and tone is not None and tone not in _ACUTE_OR_DOT:
                    continue  # a syllable ending in c/ch/p/t only takes sắc or nặng
            if nucleus == "y" and (coda or onset not in _Y_ONSETS):
                continue
            best = max(best, 0.5 if nucleus in _RARE_NUCLEI else 1.0)
    return best


def _onset_fits(onset: str, nucleus: str) -> bool:
    first = nucleus[0]
    if onset in ("k", "gh", "ngh"):
        return first in _FRONT and not (onset != "k" and first == "y")
    if onset in ("c", "ng"):
        return first not in _FRONT
    if onset == "qu":
        return first != "u"
    if onset == "gi":
        return first not in "iy"
    return True


_WORD = re.compile(r"[^\W\d_]+")
# For judging readings: Latin-1 symbols that are letters in TCVN3 count as word characters,
# so "nh©n" is one (invalid) word in any reading that leaves "©" as it is.
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00bf\u00d7\u00f7])+")


def _plausibility(text: str, *, as_is: bool = False) -> tuple[float, float] | None:
    """(share of well-formed syllables, mean syllable weight) over the words holding a
    non-ASCII character; None when there is no such word (nothing to judge by).

    ``as_is``: the text is judged as Unicode without conversion; a capital after a small
    letter inside a word then makes the word invalid ("trÊn" is TCVN3 for "trấn")."""
    weights = [
        0.0 if as_is and _camel(w) else _syllable_weight(w)
        for w in _TOKEN.findall(text)
        if not w.isascii()
    ]
    if not weights:
        return None
    return sum(w > 0 for w in weights) / len(weights), sum(weights) / len(weights)


def _camel(word: str) -> bool:
    return any(b.isupper() and a.islower() for a, b in zip(word, word[1:]))


# ----------------------------------------------------------------------- decoding


class _Invalid(Exception):
    def __init__(self, position: int, char: str) -> None:
        super().__init__(position, char)
        self.position = position
        self.char = char


def _is_latin1_high(ch: str) -> bool:
    return 0xA0 <= ord(ch) <= 0xFF


def _decode_tcvn3(text: str, *, strict: bool) -> str:
    out = []
    for i, ch in enumerate(text):
        uni = _TCVN3_TO_UNI.get(ch)
        if uni is not None:
            out.append(uni)
        elif strict and _is_latin1_high(ch) and ch.isalpha():
            raise _Invalid(i, ch)  # a Latin-1 letter TCVN3 does not use (à, Á, Í, ð ...)
        else:
            out.append(ch)
    return "".join(out)


def _decode_vni(text: str, *, strict: bool) -> str:
    out = []
    i, n = 0, len(text)
    while i < n:
        pair = _VNI_PAIR.get(text[i : i + 2])
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        ch = text[i]
        single = _VNI_SINGLE.get(ch)
        if single is not None:
            out.append(single)
        elif strict and _is_latin1_high(ch) and ch.isalpha():
            raise _Invalid(i, ch)  # a mark with no base, or a letter VNI does not use
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _fix_tcvn3_case(legacy: str, decoded: str) -> str:
    """Upper-case TCVN3 toned letters (which have no capital form) in ALL-CAPS context."""
    if not any(ch in _TCVN3_CASELESS for ch in legacy):
        return decoded
    # One TCVN3 character decodes to one Unicode character, so positions line up.
    caseless = [ch in _TCVN3_CASELESS for ch in legacy]
    others = [d for d, c in zip(decoded, caseless) if not c and d.isalpha()]
    # ALL CAPS needs a word with two capitals of its own: "KÝ KÝ" and "Ký Ký" are the same
    # bytes, and a text whose words are all one capital plus caseless letters stays as typed
    # (title case, the commoner of the two).
    two_capitals = any(
        sum(1 for k in range(m.start(), m.end()) if not caseless[k] and decoded[k].isupper()) >= 2
        for m in _WORD.finditer(decoded)
    )
    all_caps_text = (two_capitals and sum(d.isupper() for d in others) >= 3
                     and not any(d.islower() for d in others))
    chars = list(decoded)
    for match in _WORD.finditer(decoded):
        span = range(match.start(), match.end())
        if not any(caseless[k] for k in span):
            continue
        rest = [chars[k] for k in span if not caseless[k]]
        if any(ch.islower() for ch in rest):
            continue
        if all_caps_text or sum(ch.isupper() for ch in rest) >= 2:
            for k in span:
                if caseless[k]:
                    chars[k] = chars[k].upper()
    return "".join(chars)


# ---------------------------------------------------------------------- detection

# Latin-1 symbols that are letters in TCVN3; inside a word they betray legacy text.
_TCVN3_SYMBOLS = frozenset(ch for ch in _TCVN3_TO_UNI if not ch.isalpha())
_ACCEPT = 0.75  # share of well-formed syllables a legacy reading needs


def _snippet(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _analyse(text: str) -> tuple[str, str]:
    """(encoding, reason); reason explains an "unknown-legacy" verdict."""
    if text.isascii():
        return UNICODE, ""
    if any(ch in _VN_BEYOND_LATIN1 or ch in _VN_COMBINING for ch in text):
        return UNICODE, ""  # ă đ ơ ư ạ ..., or combining marks (NFD from Unikey): Unicode
    foreign = any(
        _is_latin1_high(ch) and ch.isalpha() and ch not in _VN_LATIN1 for ch in text
    )
    symbol_in_word = any(
        ch in _TCVN3_SYMBOLS
        and ((i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha()))
        for i, ch in enumerate(text)
    )
    unicode_ok = not foreign and not symbol_in_word
    unicode_score = _plausibility(text, as_is=True) if unicode_ok else None
    if unicode_ok and (unicode_score is None or unicode_score[0] == 1.0):
        return UNICODE, ""  # valid Vietnamese (or nothing to judge) as it stands

    # Legacy readings: all syllables well-formed (or nearly), better than as Unicode.
    floor = unicode_score[0] if unicode_ok and unicode_score is not None else -1.0
    scores: dict[str, tuple[float, float]] = {}
    for name, decode in ((TCVN3, _decode_tcvn3), (VNI, _decode_vni)):
        try:
            score = _plausibility(decode(text, strict=True))
        except _Invalid:
            continue
        if score is not None and score[0] >= _ACCEPT and score[0] > floor:
            scores[name] = score
    if len(scores) == 1:
        return next(iter(scores)), ""
    if len(scores) == 2:
        if scores[TCVN3] != scores[VNI]:
            return max(scores, key=scores.__getitem__), ""
        return (
            UNKNOWN_LEGACY,
            "it reads as Vietnamese both as TCVN3 (.VnTime) and as VNI (VNI-Times); "
            f"TCVN3 gives {_decode_tcvn3(text, strict=True)!r}, VNI gives "
            f"{_decode_vni(text, strict=True)!r}",
        )
    if unicode_ok:
        return UNICODE, ""  # e.g. "José", "Café": accented, but nothing legacy about it

    lenient = [
        _plausibility(_decode_tcvn3(text, strict=False)) or (0.0, 0.0),
        _plausibility(_decode_vni(text, strict=False)) or (0.0, 0.0),
    ]
    if symbol_in_word or max(lenient)[0] >= 0.5:
        return (
            UNKNOWN_LEGACY,
            "some characters fit neither TCVN3 (.VnTime) nor VNI (VNI-Times), or the result "
            "is not Vietnamese words (mixed fonts or another legacy encoding such as VISCII)",
        )
    return UNICODE, ""  # foreign letters such as "Müller": not Vietnamese, leave alone


def detect_encoding(text: str) -> str:
    """Return "unicode", "tcvn3", "vni" or "unknown-legacy" for ``text``.

    Plain ASCII, NFD Unicode and any text holding a Vietnamese letter outside Latin-1
    (ă đ ơ ư ạ ế ...) are "unicode". Otherwise the text is read as Unicode, as TCVN3 and
    as VNI, and the reading whose words are well-formed Vietnamese syllables wins; a
    reading as valid Unicode Vietnamese always wins (the text is never altered then).
    """
    return _analyse(text)[0]


def to_unicode(text: str, encoding: str | None = None, *, fix_case: bool = True) -> str:
    """Convert ``text`` to NFC Unicode.

    ``encoding``: None (detect), "unicode", "tcvn3" or "vni". Whitespace is kept (use
    :func:`nfc` to strip). ``fix_case``: see the module notes on TCVN3 capitals.
    Raises :class:`LegacyEncodingError` when the text looks legacy but cannot be converted
    unambiguously, or is not valid in the encoding asked for.
    """
    reason = ""
    if encoding is None:
        encoding, reason = _analyse(text)
    if encoding == UNICODE:
        return unicodedata.normalize("NFC", text)
    if encoding == UNKNOWN_LEGACY:
        reason = reason or _analyse(text)[1] or "it is not valid TCVN3 or VNI"
        raise LegacyEncodingError(
            "Text looks like it was typed in a legacy Vietnamese font encoding, but it cannot "
            f"be converted unambiguously: {reason}. Convert the file to Unicode first (for "
            f"example with Unikey's converter) and import it again. Text: {_snippet(text)}"
        )
    if encoding not in (TCVN3, VNI):
        raise ValueError(f"unknown encoding {encoding!r}; use 'unicode', 'tcvn3' or 'vni'")
    try:
        if encoding == TCVN3:
            decoded = _decode_tcvn3(text, strict=True)
            if fix_case:
                decoded = _fix_tcvn3_case(text, decoded)
        else:
            decoded = _decode_vni(text, strict=True)
    except _Invalid as exc:
        label = "TCVN3 (.VnTime)" if encoding == TCVN3 else "VNI (VNI-Times)"
        raise LegacyEncodingError(
            f"Text is not valid {label}: character {exc.char!r} at position {exc.position} "
            f"has no meaning there. Text: {_snippet(text)}"
        ) from None
    return unicodedata.normalize("NFC", decoded)


def to_unicode_many(texts: list[str], *, fix_case: bool = True) -> list[str]:
    """Convert a column of cells (or all strings of one file) to NFC Unicode.

    Each cell is detected on its own; the column's legacy encoding (the one most of its
    cells were detected as) then settles cells that are ambiguous alone: a cell that
    reads as Vietnamese in both TCVN3 and VNI ("Cöa" is TCVN3 "Cửa" and VNI "Cưa"), and,
    when no cell of the column is provably Unicode, a cell that is valid Vietnamese both
    as it stands and in the column's encoding (TCVN3 "Bé" for "Bộ"). Raises
    :class:`LegacyEncodingError` naming the first cell that cannot be converted.
    """
    verdicts = [_analyse(text) for text in texts]
    legacy = [enc for enc, _ in verdicts if enc in (TCVN3, VNI)]
    hint = max((TCVN3, VNI), key=legacy.count) if legacy else None
    if hint is not None and legacy.count(TCVN3) == legacy.count(VNI):
        hint = None
    provably_unicode = any(
        any(ch in _VN_BEYOND_LATIN1 or ch in _VN_COMBINING for ch in text) for text in texts
    )
    out = []
    for index, (text, (encoding, _)) in enumerate(zip(texts, verdicts)):
        if hint is not None and (
            encoding == UNKNOWN_LEGACY
            or (encoding == UNICODE and not provably_unicode and not text.isascii())
        ) and _fits(text, hint):
            encoding = hint
        try:
            out.append(to_unicode(text, encoding, fix_case=fix_case))
        except LegacyEncodingError as exc:
            raise LegacyEncodingError(f"Item {index + 1}: {exc}") from None
    return out


def _fits(text: str, encoding: str) -> bool:
    decode = _decode_tcvn3 if encoding == TCVN3 else _decode_vni
    try:
        score = _plausibility(decode(text, strict=True))
    except _Invalid:
        return False
    return score is not None and score[0] >= _ACCEPT


def from_unicode(text: str, encoding: str, *, errors: str = "strict") -> str:
    """Encode Unicode ``text`` as TCVN3 or VNI (as cp1252 characters, like Excel shows them).

    ASCII and characters outside Latin-1 pass through. A Latin-1 character that is not a
    Vietnamese letter (©, ü ...) would be read back as a Vietnamese letter, so it raises.
    TCVN3 has no capital toned letters: ``errors="strict"`` raises, ``errors="lower"``
    writes the lowercase code (what .VnTimeH typing stores).
    """
    if encoding == TCVN3:
        table = _UNI_TO_TCVN3
    elif encoding == VNI:
        table = _UNI_TO_VNI
    else:
        raise ValueError(f"unknown encoding {encoding!r}; use 'tcvn3' or 'vni'")
    if errors not in ("strict", "lower"):
        raise ValueError(f"unknown errors mode {errors!r}; use 'strict' or 'lower'")
    out = []
    for i, ch in enumerate(unicodedata.normalize("NFC", text)):
        if ch.isascii():
            out.append(ch)
            continue
        code = table.get(ch)
        if code is None and ch in VIETNAMESE_LETTERS and errors == "lower":
            code = table.get(ch.lower())
        if code is not None:
            out.append(code)
        elif ch in VIETNAMESE_LETTERS:
            raise LegacyEncodingError(
                f"{ch!r} at position {i} has no TCVN3 (.VnTime) form: the font has capital "
                "letters only for Ă Â Ê Ô Ơ Ư Đ (use errors='lower' for the .VnTimeH style)"
            )
        elif _is_latin1_high(ch):
            raise LegacyEncodingError(
                f"{ch!r} at position {i} cannot be written in {encoding.upper()}: "
                "that byte is a Vietnamese letter there"
            )
        else:
            out.append(ch)
    return "".join(out)
