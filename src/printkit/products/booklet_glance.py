"""A day's sessions → at-a-glance grid pages: rooms as columns, time as rows, blocks sized by duration.

`plan_day` is pure: it picks how many rooms share a page (never narrower
than the layout's minimum column) and how many minutes a page shows (never
fewer points per minute than the minimum, so short talks keep legible text),
and cuts the day where no session is running if it can. A session that
crosses a cut appears on both pages. Breaks and sessions without a room
run across every column. `draw_glance` draws one planned page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from printkit import fit as _fit
from printkit.model import Event, Session
from printkit.press import text as ptext
from printkit.press.color import tint
from printkit.products import style
from printkit.products.booklet_parts import baseline, clamp_lines, draw_text, measure

GAP = 120  # minutes without any session that end one grid and start another


@dataclass(frozen=True)
class GlancePage:
    """One grid page: a day, the room ids across it, and the minutes (since midnight) it shows."""

    day: date
    rooms: tuple[str, ...]
    start: int
    end: int
    sessions: tuple[Session, ...]  # those overlapping [start, end) in these rooms or across all
    part: int  # 1-based position among the day's pages
    parts: int


def _minute(s: Session, which: str, day: date) -> int:
    t = getattr(s, which)
    days = (t.date() - day).days
    return days * 1440 + t.hour * 60 + t.minute


def _span(s: Session, day: date) -> tuple[int, int]:
    a = _minute(s, "start", day)
    return a, max(a + 1, _minute(s, "end", day))


def _across(s: Session) -> bool:
    return s.is_break or s.room is None


def chunk_rooms(rooms: list[str], per_page: int) -> list[tuple[str, ...]]:
    """Rooms split into as few pages as `per_page` allows, page sizes differing by at most one."""
    if not rooms:
        return [()]
    pages = math.ceil(len(rooms) / max(1, per_page))
    base, extra = divmod(len(rooms), pages)
    out, i = [], 0
    for k in range(pages):
        size = base + (1 if k < extra else 0)
        out.append(tuple(rooms[i : i + size]))
        i += size
    return out


def clusters(spans: list[tuple[int, int]], gap: int = GAP) -> list[tuple[int, int]]:
    """The day's busy stretches (on half hours): a pause of `gap` minutes or more starts a new one."""
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a - out[-1][1] < gap:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a - a % 30, b + (-b) % 30) for a, b in out]


