"""An event file or directory → a frozen `Event`, or `PrintkitError` listing every problem.

The orchestrator: files (`files`) → the `event:` mapping (`event_section`)
→ tracks and rooms, speakers, sessions → cross-references and schedule
warnings (`references`) → one `Event`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from printkit.errors import Problems
from printkit.load.event_section import (
    EVENT_KEYS,
    _colors,
    _language,
    _organizers,
    _timezone,
    _venue,
)
from printkit.load.files import _collect, _modified
from printkit.load.reader import _Reader
from printkit.load.references import _check_references
from printkit.load.sessions import _sessions
from printkit.load.speakers import _speakers
from printkit.load.tracks_rooms import _rooms, _tracks
from printkit.load.values import _local_file
from printkit.model import Event, Src
from printkit.yamlsafe import paused_gc


def load_event(path: Path | str, problems: Problems | None = None) -> Event:
    """Read an event file or directory → Event. Raise PrintkitError listing every error."""
    with paused_gc():  # a big event is many new objects: see `paused_gc`
        return _load_event(path, problems)


def _load_event(path: Path | str, problems: Problems | None) -> Event:
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

    colors = _colors(r, ev)

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
