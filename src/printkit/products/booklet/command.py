"""Event + booklet layout → the programme booklet PDF (reading order with bleed, or saddle-stitch spreads).

The pipeline, top to bottom:
1. load the layout; make the drawing context (target facts, photo store);
2. build each section's measured blocks and paginate them (no drawing yet);
3. number the pages: cover, contents, welcome, at a glance, sessions,
   speakers, speaker index, track index, venue, notes to a multiple of 4,
   back cover; record the page of every anchor;
4. draw every page on the Press, now that contents, indexes and "p. 12"
   references know their numbers;
5. with --imposed, turn the pages into printer spreads (saddle plan + creep).
"""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import click

from printkit.cli_options import (
    event_argument,
    jobs_option,
    jobs_value,
    lang_option,
    layout_option,
    offline_option,
    output_option,
    progress_bar,
    run_product,
    strict_option,
    target_option,
)
from printkit.errors import PrintkitError, Problems
from printkit.i18n import localized, tr
from printkit.model import Event
from printkit.products import style
from printkit.products.booklet.flow import Block, Page, paginate
from printkit.products.booklet.glance import (
    GlancePage,
    draw_glance,
    glance_head,
    legend_room,
    plan_day,
)
from printkit.products.booklet.indexes import speaker_index, track_index
from printkit.products.booklet.layout import BookletLayout, load_booklet_layout
from printkit.products.booklet.pages import back_cover, chrome, contents_blocks, cover, notes
from printkit.products.booklet.parts import baseline, draw_text
from printkit.products.booklet.sections import (
    Ctx,
    opener,
    sessions_section,
    venue_section,
    welcome,
)
from printkit.products.booklet.speakers import speakers_section
from printkit.products.parts import reading_order
from printkit.units import MM

DEFAULT_NAME = "booklet.pdf"


@dataclass
class DocPage:
    """One page of the booklet: what kind, and what it holds."""

    kind: str  # cover | flow | glance | notes | back
    header: str | None = None
    page: Page | None = None
    columns: int = 1
    top: float = 0.0  # first page of a multi-column section: room for its full-width opener
    opener: Block | None = None
    glance: GlancePage | None = None
    first: bool = False
    bookmarks: tuple = ()
    anchors: tuple = ()


@dataclass
class Booklet:
    pages: list[DocPage]
    numbers: dict[str, int] = field(default_factory=dict)
    contents: list[tuple[str, str, int]] = field(default_factory=list)


# -- 2 + 3: measure, paginate, number ------------------------------------------------


def _flow(blocks: list[Block], L: BookletLayout, columns: int = 1) -> list[DocPage]:
    """A section's blocks → DocPages; a multi-column section keeps its opener full width."""
    if not blocks:
        return []
    _, fh = L.frame()
    if columns > 1 and blocks[0].new_page and blocks[0].keep_with_next:
        head, rest = blocks[0], blocks[1:]
        top = head.height + 2 * MM
        pages = paginate(rest, fh, columns, header=head.header, first_top=top, balance=True)
        out = [DocPage("flow", p.header or head.header, p, columns) for p in pages]
        out[0].top, out[0].opener = top, head
        out[0].header = head.header
        return out
    pages = paginate(blocks, fh, columns, balance=columns > 1)
    return [DocPage("flow", p.header, p, columns) for p in pages]


def _column_width(L: BookletLayout, columns: int) -> float:
    fw, _ = L.frame()
    return (fw - (columns - 1) * L.column_gap) / columns


def _glance_pages(ctx: Ctx) -> list[DocPage]:
    ev, L = ctx.event, ctx.layout
    fw, fh = L.frame()
    title_h = L.h2 * 1.3 + 3 * MM
    out = []
    for i, d in enumerate(ev.days):
        pages = plan_day(
            ev, d, fw, fh - title_h - legend_room(L),
            time_column=L.glance_time_column, min_column=L.glance_min_column,
            min_minute=L.glance_min_minute, max_minute=L.glance_max_minute, head=glance_head(L),
            text=L.glance_text, min_text=L.glance_min_text, dense_minute_cap=L.glance_dense_minute,
        )  # fmt: skip
        for j, gp in enumerate(pages):
            marks = []
            anchors = []
            if j == 0:
                if i == 0:
                    marks.append((tr("At a glance"), 0))
                    anchors.append("section:glance")
                marks.append((style.day_label(d), 1))
                anchors.append(f"day:glance:{d.isoformat()}")
            out.append(DocPage("glance", f"{tr('At a glance')} · {style.day_label(d)}", glance=gp,
                               bookmarks=tuple(marks), anchors=tuple(anchors)))  # fmt: skip
    return out


