"""A string → script runs with a font each, shaped and in visual order; measured and drawn.

`runs` splits a line by script (Latin/Greek/Cyrillic, Arabic, Hebrew, the
Indic scripts, Thai, Lao, Khmer, Myanmar, Georgian, Armenian, Ethiopic, CJK),
gives each run the first bundled font that has all its glyphs (emoji fall to
PK-Emoji), and orders runs for display by the embedding levels of the full
Unicode Bidirectional Algorithm (python-bidi), in a left-to-right paragraph
unless the caller says right to left (rule L2, run by run). Runs in `fonts.SHAPED`
(Arabic, Hebrew, Indic, Thai, Lao, Khmer, Myanmar, Sinhala) are shaped with
HarfBuzz through ReportLab, whose `ShapedStr` the canvas text object draws
glyph by glyph; a left-to-right shaped run (Indic, Thai…) sits inside a
/Span marked-content sequence whose /ActualText is its text, so it copies and
searches as its letters in logical order (right-to-left runs are left to the
reader's own bidi reordering, which would reverse an ActualText a second time). Characters no font has are left out, never drawn as empty
boxes; `warn_missing` reports them. `measure` and `draw_line` use the same
cached run widths, so what is measured is what is drawn.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from reportlab.lib.abag import ABag
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, shapeFragWord

from printkit import names
from printkit.press import fonts
from printkit.press.emoji import base_emoji, warn_emoji_sequences

# --- character classes ---------------------------------------------------

_LATIN, _ARABIC, _HEBREW, _CJK, _NUM = "latin", "arabic", "hebrew", "cjk", "num"
_L, _R, _EN, _N, _NSM = "L", "R", "EN", "N", "NSM"

# (first, last code point, script); scripts are fonts.SCRIPT_FONTS keys. Sorted.
_RANGES = (
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, _HEBREW),
    (0x0600, 0x06FF, _ARABIC),
    (0x0750, 0x077F, _ARABIC),
    (0x0870, 0x08FF, _ARABIC),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"),
    (0x0C80, 0x0CFF, "kannada"),
    (0x0D00, 0x0D7F, "malayalam"),
    (0x0D80, 0x0DFF, "sinhala"),
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x1000, 0x109F, "myanmar"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, _CJK),
    (0x1200, 0x139F, "ethiopic"),
    (0x1780, 0x17FF, "khmer"),
    (0x19E0, 0x19FF, "khmer"),
    (0x1C90, 0x1CBF, "georgian"),
    (0x1CD0, 0x1CFF, "devanagari"),
    (0x2D00, 0x2D2F, "georgian"),
    (0x2D80, 0x2DDF, "ethiopic"),
    (0x2E80, 0x2FDF, _CJK),
    (0x3000, 0x33FF, _CJK),
    (0x3400, 0x4DBF, _CJK),
    (0x4E00, 0x9FFF, _CJK),
    (0xA8E0, 0xA8FF, "devanagari"),
    (0xA960, 0xA97F, _CJK),
    (0xA9E0, 0xA9FF, "myanmar"),
    (0xAA60, 0xAA7F, "myanmar"),
    (0xAB00, 0xAB2F, "ethiopic"),
    (0xAC00, 0xD7AF, _CJK),
    (0xF900, 0xFAFF, _CJK),
    (0xFB13, 0xFB17, "armenian"),
    (0xFB1D, 0xFB4F, _HEBREW),
    (0xFB50, 0xFDFF, _ARABIC),
    (0xFE30, 0xFE4F, _CJK),
    (0xFE70, 0xFEFF, _ARABIC),
    (0xFF00, 0xFFEF, _CJK),
    (0x20000, 0x3FFFF, _CJK),
)
_RTL_SCRIPTS = frozenset({_ARABIC, _HEBREW})


@lru_cache(maxsize=4096)
def _classify(ch: str) -> tuple[str | None, str]:
    """(script or None for common characters, bidi class) of one character."""
    cp = ord(ch)
    cat = unicodedata.category(ch)
    if cat[0] == "M":
        return None, _NSM
    if cat == "Nd":
        return None, _EN
    script = _LATIN
    for lo, hi, name in _RANGES:
        if lo <= cp <= hi:
            script = name
            break
        if cp < lo:
            break
    if cat[0] == "L":
        return script, (_R if script in _RTL_SCRIPTS else _L)
    return None, _N


def _ignorable(ch: str) -> bool:
    """Whitespace, controls, ZWJ/ZWNJ, bidi marks, variation selectors, skin tones: need no glyph.

    An emoji ZWJ or skin-tone sequence is one cluster: the bundled emoji font
    has none, so `base_emoji` prints its base emoji once (🏳️‍⚧️ → 🏳, 👋🏽 → 👋)
    and `warn_missing` says so once.
    """
    cp = ord(ch)
    return (
        ch.isspace()
        or unicodedata.category(ch) in ("Cc", "Cf")
        or 0xFE00 <= cp <= 0xFE0F
        or 0xE0100 <= cp <= 0xE01EF
        or 0x1F3FB <= cp <= 0x1F3FF
    )


# --- runs ----------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A piece of one line in one font; `text` in logical order, `rtl` when drawn right to left."""

    text: str
    font: str
    rtl: bool


