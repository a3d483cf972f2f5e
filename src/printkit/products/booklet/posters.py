"""A poster group → booklet blocks: a heading ("Poster session: 67 posters", time, room) and one
compact line per poster (board number, title, authors), each an anchor the indexes point at."""

from __future__ import annotations

from printkit.products import style
from printkit.products.booklet.flow import Block
from printkit.products.booklet.parts import Stack, baseline, draw_text, measure
from printkit.products.posters import PosterGroup, board_number
from printkit.units import MM


def poster_list(ctx, group: PosterGroup, width: float) -> list[Block]:
    """The group's heading, then every poster in board order (no abstracts: a list, not cards)."""
    ev, L = ctx.event, ctx.layout
    room = ev.room(group.room)
    head = Stack(width).add(group.label, L.h3, True, style.INK, 1.25)
    when = f"{style.time_label(group.start)}–{style.time_label(group.end)}"
    head.add("  ·  ".join(x for x in (when, room.name if room else None) if x), L.small, False,
             style.MUTED, 1.35, 0.8 * MM)  # fmt: skip

    def draw_head(surface, x, y_top, c) -> None:
        head.draw(surface, x, y_top)

    out = [Block(head.height, draw_head, keep_with_next=True, space_before=2 * MM)]
    boards = [board_number(s) or "" for s in group.posters]
    number_w = max((measure(b, L.small, True) for b in boards), default=0.0)
    number_w = number_w + 2 * MM if number_w else 0.0
    for i, (s, board) in enumerate(zip(group.posters, boards, strict=True)):
        out.append(_poster_line(ctx, s, board, number_w, width, first=i == 0))
    return out


def _poster_line(ctx, s, board: str, number_w: float, width: float, first: bool) -> Block:
    ev, L = ctx.event, ctx.layout
    st = Stack(width - number_w)
    st.add(s.title, L.body, True, style.INK, 1.3)
    people = ev.session_speakers(s)
    if people:
        names = "; ".join(p.name + (f", {p.organization}" if p.organization else "")
                          for p in people)  # fmt: skip
        st.add(names, L.small, False, ev.colors.primary, 1.35, 0.3 * MM)
    anchor = f"session:{s.id}"

    def draw(surface, x, y_top, c) -> None:
        if board:
            draw_text(surface, x, baseline(y_top, L.body, 1.3, True), board, L.small, bold=True,
                      color=style.MUTED)  # fmt: skip
        st.draw(surface, x + number_w, y_top)
        c.dest(surface, anchor, x, y_top)

    return Block(st.height, draw, space_before=(1.2 if first else 1.8) * MM, anchor=anchor)
