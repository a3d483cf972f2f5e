"""A badge layout's YAML keys → frozen dataclasses: sizes, margins, safe zone, colours, type, blocks.

A badge layout is data: adding one is a YAML file, no Python. Lengths are
human (`105mm`, `4in`, `12pt`); type sizes are points. Unknown keys are
errors naming the file and line (printkit.layout does the checking).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from printkit.layout import Color, Length, check_paper, resolve_size
from printkit.units import MM

DEFAULT_LAYOUT = "a6"


@dataclass(frozen=True)
class Band:
    """The event band across the top: logo or wordmark (event name), dates small."""

    height: Length = 22 * MM
    wordmark_size: Length = 16.0
    wordmark_min: Length = 8.0
    dates: bool = True
    dates_size: Length = 7.5
    logo_height: Length = 12 * MM


@dataclass(frozen=True)
class RoleBand:
    """The band across the bottom: the role in colour and in words (SPEAKER, STAFF...)."""

    height: Length = 14 * MM
    size: Length = 14.0


@dataclass(frozen=True)
class Names:
    """The name block: first name largest (set by its cap height), then surname, pronouns, organization."""

    first_cap: Length = 8 * MM
    first_min: Length = 18.0
    first_lines: int = 2
    surname_size: Length = 16.0
    surname_min: Length = 8.0
    surname_lines: int = 2
    pronouns_size: Length = 9.0
    organization_size: Length = 10.0
    organization_min: Length = 7.0
    organization_lines: int = 2
    leading: float = 1.12

    def __post_init__(self):
        if self.first_lines < 1 or self.surname_lines < 1 or self.organization_lines < 1:
            raise ValueError("names: *_lines must be at least 1")


@dataclass(frozen=True)
class Photo:
    """Speaker photo (or initials disc) on the front; `show: false` leaves it out."""

    show: bool = True
    size: Length = 26 * MM


@dataclass(frozen=True)
class QR:
    """The front QR code (quiet zone included in `size`)."""

    show: bool = True
    size: Length = 22 * MM
    max: Length = 32 * MM  # a long payload grows the code up to this (and the content box)


@dataclass(frozen=True)
class Back:
    """The back: the name again, then a speaker's sessions or the schedule QR and venue."""

    show: bool = True
    name_size: Length = 20.0
    name_min: Length = 10.0
    heading_size: Length = 7.0
    title_size: Length = 9.0
    detail_size: Length = 7.5
    session_qr: Length = 18 * MM
    schedule_qr: Length = 24 * MM


@dataclass(frozen=True)
class Colors:
    """Badge colours; `band` defaults to the event's primary colour."""

    band: Color | None = None
    ink: Color = "#1A1A1A"
    muted: Color = "#5F6368"
    paper: Color = "#FFFFFF"


@dataclass(frozen=True)
class BadgeLayout:
    """One badge design: face size, fold, margins, safe zone, arrangement and blocks."""

    name: str
    description: str = ""
    size: str | None = "A6"
    width: Length | None = None
    height: Length | None = None
    orientation: Literal["portrait", "landscape"] = "portrait"
    fold: Literal["none", "top"] = "none"
    arrangement: Literal["stacked", "side"] = "stacked"
    margin: Length = 7 * MM
    safe: Length = 4 * MM
    gap: Length = 3 * MM
    band: Band = field(default_factory=Band)
    role_band: RoleBand = field(default_factory=RoleBand)
    names: Names = field(default_factory=Names)
    photo: Photo = field(default_factory=Photo)
    qr: QR = field(default_factory=QR)
    back: Back = field(default_factory=Back)
    colors: Colors = field(default_factory=Colors)

    def __post_init__(self):
        check_paper("a badge layout", self.size, self.width, self.height, key="size")
        # sizes that do not fit the face: room_problems(), located at their keys by the loader

    @property
    def face(self) -> tuple[float, float]:
        """(width, height) of one badge face in points."""
        return resolve_size(self.size, self.width, self.height, self.orientation)

    @property
    def piece(self) -> tuple[float, float]:
        """(width, height) of the printed piece: the face, or two faces for a fold-over."""
        w, h = self.face
        return (w, 2 * h) if self.fold == "top" else (w, h)
