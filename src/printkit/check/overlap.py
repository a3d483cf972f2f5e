"""Text glyphs on a page → glyphs drawn over other glyphs (text over text); judged: failures
on a shop file, warnings otherwise."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from printkit.check.facts import CheckReport, Finding

CELL = 12.0  # pt: grid cell for finding neighbours
SHRINK = 0.2  # glyph boxes are tight; a fifth off each keeps kerned pairs apart


@dataclass(frozen=True)
class TextOverlap:
    page: int
    text: str  # a sample: the two characters and their neighbours
    count: int  # glyph pairs over each other on the page


def _boxes(text) -> list[tuple[int, str, tuple[float, float, float, float]]]:
    out = []
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        if not ch.strip() or unicodedata.category(ch)[0] == "M":
            continue
        x0, y0, x1, y1 = text.get_charbox(i)
        if x1 <= x0 or y1 <= y0:
            continue
        dx, dy = (x1 - x0) * SHRINK / 2, (y1 - y0) * SHRINK / 2
        out.append((i, ch, (x0 + dx, y0 + dy, x1 - dx, y1 - dy)))
    return out


def text_overlaps(page, number: int) -> list[TextOverlap]:
    """Pairs of glyphs whose boxes cross (neighbours in reading order may touch: a J under /)."""
    text = page.get_textpage()
    try:
        glyphs = _boxes(text)
        grid: dict[tuple[int, int], list[int]] = {}
        pairs: list[tuple[int, int]] = []
        for k, (i, _, (x0, y0, x1, y1)) in enumerate(glyphs):
            near: set[int] = set()
            for gx in range(int(x0 // CELL), int(x1 // CELL) + 1):
                for gy in range(int(y0 // CELL), int(y1 // CELL) + 1):
                    cell = grid.setdefault((gx, gy), [])
                    near.update(cell)
                    cell.append(k)
            for m in near:
                j, _, (a0, b0, a1, b1) = glyphs[m]
                if abs(i - j) > 2 and x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                    pairs.append((j, i))
        if not pairs:
            return []
        j, i = pairs[0]
        sample = (
            f"{text.get_text_range(max(0, j - 3), 7)!r} / {text.get_text_range(max(0, i - 3), 7)!r}"
        )
    finally:
        text.close()
    return [TextOverlap(number, sample, len(pairs))]


def judge_overlaps(report: CheckReport, shop: bool) -> list[Finding]:
    """One finding per page with text over text: FAIL on a shop file, WARN otherwise."""
    return [
        Finding(
            "FAIL" if shop else "WARN",
            "text over text",
            f"page {o.page}: {o.count} glyph(s) over other glyphs, e.g. {o.text}",
        )  # fmt: skip
        for o in getattr(report, "text_overlaps", [])
    ]
