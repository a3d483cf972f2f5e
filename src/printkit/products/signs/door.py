"""One session → its door sign drawn on a landscape Surface (time, room, title, speakers, QR codes).

`door_sessions` picks what gets a door sign (every session with a room
except breaks), `qr_codes` decides what each QR opens and how it is
captioned, `draw_door` draws the sign.
"""

from __future__ import annotations

from dataclasses import dataclass

from printkit.fit import Fit
from printkit.i18n import session_tag, tr
from printkit.model import Event, Session, Speaker
from printkit.press import text as _text
from printkit.press.qr import grown_size
from printkit.press.surface import Surface
from printkit.products import overnight, style
from printkit.products.parts import (
    LEADING,
    block_height,
    captioned_qr,
    chip,
    draw_lines,
    language_tag,
    language_tag_width,
    largest_fit,
    plan_fit,
    quiet_text,
    reading_order,
    stamp_text,
)
from printkit.products.posters import fold_posters
from printkit.products.signs.layout import DoorSignStyle, SignLayout
from printkit.units import MM


@dataclass(frozen=True)
class QRCode:
    """A QR code on a door sign: what it opens and the caption that says so."""

    url: str
    caption: str
    note: str = ""


def door_sessions(event: Event, sessions) -> list[Session]:
    """Sessions that get a door sign: they have a room and are not breaks."""
    return [s for s in fold_posters(sessions) if s.room is not None and s.type != "break"]


def next_in_room(event: Event, s: Session) -> Session | None:
    """The next session in the same room on the same schedule day, or None."""
    later = [
        o
        for o in fold_posters(event.sessions_in(s.room, s.day))
        if o.id != s.id and (o.start, o.end) > (s.start, s.end) and o.start >= s.start
    ]
    return min(later, key=lambda o: (o.start, o.end), default=None)


def profile_speaker(event: Event, s: Session) -> Speaker | None:
    """The first of the session's speakers who has a profile page."""
    return next((sp for sp in event.session_speakers(s) if sp.profile_url), None)


def qr_codes(event: Event, s: Session) -> list[QRCode]:
    """The talk QR (video, else talk page, else schedule) and the speaker profile QR, if any."""
    out = []
    if s.video:
        out.append(QRCode(s.video, tr("Watch the recording")))
    elif s.url:
        out.append(QRCode(s.url, tr("Talk page")))
    elif event.schedule_url:
        out.append(QRCode(event.schedule_url, tr("Full schedule")))
    elif event.url:
        out.append(QRCode(event.url, tr("Event website")))
    sp = profile_speaker(event, s)
    if sp is not None:
        many = len(s.speakers) > 1
        out.append(QRCode(sp.profile_url, tr("Speaker profile"), sp.name if many else ""))
    return out


