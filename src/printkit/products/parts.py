"""Shared drawing parts → a Surface: fold-over panel, ink on a colour, track chip, captioned QR, quiet fitted text, stamp.

Every part draws on a Surface and returns how much room it took, so the
product modules read as a column of parts from top to bottom.
"""

from __future__ import annotations

from printkit import fit as _fit
from printkit.i18n import current, tr
from printkit.press import text as _text
from printkit.press.color import hex_rgb
from printkit.press.mirror import Mirrored
from printkit.press.surface import Surface
from printkit.products import style

LEADING = 1.18


def reading_order(surface: Surface, axis: float | None = None):
    """`surface` as the active language reads: mirrored about `axis` (its middle) for Arabic or
    Hebrew, so left-set labels and text blocks set flush right and right to left; else as is."""
    return Mirrored(surface, axis) if current().rtl else surface


def fonts_ready() -> None:
    """Register PK-Sans before measuring (planning happens before the Press opens a canvas)."""
    from printkit.press import fonts

    fonts.register_fonts()
    ensure = getattr(fonts, "ensure", None)
    if ensure is not None:  # register_fonts may skip a face whose cmap is already cached
        ensure(fonts.REGULAR)
        ensure(fonts.BOLD)


def measure(bold: bool):
    """A measure(text, size) function for PK-Sans regular or bold."""
    return lambda s, size: _text.measure(s, size, bold)


def plan_fit(s: str, w: float, h: float, max_size: float, min_size: float, lines: int = 1,
             bold: bool = False, leading: float = LEADING, lang: str | None = None) -> _fit.Fit:  # fmt: skip
    """The Fit `surface.fit` would choose, without drawing (long words hyphenated in `lang`)."""
    return _fit.fit_text(s, w, h, max_size, min_size, max_lines=lines, measure=measure(bold),
                         leading=leading, lang=lang)  # fmt: skip


def largest_fit(s: str, w: float, h: float, max_size: float, min_size: float, lines: int = 1,
                bold: bool = False, leading: float = LEADING,
                lang: str | None = None) -> _fit.Fit:  # fmt: skip
    """The largest size at which `s` fits in at most `lines` lines (more lines before smaller type).

    Unlike `fit.fit_text`, which shrinks a single line first, this keeps type
    large and breaks lines; it shortens with … only when `min_size` on
    `lines` lines is not enough.
    """
    m = measure(bold)

    def ok(size: float) -> bool:
        wrapped = _fit.wrap(s, w, size, m, lang)
        return (len(wrapped) <= lines and len(wrapped) * size * leading <= h + 0.01
                and not any(ln.endswith(_fit.ELLIPSIS) for ln in wrapped))  # fmt: skip

    if not ok(min_size):
        return plan_fit(s, w, h, max_size, min_size, lines, bold, leading, lang)
    lo, hi = min_size, max_size
    if ok(hi):
        lo = hi
    for _ in range(14):
        if hi - lo < 0.1:
            break
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if ok(mid) else (lo, mid)
    f = plan_fit(s, w, h, lo, lo, lines, bold, leading, lang)
    if f.truncated:
        return plan_fit(s, w, h, max_size, min_size, lines, bold, leading, lang)
    return f


def block_height(f: _fit.Fit, bold: bool = False, leading: float = LEADING) -> float:
    """Height of fitted lines from the cap line of the first to the baseline of the last."""
    if not f.lines:
        return 0.0
    return _text.cap_height(f.size, bold) + (len(f.lines) - 1) * f.size * leading


def draw_lines(surface: Surface, f: _fit.Fit, x: float, y_top: float, bold=False, color="black",
               align="left", w: float = 0.0, leading: float = LEADING) -> float:  # fmt: skip
    """Draw a Fit's lines with the first cap line at `y_top`; no warnings. Returns the height."""
    if not f.lines:
        return 0.0
    cap = _text.cap_height(f.size, bold)
    ax = x + (w if align == "right" else w / 2 if align == "center" else 0.0)
    for i, line in enumerate(f.lines):
        surface.text(ax, y_top - cap - i * f.size * leading, line, f.size, bold=bold,
                     color=color, align=align)  # fmt: skip
    return block_height(f, bold, leading)


