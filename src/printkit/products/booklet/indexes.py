"""Speakers and tracks → the booklet's indexes: name or track, then the page numbers of their sessions, with dot leaders."""

from __future__ import annotations

from printkit.i18n import tr
from printkit.products import overnight, style
from printkit.products.booklet.flow import Block
from printkit.products.booklet.index_entry import plan_entry
from printkit.products.booklet.parts import (
    Stack,
    baseline,
    dots,
    draw_text,
    lines_of,
    measure,
)
from printkit.products.booklet.sections import (
    NUM_SAMPLE,
    Ctx,
    by_initial,
    opener,
    sessions_in_order,
)
from printkit.units import MM


def speaker_index(ctx: Ctx, width: float) -> list[Block]:
    ev = ctx.event
    groups = by_initial(sp for sp in ev.speakers if ev.sessions_of(sp.id))
    if not groups:
        return []
    out = [opener(ctx, tr("Speaker index"), "speaker-index")]
    for letter, people in groups:
        out.append(_index_letter(ctx, letter))
        for sp in people:
            sessions = ev.sessions_of(sp.id)
            out.append(index_row(ctx, sp.name, [f"session:{s.id}" for s in sessions], width,
                                 f"speaker:{sp.id}"))  # fmt: skip
    return out


def _index_letter(ctx: Ctx, letter: str) -> Block:
    L = ctx.layout

    def draw(surface, x, y_top, c) -> None:
        draw_text(surface, x, baseline(y_top, L.h3, 1.3, True), letter, L.h3, bold=True,
                     color=ctx.event.colors.primary)  # fmt: skip

    return Block(L.h3 * 1.3, draw, keep_with_next=True, space_before=2.5 * MM)


def index_row(ctx: Ctx, label: str, anchors: list[str], width: float, self_anchor=None,
              prefix: str = "", size: float | None = None) -> Block:  # fmt: skip
    """An index entry: the label wrapped in its column, a dot leader, the page numbers of
    `anchors` (deduplicated) at the right; more than fit beside it run on below, right-aligned,
    never left of a hanging indent (index_entry.py)."""
    L = ctx.layout
    size = size or L.small
    plan = plan_entry(f"{prefix}{label}", len(anchors), width, size,
                      lambda t, w: lines_of(t, w, size, False), lambda t: measure(t, size),
                      NUM_SAMPLE)  # fmt: skip
    lh = size * 1.32

    def draw(surface, x, y_top, c) -> None:
        y = y_top
        last_w = 0.0
        for ln in plan.lines:
            last_w = draw_text(surface, x, baseline(y, size, 1.32), ln, size, color=style.INK)
            y -= lh
        seen: dict[int, str] = {}
        for a in anchors:
            n = c.page_of(a)
            if n is not None and n not in seen:
                seen[n] = a
        for row, (nums, more) in enumerate(plan.rows_of(sorted(seen))):
            bl = baseline(y_top - (len(plan.lines) - 1 + row) * lh, size, 1.32)
            xr = x + width
            for i, n in enumerate(reversed(nums)):
                s = f"{n}" + (", " if i or more else "")
                w = measure(s, size)
                draw_text(surface, xr, bl, s, size, color=style.INK, align="right")
                c.link_to(surface, seen[n], xr - w, bl - size * 0.3, w, size * 1.2)
                xr -= w
            if row == 0 and nums:
                dots(surface, x + last_w, xr, bl, size)

    return Block(plan.height_lines * lh, draw, anchor=None)


def track_index(ctx: Ctx, width: float) -> list[Block]:
    ev = ctx.event
    tracks = [t for t in ev.tracks if any(s.track == t.id for s in ev.sessions)]
    if not tracks:
        return []
    out = [opener(ctx, tr("Track index"), "track-index")]
    all_sessions = sessions_in_order(ev)
    for t in tracks:
        out.append(_track_heading(ctx, t, width))
        for s in all_sessions:
            if s.track == t.id and not s.is_break:
                prefix = f"{style.weekday_label(s.day)} {overnight.time_label(s)}  "
                out.append(index_row(ctx, s.title, [f"session:{s.id}"], width, prefix=prefix))
    return out


def _track_heading(ctx: Ctx, t, width: float) -> Block:
    L = ctx.layout
    st = Stack(width - 5 * MM).add(t.name, L.body + 0.5, True, leading=1.3)
    st.add(t.tagline, L.caption, False, style.MUTED, 1.3)
    anchor = f"track:{t.id}"

    def draw(surface, x, y_top, c) -> None:
        surface.rect(x, y_top - 3 * MM, 3 * MM, 3 * MM, fill=t.color, radius=0.6)
        st.draw(surface, x + 5 * MM, y_top)
        c.dest(surface, anchor, x, y_top)

    return Block(max(st.height, 3 * MM) + 1 * MM, draw, keep_with_next=True,
                 space_before=4 * MM, anchor=anchor)  # fmt: skip


# -- venue -----------------------------------------------------------------------
