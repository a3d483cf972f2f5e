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
    layout_option,
    offline_option,
    output_option,
    paper_option,
    run_product,
    target_option,
)
from printkit.errors import PrintkitError, Problems
from printkit.layout import load_sheet
from printkit.model import Event, Session
from printkit.press import text as _text
from printkit.press.surface import Surface
from printkit.products import style
from printkit.products.card_layout import CardLayout, load_card_layout
from printkit.products.card_plan import cue_sessions, split_lines, spoken_text
from printkit.products.sign_parts import (
    LEADING,
    block_height,
    draw_lines,
    fonts_ready,
    largest_fit,
    measure,
    plan_fit,
    quiet_text,
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


def speakers_line(event: Event, s: Session) -> str:
    """'Ada Lovelace (she/her), Alan Turing' — names with pronouns."""
    return ", ".join(
        sp.name + (f" ({sp.pronouns})" if sp.pronouns else "") for sp in event.session_speakers(s)
    )


def _first_header(lay: CardLayout, title: _fit.Fit, speakers: _fit.Fit) -> float:
    """Height from the band's bottom to the first introduction line's cap line (card 1)."""
    h = 5 * MM + _text.cap_height(lay.meta) + 4 * MM + block_height(title, True)
    if speakers.lines:
        h += 3 * MM + block_height(speakers)
    return h + 4 * MM + _text.cap_height(lay.label, True) + 4.5 * MM


def _next_header(lay: CardLayout) -> float:
    """The same for continuation cards (title repeated on one line)."""
    return 5 * MM + _text.cap_height(lay.speakers, True) + 4 * MM + 4.5 * MM


def _lines_that_fit(lay: CardLayout, height: float, header: float) -> int:
    avail = height - lay.band - header - lay.footer - lay.margin - 5 * MM
    lh = lay.intro * lay.intro_leading
    return max(1, int((avail - _text.cap_height(lay.intro)) // lh) + 1)


def plan_cards(event: Event, s: Session, lay: CardLayout) -> CardPlan:
    """A session → its header fits and introduction lines split over cards."""
    W, H = lay.size
    w = W - 2 * lay.margin
    title = largest_fit(s.title, w, lay.title * LEADING * lay.title_lines, lay.title,
                        lay.title_min, lay.title_lines, bold=True)  # fmt: skip
    names = speakers_line(event, s)
    sp = plan_fit(names, w, lay.speakers * LEADING * 3, lay.speakers, lay.speakers * 0.8, 3)
    text, own = spoken_text(event, s)
    lines = _fit.wrap(text, w, lay.intro, measure(False))
    first = _lines_that_fit(lay, H, _first_header(lay, title, sp))
    rest = _lines_that_fit(lay, H, _next_header(lay))
    pages = split_lines(lines, first, rest)
    return CardPlan(s, title, sp, own, tuple(tuple(p) for p in pages))


def draw_card(s: Surface, event: Event, plan: CardPlan, page: int, lay: CardLayout) -> None:
    """Card `page` (1-based) of a session's cards."""
    W, H, m = s.width, s.height, lay.margin
    ses = plan.session
    n = len(plan.pages)
    brand = lay.band_color or event.colors.primary
    s.bleed_rect(0, H - lay.band, W, lay.band, fill=brand)
    base = H - lay.band / 2 - _text.cap_height(lay.band_text, True) / 2
    s.text(m, base, style.time_range(ses), lay.band_text, bold=True, color="white")
    if n > 1:
        s.text(W - m, base, f"{page}/{n}", lay.band_text, bold=True, color="white", align="right")
    y = H - lay.band - 5 * MM
    w = W - 2 * m
    if page == 1:
        room = event.room(ses.room)
        meta = " · ".join(p for p in (room.name if room else "", style.day_label(ses.day)) if p)
        y -= quiet_text(s, meta, m, y, w, lay.meta, lay.meta * 0.7, color=lay.muted) + 4 * MM
        y -= draw_lines(s, plan.title, m, y, bold=True, color=lay.ink)
        if plan.speakers.lines:
            y -= 3 * MM
            y -= draw_lines(s, plan.speakers, m, y, color=lay.ink)
        y -= 4 * MM
        label = "INTRODUCTION" if plan.own_text else "SUGGESTED INTRODUCTION"
        s.line(m, y + 1.5 * MM, W - m, y + 1.5 * MM, lay.rule, width=0.6)
        y -= 1.5 * MM
        s.text(m, y - _text.cap_height(lay.label, True), label, lay.label, bold=True,
               color=lay.muted)  # fmt: skip
        y -= _text.cap_height(lay.label, True) + 4.5 * MM
    else:
        y -= quiet_text(s, ses.title, m, y, w, lay.speakers, lay.speakers * 0.7, bold=True,
                        color=lay.muted)  # fmt: skip
        y -= 4 * MM
        s.line(m, y + 1.5 * MM, W - m, y + 1.5 * MM, lay.rule, width=0.6)
        y -= 4.5 * MM
    cap = _text.cap_height(lay.intro)
    lh = lay.intro * lay.intro_leading
    for i, line in enumerate(plan.pages[page - 1]):
        if line:
            s.text(m, y - cap - i * lh, line, lay.intro, color=lay.ink)
    # footer
    foot = m + lay.footer
    s.line(m, foot, W - m, foot, lay.rule, width=0.6)
    fb = m + (lay.footer - _text.cap_height(lay.handover, True)) / 2
    if page == n:
        s.text(m, fb, f"Hand over at {style.time_label(ses.start)}", lay.handover, bold=True,
               color=lay.ink)  # fmt: skip
    else:
        s.text(m, fb, "Continues on the next card →", lay.handover * 0.9, color=lay.muted)
    stamp = stamp_text(event.version_stamp)
    if stamp:
        s.text(W - m, fb, stamp, lay.stamp, color=lay.muted, align="right")


def build(
    event: Event,
    out: Path,
    *,
    problems: Problems,
    target: str = "shop",
    layout: str | None = None,
    offline: bool = False,
    paper: str | None = None,
    **_ignored,
) -> str:
    """Render the host cue cards into `out`; return the summary line."""
    from printkit.press.page import Press

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
    press = Press(out, lay.size, target, title=f"{event.name}: host cue cards",
                  problems=problems, sheet=sheet, subject="Host cue cards", event=event)  # fmt: skip
    cards = own = 0
    with press:
        for ses in sessions:
            plan = plan_cards(event, ses, lay)
            own += plan.own_text
            for page in range(1, len(plan.pages) + 1):

                def draw(s: Surface, plan=plan, page=page) -> None:
                    if page == 1:
                        s.bookmark(
                            f"{style.time_label(plan.session.start)} {plan.session.title}"[:80]
                        )
                    draw_card(s, event, plan, page, lay)

                press.add(draw)
                cards += 1
        result = press.close()
    return (
        f"{result.path}: {cards} host cue cards for {len(sessions)} sessions "
        f"({own} with the host's introduction), {result.pages} pages ({target})"
    )


@click.command("cards")
@event_argument
@layout_option("Card layout: a6 (default), a5, or a YAML file.")
@target_option("shop")
@paper_option
@output_option("cards.pdf")
@offline_option
def command(event, layout, target, paper, output, offline):
    """Host cue cards from each session's introduction."""
    run_product(build, event, output, "cards.pdf", target=target, layout=layout, offline=offline,
                paper=paper)  # fmt: skip
