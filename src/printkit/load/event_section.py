"""The `event:` mapping's nested fields → time zone, `Venue`, `Organizer`s, `Colors`."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from printkit.i18n import language, parse_tag
from printkit.load.colors import _color
from printkit.load.reader import _Reader
from printkit.load.values import _local_file
from printkit.model import Colors, Organizer, Venue
from printkit.yamlsafe import LineDict

EVENT_KEYS = [
    "id",
    "name",
    "theme",
    "start",
    "end",
    "timezone",
    "url",
    "schedule_url",
    "venue",
    "organizers",
    "logo",
    "colors",
    "welcome",
    "credits",
    "version",
    "language",
]
VENUE_KEYS = ["name", "city", "country", "address", "map"]
ORGANIZER_KEYS = ["name", "role", "url"]


def _timezone(r: _Reader, ev: LineDict) -> ZoneInfo | None:
    name = r.text(ev, "timezone", "event")
    if name is None:
        return ZoneInfo("UTC")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        r.err(
            ev, "timezone", "event.timezone", f"unknown IANA time zone {name!r} (e.g. Europe/Paris)"
        )
        return None


def _language(r: _Reader, ev: LineDict) -> str | None:
    tag = r.text(ev, "language", "event")
    if tag is not None:
        try:
            parse_tag(tag)
        except ValueError as e:
            r.err(ev, "language", "event.language", str(e))
            return None
        if language(tag).catalog is None:
            r.warn(ev, "language", "event.language",
                   f"no printkit catalog for {tag!r}: labels print in English, dates in {tag}")  # fmt: skip
    return tag


def _venue(r: _Reader, ev, base: Path) -> Venue:
    raw = ev.get("venue")
    if raw is None:
        return Venue()
    v = r.mapping(raw, "event.venue", ev, "venue")
    if v is None:
        return Venue()
    r.unknown(v, VENUE_KEYS, "event.venue")
    return Venue(
        name=r.text(v, "name", "event.venue"),
        city=r.text(v, "city", "event.venue"),
        country=r.text(v, "country", "event.venue"),
        address=r.text(v, "address", "event.venue"),
        map=_local_file(r, v, "map", "event.venue", base),
    )


def _organizers(r: _Reader, ev) -> tuple[Organizer, ...]:
    out = []
    for _, o, path in r.items(ev, "organizers", "event"):
        r.unknown(o, ORGANIZER_KEYS, path)
        name = r.text(o, "name", path, required=True)
        if name:
            out.append(Organizer(name, r.text(o, "role", path), r.url(o, "url", path)))
    return tuple(out)


def _colors(r: _Reader, ev: LineDict) -> Colors:
    """`event.colors` → `Colors` (the defaults for what is missing or wrong)."""
    colors_raw = ev.get("colors")
    colors = Colors()
    if colors_raw is not None and (cm := r.mapping(colors_raw, "event.colors", ev, "colors")):
        r.unknown(cm, ["primary", "accent"], "event.colors")
        colors = Colors(
            primary=_color(r, cm, "primary", "event.colors") or Colors.primary,
            accent=_color(r, cm, "accent", "event.colors") or Colors.accent,
        )
    return colors
