"""Parsed schedule records → an event as plain dicts in our format, plus an import report.

Every importer feeds an `EventBuilder`: it hands out unique slug ids, merges
persons (by source id/guid/code, then by name), keeps tracks and rooms by
their source name, converts times to the event's wall-clock and records
what it kept, guessed or dropped in a `Report`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from printkit.errors import PrintkitError, Problem, Problems, quote
from printkit.importers.common import (
    IdPool,
    clean_line,
    fmt_time,
    http_url,
    slugify,
    truthy,
    wall_clock,
)
from printkit.importers.text import to_plain

SESSION_TYPES = ("keynote", "talk", "workshop", "panel", "lightning", "break", "social")


@dataclass
class Report:
    """What an import kept, guessed and dropped, counted per kind of note."""

    kept: Counter = field(default_factory=Counter)
    guessed: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    loaded: list = field(default_factory=list)  # the loader's warnings about the result

    def error(self, message: str, source: str | None, where: str | None = None) -> None:
        """A source value the import cannot use: the import fails, naming the element."""
        self.problems.error(message, source, None, where)

    def warn(self, message: str, source: str | None, where: str | None = None) -> None:
        """A source element left out or changed: the import goes on, and says so."""
        self.problems.warn(message, source, None, where)

    def moment(self, parse, text, source: str | None, where: str, key: str):
        """`parse(text)` (a date-time reader) → its value; None, with an error, when unreadable."""
        try:
            return parse(text)
        except (ValueError, OverflowError):
            self.error(f"not a date and time: {quote(text)}", source, f"{where}.{key}")
            return None

    def keep(self, what: str, n: int = 1) -> None:
        self.kept[what] += n

    def guess(self, what: str, n: int = 1) -> None:
        self.guessed[what] += n

    def drop(self, what: str, n: int = 1) -> None:
        self.dropped[what] += n

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def lines(self) -> list[str]:
        out = []
        for title, counter in (
            ("kept", self.kept),
            ("guessed", self.guessed),
            ("dropped", self.dropped),
        ):
            for what, n in sorted(counter.items()):
                out.append(f"  {title}: {what}: {n}")
        out.extend(f"  note: {text}" for text in self.notes)
        return out


_TYPE_WORDS = [
    ("keynote", "keynote"),
    ("plenum", "keynote"),
    ("plenary", "keynote"),
    ("lightning", "lightning"),
    ("panel", "panel"),
    ("podium", "panel"),
    ("workshop", "workshop"),
    ("tutorial", "workshop"),
    ("hands-on", "workshop"),
    ("lötstation", "workshop"),
    ("soldering", "workshop"),
    ("junior", "workshop"),  # FOSDEM Junior: hands-on sessions for children
    ("break", "break"),
    ("coffee", "break"),
    ("lunch", "break"),
    ("pause", "break"),
]
# A type naming a talk-like slot ("45 min theatre session", "Short Talk") is a talk even
# when it mentions a venue word below; only then come the performance/social words.
_TALKISH = re.compile(r"\b(?:talks?|sessions?|lectures?|presentations?|vortrag)\b", re.I)
_SOCIAL_WORDS = ("dinner", "reception", "party", "concert", "dj set", "film", "theatre",
                 "theater", "audio play", "game show", "social", "networking")  # fmt: skip


def _type_of(name: str | None) -> str | None:
    """A source session-type name (`devroom`, `Talk 40 (30min +10 Q&A)`, ...) → our type."""
    key = (name or "").strip().lower()
    if not key:
        return None
    for needle, ours in _TYPE_WORDS:
        if needle in key:
            return ours
    if _TALKISH.search(key):
        return "talk"
    if any(word in key for word in _SOCIAL_WORDS):
        return "social"
    return "talk"  # talk, lecture, devroom, maintrack, bof, podcast, other, ...


_TITLE_TYPES = [
    (re.compile(r"\bkeynotes?\b", re.I), "keynote"),
    (re.compile(r"\bworkshops?\b|\bhands-on\b", re.I), "workshop"),
    (re.compile(r"^panel\b|\bpanel discussion\b|\bpanel\s*$", re.I), "panel"),
    (re.compile(r"\blightning[- ]?talks?\b", re.I), "lightning"),
]
_TITLE_BREAKS = re.compile(r"^(?:morning |afternoon )?(?:coffee|lunch|tea|break)\b", re.I)
_LITERAL = {
    "lightning talk": "lightning",
    "lightning talks": "lightning",
    "lightningtalk": "lightning",
}
_LONG = timedelta(hours=3)


def _literal(name: str, kind: str) -> bool:
    """True when the source type name is our type's own name ("Talk", "workshops")."""
    key = " ".join(name.lower().split())
    return key in (kind, kind + "s") or _LITERAL.get(key) == kind


