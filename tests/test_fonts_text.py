"""Fonts and text: script runs, bidi order, shaping, measuring, embedding, and how lines look.

Reference images live in tests/reference/; regenerate them only on purpose with
PRINTKIT_UPDATE_REFERENCES=1 pytest tests/test_fonts_text.py (then LOOK at them).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from printkit.errors import Problems
from printkit.press import fonts, text
from printkit.press.text import Run, draw_line, initials, measure, missing_chars, runs

REFERENCE = Path(__file__).parent / "reference"
REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
UPDATE = os.environ.get("PRINTKIT_UPDATE_REFERENCES") == "1"

SAMPLES = {
    "arabic": "محمد عبد الله",
    "devanagari": "देवनागरी हिन्दी",
    "cjk": "胡玮文",
    "cyrillic": "Бого Шопов",
    "latin": "Ana María Núñez-Ölçer",
    "mixed": "مرحبا Room 101 شكرا",
    "hebrew": "שרה כהן (דוד)",
    "bengali": "রবীন্দ্রনাথ ঠাকুর",
    "thai": "น้ำใจ ปั้นดิ่ง",
    "emoji": "RISC‑V 🚀 ✨🐧",
}
SIZE = 28
PAGE = (320, 48)
SCALE = 2  # 144 dpi
# Mean absolute grey difference (0-255) tolerated against a reference. Same
# rendering gives 0; a wrong font or unshaped Arabic gives well above this
# (checked by test_references_catch_wrong_rendering).
TOLERANCE = 2.0


def _pdf(draw) -> bytes:
    fonts.register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=PAGE, **fonts.canvas_kwargs())
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _line_pdf(s: str, bold: bool = False) -> bytes:
    return _pdf(lambda c: draw_line(c, 10, 16, s, SIZE, bold=bold))


def _raster(pdf: bytes) -> Image.Image:
    doc = pdfium.PdfDocument(pdf)
    try:
        return doc[0].render(scale=SCALE, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


def _diff(a: Image.Image, b: Image.Image) -> float:
    return ImageStat.Stat(ImageChops.difference(a, b)).mean[0]


def _ink_columns(img: Image.Image) -> tuple[float, float]:
    """Leftmost and rightmost inked x, in points."""
    bbox = Image.eval(img, lambda v: 255 - v).point(lambda v: 255 if v > 64 else 0).getbbox()
    assert bbox, "nothing was drawn"
    return bbox[0] / SCALE, bbox[2] / SCALE


# --- fonts ---------------------------------------------------------------


def test_register_fonts_is_idempotent():
    fonts.register_fonts(everything=True)
    fonts.register_fonts(everything=True)
    from reportlab.pdfbase import pdfmetrics

    for name in fonts.FILES:
        assert pdfmetrics.getFont(name).fontName == name


def test_fallback_chain_order():
    chain = fonts.FALLBACK_CHAIN()
    assert chain[:4] == ["PK-Sans", "PK-Arabic", "PK-Hebrew", "PK-Devanagari"]
    assert chain[-2:] == ["PK-CJK", "PK-Emoji"]
    assert len(chain) == len(set(chain)) == 21
    bold = fonts.FALLBACK_CHAIN(True)
    assert bold[:3] == ["PK-Sans-Bold", "PK-Arabic-Bold", "PK-Hebrew-Bold"]
    assert "PK-Sinhala" in bold and bold[-2:] == ["PK-CJK", "PK-Emoji"]
    assert set(chain) | set(bold) == set(fonts.FILES)


def test_fonts_load_lazily_and_cache_their_coverage(tmp_path):
    code = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from printkit.press import fonts, text\n"
        "text.measure('Ana María', 10)\n"
        "print(sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith('PK-')))\n"
        "print(fonts.has_glyph('PK-CJK', '胡'), fonts.has_glyph('PK-Thai', 'ก'))\n"
        "print('PK-CJK' in pdfmetrics.getRegisteredFontNames())\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    outs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    # The first process parses every font to build the cache; the next one only PK-Sans.
    assert [o.returncode for o in outs] == [0, 0], outs[0].stderr + outs[1].stderr
    assert outs[0].stdout.splitlines()[1:] == ["True True", "True"]
    assert outs[1].stdout.splitlines() == ["['PK-Sans', 'PK-Sans-Bold']", "True True", "False"]
    (cache,) = (tmp_path / "printkit").glob("font-coverage-*.json")
    ranges = json.loads(cache.read_text())["ranges"]
    assert set(ranges) == set(fonts.FILES)
    fonts.register_fonts(everything=True)
    for name in ("PK-Emoji", "PK-Hebrew", "PK-CJK"):
        assert fonts.cmap(name) == {c for lo, hi in ranges[name] for c in range(lo, hi + 1)}


def test_bundled_fonts_are_truetype_and_small():
    from printkit.resources import asset

    paths = {f: asset("fonts", f) for f, _ in fonts.FILES.values()}
    for path in paths.values():
        assert path.read_bytes()[:4] in (b"\x00\x01\x00\x00", b"ttcf"), path
    assert paths["Symbola-Emoji.ttf"].stat().st_size < 2_000_000


def test_has_glyph():
    assert fonts.has_glyph("PK-Sans", "Ж")
    assert not fonts.has_glyph("PK-Sans", "胡")
    assert fonts.has_glyph("PK-CJK", "胡")
    assert fonts.has_glyph("PK-Arabic", "م")
    assert fonts.has_glyph("PK-Devanagari", "क")
    assert not fonts.has_glyph("PK-Devanagari", "م")


# --- runs ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("s", "font"),
    [
        ("胡玮文", "PK-CJK"),
        ("محمد عبد الله", "PK-Arabic"),
        ("देवनागरी", "PK-Devanagari"),
        ("Ana María Núñez-Ölçer", "PK-Sans"),
        ("Бого Шопов", "PK-Sans"),
        ("Ελένη Παπαδοπούλου", "PK-Sans"),
        ("שרה כהן", "PK-Hebrew"),
        ("สมชาย ใจดี", "PK-Thai"),
        ("রবীন্দ্রনাথ ঠাকুর", "PK-Bengali"),
        ("சுப்பிரமணியன்", "PK-Tamil"),
        ("వెంకటేశ్వర", "PK-Telugu"),
        ("નરેન્દ્ર", "PK-Gujarati"),
        ("ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "PK-Gurmukhi"),
        ("ಕುವೆಂಪು", "PK-Kannada"),
        ("മോഹൻലാൽ", "PK-Malayalam"),
        ("ශ්‍රී ලංකා", "PK-Sinhala"),
        ("ნინო ბერიძე", "PK-Georgian"),
        ("Արամ Խաչատրյան", "PK-Armenian"),
        ("ኃይለ ሥላሴ", "PK-Ethiopic"),
        ("សុខ ចាន់", "PK-Khmer"),
        ("ສົມພອນ", "PK-Lao"),
        ("အောင်ဆန်း", "PK-Myanmar"),
        ("🚀✨🐧", "PK-Emoji"),
    ],
)
def test_runs_pick_the_script_font(s, font):
    (run,) = runs(s)
    assert run == Run(s, font, font in ("PK-Arabic", "PK-Hebrew"))
    (bold,) = runs(s, bold=True)
    no_bold = ("PK-CJK", "PK-Sinhala", "PK-Ethiopic", "PK-Emoji")
    assert bold.font == (font if font in no_bold else font + "-Bold")


def test_emoji_in_a_latin_title_get_the_emoji_font():
    assert [(r.text, r.font) for r in runs("Linux on RISC‑V 🚀")] == [
        ("Linux on RISC‑V ", "PK-Sans"),
        ("🚀", "PK-Emoji"),
    ]
    # ZWJ and skin-tone sequences print as their base emoji (press/emoji.py); no glyph missing.
    assert missing_chars("🏳️\u200d⚧️🏴\u200d☠️ 👋🏽") == ""
    assert text._glyphs("👋🏽", "PK-Emoji", False)[0] == "👋"


def test_hebrew_is_drawn_right_to_left():
    s = "שרה כהן (דוד)"
    doc = pdfium.PdfDocument(_line_pdf(s))
    try:
        page = doc[0].get_textpage()
        xs = {}
        for i in range(page.count_chars()):
            ch = page.get_text_range(i, 1)
            if ch.strip():
                xs.setdefault(ch, page.get_charbox(i)[0])
    finally:
        doc.close()
    # First logical word rightmost, the bracketed word leftmost; letters right to left.
    assert xs["ש"] > xs["ר"] > xs["ה"] > xs["כ"] > xs["ן"] > xs["ד"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Ana María Бого 胡玮文 محمد عبد देवनागरी 0123 ()-.,!١٢")),
        max_size=30,
    )
)
def test_runs_keep_every_character_in_a_font_that_has_it(s):
    rs = runs(s)
    assert sorted("".join(r.text for r in rs)) == sorted(s)
    for r in rs:
        assert r.text
        for ch in r.text:
            assert ch == " " or fonts.has_glyph(r.font, ch), (ch, r)


def test_bold_tag_works_in_paragraphs():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    def draw(c):
        para = Paragraph("Ana <b>María</b>", ParagraphStyle("x", fontName="PK-Sans"))
        para.wrapOn(c, 200, 40)
        para.drawOn(c, 10, 10)

    page = PdfReader(io.BytesIO(_pdf(draw))).pages[0]
    names = {
        str(f.get_object()["/BaseFont"]).split("+")[-1]
        for f in page["/Resources"]["/Font"].values()
    }
    assert names == {"NotoSans-Regular", "NotoSans-Bold"}


def test_mixed_line_splits_by_script():
    assert [(r.text, r.font) for r in runs("Li 李明 Wang")] == [
        ("Li ", "PK-Sans"),
        ("李明 ", "PK-CJK"),
        ("Wang", "PK-Sans"),
    ]


def test_rtl_line_runs_in_visual_order():
    # A right-to-left paragraph: the last logical word is drawn first (leftmost).
    assert [(r.text, r.font, r.rtl) for r in runs("مرحبا Room 101 شكرا", rtl=True)] == [
        (" شكرا", "PK-Arabic", True),
        ("Room ", "PK-Sans", False),
        ("101", "PK-Sans", False),
        ("مرحبا ", "PK-Arabic", True),
    ]
    # The layout's default is a left-to-right paragraph, whatever the first letter.
    assert [(r.text, r.rtl) for r in runs("مرحبا Room 101 شكرا")] == [
        ("مرحبا", True),
        (" Room 101 ", False),
        ("شكرا", True),
    ]


def test_ltr_line_keeps_arabic_inside_in_place():
    rs = runs("Dr. محمد Ali")
    assert [r.font for r in rs] == ["PK-Sans", "PK-Arabic", "PK-Sans"]
    assert rs[1].rtl and not rs[0].rtl


def test_numbers_inside_arabic_read_left_to_right():
    rs = runs("رقم ١٢٣ و 456")
    assert [(r.text, r.rtl) for r in rs] == [
        ("456", False),
        (" و ", True),
        ("١٢٣", False),
        ("رقم ", True),
    ]
    # A digit run is drawn as is (HarfBuzz would reverse Arabic-Indic digits).
    assert text._glyphs("١٢٣", "PK-Arabic", False)[0] == "١٢٣"


def test_brackets_mirror_in_right_to_left_runs():
    rs = runs("(محمد)", rtl=True)
    assert [r.text for r in rs] == [")", "محمد", "("]
    assert [text._glyphs(r.text, r.font, r.rtl)[0] for r in (rs[0], rs[2])] == ["(", ")"]
    # in a left-to-right paragraph the brackets around an Arabic name stay left to right
    assert [(r.text, r.rtl) for r in runs("(محمد)")] == [("(", False), ("محمد", True), (")", False)]


def test_mixed_direction_line_keeps_logical_order():
    """The issue's line: an Arabic name, then Latin; the Latin part is neither moved nor mirrored."""
    rs = runs("محمد عبد الله, Müller & Söhne GmbH <Research>")
    assert [(r.text, r.rtl) for r in rs] == [
        ("محمد عبد الله", True),
        (", Müller & Söhne GmbH <Research>", False),
    ]
    assert text._glyphs(rs[1].text, rs[1].font, rs[1].rtl)[0].endswith("<Research>")


