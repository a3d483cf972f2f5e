"""Validated event data → frozen objects (Event, Session, Speaker…): what every product renders from.

Built only by `printkit.load` (and the attendee CSV reader). Nothing here
reads files or applies defaults at draw time; optional text is None when
absent, optional lists are empty tuples. `src` records where an object was
defined (file, line) for messages; it takes no part in equality.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

SESSION_TYPES = ("talk", "keynote", "workshop", "panel", "lightning", "break", "social", "poster")
ATTENDEE_ROLES = ("attendee", "speaker", "staff", "volunteer", "press", "sponsor", "organizer")


@dataclass(frozen=True, slots=True)
class Src:
    """Where something was written: file and 1-based line."""

    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.file or ""
        return f"{self.file}:{self.line}"


def _src() -> Src | None:
    return field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Venue:
    name: str | None = None
    city: str | None = None
    country: str | None = None
    address: str | None = None
    map: Path | None = None


@dataclass(frozen=True)
class Organizer:
    name: str
    role: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Colors:
    primary: str = "#1F3A93"
    accent: str = "#F5A623"


@dataclass(frozen=True)
class Track:
    id: str
    name: str
    tagline: str | None = None
    description: str | None = None
    color: str = "#1F3A93"
    color_given: bool = field(default=False, compare=False)
    src: Src | None = _src()


@dataclass(frozen=True)
class Room:
    id: str
    name: str
    floor: str | None = None
    capacity: int | None = None
    url: str | None = None
    src: Src | None = _src()


@dataclass(frozen=True)
class Education:
    school: str
    year: int | None = None
    degree: str | None = None


@dataclass(frozen=True)
class Career:
    org: str
    role: str | None = None
    period: str | None = None
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Publication:
    title: str
    year: int | None = None
    video: str | None = None
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Recognition:
    title: str
    year: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    pronouns: str | None = None
    position: str | None = None
    organization: str | None = None
    location: str | None = None
    specialization: str | None = None
    photo: str | None = None
    photo_credit: str | None = None
    profile_url: str | None = None
    bio: str | None = None
    education: tuple[Education, ...] = ()
    career: tuple[Career, ...] = ()
    contributions: tuple[str, ...] = ()
    publications: tuple[Publication, ...] = ()
    recognition: tuple[Recognition, ...] = ()
    interests: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()
    role: str = "speaker"
    reading: str | None = None  # how the name sorts, family name first (kana, pinyin: "Hu Weiwen")
    base_dir: Path | None = field(default=None, compare=False, repr=False)
    src: Src | None = _src()

    @property
    def affiliation(self) -> str | None:
        """ "Position, Organization" with whatever of the two is known."""
        parts = [p for p in (self.position, self.organization) if p]
        return ", ".join(parts) or None


@dataclass(frozen=True)
class Host:
    name: str | None = None
    introduction: str | None = None


@dataclass(frozen=True)
class Session:
    id: str
    title: str
    start: datetime
    end: datetime
    type: str = "talk"
    subtitle: str | None = None
    track: str | None = None
    room: str | None = None
    language: str | None = None
    speakers: tuple[str, ...] = ()
    abstract: str | None = None
    url: str | None = None
    video: str | None = None
    slides: str | None = None
    host: Host | None = None
    schedule_day: date | None = None
    links: tuple[tuple[str, str], ...] = ()
    extra: dict | None = field(default=None, hash=False)  # free-form data kept from imports
    src: Src | None = _src()

    @property
    def day(self) -> date:
        """The schedule day this session is listed under (a day is a window, not a date)."""
        return self.schedule_day or self.start.date()

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def is_break(self) -> bool:
        return self.type == "break"

    @property
    def qr_target(self) -> str | None:
        """What a session QR opens: the recording, else the talk page."""
        return self.video or self.url


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    start: date
    end: date
    timezone: str = "UTC"
    theme: str | None = None
    url: str | None = None
    schedule_url: str | None = None
    venue: Venue = field(default_factory=Venue)
    organizers: tuple[Organizer, ...] = ()
    logo: Path | None = None
    colors: Colors = field(default_factory=Colors)
    welcome: str | None = None
    credits: str | None = None
    version: str | None = None
    language: str | None = None  # BCP 47 tag of the printed labels and dates (None: English)
    tracks: tuple[Track, ...] = ()
    rooms: tuple[Room, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    sessions: tuple[Session, ...] = ()
    source: Path | None = field(default=None, compare=False, repr=False)
    modified: datetime | None = field(default=None, compare=False, repr=False)
    src: Src | None = _src()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def days(self) -> tuple[date, ...]:
        """Every schedule day that has at least one session, in order."""
        return tuple(sorted({s.day for s in self.sessions}))

    def track(self, track_id: str | None) -> Track | None:
        return self._index("tracks").get(track_id)

    def room(self, room_id: str | None) -> Room | None:
        return self._index("rooms").get(room_id)

    def speaker(self, speaker_id: str) -> Speaker | None:
        return self._index("speakers").get(speaker_id)

    def session_speakers(self, session: Session) -> tuple[Speaker, ...]:
        idx = self._index("speakers")
        return tuple(idx[s] for s in session.speakers if s in idx)

    def sessions_of(self, speaker_id: str) -> tuple[Session, ...]:
        """A speaker's sessions in time order."""
        return self._by_speaker().get(speaker_id, ())

    def sessions_in(self, room_id: str, day: date | None = None) -> tuple[Session, ...]:
        """A room's sessions (on one schedule day, if given) in time order."""
        return tuple(
            s for s in self.sessions if s.room == room_id and (day is None or s.day == day)
        )

    def text_language(self, session: Session | None = None) -> str | None:
        """The language a session's text is in: its own, else the event's (None: unknown)."""
        own = session.language if session is not None else None
        return own or self.language

    @property
    def version_stamp(self) -> str:
        """ "as of" text for signs: event.version, else the data's modification date."""
        if self.version:
            return str(self.version)
        if self.modified:
            return self.modified.strftime("%Y-%m-%d %H:%M")
        return ""

    # Lookups are built once per (frozen) event and cached on the instance.
    def _index(self, name: str) -> dict:
        cache = self.__dict__.setdefault("_cache", {})
        if name not in cache:
            cache[name] = {x.id: x for x in getattr(self, name)}
        return cache[name]

    def _by_speaker(self) -> dict:
        cache = self.__dict__.setdefault("_cache", {})
        if "by_speaker" not in cache:
            out: dict[str, list] = {}
            for s in self.sessions:
                for sp in s.speakers:
                    out.setdefault(sp, []).append(s)
            cache["by_speaker"] = {k: tuple(v) for k, v in out.items()}
        return cache["by_speaker"]


@dataclass(frozen=True, slots=True)  # slots: 50,000 of them are held at once
class Attendee:
    """A badge holder from the attendee CSV (or a speaker turned into one)."""

    name: str
    organization: str | None = None
    role: str = "attendee"
    pronouns: str | None = None
    id: str | None = None
    email: str | None = None
    qr: str | None = None
    src: Src | None = _src()
