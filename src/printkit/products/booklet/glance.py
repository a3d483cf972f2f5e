"""A day's sessions → at-a-glance grid pages: rooms as columns, time as rows, blocks sized by duration.

`plan_day` is pure: it picks how many rooms share a page (never narrower
than the layout's minimum column) and how many minutes a page shows (never
fewer points per minute than the minimum; more when a set of rooms has
short slots, so a 15-minute talk keeps two lines of title), and cuts the day
where no session is running if it can. A block still too short for a
legible title becomes a numbered time band, listed in full in a key under the
grid (what printed programmes do for lightning slots). A session that
crosses a cut appears on both pages. Breaks and sessions without a room run
across every column. `draw_glance` draws one planned page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from printkit import fit as _fit
from printkit.i18n import current, tr
from printkit.model import Event, Session
from printkit.press import text as ptext
from printkit.press.color import tint
from printkit.products import overnight, style
from printkit.products.booklet.parts import baseline, clamp_lines, draw_text, lines_of, measure
from printkit.products.posters import fold_posters

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
    scale: float = 1.0  # points per minute
    key: tuple[str, ...] = ()  # ids of sessions drawn as numbered bands (number = index + 1)
    key_height: float = 0.0  # room the key takes under the grid


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
    each cut (on a 5-minute step) where the fewest sessions are running, nearest the target."""
    cuts = [start]
    while end - cuts[-1] > max_len:
        a = cuts[-1]
        left = math.ceil((end - a) / max_len)
        target = min(a + max_len, a + math.ceil((end - a) / left / 5) * 5)
        steps = range(a + max(5, max_len // 2), a + max_len + 1, 5)
        crossing = {t: sum(s < t < e for s, e in spans) for t in steps}
        fewest = min(crossing.values(), default=0)
        best = [t for t in steps if crossing[t] == fewest]
        cuts.append(min(best, key=lambda t: abs(t - target)) if best else target)
    cuts.append(end)
    return cuts


@dataclass(frozen=True)
class GlanceMetrics:
    """The type sizes and widths that decide whether a block can hold its title."""

    text: float  # title size
    min_text: float  # smallest size (time lines, key, numbered bands)
    col_w: float  # width of one room column
    key_w: float  # width of the key (the grid's width)

    @property
    def inner_w(self) -> float:
        """Width for a title inside a block (block inset, colour edge and padding taken off)."""
        return self.col_w - 1.6 - 1.6 - 2.2 - 1.5

    @property
    def key_columns(self) -> int:
        return max(1, int(self.key_w // 150))

    @property
    def key_col_w(self) -> float:
        k = self.key_columns
        return (self.key_w - (k - 1) * KEY_GAP) / k

    @property
    def key_size(self) -> float:
        return self.min_text + 0.5


KEY_GAP = 10.0  # points between key columns
KEY_TOP = 7.0  # points between the grid's foot and the key


def title_fits(title: str, h: float, m: GlanceMetrics) -> bool:
    """Whether a block `h` points tall holds a legible title: two lines, or the whole title."""
    return _fits(h, m, len(lines_of(title, m.inner_w, m.min_text, True)))


def _fits(h: float, m: GlanceMetrics, lines: int) -> bool:
    """`title_fits` for a title of `lines` lines at the smallest size."""
    avail = h - 2.4
    if avail >= 2 * m.text * 1.12:
        return True
    fit = int(avail // (m.min_text * 1.12))
    return fit >= 1 and lines <= fit


def key_entry_lines(s: Session, m: GlanceMetrics) -> tuple[str, ...]:
    """A key entry's text (time range, then the title) in at most two lines."""
    return _key_entry_lines(s, m, current().tag)


@lru_cache(maxsize=65536)  # the day's plan tries each window at a dozen scales
def _key_entry_lines(s: Session, m: GlanceMetrics, _language: str) -> tuple[str, ...]:
    return clamp_lines(f"{overnight.time_range(s)}  {s.title}", m.key_col_w - key_number_w(m),
                       m.key_size, False, 2)  # fmt: skip


def key_number_w(m: GlanceMetrics) -> float:
    return measure("00", m.key_size, True) + 3


def key_layout(heights: list[float], columns: int) -> tuple[list[list[int]], float]:
    """Entries (in order) spread down `columns` columns, as short as possible; → columns, height."""
    if not heights:
        return [[] for _ in range(columns)], 0.0
    target = max(max(heights), sum(heights) / columns)
    while True:
        cols: list[list[int]] = [[]]
        used = 0.0
        for i, h in enumerate(heights):
            if cols[-1] and used + h > target + 1e-6:
                cols.append([])
                used = 0.0
            cols[-1].append(i)
            used += h
        if len(cols) <= columns:
            cols += [[] for _ in range(columns - len(cols))]
            height = max(sum(heights[i] for i in c) for c in cols)
            return cols, height
        target += min(heights)


def _key_height(shorts: list[Session], m: GlanceMetrics, entry_h=None) -> float:
    """Room the key of `shorts` takes under the grid (`entry_h`: each entry's height by id)."""
    if not shorts:
        return 0.0
    if entry_h is None:
        entry_h = {}
    lh = m.key_size * 1.2
    heights = [entry_h[s.id] if s.id in entry_h
               else entry_h.setdefault(s.id, len(key_entry_lines(s, m)) * lh + 1.5)
               for s in shorts]  # fmt: skip
    return KEY_TOP + key_layout(heights, m.key_columns)[1]


def _visible(span: tuple[int, int], a: int, b: int) -> int:
    return min(span[1], b) - max(span[0], a)


def _shorts(inner, scale: float, m: GlanceMetrics) -> list[Session]:
    """The sessions too short at `scale` to show a title, in reading order.

    `inner`: (session, minutes visible in the window, title lines at the smallest
    size) for the window's sessions inside a room, worked out once per window.
    """
    return [s for s, visible, lines in inner if not _fits(visible * scale - 1.2, m, lines)]


def _fit_window(sessions, spans, a, b, grid_h, max_minute, m) -> tuple[float, list[Session]]:
    """The scale of window [a, b) filling `grid_h` with its key, and the sessions in the key.

    Each session's title lines and key entry are measured once, not at every trial scale.
    """
    length = max(30, b - a)
    scale = min(max_minute, grid_h / length)
    inner = [(s, _visible(spans[s.id], a, b), len(lines_of(s.title, m.inner_w, m.min_text, True)))
             for s in sessions if not _across(s)]  # fmt: skip
    entry_h: dict[str, float] = {}  # key entry heights by id, filled as sessions go to the key
    for _ in range(12):
        shorts = _shorts(inner, scale, m)
        room = (grid_h - _key_height(shorts, m, entry_h)) / length
        if room >= scale - 1e-6:
            return scale, shorts
        scale = max(0.2, room)
    return scale, _shorts(inner, scale, m)


def dense_minute(durations: list[int], need: float, floor: float, cap: float) -> float:
    """Points per minute for a set of rooms: enough for its short slots (10th percentile) to
    take `need` points, between the layout's floor and the dense cap."""
    if not durations:
        return floor
    short = sorted(durations)[len(durations) // 10]
    return max(floor, min(cap, need / max(1, short)))


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
    text: float = 6.5,
    min_text: float = 5.5,
    dense_minute_cap: float | None = None,
) -> list[GlancePage]:
    """The grid pages of `day` for a frame width × height (each with its scale and key)."""
    sessions = fold_posters([s for s in event.sessions if s.day == day])
    order = {r.id: i for i, r in enumerate(event.rooms)}
    used = sorted({s.room for s in sessions if not _across(s)}, key=lambda r: order.get(r, 1e9))
    per_page = max(1, int((width - time_column) // min_column))
    chunks = chunk_rooms(list(used), per_page)
    spans = {s.id: _span(s, day) for s in sessions}
    grid_h = height - head
    cap = max(min_minute, dense_minute_cap if dense_minute_cap is not None else min_minute)
    need = 2 * text * 1.12 + min_text * 1.15 + 3.6  # two title lines and the time
    pages: list[GlancePage] = []
    for rooms in chunks:
        m = GlanceMetrics(text, min_text, (width - time_column) / max(1, len(rooms)),
                          width - time_column)  # fmt: skip
        mine = [s for s in sessions if _across(s) or s.room in rooms]
        mine.sort(key=lambda s: (rooms.index(s.room) if s.room in rooms else -1, spans[s.id]))
        mine_spans = [spans[s.id] for s in mine]
        durations = [b - a for s in mine if not _across(s) for a, b in [spans[s.id]]]
        floor = dense_minute(durations, need, min_minute, cap)
        for c0, c1 in clusters(mine_spans):
            max_len = max(30, int(grid_h / floor))
            for _ in range(8):  # shorter windows while a key would squeeze the grid too much
                cuts = cut_times(mine_spans, c0, c1, max_len)
                fitted = []
                for a, b in zip(cuts, cuts[1:], strict=False):
                    inside = [s for s in mine if spans[s.id][0] < b and spans[s.id][1] > a]
                    fitted.append((a, b, inside, *_fit_window(inside, spans, a, b, grid_h,
                                                              max_minute, m)))  # fmt: skip
                if all(f[3] >= floor * 0.85 for f in fitted) or max_len <= 60:
                    break
                max_len = max(60, int(max_len * 0.85))
            for a, b, inside, scale, shorts in fitted:
                # a window where most rooms are idle (a late panel after the day's grid)
                # shows only its busy rooms, not a page of empty columns
                busy = tuple(r for r in rooms if any(s.room == r for s in inside))
                pm = m
                if busy and len(busy) * 2 <= len(rooms):
                    pm = GlanceMetrics(text, min_text, (width - time_column) / len(busy),
                                       width - time_column)  # fmt: skip
                    scale, shorts = _fit_window(inside, spans, a, b, grid_h, max_minute, pm)
                else:
                    busy = rooms
                pages.append(GlancePage(day, busy, a, b, tuple(inside), 0, 0, scale,
                                        tuple(s.id for s in shorts),
                                        _key_height(shorts, pm)))  # fmt: skip
    n = len(pages)
    return [replace(p, part=i + 1, parts=n) for i, p in enumerate(pages)]


def metrics(L, page: GlancePage, w: float) -> GlanceMetrics:
    tc = L.glance_time_column
    return GlanceMetrics(
        L.glance_text, L.glance_min_text, (w - tc) / max(1, len(page.rooms)), w - tc
    )


def draw_glance(surface, ctx, page: GlancePage, x0: float, y_top: float, w: float) -> None:
    """Draw one grid page into the frame (x0, y_top, width w): grid, key, track legend."""
    L = ctx.layout
    ev: Event = ctx.event
    tc = L.glance_time_column
    head = glance_head(L)
    scale = page.scale
    ncols = max(1, len(page.rooms))
    col_w = (w - tc) / ncols
    numbers = {sid: i + 1 for i, sid in enumerate(page.key)}
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
    # sessions; two at once in one room (a clash in the data) share its column side by side
    lanes = room_lanes([s for s in page.sessions if not _across(s)], day)
    for s in page.sessions:
        a, b = _span(s, day)
        a2, b2 = max(a, page.start), min(b, page.end)
        top, bottom = y_of(a2), y_of(b2)
        if _across(s):
            bx, bw = x0 + tc, w - tc
        else:
            i = page.rooms.index(s.room)
            lane, n = lanes.get(s.id, (0, 1))
            bx, bw = x0 + tc + i * col_w + lane * col_w / n, col_w / n
        _session_box(surface, ctx, s, bx + 0.8, bottom + 0.6, bw - 1.6, top - bottom - 1.2,
                     cont_before=a < page.start, cont_after=b > page.end,
                     number=numbers.get(s.id))  # fmt: skip
    y = y_of(page.end)
    if page.key:
        _draw_key(surface, ctx, page, x0 + tc, y - KEY_TOP, metrics(L, page, w))
        y -= page.key_height
    # legend of the tracks that appear on this page
    tracks = []
    for s in page.sessions:
        tr = ev.track(s.track)
        if tr and tr not in tracks:
            tracks.append(tr)
    x = x0 + tc
    y -= L.glance_text * 2.2
    for tr in tracks:
        tw = measure(tr.name, L.glance_text, False)
        if x + tw + 12 > x0 + w:
            x = x0 + tc
            y -= L.glance_text * 1.6
        surface.rect(x, y - 0.5, L.glance_text * 0.9, L.glance_text * 0.9, fill=tr.color,
                     radius=1)  # fmt: skip
        draw_text(surface, x + L.glance_text * 1.3, y, tr.name, L.glance_text, color=style.MUTED)
        x += tw + L.glance_text * 3.2


def room_lanes(sessions, day: date) -> dict[str, tuple[int, int]]:
    """Sessions → {id: (lane, lanes)}: sessions overlapping in one room get lanes side by side,
    as many as the most that run at once in their group of overlapping sessions."""
    out: dict[str, tuple[int, int]] = {}
    by_room: dict[str | None, list] = {}
    for s in sessions:
        by_room.setdefault(s.room, []).append(s)
    for group in by_room.values():
        group.sort(key=lambda s: _span(s, day))
        clusters: list[list] = []
        end = -1
        for s in group:
            a, b = _span(s, day)
            if not clusters or a >= end:
                clusters.append([])
            clusters[-1].append(s)
            end = max(end, b) if len(clusters[-1]) > 1 else b
        for cluster in clusters:
            ends: list[int] = []  # per lane: the minute it is free again
            placed = []
            for s in cluster:
                a, b = _span(s, day)
                lane = next((k for k, e in enumerate(ends) if e <= a), len(ends))
                ends[lane : lane + 1] = [b]
                placed.append((s.id, lane))
            out.update({sid: (lane, len(ends)) for sid, lane in placed})
    return out


def _draw_key(surface, ctx, page: GlancePage, x: float, y_top: float, m: GlanceMetrics) -> None:
    """The numbered bands' sessions in full: number, time range, title (two lines at most)."""
    by_id = {s.id: s for s in page.sessions}
    entries = [by_id[sid] for sid in page.key]
    size, lh = m.key_size, m.key_size * 1.2
    texts = [key_entry_lines(s, m) for s in entries]
    cols, _ = key_layout([len(t) * lh + 1.5 for t in texts], m.key_columns)
    nw = key_number_w(m)
    ev = ctx.event
    for ci, col in enumerate(cols):
        cx = x + ci * (m.key_col_w + KEY_GAP)
        y = y_top
        for i in col:
            s = entries[i]
            color = style.track_color(ev, s, ev.colors.primary)
            draw_text(surface, cx + nw - 3, baseline(y, size, 1.2, True), str(i + 1), size,
                      bold=True, color=color, align="right")  # fmt: skip
            for k, ln in enumerate(texts[i]):
                draw_text(surface, cx + nw, baseline(y - k * lh, size, 1.2), ln, size,
                          color=style.INK)  # fmt: skip
            if ctx.links:
                ctx.link_to(surface, f"session:{s.id}", cx, y - len(texts[i]) * lh,
                            m.key_col_w, len(texts[i]) * lh)  # fmt: skip
            y -= len(texts[i]) * lh + 1.5


def glance_head(L) -> float:
    """Height of the room-name row above the grid."""
    return (L.glance_text + 0.5) * 2 * 1.15 + 6


def legend_room(L) -> float:
    return L.glance_text * 5


def _fit_lines(surface, s, x, y, w, h, size, min_size, max_lines, bold, color,
               valign="top", lang=None) -> float:  # fmt: skip
    """Text wrapped at `size` into (x, y, w, h), cut with an ellipsis (the grid abbreviates;
    the sessions list has every title in full). Returns the height used."""
    if h <= 0 or w <= 0:
        return 0.0
    lh = size * 1.12
    lines = clamp_lines(s, w, size, bold, max(1, min(max_lines, int(h // lh) or 1)), lang)
    block = len(lines) * lh
    top = y + h if valign == "top" else y + block
    for i, ln in enumerate(lines):
        draw_text(surface, x, baseline(top - i * lh, size, 1.12, bold), ln, size, bold=bold,
                  color=color)  # fmt: skip
    return block


def _session_box(surface, ctx, s: Session, x, y, w, h, cont_before, cont_after,
                 number: int | None = None) -> None:  # fmt: skip
    """One session (or break) as a tinted block with a track-colour edge; links on screen.
    With a `number`, the block is a time band: the number and start time (the key has the title)."""
    L = ctx.layout
    ev = ctx.event
    if number is not None:
        color = style.track_color(ev, s, ev.colors.primary)
        surface.rect(x, y, w, h, fill=tint(color, 0.16))
        surface.rect(x, y, 1.6, h, fill=color)
        size = L.glance_min_text
        if h >= size * 0.9:
            cy = y + h / 2 - ptext.cap_height(size, True) / 2
            nw = draw_text(surface, x + 3.8, cy, str(number), size, bold=True, color=color)
            start = overnight.time_label(s)
            if measure(start, size) + nw + 7.5 <= w:
                draw_text(surface, x + 3.8 + nw + 2.5, cy, start, size, color=style.MUTED)
        if ctx.links:
            ctx.link_to(surface, f"session:{s.id}", x, y, w, h)
        return
    if s.is_break:
        surface.rect(x, y, w, h, fill=style.PAPER_TINT)
        size = min(L.glance_text, max(L.glance_min_text, h * 0.6))
        if h >= size:
            label = f"{s.title}  {overnight.time_range(s)}"
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
        kind = style.type_label(s.type)
        title = (
            s.title + (" " + tr("(cont.)") if cont_before else "") + (" …" if cont_after else "")
        )
        tsize = L.glance_min_text
        times = [overnight.time_range(s) + (f" · {kind}" if s.type != "talk" else ""),
                 overnight.time_range(s)]  # fmt: skip
        times = [t for t in times if measure(t, tsize) <= inner_w]
        show_time = bool(times) and avail >= lh * 2 + tsize * 1.1
        time_h = tsize * 1.15 if show_time else 0
        if any(measure(wd, size, True) > inner_w for wd in title.split()):
            size = L.glance_min_text  # a long word: smaller type rather than a broken word
            lh = size * 1.12
        lines = max(1, min(5, int((avail - time_h) // lh)))
        used = _fit_lines(surface, title, x + 1.6 + pad, y + h - 1.2 - (avail - time_h), inner_w,
                          avail - time_h, size, size, lines, True, style.INK,
                          lang=ev.text_language(s))  # fmt: skip
        if show_time:
            draw_text(surface, x + 1.6 + pad, y + h - 1.2 - used - tsize * 0.95, times[0], tsize,
                         color=style.MUTED)  # fmt: skip
    if ctx.links:
        ctx.link_to(surface, f"session:{s.id}", x, y, w, h)
