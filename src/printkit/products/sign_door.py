"""One session → its door sign drawn on a landscape Surface (time, room, title, speakers, QR codes).

`door_sessions` picks what gets a door sign (every session with a room
except breaks), `qr_codes` decides what each QR opens and how it is
captioned, `draw_door` draws the sign.
"""

from __future__ import annotations

from dataclasses import dataclass

from printkit.model import Event, Session, Speaker
from printkit.press import text as _text
from printkit.press.surface import Surface
from printkit.products import style
from printkit.products.sign_layout import SignLayout
from printkit.products.sign_parts import (
    LEADING,
    block_height,
    captioned_qr,
    chip,
    draw_lines,
    largest_fit,
    plan_fit,
    quiet_text,
    stamp_text,
)
from printkit.units import MM


@dataclass(frozen=True)
class QRCode:
    """A QR code on a door sign: what it opens and the caption that says so."""

    url: str
    caption: str
    note: str = ""


def door_sessions(event: Event, sessions) -> list[Session]:
    """Sessions that get a door sign: they have a room and are not breaks."""
    return [s for s in sessions if s.room is not None and s.type != "break"]


def next_in_room(event: Event, s: Session) -> Session | None:
    """The next session in the same room on the same schedule day, or None."""
    later = [
        o
        for o in event.sessions_in(s.room, s.day)
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
        out.append(QRCode(s.video, "Watch the recording"))
    elif s.url:
        out.append(QRCode(s.url, "Talk page"))
    elif event.schedule_url:
        out.append(QRCode(event.schedule_url, "Full schedule"))
    elif event.url:
        out.append(QRCode(event.url, "Event website"))
    sp = profile_speaker(event, s)
    if sp is not None:
        many = len(s.speakers) > 1
        out.append(QRCode(sp.profile_url, "Speaker profile", sp.name if many else ""))
    return out


def draw_door(s: Surface, event: Event, ses: Session, lay: SignLayout) -> None:
    """A door sign on a landscape surface."""
    st = lay.door
    W, H, m = s.width, s.height, st.margin
    brand = lay.band_color or event.colors.primary
    ink, muted = lay.ink, lay.muted
    room = event.room(ses.room)

    # band: time range and day left, room right
    s.bleed_rect(0, H - st.band, W, st.band, fill=brand)
    cap = _text.cap_height(st.band_time, True)
    base = H - st.band / 2 - cap / 2
    tw = s.text(m, base, style.time_range(ses), st.band_time, bold=True, color="white")
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
        size = st.qr if i == 0 else st.qr_profile
        x = qx + (st.qr_column - size) / 2
        y -= size
        used = captioned_qr(s, x, y, size, code.url, code.caption, st.caption, ink, muted,
                            code.note)  # fmt: skip
        qr_bottom = y - used - st.caption * 0.4
        y -= used + st.caption * 2.2

    # footer: next in this room (at the label's size, one or two lines, cut with …), as of
    nxt = next_in_room(event, ses)
    label = "Next in this room:"
    what = (
        f"{style.time_label(nxt.start)} – {nxt.title}" if nxt else "Last session in this room today"
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
    if kick:
        color, text = kick
        kcap = _text.cap_height(st.kicker, True)
        chip(s, lx, y - kcap, color, text, st.kicker, muted, lw_)
        y -= kcap + st.kicker * 1.3
    speakers = event.session_speakers(ses)
    block = _speakers_height(len(speakers), st)
    bottom = foot + 7 * MM + block
    sub_h = 0.0
    if ses.subtitle:
        sub_h = st.subtitle * LEADING * 2 + 3 * MM
    title_h = max(y - bottom - sub_h - (5 * MM if speakers else 0), st.title_min * LEADING)
    # with no speakers the title is the sign: set it larger and a little above the middle
    biggest = st.title_max * (NO_SPEAKER_SCALE if not speakers else 1.0)
    f = largest_fit(ses.title, lw_, title_h, biggest, st.title_min, st.title_lines,
                    bold=True, leading=1.08)  # fmt: skip
    if f.truncated:
        s.problems.warn(f'title "{ses.title[:60]}" shortened on its door sign', *_where(ses))
    if not speakers:
        used = len(f.lines) * f.size * 1.08 + sub_h
        y -= max(0.0, (y - bottom - used) * 0.4)
    y -= draw_lines(s, f, lx, y, bold=True, color=ink, leading=1.08)
    y -= _text.descent(f.size, True)
    if ses.subtitle:
        y -= 4 * MM
        y -= quiet_text(s, ses.subtitle, lx, y, lw_, st.subtitle, st.subtitle * 0.7, 2,
                        color=muted)  # fmt: skip
    if speakers:
        cols, rows = _grid(len(speakers))
        room = y - 8 * MM - (foot + 7 * MM)
        photo = st.photo
        if rows > 1:
            most = st.photo * 0.8
            photo = max(st.photo_small, min(most, (room - (rows - 1) * 4 * MM) / rows))
        top = foot + 7 * MM + rows * photo + (rows - 1) * 4 * MM
        # three or more speakers use the whole width when the QR column ends above them,
        # at full size when the space under the title allows
        wide = len(speakers) >= 3 and top + 4 * MM <= qr_bottom
        if wide and rows > 1:
            big = foot + 7 * MM + rows * st.photo + (rows - 1) * 4 * MM
            if big + 4 * MM <= qr_bottom and big <= y - 8 * MM:
                photo, top = st.photo, big
        _draw_speakers(s, event, ses, speakers, lx, top, W - 2 * m if wide else lw_, lay, photo)


NO_SPEAKER_SCALE = 1.6  # a keynote or social without names: its title may grow this much
AFFILIATION_MIN = 8.0  # pt: smallest affiliation type on a door sign (five speakers, long titles)


def _where(ses: Session):
    src = ses.src
    return (src.file if src else None, src.line if src else None, "title")


def _kicker(event: Event, ses: Session) -> tuple[str, str] | None:
    track = event.track(ses.track)
    kind = style.SESSION_TYPE_LABELS.get(ses.type, "")
    label = " · ".join(p for p in (kind, track.name if track else "") if p)
    if not label:
        return None
    return (track.color if track else event.colors.accent, label)


def _grid(n: int) -> tuple[int, int]:
    """(columns, rows) for n speakers."""
    if n <= 3:
        return max(n, 1), 1
    if n == 4:
        return 2, 2
    return 3, (n + 2) // 3


def _speakers_height(n: int, st) -> float:
    if n == 0:
        return 0.0
    cols, rows = _grid(n)
    photo = st.photo if rows == 1 else st.photo_small
    return rows * photo + (rows - 1) * 4 * MM


def _draw_speakers(s: Surface, event, ses, speakers, x, y_top, w, lay: SignLayout, photo) -> None:
    st = lay.door
    cols, rows = _grid(len(speakers))
    scale = max(0.75, min(1.0, photo / st.photo))
    gap = 6 * MM
    cell_w = (w - (cols - 1) * gap) / cols
    color = style.track_color(event, ses, fallback=event.colors.primary)
    for i, sp in enumerate(speakers):
        r, c = divmod(i, cols)
        cx = x + c * (cell_w + gap)
        cy = y_top - r * (photo + 4 * MM) - photo
        s.photo(cx, cy, photo, photo, sp.photo, sp.name, color, circle=True,
                base_dir=sp.base_dir, where=sp.src)  # fmt: skip
        tx = cx + photo + 3.5 * MM
        tw = cell_w - photo - 3.5 * MM
        name = sp.name + (f" ({sp.pronouns})" if sp.pronouns and rows == 1 else "")
        nsize = st.speaker_name * scale
        osize = st.speaker_org * scale
        aff = sp.affiliation or ""
        nfit = plan_fit(name, tw, nsize * LEADING * 2 + 0.01, nsize, nsize * 0.75, 2, bold=True)
        # read from a step away: never below AFFILIATION_MIN (cut with … instead)
        ofit = plan_fit(
            aff,
            tw,
            osize * LEADING * 2 + 0.01,
            osize,
            min(osize, max(osize * 0.75, AFFILIATION_MIN)),
            2,
        )
        vgap = nsize * 0.35
        h = block_height(nfit, True)
        if aff:
            h += _text.descent(nsize, True) + vgap + block_height(ofit)
        ty = cy + photo / 2 + h / 2
        used = draw_lines(s, nfit, tx, ty, bold=True, color=lay.ink)
        if aff:
            top = ty - used - _text.descent(nsize, True) - vgap
            draw_lines(s, ofit, tx, top, color=lay.muted)