def draw_door(s: Surface, event: Event, ses: Session, lay: SignLayout) -> None:
    """A door sign on a landscape surface (mirrored for right-to-left languages)."""
    s = reading_order(s)
    st = lay.door
    W, H, m = s.width, s.height, st.margin
    brand = lay.band_color or event.colors.primary
    ink, muted = lay.ink, lay.muted
    room = event.room(ses.room)

    # band: time range and day left, room right
    s.bleed_rect(0, H - st.band, W, st.band, fill=brand)
    cap = _text.cap_height(st.band_time, True)
    base = H - st.band / 2 - cap / 2
    tw = s.text(m, base, overnight.time_range(ses), st.band_time, bold=True, color="white")
    day = f"  {style.day_label(ses.day)}"
    tw += s.text(m + tw, base, day, st.band_time * 0.62, color="white")
    room_w = W - 2 * m - tw - 10 * MM
    rcap = _text.cap_height(st.band_room, True)
    quiet_text(s, room.name if room else "", m + tw + 10 * MM, base + rcap, room_w, st.band_room,
               st.band_room * 0.55, bold=True, color="white", align="right")  # fmt: skip

    # right column: QR codes
    codes = qr_codes(event, ses)
    qx = W - m - st.qr_column
    top = H - st.band - 10 * MM
    y = top
    qr_bottom = H  # lowest ink of the QR column (its captions included)
    for i, code in enumerate(codes):
        # grown for a long URL up to the column's width; left out (warned) when even that fails
        got = grown_size(
            code.url, st.qr if i == 0 else st.qr_profile, st.qr_column, s.target.name, ("M",)
        )
        if got is None:
            s.problems.warn(f"QR code ({code.caption}) left out of the door sign: {code.url[:40]!r}… "
                            f"is too long for a {st.qr_column / MM:.0f} mm code", field="qr")  # fmt: skip
            continue
        size = got[0]
        x = qx + (st.qr_column - size) / 2
        y -= size
        used = captioned_qr(s, x, y, size, code.url, code.caption, st.caption, ink, muted,
                            code.note)  # fmt: skip
        qr_bottom = y - used - st.caption * 0.4
        y -= used + st.caption * 2.2

    # footer: next in this room (at the label's size, one or two lines, cut with …), as of
    nxt = next_in_room(event, ses)
    label = tr("Next in this room:")
    what = (
        f"{overnight.time_label(nxt)} – {nxt.title}"
        if nxt
        else tr("Last session in this room today")
    )
    stamp = stamp_text(event.version_stamp)
    sw = _text.measure(stamp, st.stamp) + 8 * MM if stamp else 0
    nsize = st.next
    lw = _text.measure(label, nsize, True) + nsize * 0.4
    nfit = plan_fit(what, W - 2 * m - lw - sw, 2 * nsize * LEADING + 0.01, nsize, nsize, 2)
    extra = (len(nfit.lines) - 1) * nsize * LEADING
    base = m + st.next * 0.5 + extra  # baseline of the label and the first line
    foot = base + st.next * 1.7
    s.line(m, foot, W - m, foot, lay.rule, width=0.8)
    s.text(m, base, label, nsize, bold=True, color=ink)
    draw_lines(s, nfit, m + lw, base + _text.cap_height(nsize), color=ink)
    if stamp:
        s.text(W - m, m + st.next * 0.5, stamp, st.stamp, color=muted, align="right")

    # left column: kicker, title, subtitle, speakers
    lx = m
    lw_ = qx - 8 * MM - m
    y = top
    kick = _kicker(event, ses)
    code = session_tag(ses.language)  # "EN" on a French program
    if kick or code:
        kcap = _text.cap_height(st.kicker, True)
        tag_w = language_tag_width(code, st.kicker) + st.kicker if code else 0.0
        used = 0.0
        if kick:
            color, text = kick
            used = chip(s, lx, y - kcap, color, text, st.kicker, muted, lw_ - tag_w)
            used += st.kicker if code else 0.0
        if code:
            language_tag(s, lx + used, y - kcap, code, st.kicker, muted)
        y -= kcap + st.kicker * 1.3
    speakers = event.session_speakers(ses)
    texts = [speaker_text(sp, len(speakers)) for sp in speakers]
    floor = foot + 7 * MM  # the speakers' bottom edge
    sub_h = 0.0
    if ses.subtitle:
        sub_h = st.subtitle * LEADING * 2 + 4 * MM
    gap = (8 * MM + _text.descent(st.title_max, True)) if speakers else 0.0
    # with no speakers the title is the sign: set it larger and a little above the middle
    biggest = st.title_max * (NO_SPEAKER_SCALE if not speakers else 1.0)

    def title_fit(grid):
        h = y - floor - (grid.height if grid else 0.0) - sub_h - gap
        return largest_fit(ses.title, lw_, max(h, st.title_min * LEADING), biggest,
                           st.title_min, st.title_lines, bold=True, leading=1.08,
                           lang=event.text_language(ses))  # fmt: skip

    # the speakers' space at their smallest type is reserved first; the title takes the rest
    grid, f = None, title_fit(None)
    if speakers:
        options = grid_options(texts, st, W - 2 * m, lw_, qr_bottom - 4 * MM - floor)
        fits = [(g, title_fit(g)) for g in options]
        grid, f = next(((g, t) for g, t in fits if not t.truncated),
                       min(fits, key=lambda gt: gt[0].height))  # fmt: skip
    if f.truncated:
        s.problems.warn(f'title "{ses.title[:60]}" shortened on its door sign', *_where(ses))
    if not speakers:
        used = len(f.lines) * f.size * 1.08 + sub_h
        y -= max(0.0, (y - floor - used) * 0.4)
    y -= draw_lines(s, f, lx, y, bold=True, color=ink, leading=1.08)
    y -= _text.descent(f.size, True)
    if ses.subtitle:
        y -= 4 * MM
        y -= quiet_text(s, ses.subtitle, lx, y, lw_, st.subtitle, st.subtitle * 0.7, 2,
                        color=muted)  # fmt: skip
    if grid is not None:
        room = y - 8 * MM - floor
        if grid.wide:
            room = min(room, qr_bottom - 4 * MM - floor)
        grid = grow_grid(texts, st, grid, room)
        _draw_speakers(s, event, ses, speakers, texts, lx, floor + grid.height, lay, grid)


