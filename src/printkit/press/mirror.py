"""A Surface + an axis → the same drawing calls mirrored for right-to-left languages (Arabic, Hebrew).

Products lay out left to right; on a `Mirrored` surface every x is reflected
about a vertical axis (the piece's middle, or a booklet frame's), so what was
set flush left is set flush right, a first column becomes the right-hand one
and text that followed a label now precedes it, as right-to-left readers
expect. Only positions move: glyphs, photos and QR codes are never flipped.

Lines of text go through `rtl_pieces` first: a number that does not follow
Latin text (a time "9:30–10:00", a date "2025-05-01") is set as one
left-to-right unit, as an LRI…PDI isolate would be, and the pieces are laid
out from the right. The simplified bidi pass in press/text.py would otherwise
reorder the digits of "9:30–10:00 ص" into "00:10–30:9".
"""

from __future__ import annotations

import re
import unicodedata

from printkit import fit as _fit
from printkit.press import text as _text
from printkit.units import MM

_NUMBER = re.compile(r"\d+(?:[:.,/\u2013\u2212-]\d+)*(?:\s?[\u2013\u2212-]\s?\d+(?:[:.,/-]\d+)*)?")
_STRONG = {"L": "L", "R": "R", "AL": "R"}


def _strong(ch: str) -> str | None:
    return _STRONG.get(unicodedata.bidirectional(ch))


def rtl_pieces(s: str) -> list[str]:
    """A line of a right-to-left paragraph → its pieces in logical order, each set as one unit.

    A line with no right-to-left letter is one piece (an English title stays as
    it is). Otherwise, as the bidi algorithm does at paragraph level 1: runs
    of Latin text are pieces (a number after Latin text belongs to it), a number
    after Arabic or Hebrew text or at the start is a piece of its own (an
    isolate), neutrals between runs of one direction join them and the others
    follow the paragraph (right to left). Each piece then has one direction,
    which press/text.py sets right; the caller lays the pieces out from the right.
    """
    if not any(_strong(c) == "R" for c in s):
        return [s]
    n = len(s)
    dirs: list[object] = [None] * n
    prev = None
    spans = {m.start(): m.end() for m in _NUMBER.finditer(s)}
    i = 0
    while i < n:
        if i in spans:
            end = spans[i]
            tag = "L" if prev == "L" else ("num", i)  # an isolated number: a piece of its own
            for k in range(i, end):
                dirs[k] = tag
            i = end
            continue
        d = _strong(s[i])
        if d:
            dirs[i] = prev = d
        i += 1

    def side(k: int, step: int) -> str:
        while 0 <= k < n:
            d = dirs[k]
            if d is not None:
                return "R" if isinstance(d, tuple) else d  # a number counts as R (N1)
            k += step
        return "R"  # the paragraph's direction at its edges

    i = 0
    while i < n:
        if dirs[i] is not None:
            i += 1
            continue
        j = i
        while j < n and dirs[j] is None:
            j += 1
        before, after = side(i - 1, -1), side(j, 1)
        for k in range(i, j):
            dirs[k] = before if before == after else "R"
        i = j
    out: list[str] = []
    start = 0
    for k in range(1, n + 1):
        if k == n or dirs[k] != dirs[start]:
            out.append(s[start:k])
            start = k
    return out


def _flip(align: str) -> str:
    return {"left": "right", "right": "left"}.get(align, align)


class Mirrored:
    """A Surface whose x coordinates are reflected about `axis` (default: its middle)."""

    mirrored = True

    def __init__(self, base, axis: float | None = None):
        self._base = base
        self._axis = base.width / 2 if axis is None else axis

    def __getattr__(self, name):  # width, height, canvas, target, problems, bookmark, color…
        return getattr(self._base, name)

    def box_x(self, x: float, w: float = 0.0) -> float:
        """Where the box [x, x + w] lands once mirrored (its new left edge)."""
        return 2 * self._axis - x - w

    # -- shapes -------------------------------------------------------------

    def rect(self, x, y, w, h, fill=None, stroke=None, line_width=0.5, radius=0) -> None:
        self._base.rect(self.box_x(x, w), y, w, h, fill, stroke, line_width, radius)

    def bleed_rect(self, x, y, w, h, fill) -> None:
        self._base.bleed_rect(self.box_x(x, w), y, w, h, fill)

    def line(self, x1, y1, x2, y2, color, width=0.5) -> None:
        self._base.line(self.box_x(x1), y1, self.box_x(x2), y2, color, width)

    def qr(self, x, y, size, payload, ec="M", color="black") -> None:
        self._base.qr(self.box_x(x, size), y, size, payload, ec, color)

    def photo(self, x, y, w, h, ref, name, color, circle=False, base_dir=None, where=None) -> None:
        self._base.photo(self.box_x(x, w), y, w, h, ref, name, color, circle, base_dir, where)

    def link(self, x, y, w, h, url: str) -> None:
        self._base.link(self.box_x(x, w), y, w, h, url)

    def form(self, key: str, draw) -> None:
        self._base.form(key, lambda s: draw(Mirrored(s, self._axis)))

    # -- text ---------------------------------------------------------------

    def text(self, x, y, s, size, bold=False, color="black", align="left") -> float:
        """One line set from the mirrored anchor, its pieces laid out from the right."""
        pieces = rtl_pieces(s)
        rtl = any(_strong(c) == "R" for c in s)  # a right-to-left paragraph's line (python-bidi)
        if len(pieces) == 1:
            return self._base.text(self.box_x(x), y, s, size, bold, color, _flip(align), rtl=rtl)
        # a piece with a right-to-left letter is set in a right-to-left paragraph; numbers and
        # Latin pieces stay left to right (as isolates)
        dirs = [any(_strong(c) == "R" for c in p) for p in pieces]
        widths = [_text.measure(p, size, bold, rtl=d) for p, d in zip(pieces, dirs, strict=True)]
        total = sum(widths)
        ax, flipped = self.box_x(x), _flip(align)
        right = ax if flipped == "right" else ax + total if flipped == "left" else ax + total / 2
        for p, w, d in zip(pieces, widths, dirs, strict=True):
            if p.strip():
                self._base.text(right, y, p, size, bold, color, "right", rtl=d)
            right -= w
        return total

    def fit(self, s, x, y, w, h, max_size, min_size, max_lines=1, bold=False, color="black",
            align="left", valign="top", leading=1.15, what="text"):  # fmt: skip
        """Surface.fit in the mirrored box; lines drawn through `text` (numbers kept whole)."""
        result = _fit.fit_text(s, w, h, max_size, min_size, max_lines=max_lines,
                               measure=lambda t, z: _text.measure(t, z, bold), leading=leading)  # fmt: skip
        if result.truncated:
            self.problems.warn(
                f'"{s}" does not fit in {w / MM:.0f} x {h / MM:.0f} mm even at '
                f"{min_size:g} pt on {max_lines} line(s); it was shortened",
                field=what,
            )
        if not result.lines:
            return result
        size, line_h = result.size, result.size * leading
        cap = _text.cap_height(size, bold)
        block = cap + (len(result.lines) - 1) * line_h
        first = {"top": y + h - cap, "bottom": y + block - cap}.get(
            valign, y + (h + block) / 2 - cap
        )
        ax = x + {"left": 0.0, "right": w}.get(align, w / 2)
        for i, ln in enumerate(result.lines):
            self.text(ax, first - i * line_h, ln, size, bold, color, align)
        return result