def test_bidi_levels_follow_the_full_algorithm():
    # brackets pair with their content (N0), numbers after Arabic stay at level 2, isolates
    assert text.bidi_levels("a (ب) c") == [0, 0, 0, 1, 0, 0, 0]
    assert text.bidi_levels("ب 12") == [1, 1, 2, 2]
    assert text.bidi_levels("ab \u2067ج d\u2069 e") == [0, 0, 0, 0, 1, 1, 2, 0, 0, 0]


def test_decomposed_accents_are_composed():
    (run,) = runs("Nu\u0301n\u0303ez")
    assert run.text == "Núñez" and run.font == "PK-Sans"


NO_GLYPH = "\U0001fae8"  # SHAKING FACE (Unicode 15): in no bundled font


def test_missing_chars():
    assert missing_chars("Ana María") == ""
    assert missing_chars("👩\u200d💻 Zoë\ufe0f שלום") == ""
    assert missing_chars(f"Ana {NO_GLYPH} \ue000 {NO_GLYPH}") == NO_GLYPH + "\ue000"


def test_characters_without_a_glyph_are_left_out_not_boxed():
    s = f"Ana{NO_GLYPH} Li 李{NO_GLYPH}"
    assert "".join(r.text for r in runs(s)) == "Ana Li 李"
    assert measure(s, 10) == measure("Ana Li 李", 10)


