"""Tests for desk_app.domain.vntext: folding, NFC, TCVN3/VNI detection and conversion."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desk_app.domain.vntext import (
    TCVN3,
    UNICODE,
    UNKNOWN_LEGACY,
    VIETNAMESE_LETTERS,
    VNI,
    LegacyEncodingError,
    detect_encoding,
    fold,
    from_unicode,
    nfc,
    to_unicode,
    to_unicode_many,
)

PHRASES = [
    "Đăng ký khai sinh",
    "Cấp Giấy xác nhận tình trạng hôn nhân",
    "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
    "Hộ tịch",
    "Bảo trợ xã hội",
    "Nguyễn Thị Hường",
    "Ủy ban nhân dân xã",
    "Đăng ký kết hôn có yếu tố nước ngoài",
    "Trích lục bản sao Giấy khai tử",
    "Thủ tục đăng ký thường trú (Nghị định 123/2015/NĐ-CP)",
]

LOWER_LETTERS = sorted(c for c in VIETNAMESE_LETTERS if c.islower())


# ------------------------------------------------------------------------- fold / nfc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("ĐỖ THỊ ĐÀO", "do thi dao"),
        ("đường  Lê\tLợi\n", "duong le loi"),
        ("  Ủy ban nhân dân xã  ", "uy ban nhan dan xa"),
        ("Hường", "huong"),
        ("Quyết định", "quyet dinh"),
        ("plain ASCII", "plain ascii"),
        ("", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_nfd_equals_nfc() -> None:
    for phrase in PHRASES:
        assert fold(unicodedata.normalize("NFD", phrase)) == fold(phrase)
    assert fold(unicodedata.normalize("NFD", "Nguyễn Văn Đức")) == "nguyen van duc"


def test_fold_covers_every_vietnamese_letter() -> None:
    for letter in VIETNAMESE_LETTERS:
        folded = fold(letter)
        assert len(folded) == 1 and folded in "aeiouyd", (letter, folded)


def test_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "  Nguyễn Thị Hường ")
    assert nfd != "Nguyễn Thị Hường"
    assert nfc(nfd) == "Nguyễn Thị Hường"
    assert nfc("abc") == "abc"


def test_134_letters() -> None:
    assert len(VIETNAMESE_LETTERS) == 134
    assert all(unicodedata.is_normalized("NFC", c) for c in VIETNAMESE_LETTERS)


# ------------------------------------------------- tables against independent sources

# Unikey's VnConv tables (fcitx/fcitx5-unikey, unikey/data.cpp). Letter order: for each
# group, capital then small; vowels list plain, sắc, huyền, hỏi, ngã, nặng.
_UNIKEY_GROUPS = [
    "a", "â", "ă", "B", "C", "D", "đ", "e", "ê", "F", "G", "H", "i", "J", "K", "L", "M",
    "N", "o", "ô", "ơ", "P", "Q", "R", "S", "T", "u", "ư", "V", "W", "X", "y", "Z",
]  # fmt: skip


def _unikey_order() -> list[str]:
    tones = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
    order: list[str] = []
    for group in _UNIKEY_GROUPS:
        low = group.lower()
        order += [low.upper(), low]
        if low in "aâăeêioôơuưy":
            for tone in tones:
                small = unicodedata.normalize("NFC", low + tone)
                order += [small.upper(), small]
    return order


# TCVN3 row of SingleByteTables, glyph for glyph as stored (the file is Mac Roman text:
# "∏" is byte 0xB8). Capitals with a tone share the small letter's byte.
_UNIKEY_TCVN3_MACROMAN = (
    "Aa∏∏µµ∂∂∑∑ππ"  # a
    "¢©\u00a0\u00a0««»»……ÀÀ"  # a^
    "°®ææªªººΩΩ∆∆"  # a(
    "BbCcDdßÆ"
    "Ee––ÃÃŒŒœœ——"  # e
    "£™’’““””‘‘÷÷"  # e^
    "FfGgHh"
    "Ii››◊◊ÿÿ‹‹ﬁﬁ"  # i
    "JjKkLlMmNn"
    "Oo„„ﬂﬂ··‚‚‰‰"  # o
    "§´ËËÂÂÊÊÁÁÈÈ"  # o^
    "•¨ÌÌÍÍÎÎÏÏÓÓ"  # o+
    "PpQqRrSsTt"
    "UuÛÛÔÔÒÒÚÚÙÙ"  # u
    "¶≠¯¯ııˆˆ˜˜˘˘"  # u+
    "VvWwXx"
    "Yy˝˝˙˙˚˚¸¸˛˛"  # y
    "Zz"
)

# VNI-WIN row of DoubleByteTables, verbatim: low byte = base, high byte = mark.
_UNIKEY_VNI_WORDS = [
    0x0041, 0x0061, 0xd941, 0xf961, 0xd841, 0xf861, 0xdb41, 0xfb61, 0xd541, 0xf561, 0xcf41, 0xef61,
    0xc241, 0xe261, 0xc141, 0xe161, 0xc041, 0xe061, 0xc541, 0xe561, 0xc341, 0xe361, 0xc441, 0xe461,
    0xca41, 0xea61, 0xc941, 0xe961, 0xc841, 0xe861, 0xda41, 0xfa61, 0xdc41, 0xfc61, 0xcb41, 0xeb61,
    0x0042, 0x0062, 0x0043, 0x0063, 0x0044, 0x0064, 0x00d1, 0x00f1,
    0x0045, 0x0065, 0xd945, 0xf965, 0xd845, 0xf865, 0xdb45, 0xfb65, 0xd545, 0xf565, 0xcf45, 0xef65,
    0xc245, 0xe265, 0xc145, 0xe165, 0xc045, 0xe065, 0xc545, 0xe565, 0xc345, 0xe365, 0xc445, 0xe465,
    0x0046, 0x0066, 0x0047, 0x0067, 0x0048, 0x0068,
    0x0049, 0x0069, 0x00cd, 0x00ed, 0x00cc, 0x00ec, 0x00c6, 0x00e6, 0x00d3, 0x00f3, 0x00d2, 0x00f2,
    0x004a, 0x006a, 0x004b, 0x006b, 0x004c, 0x006c, 0x004d, 0x006d, 0x004e, 0x006e,
    0x004f, 0x006f, 0xd94f, 0xf96f, 0xd84f, 0xf86f, 0xdb4f, 0xfb6f, 0xd54f, 0xf56f, 0xcf4f, 0xef6f,
    0xc24f, 0xe26f, 0xc14f, 0xe16f, 0xc04f, 0xe06f, 0xc54f, 0xe56f, 0xc34f, 0xe36f, 0xc44f, 0xe46f,
    0x00d4, 0x00f4, 0xd9d4, 0xf9f4, 0xd8d4, 0xf8f4, 0xdbd4, 0xfbf4, 0xd5d4, 0xf5f4, 0xcfd4, 0xeff4,
    0x0050, 0x0070, 0x0051, 0x0071, 0x0052, 0x0072, 0x0053, 0x0073, 0x0054, 0x0074,
    0x0055, 0x0075, 0xd955, 0xf975, 0xd855, 0xf875, 0xdb55, 0xfb75, 0xd555, 0xf575, 0xcf55, 0xef75,
    0x00d6, 0x00f6, 0xd9d6, 0xf9f6, 0xd8d6, 0xf8f6, 0xdbd6, 0xfbf6, 0xd5d6, 0xf5f6, 0xcfd6, 0xeff6,
    0x0056, 0x0076, 0x0057, 0x0077, 0x0058, 0x0078,
    0x0059, 0x0079, 0xd959, 0xf979, 0xd859, 0xf879, 0xdb59, 0xfb79, 0xd559, 0xf579, 0x00ce, 0x00ee,
    0x005a, 0x007a,
]  # fmt: skip


def test_tcvn3_table_matches_unikey() -> None:
    order = _unikey_order()
    assert len(order) == len(_UNIKEY_TCVN3_MACROMAN) == len(_UNIKEY_VNI_WORDS)
    for letter, glyph in zip(order, _UNIKEY_TCVN3_MACROMAN, strict=True):
        expected = glyph.encode("mac_roman").decode("latin-1")
        assert from_unicode(letter, TCVN3, errors="lower") == expected, letter
        if letter.islower() or expected != from_unicode(letter.lower(), TCVN3):
            # Letters with their own code decode back exactly.
            assert to_unicode(expected, TCVN3, fix_case=False) == letter, letter


def test_vni_table_matches_unikey() -> None:
    for letter, word in zip(_unikey_order(), _UNIKEY_VNI_WORDS, strict=True):
        mark, base = divmod(word, 0x100)
        expected = bytes([base] + ([mark] if mark else [])).decode("latin-1")
        assert from_unicode(letter, VNI) == expected, letter
        assert to_unicode(expected, VNI) == letter, letter


def test_tcvn3_matches_glibc_tcvn5712() -> None:
    """TCVN3 is the VN3 subset of TCVN 5712:1993; glibc's TCVN5712-1 agrees on it."""
    iconv = shutil.which("iconv")
    if iconv is None:
        pytest.skip("iconv not installed")
    letters = [c for c in VIETNAMESE_LETTERS if c.islower()] + list("ĂÂÊÔƠƯĐ")
    data = "".join(from_unicode(c, TCVN3) for c in letters).encode("latin-1")
    assert len(data) == 74
    done = subprocess.run([iconv, "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True)
    if done.returncode != 0:
        pytest.skip("iconv has no TCVN5712-1")
    assert done.stdout.decode("utf-8") == "".join(letters)


# Spot checks from a third, hand-made chart: "Bảng đối chiếu encoding các bộ chữ hiện hành
# với Unicode", https://www.scribd.com/document/23311958/Bang-Ma-Unicode (VNI and TCVN3
# columns), and B2Uconverter's vni.py / vntime_tcvn.py (myguidingstar-zz/B2Uconverter).
@pytest.mark.parametrize(
    ("letter", "vni", "tcvn3"),
    [
        ("á", "aù", "\u00b8"), ("à", "aø", "\u00b5"), ("ả", "aû", "\u00b6"), ("ã", "aõ", "\u00b7"),
        ("ạ", "aï", "\u00b9"), ("ă", "aê", "\u00a8"), ("ắ", "aé", "\u00be"), ("ằ", "aè", "\u00bb"),
        ("ẳ", "aú", "\u00bc"), ("ẵ", "aü", "\u00bd"), ("ặ", "aë", "\u00c6"), ("â", "aâ", "\u00a9"),
        ("ấ", "aá", "\u00ca"), ("ầ", "aà", "\u00c7"), ("ẩ", "aå", "\u00c8"), ("ẫ", "aã", "\u00c9"),
        ("ậ", "aä", "\u00cb"), ("é", "eù", "\u00d0"), ("ẽ", "eõ", "\u00cf"), ("ễ", "eã", "\u00d4"),
        ("í", "í", "\u00dd"), ("ì", "ì", "\u00d7"), ("ỉ", "æ", "\u00d8"), ("ĩ", "ó", "\u00dc"),
        ("ị", "ò", "\u00de"), ("ư", "ö", "\u00ad"), ("ơ", "ô", "\u00ac"), ("đ", "ñ", "\u00ae"),
        ("Đ", "Ñ", "\u00a7"), ("ỵ", "î", "\u00fe"), ("ự", "öï", "\u00f9"), ("ờ", "ôø", "\u00ea"),
    ],
)  # fmt: skip
def test_third_source_spot_checks(letter: str, vni: str, tcvn3: str) -> None:
    assert from_unicode(letter, VNI) == vni
    assert from_unicode(letter, TCVN3) == tcvn3


# --------------------------------------------------------------- phrases, round trips


@pytest.mark.parametrize("phrase", PHRASES)
@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_phrase_round_trip_with_detection(phrase: str, encoding: str) -> None:
    if encoding == TCVN3 and phrase.startswith("Ủ"):
        pytest.skip("capital Ủ has no .VnTime form; see test_tcvn3_capital_toned_letters")
    legacy = from_unicode(phrase, encoding)
    assert legacy != phrase
    assert detect_encoding(legacy) == encoding
    assert to_unicode(legacy) == phrase
    assert to_unicode(legacy, encoding) == phrase


@pytest.mark.parametrize("phrase", PHRASES)
def test_unicode_phrases_are_unicode(phrase: str) -> None:
    assert detect_encoding(phrase) == UNICODE
    assert to_unicode(phrase) == phrase
    nfd = unicodedata.normalize("NFD", phrase)
    assert detect_encoding(nfd) == UNICODE
    assert to_unicode(nfd) == phrase


def test_tcvn3_capital_toned_letters() -> None:
    with pytest.raises(LegacyEncodingError, match="no TCVN3"):
        from_unicode("Ủy ban nhân dân xã", TCVN3)
    legacy = from_unicode("Ủy ban nhân dân xã", TCVN3, errors="lower")
    assert legacy == "\u00f1y ban nh\u00a9n d\u00a9n x\u00b7"  # "ñy ban nh©n d©n x·"
    assert detect_encoding(legacy) == TCVN3
    assert to_unicode(legacy) == "ủy ban nhân dân xã"  # the case is lost: documented


def test_tcvn3_all_caps_heuristic() -> None:
    # Unikey writes HƯỚNG DẪN in .VnTime as H¦íNG DÉN: capitals where the font has them.
    legacy = from_unicode("HƯỚNG DẪN", TCVN3, errors="lower")
    assert legacy == "H\u00a6\u00edNG D\u00c9N"
    assert to_unicode(legacy) == "HƯỚNG DẪN"
    assert to_unicode(legacy, TCVN3, fix_case=False) == "HƯớNG DẫN"
    # Whole text in capitals: even two-letter words are fixed.
    assert to_unicode(from_unicode("BỘ TƯ PHÁP", TCVN3, errors="lower")) == "BỘ TƯ PHÁP"
    # Title case stays as it is.
    assert to_unicode(from_unicode("Bộ Tư pháp", TCVN3)) == "Bộ Tư pháp"


def test_vni_capitals_and_mixed_case_marks() -> None:
    assert from_unicode("NGUYỄN VĂN ĐỨC", VNI) == "NGUYEÃN VAÊN ÑÖÙC"
    assert to_unicode("NGUYEÃN VAÊN ÑÖÙC") == "NGUYỄN VĂN ĐỨC"
    # A small mark on a capital base (seen in real files): the base decides the case.
    assert to_unicode("Nguyeãn Vaên ÑÖùc", VNI) == "Nguyễn Văn ĐỨc"


def test_whitespace_and_punctuation_pass_through() -> None:
    text = "  1. Đăng ký khai sinh;\t(lưu động)\n"
    for encoding in (TCVN3, VNI):
        assert to_unicode(from_unicode(text, encoding)) == text


# ------------------------------------------------ real-world samples (not our inverse)


@pytest.mark.parametrize(
    ("legacy", "encoding", "expected"),
    [
        # Ductrung03/DuBaoMatRung, server/test.js: Lào Cai district names from a GIS
        # database typed in .VnTime ("\u00ad" is the soft hyphen byte 0xAD = ư).
        ("B\u00b6o Th\u00beng", TCVN3, "Bảo Thắng"),
        ("M\u00ad\u00eang Kh\u00ad\u00acng", TCVN3, "Mường Khương"),
        ("B\u00b8t X\u00b8t", TCVN3, "Bát Xát"),
        # duydev/vietnamese-conversion, example/basic-usage.js.
        ("Tieáng Vieät raát hay", VNI, "Tiếng Việt rất hay"),
        ("Ti\u00d5ng Vi\u00d6t r\u00cat hay", TCVN3, "Tiếng Việt rất hay"),
        # The national motto as it comes out of VNI-Times / .VnTime documents (quoted in
        # several public converters' tests). TCVN3 "hoµ" is the old tone placement "hoà".
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", VNI, "Độc lập - Tự do - Hạnh phúc"),
        ("C\u00e9ng ho\u00b5 x\u00b7 h\u00e9i ch\u00f1 ngh\u00dca Vi\u00d6t Nam", TCVN3,
         "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("Quy\u00d5t \u00ae\u00denh c\u00f1a B\u00e9 tr\u00ad\u00ebng", TCVN3, "Quyết định của Bộ trưởng"),
    ],
)  # fmt: skip
def test_real_world_samples(legacy: str, encoding: str, expected: str) -> None:
    assert detect_encoding(legacy) == encoding
    assert to_unicode(legacy) == expected


# ----------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ASCII text 123",
        "UBND xa Tan Lap",
        "José García",
        "Café",
        "Müller",
        "Cà Mau",
        "Lê Hà",
        "Bé",  # also TCVN3 for "Bộ": a valid Unicode reading wins
        "Tô",  # also VNI for "Tơ"
        "©2024 Sở Tư pháp",
        "25°C",
        "Nghĩa",
        "ĐỖ THỊ ĐÀO",
    ],
)
def test_unicode_is_not_mistaken(text: str) -> None:
    assert detect_encoding(text) == UNICODE
    assert to_unicode(text) == unicodedata.normalize("NFC", text)


def test_unknown_legacy_raises_with_message() -> None:
    # TCVN3 bytes with a letter neither encoding uses (à is not a TCVN3 code).
    text = "\u00a7\u00a8ng k\u00fd khai sinh \u00e0 \u00b5\u00e0\u00b5"
    assert detect_encoding(text) == UNKNOWN_LEGACY
    with pytest.raises(LegacyEncodingError, match="cannot be converted unambiguously"):
        to_unicode(text)


def test_ambiguous_between_tcvn3_and_vni() -> None:
    # "Cöa" is TCVN3 for "Cửa" (door) and VNI for "Cưa" (saw): refused, with both readings.
    assert detect_encoding("C\u00f6a") == UNKNOWN_LEGACY
    with pytest.raises(LegacyEncodingError, match="both as TCVN3") as info:
        to_unicode("C\u00f6a")
    assert "Cửa" in str(info.value) and "Cưa" in str(info.value)
    # Tone placement settles "Leâ": VNI "Lê"; as TCVN3 it would be "Leõ" (tone on the
    # wrong vowel of "eo").
    assert detect_encoding("Le\u00e2") == VNI
    # "Trî": TCVN3 "Trợ"; VNI would give "Trỵ", not a Vietnamese syllable.
    assert to_unicode("Tr\u00ee") == "Trợ"
    # "tô" is also TCVN3 "tụ" and VNI "tơ": valid Unicode wins.
    assert detect_encoding("t\u00f4") == UNICODE


def test_column_settles_ambiguous_cells() -> None:
    tcvn3_column = ["\u00a7\u00a8ng k\u00fd khai sinh", "C\u00f6a", "B\u00e9", "H\u00e9 t\u00dech", "k\u00fd", "123", ""]
    assert to_unicode_many(tcvn3_column) == [
        "Đăng ký khai sinh", "Cửa", "Bộ", "Hộ tịch", "ký", "123", ""
    ]
    vni_column = ["\u00d1a\u00eang ky\u00f9 khai sinh", "C\u00f6a", "B\u00e9", "Thu\u00fb tu\u00efc"]
    assert to_unicode_many(vni_column) == ["Đăng ký khai sinh", "Cưa", "Bé", "Thủ tục"]
    # A column with provable Unicode keeps its valid-Unicode cells as they are.
    mixed = ["Đăng ký khai sinh", "Bé", "\u00a7\u00a8ng k\u00fd"]
    assert to_unicode_many(mixed) == ["Đăng ký khai sinh", "Bé", "Đăng ký"]
    with pytest.raises(LegacyEncodingError, match="^Item 2: "):
        to_unicode_many(["abc", "C\u00f6a"])
    assert to_unicode_many([]) == []


def test_forced_encoding_rejects_invalid_text() -> None:
    with pytest.raises(LegacyEncodingError, match="not valid VNI"):
        to_unicode("\u00f9abc", VNI)  # a tone mark with no vowel before it
    with pytest.raises(LegacyEncodingError, match="not valid TCVN3"):
        to_unicode("c\u00e0 ph\u00ea", TCVN3)  # à is not a TCVN3 code
    with pytest.raises(ValueError, match="unknown encoding"):
        to_unicode("abc", "viscii")


def test_from_unicode_refuses_colliding_latin1() -> None:
    with pytest.raises(LegacyEncodingError):
        from_unicode("© 2024", TCVN3)
    with pytest.raises(LegacyEncodingError):
        from_unicode("Müller", VNI)
    assert from_unicode("“Hộ tịch” – 2024 €", VNI) == "“Hoä tòch” – 2024 €"
    with pytest.raises(ValueError):
        from_unicode("abc", "unicode")


def test_legacy_error_is_value_error() -> None:
    assert issubclass(LegacyEncodingError, ValueError)


# -------------------------------------------------------------------------- properties

_vn_lower_text = st.text(
    alphabet=st.sampled_from(LOWER_LETTERS + list("abcdefghijklmnopqrstuvwxyz ")),
    max_size=40,
)


@given(_vn_lower_text)
@settings(max_examples=400)
def test_round_trip_tcvn3(text: str) -> None:
    assert to_unicode(from_unicode(text, TCVN3), TCVN3) == text


@given(_vn_lower_text)
@settings(max_examples=400)
def test_round_trip_vni(text: str) -> None:
    assert to_unicode(from_unicode(text, VNI), VNI) == text


@given(st.text(alphabet=st.sampled_from(sorted(VIETNAMESE_LETTERS) + list("abcXYZ ")), max_size=30))
def test_round_trip_vni_any_case(text: str) -> None:
    assert to_unicode(from_unicode(text, VNI), VNI) == text


_WORDS = (
    "đăng ký khai sinh kết hôn tử chứng thực bản sao từ chính giấy tờ văn xác nhận tình trạng "
    "nhân hộ tịch bảo trợ xã hội ủy ban dân thường trú tạm cấp đổi lại trích lục người nước "
    "ngoài quốc thay cải bổ sung thông tin giám nhận cha mẹ con liên thủ tục hành một cửa chữ "
    "hợp đồng giao dịch di chúc thỏa thuận phân chia sản nguyễn trần lê phạm hoàng huỳnh phan "
    "vũ võ đặng bùi đỗ hồ ngô dương lý thị hường đức minh hạnh phúc tuyết quyền giữa nghĩa "
    "khuya thuở gì oanh hoặc khoảng xoong nguệch ngoạc quýt giường khuỷu ngoằn rượu hươu "
    "yêu uống ước huyện tỉnh phường thị trấn ấp thôn bản làng"
).split()


def _phrase(words: list[str], style: str) -> str:
    text = " ".join(words)
    return {"lower": text, "title": text.title(), "upper": text.upper(), "first": text.capitalize()}[
        style
    ]


_phrases = st.builds(
    _phrase,
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8),
    st.sampled_from(["lower", "title", "upper", "first"]),
)