def session_type(type_name: str | None, title: str | None = None,
                 report: Report | None = None, length: timedelta | None = None) -> str:  # fmt: skip
    """Source type name, else title keywords → one of SESSION_TYPES (default talk).

    A specific source type wins; a generic one (talk, devroom, other, ...) is
    refined by whole words in the title ("... Workshop", "Keynote: ..."); a
    type naming a talk slot only to keynote or lightning.
    Breaks come from titles only when the source names no type; an untyped
    session of `length` 3 hours or more is a workshop. FOSDEM `bof` maps to
    talk: a BoF is a scheduled discussion in a room with an owner, which
    signs and the booklet list like a talk. Every mapping that is not the
    type's own name is counted in `report` as guessed.
    """
    kind, how = _session_type(type_name, title, length)
    if report is not None and how:
        report.guess(how)
    return kind


def _session_type(type_name, title, length) -> tuple[str, str | None]:
    name = clean_line(type_name)
    found = _type_of(name)
    if found and found != "talk":
        return found, None if _literal(name, found) else f"session type '{name}' → {found}"
    talkish = bool(name and _TALKISH.search(name))
    for pattern, kind in _TITLE_TYPES:
        if talkish and kind in ("workshop", "panel"):
            continue  # a talk slot about workshops is still a talk
        if pattern.search(title or ""):
            return kind, f"session type from a title word → {kind}"
    if not name and _TITLE_BREAKS.search((title or "").strip()):
        return "break", "session type from a title word → break"
    if found:
        return found, None if _literal(name, found) else f"session type '{name}' → talk"
    if length is not None and length >= _LONG:
        return "workshop", "sessions without a type lasting 3 h or more → workshop"
    return "talk", "sessions without a type → talk"


@dataclass
class _Person:
    sid: str
    data: dict