def test_warn_missing_names_the_text():
    problems = Problems()
    assert not text.warn_missing("Ana 🙂", problems, "attendees.csv:3: name")
    assert text.warn_missing(f"Ana {NO_GLYPH}\ue000 {NO_GLYPH}", problems, "attendees.csv:4: name")
    # one warning per character, with a count and the first place it occurs
    assert text.warn_missing(f"Bo {NO_GLYPH}", problems, "attendees.csv:9: name")
    a, b = problems.warnings
    assert f"{NO_GLYPH} (U+1FAE8) has no glyph and was left out 3 times" in str(a)
    assert "(U+E000) has no glyph and was left out once" in str(b)
    assert f'first in "Ana {NO_GLYPH}' in str(a) and "Bo" not in str(a)
    assert str(a).startswith("attendees.csv:4: name: warning:")


def _realdata_strings():
    """Person names and titles of every real schedule export."""
    keys = {"title", "subtitle", "name", "public_name", "fullName", "firstName", "lastName"}

    def walk(o, key=None):
        if isinstance(o, dict):
            for k, v in o.items():
                yield from walk(v, k)
        elif isinstance(o, list):
            for v in o:
                yield from walk(v, key)
        elif isinstance(o, str) and key in keys:
            yield o

    for path in sorted(REALDATA.glob("*.xml")):
        for el in ET.parse(path).iter():
            if el.tag in ("title", "subtitle", "person") and el.text:
                yield path.name, el.text
    for path in sorted(REALDATA.glob("*.json")):
        for s in walk(json.loads(path.read_text(encoding="utf-8"))):
            yield path.name, s


