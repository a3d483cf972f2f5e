"""Bundled TTF files → ReportLab fonts registered on first use, and fast glyph lookups.

Names: PK-Sans / PK-Sans-Bold (Noto Sans: Latin, Greek, Cyrillic), one
PK-<Script> / PK-<Script>-Bold pair per other script (Noto: Arabic, Hebrew,
Indic scripts, Thai, Lao, Khmer, Myanmar, Georgian, Armenian, Ethiopic),
PK-CJK (WenQuanYi Micro Hei, face 0 of the TTC) and PK-Emoji (a subset of
Symbola: monochrome emoji, pictographs, arrows, dingbats). Scripts without a
bundled bold (CJK, Sinhala, Ethiopic, Emoji) use the regular face for bold.
A font family makes ``<b>`` work for PK-Sans in paragraphs.

PK-Sans is registered by ``register_fonts()``; every other font only when
``ensure(name)`` is called (text.py does before drawing or measuring a run),
so a Latin job never parses the 5 MB CJK file. Which code points each file
covers (``cmap``) comes from a small JSON built once in the user cache dir
($XDG_CACHE_HOME/printkit, else ~/.cache/printkit), keyed by file sizes.

No document may reference ReportLab's unembedded Helvetica. Create canvases
with ``Canvas(..., initialFontName=REGULAR)`` (or call ``set_default_fonts``)
and platypus templates with ``BaseDocTemplate(..., initialFontName=REGULAR)``
(``canvas_kwargs()`` / ``doc_kwargs()``). ``rl_config.canvas_basefontname``
is the process-wide equivalent; printkit does not change global settings.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, makeToUnicodeCMap

from printkit.resources import asset

REGULAR = "PK-Sans"
BOLD = "PK-Sans-Bold"
ARABIC = "PK-Arabic"
ARABIC_BOLD = "PK-Arabic-Bold"
DEVANAGARI = "PK-Devanagari"
DEVANAGARI_BOLD = "PK-Devanagari-Bold"
CJK = "PK-CJK"
EMOJI = "PK-Emoji"

# Script → (Noto file stem, has a bold file), in fallback-chain order after PK-Sans.
_NOTO: tuple[tuple[str, bool], ...] = (
    ("Arabic", True),
    ("Hebrew", True),
    ("Devanagari", True),
    ("Bengali", True),
    ("Gurmukhi", True),
    ("Gujarati", True),
    ("Tamil", True),
    ("Telugu", True),
    ("Kannada", True),
    ("Malayalam", True),
    ("Sinhala", False),
    ("Thai", True),
    ("Lao", True),
    ("Khmer", True),
    ("Myanmar", True),
    ("Georgian", True),
    ("Armenian", True),
    ("Ethiopic", False),
)

# ReportLab name → (file under assets/fonts, TTC face index)
FILES: dict[str, tuple[str, int]] = {
    REGULAR: ("NotoSans-Regular.ttf", 0),
    BOLD: ("NotoSans-Bold.ttf", 0),
}
# Script name (lower case, as text.py names them) → (regular, bold) font names.
SCRIPT_FONTS: dict[str, tuple[str, str]] = {"latin": (REGULAR, BOLD)}
for _script, _has_bold in _NOTO:
    _name = f"PK-{_script}"
    FILES[_name] = (f"NotoSans{_script}-Regular.ttf", 0)
    if _has_bold:
        FILES[_name + "-Bold"] = (f"NotoSans{_script}-Bold.ttf", 0)
    SCRIPT_FONTS[_script.lower()] = (_name, _name + "-Bold" if _has_bold else _name)
FILES[CJK] = ("wqy-microhei.ttc", 0)
FILES[EMOJI] = ("Symbola-Emoji.ttf", 0)
SCRIPT_FONTS["cjk"] = (CJK, CJK)
SCRIPT_FONTS["emoji"] = (EMOJI, EMOJI)

# Fonts whose text goes through HarfBuzz (joining forms, conjuncts, marks, reordering).
SHAPED = frozenset(
    name
    for script, pair in SCRIPT_FONTS.items()
    if script not in ("latin", "cjk", "emoji", "georgian", "armenian", "ethiopic")
    for name in pair
)
# Fonts for right-to-left scripts.
RTL = frozenset(SCRIPT_FONTS["arabic"] + SCRIPT_FONTS["hebrew"])

_CMAPS: dict[str, frozenset[int]] = {}
_REGISTERED: set[str] = set()
_CACHE_VERSION = 1


def ensure(name: str) -> None:
    """Register the bundled font `name` with ReportLab unless it already is."""
    if name in _REGISTERED:
        return
    if name not in (REGULAR, BOLD):
        register_fonts()  # PK-Sans and its <b> family come first
    filename, index = FILES[name]
    # Only a font already registered: getFont would first search every Type 1 AFM
    # file on ReportLab's path for the name (about 0.1 s a font) before failing.
    if name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
    else:
        font = UnicodeTTFont(name, str(asset("fonts", filename)), subfontIndex=index)
        pdfmetrics.registerFont(font)
    if name not in _CMAPS:
        # Snapshot the cmap now: shaping later adds private-use code points to it.
        _CMAPS[name] = _own_cmap(font)
    _REGISTERED.add(name)


class UnicodeTTFont(TTFont):
    """A TTFont whose ToUnicode CMap lets text be copied out: emoji and shaped glyphs included.

    ReportLab 5.1 writes code points above U+FFFF as five hex digits
    (``<1F680>``, read as U+1F68 + junk); here they are UTF-16 surrogate pairs
    (``<D83DDE80>``). Glyphs HarfBuzz reached through private-use code points
    (Devanagari half forms, reordered vowel signs) map to the text they stand
    for when text.py named it with ``name_glyph``.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.glyph_text: dict[int, str] = {}

    def addObjects(self, doc):  # noqa: N802 - ReportLab's name
        """ReportLab's subset fonts, with a tag of our own per subset and our ToUnicode CMap.

        ReportLab tags subset n of every font the same way (AAAAAA+, AAAAAB+, …),
        so two fonts in one file, or the same font in two merged files, clash.
        """
        state = self.state.get(doc)
        if state is None:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        title = _document_title(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for n, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(n, doc)[1:]
            tag = subset_tag(self.fontName, n, title)
            base = (tag.encode() + b"+" + self.face.name + self.face.subfontNameX).decode("pdfdoc")
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal
            font.BaseFont = base
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
            cmap = pdfdoc.PDFStream()
            if any(c > 0xFFFF or c in self.glyph_text for c in subset):
                cmap.content = to_unicode_cmap(base, subset, self.glyph_text)
            else:  # ReportLab's CMap is right for these
                cmap.content = makeToUnicodeCMap(base, subset)
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base)
            font.FontDescriptor = self.face.addSubsetObjects(doc, base, subset)
            doc.Reference(font, internal)
            fonts[internal] = font
        del self.state[doc]