def runs(s: str, bold: bool = False, rtl: bool = False) -> list[Run]:
    """Split one line into font runs in visual (left-to-right drawing) order.

    The paragraph is left to right unless `rtl` (a layout's direction), so a
    line that starts with an Arabic name and goes on in Latin keeps its order.
    """
    return list(_runs(s, bool(bold), bool(rtl)))


@lru_cache(maxsize=16384)
def _runs(s: str, bold: bool, rtl: bool = False) -> tuple[Run, ...]:
    if s.isascii():  # the common case: one left-to-right run in PK-Sans, no analysis needed
        return (Run(s, fonts.BOLD if bold else fonts.REGULAR, False),) if s else ()
    if not rtl and _european(s):  # Latin, Greek, Cyrillic the first font has: one run too
        first = fonts._chain(bold)[0]
        if set(map(ord, s)) <= fonts.cmap(first):
            return (Run(s, first, False),)
    s = unicodedata.normalize("NFC", s)
    s = base_emoji(s)
    missing = missing_chars(s)
    if missing:  # left out rather than drawn as empty boxes; warn_missing reports them
        s = "".join(c for c in s if c not in missing)
    if not s:
        return ()
    levels, scripts = _resolve(s, rtl)
    logical: list[tuple[str, str, int]] = []  # (text, script, level)
    start = 0
    for i in range(1, len(s) + 1):
        if i == len(s) or levels[i] != levels[start] or scripts[i] != scripts[start]:
            logical.append((s[start:i], scripts[start], levels[start]))
            start = i
    pieces: list[tuple[str, str, int]] = []
    for text, script, level in logical:
        pieces.extend((t, f, level) for t, f in _fonts_for(text, script, bold))
    order = _visual_order([lvl for _, _, lvl in pieces])
    return tuple(Run(pieces[i][0], pieces[i][1], pieces[i][2] % 2 == 1) for i in order)


# Latin, Greek, Cyrillic (to U+052F), Latin and Greek Extended, punctuation, sub- and
# superscripts, currency signs (U+1E00-U+20CF): no right-to-left letters, Arabic digits or emoji.
_EUROPEAN = re.compile("[\u0020-\u052f\u1e00-\u20cf]+")


def one_run(s: str, bold: bool = False) -> bool:
    """True when `s` is set as one unshaped left-to-right run in the first font of the chain
    (printable ASCII; Latin, Greek, Cyrillic that font has): its width is then the sum of
    its words' and spaces' widths."""
    if s.isascii():
        return s.isprintable()
    first = fonts._chain(bool(bold))[0]
    return first not in fonts.SHAPED and _european(s) and set(map(ord, s)) <= fonts.cmap(first)


def _european(s: str) -> bool:
    """True for printable NFC text of `_EUROPEAN` characters without bidi controls or
    ignorables: every bidi level is 0 and every character's script Latin."""
    return bool(_EUROPEAN.fullmatch(s)) and _kept_as_is(s) and unicodedata.is_normalized("NFC", s)


def _resolve(s: str, rtl: bool = False) -> tuple[list[int], list[str]]:
    """Bidi embedding level (full Unicode Bidirectional Algorithm, python-bidi) and script of
    every character, in a left-to-right paragraph unless `rtl`."""
    n = len(s)
    scripts: list[str | None] = []
    classes: list[str] = []
    for ch in s:
        script, cls = _classify(ch)
        if cls == _NSM:  # a combining mark belongs to its base character
            script, cls = (scripts[-1], classes[-1]) if scripts else (None, _N)
        scripts.append(script)
        classes.append(cls)
    levels = bidi_levels(s, rtl)
    base = 1 if rtl else 0
    for i, cls in enumerate(classes):
        if cls == _EN and levels[i] % 2 == 0 and levels[i] > base:
            scripts[i] = _NUM  # digits inside a right-to-left run: their own run
    # Common characters join the run before them at the same level, else the one after.
    for i in range(n):
        if scripts[i] is None and i > 0 and levels[i - 1] == levels[i]:
            scripts[i] = scripts[i - 1]
    for i in range(n - 1, -1, -1):
        if scripts[i] is None:
            nxt = scripts[i + 1] if i + 1 < n and levels[i + 1] == levels[i] else None
            scripts[i] = nxt or _LATIN
    return levels, scripts  # type: ignore[return-value]