# Characters of real names and titles no bundled font has (none so far).
KNOWN_MISSING: set[str] = set()


@pytest.mark.skipif(not REALDATA.is_dir(), reason="shared/realdata is absent")
def test_real_names_and_titles_have_every_glyph():
    seen = 0
    missing = {}
    for source, s in _realdata_strings():
        seen += 1
        for ch in missing_chars(s):
            missing.setdefault(ch, f"{source}: {s}")
    assert seen > 1000
    assert set(missing) <= KNOWN_MISSING, missing


# --- measuring -----------------------------------------------------------


def test_measure_is_linear_and_cached():
    a = measure("Ana María", 10)
    assert measure("Ana María", 20) == pytest.approx(2 * a)
    assert measure("", 12) == 0
    assert measure("Ana", 12, bold=True) > measure("Ana", 12)


def test_shaped_width_differs_from_unshaped():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    s = SAMPLES["arabic"]
    assert measure(s, 10) != pytest.approx(stringWidth(s, "PK-Arabic", 10), abs=0.01)


@pytest.mark.parametrize("name", sorted(SAMPLES))
@pytest.mark.parametrize("align", ["left", "center", "right"])
def test_drawn_ink_matches_measure(name, align):
    s = SAMPLES[name]
    x = {"left": 10, "center": 160, "right": 310}[align]
    width = {}

    def draw(c):
        width["w"] = draw_line(c, x, 16, s, SIZE, align=align)

    left, right = _ink_columns(_raster(_pdf(draw)))
    w = width["w"]
    assert w == pytest.approx(measure(s, SIZE))
    start = {"left": x, "center": x - w / 2, "right": x - w}[align]
    slack = 0.12 * SIZE  # side bearings
    assert start - 1 <= left <= start + slack
    assert start + w - slack <= right <= start + w + 1