def compose(ctx: Ctx) -> Booklet:
    """Measure and paginate every section, then number pages and anchors (pure; nothing drawn)."""
    ev, L = ctx.event, ctx.layout
    w1 = _column_width(L, 1)
    _, fh = L.frame()
    sections = [
        (tr("Welcome"), "welcome", _flow(welcome(ctx, w1), L)),
        (tr("At a glance"), "glance", _glance_pages(ctx) if ev.sessions else []),
        (tr("Sessions"), "sessions", _flow(sessions_section(ctx, w1), L)),
        (tr("Speakers"), "speakers",
         _flow(speakers_section(ctx, _column_width(L, L.speaker_columns)), L, L.speaker_columns)),
        (tr("Speaker index"), "speaker-index",
         _flow(speaker_index(ctx, _column_width(L, L.index_columns)), L, L.index_columns)),
        (tr("Track index"), "track-index",
         _flow(track_index(ctx, _column_width(L, L.index_columns)), L, L.index_columns)),
        (tr("Venue"), "venue", _flow(venue_section(ctx, w1, fh), L)),
    ]  # fmt: skip
    entries: list[tuple[str, str, int]] = []
    for title, key, pages in sections:
        if not pages:
            continue
        entries.append((title, f"section:{key}", 0))
        if key in ("glance", "sessions") and len(ev.days) > 1:
            entries += [(style.day_label(d, long=True), f"day:{key}:{d.isoformat()}", 1)
                        for d in ev.days]  # fmt: skip
    contents = _flow(
        [opener(ctx, tr("Contents"), "contents"), *contents_blocks(ctx, entries, w1)], L
    )
    pages = [DocPage("cover"), *contents]
    for _, _, section_pages in sections:
        pages += section_pages
    pad = (-(len(pages) + 1)) % 4
    pages += [DocPage("notes", tr("Notes"), first=i == 0) for i in range(pad)]
    pages.append(DocPage("back"))
    numbers: dict[str, int] = {}
    for n, dp in enumerate(pages, start=1):
        for a in _anchors(dp):
            numbers.setdefault(a, n)
    return Booklet(pages, numbers, entries)


def _anchors(dp: DocPage):
    yield from dp.anchors
    if dp.opener is not None and dp.opener.anchor:
        yield dp.opener.anchor
    if dp.page is not None:
        for b in dp.page.blocks:
            if b.anchor:
                yield b.anchor


PROGRESS_MIN = 100  # pages: about 2 s of drawing

# -- 4: draw ---------------------------------------------------------------------


def draw_page(surface, ctx: Ctx, dp: DocPage, number: int) -> None:
    """Draw one booklet page (all numbers known)."""
    L = ctx.layout
    if dp.kind == "cover":
        cover(surface, ctx)
        return
    if dp.kind == "back":
        back_cover(surface, ctx)
        return
    chrome(surface, ctx, number, dp.header)
    x0 = L.left_margin(number)
    y_top = surface.height - L.margin_top
    for title, level in dp.bookmarks:
        surface.bookmark(title, level)
    if dp.kind == "notes":
        notes(surface, ctx, number, dp.first)
        return
    if dp.kind == "glance":
        _draw_glance_page(surface, ctx, dp, x0, y_top)
        return
    # the running text reads right to left in Arabic or Hebrew: the frame is mirrored about its
    # middle (columns from the right, blocks flush right); header, folio and the grid are not
    surface = reading_order(surface, x0 + L.frame()[0] / 2)
    if dp.opener is not None:
        for title, level in dp.opener.bookmarks:
            surface.bookmark(title, level)
        dp.opener.draw(surface, x0, y_top, ctx)
    cw = _column_width(L, dp.columns)
    for ci, col in enumerate(dp.page.columns):
        x = x0 + ci * (cw + L.column_gap)
        for placed in col:
            b = placed.block
            for title, level in b.bookmarks:
                surface.bookmark(title, level)
            if b.draw is not None:
                b.draw(surface, x, y_top - placed.y, ctx)


def _draw_glance_page(surface, ctx: Ctx, dp: DocPage, x0: float, y_top: float) -> None:
    L = ctx.layout
    gp = dp.glance
    fw, fh = L.frame()
    for a in dp.anchors:
        ctx.dest(surface, a, x0, y_top)
    title = style.day_label(gp.day, long=True)
    draw_text(surface, x0, baseline(y_top, L.h2, 1.3, True), title, L.h2, bold=True,
                 color=ctx.event.colors.primary)  # fmt: skip
    if gp.parts > 1:
        part = tr("{part} of {parts}").format(part=gp.part, parts=gp.parts)
        draw_text(surface, x0 + fw, baseline(y_top, L.h2, 1.3, True), part, L.small,
                  color=style.MUTED, align="right")  # fmt: skip
    top = y_top - L.h2 * 1.3 - 3 * MM
    draw_glance(surface, ctx, gp, x0, top, fw)


# -- 1 + 5: build ----------------------------------------------------------------


def press_target(target: str):
    """The Press target; office is plain trim-size pages (the printer's booklet mode, or --imposed)."""
    from printkit.press.target import TARGETS, Target

    if target not in TARGETS:
        raise PrintkitError(f"unknown target {target!r}; use one of {', '.join(TARGETS)}")
    if target == "office":
        return Target("office-pages", cmyk=False, bleed=False, marks=False, links=False)
    return TARGETS[target]


def make_context(event: Event, L: BookletLayout, target: str, photos=None) -> Ctx:
    from printkit.press.qr import MIN_MODULE_MM

    return Ctx(event, L, links=press_target(target).links,
               min_module=MIN_MODULE_MM[target] * MM, photos=photos,
               target=press_target(target).name.split("-")[0])  # fmt: skip


