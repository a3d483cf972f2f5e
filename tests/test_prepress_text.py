"""Text that copies out of the PDF: shaped scripts as their letters (ActualText), mixed-direction
lines in logical order (python-bidi), on single lines and on the stress event's booklet."""

from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen.canvas import Canvas
from stress_event import NAMES

from printkit.press import fonts, text

# one name per shaped script (fonts.SHAPED)
REFERENCE = {
    "devanagari": "अनन्या शर्मा",
    "bengali": "রবীন্দ্রনাথ ঠাকুর",
    "gurmukhi": "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ",
    "gujarati": "નરેન્દ્ર પટેલ",
    "tamil": "சுப்பிரமணியன்",
    "telugu": "శ్రీనివాస్ రెడ్డి",
    "kannada": "ಕೃಷ್ಣ ಮೂರ್ತಿ",
    "malayalam": "ശ്രീകുമാർ",
    "sinhala": "ශ්\u200dරී ලංකා",
    "thai": "น้ำใจ ปั้นดิ่ง",
    "lao": "ສົມພອນ",
    "khmer": "សុខ ស្រីពៅ",
    "myanmar": "အောင်ဆန်း",
    "arabic": "محمد عبد الله",
    "hebrew": "שרה כהן (דוד)",
}
MIXED = "محمد عبد الله, Müller & Söhne GmbH <Research>"


def _line_pdf(s: str, bold: bool) -> bytes:
    fonts.register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(500, 60), **fonts.canvas_kwargs())
    text.draw_line(c, 10, 20, s, 14, bold=bold)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("script", sorted(REFERENCE))
def test_each_reference_script_extracts_as_its_logical_string(script, bold):
    s = REFERENCE[script]
    doc = pdfium.PdfDocument(_line_pdf(s, bold))
    try:
        assert doc[0].get_textpage().get_text_range() == s
    finally:
        doc.close()


def test_actual_text_wraps_left_to_right_shaped_runs_only():
    def spans(s):
        with pikepdf.open(io.BytesIO(_line_pdf(s, False))) as pdf:
            ops = pikepdf.parse_content_stream(pdf.pages[0])
            return [bytes(o[1].ActualText).decode("utf-16") for o, op in ops if str(op) == "BDC"]

    assert spans("Dr. अनन्या शर्मा") == ["अनन्या शर्मा"]  # the Devanagari run, not the Latin
    assert spans("محمد عبد الله") == []  # readers reorder right-to-left text themselves
    assert spans("Ada Lovelace") == []


def _char_boxes(pdf: bytes) -> list[tuple[str, float, float]]:
    doc = pdfium.PdfDocument(pdf)
    try:
        tp = doc[0].get_textpage()
        out = []
        for i in range(tp.count_chars()):
            ch = tp.get_text_range(i, 1)
            if ch.strip():
                left, _, right, _ = tp.get_charbox(i)
                out.append((ch, left, right))
        return out
    finally:
        doc.close()


@pytest.mark.parametrize("bold", [False, True])
def test_mixed_direction_line_is_drawn_in_logical_order(bold):
    """The issue's line in a left-to-right paragraph: the Arabic name first (leftmost, drawn
    right to left), then the Latin text after it, its brackets in place and not mirrored."""
    boxes = _char_boxes(_line_pdf(MIXED, bold))
    arabic = [b for b in boxes if "\u0600" <= b[0] <= "\u06ff"]
    latin = [b for b in boxes if b[0].isascii() or b[0] in "üö"]
    assert len(arabic) >= 8 and len(latin) > 20
    assert max(r for _, _, r in arabic) <= min(left for _, left, _ in latin) + 0.5
    shown = "".join(ch for ch, _, _ in sorted(latin, key=lambda b: b[1]))
    assert shown.endswith("GmbH<Research>") and shown.startswith(",Müller")


def test_stress_booklet_finds_every_name_and_the_mixed_line(prepress_outputs):
    pdf, _ = prepress_outputs["stress"]["booklet"]
    doc = pdfium.PdfDocument(str(pdf))
    try:
        found = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()
    for key, name in NAMES:
        # the long name wraps over lines; the mixed line is checked by position above (readers
        # reorder a mixed line's extracted text by heuristics of their own)
        if key not in ("long", "mixed"):
            assert name in found, key
    assert "Müller & Söhne GmbH <Research>" in found


def test_emoji_sequences_are_one_cluster_drawn_as_their_base_once_with_one_warning():
    from printkit.errors import Problems
    from printkit.press.emoji import emoji_sequences, font_has_sequence

    flag, wave, coder = "🏳️\u200d⚧️", "👋🏽", "👩\u200d💻"
    s = f"Pride {flag} hi {wave} {coder}"
    assert [s[a:b] for a, b in emoji_sequences(s)] == [flag, wave, coder]
    assert not font_has_sequence(flag)  # the bundled Symbola subset has no sequences
    assert "".join(r.text for r in text.runs(s)) == "Pride 🏳 hi 👋 👩"
    doc = pdfium.PdfDocument(_line_pdf(s, False))
    try:
        got = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    assert got.count("🏳") == 1 and "⚧" not in got and got.count("👩") == 1 and "💻" not in got
    problems = Problems()
    for _ in range(3):  # the same name on three badges: one warning per sequence
        text.warn_missing(s, problems, "name")
    assert len(problems.warnings) == 3
    assert all("base emoji" in str(w) for w in problems.warnings)