class EventBuilder:
    """Accumulates tracks, rooms, speakers and sessions with unique ids."""

    def __init__(
        self, tz: ZoneInfo | None, report: Report | None = None, source: str | None = None
    ):
        self.tz = tz
        self.report = report or Report()
        self.source = source  # the source's name, for messages
        self.event: dict = {}
        self.tracks: dict[str, dict] = {}
        self.rooms: dict[str, dict] = {}
        self.speakers: list[dict] = []
        self.sessions: list[dict] = []
        self._track_ids = IdPool()
        self._room_ids = IdPool()
        self._speaker_ids = IdPool()
        self._session_ids = IdPool()
        self._person_by_key: dict[str, dict] = {}
        self._person_by_name: dict[str, dict] = {}
        self._track_alias: dict[str, str] = {}

    # -- tracks and rooms -------------------------------------------------
    def track(self, name: str | None, slug: str | None = None, color: str | None = None,
              **more) -> str | None:  # fmt: skip
        """Track name (or slug) → track id, creating the track on first sight."""
        name = clean_line(name)
        key = (slug or "").strip().lower() or (name or "").lower()
        if not key:
            return None
        known = self._track_alias.get(key) or self._track_alias.get((name or "").lower())
        if known:
            track = self.tracks[known]
            if color and "color" not in track:
                track["color"] = color
            return known
        tid = self._track_ids.claim(slugify(slug or name), "track")
        track = {"id": tid, "name": name or slug}
        color = _hex_color(color)
        if color:
            track["color"] = color
        track.update({k: v for k, v in more.items() if v})
        self.tracks[tid] = track
        self._track_alias[key] = tid
        if name:
            self._track_alias[name.lower()] = tid
        return tid

    def room(self, name: str | None, room_id: str | None = None, **more) -> str | None:
        """Room name → room id, creating the room on first sight."""
        name = clean_line(name)
        if not name:
            return None
        key = name.lower()
        for rid, room in self.rooms.items():
            if room["_key"] == key:
                return rid
        rid = self._room_ids.claim(slugify(room_id or name), "room")
        room = {"_key": key, "id": rid, "name": name}
        room.update({k: v for k, v in more.items() if v not in (None, "")})
        self.rooms[rid] = room
        return rid

    # -- speakers -----------------------------------------------------------
    def person(self, name: str | None, keys: tuple = (), fallback_id: str | None = None,
               wanted_id: str | None = None, **fields) -> str | None:  # fmt: skip
        """A person seen in the source → speaker id, merged by any source key, then by name.

        Two records with different source keys stay two speakers even when
        their names are equal (real schedules have namesakes).
        """
        name = clean_line(name)
        if not name:
            self.report.drop("persons without a name")
            return None
        keys = tuple(str(k) for k in keys if k not in (None, ""))
        found = next((self._person_by_key[k] for k in keys if k in self._person_by_key), None)
        if found is None and not keys:
            found = self._person_by_name.get(name.casefold())
        if found is None and keys:
            # merge with a key-less record of the same name
            same = self._person_by_name.get(name.casefold())
            if same is not None and not same.get("_keys"):
                found = same
        if found is None:
            wanted = slugify(wanted_id) or slugify(name)
            if not wanted:
                source = fallback_id or (keys[0].split(":", 1)[-1] if keys else None)
                wanted = f"p-{slugify(str(source))[:12]}".rstrip("-") if source else ""
                self.report.guess("speaker ids from source ids (name has no Latin letters)")
            if wanted in self._speaker_ids.taken and keys:
                wanted = f"{wanted}-{slugify(keys[0])[:12]}".strip("-")
            sid = self._speaker_ids.claim(wanted, "p")
            found = {"id": sid, "name": name, "_keys": set()}
            self.speakers.append(found)
            self._person_by_name.setdefault(name.casefold(), found)
        found["_keys"].update(keys)
        for k in keys:
            self._person_by_key[k] = found
        for k, v in fields.items():
            if v not in (None, "", [], {}) and not found.get(k):
                found[k] = v
        return found["id"]

    # -- sessions ------------------------------------------------------------
    def session(self, *, title: str | None, start: datetime, end: datetime | None = None,
                duration: timedelta | None = None, source_id: str | None = None,
                schedule_day: date | None = None, where: str | None = None,
                **fields) -> dict | None:  # fmt: skip
        """One scheduled item → a session dict with a unique id and wall-clock times.

        `where` names the source element in messages. A session whose times
        fall outside the years 1 to 9999 in the event's zone is an error; one
        that ends when it starts (no end, no duration, `00:00`) or before is
        left out with a warning: our format has no zero-length sessions.
        """
        title = clean_line(title)
        if not title:
            self.report.drop("sessions without a title")
            return None
        where = where or f"session {quote(source_id or title)}"
        try:
            start_wall = wall_clock(start, self.tz)
            if end is not None:
                end_wall = wall_clock(end, self.tz)
            elif duration is not None:
                end_wall = (
                    wall_clock(start + duration, self.tz) if start.tzinfo else start_wall + duration
                )
            else:
                end_wall = start_wall
        except (OverflowError, ValueError):
            self.report.error("its time is out of range (years 1 to 9999)", self.source, where)
            return None
        if end_wall <= start_wall:
            how = "ends before it starts" if end_wall < start_wall else "has no length"
            self.report.warn(f"{how}: left out (title {quote(title)})", self.source, where)
            return None
        wanted = slugify(title)
        if not wanted:
            wanted = f"s-{slugify(str(source_id))}" if source_id else ""
        session = {"id": wanted, "title": title}  # made unique in finish(), in time order
        for key in ("subtitle", "type", "track", "room", "language"):
            value = fields.pop(key, None)
            if value:
                session[key] = value
        session["start"] = start_wall
        session["end"] = end_wall
        if schedule_day and schedule_day != start_wall.date():
            session["schedule_day"] = schedule_day
            self.report.keep("sessions listed under the previous schedule day (schedule_day)")
        if _last_day(start_wall, end_wall) > start_wall.date():
            self.report.keep("sessions crossing midnight")
        for key, value in fields.items():
            if value not in (None, "", [], {}, ()):
                session[key] = value
        self.sessions.append(session)
        return session

    # -- results -------------------------------------------------------------
    def require_sessions(self, seen: int, looked_for: str) -> None:
        """No session imported → a PrintkitError saying what the import looked for and found.

        An error about a source value explains the loss better: then this stays quiet.
        """
        if self.sessions or self.report.problems.errors:
            return
        if not seen:
            raise PrintkitError(
                [Problem(f"no sessions found: looked for {looked_for}", self.source)]
            )
        dropped = "; ".join(f"{what}: {n}" for what, n in sorted(self.report.dropped.items()))
        lost = [p.message for p in self.report.problems.warnings][:3]
        why = "; ".join(x for x in (dropped, *lost) if x)
        message = f"no usable sessions: {seen} found ({looked_for}), none kept"
        raise PrintkitError([Problem(message + (f" ({why})" if why else ""), self.source)])

    def overlaps(self) -> int:
        """Number of same-room session pairs whose times overlap (kept, as in the source)."""
        by_room: dict[str, list[dict]] = {}
        for s in self.sessions:
            if s.get("room"):
                by_room.setdefault(s["room"], []).append(s)
        count = 0
        for items in by_room.values():
            items.sort(key=lambda s: (s["start"], s["end"]))
            for i, a in enumerate(items):
                for b in items[i + 1 :]:
                    if b["start"] >= a["end"]:
                        break
                    count += 1
        return count

    def finish(self, event: dict) -> dict:
        """Event fields → the whole event as plain data ready for the writer."""
        sessions = sorted(self.sessions, key=lambda s: (s["start"], s.get("room") or "", s["id"]))
        for s in sessions:
            if s["id"] in self._session_ids.taken:
                self.report.guess("duplicate session titles made unique (-2, -3, ...)")
            s["id"] = self._session_ids.claim(s["id"], "s")
        if sessions:
            event["start"] = min(s["start"] for s in sessions).date()
            event["end"] = max(_last_day(s["start"], s["end"]) for s in sessions)
        for s in sessions:
            s["start"], s["end"] = fmt_time(s["start"]), fmt_time(s["end"])
        speakers = []
        for p in self.speakers:
            speakers.append({k: v for k, v in p.items() if not k.startswith("_")})
        rooms = [{k: v for k, v in r.items() if not k.startswith("_")} for r in self.rooms.values()]
        return {
            "event": {k: v for k, v in event.items() if v not in (None, "", [], {})},
            "tracks": list(self.tracks.values()),
            "rooms": rooms,
            "speakers": speakers,
            "sessions": sessions,
        }