NO_SPEAKER_SCALE = 1.6  # a keynote or social without names: its title may grow this much


def _where(ses: Session):
    src = ses.src
    return (src.file if src else None, src.line if src else None, "title")


def _kicker(event: Event, ses: Session) -> tuple[str, str] | None:
    track = event.track(ses.track)
    kind = style.type_label(ses.type)
    label = " · ".join(p for p in (kind, track.name if track else "") if p)
    if not label:
        return None
    return (track.color if track else event.colors.accent, label)


# pt: smallest affiliation type on an A4 door sign (the layout's speaker_org_min governs)
AFFILIATION_MIN = DoorSignStyle.speaker_org_min
ROW_GAP = 4 * MM  # between rows of speakers
COL_GAP = 6 * MM  # between columns
PHOTO_GAP = 3.5 * MM  # photo to text


@dataclass(frozen=True)
class SpeakerGrid:
    """Speakers in a grid: columns, photo size, type sizes and each row's height (points)."""

    cols: int
    photo: float
    width: float
    name_size: float
    org_size: float
    rows: tuple[float, ...]
    wide: bool = False  # under the QR column too

    @property
    def height(self) -> float:
        """From the top of the first row to the bottom of the last."""
        return sum(self.rows) + (len(self.rows) - 1) * ROW_GAP

    @property
    def text_width(self) -> float:
        """Width of a cell's name and organization."""
        cell = (self.width - (self.cols - 1) * COL_GAP) / self.cols
        return cell - self.photo - PHOTO_GAP


@dataclass(frozen=True)
class CellText:
    """A speaker's name and organization fitted into a cell, and their height."""

    name: Fit
    org: Fit | None
    name_size: float
    height: float  # first cap line to the last line's descent


def speaker_text(sp: Speaker, n: int) -> tuple[str, str]:
    """(name line, organization line) of a speaker; pronouns when the speakers share one row."""
    name = sp.name + (f" ({sp.pronouns})" if sp.pronouns and n <= 3 else "")
    return name, sp.affiliation or ""


def cell_text(name: str, org: str, w: float, name_size: float, org_size: float, st,
              exact: bool = False) -> CellText:  # fmt: skip
    """Name (two lines, down to the floor) and organization (two lines, cut with … at its floor);
    `exact`: at exactly these sizes (see `cell_texts`)."""
    nfit = plan_fit(name, w, name_size * LEADING * 2 + 0.01, name_size,
                    name_size if exact else min(name_size, st.speaker_name_min), 2, bold=True)  # fmt: skip
    h = block_height(nfit, True)
    if not org:
        return CellText(nfit, None, name_size, h + _text.descent(nfit.size, True))
    ofit = plan_fit(org, w, org_size * LEADING * 2 + 0.01, org_size,
                    org_size if exact else min(org_size, st.speaker_org_min), 2)  # fmt: skip
    h += _text.descent(nfit.size, True) + name_size * 0.35 + block_height(ofit)
    return CellText(nfit, ofit, name_size, h + _text.descent(ofit.size))


def cell_texts(texts, w: float, name_size: float, org_size: float, st) -> list[CellText]:
    """Every speaker's cell with one size for all names and one for all organizations on the
    sign: the smallest any of them needs."""
    alone = [cell_text(n, o, w, name_size, org_size, st) for n, o in texts]
    if not alone:
        return []
    names = min(t.name.size for t in alone)
    orgs = min((t.org.size for t in alone if t.org is not None), default=org_size)
    return [cell_text(n, o, w, names, orgs, st, exact=True) for n, o in texts]


