"""An event → whole booklet pages drawn directly (cover, back cover, notes) and the chrome (running heads, folios) of the others.

Chrome is the running header (section name on the outer side, event name
on the inner side, a hairline under both) and the page number in the outer
bottom corner: right on rectos (odd pages), left on versos.
"""

from __future__ import annotations

from printkit.i18n import tr
from printkit.press.color import tint
from printkit.press.inks import reversed_type
from printkit.products import style
from printkit.products.booklet.flow import Block
from printkit.products.booklet.parts import Stack, baseline, dots, draw_text, lines_of, measure
from printkit.units import MM


def chrome(surface, ctx, number: int, header: str | None) -> None:
    """Running header and folio of page `number`."""
    L = ctx.layout
    w, h = surface.width, surface.height
    recto = number % 2 == 1
    left = L.left_margin(number)
    right = w - (L.margin_outer if recto else L.margin_inner)
    y = h - L.margin_top + 6.5 * MM
    size = L.caption
    outer_x, outer_align = (right, "right") if recto else (left, "left")
    inner_x, inner_align = (left, "left") if recto else (right, "right")
    if header:
        draw_text(surface, outer_x, y, header.upper(), size, bold=True, color=ctx.event.colors.primary,
                     align=outer_align)  # fmt: skip
    name_w = (right - left) * 0.45
    name = ctx.event.name
    if measure(name, size) > name_w:
        name = lines_of(name, name_w, size)[0] + "…"
    draw_text(surface, inner_x, y, name, size, color=style.FAINT, align=inner_align)
    surface.line(left, y - 2.2 * MM, right, y - 2.2 * MM, "#D5D8DC", 0.4)
    fy = L.margin_bottom * 0.45
    draw_text(surface, right if recto else left, fy, str(number), L.small + 0.5, bold=True,
                 color=ctx.event.colors.primary, align="right" if recto else "left")  # fmt: skip


def _circle(surface, x, y, r, fill) -> None:
    c = surface.canvas
    c.saveState()
    c.setFillColor(surface.color(fill))
    c.circle(x, y, r, stroke=0, fill=1)
    c.restoreState()


def _logo(surface, ctx, x, y_top, max_w, max_h) -> float:
    """The event logo in a white panel at (x, y_top); returns the panel height (0 without logo)."""
    ev = ctx.event
    if not ev.logo or ctx.photos is None:
        return 0.0
    img = ctx.photos.load(str(ev.logo))
    if img is None:
        return 0.0
    iw, ih = img.size
    pad = 3 * MM
    w = max_w - 2 * pad
    h = w * ih / iw
    if h > max_h - 2 * pad:
        h = max_h - 2 * pad
        w = h * iw / ih
    surface.rect(x, y_top - h - 2 * pad, w + 2 * pad, h + 2 * pad, fill="white", radius=2 * MM)
    surface.photo(x + pad, y_top - h - pad, w, h, str(ev.logo), ev.name, "white")
    return h + 2 * pad


def _wordmark_size(name: str, w: float, h: float, max_size: float) -> float:
    """The largest floor at which the name still fits whole on up to 4 lines (a big wordmark)."""
    from printkit.fit import fit_text

    size = max_size
    while size > 20:
        f = fit_text(name, w, h, max_size, size, max_lines=4,
                     measure=lambda t, z: measure(t, z, True), leading=1.02)  # fmt: skip
        words = len(name.split())
        if not f.truncated and len(f.lines) <= max(1, words):
            return size
        size -= 2
    return 20.0


def cover(surface, ctx) -> None:
    """Full-bleed brand colour, the event name as a large wordmark, theme, dates and venue."""
    ev, L = ctx.event, ctx.layout
    w, h = surface.width, surface.height
    primary, accent = ev.colors.primary, ev.colors.accent
    surface.bleed_rect(0, 0, w, h, primary)
    _circle(surface, w * 1.02, h * 0.86, w * 0.62, tint(primary, 0.86))
    _circle(surface, w * 1.02, h * 0.86, w * 0.38, tint(primary, 0.74))
    m = L.margin_outer + 2 * MM
    top = h - m
    draw_text(surface, m, top - L.small, tr("PROGRAMME"), L.small + 0.5, bold=True, color=accent)
    logo_h = _logo(surface, ctx, m, top - L.small - 5 * MM, w * 0.42, h * 0.14)
    # wordmark
    box_w = w - 2 * m
    box_top = h * 0.62 - (logo_h * 0.3)
    box_h = h * 0.30
    size = _wordmark_size(ev.name, box_w, box_h, L.cover_title_max)
    surface.fit(ev.name, m, box_top - box_h, box_w, box_h, L.cover_title_max, size, max_lines=4,
                bold=True, color="white", valign="bottom", leading=1.02,
                what="event name")  # fmt: skip
    y = box_top - box_h - 6 * MM
    surface.rect(m, y - 1.6 * MM, 22 * MM, 1.6 * MM, fill=accent)
    y -= 1.6 * MM + 5 * MM
    if ev.theme:
        st = Stack(box_w * 0.9).add(ev.theme, L.lead + 2, False, "white", 1.3)
        st.draw(surface, m, y)
    # dates and place at the foot
    place = ", ".join(x for x in (ev.venue.name, ev.venue.city) if x)
    fy = m + 2 * MM
    if place:
        size, bold = reversed_type(L.lead, False)
        draw_text(surface, m, fy, place, size, bold=bold, color="white")
        fy += L.lead * 1.5
    draw_text(surface, m, fy, style.date_range(ev), L.h2, bold=True, color="white")