_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


@lru_cache(maxsize=4096)
def bidi_levels(s: str, rtl: bool = False) -> list[int]:
    """The resolved embedding level of every character of `s` (UAX #9, rules X1-I2).

    python-bidi wraps the Rust crate unicode-bidi (the full algorithm, brackets
    and isolates included); its debug result carries the levels, one per UTF-8
    byte, which are mapped back to characters here.
    """
    import bidi

    info = bidi.get_display(s, base_dir="R" if rtl else "L", debug=True)
    section = info[info.index("levels:") : info.index("paragraphs:")]
    per_byte = [int(v) for v in _LEVEL.findall(section)]
    out, offset = [], 0
    for ch in s:
        out.append(per_byte[offset])
        offset += len(ch.encode("utf-8"))
    if offset != len(per_byte):
        raise RuntimeError(f"python-bidi returned {len(per_byte)} levels for {offset} bytes")
    return out


def _fonts_for(text: str, script: str, bold: bool) -> list[tuple[str, str]]:
    """The first chain font with every glyph of `text`, or per-character fallback pieces."""
    chain = fonts._chain(bold)
    need = {ord(c) for c in set(text) if not _ignorable(c)}
    for name in chain:
        if need <= fonts.cmap(name):
            return [(text, name)]
    preferred = fonts.SCRIPT_FONTS.get(script, (fonts.REGULAR, fonts.BOLD))[1 if bold else 0]
    out: list[tuple[str, str]] = []
    current = None
    for ch in text:
        font = current
        if not _ignorable(ch):
            cp = ord(ch)
            font = next((f for f in chain if cp in fonts.cmap(f)), current or preferred)
        font = font or preferred
        if out and font == out[-1][1]:
            out[-1] = (out[-1][0] + ch, font)
        else:
            out.append((ch, font))
        current = font
    return out


def _visual_order(levels: list[int]) -> list[int]:
    """Indices of runs in display order: reverse every sequence at level ≥ k, k = max..1 (L2)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    top = max(levels)
    lowest_odd = min(lv for lv in levels) | 1
    for k in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= k:
                j = i
                while j < len(order) and levels[order[j]] >= k:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


# --- glyph strings and widths --------------------------------------------


# Bidi mirroring for brackets drawn right to left outside HarfBuzz.
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")

# Standard ligatures and kerning; no discretionary ligatures (Noto Arabic's would
# add vowel marks to a name such as محمد).
_FEATURES = {"kern": True, "liga": True, "dlig": False}


def _shape(text: str, font: str) -> str:
    """HarfBuzz-shaped glyph string (ReportLab's `shapeStr` without dlig)."""
    word = [0.0, (ABag(fontName=font, fontSize=10), text)]
    return shapeFragWord(word, features=_FEATURES)[1][1]


def _name_private_glyphs(text: str, shaped: ShapedStr, font: str) -> None:
    """Tell the font which text each private-use glyph of a shaped run stands for.

    HarfBuzz reaches glyphs outside the cmap (Devanagari half forms, vowel-sign
    variants) through private-use code points; named, they copy out of the PDF
    as their letters. A cluster with two unnamed ones is ambiguous and skipped.
    """
    data = shaped.__shapeData__
    starts = sorted({d.cluster for d in data})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    clusters: dict[int, list[str]] = {}
    for glyph, d in zip(shaped, data, strict=True):
        clusters.setdefault(d.cluster, []).append(glyph)
    named = fonts.glyph_names(font)
    for start, glyphs in clusters.items():
        unknown = [g for g in glyphs if 0xE000 <= ord(g) <= 0xF8FF and ord(g) not in named]
        if len(unknown) != 1:
            continue
        rest = text[start : ends[start]]
        for g in glyphs:
            if g != unknown[0]:
                rest = rest.replace(named.get(ord(g), g), "", 1)
        fonts.name_glyph(font, unknown[0], rest)


_IGNORABLE_PRINTABLE = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef\U0001f3fb-\U0001f3ff]")


def _kept_as_is(text: str) -> bool:
    """True when no character of `text` is `_ignorable` or a space other than " "."""
    return text.isprintable() and (text.isascii() or not _IGNORABLE_PRINTABLE.search(text))


