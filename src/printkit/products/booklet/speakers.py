"""Speakers → the booklet's speaker pages: A–Z letter headings, one entry per speaker with photo, roles, sessions and page references, details and publications."""

from __future__ import annotations

from printkit.i18n import ngettext, tr
from printkit.model import Speaker
from printkit.press.color import tint
from printkit.products import overnight, style
from printkit.products.booklet.flow import Block
from printkit.products.booklet.parts import (
    Stack,
    baseline,
    draw_text,
    lines_of,
    measure,
    text_block,
)
from printkit.products.booklet.sections import (
    NUM_SAMPLE,
    Ctx,
    by_initial,
    opener,
    qr_side,
    small_label,
    stack_block,
)
from printkit.units import MM


def speakers_section(ctx: Ctx, width: float) -> list[Block]:
    ev = ctx.event
    groups = by_initial(sp for sp in ev.speakers if ev.sessions_of(sp.id))
    if not groups:
        return []
    out = [opener(ctx, tr("Speakers"), "speakers")]
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
    label = ngettext("+{n} more session", "+{n} more sessions", n).format(n=n)
    text = label + (": " + tr("p. {pages}").format(pages=", ".join(numbers)) if numbers else "")
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
        lines = lines_of(s.title, tw - numw, L.small, True, ev.text_language(s))
        meta = f"{style.day_label(s.day)} {overnight.time_label(s)}" + (
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
        out.append(small_label(ctx, tr("Career"), width, 2.5 * MM))
        for c in sp.career:
            st = Stack(width).add(", ".join(x for x in (c.role, c.org) if x) +
                                  (f"  ({c.period})" if c.period else ""), L.small, True,
                                  leading=1.35)  # fmt: skip
            for item in c.items:
                st.add(f"– {item}", L.small, False, style.MUTED, 1.35, indent=2 * MM)
            out.append(stack_block(st, space_before=0.8 * MM))
    if sp.education:
        out.append(small_label(ctx, tr("Education"), width, 2.5 * MM))
        for e in sp.education:
            line = ", ".join(x for x in (e.degree, e.school, str(e.year) if e.year else None) if x)
            out.append(stack_block(Stack(width).add(line, L.small, leading=1.35)))
    if sp.publications:
        out.append(small_label(ctx, tr("Publications"), width, 2.5 * MM))
        for p in sp.publications:
            out.append(_publication(ctx, p, width))
    if sp.recognition:
        out.append(small_label(ctx, tr("Recognition"), width, 2.5 * MM))
        for r in sp.recognition:
            line = r.title + (f" ({r.year})" if r.year else "") + (f" – {r.note}" if r.note else "")
            out.append(stack_block(Stack(width).add(line, L.small, leading=1.35)))
    links = list(sp.links)
    if sp.profile_url and all(u != sp.profile_url for _, u in links):
        links.insert(0, (tr("Profile"), sp.profile_url))
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
            draw_text(surface, x + width - q / 2, y_top - q - L.caption * 1.05, tr("Video"), L.caption,
                         color=style.MUTED, align="center")  # fmt: skip
            surface.link(x + width - q, y_top - q, q, q, p.video)

    return Block(h, draw, space_before=1.2 * MM)


# -- indexes -------------------------------------------------------------------