def quiet_text(surface: Surface, s: str, x: float, y_top: float, w: float, size: float,
               min_size: float, lines: int = 1, bold=False, color="black", align="left") -> float:  # fmt: skip
    """Secondary text fitted into width `w` (shortened with … if need be, no warning)."""
    f = plan_fit(s, w, lines * size * LEADING + 0.01, size, min_size, lines, bold)
    return draw_lines(surface, f, x, y_top, bold, color, align, w)


def chip(surface: Surface, x: float, baseline: float, color: str, label: str, size: float,
         text_color: str, max_w: float | None = None) -> float:  # fmt: skip
    """A rounded colour square and a label in capitals beside it; returns the width used."""
    cap = _text.cap_height(size, True)
    sq = cap * 1.5
    surface.rect(x, baseline - (sq - cap) / 2, sq, sq, fill=color, radius=sq * 0.22)
    label = label.upper()
    tx = x + sq + size * 0.55
    if max_w is not None:
        room = max_w - (tx - x)
        f = plan_fit(label, room, size * 1.3, size, size * 0.75, 1, bold=True)
        if not f.lines:
            return tx - x
        surface.text(tx, baseline, f.lines[0], f.size, bold=True, color=text_color)
        return tx - x + _text.measure(f.lines[0], f.size, True)
    return tx - x + surface.text(tx, baseline, label, size, bold=True, color=text_color)


def language_tag(surface: Surface, x: float, baseline: float, code: str, size: float,
                 color: str) -> float:  # fmt: skip
    """A small outlined tag with a language code ("EN") from (x, baseline); returns its width."""
    cap = _text.cap_height(size, True)
    pad = size * 0.35
    w = _text.measure(code, size, True) + 2 * pad
    surface.rect(x, baseline - pad, w, cap + 2 * pad, stroke=color, line_width=max(0.5, size / 16),
                 radius=pad * 0.8)  # fmt: skip
    surface.text(x + pad, baseline, code, size, bold=True, color=color)
    return w


def language_tag_width(code: str, size: float) -> float:
    return _text.measure(code, size, True) + 0.7 * size


def captioned_qr(surface: Surface, x: float, y: float, size: float, url: str, caption: str,
                 caption_size: float, color: str, muted: str, note: str = "") -> float:  # fmt: skip
    """A QR code with its bottom-left at (x, y) and what it opens centred below it.

    The caption sits inside the code's quiet zone band below the modules plus
    a line more; returns the total height used below `y` (caption and note).
    """
    surface.qr(x, y, size, url, color=color)
    surface.link(x, y, size, size, url)
    cx = x + size / 2
    base = y - caption_size * 0.6
    surface.text(cx, base, caption, caption_size, bold=True, color=color, align="center")
    used = caption_size * 0.6
    if note:
        quiet_text(surface, note, x - size * 0.15, base - caption_size * 0.5, size * 1.3,
                   caption_size * 0.82, caption_size * 0.6, 1, color=muted, align="center")  # fmt: skip
        used += caption_size * 1.4
    return used


def stamp_text(version_stamp: str) -> str:
    """The small "as of" line; empty when the event has no version or date."""
    return tr("as of {stamp}").format(stamp=version_stamp) if version_stamp else ""


def on_color(fill: str) -> str:
    """White or ink, whichever reads better on `fill` (WCAG relative luminance)."""

    def lin(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(v) for v in hex_rgb(fill))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "white" if (1.05 / (lum + 0.05)) >= ((lum + 0.05) / 0.05) else style.INK


class Panel(Surface):
    """A Surface for one face of a fold-over: no bleed across the fold (its top edge)."""

    def __init__(self, base: Surface, width: float, height: float):
        super().__init__(base.press, base.canvas, width, height, base.bleed)

    def bleed_rect(self, x, y, w, h, fill) -> None:
        b = self.bleed
        x2, y2 = x + w, y + h
        if abs(x) < 0.01:
            x -= b
        if abs(y) < 0.01:
            y -= b
        if abs(x2 - self.width) < 0.01:
            x2 += b
        self.rect(x, y, x2 - x, y2 - y, fill=fill)

    def form(self, key, draw) -> None:
        self.press.place_form(self, key, lambda s: draw(Panel(s, self.width, self.height)))