def subset_tag(font_name: str, subset: int, title: str) -> str:
    """Six capital letters for a subset font's name: the same inputs, the same tag."""
    digest = hashlib.sha256(f"{font_name}\0{subset}\0{title}".encode()).digest()
    return "".join(chr(65 + b % 26) for b in digest[:6])


def _document_title(doc) -> str:
    """The title the press gave the document (seeds subset tags), else ReportLab's Info title."""
    title = getattr(doc, "printkit_title", None)
    if title is None:
        title = getattr(getattr(doc, "info", None), "title", None)
    return str(title or "")


def to_unicode_cmap(fontname: str, subset: list[int], names: dict[int, str]) -> str:
    """A ToUnicode CMap for one ≤256-glyph subset: code i → UTF-16BE of subset[i] (or its name)."""
    pairs = [
        f"<{i:02X}> <{(names.get(c) or chr(c)).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
        for i, c in enumerate(subset)
    ]
    blocks = []
    for at in range(0, len(pairs), 100):  # at most 100 entries per block
        chunk = pairs[at : at + 100]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            *blocks,
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def name_glyph(font_name: str, glyph: str, text: str) -> None:
    """Record that the private-use `glyph` of a shaped run stands for `text` (first name wins)."""
    font = pdfmetrics.getFont(font_name)
    if isinstance(font, UnicodeTTFont) and text:
        font.glyph_text.setdefault(ord(glyph), text)


def glyph_names(font_name: str) -> dict[int, str]:
    """Private-use code point → text, for the glyphs of `font_name` named so far."""
    font = pdfmetrics.getFont(font_name)
    return font.glyph_text if isinstance(font, UnicodeTTFont) else {}


def _own_cmap(font) -> frozenset[int]:
    return frozenset(c for c in font.face.charToGlyph if not 0xE000 <= c <= 0xF8FF)


def _ranges(cps: frozenset[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for c in sorted(cps):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def _cache_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "printkit" / f"font-coverage-v{_CACHE_VERSION}.json"


@cache
def _coverage() -> dict[str, list[list[int]]]:
    """Code point ranges of every bundled font: from the cache file, else parsed and saved."""
    key = {n: [f, i, asset("fonts", f).stat().st_size] for n, (f, i) in FILES.items()}
    path = _cache_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["key"] == key:
            return data["ranges"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    ranges = {}
    for name in FILES:
        ensure(name)
        ranges[name] = _ranges(_CMAPS[name])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"key": key, "ranges": ranges}), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: parse the fonts again next time
    return ranges


def register_fonts(everything: bool = False) -> None:
    """Register PK-Sans (and with `everything`, every bundled font); cheap after the first call."""
    if BOLD not in _REGISTERED:
        ensure(REGULAR)
        ensure(BOLD)
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )
    if everything:
        for name in FILES:
            ensure(name)


def FALLBACK_CHAIN(bold: bool = False) -> list[str]:  # noqa: N802 - the brief's name
    """Fonts to try for a run, in order: sans, the script fonts, cjk, emoji last."""
    return list(_chain(bool(bold)))


@cache
def _chain(bold: bool) -> tuple[str, ...]:
    return tuple(pair[1 if bold else 0] for pair in SCRIPT_FONTS.values())


def cmap(font_name: str) -> frozenset[int]:
    """Code points the font maps to a glyph (private use excluded); does not register it."""
    if font_name not in _CMAPS:
        if font_name not in FILES:
            raise KeyError(font_name)
        _CMAPS[font_name] = frozenset(
            c for lo, hi in _coverage()[font_name] for c in range(lo, hi + 1)
        )
    return _CMAPS[font_name]


def has_glyph(font_name: str, char: str) -> bool:
    """True when `font_name` has a glyph for the single character `char`."""
    return ord(char) in cmap(font_name)


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
