"""A Badge + layout → drawing calls on a Surface: artwork (as one form per role), front, back, fold-over.

The artwork every badge of a role shares (event band with wordmark or logo,
role band with its word, paper colour) is drawn once as a form. The person's
part (names, photo, QR, sessions) is fitted with `printkit.fit` and drawn
line by line; names that had to shrink or break are noted in `Notes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from printkit import fit as _fit
from printkit.i18n import N_, tr
from printkit.model import Event, Session
from printkit.press import text as _text
from printkit.press.color import hex_rgb
from printkit.press.inks import at_most_inks, reversed_type
from printkit.press.surface import Surface
from printkit.products import style
from printkit.products.badges.geometry import (
    Block,
    Box,
    Face,
    baselines,
    face,
    front_boxes,
    stack_height,
)
from printkit.products.badges.people import Badge
from printkit.products.badges.schema import BadgeLayout
from printkit.products.parts import Panel, on_color, reading_order
from printkit.units import MM

TITLE_LINES = 3  # a session title's lines on the back before it may take free space below
TITLE_LINES_MAX = 8

MORE_SESSIONS = N_("+{n} more in the schedule")
RULE = "#D0D3D8"  # the hairline over the venue on a speaker's back
BACK_INSET = 1.0  # space above the name on the back, in layout gaps


_CAPS: list[float] = []  # cap height per point, regular and bold (fonts load on first use)


def cap(size: float, bold: bool) -> float:
    if not _CAPS:
        _CAPS.extend((_text.cap_height(1.0, False), _text.cap_height(1.0, True)))
    return _CAPS[bold] * size


SCALE_MAX = 1.25  # largest boost for a script whose letters look small at the same size


@lru_cache(maxsize=32)
def _hb_font(font: str):
    """A HarfBuzz font for a registered PK font (its file and TTC index), and its units per em."""
    import uharfbuzz as hb

    from printkit.press import fonts as _fonts

    _fonts.register_fonts()
    _fonts.ensure(font)
    filename, index = _fonts.FILES[font]
    blob = hb.Blob.from_file_path(str(_fonts.asset("fonts", filename)))
    face_ = hb.Face(blob, index)
    return hb.Font(face_), face_.upem


def _foreign(line: str, bold: bool) -> list:
    """The runs of `line` not in PK-Sans (empty for Latin, Greek, Cyrillic)."""
    if line.isascii():
        return []
    plain = {_text.fonts.REGULAR, _text.fonts.BOLD}
    return [r for r in _text.runs(line, bold) if r.font not in plain]


@lru_cache(maxsize=8192)
def ink(line: str, bold: bool) -> tuple[float, float]:
    """(above, below) the baseline of `line`'s ink at size 1, from the shaped glyphs' extents.

    Lines all in PK-Sans give (cap height, 0): their spacing is the leading's.
    """
    import uharfbuzz as hb

    top, bottom = cap(1.0, bold), 0.0
    for r in _foreign(line, bold):
        font, upem = _hb_font(r.font)
        buf = hb.Buffer()
        buf.add_str(r.text)
        buf.guess_segment_properties()
        hb.shape(font, buf, {})
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
            e = font.get_glyph_extents(info.codepoint)
            if e is None or e.height == 0:
                continue
            hi = (pos.y_offset + e.y_bearing) / upem
            lo = (pos.y_offset + e.y_bearing + e.height) / upem
            top, bottom = max(top, hi), min(bottom, lo)
    return top, -bottom


@lru_cache(maxsize=4096)
def scale(text: str, bold: bool) -> float:
    """Size factor that gives `text` about the visual size of Latin capitals at the same size.

    A script whose font has a lower cap height (Devanagari's headline, Arabic's
    letter body) is set larger by PK-Sans cap / font cap, up to SCALE_MAX;
    mixed or Latin text is 1.
    """
    from reportlab.pdfbase import pdfmetrics

    foreign = _foreign(text, bold)
    if not foreign or len({r.font for r in foreign}) != 1:
        return 1.0
    if sum(len(r.text.strip()) for r in foreign) < len("".join(text.split())):
        return 1.0  # mixed with Latin letters: keep the Latin size
    _text.fonts.ensure(foreign[0].font)
    face_ = pdfmetrics.getFont(foreign[0].font).face
    their = (getattr(face_, "capHeight", 0) or 0) / 1000.0
    if their <= 0:
        return 1.0
    return max(1.0, min(SCALE_MAX, cap(1.0, bold) / their))


def block(lines, size: float, bold: bool, color: str, leading: float, after: float) -> Block:
    """A Block with each line's ink extents, so marks above and below never touch."""
    lines = tuple(lines)
    if all(x.isascii() for x in lines):  # the common case: PK-Sans, the leading's spacing
        return Block(lines, size, bold, color, leading, after)
    ext = [ink(x, bold) for x in lines]
    if all(d == 0.0 for _, d in ext):
        return Block(lines, size, bold, color, leading, after)
    return Block(lines, size, bold, color, leading, after,
                 tuple(a * size for a, _ in ext), tuple(d * size for _, d in ext))  # fmt: skip


