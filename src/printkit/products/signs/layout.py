"""layouts/signs/*.yaml → SignLayout: paper, margins, type sizes and colours of room and door signs.

One layout names one paper size: room day signs use it upright, door signs
turned to landscape. Type sizes are points; `None` colours mean the event's
brand colour.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from printkit.layout import Color, Length, check_paper, load_layout, resolve_size
from printkit.units import MM


@dataclass(frozen=True)
class RoomSignStyle:
    """A room's day sign (portrait)."""

    margin: Length = 14 * MM
    band: Length = 20 * MM  # brand band across the top (event name, date)
    band_text: float = 14.0
    room_max: float = 64.0  # the room name: as large as fits on one or two lines
    room_min: float = 28.0
    room_lines: int = 3
    room_height: Length = 48 * MM  # box the room name is fitted into
    meta: float = 16.0  # floor and date under the room name
    time: float = 18.0
    title: float = 19.0  # session titles start here...
    title_min: float = 14.0  # ...and never shrink below this: a full day continues on a new page
    speakers: float = 12.5  # speakers and chip shrink with the titles on a full day...
    chip: float = 10.0
    speakers_min: float = 10.0  # ...but never below these
    chip_min: float = 8.0
    row_gap: Length = 4.5 * MM
    time_column: Length = 30 * MM
    footer: Length = 37 * MM  # QR (caption beside it) and "as of" line
    qr: Length = 34 * MM  # with its quiet zone; the code itself about 27 mm
    caption: float = 10.0
    stamp: float = 7.5


@dataclass(frozen=True)
class DoorSignStyle:
    """A session's door sign (landscape)."""

    margin: Length = 14 * MM
    band: Length = 24 * MM  # time range and room
    band_time: float = 26.0
    band_room: float = 20.0
    kicker: float = 12.0  # type and track line above the title
    title_max: float = 46.0
    title_min: float = 18.0
    title_lines: int = 4
    subtitle: float = 18.0
    speaker_name: float = 16.0
    speaker_org: float = 11.5
    speaker_name_min: float = 12.0  # a panel's names and organizations never go below these:
    speaker_org_min: float = 9.0  # the title, the photos and the columns give way first
    photo: Length = 24 * MM  # speaker photo or initials disc (one to three speakers)
    photo_small: Length = 15 * MM  # four or more speakers
    qr_column: Length = 62 * MM
    qr: Length = 44 * MM  # the talk's QR code
    qr_profile: Length = 30 * MM  # the first speaker's profile
    caption: float = 10.5
    next: float = 14.0  # "Next in this room"
    stamp: float = 7.5


@dataclass(frozen=True)
class SignLayout:
    """Paper and styles for both kinds of sign."""

    name: str = "a4"
    paper: str | None = "A4"
    width: Length | None = None  # portrait width and height when no paper name is given
    height: Length | None = None
    band_color: Color | None = None  # default: the event's primary colour
    ink: Color = "#1A1A1A"
    muted: Color = "#5F6368"
    break_fill: Color = "#F1F3F4"
    rule: Color = "#D5D8DC"
    room: RoomSignStyle = field(default_factory=RoomSignStyle)
    door: DoorSignStyle = field(default_factory=DoorSignStyle)

    def __post_init__(self):
        check_paper("a sign layout", self.paper, self.width, self.height)

    @property
    def portrait(self) -> tuple[float, float]:
        """(width, height) of a room sign, points."""
        return resolve_size(self.paper, self.width, self.height)

    @property
    def landscape(self) -> tuple[float, float]:
        """(width, height) of a door sign, points."""
        w, h = self.portrait
        return (h, w)


def load_sign_layout(ref: str | None, problems=None) -> SignLayout:
    """A layout name (`a4`, `a3`, `letter`, `tabloid`) or a YAML file → SignLayout."""
    return load_layout(ref or "a4", "signs", SignLayout, problems)
