"""layouts/cards/*.yaml → CardLayout: card size, margins, type sizes, colours, office sheet."""

from __future__ import annotations

from dataclasses import dataclass, field

from printkit.layout import Color, Length, Sheet, check_paper, load_layout, resolve_size
from printkit.units import MM


@dataclass(frozen=True)
class CardLayout:
    """A host cue card (portrait)."""

    name: str = "a6"
    paper: str | None = "A6"
    width: Length | None = None
    height: Length | None = None
    margin: Length = 9 * MM
    band: Length = 11 * MM  # brand band: time range and card number
    band_text: float = 11.0
    meta: float = 9.0  # room and day
    title: float = 13.0
    title_min: float = 10.0
    title_lines: int = 3
    speakers: float = 10.0
    label: float = 7.5  # "INTRODUCTION" above the text
    intro: float = 13.5  # the text read aloud
    intro_max: float = 0.0  # a short introduction may be set up to this size (0: intro)
    intro_leading: float = 1.45
    footer: Length = 12 * MM  # hand-over time and "as of" line
    handover: float = 10.0
    stamp: float = 6.5
    band_color: Color | None = None  # default: the event's primary colour
    ink: Color = "#1A1A1A"
    muted: Color = "#5F6368"
    rule: Color = "#D5D8DC"
    office_safe: Length = 5 * MM  # office: keep everything this far from the card's edge
    office_sheet: Sheet = field(default_factory=Sheet)  # office target: how cards go on paper

    def __post_init__(self):
        check_paper("a card layout", self.paper, self.width, self.height)

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) of a card in points, portrait."""
        return resolve_size(self.paper, self.width, self.height)


def load_card_layout(ref: str | None, problems=None) -> CardLayout:
    """A layout name (`a6`, `a5`) or a YAML file → CardLayout."""
    return load_layout(ref or "a6", "cards", CardLayout, problems)
