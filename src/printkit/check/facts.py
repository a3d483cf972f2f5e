"""What a preflight finds in a PDF → plain records; a judged finding; page lists as text.

`CheckReport` holds one PDF's facts (page boxes, fonts, colour spaces, images,
output intent, QR codes, text near the edge, annotations); `Finding` is one
PASS/WARN/FAIL line; `_pages` writes [1, 2, 3, 5] as 'pages 1-3, 5'.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from printkit.check.geometry import Rect, _same


@dataclass(frozen=True)
class PageBoxes:
    number: int
    media: Rect
    bleed: Rect | None  # None when the page has no BleedBox
    trim: Rect | None


@dataclass(frozen=True)
class FontFact:
    name: str
    subtype: str
    embedded: bool


@dataclass
class ImageFact:
    name: str
    width: int
    height: int
    colour: str
    min_ppi: float
    pages: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class QRFact:
    page: int
    text: str
    format: str
    module_mm: float | None = None  # measured on the raster (None when unknown)


@dataclass(frozen=True)
class TextNearEdge:
    page: int
    text: str
    distance_mm: float  # how far inside the trim the nearest glyph sits (negative: across it)


@dataclass
class CheckReport:
    """What was found in one PDF; judged separately for a target."""

    path: Path
    pages: list[PageBoxes]
    fonts: list[FontFact]
    colours: dict[str, set[int]]  # colour space label → pages using it
    images: list[ImageFact]
    output_intent: str | None  # OutputConditionIdentifier, or None
    pdfx_version: str | None
    qr_codes: list[QRFact]
    text_near_edge: list[TextNearEdge]
    annotations: dict[int, int] = field(default_factory=dict)  # page → count inside the trim
    text_overlaps: list = field(default_factory=list)  # check/overlap.py: TextOverlap per page
    press: object = None  # check.prepress.PressFacts: text items' sizes and inks, QR modules

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def has_trim(self) -> bool:
        """True when any page has a TrimBox that differs from its MediaBox."""
        return any(p.trim is not None and not _same(p.trim, p.media) for p in self.pages)


@dataclass(frozen=True)
class Finding:
    level: str  # "PASS", "WARN", "FAIL"
    topic: str
    message: str

    def __str__(self) -> str:
        return f"{self.level} {self.topic}: {self.message}"


def _pages(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → 'pages 1-3, 5'."""
    if not numbers:
        return "no pages"
    runs: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    word = "page" if len(numbers) == 1 else "pages"
    return f"{word} {', '.join(runs)}"
