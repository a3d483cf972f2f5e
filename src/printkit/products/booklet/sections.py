"""An Event → the measured blocks of the booklet's welcome, sessions and venue sections, and their shared context.

Every builder returns a list of Blocks whose heights are final; page numbers
(contents, indexes, "p. 12" references) are looked up through the Ctx only
when drawing, and their space is reserved, so pagination never depends on
them. Anchors name the places other pages point at: `section:<key>`,
`day:<section>:<date>`, `session:<id>`, `speaker:<id>`, `track:<id>`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from printkit import collation
from printkit.i18n import current, ngettext, session_tag, tr
from printkit.model import Event, Session, Speaker
from printkit.press import text as ptext
from printkit.press.color import tint
from printkit.products import overnight, style
from printkit.products.booklet.flow import Block
from printkit.products.booklet.layout import BookletLayout
from printkit.products.booklet.parts import (
    Stack,
    baseline,
    chip,
    chip_height,
    draw_text,
    label_text,
    text_block,
)
from printkit.products.booklet.posters import poster_list
from printkit.products.posters import POSTER, poster_groups
from printkit.units import MM

NUM_SAMPLE = "000"  # the width reserved for a page number


@dataclass
class Ctx:
    """What drawing needs besides the surface: event, layout, target facts and page numbers."""

    event: Event
    layout: BookletLayout
    links: bool
    min_module: float  # points; the target's smallest QR module
    photos: object = None
    target: str = "shop"  # the press target's name (QR module sizes)
    pages: dict[str, int] = field(default_factory=dict)
    _dests: dict[str, str] = field(default_factory=dict)

    def page_of(self, anchor: str) -> int | None:
        return self.pages.get(anchor)

    def dest_name(self, anchor: str) -> str:
        if anchor not in self._dests:
            self._dests[anchor] = f"pk{len(self._dests)}"
        return self._dests[anchor]

    def dest(self, surface, anchor: str, x: float, y_top: float) -> None:
        """Make `anchor` a named destination here (screen target only)."""
        if self.links:
            surface.canvas.bookmarkPage(self.dest_name(anchor), fit="XYZ", left=0,
                                        top=y_top + 12, zoom=0)  # fmt: skip

    def link_to(self, surface, anchor: str, x: float, y: float, w: float, h: float) -> None:
        """A clickable area that jumps to `anchor` (screen target only)."""
        if self.links and anchor in self.pages:
            if getattr(surface, "mirrored", False):
                x = surface.box_x(x, w)
            surface.canvas.linkRect("", self.dest_name(anchor), (x, y, x + w, y + h), relative=1,
                                    thickness=0)  # fmt: skip


def qr_payload(event: Event, s: Session) -> tuple[str | None, str]:
    """What a session's QR opens and its caption: the video, else the talk page, else none.

    A session with neither gets no QR: the same schedule code repeated beside
    every talk would be noise (the back cover carries the schedule's QR).
    """
    if s.video:
        return s.video, tr("Video")
    if s.url:
        return s.url, tr("Talk page")
    return None, ""


def qr_side(ctx: Ctx, payload: str) -> float:
    """QR size: the layout's, grown towards 0.5 mm modules up to `qr_max`, and past it when the
    payload needs that for the target's minimum module (the column has the room)."""
    from printkit.press.qr import grown_size, min_size_for

    got = grown_size(payload, ctx.layout.qr, ctx.layout.qr_max, ctx.target, ("M",))
    if got is not None:
        return got[0]
    return max(ctx.layout.qr, min_size_for(payload, "M", ctx.min_module))


def sort_key(sp: Speaker) -> tuple:
    """Speakers in the active language's index order: family name, that language's own letters
    (Ö after Z in Swedish), other scripts, CJK names by reading or code point, then '#'."""
    return (*collation.sort_key(sp.name, sp.reading, current().locale.language), sp.id)


def initial(sp: Speaker) -> str:
    return collation.index_letter(sp.name, sp.reading, current().locale.language)


def by_initial(people) -> list[tuple[str, list[Speaker]]]:
    """Speakers → (heading, speakers) groups in the active language's collation (see collation)."""
    ordered = sorted(people, key=sort_key)
    return [(letter, list(group)) for letter, group in groupby(ordered, key=initial)]


def sessions_in_order(event: Event) -> list[Session]:
    order = {r.id: i for i, r in enumerate(event.rooms)}
    return sorted(event.sessions, key=lambda s: (s.day, s.start, order.get(s.room, -1), s.title))


# -- headings ----------------------------------------------------------------


def opener(ctx: Ctx, title: str, key: str, *, level0: str | None = None, extra_bookmarks=(),
           header: str | None = None, new_page: bool = True) -> Block:  # fmt: skip
    """A section's first heading: accent bar, large title; starts a page, keeps with what follows."""
    L = ctx.layout
    primary = ctx.event.colors.primary
    h = 1.4 * MM + 4 * MM + L.h1 * 1.15 + 5 * MM

    def draw(surface, x, y_top, c) -> None:
        surface.rect(x, y_top - 1.4 * MM, 14 * MM, 1.4 * MM, fill=ctx.event.colors.accent)
        y = y_top - 1.4 * MM - 4 * MM
        draw_text(surface, x, baseline(y, L.h1, 1.15, True), title, L.h1, bold=True, color=primary)
        c.dest(surface, f"section:{key}", x, y_top)

    return Block(h, draw, keep_with_next=True, new_page=new_page, anchor=f"section:{key}",
                 bookmarks=((level0 or title, 0), *extra_bookmarks), header=header or title)  # fmt: skip


def day_heading(ctx: Ctx, d: date, section: str, header: str, width: float, *, new_page: bool,
                bookmarks=()) -> Block:  # fmt: skip
    L = ctx.layout
    text = style.day_label(d, long=True)
    h = L.h2 * 1.25 + 2.5 * MM
    anchor = f"day:{section}:{d.isoformat()}"

    def draw(surface, x, y_top, c) -> None:
        draw_text(surface, x, baseline(y_top, L.h2, 1.25, True), text, L.h2, bold=True,
                     color=style.INK)  # fmt: skip
        surface.line(x, y_top - L.h2 * 1.25 - 0.8 * MM, x + width, y_top - L.h2 * 1.25 - 0.8 * MM,
                     ctx.event.colors.primary, 1.2)  # fmt: skip
        c.dest(surface, anchor, x, y_top)

    return Block(h, draw, keep_with_next=True, new_page=new_page, anchor=anchor,
                 bookmarks=tuple(bookmarks), header=header, space_before=9 * MM)  # fmt: skip


def small_label(ctx: Ctx, text: str, width: float, space_before: float = 3 * MM) -> Block:
    L = ctx.layout

    def draw(surface, x, y_top, c) -> None:
        draw_text(surface, x, baseline(y_top, L.caption, 1.5, True), label_text(text), L.caption,
                     bold=True, color=ctx.event.colors.primary)  # fmt: skip

    return Block(L.caption * 1.5, draw, keep_with_next=True, space_before=space_before)


def stack_block(stack: Stack, *, space_before=0.0, keep_with_next=False, anchor=None) -> Block:
    def draw(surface, x, y_top, c) -> None:
        stack.draw(surface, x, y_top)
        if anchor:
            c.dest(surface, anchor, x, y_top)

    return Block(stack.height, draw, space_before=space_before, keep_with_next=keep_with_next,
                 anchor=anchor)  # fmt: skip


# -- welcome -------------------------------------------------------------------


def welcome(ctx: Ctx, width: float) -> list[Block]:
    ev, L = ctx.event, ctx.layout
    if not (ev.welcome or ev.organizers or ev.credits):
        return []
    out = [opener(ctx, tr("Welcome"), "welcome")]
    if ev.theme:
        out.append(stack_block(Stack(width).add(ev.theme, L.lead + 1, True, ev.colors.primary,
                                                1.3), space_before=0))  # fmt: skip
    body = text_block(ev.welcome or "", width, L.lead, leading=1.45, space_before=3 * MM)
    if body:
        out.append(body)
    if ev.organizers:
        out.append(small_label(ctx, tr("Organised by"), width, 6 * MM))
        for o in ev.organizers:
            st = Stack(width).add(o.name, L.body, True, leading=1.35)
            st.add(" · ".join(x for x in (o.role and o.role.capitalize(), o.url) if x), L.small,
                   color=style.MUTED, leading=1.35)  # fmt: skip
            out.append(stack_block(st, space_before=1.5 * MM))
    if ev.credits:
        out.append(small_label(ctx, tr("Credits"), width, 6 * MM))
        out.append(text_block(ev.credits, width, L.small, color=style.MUTED))
    return out


# -- sessions --------------------------------------------------------------------


def sessions_section(ctx: Ctx, width: float) -> list[Block]:
    ev = ctx.event
    out: list[Block] = []
    by_day: dict[date, list[Session]] = {}
    posters = {g.posters[0].id: g for g in poster_groups(ev.sessions)}  # a list per group
    for s in sessions_in_order(ev):
        by_day.setdefault(s.day, []).append(s)
    for i, (d, items) in enumerate(by_day.items()):
        header = f"{tr('Sessions')} · {style.day_label(d)}"
        if i == 0:
            out.append(opener(ctx, tr("Sessions"), "sessions", header=header))
        # days run on (a new day's heading keeps with its first sessions): a day that overflows
        # by one talk leaves no near-empty page behind
        out.append(day_heading(ctx, d, "sessions", header, width, new_page=False,
                               bookmarks=((style.day_label(d), 1),)))  # fmt: skip
        slot = None
        for s in items:
            if s.is_break:
                out.append(break_bar(ctx, s, width))
                slot = None
                continue
            if s.type == POSTER:
                if s.id in posters:  # the group's list, at its first poster; the others are in it
                    if s.start != slot:
                        out.append(time_heading(ctx, s, width))
                        slot = s.start
                    out.extend(poster_list(ctx, posters[s.id], width))
                continue
            first = s.start != slot
            if first:
                out.append(time_heading(ctx, s, width))
                slot = s.start
            out.extend(session_card(ctx, s, width, rule=not first))
    return out


def time_heading(ctx: Ctx, s: Session, width: float) -> Block:
    L = ctx.layout
    size = L.lead
    h = size * 1.3 + 1.2 * MM

    def draw(surface, x, y_top, c) -> None:
        bl = baseline(y_top, size, 1.3, True)
        w = draw_text(surface, x, bl, overnight.time_label(s), size, bold=True,
                         color=ctx.event.colors.primary)  # fmt: skip
        surface.line(x + w + 2 * MM, bl + size * 0.3, x + width, bl + size * 0.3,
                     tint(ctx.event.colors.primary, 0.35), 0.5)  # fmt: skip

    return Block(h, draw, keep_with_next=True, space_before=5 * MM)


def break_bar(ctx: Ctx, s: Session, width: float) -> Block:
    L = ctx.layout
    h = L.body * 2.2

    def draw(surface, x, y_top, c) -> None:
        surface.rect(x, y_top - h, width, h, fill=style.PAPER_TINT, radius=1.5)
        bl = y_top - h / 2 - ptext.cap_height(L.body) / 2
        w = draw_text(
            surface, x + 3 * MM, bl, overnight.time_range(s), L.body, bold=True, color=style.MUTED
        )
        room = ctx.event.room(s.room)
        label = s.title + (f" · {room.name}" if room else "")
        draw_text(surface, x + 3 * MM + w + 3 * MM, bl, label, L.body, color=style.MUTED)
        c.dest(surface, f"session:{s.id}", x, y_top)

    return Block(h, draw, space_before=4 * MM, anchor=f"session:{s.id}")


def session_card(ctx: Ctx, s: Session, width: float, rule: bool) -> list[Block]:
    ev, L = ctx.event, ctx.layout
    payload, caption = qr_payload(ev, s)
    q = qr_side(ctx, payload) if payload else 0.0
    gap = 4 * MM if q else 0.0
    tw = width - q - gap
    track = ev.track(s.track)
    st = Stack(tw, lang=ev.text_language(s))
    st.rows.append(_chip_row(L))
    st.add(s.title, L.h3, True, style.INK, 1.25, space_before=1.2 * MM)
    st.add(s.subtitle, L.body, False, style.MUTED, 1.3)
    room = ev.room(s.room)
    meta = [overnight.time_range(s), room.name if room else None,
            style.type_label(s.type) if s.type != "talk" else None,
            session_tag(s.language)]  # fmt: skip  # "EN" only where it is not the booklet's
    st.add("  ·  ".join(m for m in meta if m), L.small, False, style.MUTED, 1.35, 0.8 * MM)
    people = ev.session_speakers(s)
    if people:
        names = "; ".join(
            p.name + (f", {p.organization}" if p.organization else "") for p in people
        )
        st.add(names, L.small, True, ev.colors.primary, 1.35, 0.6 * MM)
    if s.host and s.host.name:
        st.add(tr("Host: {name}").format(name=s.host.name), L.small, False, style.MUTED, 1.35)
    cap_h = L.caption * 1.4
    h = max(st.height, q + cap_h)
    anchor = f"session:{s.id}"
    kind = style.type_label(s.type)
    chip_label = track.name if track else kind

    def draw(surface, x, y_top, c) -> None:
        if rule:
            surface.line(x, y_top + 2 * MM, x + width, y_top + 2 * MM, "#E3E5E8", 0.4)
        if chip_label:
            fill = track.color if track else ev.colors.primary
            w = chip(surface, x, y_top, label_text(chip_label), fill, L.caption)
            if track and s.type not in ("talk",):
                draw_text(surface, x + w + 1.5 * MM, baseline(y_top, L.caption, 1.55), label_text(kind),
                             L.caption, bold=True, color=style.MUTED)  # fmt: skip
        st.draw(surface, x, y_top)
        if payload:
            qx = x + width - q
            surface.qr(qx, y_top - q, q, payload)
            draw_text(surface, qx + q / 2, y_top - q - L.caption * 1.05, caption, L.caption,
                         color=style.MUTED, align="center")  # fmt: skip
            surface.link(qx, y_top - q, q, q, payload)
        c.dest(surface, anchor, x, y_top)

    blocks = [Block(h, draw, space_before=4 * MM if rule else 2 * MM, anchor=anchor)]
    shown = s.abstract if L.shows("abstracts", len(ev.sessions)) else ""
    body = text_block(shown or "", width, L.body, leading=L.leading, space_before=1.5 * MM,
                      lang=ev.text_language(s))  # fmt: skip
    if body:
        blocks[0].keep_with_next = True
        blocks.append(body)
    return blocks


def _chip_row(L):
    from printkit.products.booklet.parts import Row

    return Row(("",), L.caption, False, style.INK, chip_height(L.caption) / L.caption, 0.0)


# -- speakers ------------------------------------------------------------------


def venue_section(ctx: Ctx, width: float, height: float) -> list[Block]:
    ev, L = ctx.event, ctx.layout
    v = ev.venue
    if not (v.name or v.address or v.map or ev.rooms):
        return []
    out = [opener(ctx, tr("Venue"), "venue")]
    st = Stack(width)
    st.add(v.name, L.h2, True, style.INK, 1.25)
    st.add(v.address, L.lead, False, style.INK, 1.4, 1 * MM)
    st.add(", ".join(x for x in (v.city, v.country) if x), L.lead, False, style.MUTED, 1.4)
    if st.rows:
        out.append(stack_block(st))
    if v.map and ctx.photos is not None:
        img = ctx.photos.load(str(v.map))
        if img is not None:
            iw, ih = img.size
            w = width
            h = w * ih / iw
            if h > height * 0.62:
                h = height * 0.62
                w = h * iw / ih

            def draw_map(surface, x, y_top, c, w=w, h=h) -> None:
                surface.photo(x, y_top - h, w, h, str(v.map), v.name or "", style.PAPER_TINT)

            out.append(Block(h, draw_map, space_before=5 * MM))
    if ev.rooms:
        out.append(small_label(ctx, tr("Rooms"), width, 6 * MM))
        for r in ev.rooms:
            bits = [tr("floor {floor}").format(floor=r.floor) if r.floor else None,
                    ngettext("{n} seat", "{n} seats", r.capacity).format(n=r.capacity) if r.capacity else None]  # fmt: skip
            st = Stack(width).add(r.name, L.body, True, leading=1.35)
            st.add(" · ".join(b for b in bits if b), L.small, False, style.MUTED, 1.3)
            out.append(stack_block(st, space_before=1.2 * MM))
    return out
