"""Event + card layout → host cue cards: title, time, room, speakers, the introduction to read aloud.

Every session with a host introduction gets cards; talks, keynotes, panels
and workshops without one get a short introduction built from the speakers'
position and organization and the talk title. A long introduction continues
on further cards marked 2/3, 3/3, with the session title repeated.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from printkit import fit as _fit
from printkit.cli_options import (
    event_argument,
    jobs_option,
    jobs_value,
    lang_option,
    layout_option,
    offline_option,
    output_option,
    paper_option,
    progress_bar,
    run_product,
    target_option,
)
from printkit.errors import PrintkitError, Problems
from printkit.i18n import localized, tr
from printkit.layout import load_sheet
from printkit.model import Event, Session
from printkit.press import text as _text
from printkit.press.surface import Surface
from printkit.products import style
from printkit.products.cards.layout import CardLayout, load_card_layout
from printkit.products.cards.plan import (
    cue_sessions,
    fit_names,
    fit_title,
    split_lines,
    spoken_text,
)
from printkit.products.parts import (
    block_height,
    draw_lines,
    fonts_ready,
    measure,
    quiet_text,
    reading_order,
    stamp_text,
)
from printkit.units import MM


@dataclass(frozen=True)
class CardPlan:
    """One session's cards: the fitted header and the introduction's lines per card."""

    session: Session
    title: _fit.Fit
    speakers: _fit.Fit
    own_text: bool
    pages: tuple[tuple[str, ...], ...]
    intro: float = 0.0  # the introduction's size (points)
    inset: float = 0.0  # office: nothing within this distance of the card's edge
    head: _fit.Fit | None = None  # the title repeated on continuation cards


PROGRESS_MIN = 200  # pieces: about 2 s of drawing


def speaker_units(event: Event, s: Session) -> list[str]:
    """['Ada Lovelace (she/her)', 'Alan Turing'] — one unit per speaker, never split."""
    return [
        sp.name + (f" ({sp.pronouns})" if sp.pronouns else "") for sp in event.session_speakers(s)
    ]


def speakers_line(event: Event, s: Session) -> str:
    """'Ada Lovelace (she/her), Alan Turing' — names with pronouns."""
    return ", ".join(speaker_units(event, s))


def _top(lay: CardLayout, inset: float) -> float:
    """From the card's top edge to the first element under the band."""
    return inset + lay.band + 5 * MM


def _label_block(lay: CardLayout) -> float:
    return 4 * MM + _text.cap_height(lay.label, True) + 4.5 * MM


def _first_header(lay: CardLayout, title: _fit.Fit, speakers: _fit.Fit) -> float:
    """Height below the band's bottom to the first introduction line's cap line (card 1)."""
    h = 5 * MM + _text.cap_height(lay.meta) + 4 * MM + block_height(title, True)
    if speakers.lines:
        h += 3 * MM + block_height(speakers)
    return h + _label_block(lay)


def _next_header(lay: CardLayout, head: _fit.Fit) -> float:
    """The same for continuation cards (the title repeated, quiet)."""
    return 5 * MM + block_height(head, True) + 4 * MM + 4.5 * MM


def _bottom(lay: CardLayout, inset: float) -> float:
    return max(lay.margin, inset + 4 * MM)


