"""One room's sessions on one day → planned rows → room day sign pages drawn on Surfaces.

`plan_rows` measures every row (title fitted to at most two lines, never
below the layout's floor), `sign_plan.paginate` cuts them into pages, and
`draw_room_page` draws one page: brand band, room name, date and floor,
rows, a captioned QR and the "as of" line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from printkit import fit as _fit
from printkit.model import Event, Room, Session
from printkit.press import text as _text
from printkit.press.surface import Surface
from printkit.products import style
from printkit.products.sign_layout import SignLayout
from printkit.products.sign_parts import (
    LEADING,
    block_height,
    captioned_qr,
    chip,
    largest_fit,
    plan_fit,
    quiet_text,
    stamp_text,
)
from printkit.units import MM

PAD = 3.2 * MM  # space above and below the text of a row


@dataclass(frozen=True)
class Row:
    """A measured row of a room sign."""

    session: Session
    title: _fit.Fit
    speakers: str
    chip: tuple[str, str] | None  # (colour, label)
    height: float

    @property
    def is_break(self) -> bool:
        return self.session.type == "break"


@dataclass(frozen=True)
class RoomDay:
    """A room sign's data: the room, the day and its sessions in time order."""

    room: Room
    day: date
    sessions: tuple[Session, ...]


def room_days(event: Event, rooms: list[Room], days: list[date]) -> list[RoomDay]:
    """Every (room, day) with sessions; room-less breaks during the room's day are listed too."""
    out = []
    for d in days:
        common = [s for s in event.sessions if s.room is None and s.day == d and s.is_break]
        for room in rooms:
            own = list(event.sessions_in(room.id, d))
            if not own:
                continue
            first, last = min(s.start for s in own), max(s.end for s in own)
            own += [s for s in common if first <= s.start < last]
            own.sort(key=lambda s: (s.start, s.end, s.title))
            out.append(RoomDay(room, d, tuple(own)))
    return out


def text_width(lay: SignLayout, width: float) -> float:
    st = lay.room
    return width - 2 * st.margin - st.time_column


def chip_label(event: Event, s: Session) -> tuple[str, str] | None:
    """Track colour and 'Keynote · Track name' (the word beside the colour), or None."""
    track = event.track(s.track)
    kind = style.SESSION_TYPE_LABELS.get(s.type, "") if s.type not in ("talk",) else ""
    label = " · ".join(p for p in (kind, track.name if track else "") if p)
    if not label:
        return None
    return (track.color if track else style.FAINT, label)


def plan_rows(event: Event, sessions, lay: SignLayout, width: float) -> list[Row]:
    """Sessions → rows with their fitted titles and heights."""
    st = lay.room
    w = text_width(lay, width)
    rows = []
    for s in sessions:
        if s.type == "break":
            f = plan_fit(s.title, w, st.speakers * LEADING * 2, st.speakers * 1.2, 10, 2)
            h = PAD * 1.3 + block_height(f) + st.speakers * 0.3
            rows.append(Row(s, f, "", None, max(h, st.time * 1.6)))
            continue
        f = largest_fit(s.title, w, st.title * LEADING * 2, st.title, st.title_min, 2, bold=True)
        names = style.speaker_names(event, s)
        c = chip_label(event, s)
        h = 2 * PAD + block_height(f, True) + _text.descent(f.size, True)
        if names:
            h += st.speakers * 1.45
        if c:
            h += st.chip * 2.0
        time_h = 2 * PAD + _text.cap_height(st.time, True) + st.time * 1.2
        rows.append(Row(s, f, names, c, max(h, time_h)))
    return rows


def rows_area(lay: SignLayout, height: float, room_block: float) -> tuple[float, float]:
    """(top, bottom) of the rows area on a page whose room name block is `room_block` tall."""
    st = lay.room
    top = height - st.band - 8 * MM - room_block - 6 * MM
    return top, st.margin + st.footer


def room_block(lay: SignLayout, room: Room, width: float) -> tuple[_fit.Fit, float]:
    """The fitted room name and the height of the name plus the date line under it."""
    st = lay.room
    f = largest_fit(room.name, width - 2 * st.margin, st.room_height, st.room_max, st.room_min, st.room_lines,
                 bold=True, leading=1.05)  # fmt: skip
    h = block_height(f, True, 1.05) + 7 * MM + _text.cap_height(st.meta)
    return f, h


