"""Text and small parts of booklet pages → measured Blocks (wrapped lines, stacks, chips, labels).

Measuring and drawing use the same wrapped lines, so a block is exactly as
tall as what it draws. Text goes through the press (`press.text`), so any
script is shaped, ordered and set in a font that has its glyphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from printkit.fit import ELLIPSIS, wrap
from printkit.press import fonts
from printkit.press import text as ptext
from printkit.press.color import hex_rgb, tint
from printkit.products import style
from printkit.products.booklet.flow import Block, split_lines

# Plain ASCII needs no bidi, shaping or font fallback: it is measured and drawn in the
# family's own font directly (same widths as press.text), which keeps a 1,000-session
# booklet fast. Anything else goes through the press (`surface.text`, `text.measure`).


def _plain(s: str) -> bool:
    return s.isascii() and s.isprintable()


@lru_cache(maxsize=200_000)
def width1(s: str, bold: bool = False) -> float:
    """Width of `s` at 1 pt."""
    if _plain(s):
        fonts.register_fonts()
        return stringWidth(s, fonts.BOLD if bold else fonts.REGULAR, 1)
    return ptext.measure(s, 1, bold)


def measure(s: str, size: float, bold: bool = False) -> float:
    return width1(s, bool(bold)) * size


def draw_text(surface, x, y, s, size, bold=False, color=style.INK, align="left") -> float:
    """One line with its baseline at y (like `surface.text`); returns its width."""
    if not _plain(s) or getattr(surface, "mirrored", False):
        return surface.text(x, y, s, size, bold=bold, color=color, align=align)
    w = width1(s, bool(bold)) * size
    if align in ("center", "centre"):
        x -= w / 2
    elif align == "right":
        x -= w
    c = surface.canvas
    font = fonts.BOLD if bold else fonts.REGULAR
    state_ops = getattr(surface, "text_state_ops", None)
    ops = ptext.ascii_string_ops(c, x, y, s, size, font) if state_ops is not None else None
    if ops is not None:  # the same operators as the calls below, without ReportLab's objects
        c._code += state_ops(color, size)
        c._code += (ops, "Q")
        return w
    c.saveState()
    fill = getattr(surface, "_text_fill", None)
    if fill is not None:
        fill(color, size)
    else:
        c.setFillColor(surface.color(color))
    c.setFont(font, size)
    c.drawString(x, y, s)
    c.restoreState()
    return w


@lru_cache(maxsize=200_000)
def lines_of(s: str, width: float, size: float, bold: bool = False,
             lang: str | None = None) -> tuple[str, ...]:  # fmt: skip
    """`s` wrapped into lines of at most `width` at `size` (newlines start paragraphs).

    A word longer than a line is hyphenated in `lang` (see fit.wrap).
    """
    out: list[str] = []
    for para in s.split("\n"):
        words = para.split()
        if not words:
            out.append("")
            continue
        out.extend(_wrap_words(words, width / size, bold) or
                   wrap(" ".join(words), width, size, lambda t, z: measure(t, z, bold), lang))  # fmt: skip
    return tuple(out)


def _wrap_words(words: list[str], width1pt: float, bold: bool) -> list[str] | None:
    """Greedy lines of words summing cached word widths; None when it needs the full wrap.

    Exact where the words make one unshaped run in one font (`press.text.one_run`).
    """
    if not ptext.one_run(" ".join(words), bold):
        return None
    space = width1(" ", bold)
    lines: list[str] = []
    cur: list[str] = []
    cw = 0.0
    for w in words:
        ww = width1(w, bold)
        if ww > width1pt:
            return None  # a word longer than the line: break it the careful way
        add = ww if not cur else cw + space + ww
        if add <= width1pt + 1e-9:
            cur.append(w)
            cw = add
        else:
            lines.append(" ".join(cur))
            cur, cw = [w], ww
    if cur:
        lines.append(" ".join(cur))
    return lines


def clamp_lines(s: str, width: float, size: float, bold: bool, max_lines: int,
                lang: str | None = None) -> tuple[str, ...]:  # fmt: skip
    """At most `max_lines` wrapped lines, the last ending in an ellipsis when text was cut."""
    lines = list(lines_of(s, width, size, bold, lang))
    if len(lines) <= max_lines:
        return tuple(lines)
    kept = lines[:max_lines]
    last = kept[-1]
    while last and measure(last + ELLIPSIS, size, bold) > width:
        cut = last.rsplit(" ", 1)
        last = cut[0] if len(cut) > 1 else last[:-1]
    kept[-1] = last.rstrip(" ,.;:–-") + ELLIPSIS
    return tuple(kept)


def baseline(top: float, size: float, leading: float, bold: bool = False) -> float:
    """Baseline of a line whose box (size × leading tall) starts at `top`: capitals centred."""
    return top - (size * leading + ptext.cap_height(size, bold)) / 2


def on_color(fill: str) -> str:
    """White or ink, whichever reads better on `fill`."""
    r, g, b = hex_rgb(fill)
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return style.WHITE if lum < 150 else style.INK


@dataclass
class Row:
    lines: tuple[str, ...]
    size: float
    bold: bool
    color: str
    leading: float
    space_before: float
    indent: float = 0.0

    @property
    def height(self) -> float:
        return self.space_before + len(self.lines) * self.size * self.leading


@dataclass
class Stack:
    """Rows of wrapped text, one under the other, in a column `width` wide (hyphenated in `lang`)."""

    width: float
    rows: list[Row] = field(default_factory=list)
    lang: str | None = None

    def add(
        self,
        s: str | None,
        size: float,
        bold: bool = False,
        color: str = style.INK,
        leading: float = 1.3,
        space_before: float = 0.0,
        indent: float = 0.0,
        max_lines: int | None = None,
    ) -> Stack:
        if not s or not s.strip():
            return self
        lines = lines_of(s.strip(), self.width - indent, size, bold, self.lang)
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
        if not self.rows:
            space_before = 0.0
        self.rows.append(Row(lines, size, bold, color, leading, space_before, indent))
        return self

    @property
    def height(self) -> float:
        return sum(r.height for r in self.rows)

    def draw(self, surface, x: float, y_top: float) -> None:
        y = y_top
        for r in self.rows:
            y -= r.space_before
            lh = r.size * r.leading
            for ln in r.lines:
                if ln:
                    draw_text(surface, x + r.indent, baseline(y, r.size, r.leading, r.bold), ln,
                              r.size, bold=r.bold, color=r.color)  # fmt: skip
                y -= lh


def text_block(
    s: str,
    width: float,
    size: float,
    *,
    bold: bool = False,
    color: str = style.INK,
    leading: float = 1.38,
    space_before: float = 0.0,
    para_gap: float = 0.5,
    lang: str | None = None,
) -> Block | None:
    """A paragraph block (line breaks in `s` start paragraphs) that splits between lines."""
    lines: list[str] = []
    for i, para in enumerate(p for p in (s or "").split("\n\n") if p.strip()):
        if i:
            lines.append("\x00")  # a half-line gap between paragraphs
        lines.extend(lines_of(" ".join(para.split()), width, size, bold, lang))
    if not lines:
        return None
    return _lines_block(tuple(lines), size, bold, color, leading, space_before, para_gap)


def _lines_block(lines, size, bold, color, leading, space_before, para_gap) -> Block:
    lh = size * leading

    def h(ls) -> float:
        return sum(lh * (para_gap if ln == "\x00" else 1.0) for ln in ls)

    def draw(surface, x, y_top, ctx) -> None:
        y = y_top
        for ln in lines:
            if ln == "\x00":
                y -= lh * para_gap
                continue
            if ln:
                draw_text(
                    surface, x, baseline(y, size, leading, bold), ln, size, bold=bold, color=color
                )
            y -= lh

    def split(room: float):
        k = split_lines(len(lines), lh, room)
        if k is None:
            return None
        while k > 0 and h(lines[:k]) > room + 0.01:
            k -= 1
        head, tail = list(lines[:k]), list(lines[k:])
        while tail and tail[0] == "\x00":
            tail.pop(0)
        while head and head[-1] == "\x00":
            head.pop()
        if len(head) < 2 or len(tail) < 2:
            return None
        return (
            _lines_block(tuple(head), size, bold, color, leading, space_before, para_gap),
            _lines_block(tuple(tail), size, bold, color, leading, 0.0, para_gap),
        )

    splittable = len([ln for ln in lines if ln != "\x00"]) >= 4
    return Block(
        h(lines),
        draw,
        space_before=space_before,
        split=split if splittable else None,
        min_height=2 * lh if splittable else None,
    )


def chip(surface, x: float, y_top: float, label: str, fill: str, size: float) -> float:
    """A small label (track chip) with its top-left at (x, y_top); returns its width.

    Its text is too small to reverse out white (press/inks.py), so the chip is a
    light tint of `fill` with a bar of the full colour at its left and dark text.
    """
    pad = size * 0.55
    h = size * 1.55
    bar = size * 0.3
    w = measure(label, size, True) + 2 * pad + bar
    surface.rect(x, y_top - h, w, h, fill=tint(fill, 0.22), radius=h * 0.22)
    surface.rect(x, y_top - h, bar, h, fill=fill)
    draw_text(surface, x + bar + pad, baseline(y_top, size, 1.55, True), label, size, bold=True,
                 color=style.INK)  # fmt: skip
    return w


def chip_height(size: float) -> float:
    return size * 1.55


def label_text(s: str) -> str:
    """A small-caps-like section label: upper case with a little air."""
    return s.upper()


def dots(surface, x1: float, x2: float, y: float, size: float, color: str = style.FAINT) -> None:
    """A dot leader from x1 to x2 on baseline y."""
    if x2 - x1 < size:
        return
    if getattr(surface, "mirrored", False):
        x1, x2 = surface.box_x(x2), surface.box_x(x1)
    c = surface.canvas
    c.saveState()
    c.setStrokeColor(surface.color(color))
    c.setLineWidth(size * 0.09)
    c.setLineCap(1)
    c.setDash([0.01, size * 0.42])
    c.line(x1 + size * 0.3, y + size * 0.12, x2 - size * 0.3, y + size * 0.12)
    c.restoreState()


def spacer(height: float) -> Block:
    return Block(height, None)