@lru_cache(maxsize=16384)
def _glyphs(text: str, font: str, rtl: bool) -> tuple[str, float]:
    """What the canvas draws for a run (a ShapedStr or plain str) and its width at size 1."""
    fonts.register_fonts()
    fonts.ensure(font)
    if font in fonts.SHAPED and any(unicodedata.category(c)[0] in "LM" for c in text):
        # Digit-only runs stay unshaped: HarfBuzz would lay Arabic-Indic digits out RTL.
        shaped = _shape(text, font)
        if isinstance(shaped, ShapedStr):
            _name_private_glyphs(text, shaped, font)
            return shaped, sum(g.x_advance for g in shaped.__shapeData__) / 1000.0
        text = shaped
    if not rtl and _kept_as_is(text):  # the common case: nothing to drop or turn into a space
        return text, pdfmetrics.stringWidth(text, font, 1)
    plain = "".join(c for c in text if not _ignorable(c) or c == " ")
    plain = "".join(" " if c.isspace() else c for c in plain)
    if rtl:
        plain = plain[::-1].translate(_MIRROR)
    return plain, pdfmetrics.stringWidth(plain, font, 1)


@lru_cache(maxsize=65536)
def _width1(s: str, bold: bool, rtl: bool = False) -> float:
    return sum(_glyphs(r.text, r.font, r.rtl)[1] for r in _runs(s, bold, rtl))


def measure(s: str, size: float, bold: bool = False, rtl: bool = False) -> float:
    """Width of `s` in points at `size`, exactly as `draw_line` draws it."""
    return _width1(s, bool(bold), bool(rtl)) * size


def draw_line(
    canvas,
    x: float,
    y: float,
    s: str,
    size: float,
    bold: bool = False,
    align: str = "left",
    rtl: bool = False,
) -> float:
    """Draw one line with its baseline at y, aligned left/center/right on x; return its width.

    `rtl`: the paragraph direction is right to left (left to right by default).
    """
    parts = _runs(s, bool(bold), bool(rtl))
    if not parts:
        return 0.0
    width = _width1(s, bool(bold), bool(rtl)) * size
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    elif align != "left":
        raise ValueError(f"align must be left, center or right, not {align!r}")
    if canvas.bottomup and not any(isinstance(_glyphs(r.text, r.font, r.rtl)[0], ShapedStr)
                                   for r in parts):  # fmt: skip
        canvas._code.append(_text_ops(canvas, x, y, parts, size))
        return width
    t = canvas.beginText(x, y)
    font = None
    for r in parts:
        glyphs = _glyphs(r.text, r.font, r.rtl)[0]
        if not glyphs:
            continue
        if r.font != font:
            t.setFont(r.font, size)
            font = r.font
        if isinstance(glyphs, ShapedStr) and not r.rtl:  # copies as its letters (logical order)
            t._code.append(f"/Span <</ActualText {_actual_text(r.text)}>> BDC")
            t.textOut(glyphs)
            t._code.append("EMC")
        else:
            t.textOut(glyphs)
    canvas.drawText(t)
    return width


def _actual_text(s: str) -> str:
    """`s` as a PDF text string for /ActualText: UTF-16BE with its byte order mark, in hex."""
    return "<FEFF" + s.encode("utf-16-be").hex().upper() + ">"


def _text_ops(canvas, x: float, y: float, parts, size: float) -> str:
    """The operators ReportLab's text object writes for unshaped runs, without the object.

    Same bytes as beginText / setFont / textOut / drawText (font subsets are
    registered by `splitString` as there), at a fraction of the cost.
    """
    doc = canvas._doc
    escape = canvas._escape
    code = ["BT", f"1 0 0 1 {fp_str(x, y)} Tm"]
    tf = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"
    font = None
    for r in parts:
        glyphs = _glyphs(r.text, r.font, r.rtl)[0]
        if not glyphs:
            continue
        if r.font != font:
            font, ttf, subset = r.font, pdfmetrics.getFont(r.font), -1
        for sub, t in ttf.splitString(glyphs, doc):
            if sub != subset:
                code.append(f"{ttf.getSubsetInternalName(sub, doc)} {tf}")
                subset = sub
            code.append(f"({escape(t)}) Tj")
    code.append("ET")
    return " ".join(code)


