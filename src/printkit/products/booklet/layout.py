"""layouts/booklet/*.yaml → BookletLayout: page size, margins, type sizes and grid of the booklet.

One layout is one trim size. Type sizes are points; lengths take human units.
The at-a-glance grid never sets text below `glance_min_text`: a day with
more rooms than fit continues on further pages instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from printkit.errors import Problems
from printkit.layout import Length, load_layout
from printkit.units import MM, paper_size


@dataclass(frozen=True)
class BookletLayout:
    """Trim size, margins, type scale and grid settings of one booklet format."""

    name: str = "a5"
    paper: str | None = "A5"
    width: Length | None = None
    height: Length | None = None
    margin_top: Length = 17 * MM
    margin_bottom: Length = 17 * MM
    margin_inner: Length = 16 * MM
    margin_outer: Length = 13 * MM
    column_gap: Length = 6 * MM
    # type scale (points)
    caption: float = 6.5
    small: float = 7.5
    body: float = 8.5
    lead: float = 10.5
    h3: float = 10.5
    h2: float = 14.0
    h1: float = 24.0
    cover_title_max: float = 54.0
    leading: float = 1.38
    # columns per page
    speaker_columns: int = 1
    index_columns: int = 2
    # pictures and codes
    qr: Length = 16 * MM  # session QR, quiet zone included (never below 15 mm)
    qr_max: Length = 24 * MM  # a long URL's code grows up to this for 0.5 mm modules
    photo: Length = 17 * MM
    # at a glance
    glance_time_column: Length = 10 * MM
    glance_min_column: Length = 18 * MM
    glance_min_text: float = 5.5
    glance_text: float = 6.5
    glance_min_minute: Length = 0.8  # points per minute, never less (a 15 min slot ≈ 4 mm)
    glance_max_minute: Length = 2.6
    # rooms with short slots get up to this many points per minute (more pages, legible titles)
    glance_dense_minute: Length = 1.6
    notes_rule: Length = 7 * MM
    # long texts: "auto" prints abstracts and bios unless the event has more than
    # `compact_above` sessions (then the QR leads to them and the booklet stays a booklet)
    abstracts: Literal["auto", "yes", "no"] = "auto"
    bios: Literal["auto", "yes", "no"] = "auto"
    compact_above: int = 300

    def shows(self, what: str, sessions: int) -> bool:
        """Whether abstracts or bios are printed for an event of `sessions` sessions."""
        mode = getattr(self, what)
        return mode == "yes" or (mode == "auto" and sessions <= self.compact_above)

    def __post_init__(self):
        if self.paper is None and (self.width is None or self.height is None):
            raise ValueError("a booklet layout needs `paper` or both `width` and `height`")
        if self.paper is not None:
            paper_size(self.paper)
        if self.qr < 15 * MM - 0.01:
            raise ValueError("qr must be at least 15mm so the codes scan")
        if self.speaker_columns < 1 or self.index_columns < 1:
            raise ValueError("columns must be at least 1")
        if self.glance_min_text < 5:
            raise ValueError("glance_min_text below 5 pt is not legible")

    @property
    def trim(self) -> tuple[float, float]:
        if self.width is not None and self.height is not None:
            return self.width, self.height
        return paper_size(self.paper or "A5")

    def frame(self) -> tuple[float, float]:
        """Width and height of the text area."""
        w, h = self.trim
        return (
            w - self.margin_inner - self.margin_outer,
            h - self.margin_top - self.margin_bottom,
        )

    def left_margin(self, page_number: int) -> float:
        """Left edge of the text area: rectos (odd pages) have the spine on the left."""
        return self.margin_inner if page_number % 2 == 1 else self.margin_outer


def load_booklet_layout(ref: str | None, problems: Problems | None = None) -> BookletLayout:
    """A layout name (a5, a4, letter-half) or YAML file → BookletLayout (default a5)."""
    return load_layout(ref or "a5", "booklet", BookletLayout, problems)
