"""Bundled TTF files → registered ReportLab fonts (once per process) and fast glyph lookups.

Names: PK-Sans / PK-Sans-Bold (Noto Sans: Latin, Greek, Cyrillic),
PK-Arabic / PK-Arabic-Bold, PK-Devanagari / PK-Devanagari-Bold (Noto) and
PK-CJK (WenQuanYi Micro Hei, face 0 of the TTC; it has no bold, so bold CJK
uses it too). A font family makes ``<b>`` work for PK-Sans in paragraphs.

No document may reference ReportLab's unembedded Helvetica. Create canvases
with ``Canvas(..., initialFontName=REGULAR)`` (or call ``set_default_fonts``)
and platypus templates with ``BaseDocTemplate(..., initialFontName=REGULAR)``
(``canvas_kwargs()`` / ``doc_kwargs()``). ``rl_config.canvas_basefontname``
is the process-wide equivalent; printkit does not change global settings.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from printkit.resources import asset

REGULAR = "PK-Sans"
BOLD = "PK-Sans-Bold"
ARABIC = "PK-Arabic"
ARABIC_BOLD = "PK-Arabic-Bold"
DEVANAGARI = "PK-Devanagari"
DEVANAGARI_BOLD = "PK-Devanagari-Bold"
CJK = "PK-CJK"

# ReportLab name → (file under assets/fonts, TTC face index)
FILES: dict[str, tuple[str, int]] = {
    REGULAR: ("NotoSans-Regular.ttf", 0),
    BOLD: ("NotoSans-Bold.ttf", 0),
    ARABIC: ("NotoSansArabic-Regular.ttf", 0),
    ARABIC_BOLD: ("NotoSansArabic-Bold.ttf", 0),
    DEVANAGARI: ("NotoSansDevanagari-Regular.ttf", 0),
    DEVANAGARI_BOLD: ("NotoSansDevanagari-Bold.ttf", 0),
    CJK: ("wqy-microhei.ttc", 0),
}

# Fonts whose text goes through HarfBuzz (joining forms, conjuncts, marks).
SHAPED = frozenset({ARABIC, ARABIC_BOLD, DEVANAGARI, DEVANAGARI_BOLD})

_CMAPS: dict[str, frozenset[int]] = {}


def register_fonts() -> None:
    """Register every bundled font with ReportLab; cheap after the first call."""
    if _CMAPS:
        return
    cmaps = {}
    for name, (filename, index) in FILES.items():
        try:
            font = pdfmetrics.getFont(name)
        except KeyError:
            font = TTFont(name, str(asset("fonts", filename)), subfontIndex=index)
            pdfmetrics.registerFont(font)
        # Snapshot the cmap now: shaping later adds private-use code points to it.
        cmaps[name] = frozenset(c for c in font.face.charToGlyph if not 0xE000 <= c <= 0xF8FF)
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    _CMAPS.update(cmaps)


def FALLBACK_CHAIN(bold: bool = False) -> list[str]:  # noqa: N802 - the brief's name
    """Fonts to try for a run, in order: sans, arabic, devanagari, cjk."""
    return list(_chain(bool(bold)))


@cache
def _chain(bold: bool) -> tuple[str, ...]:
    if bold:
        return (BOLD, ARABIC_BOLD, DEVANAGARI_BOLD, CJK)
    return (REGULAR, ARABIC, DEVANAGARI, CJK)


def cmap(font_name: str) -> frozenset[int]:
    """Code points the font maps to a glyph."""
    register_fonts()
    return _CMAPS[font_name]


def has_glyph(font_name: str, char: str) -> bool:
    """True when `font_name` has a glyph for the single character `char`."""
    register_fonts()
    return ord(char) in _CMAPS[font_name]


def canvas_kwargs() -> dict:
    """Keyword arguments for ``Canvas(...)`` so no Helvetica is referenced."""
    register_fonts()
    return {"initialFontName": REGULAR}


def doc_kwargs() -> dict:
    """Keyword arguments for platypus ``BaseDocTemplate(...)``: TTF base font."""
    register_fonts()
    return {"initialFontName": REGULAR}


def set_default_fonts(canvas, size: float = 10) -> None:
    """Make PK-Sans the canvas' current font (for canvases made without initialFontName)."""
    register_fonts()
    canvas.setFont(REGULAR, size)