def cut_times(spans: list[tuple[int, int]], start: int, end: int, max_len: int) -> list[int]:
    """Window boundaries from start to end: as few windows as max_len allows, about equal,
    each cut (on a 5-minute step) where no session is running if there is such a time."""
    cuts = [start]
    while end - cuts[-1] > max_len:
        a = cuts[-1]
        left = math.ceil((end - a) / max_len)
        target = min(a + max_len, a + math.ceil((end - a) / left / 5) * 5)
        steps = range(a + max(5, max_len // 2), a + max_len + 1, 5)
        free = [t for t in steps if not any(s < t < e for s, e in spans)]
        cuts.append(min(free, key=lambda t: abs(t - target)) if free else target)
    cuts.append(end)
    return cuts


def plan_day(
    event: Event,
    day: date,
    width: float,
    height: float,
    *,
    time_column: float,
    min_column: float,
    min_minute: float,
    max_minute: float,
    head: float,
) -> tuple[list[GlancePage], float]:
    """The grid pages of `day` for a frame width × height, and the points per minute used."""
    sessions = [s for s in event.sessions if s.day == day]
    order = {r.id: i for i, r in enumerate(event.rooms)}
    used = sorted({s.room for s in sessions if not _across(s)}, key=lambda r: order.get(r, 1e9))
    per_page = max(1, int((width - time_column) // min_column))
    chunks = chunk_rooms(list(used), per_page)
    spans = {s.id: _span(s, day) for s in sessions}
    grid_h = height - head
    max_len = max(30, int(grid_h / min_minute))
    pages: list[GlancePage] = []
    for rooms in chunks:
        mine = [s for s in sessions if _across(s) or s.room in rooms]
        mine_spans = [spans[s.id] for s in mine]
        for c0, c1 in clusters([spans[s.id] for s in sessions]):
            cuts = cut_times(mine_spans, c0, c1, max_len)
            for a, b in zip(cuts, cuts[1:], strict=False):
                inside = tuple(s for s in mine if spans[s.id][0] < b and spans[s.id][1] > a)
                pages.append(GlancePage(day, rooms, a, b, inside, 0, 0))
    longest = max(p.end - p.start for p in pages)
    scale = min(max_minute, grid_h / max(30, longest))
    n = len(pages)
    pages = [
        GlancePage(p.day, p.rooms, p.start, p.end, p.sessions, i + 1, n)
        for i, p in enumerate(pages)
    ]
    return pages, scale


def draw_glance(surface, ctx, page: GlancePage, x0: float, y_top: float, w: float, h: float,
                scale: float) -> None:  # fmt: skip
    """Draw one grid page into the frame (x0, y_top, w, h)."""
    L = ctx.layout
    ev: Event = ctx.event
    tc = L.glance_time_column
    head = glance_head(L)
    ncols = max(1, len(page.rooms))
    col_w = (w - tc) / ncols
    grid_top = y_top - head
    day = page.day

    def y_of(minute: int) -> float:
        return grid_top - (minute - page.start) * scale

    # room names across the top, all at one size
    names = [(ev.room(rid).name if ev.room(rid) else rid) for rid in page.rooms]
    hsize = min(
        (_fit.fit_text(n, col_w - 4, head - 4, L.glance_text + 0.5, L.glance_min_text, max_lines=2,
                       measure=lambda t, z: measure(t, z, True), leading=1.12).size
         for n in names),
        default=L.glance_text,
    )  # fmt: skip
    for i, name in enumerate(names):
        cx = x0 + tc + i * col_w
        _fit_lines(surface, name, cx + 2, grid_top + 2, col_w - 4, head - 4, hsize, hsize, 2, True,
                   style.INK, valign="bottom")  # fmt: skip
    surface.line(x0, grid_top, x0 + w, grid_top, style.INK, 0.6)
    # time rules and labels every 30 minutes
    t = page.start + (-page.start) % 30  # rules on the clock's half hours
    while t <= page.end:
        y = y_of(t)
        full = t % 60 == 0
        surface.line(x0 + tc - 2, y, x0 + w, y, style.FAINT if full else "#DADCE0", 0.3)
        if t < page.end and (full or scale * 30 >= L.glance_text * 2.2):
            label = f"{(t // 60) % 24:02d}:{t % 60:02d}"
            draw_text(surface, x0 + tc - 3, y - L.glance_text * 0.95, label, L.glance_text - 0.5,
                         bold=full, color=style.MUTED if full else style.FAINT, align="right")  # fmt: skip
        t += 30
    for i in range(ncols + 1):
        x = x0 + tc + i * col_w
        surface.line(x, grid_top, x, y_of(page.end), "#E3E5E8", 0.3)
    # sessions
    for s in page.sessions:
        a, b = _span(s, day)
        a2, b2 = max(a, page.start), min(b, page.end)
        top, bottom = y_of(a2), y_of(b2)
        if _across(s):
            bx, bw = x0 + tc, w - tc
        else:
            i = page.rooms.index(s.room)
            bx, bw = x0 + tc + i * col_w, col_w
        _session_box(surface, ctx, s, bx + 0.8, bottom + 0.6, bw - 1.6, top - bottom - 1.2,
                     cont_before=a < page.start, cont_after=b > page.end)  # fmt: skip
    # legend of the tracks that appear on this page
    tracks = []
    for s in page.sessions:
        tr = ev.track(s.track)
        if tr and tr not in tracks:
            tracks.append(tr)
    x = x0 + tc
    y = y_of(page.end) - L.glance_text * 2.2
    for tr in tracks:
        tw = measure(tr.name, L.glance_text, False)
        if x + tw + 12 > x0 + w:
            x = x0 + tc
            y -= L.glance_text * 1.6
        surface.rect(x, y - 0.5, L.glance_text * 0.9, L.glance_text * 0.9, fill=tr.color,
                     radius=1)  # fmt: skip
        draw_text(surface, x + L.glance_text * 1.3, y, tr.name, L.glance_text, color=style.MUTED)
        x += tw + L.glance_text * 3.2


def glance_head(L) -> float:
    """Height of the room-name row above the grid."""
    return (L.glance_text + 0.5) * 2 * 1.15 + 6


def legend_room(L) -> float:
    return L.glance_text * 5


def _fit_lines(surface, s, x, y, w, h, size, min_size, max_lines, bold, color,
               valign="top") -> float:  # fmt: skip
    """Text wrapped at `size` into (x, y, w, h), cut with an ellipsis (the grid abbreviates;
    the sessions list has every title in full). Returns the height used."""
    if h <= 0 or w <= 0:
        return 0.0
    lh = size * 1.12
    lines = clamp_lines(s, w, size, bold, max(1, min(max_lines, int(h // lh) or 1)))
    block = len(lines) * lh
    top = y + h if valign == "top" else y + block
    for i, ln in enumerate(lines):
        draw_text(surface, x, baseline(top - i * lh, size, 1.12, bold), ln, size, bold=bold,
                  color=color)  # fmt: skip
    return block


def _session_box(surface, ctx, s: Session, x, y, w, h, cont_before, cont_after) -> None:
    """One session (or break) as a tinted block with a track-colour edge; links on screen."""
    L = ctx.layout
    ev = ctx.event
    if s.is_break:
        surface.rect(x, y, w, h, fill=style.PAPER_TINT)
        size = min(L.glance_text, max(L.glance_min_text, h * 0.6))
        if h >= size:
            label = f"{s.title}  {style.time_range(s)}"
            draw_text(surface, x + w / 2, y + h / 2 - ptext.cap_height(size) / 2, label, size,
                         color=style.MUTED, align="center")  # fmt: skip
        return
    color = style.track_color(ev, s, ev.colors.primary)
    surface.rect(x, y, w, h, fill=tint(color, 0.16))
    surface.rect(x, y, 1.6, h, fill=color)
    pad = 2.2
    inner_w = w - pad - 1.6 - 1.5
    avail = h - 2 * 1.2
    size = L.glance_text if avail >= L.glance_text * 1.12 else L.glance_min_text
    lh = size * 1.12
    if avail >= lh:
        kind = style.SESSION_TYPE_LABELS.get(s.type, "")
        title = s.title + (" (cont.)" if cont_before else "") + (" …" if cont_after else "")
        tsize = L.glance_min_text
        times = [style.time_range(s) + (f" · {kind}" if s.type != "talk" else ""),
                 style.time_range(s)]  # fmt: skip
        times = [t for t in times if measure(t, tsize) <= inner_w]
        show_time = bool(times) and avail >= lh * 2 + tsize * 1.1
        time_h = tsize * 1.15 if show_time else 0
        if any(measure(wd, size, True) > inner_w for wd in title.split()):
            size = L.glance_min_text  # a long word: smaller type rather than a broken word
            lh = size * 1.12
        lines = max(1, min(5, int((avail - time_h) // lh)))
        used = _fit_lines(surface, title, x + 1.6 + pad, y + h - 1.2 - (avail - time_h), inner_w,
                          avail - time_h, size, size, lines, True, style.INK)  # fmt: skip
        if show_time:
            draw_text(surface, x + 1.6 + pad, y + h - 1.2 - used - tsize * 0.95, times[0], tsize,
                         color=style.MUTED)  # fmt: skip
    if ctx.links:
        ctx.link_to(surface, f"session:{s.id}", x, y, w, h)
