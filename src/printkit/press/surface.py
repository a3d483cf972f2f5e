"""Drawing calls from products (text, fitted text, QR, photos, forms) → ReportLab canvas operations.

A Surface is one piece (badge, sign, page) on a Press. Coordinates are
points with the origin at the bottom-left corner of the trim; the Press has
already moved the canvas there. Colours are specs (`#1F3A93`, `black`)
turned into CMYK on print targets and RGB otherwise; text colours keep to
the inks their size allows (press/inks.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, Protocol

from reportlab.lib.rl_accel import fp_str

from printkit import fit as _fit
from printkit.i18n import current
from printkit.press import text as _text
from printkit.press.color import to_color
from printkit.press.inks import inks_allowed, text_ink
from printkit.press.target import Target
from printkit.units import MM


class PieceHost(Protocol):
    """What a Surface needs from the press that made it (press/page.py's Press is one).

    The press sits above the surface: it passes itself in, the surface never imports it.
    """

    target: Target
    problems: Any
    fitted_notes: list[str]
    photos: Any

    def add_bookmark(self, title: str, level: int = 0) -> None: ...

    def place_form(self, surface: Surface, key: str, draw: Callable[[Surface], None]) -> None: ...


EPS = 0.01
_FILLS: dict = {}  # (colour spec, inks allowed, CMYK?) → (text colour, overprints?): a few a run
MIN_PHOTO_PPI = 200  # print targets: a photo below this at its printed size gets a warning


class Surface:
    """The drawing API products use; see docs/ARCHITECTURE.md, "The Surface API"."""

    def __init__(self, press: PieceHost, canvas, width: float, height: float, bleed: float):
        self.press = press
        self.canvas = canvas
        self.width = width
        self.height = height
        self.bleed = bleed
        self.target: Target = press.target
        self.problems = press.problems

    # -- colour and shapes -------------------------------------------------

    def color(self, spec):
        """A colour spec → CMYKColor on print targets, RGB Color otherwise; `none` → None."""
        return to_color(spec, self.target.cmyk)

    def rect(self, x, y, w, h, fill=None, stroke=None, line_width=0.5, radius=0) -> None:
        """A rectangle (rounded when `radius` > 0), filled and/or stroked."""
        fc, sc = self.color(fill), self.color(stroke)
        if fc is None and sc is None:
            return
        c = self.canvas
        c.saveState()
        if fc is not None:
            c.setFillColor(fc)
        if sc is not None:
            c.setStrokeColor(sc)
            c.setLineWidth(line_width)
        if radius > 0:
            c.roundRect(x, y, w, h, radius, stroke=int(sc is not None), fill=int(fc is not None))
        else:
            c.rect(x, y, w, h, stroke=int(sc is not None), fill=int(fc is not None))
        c.restoreState()

    def bleed_rect(self, x, y, w, h, fill) -> None:
        """A filled rectangle whose sides lying on the trim edge run out into the bleed."""
        b = self.bleed
        x2, y2 = x + w, y + h
        if abs(x) < EPS:
            x -= b
        if abs(y) < EPS:
            y -= b
        if abs(x2 - self.width) < EPS:
            x2 += b
        if abs(y2 - self.height) < EPS:
            y2 += b
        self.rect(x, y, x2 - x, y2 - y, fill=fill)

    def line(self, x1, y1, x2, y2, color, width=0.5) -> None:
        """A straight line."""
        c = self.canvas
        c.saveState()
        c.setStrokeColor(self.color(color))
        c.setLineWidth(width)
        c.line(x1, y1, x2, y2)
        c.restoreState()

    # -- text --------------------------------------------------------------

    def text_width(self, s: str, size: float, bold: bool = False) -> float:
        """Width of `s` set at `size` points."""
        return _text.measure(s, size, bold)

    def text(self, x, y, s, size, bold=False, color="black", align="left", rtl=False) -> float:
        """One line of text with its baseline at y; returns its width.

        `rtl`: the line belongs to a right-to-left paragraph (a mirrored layout).
        """
        self._check_glyphs(s, "text")
        c = self.canvas
        c._code += self.text_state_ops(color, size)
        width = _text.draw_line(c, x, y, s, size, bold=bold, align=_align(align), rtl=rtl)
        c._code.append("Q")
        return width

    def fit(
        self,
        s,
        x,
        y,
        w,
        h,
        max_size,
        min_size,
        max_lines=1,
        bold=False,
        color="black",
        align="left",
        valign="top",
        leading=1.15,
        what="text",
        lang=None,
    ):
        """Text fitted into the box (x, y, w, h): shrink to `min_size`, then break, then truncate.

        Returns the Fit. A truncated result records a warning naming `what`;
        shrunk or broken results are noted in `press.fitted_notes`. `lang` (a
        BCP 47 tag; default: the active language) picks the hyphenation patterns for words
        too long for a line.
        """
        result = _fit.fit_text(
            s,
            w,
            h,
            max_size,
            min_size,
            max_lines=max_lines,
            measure=lambda t, size: _text.measure(t, size, bold),
            leading=leading,
            lang=lang or current().tag,
        )
        self._check_glyphs(s, what)
        if result.truncated:
            self.problems.warn(
                f'"{s}" does not fit in {w / MM:.0f} x {h / MM:.0f} mm even at '
                f"{min_size:g} pt on {max_lines} line(s); it was shortened",
                field=what,
            )
        elif result.shrunk or result.broken:
            how = " and ".join(
                p
                for p in (
                    f"shrunk to {result.size:.1f} pt" if result.shrunk else "",
                    f"broken into {len(result.lines)} lines" if result.broken else "",
                )
                if p
            )
            self.press.fitted_notes.append(f'{what}: "{s}" {how}')
        lines = [ln for ln in result.lines]
        if not lines:
            return result
        size = result.size
        line_h = size * leading
        cap = _text.cap_height(size, bold)
        block = cap + (len(lines) - 1) * line_h
        if valign == "top":
            first = y + h - cap
        elif valign in ("middle", "center", "centre"):
            first = y + (h + block) / 2 - cap
        elif valign == "bottom":
            first = y + block - cap
        else:
            raise ValueError(f"valign must be top, middle or bottom, not {valign!r}")
        ax = _anchor_x(x, w, align)
        c = self.canvas
        c._code += self.text_state_ops(color, size)
        for i, ln in enumerate(lines):
            _text.draw_line(c, ax, first - i * line_h, ln, size, bold=bold, align=_align(align))
        c._code.append("Q")
        return result

    def paragraph(
        self,
        s,
        x,
        y_top,
        w,
        size,
        bold=False,
        color="black",
        leading=1.35,
        max_height=None,
        lang=None,
    ) -> tuple[float, str]:
        """Wrapped text from y_top downwards; stops before `max_height`.

        Returns (height used, text that did not fit — "" when all of it did).
        Line breaks in `s` start new paragraphs.
        """
        line_h = size * leading
        cap = _text.cap_height(size, bold)
        measure = lambda t, sz: _text.measure(t, sz, bold)  # noqa: E731
        paras = [p.strip() for p in (s or "").split("\n")]
        self._check_glyphs(s or "", "text")
        c = self.canvas
        c._code += self.text_state_ops(color, size)
        n = 0
        rest = ""
        for pi, para in enumerate(paras):
            para = " ".join(para.split())
            lines = _fit.wrap_lines(para, w, size, measure, lang or current().tag) if para else []
            for li, ln in enumerate(lines or [_fit.Line("", 0, 0)]):
                if max_height is not None and (n + 1) * line_h > max_height + EPS:
                    left = para[lines[li].start :] if lines else ""
                    rest = "\n".join([left, *paras[pi + 1 :]]).strip()
                    break
                if ln.text:
                    _text.draw_line(c, x, y_top - cap - n * line_h, ln.text, size, bold=bold)
                n += 1
            if rest:
                break
        c._code.append("Q")
        return n * line_h, rest

    def _text_fill(self, color, size: float) -> None:
        """Set the colour of text of `size` points.

        On print targets the colour keeps to the inks its size allows (one
        under 9 pt, two under 12 pt: press/inks.py), and pure black text
        overprints (no white halo).
        """
        cmyk = self.target.cmyk
        key = (color, inks_allowed(size), cmyk) if isinstance(color, str) else None
        got = _FILLS.get(key) if key is not None else None
        if got is None:
            fc = self.color(color)
            if cmyk and fc is not None:
                fc = text_ink(fc, size)
            got = (fc, bool(cmyk and fc is not None and _is_pure_black(fc)))
            if key is not None:
                _FILLS[key] = got
        fc, overprint = got
        c = self.canvas
        c.setFillColor(fc)
        if overprint:
            c.setFillOverprint(True)
            c.setOverprintMask(1)

    def text_state_ops(self, color, size: float) -> list[str]:
        """The operators `saveState()` + `_text_fill(color, size)` write, worked out once.

        The caller appends them, its text operators and "Q" to the canvas's code:
        the same page content as saveState / _text_fill / … / restoreState,
        without ReportLab's state objects (text drawing changes none of them).

        They depend on the colour, the size and the canvas's graphics state
        parameters (alpha, overprint), so they are kept under that key; ops that
        name a page resource (an ExtGState, a separation colour space) are kept
        for their page only (a new page starts new tables of names). The first
        call runs the real calls, later ones reuse their output.
        """
        # the fill depends on the size only through the inks it allows (press/inks.py)
        return self._state_ops("text", color, inks_allowed(size),
                               lambda: self._text_fill(color, size))  # fmt: skip

    def fill_state_ops(self, color) -> list[str]:
        """The operators `saveState()` + `canvas.setFillColor(color)` write (cached as text's)."""
        return self._state_ops(
            "fill", color, 0, lambda: self.canvas.setFillColor(self.color(color))
        )

    def _state_ops(self, kind: str, color, variant, setup) -> list[str]:
        """saveState + `setup()`'s operators, cached by (kind, colour, variant, graphics state)."""
        c = self.canvas
        names = c._extgstate._c
        held = c.__dict__.get("_printkit_text_state")
        if held is None:
            held = c._printkit_text_state = [names, {}, {}]  # page, its ops, ops for any page
        elif held[0] is not names:
            held[0], held[1] = names, {}
        try:
            key = (kind, type(self), color, variant, tuple(c._extgstate._d.items()))
            ops = held[2].get(key)
            return ops if ops is not None else held[1][key]
        except TypeError:  # an unhashable colour: no cache
            key = None
        except KeyError:
            pass
        start = len(c._code)
        c.saveState()
        setup()
        ops = c._code[start:]
        c.restoreState()
        del c._code[start:]
        if key is not None:
            held[1 if any("/" in op for op in ops) else 2][key] = ops
        return ops

    def _check_glyphs(self, s: str, where) -> None:
        warn = getattr(_text, "warn_missing", None)
        if warn is not None and s:
            warn(s, self.problems, where)

    # -- QR, photos ----------------------------------------------------------

    def qr(self, x, y, size, payload, ec="M", color="black") -> None:
        """A QR code in the square (x, y, size), quiet zone included.

        Raises QRTooSmall when the modules would be below the target's minimum.
        """
        from printkit.press import qr as _qr

        min_module = _qr.MIN_MODULE_MM.get(self.target.name, 0.0) * MM
        n, ops = _qr_ops(payload, ec)
        unit = size / (n + 2 * _qr.QUIET)
        c = self.canvas
        if unit < min_module * (1 - 1e-9):
            c.saveState()
            try:
                c.setFillColor(self.color(color))
                _qr.draw_qr(c, x, y, size, payload, ec=ec, min_module=min_module)  # refuses
            finally:
                c.restoreState()
            return
        # one path in module units: whole-number rectangles, one transform; the same
        # operators as saveState / setFillColor / transform / addLiteral / restoreState
        quiet = _qr.QUIET * unit
        c._code += self.fill_state_ops(color)
        c._code += (f"{fp_str(unit, 0, 0, unit, x + quiet, y + quiet)} cm", ops, "Q")

    def photo(self, x, y, w, h, ref, name, color, circle=False, base_dir=None, where=None) -> None:
        """A photo cropped into the frame; without one, an initials disc in `color`.

        `where` is the (file, line) that named the photo, for warnings; a Speaker's
        `src` may be passed as is.
        """
        from printkit.press import images

        prepared = None
        if ref:
            if where is not None and not isinstance(where, tuple):
                where = (getattr(where, "file", None), getattr(where, "line", None))
            prepared = self.press.photos.prepared(
                ref, w, h, self.target.cmyk, base_dir=base_dir, where=where or (None, None),
                min_ppi=None if self.target.name == "screen" else MIN_PHOTO_PPI,
            )  # fmt: skip
        if prepared is not None:
            images.draw_photo(self.canvas, prepared, x, y, w, h, circle=circle)
        else:
            images.draw_initials(
                self.canvas,
                x,
                y,
                w,
                h,
                name or "",
                fill=self.color(color),
                text_fill=self.color("white"),
                circle=True,
            )

    # -- links, bookmarks, forms ---------------------------------------------

    def link(self, x, y, w, h, url: str) -> None:
        """A clickable area; only the screen target keeps links."""
        if self.target.links and url:
            self.canvas.linkURL(url, (x, y, x + w, y + h), relative=1, thickness=0)

    def bookmark(self, title: str, level: int = 0) -> None:
        """An outline entry pointing at this page."""
        self.press.add_bookmark(title, level)

    def form(self, key: str, draw: Callable[[Surface], None]) -> None:
        """Draw `draw(surface)` once as a form XObject and place it here; later calls reuse it."""
        self.press.place_form(self, key, draw)


@lru_cache(maxsize=256)  # repeated codes (schedule, sessions); most badges' codes are unique
def _qr_ops(payload: str, ec: str) -> tuple[int, str]:
    """Payload → (modules per side, PDF path operators filling its dark modules in module units)."""
    from printkit.press import qr as _qr
    from printkit.press.qr_ops import rect_ops

    n, grid = _qr.qr_grid(payload, ec)
    return n, rect_ops(grid, n)


def _anchor_x(x: float, w: float, align: str) -> float:
    if align == "left":
        return x
    if align in ("center", "centre"):
        return x + w / 2
    if align == "right":
        return x + w
    raise ValueError(f"align must be left, center or right, not {align!r}")


def _is_pure_black(c) -> bool:
    cmyk = getattr(c, "cmyk", None)
    return cmyk is not None and not getattr(c, "spotName", None) and tuple(cmyk()) == (0, 0, 0, 1)


def _align(align: str) -> str:
    return "center" if align == "centre" else align
