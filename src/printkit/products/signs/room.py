"""One room's sessions on one day → planned rows → room day sign pages drawn on Surfaces.

`plan_rows` measures every row at a type scale (title fitted to at most two
lines, never below the layout's floor), `plan_day` picks the largest scale
at which the day takes the fewest sheets and spreads the rows evenly over
them, and `draw_room_page` draws one page: brand band, room name, date and
floor, rows, a captioned QR and the "as of" line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from printkit import fit as _fit
from printkit.i18n import tr
from printkit.model import Event, Room, Session
from printkit.press import text as _text
from printkit.press.inks import reversed_type
from printkit.press.surface import Surface
from printkit.products import overnight, style
from printkit.products.parts import (
    LEADING,
    block_height,
    chip,
    largest_fit,
    plan_fit,
    quiet_text,
    reading_order,
    stamp_text,
)
from printkit.products.posters import fold_posters
from printkit.products.signs import plan as sign_plan
from printkit.products.signs.layout import SignLayout
from printkit.units import MM

PAD = 3.2 * MM  # space above and below the text of a row


@dataclass(frozen=True)
class RowSizes:
    """Type sizes and padding of the rows at one scale (1.0: the layout's own sizes)."""

    scale: float
    time: float
    title: float
    speakers: float
    chip: float
    pad: float


def row_sizes(st, scale: float = 1.0) -> RowSizes:
    """The layout's row sizes times `scale`; title never below `title_min`, speakers and chip
    never below their own floors."""
    k = scale
    return RowSizes(
        scale=k,
        time=st.time * max(k, 0.8),
        title=max(st.title * k, st.title_min),
        speakers=max(st.speakers * k, min(st.speakers, st.speakers_min)),
        chip=max(st.chip * k, min(st.chip, st.chip_min)),
        pad=PAD * max(k, 0.8),
    )


@dataclass(frozen=True)
class Row:
    """A measured row of a room sign."""

    session: Session
    title: _fit.Fit
    speakers: str
    chip: tuple[str, str] | None  # (colour, label)
    height: float
    sizes: RowSizes

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
            own = fold_posters(event.sessions_in(room.id, d))  # one row per poster session
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
    kind = style.type_label(s.type) if s.type not in ("talk",) else ""
    label = " · ".join(p for p in (kind, track.name if track else "") if p)
    if not label:
        return None
    return (track.color if track else style.FAINT, label)


def plan_rows(
    event: Event, sessions, lay: SignLayout, width: float, scale: float = 1.0
) -> list[Row]:
    """Sessions → rows with their fitted titles and heights at type scale `scale`."""
    st = lay.room
    z = row_sizes(st, scale)
    w = text_width(lay, width)
    rows = []
    for s in sessions:
        if s.type == "break":
            f = plan_fit(s.title, w, z.speakers * LEADING * 2, z.speakers * 1.2, 10, 2,
                         lang=event.text_language(s))  # fmt: skip
            h = z.pad * 1.3 + block_height(f) + z.speakers * 0.3
            rows.append(Row(s, f, "", None, max(h, z.time * 1.6), z))
            continue
        f = largest_fit(s.title, w, z.title * LEADING * 2, z.title, st.title_min, 2, bold=True,
                        lang=event.text_language(s))  # fmt: skip
        names = style.speaker_names(event, s)
        c = chip_label(event, s)
        h = 2 * z.pad + block_height(f, True) + _text.descent(f.size, True)
        if names:
            h += z.speakers * 1.45
        if c:
            h += z.chip * 2.0
        time_h = 2 * z.pad + _text.cap_height(z.time, True) + z.time * 1.2
        if overnight.day_mark(s.end, s.day):
            time_h += z.time * 0.8  # the next day's name under the times
        rows.append(Row(s, f, names, c, max(h, time_h), z))
    return rows


def plan_day(
    event: Event, sessions, lay: SignLayout, width: float, space: float
) -> list[list[Row]]:
    """A day's sessions → pages of rows at the largest type scale that needs the fewest sheets.

    Titles run from the layout's `title` size down to `title_min` (other row
    text scaled with them); only a day that does not fit one sheet at the
    floor continues on further sheets, its rows spread evenly over them.
    """
    st = lay.room
    scales = sign_plan.scale_steps(st.title, st.title_min)
    measured: dict[float, list[Row]] = {}

    def heights(k: float) -> list[float]:
        measured[k] = plan_rows(event, sessions, lay, width, k)
        return [r.height for r in measured[k]]

    k, pages = sign_plan.fit_day(heights, scales, space)
    rows = measured[k]
    return [[rows[i] for i in page] for page in pages]


def rows_area(lay: SignLayout, height: float, room_block: float) -> tuple[float, float]:
    """(top, bottom) of the rows area on a page whose room name block is `room_block` tall."""
    st = lay.room
    top = height - st.band - 8 * MM - room_block - 6 * MM
    return top, st.margin + st.footer


def room_block(
    lay: SignLayout, room: Room, width: float, lines: int | None = None
) -> tuple[_fit.Fit, float]:
    """The fitted room name (at most `lines` lines) and the height of the name plus the date line."""
    st = lay.room
    f = largest_fit(room.name, width - 2 * st.margin, st.room_height, st.room_max, st.room_min,
                    lines or st.room_lines, bold=True, leading=1.05)  # fmt: skip
    h = block_height(f, True, 1.05) + 7 * MM + _text.cap_height(st.meta)
    return f, h


def room_name_setting(event: Event, rds: list[RoomDay], lay: SignLayout, width: float,
                      height: float) -> dict[str, _fit.Fit]:  # fmt: skip
    """Room id → one room-name setting for all its days: the smallest of the per-day choices."""
    out: dict[str, _fit.Fit] = {}
    for rd in rds:
        f, _ = plan_sign(event, rd, lay, width, height)
        have = out.get(rd.room.id)
        if have is None or (f.size, -len(f.lines)) < (have.size, -len(have.lines)):
            out[rd.room.id] = f
    return out


def plan_sign(event: Event, rd: RoomDay, lay: SignLayout, width: float, height: float,
              name: _fit.Fit | None = None):  # fmt: skip
    """(room name fit, pages of rows) for a room day sign.

    The room name is as large as fits; when the day needs more than one
    sheet, the name is set on fewer lines (smaller) if that saves a sheet.
    With `name` given (the room's setting for all its days) it is used as is.
    """
    if name is not None:
        block = block_height(name, True, 1.05) + 7 * MM + _text.cap_height(lay.room.meta)
        top, bottom = rows_area(lay, height, block)
        return name, plan_day(event, rd.sessions, lay, width, top - bottom)
    name, block = room_block(lay, rd.room, width)
    top, bottom = rows_area(lay, height, block)
    pages = plan_day(event, rd.sessions, lay, width, top - bottom)
    for lines in range(len(name.lines) - 1, 0, -1):
        if len(pages) == 1:
            break
        f, b = room_block(lay, rd.room, width, lines)
        if f.truncated:
            break
        t, bt = rows_area(lay, height, b)
        fewer = plan_day(event, rd.sessions, lay, width, t - bt)
        if len(fewer) < len(pages):
            name, pages = f, fewer
    return name, pages


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
    """One page of a room day sign (mirrored for right-to-left languages)."""
    s = reading_order(s)
    st = lay.room
    W, H, m = s.width, s.height, st.margin
    brand = lay.band_color or event.colors.primary
    ink, muted = lay.ink, lay.muted

    # brand band: event name left, venue right
    s.bleed_rect(0, H - st.band, W, st.band, fill=brand)
    base = H - st.band / 2 - _text.cap_height(st.band_text, True) / 2
    venue = event.venue.name or ""
    vsize, vbold = reversed_type(st.band_text * 0.85, False)  # white on the band
    vw = min(_text.measure(venue, vsize, vbold), (W - 2 * m) * 0.4) if venue else 0
    quiet_text(s, event.name, m, base + _text.cap_height(st.band_text, True), W - 2 * m - vw - 6 * MM,
               st.band_text, st.band_text * 0.7, bold=True, color="white")  # fmt: skip
    if venue:
        quiet_text(s, venue, W - m - vw, base + _text.cap_height(vsize, vbold), vw, vsize,
                   reversed_type(st.band_text * 0.6, vbold)[0], bold=vbold, color="white",
                   align="right")  # fmt: skip

    # room name, date and floor
    top = H - st.band - 8 * MM
    used = _draw_fit(s, name_fit, m, top, True, ink, 1.05)
    meta_top = top - used - 7 * MM
    meta = " · ".join(p for p in (style.day_label(rd.day, long=True), rd.room.floor) if p)
    cont = tr("continued") if page > 1 else ""
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
        s.text(m, st.margin + st.footer - 9 * MM, tr("Continued on sheet {next} of {total} →").format(next=page + 1, total=pages),
               st.caption * 1.2, bold=True, color=muted)  # fmt: skip
    stamp = stamp_text(event.version_stamp)
    if stamp:
        s.text(m, m, stamp, st.stamp, color=muted)
    target = rd.room.url or event.schedule_url or event.url
    if target:
        caption = tr("This room online") if rd.room.url else tr("Full schedule")
        q = st.qr
        x = W - m - q
        s.qr(x, m, q, target, color=ink)
        s.link(x, m, q, q, target)
        # what it opens, beside the code (the code keeps the footer's full height)
        cap = _text.cap_height(st.caption, True)
        s.text(x - 1.5 * MM, m + q / 2 - cap / 2, f"{caption} →", st.caption, bold=True,
               color=ink, align="right")  # fmt: skip
    page_note = f"{rd.room.name} · {page}/{pages}" if pages > 1 else ""
    if page_note:
        s.text(m, m + st.stamp * 1.6, page_note, st.stamp, color=muted)


def _draw_fit(s: Surface, f: _fit.Fit, x, y_top, bold, color, leading) -> float:
    from printkit.products.parts import draw_lines

    return draw_lines(s, f, x, y_top, bold=bold, color=color, leading=leading)


def _draw_row(s: Surface, event: Event, row: Row, lay: SignLayout, y_top: float) -> None:
    st = lay.room
    z = row.sizes
    m = st.margin
    x1 = m + st.time_column
    w = s.width - m - x1
    ses = row.session
    if row.is_break:
        s.rect(m, y_top - row.height, s.width - 2 * m, row.height, fill=lay.break_fill)
        tsize = z.time * 0.62
        top = y_top - (row.height - _text.cap_height(tsize)) / 2
        tw = s.text(m + 2 * MM, top - _text.cap_height(tsize), overnight.time_range(ses), tsize,
                    color=lay.muted)  # fmt: skip
        f = row.title
        ftop = y_top - (row.height - block_height(f)) / 2
        # a longer local time range ("10:00–10:30 ص", "10:00 – 10:30 AM") pushes the title on
        _draw_fit(s, f, max(x1, m + 2 * MM + tw + 3 * MM), ftop, False, lay.muted, LEADING)
        return
    top = y_top - z.pad
    s.text(m, top - _text.cap_height(z.time, True), style.time_label(ses.start), z.time,
           bold=True, color=lay.ink)  # fmt: skip
    s.text(m, top - _text.cap_height(z.time, True) - z.time * 1.05,
           f"–{style.time_label(ses.end)}", z.time * 0.66, color=lay.muted)  # fmt: skip
    mark = overnight.day_mark(ses.end, ses.day).strip()
    if mark:  # past midnight: the next day's name under the times ("00:20 –01:00 Sun")
        s.text(m, top - _text.cap_height(z.time, True) - z.time * 1.85, mark, z.time * 0.66,
               bold=True, color=lay.ink)  # fmt: skip
    used = _draw_fit(s, row.title, x1, top, True, lay.ink, LEADING)
    y = top - used - _text.descent(row.title.size, True)
    if row.speakers:
        y -= z.speakers * 0.45
        quiet_text(s, row.speakers, x1, y, w, z.speakers, z.speakers * 0.8, color=lay.ink)
        y -= z.speakers
    if row.chip:
        color, label = row.chip
        y -= z.chip * 0.9
        chip(s, x1, y - _text.cap_height(z.chip, True), color, label, z.chip, lay.muted, w)
