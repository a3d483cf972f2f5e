"""GOSIM site JSON (`{"sessions": {track: [slots]}}`) → event data (via EventBuilder).

The file has no year (taken from --year), no rooms (one room per track, id =
track id) and repeats breaks and plenary items in every track: a speaker-less
slot with the same day, time and title is imported once. Breaks get no room
or track; a repeated non-break item (keynote, spotlights) goes to a
`plenary` room; a speaker-less slot found in one track stays in that track.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from printkit.errors import PrintkitError, quote
from printkit.importers.build import EventBuilder, Report, session_type
from printkit.importers.common import clean_line, http_url, is_relative_ref, slugify, zone
from printkit.importers.options import ImportOptions
from printkit.importers.shape import ANY, TEXT, Map, conform
from printkit.importers.text import to_plain

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_DAY = re.compile(r"^\s*([A-Za-z]+)\.?\s+(\d{1,2})\s*$|^\s*(\d{1,2})\s+([A-Za-z]+)\.?\s*$")
_SPEAKER = {"id": TEXT, "name": TEXT, "roleOrg": TEXT, "image": TEXT, "tags": ANY}
SHAPE = {
    "sessions": Map(
        [{"date": TEXT, "timeSlot": TEXT, "title": TEXT, "content": TEXT, "speakers": [_SPEAKER]}]
    )
}
_SLOT = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*[-–—~to]+\s*(\d{1,2})[:.h](\d{2})\s*$")


def parse(doc: dict, options: ImportOptions, report: Report) -> dict:
    """Decoded GOSIM schedule JSON → event data dict."""
    tracks = doc.get("sessions") if isinstance(doc, dict) else None
    if not isinstance(tracks, dict):
        raise PrintkitError(f"{options.source_name}: not a GOSIM schedule (no sessions object)")
    tracks = conform(doc, SHAPE, options.source_name)["sessions"]
    tz = zone(options.timezone)
    builder = EventBuilder(tz, report, options.source_name)

    # group speaker-less slots by (date, time, title) to find the ones every track repeats
    placeholders: dict[tuple, list[str]] = {}
    for track_name, slots in tracks.items():
        for slot in slots or []:
            if not slot.get("speakers"):
                key = (
                    slot.get("date"),
                    _norm_slot(slot.get("timeSlot")),
                    clean_line(slot.get("title")),
                )
                placeholders.setdefault(key, []).append(track_name)

    done: set[tuple] = set()
    for track_name, slots in tracks.items():
        track = builder.track(track_name)
        room = builder.room(track_name, room_id=track)
        for i, slot in enumerate(slots or []):
            where = f"sessions.{quote(track_name, 40)}[{i}]"
            when = _times(slot, options.year)
            if when is None:
                report.drop(
                    f"slots with an unreadable date/time (e.g. {quote(slot.get('timeSlot'), 40)})"
                )
                continue
            start, end = when
            title = slot.get("title")
            if not slot.get("speakers"):
                key = (slot.get("date"), _norm_slot(slot.get("timeSlot")), clean_line(title))
                if key in done:
                    report.keep("repeated break/plenary slots merged into one")
                    continue
                done.add(key)
                kind = session_type(None, title, report)
                shared = len(set(placeholders.get(key, ()))) > 1
                s_track, s_room = track, room
                if kind == "break":
                    s_track = s_room = None
                elif shared:
                    s_track = None
                    s_room = builder.room("Plenary", room_id="plenary")
                    report.guess("items repeated in every track put in room 'plenary'")
                builder.session(
                    title=title,
                    start=start,
                    end=end,
                    type=kind,
                    track=s_track,
                    room=s_room,
                    abstract=to_plain(slot.get("content"), keep_lines=True),
                    where=where,
                )
                continue
            speakers = []
            for sp in slot["speakers"]:
                sid = _speaker(sp, builder, report, options.base_url)
                if sid and sid not in speakers:
                    speakers.append(sid)
            kind = session_type(None, title, report)
            builder.session(
                title=title,
                start=start,
                end=end,
                type=kind if kind in ("keynote", "panel", "workshop", "lightning") else "talk",
                track=track,
                room=room,
                speakers=speakers,
                abstract=to_plain(slot.get("content"), keep_lines=True),
                where=where,
            )
    seen = sum(len(slots or []) for slots in tracks.values())
    builder.require_sessions(seen, "slots in the sessions object's track lists")
    name = options.event_name or f"GOSIM {options.year}"
    event = {
        "id": options.event_id or slugify(name) or "gosim",
        "name": name,
        "timezone": options.timezone,
    }
    if not options.timezone:
        report.note("GOSIM JSON has no time zone: times kept as written (pass --timezone)")
    report.note(f"GOSIM JSON has no year: dates are in {options.year} (--year)")
    report.note("GOSIM JSON has no rooms: one room per track")
    return builder.finish(event)


def _speaker(sp: dict, builder: EventBuilder, report: Report, base_url: str | None):
    role = clean_line(sp.get("roleOrg"))
    position = organization = None
    if role:
        m = re.match(r"^(.*\S)\s+(?:at|@)\s+(\S.*)$", role)
        if m:
            position, organization = m.group(1), m.group(2)
            report.guess("speaker position/organization split at ' at ' in roleOrg")
        else:
            position = role
    photo = None
    image = sp.get("image")
    if image:
        if is_relative_ref(image) and not base_url:
            report.drop("speaker photos given as bare file names (pass --base-url)")
        else:
            photo = http_url(image, base_url)
            if photo:
                report.keep("speaker photos (URLs)")
    if sp.get("tags"):
        report.drop("speaker tags (they repeat the track)")
    return builder.person(
        sp.get("name"),
        (f"gosim:{sp.get('id')}",) if sp.get("id") else (),
        fallback_id=sp.get("id"),
        wanted_id=sp.get("id"),
        position=position,
        organization=organization,
        photo=photo,
    )


def _norm_slot(text) -> str:
    m = _SLOT.match(str(text or ""))
    if not m:
        return str(text or "").strip()
    h1, m1, h2, m2 = (int(x) for x in m.groups())
    return f"{h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}"


def _times(slot: dict, year: int) -> tuple[datetime, datetime] | None:
    """`{"date": "May 6", "timeSlot": "9:30 - 10:00"}` + year → (start, end)."""
    day = _day(slot.get("date"), year)
    m = _SLOT.match(str(slot.get("timeSlot") or ""))
    if day is None or not m:
        return None
    h1, m1, h2, m2 = (int(x) for x in m.groups())
    try:
        start = datetime(day.year, day.month, day.day, h1, m1)
        end = datetime(day.year, day.month, day.day, h2, m2)
    except ValueError:  # "9:60 - 10:00", "25:00 - 26:00": as unreadable as no slot
        return None
    if end < start:
        end += timedelta(days=1)  # "23:30 - 0:30" crosses midnight
    return start, end


def _day(text, year: int) -> date | None:
    text = str(text or "").strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    m = _DAY.match(text)
    if not m:
        return None
    month_name, day_num = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    month = _MONTHS.get(month_name[:3].lower())
    if not month:
        return None
    try:
        return date(year, month, int(day_num))
    except ValueError:
        return None