def back_cover(surface, ctx) -> None:
    """Brand colour with the event's address on the web and a QR to the live schedule."""
    ev, L = ctx.event, ctx.layout
    w, h = surface.width, surface.height
    primary = ev.colors.primary
    surface.bleed_rect(0, 0, w, h, primary)
    _circle(surface, -w * 0.02, h * 0.1, w * 0.5, tint(primary, 0.86))
    m = L.margin_outer + 2 * MM
    target = ev.schedule_url or ev.url
    y = h * 0.62
    surface.fit(ev.name, m, y, w - 2 * m, h * 0.16, L.h1, 12, max_lines=3, bold=True,
                color="white", valign="bottom", what="event name")  # fmt: skip
    y -= 6 * MM
    surface.rect(m, y - 1.4 * MM, 18 * MM, 1.4 * MM, fill=ev.colors.accent)
    y -= 8 * MM
    if target:
        from printkit.press.qr import min_size_for

        q = max(24 * MM, min_size_for(target, "M", ctx.min_module))
        surface.rect(m, y - q, q, q, fill="white", radius=1.5 * MM)
        surface.qr(m, y - q, q, target)
        surface.link(m, y - q, q, q, target)
        tx = m + q + 5 * MM
        draw_text(surface, tx, y - L.lead * 1.3, tr("Live schedule and changes"), L.lead, bold=True,
                     color="white")  # fmt: skip
        st = Stack(w - tx - m).add(_readable(target), L.body, False, tint(primary, 0.25), 1.35)
        st.draw(surface, tx, y - L.lead * 1.8)
    stamp = ev.version_stamp
    foot = (
        tr("Programme as of {stamp}").format(stamp=stamp)
        if stamp
        else tr("Programme subject to change")
    )
    draw_text(surface, m, m, foot, L.caption, color=tint(primary, 0.3))


def _readable(url: str) -> str:
    for p in ("https://", "http://"):
        if url.startswith(p):
            url = url[len(p) :]
    return url.rstrip("/")


def notes(surface, ctx, number: int, first: bool) -> None:
    """A ruled notes page."""
    L = ctx.layout
    w, h = surface.width, surface.height
    left = L.left_margin(number)
    right = w - (L.margin_outer if number % 2 else L.margin_inner)
    top = h - L.margin_top
    if first:
        draw_text(surface, left, baseline(top, L.h2, 1.2, True), tr("Notes"), L.h2, bold=True,
                     color=ctx.event.colors.primary)  # fmt: skip
        top -= L.h2 * 1.2 + 4 * MM
    y = top - L.notes_rule
    while y > L.margin_bottom:
        surface.line(left, y, right, y, "#CDD1D6", 0.35)
        y -= L.notes_rule


def contents_blocks(ctx, entries: list[tuple[str, str, int]], width: float) -> list[Block]:
    """Contents rows: title, dot leader, page number; level-1 rows indented and lighter."""
    L = ctx.layout
    out: list[Block] = []
    for title, anchor, level in entries:
        size = L.lead if level == 0 else L.body
        bold = level == 0
        indent = 0 if level == 0 else 5 * MM
        h = size * 1.5

        def draw(surface, x, y_top, c, title=title, anchor=anchor, size=size, bold=bold,
                 indent=indent, h=h) -> None:  # fmt: skip
            bl = baseline(y_top, size, 1.5, bold)
            tw = draw_text(surface, x + indent, bl, title, size, bold=bold,
                              color=style.INK if bold else style.MUTED)  # fmt: skip
            n = c.page_of(anchor)
            label = str(n) if n is not None else ""
            nw = draw_text(surface, x + width, bl, label, size, bold=bold, color=ctx.event.colors.primary,
                              align="right")  # fmt: skip
            dots(surface, x + indent + tw + 1, x + width - nw - 1, bl, size)
            c.link_to(surface, anchor, x, y_top - h, width, h)

        out.append(Block(h, draw, space_before=(3 * MM if level == 0 and out else 0)))
    return out
