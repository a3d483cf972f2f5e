"""`tracks:` and `rooms:` entries → `Track`s (a palette colour when none is named) and `Room`s."""

from __future__ import annotations

from printkit.load.colors import _color, palette_color
from printkit.load.sections import _named_section
from printkit.model import Room, Src, Track

TRACK_KEYS = ["id", "name", "tagline", "description", "color"]
ROOM_KEYS = ["id", "name", "floor", "capacity", "url"]


def _tracks(entries, problems) -> tuple[Track, ...]:
    def build(r, d, path, ident, name, count):
        color = _color(r, d, "color", path)
        return Track(
            id=ident,
            name=name,
            tagline=r.text(d, "tagline", path),
            description=r.text(d, "description", path),
            color=color or palette_color(count),
            color_given=color is not None,
            src=Src(r.file, d.line),
        )

    return _named_section(entries, problems, "tracks", TRACK_KEYS, "track", build)


def _rooms(entries, problems) -> tuple[Room, ...]:
    def build(r, d, path, ident, name, count):
        return Room(
            id=ident,
            name=name,
            floor=r.text(d, "floor", path),
            capacity=r.integer(d, "capacity", path),
            url=r.url(d, "url", path),
            src=Src(r.file, d.line),
        )

    return _named_section(entries, problems, "rooms", ROOM_KEYS, "room", build)