@dataclass
class Notes:
    """What happened to names while fitting: shrunk or broken (listed in the summary)."""

    fitted: list[str] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)


@dataclass
class BadgeArt:
    """Draws badges of one event in one layout."""

    event: Event
    layout: BadgeLayout
    notes: Notes = field(default_factory=Notes)

    def __post_init__(self):
        self.cut_titles: set[str] = set()  # sessions whose title was shortened (warned once)
        self.dropped: set[tuple[str, str]] = set()  # QR codes left out (warned once each)
        self._venue_blocks: dict[float, tuple[Block, ...]] = {}
        self.face: Face = face(self.layout)
        self.band_color = self.layout.colors.band or self.event.colors.primary
        self.schedule = self.event.schedule_url or self.event.url
        # the brand colour for small text on white, when it reads there
        self.accent = self.band_color if on_color(self.band_color) == "white" else style.INK
        # white band text is 9 pt (bold below 12) where the band has room; else the band is 2 inks
        self.reversed_room = self._band_room() >= _reversed_need(self.layout.band)

    # -- pieces ------------------------------------------------------------------

    def front_piece(self, s: Surface, b: Badge) -> None:
        """The printed piece's front: one face, or both faces of a fold-over."""
        if s.target.links:  # screen: an outline entry per badge
            s.bookmark(b.name)
        if self.layout.fold == "none":
            self.front(reading_order(s), b)
            return
        w, h = self.layout.face
        self.front(reading_order(Panel(s, w, h)), b)
        c = s.canvas
        c.saveState()
        c.translate(w, 2 * h)
        c.rotate(180)
        self.back(reading_order(Panel(s, w, h)), b)
        c.restoreState()

    # -- artwork (one form per role) ----------------------------------------------

    def art(self, s: Surface, role: str) -> None:
        s.form(f"badge-art-{role}", lambda fs: self._draw_art(fs, role))

    def _draw_art(self, s: Surface, role: str) -> None:
        lay, f = self.layout, self.face
        if hex_rgb(lay.colors.paper) != (255, 255, 255):
            s.bleed_rect(0, 0, f.width, f.height, lay.colors.paper)
        band_fill = self.band_color
        if on_color(band_fill) == "white" and not self.reversed_room:
            band_fill = at_most_inks(s.color(band_fill), 2)
        s.bleed_rect(f.band.x, f.band.y, f.band.w, f.band.h, band_fill)
        self._band_text(s)
        fill = style.role_color(self.event, role)
        s.bleed_rect(f.role.x, f.role.y, f.role.w, f.role.h, fill)
        word = style.role_label(role)
        m, safe = lay.margin, lay.safe
        size = lay.role_band.size
        wide = s.text_width(word, size, True)
        if wide > f.width - 2 * m:
            size *= (f.width - 2 * m) / wide
        capy = cap(size, True)
        base = max(safe, (f.role.h - capy) / 2)
        s.text(f.width / 2, base, word, size, bold=True, color=on_color(fill), align="center")

    def _band_text(self, s: Surface) -> None:
        lay, f, ev = self.layout, self.face, self.event
        band = lay.band
        ink = on_color(self.band_color)
        m = lay.margin
        top = f.height - lay.safe
        bottom = f.band.y + min(lay.safe, f.band.h * 0.18)
        align = "center" if lay.arrangement == "stacked" else "left"
        if band.dates:
            dates = style.date_range(ev)
            if ev.venue.city:
                dates = f"{dates} · {ev.venue.city}"
            size, bold, least = band.dates_size, False, band.dates_size * 0.75
            if ink == "white" and self.reversed_room:  # reversed: 9 pt at least, bold below 12
                size, bold = reversed_type(size, bold)
                least = max(least, size)
            s.fit(dates, m, bottom, f.width - 2 * m, size * 1.2, size, least, bold=bold,
                  color=ink, align=align, valign="bottom", what="band dates")  # fmt: skip
            bottom += size * 1.2 + size * 0.4
        box = Box(m, bottom, f.width - 2 * m, max(1.0, top - bottom))
        if ev.logo and self._logo(s, box, align):
            return
        least = band.wordmark_min
        if ink == "white" and self.reversed_room:
            least = reversed_type(least, True)[0]
        s.fit(ev.name, box.x, box.y, box.w, box.h, max(band.wordmark_size, least), least,
              max_lines=2, bold=True, color=ink, align=align, valign="middle",
              what="event name")  # fmt: skip

    def _band_room(self) -> float:
        """Height the band's text may use, from the safe line at the top to the band's foot."""
        lay, f = self.layout, self.face
        return f.height - lay.safe - (f.band.y + min(lay.safe, f.band.h * 0.18))

    def _logo(self, s: Surface, box: Box, align: str) -> bool:
        img = s.press.photos.load(str(self.event.logo))
        if img is None:
            return False
        iw, ih = img.size
        h = min(box.h, self.layout.band.logo_height)
        w = h * iw / ih
        if w > box.w:
            w, h = box.w, box.w * ih / iw
        x = box.x + (box.w - w) / 2 if align == "center" else box.x
        y = box.y + (box.h - h) / 2
        pad = 1.2 * 72 / 25.4
        s.rect(x - pad, y - pad, w + 2 * pad, h + 2 * pad, fill="white", radius=pad)
        s.photo(x, y, w, h, str(self.event.logo), self.event.name, self.band_color)
        return True

    # -- front -------------------------------------------------------------------

    def front(self, s: Surface, b: Badge) -> None:
        lay, f = self.layout, self.face
        self.art(s, b.role)
        # no disc for a name without letters (it would print as an empty circle)
        photo = b.is_speaker and lay.photo.show and bool(b.photo or _text.initials(b.name))
        qs = None
        if b.qr and lay.qr.show:  # grown for a long payload, up to the layout's qr.max
            c = f.content
            qs = self._grown(s, b.qr, lay.qr.size, min(lay.qr.max, c.w, c.h), b)
        qr = qs is not None
        room = front_boxes(lay, f, photo, qr, qr_size=qs).text
        blocks = self._name_blocks(b, room.w)
        while len(blocks) > 1 and _height(blocks) > room.h:
            blocks = blocks[:-1]  # organization, then pronouns, give way to the name
        boxes = front_boxes(lay, f, photo, qr, _height(blocks), qr_size=qs)
        if boxes.photo is not None:
            p = boxes.photo
            s.photo(p.x, p.y, p.w, p.h, b.photo, style.plain_name(b.name),
                    style.role_color(self.event, b.role),
                    circle=True, base_dir=b.base_dir)  # fmt: skip
        if boxes.qr is not None:
            q = boxes.qr
            if self.qr(s, q, b.qr, b) and b.qr and b.qr.startswith(("https://", "http://")):
                s.link(q.x, q.y, q.w, q.h, b.qr)  # kept on the screen target only
        self._draw_blocks(s, blocks, boxes.text, boxes.align, "middle")

    def _name_blocks(self, b: Badge, width: float) -> list[Block]:
        lay = self.layout
        n = lay.names
        first_size = int(_text.size_for_cap_height(n.first_cap, True) * 10) / 10
        gap = lay.gap
        blocks = []
        k = 1.0 if b.first.isascii() else scale(b.first, True)
        fit = self._fit_name(b, b.first, width, first_size * k, n.first_min * k, n.first_lines,
                             True)  # fmt: skip
        blocks.append(block(fit.lines, fit.size, True, lay.colors.ink, n.leading, fit.size * 0.28))
        if b.rest:
            k = 1.0 if b.rest.isascii() else scale(b.rest, False)
            fit = self._fit_name(b, b.rest, width, n.surname_size * k, n.surname_min * k,
                                 n.surname_lines)  # fmt: skip
            blocks.append(block(fit.lines, fit.size, False, lay.colors.ink, n.leading, gap))
        if b.pronouns:
            fit = _fit_lines(b.pronouns, width, n.pronouns_size, n.pronouns_size * 0.8, 1)
            blocks.append(block(fit.lines, fit.size, False, lay.colors.muted, n.leading, gap * 0.7))
        if b.organization:
            fit = _fit_lines(b.organization, width, n.organization_size, n.organization_min,
                             n.organization_lines)  # fmt: skip
            blocks.append(block(fit.lines, fit.size, True, lay.colors.muted, n.leading, 0.0))
        if len(blocks) > 1:
            blocks[-1] = _replace_after(blocks[-1], 0.0)
        return blocks

    def _fit_name(self, b: Badge, s: str, width: float, size: float, floor: float, lines: int,
                  bold: bool = False, note: bool = True) -> _fit.Fit:  # fmt: skip
        """Fit a name; a cut is always recorded, a shrink or break when `note` (the front)."""
        result = _fit_lines(s, width, size, floor, lines, bold)
        changed = note and (result.broken or result.size < size - 0.15)
        if result.truncated and b.name not in self.notes.cut[-1:]:
            self.notes.cut.append(b.name)
        elif changed and not result.truncated and b.name not in self.notes.fitted[-1:]:
            self.notes.fitted.append(b.name)
        return result

    def _draw_blocks(self, s: Surface, blocks, box: Box, align: str, valign: str) -> None:
        x = box.x + box.w / 2 if align == "center" else box.x
        for blk, ys in zip(blocks, baselines(blocks, box, cap, valign), strict=True):
            for line, y in zip(blk.lines, ys, strict=True):
                s.text(x, y, line, blk.size, bold=blk.bold, color=blk.color, align=align)

    def _grown(self, s: Surface, payload: str, size: float, most: float, b: Badge | None,
               what: str = "QR code") -> float | None:  # fmt: skip
        """The side of a code planned at `size` grown for `payload` up to `most`; None (warned)
        when even `most` holds no code with modules at the target's minimum."""
        from printkit.press import qr as _qr

        got = _qr.grown_size(payload, size, most, s.target.name)
        if got is not None:
            return got[0]
        src = b.src if b is not None else None
        who = f" on {b.name}'s badge" if b is not None else " on the badges"
        if (what, payload) not in self.dropped:
            self.dropped.add((what, payload))
            s.problems.warn(f"{what}{who} left out: {_short(payload)!r} is too long for a code of "
                            f"at most {most / MM:.0f} mm ({self.layout.name} layout)",
                            src.file if src else None, src.line if src else None, "qr")  # fmt: skip
        return None

    def qr(self, s: Surface, box: Box, payload: str, b: Badge | None) -> bool:
        """A QR code in `box` (error correction M, else L when only L fits), or a warning."""
        import math

        from printkit.press import qr as _qr

        min_module = _qr.MIN_MODULE_MM.get(s.target.name, 0.0) * MM
        need, why = float("inf"), ""
        for ec in ("M", "L"):
            try:
                need = _qr.min_size_for(payload, ec, min_module)
            except Exception as e:  # qrcode's DataOverflowError and friends
                why = why or str(e) or type(e).__name__
                continue
            if need <= box.w + 1e-6:
                s.qr(box.x, box.y, box.w, payload, ec=ec)
                return True
            why = f"it needs {math.ceil(need / MM - 1e-6):.0f} mm"
        src = b.src if b is not None else None
        who = f" on {b.name}'s badge" if b is not None else ""
        s.problems.warn(f"QR code{who} left out: {_short(payload)!r} is too long for a "
                        f"{box.w / MM:.0f} mm code ({why})",
                        src.file if src else None, src.line if src else None, "qr")  # fmt: skip
        return False

    # -- back --------------------------------------------------------------------

    def back(self, s: Surface, b: Badge) -> None:
        """The name again on top; a speaker's sessions below it, venue and schedule QR at the foot."""
        lay, f = self.layout, self.face
        bk = lay.back
        self.art(s, b.role)
        c = f.content
        k = scale(b.name, True)
        fit = self._fit_name(b, b.name, c.w, bk.name_size * k, bk.name_min * k, 3, True,
                             note=False)  # fmt: skip
        align = "center" if lay.arrangement == "stacked" else "left"
        name = block(fit.lines, fit.size, True, lay.colors.ink, lay.names.leading, 0.0)
        inset = lay.gap * BACK_INSET
        self._draw_blocks(s, [name], Box(c.x, c.y, c.w, c.h - inset), align, "top")
        sessions = [x for x in b.sessions if not x.is_break]
        if b.is_speaker and sessions:
            rest = Box(c.x, c.y, c.w, c.h - inset - _height([name]) - lay.gap * 2.5)
            foot = self._venue_height(rest.w, s.target.name, bk.session_qr)
            keep = foot + lay.gap * 2 if foot else 0.0
            low = self._sessions(
                s, sessions, rest, keep
            )  # the sessions first, the venue if it fits
            if foot and low - rest.y >= foot + lay.gap * 2:
                # the same on every speaker's back (the box is fixed): drawn once as a form
                foot_box = Box(rest.x, rest.y, rest.w, foot)
                s.form(f"badge-venue-row-{foot_box}", lambda fs: self._venue_row(fs, foot_box))
        else:
            # the same for every badge: below the tallest name, drawn once as a form
            n = lay.names.leading
            reserve = max(cap(bk.name_size, True), cap(bk.name_min, True) + 2 * bk.name_min * n)
            rest = Box(c.x, c.y, c.w, c.h - inset - reserve - lay.gap * 2)
            kind = "stack" if lay.arrangement == "stacked" else "row"
            s.form("badge-venue", lambda fs: self._venue(fs, rest, kind))

    def _venue_row(self, s: Surface, box: Box) -> None:
        """A speaker's back foot: venue and schedule QR in `box`, a hairline above it."""
        self._venue(s, box, "row", self.layout.back.session_qr)
        y = box.top + self.layout.gap
        s.line(box.x, y, box.right, y, RULE, 0.5)

    def _sessions(self, s: Surface, sessions: list[Session], box: Box, keep: float = 0.0) -> float:
        """Session rows from the top of `box`; returns the lowest y used.

        A long title takes more lines while they fit above `keep` (the venue's
        room), else down to the box's foot; a title cut even then is warned.
        """
        lay = self.layout
        bk = lay.back
        label = tr("YOUR SESSION") if len(sessions) == 1 else tr("YOUR SESSIONS")
        s.text(box.x, box.top - cap(bk.heading_size, True), label, bk.heading_size, bold=True,
               color=lay.colors.muted)  # fmt: skip
        y = box.top - cap(bk.heading_size, True) - bk.heading_size * 0.9
        more_h = bk.detail_size * 1.6
        for i, sess in enumerate(sessions):
            url = sess.url or sess.video
            q = 0.0
            if url:  # grown for a long URL, up to the layout's qr.max and half the row
                q = self._grown(s, url, bk.session_qr, min(lay.qr.max, box.w / 2), None,
                                "session QR code") or 0.0  # fmt: skip
            tw = box.w - (q + lay.gap if q else 0.0)
            left = len(sessions) - i - 1
            low = box.y + (more_h if left else 0.0)
            blocks, cut = self._session_rows(sess, tw, y, [low + keep, low] if keep else [low])
            h = max(_height(blocks), q)
            if cut and y - h >= low - 0.01 and sess.id not in self.cut_titles:
                self.cut_titles.add(sess.id)  # once per session, not per speaker of a panel
                src = sess.src
                s.problems.warn(f"session title {_short(sess.title)!r} does not fit on the badge "
                                f"back ({lay.name} layout); it was shortened with …",
                                src.file if src else None, src.line if src else None, "title")  # fmt: skip
            if y - h < box.y + (more_h if left else 0.0) - 0.01:
                self._more(s, box, y, len(sessions) - i)
                return box.y
            row = Box(box.x, y - h, tw, h)
            self._draw_blocks(s, blocks, row, "left", "top")
            if q:
                self.qr(s, Box(box.right - q, y - q, q, q), url, None)
            y -= h + lay.gap
        return y + lay.gap

    def _more(self, s: Surface, box: Box, y: float, n: int) -> None:
        bk = self.layout.back
        s.text(box.x, y - cap(bk.detail_size, False) - 2, tr(MORE_SESSIONS).format(n=n),
               bk.detail_size, color=self.layout.colors.muted)  # fmt: skip

    def _session_rows(self, sess: Session, width: float, top: float, floors: list[float]):
        """(blocks, title cut?) for a session: 3 title lines, more while they fit above a floor."""
        best, cut = self._session_blocks(sess, width, TITLE_LINES)
        for floor in floors:
            for n in range(TITLE_LINES + 1, TITLE_LINES_MAX + 1):
                if not cut:
                    return best, False
                blocks, more_cut = self._session_blocks(sess, width, n)
                if top - _height(blocks) < floor - 0.01:
                    break
                best, cut = blocks, more_cut
            if len(best[-1].lines) > TITLE_LINES:
                break
        return best, cut

    def _session_blocks(self, sess: Session, width: float, lines: int) -> tuple[list[Block], bool]:
        """The when-and-where line and the title (up to `lines` lines); True when the title was cut."""
        lay = self.layout
        bk = lay.back
        room = self.event.room(sess.room)
        when = f"{style.day_label(sess.day)} · {style.time_range(sess)}"
        detail = f"{when} · {room.name}" if room else when
        d = _fit_lines(detail, width, bk.detail_size, bk.detail_size * 0.8, 2)
        t = _fit_lines(sess.title, width, bk.title_size, bk.title_size * 0.85, lines, True,
                       self.event.text_language(sess))  # fmt: skip
        return [
            block(d.lines, d.size, True, self.accent, 1.2, bk.detail_size * 0.45),
            block(t.lines, t.size, True, lay.colors.ink, 1.18, 0.0),
        ], t.truncated

    def _venue_lines(self, width: float) -> list[Block]:
        """Venue name (bold), address, city and country, dates: one block each."""
        if width not in self._venue_blocks:  # the same few widths on every back
            self._venue_blocks[width] = tuple(self._venue_blocks_at(width))
        return list(self._venue_blocks[width])

    def _venue_blocks_at(self, width: float) -> list[Block]:
        lay, ev = self.layout, self.event
        bk = lay.back
        v = ev.venue
        info = [x for x in (v.name, v.address, ", ".join(p for p in (v.city, v.country) if p))
                if x]  # fmt: skip
        info.append(style.date_range(ev))
        out = []
        for i, text in enumerate(info):
            f = _fit_lines(text, width, bk.title_size, bk.detail_size, 2, i == 0)
            color = lay.colors.ink if i == 0 else lay.colors.muted
            out.append(block(f.lines, f.size, i == 0, color, 1.2, bk.detail_size * 0.45))
        out[-1] = _replace_after(out[-1], 0.0)
        return out

    def _qr_size(self, target: str, box_w: float, box_h: float, size: float | None = None) -> float:
        """The schedule code's side: its layout size grown for the URL, within the box."""
        if not self.schedule:
            return 0.0
        from printkit.press import qr as _qr

        lay = self.layout
        size = size or lay.back.schedule_qr
        most = min(max(lay.qr.max, size), box_w, box_h)
        got = _qr.grown_size(self.schedule, min(size, most), most, target)
        return got[0] if got else min(size, box_w, box_h)

    def _caption_h(self) -> float:
        return cap(self.layout.back.heading_size, True) * 1.9

    def _venue_height(self, width: float, target: str, qr: float | None = None) -> float:
        """Height of the venue row (text left, schedule QR and its caption right)."""
        q = self._qr_size(target, width / 2, float("inf"), qr)
        tw = width - (q + self.layout.gap if q else 0.0)
        return max(_height(self._venue_lines(tw)), q + (self._caption_h() if q else 0.0))

    def _venue(self, s: Surface, box: Box, kind: str, qr: float | None = None) -> None:
        """Venue and schedule QR: a row pinned to the bottom of `box`, or a centred stack."""
        lay = self.layout
        g = lay.gap
        capt = self._caption_h()
        if kind == "row":
            q = self._qr_size(s.target.name, box.w / 2, box.h - capt, qr)
            tw = box.w - (q + g if q else 0.0)
            lines = self._venue_lines(tw)
            h = min(box.h, max(_height(lines), q + (capt if q else 0.0)))
            top = box.top - (box.h - h) / 2  # in the middle of `box` (a speaker's: just fits)
            tbox = Box(box.x, top - h, tw, h)
            qbox = Box(box.right - q, top - q, q, q)
            talign = "left"
        else:
            q = self._qr_size(s.target.name, box.w, box.h)
            lines = self._venue_lines(box.w)
            gap = 2 * g
            th = _height(lines)
            h = th + (gap + q + capt if q else 0.0)
            if h > box.h and q:  # the QR first, then as many lines as fit
                th = max(0.0, box.h - q - capt - gap)
                h = box.h
            top = box.top - max(0.0, (box.h - h) / 2)
            tbox = Box(box.x, top - th, box.w, th)
            qbox = Box(box.x + (box.w - q) / 2, top - h + capt, q, q)
            talign = "center"
        while lines and _height(lines) > tbox.h + 1e-6:
            lines = lines[:-1]
        self._draw_blocks(s, lines, tbox, talign, "top")
        if q and self.qr(s, qbox, self.schedule, None):
            bk = lay.back
            s.text(qbox.x + q / 2, qbox.y - cap(bk.heading_size, True) * 1.3, tr("SCHEDULE"),
                   bk.heading_size, bold=True, color=lay.colors.muted, align="center")  # fmt: skip


def _short(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


@lru_cache(maxsize=4096)  # a back fits the same venue and detail lines again and again
def _fit_lines(s: str, width: float, size: float, floor: float, lines: int, bold: bool = False,
               lang: str | None = None):  # fmt: skip
    floor = min(floor, size)
    height = max(size * 1.15, lines * floor * 1.15)
    return _fit.fit_text(s, width, height, size, floor, max_lines=lines,
                         measure=lambda t, z: _text.measure(t, z, bold), leading=1.15,
                         lang=lang)  # fmt: skip


def _height(blocks) -> float:
    return stack_height(blocks, cap)


def _replace_after(b: Block, after: float) -> Block:
    return Block(b.lines, b.size, b.bold, b.color, b.leading, after, b.asc, b.desc)


def _reversed_need(band) -> float:
    """Band height for reversed text at its legible minimum: a 9 pt bold name and date line."""
    size = max(band.wordmark_min, 9.0)
    need = _text.cap_height(size, True) * 1.4
    if band.dates:
        need += max(band.dates_size, 9.0) * 1.6
    return need