def ascii_string_ops(canvas, x: float, y: float, s: str, size: float, font: str) -> str | None:
    """What `canvas.setFont(font, size); canvas.drawString(x, y, s)` writes, built directly.

    For printable ASCII in a bundled TrueType font that has all of it (those
    characters sit in subset 0 under their own codes, so nothing needs
    assigning); None otherwise (the caller draws through ReportLab).
    """
    if not s or not canvas.bottomup:
        return None
    doc = canvas._doc
    name = _ascii_subset_name(pdfmetrics.getFont(font), doc)
    if name is None:
        return None
    return (f"BT 1 0 0 1 {fp_str(x, y)} Tm {name} {fp_str(size)} Tf {fp_str(size * 1.2)} TL "
            f"({canvas._escape(s.encode('ascii'))}) Tj T* ET")  # fmt: skip


def _ascii_subset_name(ttf, doc) -> str | None:
    """The PDF name of `ttf`'s subset 0 in `doc` when it holds printable ASCII as itself."""
    known = doc.__dict__.setdefault("_printkit_ascii_subsets", {})
    name = known.get(ttf.fontName, False)
    if name is False:
        name = None
        if getattr(ttf, "_dynamicFont", False):
            ttf.splitString(" ", doc)  # makes the font's state in this document
            assigned = ttf.state[doc].assignments
            if all(assigned.get(n) == n for n in range(32, 127)):
                name = ttf.getSubsetInternalName(0, doc)
        known[ttf.fontName] = name
    return name


# --- missing glyphs ------------------------------------------------------


@lru_cache(maxsize=16384)
def missing_chars(s: str) -> str:
    """Characters of `s` that no bundled font has (whitespace, controls, ZWJ, selectors ignored)."""
    if s.isascii():  # PK-Sans has every ASCII character
        return ""
    chain = fonts._chain(False) + fonts._chain(True)
    unique = dict.fromkeys(unicodedata.normalize("NFC", s))  # each character once, in order
    return "".join(
        ch
        for ch in unique
        if not ch.isascii()
        and not _ignorable(ch)
        and not any(ord(ch) in fonts.cmap(f) for f in chain)
    )


def warn_missing(s: str, problems, where: str) -> bool:
    """Warn once per character without a glyph; True if `s` has any.

    Such characters are left out when drawing (never an empty box). Each
    gets one warning, kept up to date as it recurs: how often it was left
    out and the first place and text it was in (`where`, `s`).
    """
    warned = warn_emoji_sequences(s, problems, where)
    missing = missing_chars(s)
    if not missing:
        return warned
    tally = problems.__dict__.setdefault("_missing_glyphs", {})
    for c in missing:
        n = s.count(c)
        if c not in tally:
            shown = s if len(s) <= 40 else s[:39] + "…"
            problems.warn("", field=where)
            tally[c] = [problems.items[-1], 0, where, shown, len(problems.items) - 1]
        entry = tally[c]
        entry[1] += n
        old, count, first, shown, hint = entry
        new = replace(old, message=(
            f"{c} (U+{ord(c):04X}) has no glyph and was left out "
            f"{'once' if count == 1 else f'{count} times'}, first in \"{shown}\""))  # fmt: skip
        items = problems.items
        i = hint if hint < len(items) and items[hint] is old else _index(items, old)
        if i is None:
            continue
        items[i] = new
        entry[0], entry[4] = new, i
    return True


def _index(items: list, item) -> int | None:
    return next((i for i, p in enumerate(items) if p is item), None)


# --- PK-Sans metrics -----------------------------------------------------


@lru_cache(maxsize=2)
def _metrics(bold: bool) -> tuple[float, float, float]:
    fonts.register_fonts()
    face = pdfmetrics.getFont(fonts.BOLD if bold else fonts.REGULAR).face
    cap = getattr(face, "capHeight", 0) or 714
    return face.ascent / 1000.0, face.descent / 1000.0, cap / 1000.0


def line_height(size: float, leading: float = 1.2) -> float:
    """Baseline-to-baseline distance for `size`."""
    return size * leading


def ascent(size: float, bold: bool = False) -> float:
    """Height above the baseline of PK-Sans' tallest glyphs at `size`."""
    return _metrics(bold)[0] * size


def descent(size: float, bold: bool = False) -> float:
    """Depth below the baseline at `size`, as a positive number."""
    return -_metrics(bold)[1] * size


def cap_height(size: float, bold: bool = False) -> float:
    """Height of PK-Sans capitals at `size` (place a name by its cap height)."""
    return _metrics(bold)[2] * size


def size_for_cap_height(cap: float, bold: bool = False) -> float:
    """Font size whose capitals are `cap` points tall."""
    return cap / _metrics(bold)[2]


# --- initials ------------------------------------------------------------


def initials(name: str) -> str:
    """Up to two initials for a name (see `printkit.names.initials`): 'Shane Kerr (he/him)' → 'SK'."""
    return names.initials(name)