def _last_day(start: datetime, end: datetime) -> date:
    """The last date a session runs on (one ending at 00:00 does not run on the next day)."""
    if end <= start:
        return start.date()
    return (end - timedelta(minutes=1)).date()


def _hex_color(value: str | None) -> str | None:
    value = (value or "").strip()
    if len(value) == 7 and value.startswith("#"):
        try:
            int(value[1:], 16)
        except ValueError:
            return None
        return value.upper()
    return None


def add_link(links: dict, name: str, url: str | None, report: Report, base: str | None = None):
    """Put an http(s) URL under a unique slug name in a links dict; count what is dropped."""
    if not url:
        return
    good = http_url(url, base)
    if not good:
        report.drop("links with a non-http(s) URL")
        return
    if good in links.values():
        return
    key = slugify(name, 30) or "link"
    candidate, n = key, 1
    while candidate in links:
        n += 1
        candidate = f"{key}-{n}"
    links[candidate] = good


def session_extras(links: dict, report: Report, *, base: str | None = None, feedback=(),
                   origin: str | None = None, logo=None, do_not_stream=None, do_not_record=None,
                   recording_optout=None, answers=()) -> dict:  # fmt: skip
    """A schedule session's side fields → its `extra` dict; feedback/origin URLs go into `links`.

    `feedback` is a list of URLs; the flags are source values read with
    `truthy`; `answers` are (question, answer) pairs, those without an answer
    left out. What is kept or dropped is counted in `report`.
    """
    for url in feedback:
        add_link(links, "feedback", url, report, base)
        report.keep("feedback URLs (links.feedback)")
    if origin:
        add_link(links, "origin", origin, report, base)
        report.keep("origin URLs (links.origin)")
    if logo:
        report.drop("session logos (not in our format)")
    extra: dict = {}
    flags = (("do_not_stream", do_not_stream), ("do_not_record", do_not_record),
             ("recording_optout", recording_optout))  # fmt: skip
    for key, value in flags:
        if truthy(value):
            extra[key] = True
    kept = [
        {"question": clean_line(q), "answer": to_plain(a)} for q, a in answers if (a or "").strip()
    ]
    if kept:
        extra["answers"] = kept
    for key in extra:
        report.keep(f"session {key} (extra.{key})")
    return extra


def count_talk_guess(type_name: str | None, kind: str, report: Report) -> None:
    """Count a source type other than talk/lecture that became a talk as guessed."""
    if type_name and kind == "talk" and type_name.lower() not in ("talk", "lecture"):
        report.guess(f"type {type_name!r} → talk")
