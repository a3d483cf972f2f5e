"""Sessions + tracks, rooms, speakers → problems: unknown ids, days outside the event, overlaps.

Errors for references to missing tracks, rooms and speakers (with a
did-you-mean) and for days outside the event; warnings for sessions without
a room, two sessions in one room at once, and a speaker booked twice.
"""

from __future__ import annotations

import difflib

from printkit.errors import Problems
from printkit.load.reader import _Reader
from printkit.model import Session
from printkit.yamlsafe import LineList


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
        if s.room and s.type != "poster":  # posters share their room and time on purpose
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
    """A speaker in two sessions at overlapping times: a warning at the later session.

    Two posters are no clash: an author on several posters of one poster session
    is the rule at academic conferences (an Indico import lists every author).
    A poster during a talk of the same speaker still is."""
    by_speaker: dict[str, list[Session]] = {}
    for s in sessions:
        for sid in dict.fromkeys(s.speakers):
            by_speaker.setdefault(sid, []).append(s)
    for sid, items in by_speaker.items():
        items.sort(key=lambda s: s.start)
        latest = items[0]  # of all sessions so far, the one that ends last
        latest_talk = None if latest.type == "poster" else latest  # same, posters left out
        for b in items[1:]:
            other = latest_talk if b.type == "poster" else latest
            if other is not None and b.start < other.end:
                problems.warn(
                    f"speaker '{sid}' is also in '{other.id}' at the same time "
                    f"({other.start:%H:%M}–{other.end:%H:%M})",
                    b.src.file,
                    b.src.line,
                    f"{b.__dict__['_path']}.speakers",
                )
            if b.end > latest.end:
                latest = b
            if b.type != "poster" and (latest_talk is None or b.end > latest_talk.end):
                latest_talk = b


def _missing(what: str, ident: str, known: set[str]) -> str:
    hint = difflib.get_close_matches(ident, sorted(known), n=1, cutoff=0.6)
    tip = f"; did you mean '{hint[0]}'?" if hint else ""
    return f"no {what} with id '{ident}'{tip}"
