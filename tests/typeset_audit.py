"""A printed PDF + the source words → typesetting faults read back from the page (pypdfium2).

`audit(pdf, words)` lists, per fault kind:
- "bare cut": a line ending in a fragment of a source word with neither "-" nor "…";
- "overlap": a glyph box over another glyph box (boxes shrunk a little: kerning is not a fault);
- "trim": a glyph across the TrimBox or inside the safe zone (trim inset by `safe_mm`).
Slug text entirely outside the trim (crop-mark captions) is deliberate and not counted.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium

MM = 72 / 25.4
_PUNCT = "\"'“”„‘’‚«»()[]{}<>.,;:!?*·"
_OK_END = ("-", "\u2010", "\u2013", "…", "/", "_")


def source_words(folder: Path) -> set[str]:
    """Every whitespace-separated token of the event's YAML files, stripped of punctuation."""
    words: set[str] = set()
    for f in sorted(Path(folder).glob("*.yaml")):
        for tok in f.read_text(encoding="utf-8").split():
            words.add(_core(tok))
    return words


def _core(tok: str) -> str:
    return unicodedata.normalize("NFKC", tok).strip(_PUNCT)


def _prefixes(words: set[str]) -> set[str]:
    out: set[str] = set()
    for w in words:
        for i in range(2, min(len(w), 60)):
            out.add(w[:i])
    return out


def _lines(text) -> list[list[tuple[str, tuple]]]:
    """The page's characters with their boxes, split into pdfium's lines."""
    lines: list[list[tuple[str, tuple]]] = [[]]
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        if ch in ("\r", "\n"):
            if lines[-1]:
                lines.append([])
            continue
        lines[-1].append((ch, text.get_charbox(i)))
    return [ln for ln in lines if ln]


def audit(pdf: Path, words: set[str], safe_mm: float = 3.0, pages=None) -> dict[str, list[str]]:
    prefixes = _prefixes(words)
    found: dict[str, list[str]] = {"bare cut": [], "overlap": [], "trim": []}
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for n in pages if pages is not None else range(len(doc)):
            page = doc[n]
            trim = _trim(page)
            text = page.get_textpage()
            try:
                lines = _lines(text)
            finally:
                text.close()
            where = f"p{n + 1}"
            found["bare cut"] += [f"{where}: {t!r}" for t in _bare_cuts(lines, words, prefixes)]
            found["overlap"] += [f"{where}: {a!r}/{b!r}" for a, b in _overlaps(lines)]
            found["trim"] += [f"{where}: {c!r}" for c in _outside(lines, trim, safe_mm * MM)]
    finally:
        doc.close()
    return found


def _trim(page) -> tuple[float, float, float, float]:
    try:
        box = page.get_trimbox()
    except Exception:  # noqa: BLE001 - no TrimBox: the media box is the page
        box = None
    return tuple(box) if box else tuple(page.get_mediabox())


def _bare_cuts(lines, words: set[str], prefixes: set[str]) -> list[str]:
    """Line ends whose last token and the next line's first token join into a source word
    (or the start of one) while the last token alone is no word: a word cut without a mark."""
    out = []
    texts = ["".join(c for c, _ in ln).strip() for ln in lines]
    for s, after in zip(texts, texts[1:], strict=False):
        if not s or not after or s.endswith(_OK_END):
            continue
        last, first = _core(s.split()[-1]), _core(after.split()[0])
        if len(last) < 2 or not re.search(r"[^\W\d_]$", last) or not first:
            continue  # numbers, symbols, single letters
        joined = last + first
        if last not in words and (joined in words or joined in prefixes):
            out.append(f"{last}|{first}")
    return out


def _shrunk(box, by: float = 0.2):
    x0, y0, x1, y1 = box
    dx, dy = (x1 - x0) * by / 2, (y1 - y0) * by / 2
    return x0 + dx, y0 + dy, x1 - dx, y1 - dy


def _overlaps(lines) -> list[tuple[str, str]]:
    """Glyph boxes over each other; neighbours on one line may touch (a J under a slash)."""
    glyphs = [
        (c, _shrunk(b), li, ci)
        for li, ln in enumerate(lines)
        for ci, (c, b) in enumerate(ln)
        if c.strip() and unicodedata.category(c)[0] != "M" and b[2] > b[0] and b[3] > b[1]
    ]
    cell = 12.0
    grid: dict[tuple[int, int], list[int]] = {}
    out = []
    for i, (c, (x0, y0, x1, y1), li, ci) in enumerate(glyphs):
        near: set[int] = set()
        for gx in range(int(x0 // cell), int(x1 // cell) + 1):
            for gy in range(int(y0 // cell), int(y1 // cell) + 1):
                near.update(grid.setdefault((gx, gy), []))
                grid[(gx, gy)].append(i)
        for j in near:
            d, (a0, b0, a1, b1), lj, cj = glyphs[j]
            if lj == li and abs(cj - ci) <= 2:
                continue
            if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                out.append((d, c))
    return out


def _outside(lines, trim, safe: float) -> list[str]:
    tx0, ty0, tx1, ty1 = trim
    out = []
    for ln in lines:
        for c, (x0, y0, x1, y1) in ln:
            if not c.strip() or x1 <= x0:
                continue
            if x1 < tx0 or x0 > tx1 or y1 < ty0 or y0 > ty1:
                continue  # slug text outside the trim
            if x0 < tx0 + safe or x1 > tx1 - safe or y0 < ty0 + safe or y1 > ty1 - safe:
                out.append(c)
    return out


def index_column_faults(pdf: Path, layout, header: str = "SPEAKER INDEX") -> list[str]:
    """Glyphs of an index page (running header `header`) that are not inside one of its
    columns; the booklet's frame (a BookletLayout) gives the columns, recto and verso."""
    fw, fh = layout.frame()
    cols = layout.index_columns
    cw = (fw - (cols - 1) * layout.column_gap) / cols
    out = []
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for n in range(len(doc)):
            page = doc[n]
            text = page.get_textpage()
            try:
                if header not in text.get_text_range()[:200]:
                    continue
                lines = _lines(text)
            finally:
                text.close()
            tx0, ty0, _, _ = _trim(page)
            left = tx0 + layout.left_margin(n + 1)
            bottom, top = ty0 + layout.margin_bottom, ty0 + layout.margin_bottom + fh
            spans = [(left + i * (cw + layout.column_gap), left + i * (cw + layout.column_gap) + cw)
                     for i in range(cols)]  # fmt: skip
            for ln in lines:
                if max(b[3] - b[1] for _, b in ln) > 14:
                    continue  # the section's title, full width above the columns
                for c, (x0, y0, x1, y1) in ln:
                    if not c.strip() or x1 <= x0 or y1 < bottom or y0 > top:
                        continue  # running header and folio are outside the frame
                    if not any(a - 1.5 <= x0 and x1 <= b + 1.5 for a, b in spans):  # J, f overhang
                        out.append(f"p{n + 1}: {c!r} at x {x0:.0f}–{x1:.0f}")
    finally:
        doc.close()
    return out
