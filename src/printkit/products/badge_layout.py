"""layouts/badges/<name>.yaml → a frozen BadgeLayout (sizes, margins, safe zone, colours, type, blocks).

A badge layout is data: adding one is a YAML file, no Python. Lengths are
human (`105mm`, `4in`, `12pt`); type sizes are points. Unknown keys are
errors naming the file and line (printkit.layout does the checking).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from printkit.errors import Problems
from printkit.layout import Color, Length, check_paper, find_layout, load_layout, resolve_size
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


NAME_COLUMN = 4.0  # narrowest name column beside a photo or QR, in first_min ems
CAP = 0.714  # PK-Sans cap height per point


def _get(lay: BadgeLayout, key: str) -> float:
    obj = lay
    for part in key.split("."):
        obj = getattr(obj, part)
    return obj


def room_problems(lay: BadgeLayout) -> list[tuple[str, str]]:
    """(key, message) for every size that leaves the face without room: margins, bands, photo, QR."""
    from printkit.products.badge_geometry import GROUP_GAP, SIDE_GAP, face

    out: list[tuple[str, str]] = []
    w, h = lay.face
    if lay.safe > lay.margin:
        out.append(("safe", "must not be larger than margin (text sits inside the margin)"))
    if 2 * lay.margin >= w or 2 * lay.margin >= h:
        out.append(("margin", "leaves no room for the name"))
    if lay.band.height + lay.role_band.height + 2 * lay.gap >= h:
        out.append(("band.height", "and role_band.height leave no room for the name"))
    if out:
        return out
    c, g = face(lay).content, lay.gap
    room = f"the room between the margins and bands is {c.w / MM:.0f} x {c.h / MM:.0f} mm"
    n = lay.names
    p = lay.photo.size if lay.photo.show else 0.0
    q = lay.qr.size if lay.qr.show else 0.0
    for key, v in (("photo.size", p), ("qr.size", q)):
        if v > c.w or v > c.h:
            out.append((key, f"does not fit the badge ({room})"))
    for key in ("back.session_qr", "back.schedule_qr"):
        if lay.back.show and _get(lay, key) > min(c.w, c.h):
            out.append((key, f"does not fit the badge ({room})"))
    if out:
        return out
    name_h = CAP * n.first_min + g + CAP * n.surname_min
    worst = "qr.size" if q >= p else "photo.size"
    if lay.arrangement == "stacked":
        need = (p + GROUP_GAP * g if p else 0.0) + name_h + (q + g if q else 0.0)
        if need > c.h + 1e-6:
            out.append((worst, f"leaves no room for the name (photo, name and QR need "
                               f"{need / MM:.0f} mm; {room})"))  # fmt: skip
    else:
        col = q if p and q and p + q + g > c.h else max(p, q)
        tw = c.w - (col + SIDE_GAP * g if col else 0.0)
        if tw < NAME_COLUMN * n.first_min or name_h > c.h:
            out.append((worst, f"leaves no room for the name beside it ({room})"))
    return out


def layout_path(ref: str | Path | None) -> Path:
    """The YAML file of a layout name or path."""
    return find_layout(ref or DEFAULT_LAYOUT, "badges")


def key_line(path: Path, key: str) -> tuple[int | None, str | None]:
    """Line of a dotted key in a layout file (or of its nearest parent) and the value as written."""
    from printkit.yamlsafe import load_yaml

    data = load_yaml(path, Problems())
    line, raw = getattr(data, "line", 1), None
    for part in key.split("."):
        if not isinstance(data, dict) or part not in data:
            return line, None
        getter = getattr(data, "line_of", None)
        line = (getter(part) if getter else None) or line
        data = data[part]
    if isinstance(data, (str, int, float)) and not isinstance(data, bool):
        raw = str(data)
    return line, raw


def load_badge_layout(ref: str | Path | None, problems: Problems | None = None) -> BadgeLayout:
    """A layout name (layouts/badges/<name>.yaml) or YAML file → BadgeLayout.

    Sizes that leave no room on the face are errors at their own key's line.
    """
    path = layout_path(ref)
    lay = load_layout(path, "badges", BadgeLayout, problems)
    found = room_problems(lay)
    if found:
        errs = Problems()
        for key, msg in found:
            line, raw = key_line(path, key)
            value = raw if raw is not None else f"{_get(lay, key) / MM:g}mm"
            errs.error(f"{value} {msg}", str(path), line, key)
        errs.raise_if_errors()
    return lay