@given(_phrases)
@settings(max_examples=300)
def test_real_vietnamese_unicode_is_never_converted(text: str) -> None:
    assert detect_encoding(text) == UNICODE
    assert to_unicode(text) == text
    assert detect_encoding(unicodedata.normalize("NFD", text)) == UNICODE


_CAPITALS_IN_VNTIME = "ĂÂÊÔƠƯĐ"


def _tcvn3_survivor(text: str) -> str:
    """What TCVN3 can keep of ``text``: capital toned letters become small."""
    return "".join(
        c.lower() if (c in VIETNAMESE_LETTERS and c.isupper() and c not in _CAPITALS_IN_VNTIME) else c
        for c in text
    )


@given(
    st.builds(
        _phrase,
        st.lists(st.sampled_from(_WORDS), min_size=4, max_size=10),
        st.sampled_from(["lower", "title", "first"]),
    ),
    st.sampled_from([TCVN3, VNI]),
)
@example("Ký Ký Ký Ký", TCVN3)  # one capital per word: the same bytes as "KÝ KÝ KÝ KÝ"
@settings(max_examples=300)
def test_legacy_phrases_detected(text: str, encoding: str) -> None:
    if encoding == TCVN3:
        legacy, expected = from_unicode(text, TCVN3, errors="lower"), _tcvn3_survivor(text)
    else:
        legacy, expected = from_unicode(text, VNI), text
    found = detect_encoding(legacy)
    if found == UNICODE:
        # Documented ambiguity: the legacy string is itself valid Unicode Vietnamese
        # (e.g. "ký" is the same in TCVN3), so it is left alone; nothing else may happen.
        assert all(c.isascii() or c in VIETNAMESE_LETTERS for c in legacy)
        assert to_unicode(legacy) == legacy
    elif found == UNKNOWN_LEGACY:
        # Documented ambiguity: every word is Vietnamese in both encodings ("Cöa").
        with pytest.raises(LegacyEncodingError, match="both as TCVN3"):
            to_unicode(legacy)
    else:
        assert found == encoding
        assert to_unicode(legacy) == expected
    # Never the other encoding, and an explicit encoding always converts back.
    assert to_unicode(legacy, encoding) == expected
