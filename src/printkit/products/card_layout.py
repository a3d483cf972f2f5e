"""layouts/cards/*.yaml → CardLayout: card size, margins, type sizes, colours, office sheet."""

from __future__ import annotations

from dataclasses import dataclass, field

from printkit.layout import Color, Length, Sheet, load_layout
from printkit.units import MM, paper_size


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
    intro_leading: float = 1.45
    footer: Length = 12 * MM  # hand-over time and "as of" line
    handover: float = 10.0
    stamp: float = 6.5
    band_color: Color | None = None  # default: the event's primary colour
    ink: Color = "#1A1A1A"
    muted: Color = "#5F6368"
    rule: Color = "#D5D8DC"
    office_sheet: Sheet = field(default_factory=Sheet)  # office target: how cards go on paper

    def __post_init__(self):
        if self.paper is None and (self.width is None or self.height is None):
            raise ValueError("a card layout needs `paper` or both `width` and `height`")
        if self.paper is not None:
            paper_size(self.paper)

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) of a card in points, portrait."""
        if self.width is not None and self.height is not None:
            w, h = self.width, self.height
        else:
            w, h = paper_size(self.paper or "A6")
        return (min(w, h), max(w, h))


def load_card_layout(ref: str | None, problems=None) -> CardLayout:
    """A layout name (`a6`, `a5`) or a YAML file → CardLayout."""
    return load_layout(ref or "a6", "cards", CardLayout, problems)