def test_initials():
    assert initials("Ana María Núñez-Ölçer") == "AN"
    assert initials("бого шопов") == "БШ"
    assert initials("胡玮文") == "胡"
    assert initials("Cher") == "C"
    assert initials("محمد عبد الله") == "م\u200cا"
    assert initials("  ") == ""


def test_metrics():
    assert 0.6 < text.cap_height(1) < 0.8
    assert text.ascent(10) > text.cap_height(10)
    assert text.descent(10) > 0
    assert text.line_height(10) == pytest.approx(12)
    assert text.size_for_cap_height(text.cap_height(23)) == pytest.approx(23)


# --- PDF: fonts embedded, no Helvetica -----------------------------------


def test_every_font_embedded_and_no_helvetica():
    def draw(c):
        for i, s in enumerate(SAMPLES.values()):
            draw_line(c, 10, 40 - i * 6, s, 5)

    reader = PdfReader(io.BytesIO(_pdf(draw)))
    names = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
    assert not any("Helvetica" in n for n in names)
    assert {n.split("+", 1)[1] for n in names} >= {
        "NotoSans-Regular",
        "NotoSansArabic-Regular",
        "NotoSansDevanagari-Regular",
        "NotoSansHebrew-Regular",
        "NotoSansBengali-Regular",
        "NotoSansThai-Regular",
        "Symbola",
        "WenQuanYiMicroHei-0",
    }
    extracted = reader.pages[0].extract_text()
    assert "Бого Шопов" in extracted and "胡玮文" in extracted


def _texts(pdf: bytes) -> tuple[str, str]:
    """The first page's text as pypdf and as pdfium extract it."""
    doc = pdfium.PdfDocument(pdf)
    try:
        by_pdfium = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text(), by_pdfium


def test_emoji_copy_out_of_the_pdf_as_emoji():
    for extracted in _texts(_line_pdf("Linux 🚀 ✨")):
        assert "Linux" in extracted
        assert "🚀" in extracted and "✨" in extracted
        assert "\u1f68" not in extracted  # U+1F680 read as four hex digits: "Ὠ"


def test_to_unicode_cmap_writes_surrogate_pairs():
    cmap = fonts.to_unicode_cmap("X+Font", [0x41, 0x1F680, 0xE000], {0xE000: "न्"})
    assert "<00> <0041>" in cmap
    assert "<01> <D83DDE80>" in cmap
    assert "<02> <0928094D>" in cmap
    assert "<00> <02>" in cmap  # codespace covers the three codes


def test_shaped_devanagari_copies_out_as_letters_not_private_use():
    by_pypdf, by_pdfium = _texts(_line_pdf("देवनागरी हिन्दी"))
    for extracted in (by_pypdf, by_pdfium):
        assert not [c for c in extracted if 0xE000 <= ord(c) <= 0xF8FF], extracted
        assert "देवनागरी" in extracted
    # pdfium reads the run's /ActualText: the logical string, pre-base vowel sign after its
    # consonant; pypdf ignores ActualText and gives glyph order (the sign before it)
    assert by_pdfium == "देवनागरी हिन्दी"
    assert "िह" in by_pypdf


def test_arabic_copies_out_as_its_letters():
    for extracted in _texts(_line_pdf("محمد عبد الله")):
        # pypdf gives presentation forms; compatibility-normalized they are the letters
        assert "محمد" in unicodedata.normalize("NFKC", extracted)


# --- how it looks: reference images ---------------------------------------


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_matches_reference_image(name):
    if name == "emoji":
        pytest.skip("emoji are checked by runs and embedding, not by a reference image")
    img = _raster(_line_pdf(SAMPLES[name]))
    path = REFERENCE / f"text-{name}.png"
    if UPDATE:
        REFERENCE.mkdir(exist_ok=True)
        img.save(path, optimize=True)
    if not path.exists():
        pytest.fail(f"{path} missing; run with PRINTKIT_UPDATE_REFERENCES=1 and look at it")
    ref = Image.open(path).convert("L")
    assert ref.size == img.size
    assert _diff(img, ref) <= TOLERANCE


def _unshaped_arabic(c):
    # What drawString does without rlbidi: logical order, isolated letter forms.
    c.setFont("PK-Arabic", SIZE)
    c.drawString(10, 16, SAMPLES["arabic"])