def plan_booklet(event: Event, layout: str | None = None, target: str = "shop") -> Booklet:
    """The booklet's pages and the page number of every anchor, without drawing (tests, tools)."""
    return compose(make_context(event, load_booklet_layout(layout), target))


@localized
def build(
    event: Event,
    out: Path | str,
    *,
    problems: Problems,
    target: str = "shop",
    layout: str | None = None,
    imposed: bool = False,
    creep: float = 0.0,
    offline: bool = False,
    photos=None,
    long_texts: str | None = None,
    jobs: int = 1,
    **_ignored,
) -> str:
    """Write the booklet for `event` to `out` (pages drawn in chunks on `jobs` workers); the summary.

    `long_texts` (auto|yes|no) overrides the layout's `abstracts` and `bios`.
    """
    from printkit.press.images import PhotoStore
    from printkit.press.page import Press
    from printkit.press.parallel import draw_pieces

    out = Path(out)
    L = load_booklet_layout(layout, problems)
    if long_texts:
        L = dataclasses.replace(L, abstracts=long_texts, bios=long_texts)
    if creep < 0 or creep > 5:
        raise PrintkitError(f"--creep must be between 0 and 5 mm, got {creep:g}")
    if creep and not imposed:
        raise PrintkitError(
            "--creep only applies to imposed spreads; add --imposed, or leave --creep out"
        )
    if imposed and target == "screen":
        raise PrintkitError(
            "--imposed makes printer spreads (imposition is for printing) and would lose the "
            "screen booklet's links and bookmarks; use --target shop or office with --imposed, "
            "or leave --imposed out for screen"
        )
    if not event.sessions:
        raise PrintkitError(f"{event.source or event.name}: no sessions, so no booklet to print")
    tgt = press_target(target)
    photos = photos or PhotoStore(problems=problems, offline=offline)
    ctx = make_context(event, L, target, photos)
    book = compose(ctx)
    ctx.pages = book.numbers
    n = len(book.pages)
    title = f"{event.name} – Programme"
    with tempfile.TemporaryDirectory(prefix="printkit-booklet-") as tmp:
        first = Path(tmp) / "pages.pdf" if imposed else out

        def make_press(path, part):
            return Press(path, L.trim, tgt, title=title, problems=problems, photos=photos,
                         subject="Programme booklet", event=event, part=part)  # fmt: skip

        pieces = [(partial(draw_page, ctx=ctx, dp=dp, number=number), None, None)
                  for number, dp in enumerate(book.pages, start=1)]  # fmt: skip
        # links between pages (screen) need one document: no chunks there
        with progress_bar("booklet", n, PROGRESS_MIN) as bar:
            draw_pieces(make_press, pieces, first, 1 if tgt.links else jobs, problems,
                        bar.update if bar is not None else None, chunked=not tgt.links)  # fmt: skip
        bleed = make_press(first, None).bleed
        photos.finish()
        how = "reading order" + (" with bleed" if tgt.bleed else "")
        if imposed:
            from printkit import saddle
            from printkit.press.output import write_atomic
            from printkit.press.spreads import impose_spreads

            plan = saddle.plan(n, creep * MM)
            data = impose_spreads(first.read_bytes(), plan, L.trim, bleed=bleed,
                                  marks=tgt.marks)  # fmt: skip
            write_atomic(out, data)
            how = f"{len(plan)} sheets imposed for saddle stitching" + (
                f", creep {creep:g} mm" if creep else ""
            )
    left_out = [w for w in ("abstracts", "bios") if not L.shows(w, len(event.sessions))]
    if left_out and len(event.sessions) > L.compact_above:
        how += f"; {' and '.join(left_out)} left out above {L.compact_above} sessions"
    return f"{out}: booklet, {n} pages {L.name} ({how}), {target}"


@click.command("booklet")
@event_argument
@output_option(DEFAULT_NAME)
@target_option("shop")
@layout_option("Booklet layout: a5 (default), a4, letter-half, or a YAML file.")
@click.option(
    "--imposed", is_flag=True, help="Printer spreads for saddle stitching (2 pages a side)."
)
@click.option("--creep", type=float, default=0.0, metavar="MM", show_default=True,
              help="With --imposed: shift the innermost sheet's pages this far toward the spine.")  # fmt: skip
@click.option(
    "--long-texts",
    type=click.Choice(("auto", "yes", "no")),
    default=None,
    help="Abstracts and bios: auto (the default) leaves them out above 300 sessions, where "
    "the QR codes lead to them; yes prints them whatever the size.",
)
@jobs_option
@offline_option
@lang_option
@strict_option
def command(event, output, target, layout, imposed, creep, long_texts, offline, strict, jobs):
    """The programme booklet: cover, contents, schedule, sessions, speakers, indexes, venue."""
    run_product(build, event, output, DEFAULT_NAME, target=target, layout=layout, imposed=imposed,
                creep=creep, offline=offline, long_texts=long_texts, strict=strict,
                jobs=jobs_value(jobs))  # fmt: skip
