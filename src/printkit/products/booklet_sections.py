"""An Event → the measured blocks of each flowed booklet section (welcome, sessions, speakers, indexes, venue).

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

from printkit import names
from printkit.model import Event, Session, Speaker
from printkit.press import text as ptext
from printkit.press.color import tint
from printkit.products import style
from printkit.products.booklet_flow import Block
from printkit.products.booklet_layout import BookletLayout
from printkit.products.booklet_parts import (
    Stack,
    baseline,
    chip,
    chip_height,
    dots,
    draw_text,
    label_text,
    lines_of,
    measure,
    text_block,
)
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
            surface.canvas.linkRect("", self.dest_name(anchor), (x, y, x + w, y + h), relative=1,
                                    thickness=0)  # fmt: skip


def qr_payload(event: Event, s: Session) -> tuple[str | None, str]:
    """What a session's QR opens and its caption: the video, else the talk page, else none.

    A session with neither gets no QR: the same schedule code repeated beside
    every talk would be noise (the back cover carries the schedule's QR).
    """
    if s.video:
        return s.video, "Video"
    if s.url:
        return s.url, "Talk page"
    return None, ""


def qr_side(ctx: Ctx, payload: str) -> float:
    """QR size: the layout's, or larger when the payload needs it for scannable modules."""
    from printkit.press.qr import min_size_for

    return max(ctx.layout.qr, min_size_for(payload, "M", ctx.min_module))


def sort_key(sp: Speaker) -> tuple:
    """Speakers A–Z by family name (nicknames, pronouns, titles ignored; accents folded)."""
    return (*names.sort_key(sp.name), sp.id)


def initial(sp: Speaker) -> str:
    return names.initial_letter(sp.name)


def by_initial(people) -> list[tuple[str, list[Speaker]]]:
    """Speakers → (letter, speakers) groups, A–Z by family name; other scripts after, `#` last."""
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
    out = [opener(ctx, "Welcome", "welcome")]
    if ev.theme:
        out.append(stack_block(Stack(width).add(ev.theme, L.lead + 1, True, ev.colors.primary,
                                                1.3), space_before=0))  # fmt: skip
    body = text_block(ev.welcome or "", width, L.lead, leading=1.45, space_before=3 * MM)
    if body:
        out.append(body)
    if ev.organizers:
        out.append(small_label(ctx, "Organised by", width, 6 * MM))
        for o in ev.organizers:
            st = Stack(width).add(o.name, L.body, True, leading=1.35)
            st.add(" · ".join(x for x in (o.role and o.role.capitalize(), o.url) if x), L.small,
                   color=style.MUTED, leading=1.35)  # fmt: skip
            out.append(stack_block(st, space_before=1.5 * MM))
    if ev.credits:
        out.append(small_label(ctx, "Credits", width, 6 * MM))
        out.append(text_block(ev.credits, width, L.small, color=style.MUTED))
    return out


# -- sessions --------------------------------------------------------------------


def sessions_section(ctx: Ctx, width: float) -> list[Block]:
    ev = ctx.event
    out: list[Block] = []
    by_day: dict[date, list[Session]] = {}
    for s in sessions_in_order(ev):
        by_day.setdefault(s.day, []).append(s)
    for i, (d, items) in enumerate(by_day.items()):
        header = f"Sessions · {style.day_label(d)}"
        if i == 0:
            out.append(opener(ctx, "Sessions", "sessions", header=header))
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
        w = draw_text(surface, x, bl, style.time_label(s.start), size, bold=True,
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
            surface, x + 3 * MM, bl, style.time_range(s), L.body, bold=True, color=style.MUTED
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
    st = Stack(tw)
    st.rows.append(_chip_row(L))
    st.add(s.title, L.h3, True, style.INK, 1.25, space_before=1.2 * MM)
    st.add(s.subtitle, L.body, False, style.MUTED, 1.3)
    room = ev.room(s.room)
    meta = [style.time_range(s), room.name if room else None,
            style.SESSION_TYPE_LABELS.get(s.type) if s.type != "talk" else None,
            s.language.upper() if s.language else None]  # fmt: skip
    st.add("  ·  ".join(m for m in meta if m), L.small, False, style.MUTED, 1.35, 0.8 * MM)
    people = ev.session_speakers(s)
    if people:
        names = "; ".join(
            p.name + (f", {p.organization}" if p.organization else "") for p in people
        )
        st.add(names, L.small, True, ev.colors.primary, 1.35, 0.6 * MM)
    if s.host and s.host.name:
        st.add(f"Host: {s.host.name}", L.small, False, style.MUTED, 1.35)
    cap_h = L.caption * 1.4
    h = max(st.height, q + cap_h)
    anchor = f"session:{s.id}"
    kind = style.SESSION_TYPE_LABELS.get(s.type, "")
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
    body = text_block(shown or "", width, L.body, leading=L.leading, space_before=1.5 * MM)
    if body:
        blocks[0].keep_with_next = True
        blocks.append(body)
    return blocks


def _chip_row(L):
    from printkit.products.booklet_parts import Row

    return Row(("",), L.caption, False, style.INK, chip_height(L.caption) / L.caption, 0.0)


# -- speakers ------------------------------------------------------------------


def speakers_section(ctx: Ctx, width: float) -> list[Block]:
    ev = ctx.event
    groups = by_initial(sp for sp in ev.speakers if ev.sessions_of(sp.id))
    if not groups:
        return []
    out = [opener(ctx, "Speakers", "speakers")]
    for letter, people in groups:
        out.append(letter_heading(ctx, letter, width))
        for sp in people:
            out.extend(speaker_entry(ctx, sp, width))
    return out


def letter_heading(ctx: Ctx, letter: str, width: float) -> Block:
    L = ctx.layout
    size = L.h2
    h = size * 1.2 + 1 * MM

    def draw(surface, x, y_top, c) -> None:
        draw_text(surface, x, baseline(y_top, size, 1.2, True), letter, size, bold=True,
                     color=ctx.event.colors.primary)  # fmt: skip
        surface.line(x, y_top - size * 1.2, x + width, y_top - size * 1.2,
                     tint(ctx.event.colors.primary, 0.35), 0.5)  # fmt: skip

    return Block(h, draw, keep_with_next=True, space_before=5 * MM)


def _num_w(L, n: int = 1) -> float:
    return measure(("p. " + ", ".join([NUM_SAMPLE] * n)), L.small, False) + 2 * MM


MAX_REFS = 4  # a speaker with more sessions gets the first few in full and "+N more: p. …"


def split_refs(sessions: list) -> tuple[list, list]:
    """Sessions listed in full under a speaker, and the rest (summed up as page numbers)."""
    if len(sessions) <= MAX_REFS:
        return list(sessions), []
    return list(sessions[: MAX_REFS - 1]), list(sessions[MAX_REFS - 1 :])


def more_refs_lines(n: int, numbers: list[str], width: float, size: float) -> tuple[str, ...]:
    """'+5 more sessions: p. 31, 44, 52' wrapped to `width` (nothing when n is 0)."""
    if n == 0:
        return ()
    label = f"+{n} more session{'s' if n != 1 else ''}"
    text = label + (f": p. {', '.join(numbers)}" if numbers else "")
    return lines_of(text, width, size, False)


def speaker_entry(ctx: Ctx, sp: Speaker, width: float) -> list[Block]:
    ev, L = ctx.event, ctx.layout
    ph = L.photo
    gap = 3.5 * MM
    tw = width - ph - gap
    st = Stack(tw)
    st.add(sp.name, L.h3, True, style.INK, 1.25)
    st.add(sp.affiliation, L.small, False, style.MUTED, 1.35, 0.3 * MM)
    extra = " · ".join(x for x in (sp.pronouns, sp.location) if x)
    st.add(extra, L.caption, False, style.MUTED, 1.35)
    numw = _num_w(L)
    refs = []
    sessions = ev.sessions_of(sp.id)
    shown, rest = split_refs(sessions)
    for s in shown:
        room = ev.room(s.room)
        lines = lines_of(s.title, tw - numw, L.small, True)
        meta = f"{style.day_label(s.day)} {style.time_label(s.start)}" + (
            f" · {room.name}" if room else ""
        )
        refs.append((s, lines, meta))
    ref_h = sum(len(ls) * L.small * 1.3 + L.caption * 1.35 + 0.8 * MM for _, ls, _ in refs)
    more_lines = more_refs_lines(len(rest), [NUM_SAMPLE] * len(rest), tw, L.small)
    ref_h += len(more_lines) * L.small * 1.3
    head_h = st.height + (1.5 * MM + ref_h if refs else 0)
    h = max(ph, head_h)
    color = ev.colors.primary
    anchor = f"speaker:{sp.id}"

    def draw(surface, x, y_top, c) -> None:
        surface.photo(x, y_top - ph, ph, ph, sp.photo, sp.name, color, base_dir=sp.base_dir,
                      where=sp.src)  # fmt: skip
        tx = x + ph + gap
        st.draw(surface, tx, y_top)
        y = y_top - st.height - 1.5 * MM
        for s, ls, meta in refs:
            top = y
            for ln in ls:
                draw_text(surface, tx, baseline(y, L.small, 1.3, True), ln, L.small, bold=True,
                             color=style.INK)  # fmt: skip
                y -= L.small * 1.3
            draw_text(surface, tx, baseline(y, L.caption, 1.35), meta, L.caption, color=style.MUTED)
            y -= L.caption * 1.35 + 0.8 * MM
            n = c.page_of(f"session:{s.id}")
            if n:
                draw_text(surface, x + width, baseline(top, L.small, 1.3), f"p. {n}", L.small,
                             color=color, align="right")  # fmt: skip
                c.link_to(surface, f"session:{s.id}", tx, y, width - (tx - x), top - y)
        if rest:
            pages = [c.page_of(f"session:{s.id}") for s in rest]
            nums = [str(n) for n in sorted({n for n in pages if n})]
            for ln in more_refs_lines(len(rest), nums, tw, L.small)[: len(more_lines)]:
                draw_text(surface, tx, baseline(y, L.small, 1.3), ln, L.small, color=color)
                y -= L.small * 1.3
        c.dest(surface, anchor, x, y_top)

    blocks = [Block(h, draw, space_before=4.5 * MM, anchor=anchor)]
    more = _speaker_details(ctx, sp, width)
    if more:
        blocks[0].keep_with_next = True
        blocks.extend(more)
    return blocks


def _speaker_details(ctx: Ctx, sp: Speaker, width: float) -> list[Block]:
    L = ctx.layout
    out: list[Block] = []
    shown = sp.bio if L.shows("bios", len(ctx.event.sessions)) else ""
    bio = text_block(shown or "", width, L.body, leading=L.leading, space_before=2 * MM)
    if bio:
        out.append(bio)
    if sp.career:
        out.append(small_label(ctx, "Career", width, 2.5 * MM))
        for c in sp.career:
            st = Stack(width).add(", ".join(x for x in (c.role, c.org) if x) +
                                  (f"  ({c.period})" if c.period else ""), L.small, True,
                                  leading=1.35)  # fmt: skip
            for item in c.items:
                st.add(f"– {item}", L.small, False, style.MUTED, 1.35, indent=2 * MM)
            out.append(stack_block(st, space_before=0.8 * MM))
    if sp.education:
        out.append(small_label(ctx, "Education", width, 2.5 * MM))
        for e in sp.education:
            line = ", ".join(x for x in (e.degree, e.school, str(e.year) if e.year else None) if x)
            out.append(stack_block(Stack(width).add(line, L.small, leading=1.35)))
    if sp.publications:
        out.append(small_label(ctx, "Publications", width, 2.5 * MM))
        for p in sp.publications:
            out.append(_publication(ctx, p, width))
    if sp.recognition:
        out.append(small_label(ctx, "Recognition", width, 2.5 * MM))
        for r in sp.recognition:
            line = r.title + (f" ({r.year})" if r.year else "") + (f" – {r.note}" if r.note else "")
            out.append(stack_block(Stack(width).add(line, L.small, leading=1.35)))
    links = list(sp.links)
    if sp.profile_url and all(u != sp.profile_url for _, u in links):
        links.insert(0, ("Profile", sp.profile_url))
    if links:
        st = Stack(width)
        for label, url in links:
            st.add(f"{label}: {_readable(url)}", L.caption, False, style.MUTED, 1.35)
        out.append(stack_block(st, space_before=1.5 * MM))
    return out


def _readable(url: str) -> str:
    """A link as people type it: no scheme, no trailing slash."""
    for p in ("https://", "http://"):
        if url.startswith(p):
            url = url[len(p) :]
    return url.rstrip("/")


def _publication(ctx: Ctx, p, width: float) -> Block:
    L = ctx.layout
    q = qr_side(ctx, p.video) if p.video else 0.0
    tw = width - (q + 3 * MM if q else 0)
    st = Stack(tw).add(p.title + (f" ({p.year})" if p.year else ""), L.small, True, leading=1.35)
    st.add(p.note, L.caption, False, style.MUTED, 1.35)
    if p.url:
        st.add(_readable(p.url), L.caption, False, style.MUTED, 1.35)
    h = max(st.height, q + L.caption * 1.4 if q else 0)

    def draw(surface, x, y_top, c) -> None:
        st.draw(surface, x, y_top)
        if q:
            surface.qr(x + width - q, y_top - q, q, p.video)
            draw_text(surface, x + width - q / 2, y_top - q - L.caption * 1.05, "Video", L.caption,
                         color=style.MUTED, align="center")  # fmt: skip
            surface.link(x + width - q, y_top - q, q, q, p.video)

    return Block(h, draw, space_before=1.2 * MM)


# -- indexes -------------------------------------------------------------------


def speaker_index(ctx: Ctx, width: float) -> list[Block]:
    ev = ctx.event
    groups = by_initial(sp for sp in ev.speakers if ev.sessions_of(sp.id))
    if not groups:
        return []
    out = [opener(ctx, "Speaker index", "speaker-index")]
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
    """An index line: text, dot leader, the page numbers of `anchors` (deduplicated) at the right."""
    L = ctx.layout
    size = size or L.small
    count = len(anchors)
    numw = measure(", ".join([NUM_SAMPLE] * max(1, min(count, 6))), size) + 2 * MM
    if numw > width * 0.45:
        numw = width * 0.45
    text = f"{prefix}{label}"
    lines = lines_of(text, width - numw, size, False)
    lh = size * 1.32

    def draw(surface, x, y_top, c) -> None:
        y = y_top
        last_w = 0.0
        for ln in lines:
            last_w = draw_text(surface, x, baseline(y, size, 1.32), ln, size, color=style.INK)
            y -= lh
        bl = baseline(y + lh, size, 1.32)
        seen: dict[int, str] = {}
        for a in anchors:
            n = c.page_of(a)
            if n is not None and n not in seen:
                seen[n] = a
        nums = sorted(seen)
        xr = x + width
        for i, n in enumerate(reversed(nums)):
            s = f"{n}" + (", " if i else "")
            w = measure(s, size)
            draw_text(surface, xr, bl, s, size, color=style.INK, align="right")
            c.link_to(surface, seen[n], xr - w, bl - size * 0.3, w, size * 1.2)
            xr -= w
        dots(surface, x + last_w, xr, bl, size)

    return Block(len(lines) * lh, draw, anchor=None)


def track_index(ctx: Ctx, width: float) -> list[Block]:
    ev = ctx.event
    tracks = [t for t in ev.tracks if any(s.track == t.id for s in ev.sessions)]
    if not tracks:
        return []
    out = [opener(ctx, "Track index", "track-index")]
    all_sessions = sessions_in_order(ev)
    for t in tracks:
        out.append(_track_heading(ctx, t, width))
        for s in all_sessions:
            if s.track == t.id and not s.is_break:
                prefix = f"{s.day:%a} {style.time_label(s.start)}  "
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


def venue_section(ctx: Ctx, width: float, height: float) -> list[Block]:
    ev, L = ctx.event, ctx.layout
    v = ev.venue
    if not (v.name or v.address or v.map or ev.rooms):
        return []
    out = [opener(ctx, "Venue", "venue")]
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
        out.append(small_label(ctx, "Rooms", width, 6 * MM))
        for r in ev.rooms:
            bits = [f"floor {r.floor}" if r.floor else None,
                    f"{r.capacity} seats" if r.capacity else None]  # fmt: skip
            st = Stack(width).add(r.name, L.body, True, leading=1.35)
            st.add(" · ".join(b for b in bits if b), L.small, False, style.MUTED, 1.3)
            out.append(stack_block(st, space_before=1.2 * MM))
    return out