def _latin_in_cjk_font(c):
    c.setFont("PK-CJK", SIZE)
    c.drawString(10, 16, SAMPLES["latin"])


def _devanagari_unshaped(c):
    c.setFont("PK-Devanagari", SIZE)
    c.drawString(10, 16, SAMPLES["devanagari"])


def _hebrew_logical_order(c):
    # Hebrew drawn left to right, as drawString does.
    c.setFont("PK-Hebrew", SIZE)
    c.drawString(10, 16, SAMPLES["hebrew"])


def _bengali_unshaped(c):
    c.setFont("PK-Bengali", SIZE)
    c.drawString(10, 16, SAMPLES["bengali"])


def _thai_unshaped(c):
    c.setFont("PK-Thai", SIZE)
    c.drawString(10, 16, SAMPLES["thai"])


@pytest.mark.parametrize(
    ("name", "wrong"),
    [
        ("arabic", _unshaped_arabic),
        ("latin", _latin_in_cjk_font),
        ("devanagari", _devanagari_unshaped),
        ("hebrew", _hebrew_logical_order),
        ("bengali", _bengali_unshaped),
        ("thai", _thai_unshaped),
    ],
)
def test_references_catch_wrong_rendering(name, wrong):
    fonts.register_fonts(everything=True)
    ref = Image.open(REFERENCE / f"text-{name}.png").convert("L")
    assert _diff(_raster(_pdf(wrong)), ref) > 2 * TOLERANCE


def _text_object_ops(c, x, y, s, size):
    """What ReportLab's own text object writes for a line (the slow path draw_line replaces)."""
    t = c.beginText(x, y)
    font = None
    for r in text._runs(s, False):
        glyphs = text._glyphs(r.text, r.font, r.rtl)[0]
        if glyphs:
            if r.font != font:
                t.setFont(r.font, size)
                font = r.font
            t.textOut(glyphs)
    c.drawText(t)
    return c._code[-1]


@pytest.mark.parametrize(
    "s", ["Ana María Núñez-Ölçer", "RISC‑V 🚀 ✨🐧", "שרה כהן (דוד)", "a(b)c\\d 胡玮文"]
)
def test_draw_line_writes_what_the_text_object_would(s):
    fonts.register_fonts()
    ours = Canvas(io.BytesIO(), **fonts.canvas_kwargs())
    draw_line(ours, 10.5, 20.25, s, 13.3)
    theirs = Canvas(io.BytesIO(), **fonts.canvas_kwargs())
    assert ours._code[-1] == _text_object_ops(theirs, 10.5, 20.25, s, 13.3)


# -- subset tags -----------------------------------------------------------------


def _press_fonts(path: Path, title: str) -> tuple[list[str], bytes]:
    from printkit.press import Press

    with Press(path, (105 * 72 / 25.4, 148 * 72 / 25.4), "shop", title=title,
               problems=Problems()) as press:  # fmt: skip
        press.add(lambda s: (s.text(20, 200, "Ada Lovelace", 14, bold=True),
                             s.text(20, 160, "Ada Lovelace مرحبا 日本", 12)))  # fmt: skip
    names = [
        str(f.get_object()["/BaseFont"]).lstrip("/")
        for f in PdfReader(str(path)).pages[0]["/Resources"]["/Font"].values()
    ]
    return sorted(names), path.read_bytes()


def test_subset_tags_differ_per_font_and_document_and_repeat(tmp_path):
    names, data = _press_fonts(tmp_path / "a.pdf", "Badges")
    assert len(names) >= 4  # sans, sans bold, Arabic, CJK
    tags = [n.split("+")[0] for n in names]
    assert all(len(t) == 6 and t.isalpha() and t.isupper() for t in tags), names
    assert len(set(tags)) == len(tags), names  # no two fonts share a tag
    again, data2 = _press_fonts(tmp_path / "b.pdf", "Badges")
    assert again == names and data2 == data  # the same run gives the same bytes
    other, _ = _press_fonts(tmp_path / "c.pdf", "Signs")
    assert not {n.split("+")[0] for n in other} & set(tags)  # another document, other tags
    assert fonts.subset_tag("PK-Sans", 0, "x") != fonts.subset_tag("PK-Sans", 1, "x")