def draw_room_page(
    s: Surface,
    event: Event,
    rd: RoomDay,
    rows: list[Row],
    name_fit: _fit.Fit,
    lay: SignLayout,
    page: int,
    pages: int,
) -> None:
    """One page of a room day sign."""
    st = lay.room
    W, H, m = s.width, s.height, st.margin
    brand = lay.band_color or event.colors.primary
    ink, muted = lay.ink, lay.muted

    # brand band: event name left, venue right
    s.bleed_rect(0, H - st.band, W, st.band, fill=brand)
    base = H - st.band / 2 - _text.cap_height(st.band_text, True) / 2
    venue = event.venue.name or ""
    vw = min(_text.measure(venue, st.band_text * 0.85), (W - 2 * m) * 0.4) if venue else 0
    quiet_text(s, event.name, m, base + _text.cap_height(st.band_text, True), W - 2 * m - vw - 6 * MM,
               st.band_text, st.band_text * 0.7, bold=True, color="white")  # fmt: skip
    if venue:
        quiet_text(s, venue, W - m - vw, base + _text.cap_height(st.band_text * 0.85), vw,
                   st.band_text * 0.85, st.band_text * 0.6, color="white", align="right")  # fmt: skip

    # room name, date and floor
    top = H - st.band - 8 * MM
    used = _draw_fit(s, name_fit, m, top, True, ink, 1.05)
    meta_top = top - used - 7 * MM
    meta = " · ".join(p for p in (style.day_label(rd.day, long=True), rd.room.floor) if p)
    cont = "continued" if page > 1 else ""
    cw = _text.measure(cont.upper(), st.meta * 0.7, True) + 4 * MM if cont else 0
    quiet_text(s, meta, m, meta_top, W - 2 * m - cw - 4 * MM, st.meta, st.meta * 0.7, color=muted)
    if cont:
        cap = _text.cap_height(st.meta * 0.7, True)
        bh = cap + 3 * MM
        bx = W - m - cw
        by = meta_top - _text.cap_height(st.meta) / 2 - bh / 2
        s.rect(bx, by, cw, bh, fill=event.colors.accent, radius=1.2 * MM)
        s.text(bx + cw / 2, by + (bh - cap) / 2, cont.upper(), st.meta * 0.7, bold=True,
               color=ink, align="center")  # fmt: skip

    # rows
    y = rows_area(lay, H, used + 7 * MM + _text.cap_height(st.meta))[0]
    s.line(m, y, W - m, y, ink, width=1.2)
    for row in rows:
        _draw_row(s, event, row, lay, y)
        y -= row.height
        s.line(m, y, W - m, y, lay.rule, width=0.6)

    # footer: continuation note, "as of" line, QR
    if page < pages:
        s.text(m, st.margin + st.footer - 9 * MM, f"Continued on sheet {page + 1} of {pages} →",
               st.caption * 1.2, bold=True, color=muted)  # fmt: skip
    stamp = stamp_text(event.version_stamp)
    if stamp:
        s.text(m, m, stamp, st.stamp, color=muted)
    target = rd.room.url or event.schedule_url or event.url
    if target:
        caption = "This room online" if rd.room.url else "Full schedule"
        q = st.qr
        captioned_qr(s, W - m - q, m + st.caption * 0.9, q, target, caption, st.caption, ink, muted)
    page_note = f"{rd.room.name} · {page}/{pages}" if pages > 1 else ""
    if page_note:
        s.text(m, m + st.stamp * 1.6, page_note, st.stamp, color=muted)


def _draw_fit(s: Surface, f: _fit.Fit, x, y_top, bold, color, leading) -> float:
    from printkit.products.sign_parts import draw_lines

    return draw_lines(s, f, x, y_top, bold=bold, color=color, leading=leading)


def _draw_row(s: Surface, event: Event, row: Row, lay: SignLayout, y_top: float) -> None:
    st = lay.room
    m = st.margin
    x1 = m + st.time_column
    w = s.width - m - x1
    ses = row.session
    if row.is_break:
        s.rect(m, y_top - row.height, s.width - 2 * m, row.height, fill=lay.break_fill)
        tsize = st.time * 0.62
        top = y_top - (row.height - _text.cap_height(tsize)) / 2
        s.text(m + 2 * MM, top - _text.cap_height(tsize), style.time_range(ses), tsize,
               color=lay.muted)  # fmt: skip
        f = row.title
        ftop = y_top - (row.height - block_height(f)) / 2
        _draw_fit(s, f, x1, ftop, False, lay.muted, LEADING)
        return
    top = y_top - PAD
    s.text(m, top - _text.cap_height(st.time, True), style.time_label(ses.start), st.time,
           bold=True, color=lay.ink)  # fmt: skip
    s.text(m, top - _text.cap_height(st.time, True) - st.time * 1.05,
           f"–{style.time_label(ses.end)}", st.time * 0.66, color=lay.muted)  # fmt: skip
    used = _draw_fit(s, row.title, x1, top, True, lay.ink, LEADING)
    y = top - used - _text.descent(row.title.size, True)
    if row.speakers:
        y -= st.speakers * 0.45
        quiet_text(s, row.speakers, x1, y, w, st.speakers, st.speakers * 0.8, color=lay.ink)
        y -= st.speakers
    if row.chip:
        color, label = row.chip
        y -= st.chip * 0.9
        chip(s, x1, y - _text.cap_height(st.chip, True), color, label, st.chip, lay.muted, w)
