"""An event file or directory (YAML) → a frozen `Event` plus every problem found.

Implements the rules of docs/data-format.md: unknown keys warn with a
suggestion, references and ids are checked, times are wall-clock in the
event's IANA time zone, and all problems are reported together, each as
`file:line: field.path: message`.
"""

from __future__ import annotations

import colorsys
import difflib
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from printkit.errors import Problems
from printkit.i18n import language, parse_tag
from printkit.model import (
    SESSION_TYPES,
    Career,
    Colors,
    Education,
    Event,
    Host,
    Organizer,
    Publication,
    Recognition,
    Room,
    Session,
    Speaker,
    Src,
    Track,
    Venue,
)
from printkit.yamlsafe import LineDict, LineList, load_yaml

SECTIONS = ("event", "tracks", "rooms", "speakers", "sessions")
_DECIMAL = re.compile(r"^[0-9]{1,9}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
# Colour-blind-safe, print-friendly palette for tracks that name no colour (Okabe–Ito, darkened).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F6A00", "#8E44AD")


def palette_color(index: int) -> str:
    """The colour of the index-th track without one: the palette, then golden-angle hues.

    Events with dozens of tracks (FOSDEM has 71) get neighbours that differ
    in hue instead of the palette repeating every eight tracks; each is dark
    enough for white chip text (contrast with white at least 4.5:1).
    """
    if index < len(PALETTE):
        return PALETTE[index]
    hue = (index * 0.381966 + 0.07) % 1.0  # golden angle: successive hues far apart
    light = (0.34, 0.42, 0.50)[index % 3]
    while True:
        rgb = colorsys.hls_to_rgb(hue, light, 0.62)
        if _luminance(rgb) <= 0.183 or light <= 0.1:
            break
        light -= 0.02
    return "#{:02X}{:02X}{:02X}".format(*(round(v * 255) for v in rgb))


def _luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG relative luminance of an sRGB colour (0..1 channels)."""
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


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
TRACK_KEYS = ["id", "name", "tagline", "description", "color"]
ROOM_KEYS = ["id", "name", "floor", "capacity", "url"]
SPEAKER_KEYS = [
    "id",
    "name",
    "pronouns",
    "position",
    "organization",
    "location",
    "specialization",
    "photo",
    "photo_credit",
    "profile_url",
    "bio",
    "education",
    "career",
    "contributions",
    "publications",
    "recognition",
    "interests",
    "links",
    "role",
]
SESSION_KEYS = [
    "id",
    "title",
    "subtitle",
    "type",
    "track",
    "room",
    "start",
    "end",
    "duration",
    "language",
    "speakers",
    "abstract",
    "url",
    "video",
    "slides",
    "host",
    "schedule_day",
    "links",
    "extra",
]


class _Reader:
    """Reads typed fields out of LineDicts, recording problems with file:line and path."""

    def __init__(self, file: str, problems: Problems):
        self.file = file
        self.p = problems

    def where(self, d, key=None) -> int | None:
        if isinstance(d, LineDict):
            return d.line_of(key) if key is not None else d.line
        return getattr(d, "line", None)

    def err(self, d, key, path, msg):
        self.p.error(msg, self.file, self.where(d, key), path)

    def warn(self, d, key, path, msg):
        self.p.warn(msg, self.file, self.where(d, key), path)

    def mapping(self, value, path, parent=None, key=None) -> LineDict | None:
        if isinstance(value, dict):
            return value
        self.err(
            parent if parent is not None else value,
            key,
            path,
            f"expected a mapping (key: value lines), got {_kind(value)}",
        )
        return None

    def unknown(self, d: LineDict, known: list[str], path: str):
        for k in d:
            if k not in known:
                hint = difflib.get_close_matches(str(k), known, n=1, cutoff=0.6)
                tip = (
                    f"; did you mean '{hint[0]}'?"
                    if hint
                    else f"; known fields: {', '.join(known)}"
                )
                self.warn(d, k, f"{path}.{k}" if path else str(k), f"unknown field{tip}")

    def text(self, d, key, path, required=False) -> str | None:
        v = d.get(key)
        if v is None or (isinstance(v, str) and not v.strip()):
            if required:
                self.err(d, key if key in d else None, f"{path}.{key}", "required field is missing")
            return None
        if isinstance(v, (dict, list)):
            self.err(d, key, f"{path}.{key}", f"expected text, got {_kind(v)}")
            return None
        if isinstance(v, bool):
            return "true" if v else "false"
        if not isinstance(v, str):
            if not isinstance(v, (int, float, date)):
                self.err(d, key, f"{path}.{key}", f"expected text, got {type(v).__name__}")
                return None
            raw = getattr(d, "raw", {}).get(key)  # keep `1.10` or `007` as written
            return str(raw if raw is not None else v).strip()
        return v.strip("\n").rstrip()

    def ident(self, d, key, path, slug=False) -> str | None:
        v = self.text(d, key, path, required=True)
        if v is None:
            return None
        if slug and not SLUG.match(v):
            self.err(d, key, f"{path}.{key}", f"'{v}' is not a slug (lowercase a-z, 0-9 and '-')")
        return v

    def integer(self, d, key, path, low: int = 0, high: int = 1_000_000) -> int | None:
        v = d.get(key)
        if v is None:
            return None
        text = str(v).strip()
        if isinstance(v, bool) or not isinstance(v, (int, str)) or not _DECIMAL.match(text):
            self.err(d, key, f"{path}.{key}", f"expected a whole number, got {v!r}")
            return None
        n = int(text)
        if not low <= n <= high:
            self.err(d, key, f"{path}.{key}", f"{n} is out of range ({low} to {high:,})")
            return None
        return n

    def day(self, d, key, path, required=False) -> date | None:
        v = d.get(key)
        if v is None:
            if required:
                self.err(d, None, f"{path}.{key}", "required field is missing")
            return None
        if isinstance(v, datetime):
            return v.date()
        if isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v).strip())
        except ValueError:
            self.err(d, key, f"{path}.{key}", f"expected a date like 2025-05-06, got {v!r}")
            return None

    def moment(self, d, key, path, tz: ZoneInfo | None) -> datetime | None:
        """A wall-clock datetime in the event zone (offsets are converted to it)."""
        v = d.get(key)
        if v is None:
            return None
        if isinstance(v, datetime):
            dt = v
        else:
            s = str(v).strip().replace("T", " ")
            try:
                dt = datetime.fromisoformat(s)
            except ValueError:
                self.err(
                    d, key, f"{path}.{key}", f"expected a time like 2025-05-06 11:10, got {v!r}"
                )
                return None
        if (
            isinstance(v, date)
            and not isinstance(v, datetime)
            or (isinstance(v, str) and len(v.strip()) <= 10)
        ):
            self.err(
                d,
                key,
                f"{path}.{key}",
                f"expected a date and a time like 2025-05-06 11:10, got {v!s}",
            )
            return None
        try:
            if dt.tzinfo is not None:
                dt = dt.astimezone(tz).replace(tzinfo=None) if tz else dt.replace(tzinfo=None)
            elif tz is not None and _in_dst_gap(dt, tz):
                self.warn(
                    d,
                    key,
                    f"{path}.{key}",
                    f"{dt:%Y-%m-%d %H:%M} does not exist in "
                    f"{tz.key} (the clocks skip it when daylight saving time starts)",
                )
        except (OverflowError, ValueError):
            self.err(d, key, f"{path}.{key}", f"time out of range: {v!s}")
            return None
        return dt

    def url(self, d, key, path) -> str | None:
        v = self.text(d, key, path)
        if v is None:
            return None
        return self.check_url(v, d, key, f"{path}.{key}")

    def check_url(self, v: str, d, key, path) -> str | None:
        parts = urlsplit(v)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            what = f"scheme '{parts.scheme}:'" if parts.scheme else "no scheme"
            self.err(d, key, path, f"invalid URL {v!r} ({what}); only http and https are allowed")
            return None
        return v

    def strings(self, d, key, path) -> tuple[str, ...]:
        v = d.get(key)
        if v is None:
            return ()
        if isinstance(v, str):
            return (v.strip(),)
        if not isinstance(v, list):
            self.err(d, key, f"{path}.{key}", f"expected a list, got {_kind(v)}")
            return ()
        out = []
        for i, item in enumerate(v):
            if isinstance(item, (dict, list)) or item is None:
                self.err(v, i, f"{path}.{key}[{i}]", f"expected text, got {_kind(item)}")
            elif isinstance(item, str):
                out.append(item.strip())
            else:
                raw = getattr(v, "raw", [None] * len(v))[i]
                out.append(str(raw if raw is not None else item).strip())
        return tuple(out)

    def items(self, d, key, path):
        """Yield (index, LineDict, path) for a list of mappings."""
        v = d.get(key)
        if v is None:
            return
        if not isinstance(v, list):
            self.err(d, key, f"{path}.{key}", f"expected a list, got {_kind(v)}")
            return
        for i, item in enumerate(v):
            ipath = f"{path}.{key}[{i}]" if path else f"{key}[{i}]"
            if isinstance(item, dict):
                yield i, item, ipath
            else:
                line = v.line_of(i) if isinstance(v, LineList) else self.where(d, key)
                self.p.error(f"expected a mapping, got {_kind(item)}", self.file, line, ipath)


def _in_dst_gap(dt: datetime, tz: ZoneInfo) -> bool:
    """True for a wall-clock time the zone skips (e.g. 02:30 on the spring-forward night)."""
    there = dt.replace(tzinfo=tz)
    back = there.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None)
    return back != dt


def _kind(v) -> str:
    if v is None:
        return "nothing"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, (int, float)):
        return f"the number {v}"
    return f"{str(v)[:40]!r}"


# --------------------------------------------------------------------------- files


def find_event_files(path: Path, problems: Problems) -> list[tuple[Path, object]]:
    """An EVENT argument → [(file, parsed data)] for the single-file or directory form."""
    if path.is_dir():
        main = path / "event.yaml"
        if not main.exists():
            alt = path / "event.yml"
            main = alt if alt.exists() else main
        if not main.exists():
            problems.error("no event.yaml in this directory", path)
            return []
        files = [main]
        for name in SECTIONS[1:]:
            for ext in ("yaml", "yml"):
                f = path / f"{name}.{ext}"
                if f.exists():
                    files.append(f)
                    break
        return [(f, load_yaml(f, problems)) for f in files]
    if not path.exists():
        problems.error("no such file or directory", path)
        return []
    return [(path, load_yaml(path, problems))]


def _collect(path: Path, problems: Problems) -> dict[str, list[tuple[str, object, object]]]:
    """Parsed files → {section: [(file, container, value)]} with the spec's shape rules."""
    found: dict[str, list] = {k: [] for k in SECTIONS}
    for f, data in find_event_files(path, problems):
        name = str(f)
        stem = f.stem if f.stem in SECTIONS[1:] else None
        if data is None:
            if stem and not any(p.file == name and p.is_error for p in problems.items):
                problems.warn(f"no {stem} in this file", name)
            continue
        if stem and isinstance(data, list):
            found[stem].append((name, None, data))
            continue
        if stem and isinstance(data, dict) and stem not in data:
            keys = ", ".join(str(k) for k in data)
            problems.error(
                f"expected a list under '{stem}:' (or a bare list), found: {keys}",
                name,
                data.line,
            )
            continue
        if not isinstance(data, dict):
            problems.error(
                f"expected a mapping with the keys {', '.join(SECTIONS)}, got {_kind(data)}",
                name,
                getattr(data, "line", 1),
            )
            continue
        for key in data:
            if key in SECTIONS:
                found[key].append((name, data, data[key]))
            else:
                hint = difflib.get_close_matches(str(key), SECTIONS, n=1, cutoff=0.6)
                tip = f"; did you mean '{hint[0]}'?" if hint else ""
                problems.warn(f"unknown top-level key{tip}", name, data.line_of(key), str(key))
    return found


# --------------------------------------------------------------------------- sections


def load_event(path: Path | str, problems: Problems | None = None) -> Event:
    """Read an event file or directory → Event. Raise PrintkitError listing every error."""
    problems = problems if problems is not None else Problems()
    path = Path(path)
    found = _collect(path, problems)
    if problems.errors:
        problems.raise_if_errors()

    if not found["event"]:
        problems.error("no 'event:' section", path)
        problems.raise_if_errors()
    file, container, raw = found["event"][0]
    r = _Reader(file, problems)
    ev = r.mapping(raw, "event", container, "event")
    if ev is None:
        problems.raise_if_errors()
    base = Path(file).parent
    r.unknown(ev, EVENT_KEYS, "event")
    tz = _timezone(r, ev)
    start = r.day(ev, "start", "event", required=True)
    end = r.day(ev, "end", "event", required=True)
    if start and end and end < start:
        r.err(ev, "end", "event.end", f"ends ({end}) before it starts ({start})")

    tracks = _tracks(found["tracks"], problems)
    rooms = _rooms(found["rooms"], problems)
    speakers = _speakers(found["speakers"], problems)
    sessions = _sessions(found["sessions"], problems, tz)
    _check_references(sessions, tracks, rooms, speakers, start, end, problems)

    colors_raw = ev.get("colors")
    colors = Colors()
    if colors_raw is not None and (cm := r.mapping(colors_raw, "event.colors", ev, "colors")):
        r.unknown(cm, ["primary", "accent"], "event.colors")
        colors = Colors(
            primary=_color(r, cm, "primary", "event.colors") or Colors.primary,
            accent=_color(r, cm, "accent", "event.colors") or Colors.accent,
        )

    event = Event(
        id=r.ident(ev, "id", "event", slug=True) or "",
        name=r.text(ev, "name", "event", required=True) or "",
        start=start or date.min,
        end=end or date.min,
        timezone=str(tz.key) if tz else "UTC",
        theme=r.text(ev, "theme", "event"),
        url=r.url(ev, "url", "event"),
        schedule_url=r.url(ev, "schedule_url", "event"),
        venue=_venue(r, ev, base),
        organizers=_organizers(r, ev),
        logo=_local_file(r, ev, "logo", "event", base),
        colors=colors,
        welcome=r.text(ev, "welcome", "event"),
        credits=r.text(ev, "credits", "event"),
        version=r.text(ev, "version", "event"),
        language=_language(r, ev),
        tracks=tracks,
        rooms=rooms,
        speakers=speakers,
        sessions=tuple(sorted(sessions, key=lambda s: (s.start, s.room or "", s.id))),
        source=path,
        modified=_modified(path),
        src=Src(file, ev.line),
    )
    if problems.errors:
        problems.raise_if_errors()
    return event


def _modified(path: Path) -> datetime | None:
    files = [p for p in path.iterdir() if p.is_file()] if path.is_dir() else [path]
    try:
        return datetime.fromtimestamp(max(p.stat().st_mtime for p in files))
    except (ValueError, OSError):
        return None


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


def _color(r: _Reader, d, key, path) -> str | None:
    v = r.text(d, key, path)
    if v is None:
        return None
    if not HEX.match(v):
        r.err(d, key, f"{path}.{key}", f'expected a hex colour like "#1F3A93", got {v!r}')
        return None
    if len(v) == 4:
        v = "#" + "".join(c * 2 for c in v[1:])
    return v.upper()


def _local_file(r: _Reader, d, key, path, base: Path) -> Path | None:
    v = r.text(d, key, path)
    if v is None:
        return None
    p = (base / v).resolve()
    if not p.is_file():
        r.warn(d, key, f"{path}.{key}", f"file not found: {v} (drawn without it)")
        return None
    if not _is_image(p):
        r.warn(d, key, f"{path}.{key}", f"not an image: {v} (drawn without it)")
        return None
    return p


def _is_image(p: Path) -> bool:
    """True when Pillow recognises the file's header as an image (reads only the header)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(p) as im:
            return bool(im.size)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return False


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


def _section_items(entries, key: str, problems: Problems):
    """Yield (reader, item, path) over every file's list for a section."""
    index = 0
    for file, container, value in entries:
        r = _Reader(file, problems)
        if value is None:
            continue
        if not isinstance(value, list):
            line = container.line_of(key) if isinstance(container, LineDict) else None
            problems.error(f"expected a list of {key}, got {_kind(value)}", file, line, key)
            continue
        for i, item in enumerate(value):
            path = f"{key}[{index}]"
            index += 1
            if not isinstance(item, dict):
                problems.error(
                    f"expected a mapping, got {_kind(item)}", file, value.line_of(i), path
                )
                continue
            yield r, item, path


def _unique(r: _Reader, d, path, ident, seen: dict, what: str) -> bool:
    if ident is None:
        return False
    if ident in seen:
        r.err(
            d, "id", f"{path}.id", f"duplicate {what} id '{ident}' (first defined at {seen[ident]})"
        )
        return False
    seen[ident] = f"{r.file}:{d.line_of('id')}"
    return True


def _named_section(entries, problems, key: str, known: list[str], what: str, build) -> tuple:
    """Read a list of {id, name, ...} entries: unknown keys, required id and name, unique ids.

    `build(r, d, path, ident, name, count)` makes the object from one entry;
    entries with errors are left out (their problems are recorded).
    """
    out, seen = [], {}
    for r, d, path in _section_items(entries, key, problems):
        r.unknown(d, known, path)
        ident = r.ident(d, "id", path)
        name = r.text(d, "name", path, required=True)
        obj = build(r, d, path, ident or "", name or "", len(out))
        if _unique(r, d, path, ident, seen, what) and name:
            out.append(obj)
    return tuple(out)


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


def _speakers(entries, problems) -> tuple[Speaker, ...]:
    def build(r, d, path, sid, name, count):
        base = Path(r.file).parent
        photo = _photo(r, d, path, base)
        role = (r.text(d, "role", path) or "speaker").lower()
        return Speaker(
            id=sid,
            name=name,
            pronouns=r.text(d, "pronouns", path),
            position=r.text(d, "position", path),
            organization=r.text(d, "organization", path),
            location=r.text(d, "location", path),
            specialization=r.text(d, "specialization", path),
            photo=photo,
            photo_credit=r.text(d, "photo_credit", path),
            profile_url=r.url(d, "profile_url", path),
            bio=r.text(d, "bio", path),
            education=tuple(_education(r, d, path)),
            career=tuple(_career(r, d, path)),
            contributions=r.strings(d, "contributions", path),
            publications=tuple(_publications(r, d, path)),
            recognition=tuple(_recognition(r, d, path)),
            interests=r.strings(d, "interests", path),
            links=_links(r, d, path),
            role=role,
            base_dir=base,
            src=Src(r.file, d.line),
        )

    return _named_section(entries, problems, "speakers", SPEAKER_KEYS, "speaker", build)


def _photo(r: _Reader, d, path: str, base: Path) -> str | None:
    """A photo reference: an http(s) URL or a local image; problems only warn (initials)."""
    photo = r.text(d, "photo", path)
    if not photo:
        return None
    where = f"{path}.photo"
    scheme = urlsplit(photo).scheme
    if scheme and not re.match(r"^[A-Za-z]:[\\/]", photo):  # C:\photos is a path
        parts = urlsplit(photo)
        if scheme.lower() in ("http", "https") and parts.netloc:
            return photo
        r.warn(d, "photo", where, f"photo URL {photo!r} is not http(s); initials are drawn instead")
        return None
    local = base / photo
    if not local.is_file():
        r.warn(d, "photo", where, f"photo not found: {photo}; initials are drawn instead")
        return None
    if not _is_image(local):
        r.warn(d, "photo", where, f"photo is not an image: {photo}; initials are drawn instead")
        return None
    return photo


def _education(r, d, path):
    for _, e, p in r.items(d, "education", path):
        r.unknown(e, ["school", "year", "degree"], p)
        school = r.text(e, "school", p, required=True)
        if school:
            yield Education(school, r.integer(e, "year", p), r.text(e, "degree", p))


def _career(r, d, path):
    for _, c, p in r.items(d, "career", path):
        r.unknown(c, ["org", "role", "period", "items"], p)
        org = r.text(c, "org", p, required=True)
        if org:
            yield Career(
                org, r.text(c, "role", p), r.text(c, "period", p), r.strings(c, "items", p)
            )


def _publications(r, d, path):
    for _, c, p in r.items(d, "publications", path):
        r.unknown(c, ["title", "year", "video", "url", "note"], p)
        title = r.text(c, "title", p, required=True)
        if title:
            yield Publication(
                title,
                r.integer(c, "year", p),
                r.url(c, "video", p),
                r.url(c, "url", p),
                r.text(c, "note", p),
            )


def _recognition(r, d, path):
    for _, c, p in r.items(d, "recognition", path):
        r.unknown(c, ["title", "year", "note"], p)
        title = r.text(c, "title", p, required=True)
        if title:
            yield Recognition(title, r.integer(c, "year", p), r.text(c, "note", p))


def _links(r: _Reader, d, path) -> tuple[tuple[str, str], ...]:
    raw = d.get("links")
    if raw is None:
        return ()
    m = r.mapping(raw, f"{path}.links", d, "links")
    if m is None:
        return ()
    out = []
    for k in m:
        u = r.url(m, k, f"{path}.links")
        if u:
            out.append((str(k), u))
    return tuple(out)


def _extra(r: _Reader, d, path) -> dict | None:
    """Free-form `extra` mapping (kept from imports; no product reads it)."""
    raw = d.get("extra")
    if raw is None:
        return None
    m = r.mapping(raw, f"{path}.extra", d, "extra")
    return _plain_data(m) if m else None


def _plain_data(v):
    if isinstance(v, dict):
        return {str(k): _plain_data(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain_data(x) for x in v]
    return v


def _sessions(entries, problems, tz) -> list[Session]:
    out, seen = [], {}
    for r, d, path in _section_items(entries, "sessions", problems):
        r.unknown(d, SESSION_KEYS, path)
        sid = r.ident(d, "id", path)
        title = r.text(d, "title", path, required=True)
        stype = (r.text(d, "type", path) or "talk").lower()
        if stype not in SESSION_TYPES:
            hint = difflib.get_close_matches(stype, SESSION_TYPES, n=1)
            tip = f"did you mean '{hint[0]}'? " if hint else ""
            r.err(
                d,
                "type",
                f"{path}.type",
                f"unknown session type '{stype}'; {tip}one of {', '.join(SESSION_TYPES)}",
            )
        start = r.moment(d, "start", path, tz)
        if start is None and "start" not in d:
            r.err(d, None, f"{path}.start", "required field is missing")
        end = r.moment(d, "end", path, tz)
        duration = r.integer(d, "duration", path, low=1, high=60 * 24 * 31)
        if end is None and duration is not None and start is not None:
            try:
                end = start + timedelta(minutes=duration)
            except OverflowError:
                r.err(d, "duration", f"{path}.duration", "the session would end after year 9999")
        if end is None and start is not None and "end" not in d and "duration" not in d:
            r.err(d, None, f"{path}.end", "needs an end time or a duration in minutes")
        if start and end and end <= start:
            r.err(
                d,
                "end" if "end" in d else "duration",
                f"{path}.end",
                f"ends ({end:%Y-%m-%d %H:%M}) "
                f"{'when' if end == start else 'before'} it starts ({start:%Y-%m-%d %H:%M})",
            )
        host = None
        if (hraw := d.get("host")) is not None and (
            h := r.mapping(hraw, f"{path}.host", d, "host")
        ):
            r.unknown(h, ["name", "introduction"], f"{path}.host")
            host = Host(
                r.text(h, "name", f"{path}.host"), r.text(h, "introduction", f"{path}.host")
            )
            if host.name is None and host.introduction is None:
                host = None
        speakers = r.strings(d, "speakers", path)
        session = Session(
            id=sid or "",
            title=title or "",
            start=start or datetime.min,
            end=end or datetime.min,
            type=stype,
            subtitle=r.text(d, "subtitle", path),
            track=r.text(d, "track", path),
            room=r.text(d, "room", path),
            language=r.text(d, "language", path),
            speakers=speakers,
            abstract=r.text(d, "abstract", path),
            url=r.url(d, "url", path),
            video=r.url(d, "video", path),
            slides=r.url(d, "slides", path),
            host=host,
            schedule_day=r.day(d, "schedule_day", path),
            links=_links(r, d, path),
            extra=_extra(r, d, path),
            src=Src(r.file, d.line),
        )
        session.__dict__["_lines"] = d  # for reference checks below
        session.__dict__["_path"] = path
        if _unique(r, d, path, sid, seen, "session") and title and start and end:
            out.append(session)
    return out


def _check_references(sessions, tracks, rooms, speakers, start, end, problems: Problems):
    track_ids = {t.id for t in tracks}
    room_ids = {r.id for r in rooms}
    speaker_ids = {s.id for s in speakers}
    for s in sessions:
        d, path, file = s.__dict__["_lines"], s.__dict__["_path"], s.src.file
        r = _Reader(file, problems)
        if s.track and s.track not in track_ids:
            r.err(d, "track", f"{path}.track", _missing("track", s.track, track_ids))
        if s.room and s.room not in room_ids:
            r.err(d, "room", f"{path}.room", _missing("room", s.room, room_ids))
        if not s.room and s.type not in ("break", "social"):
            r.warn(d, None, f"{path}.room", "no room given; room signs will not list it")
        sp = d.get("speakers")
        for i, sid in enumerate(s.speakers):
            if sid not in speaker_ids:
                line = sp.line_of(i) if isinstance(sp, LineList) else d.line_of("speakers")
                problems.error(
                    _missing("speaker", sid, speaker_ids), file, line, f"{path}.speakers[{i}]"
                )
        if len(set(s.speakers)) != len(s.speakers):
            r.warn(d, "speakers", f"{path}.speakers", "lists the same speaker twice")
        if s.schedule_day and abs((s.start.date() - s.schedule_day).days) > 1:
            r.err(
                d,
                "schedule_day",
                f"{path}.schedule_day",
                f"{s.schedule_day} is more than a day away from the start ({s.start:%Y-%m-%d})",
            )
        elif start and end and not (start <= s.day <= end):
            key = "schedule_day" if s.schedule_day else "start"
            r.err(
                d,
                key,
                f"{path}.{key}",
                f"{s.start:%Y-%m-%d %H:%M} is outside the event ({start} to {end})",
            )
    by_room: dict[str, list[Session]] = {}
    for s in sessions:
        if s.room:
            by_room.setdefault(s.room, []).append(s)
    for room, items in by_room.items():
        items.sort(key=lambda s: s.start)
        latest = items[0]  # the session seen so far that ends last
        for b in items[1:]:
            if b.start < latest.end:
                a = latest
                problems.warn(
                    f"overlaps '{a.id}' ({a.start:%H:%M}–{a.end:%H:%M}) in room '{room}'",
                    b.src.file,
                    b.src.line,
                    b.__dict__["_path"],
                )
            if b.end > latest.end:
                latest = b
    _check_double_booked(sessions, problems)
    for s in sessions:
        s.__dict__.pop("_lines", None)
        s.__dict__.pop("_path", None)


def _check_double_booked(sessions, problems: Problems) -> None:
    """A speaker in two sessions at overlapping times: a warning at the later session."""
    by_speaker: dict[str, list[Session]] = {}
    for s in sessions:
        for sid in dict.fromkeys(s.speakers):
            by_speaker.setdefault(sid, []).append(s)
    for sid, items in by_speaker.items():
        items.sort(key=lambda s: s.start)
        latest = items[0]
        for b in items[1:]:
            if b.start < latest.end:
                problems.warn(
                    f"speaker '{sid}' is also in '{latest.id}' at the same time "
                    f"({latest.start:%H:%M}–{latest.end:%H:%M})",
                    b.src.file,
                    b.src.line,
                    f"{b.__dict__['_path']}.speakers",
                )
            if b.end > latest.end:
                latest = b


def _missing(what: str, ident: str, known: set[str]) -> str:
    hint = difflib.get_close_matches(ident, sorted(known), n=1, cutoff=0.6)
    tip = f"; did you mean '{hint[0]}'?" if hint else ""
    return f"no {what} with id '{ident}'{tip}"