def _lines_that_fit(lay: CardLayout, height: float, header: float, size: float,
                    inset: float) -> int:  # fmt: skip
    avail = height - inset - lay.band - header - lay.footer - _bottom(lay, inset) - 5 * MM
    if avail < _text.cap_height(size):
        return 0
    return int((avail - _text.cap_height(size)) // (size * lay.intro_leading)) + 1


def plan_cards(event: Event, s: Session, lay: CardLayout, inset: float = 0.0) -> CardPlan:
    """A session → its header fits and introduction lines split over cards.

    Title and speakers are never cut: they take more lines, then smaller type
    down to the layout's floor, then as many lines as they need (the
    introduction then starts on the next card). A short introduction that
    fits one card is set larger, up to `intro_max`.
    """
    W, H = lay.size
    w = W - 2 * lay.margin
    lang = event.text_language(s)
    title = fit_title(s.title, w, lay.title, lay.title_min, lay.title_lines, measure(True), lang)
    sp = fit_names(speaker_units(event, s), w, lay.speakers, lay.speakers * 0.8, 3,
                   measure(False))  # fmt: skip
    head_size = lay.meta
    head = fit_title(s.title, w, head_size, head_size * 0.85, 2, measure(True), lang)
    text, own = spoken_text(event, s)
    header = _first_header(lay, title, sp)
    size = lay.intro
    top = max(lay.intro, lay.intro_max)
    while top > lay.intro:  # a short introduction: the largest size that fits on one card
        lines = _fit.wrap(text, w, top, measure(False), lang)
        if len(lines) <= _lines_that_fit(lay, H, header, top, inset):
            size = top
            break
        top -= 0.5
    lines = _fit.wrap(text, w, size, measure(False), lang)
    first = _lines_that_fit(lay, H, header, size, inset)
    rest = _lines_that_fit(lay, H, _next_header(lay, head), size, inset)
    pages = split_lines(lines, first if first >= 2 else 0, rest)
    return CardPlan(s, title, sp, own, tuple(tuple(p) for p in pages), size, inset, head)


def draw_card(s: Surface, event: Event, plan: CardPlan, page: int, lay: CardLayout) -> None:
    """Card `page` (1-based) of a session's cards (mirrored for right-to-left languages)."""
    s = reading_order(s)
    W, H, m, inset = s.width, s.height, lay.margin, plan.inset
    ses = plan.session
    n = len(plan.pages)
    brand = lay.band_color or event.colors.primary
    band_y = H - inset - lay.band
    if inset:  # office: the band stays inside what the printer can reach
        s.rect(inset, band_y, W - 2 * inset, lay.band, fill=brand)
    else:
        s.bleed_rect(0, band_y, W, lay.band, fill=brand)
    base = band_y + lay.band / 2 - _text.cap_height(lay.band_text, True) / 2
    s.text(m, base, style.time_range(ses), lay.band_text, bold=True, color="white")
    if n > 1:
        s.text(W - m, base, f"{page}/{n}", lay.band_text, bold=True, color="white", align="right")
    y = band_y - 5 * MM
    w = W - 2 * m
    lines = plan.pages[page - 1]
    if page == 1:
        room = event.room(ses.room)
        meta = " · ".join(p for p in (room.name if room else "", style.day_label(ses.day)) if p)
        y -= quiet_text(s, meta, m, y, w, lay.meta, lay.meta * 0.7, color=lay.muted) + 4 * MM
        y -= draw_lines(s, plan.title, m, y, bold=True, color=lay.ink)
        if plan.speakers.lines:
            y -= 3 * MM
            y -= draw_lines(s, plan.speakers, m, y, color=lay.ink)
    else:
        y -= draw_lines(s, plan.head, m, y, bold=True, color=lay.muted)
    first_text = page == next((i + 1 for i, p in enumerate(plan.pages) if p), 1)
    if first_text:
        y -= 4 * MM
        label = tr("INTRODUCTION") if plan.own_text else tr("SUGGESTED INTRODUCTION")
        s.line(m, y + 1.5 * MM, W - m, y + 1.5 * MM, lay.rule, width=0.6)
        y -= 1.5 * MM
        s.text(m, y - _text.cap_height(lay.label, True), label, lay.label, bold=True,
               color=lay.muted)  # fmt: skip
        y -= _text.cap_height(lay.label, True) + 4.5 * MM
    elif page > 1:
        y -= 4 * MM
        s.line(m, y + 1.5 * MM, W - m, y + 1.5 * MM, lay.rule, width=0.6)
        y -= 4.5 * MM
    cap = _text.cap_height(plan.intro)
    lh = plan.intro * lay.intro_leading
    for i, line in enumerate(lines):
        if line:
            s.text(m, y - cap - i * lh, line, plan.intro, color=lay.ink)
    # footer
    bottom = _bottom(lay, inset)
    foot = bottom + lay.footer
    s.line(m, foot, W - m, foot, lay.rule, width=0.6)
    fb = bottom + (lay.footer - _text.cap_height(lay.handover, True)) / 2
    if page == n:
        s.text(m, fb, tr("Hand over at {time}").format(time=style.time_label(ses.start)), lay.handover, bold=True,
               color=lay.ink)  # fmt: skip
    else:
        s.text(m, fb, tr("Continues on the next card →"), lay.handover * 0.9, color=lay.muted)
    stamp = stamp_text(event.version_stamp)
    if stamp:
        s.text(W - m, fb, stamp, lay.stamp, color=lay.muted, align="right")


@localized
def build(
    event: Event,
    out: Path,
    *,
    problems: Problems,
    target: str = "shop",
    layout: str | None = None,
    offline: bool = False,
    paper: str | None = None,
    jobs: int = 1,
    **_ignored,
) -> str:
    """Render the host cue cards into `out` (a big run in chunks on `jobs` workers); the summary."""
    from printkit.press.page import Press
    from printkit.press.parallel import draw_pieces

    lay = load_card_layout(layout, problems)
    fonts_ready()
    sessions = cue_sessions(event)
    if not sessions:
        raise PrintkitError("nothing to print: no session has a host introduction or speakers")
    if paper and target != "office":
        raise PrintkitError(
            f"--paper chooses the office printer's paper; not for --target {target}"
        )
    sheet = None
    if target == "office":
        sheet = load_sheet(paper.lower()) if paper else lay.office_sheet

    def make_press(path, part):
        return Press(path, lay.size, target, title=f"{event.name}: host cue cards",
                     problems=problems, sheet=sheet, subject="Host cue cards", event=event,
                     part=part)  # fmt: skip

    pieces: list[tuple] = []  # (front, back, trim): planned here, drawn by draw_pieces
    cards = own = 0
    for ses in sessions:
        plan = plan_cards(event, ses, lay, lay.office_safe if target == "office" else 0.0)
        own += plan.own_text
        for page in range(1, len(plan.pages) + 1):

            def draw(s: Surface, plan=plan, page=page) -> None:
                if page == 1:
                    s.bookmark(f"{style.time_label(plan.session.start)} {plan.session.title}"[:80])
                draw_card(s, event, plan, page, lay)

            pieces.append((draw, None, None))
            cards += 1
    with progress_bar("cards", len(pieces), PROGRESS_MIN) as bar:
        advance = bar.update if bar is not None else None
        pages, path = draw_pieces(make_press, pieces, out, jobs, problems, advance)
    return (
        f"{path}: {cards} host cue cards for {len(sessions)} sessions "
        f"({own} with the host's introduction), {pages} pages ({target})"
    )


@click.command("cards")
@event_argument
@layout_option("Card layout: a6 (default), a5, or a YAML file.")
@target_option("shop")
@paper_option
@output_option("cards.pdf")
@jobs_option
@offline_option
@lang_option
def command(event, layout, target, paper, output, offline, jobs):
    """Host cue cards from each session's introduction."""
    run_product(build, event, output, "cards.pdf", target=target, layout=layout, offline=offline,
                paper=paper, jobs=jobs_value(jobs))  # fmt: skip