def speaker_grid(texts, st, width: float, cols: int, photo: float, name_size: float,
                 wide: bool = False) -> SpeakerGrid:  # fmt: skip
    """A grid whose rows are as tall as their tallest photo or text block."""
    org_size = max(st.speaker_org_min, st.speaker_org * name_size / st.speaker_name)
    g = SpeakerGrid(cols, photo, width, name_size, org_size, (), wide)
    heights = [t.height for t in cell_texts(texts, g.text_width, name_size, org_size, st)]
    rows = tuple(max([photo, *heights[i : i + cols]]) for i in range(0, len(texts), cols))
    return SpeakerGrid(cols, photo, width, name_size, org_size, rows, wide)


def _columns(n: int) -> int:
    """Columns for n speakers: one row up to three, then two or three columns."""
    return max(n, 1) if n <= 3 else 2 if n == 4 else 3


def grid_options(texts, st, wide_w: float, narrow_w: float, wide_room: float) -> list[SpeakerGrid]:
    """Grids at the smallest type, best first: full width (when clear of the QR column,
    `wide_room` above the floor), then beside it, fewer columns, then smaller discs."""
    n = len(texts)
    cols0 = _columns(n)
    photo = st.photo if n <= 3 else st.photo_small
    small = min(photo, st.photo_small) * 0.75
    at = st.speaker_name_min
    out = []
    if n >= 3:
        for p in (photo, small):
            g = speaker_grid(texts, st, wide_w, cols0, p, at, wide=True)
            if g.height <= wide_room:
                out.append(g)
    for p in (photo, small):
        for cols in range(cols0, 0, -1):
            out.append(speaker_grid(texts, st, narrow_w, cols, p, at))
    return out


def grow_grid(texts, st, grid: SpeakerGrid, room: float) -> SpeakerGrid:
    """The chosen grid with the largest names, then photos, that fit in `room` (never smaller)."""
    top = st.photo if len(grid.rows) == 1 or grid.wide else max(grid.photo, st.photo * 0.8)
    photos = sorted({grid.photo, top, max(grid.photo, st.photo_small)}, reverse=True)
    size = st.speaker_name
    while size > grid.name_size:
        for p in photos:
            g = speaker_grid(texts, st, grid.width, grid.cols, p, size, grid.wide)
            if g.height <= room:
                return g
        size -= 0.5
    for p in photos:
        g = speaker_grid(texts, st, grid.width, grid.cols, p, grid.name_size, grid.wide)
        if g.height <= room:
            return g
    return grid


def _draw_speakers(s: Surface, event, ses, speakers, texts, x, y_top, lay: SignLayout,
                   g: SpeakerGrid) -> None:  # fmt: skip
    st = lay.door
    photo, tw = g.photo, g.text_width
    cell_w = (g.width - (g.cols - 1) * COL_GAP) / g.cols
    color = style.track_color(event, ses, fallback=event.colors.primary)
    row_top = y_top
    cells = cell_texts(texts, tw, g.name_size, g.org_size, st)
    for r, row_h in enumerate(g.rows):
        for c in range(g.cols):
            i = r * g.cols + c
            if i >= len(speakers):
                break
            sp, t = speakers[i], cells[i]
            cx = x + c * (cell_w + COL_GAP)
            cy = row_top - (row_h + photo) / 2
            s.photo(cx, cy, photo, photo, sp.photo, sp.name, color, circle=True,
                    base_dir=sp.base_dir, where=sp.src)  # fmt: skip
            ty = row_top - (row_h - t.height) / 2
            tx = cx + photo + PHOTO_GAP
            used = draw_lines(s, t.name, tx, ty, bold=True, color=lay.ink)
            if t.org is not None:
                top = ty - used - _text.descent(t.name.size, True) - t.name_size * 0.35
                draw_lines(s, t.org, tx, top, color=lay.muted)
        row_top -= row_h + ROW_GAP
