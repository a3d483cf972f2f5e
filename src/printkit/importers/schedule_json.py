"""pretalx / c3voc `schedule.json` (old and new person shapes) → event data (via EventBuilder)."""

from __future__ import annotations

import re
from datetime import date

from printkit.errors import PrintkitError, quote
from printkit.importers.build import (
    EventBuilder,
    Report,
    add_link,
    count_talk_guess,
    session_extras,
    session_type,
)
from printkit.importers.common import (
    clean_line,
    http_url,
    is_relative_ref,
    parse_datetime,
    parse_duration,
    zone,
)
from printkit.importers.frab_xml import _event_id, _join
from printkit.importers.options import ImportOptions
from printkit.importers.shape import ANY, SCALAR, TEXT, Either, Map, conform
from printkit.importers.text import to_plain

_AFFILIATION = re.compile(r"^(.*\S)\s*\[([^\[\]]+)\]$")

_PERSON = {
    **dict.fromkeys(("code", "guid", "id"), SCALAR),
    **dict.fromkeys(("public_name", "name", "full_public_name", "biography", "url"), TEXT),
    **dict.fromkeys(("avatar", "avatar_url"), TEXT),
    "answers": ANY,
}
_EVENT = {
    **dict.fromkeys(("id", "guid", "do_not_stream", "do_not_record"), SCALAR),
    **dict.fromkeys(
        ("title", "subtitle", "date", "end", "duration", "type", "room", "track", "language"),
        TEXT,
    ),
    **dict.fromkeys(("abstract", "description", "url", "feedback_url", "origin_url"), TEXT),
    "logo": ANY,
    "persons": [_PERSON],
    "links": [{"title": TEXT, "url": TEXT}],
    "attachments": [{"title": TEXT, "type": TEXT, "url": TEXT}],
    "recording": Either(({"optout": SCALAR}, ANY)),
    "answers": [
        {
            "question": Either((TEXT, {"question": Either((TEXT, Map(TEXT))), "id": SCALAR})),
            "answer": TEXT,
        }
    ],
}
_CONFERENCE = {
    **dict.fromkeys(("time_zone_name", "base_url", "acronym", "title"), TEXT),
    **dict.fromkeys(("start", "end", "url"), TEXT),
    "tracks": [{"name": TEXT, "slug": TEXT, "color": TEXT}],
    "rooms": [{"name": TEXT, "capacity": SCALAR, "description": ANY}],
    "days": [{"date": TEXT, "rooms": Map([_EVENT])}],
}
_SCHEDULE = {"version": TEXT, "base_url": TEXT, "conference": _CONFERENCE}


def parse(doc: dict, options: ImportOptions, report: Report) -> dict:
    """Decoded schedule.json → event data dict (event, tracks, rooms, speakers, sessions)."""
    schedule = doc.get("schedule", doc) if isinstance(doc, dict) else None
    conf = schedule.get("conference") if isinstance(schedule, dict) else None
    if not isinstance(conf, dict):
        raise PrintkitError(f"{options.source_name}: no schedule.conference object")
    shape = {"schedule": _SCHEDULE} if "schedule" in doc else _SCHEDULE
    doc = conform(doc, shape, options.source_name)
    schedule = doc.get("schedule", doc)
    conf = schedule["conference"]
    tz_name = options.timezone or conf.get("time_zone_name")
    tz = zone(tz_name)
    builder = EventBuilder(tz, report, options.source_name)
    base_url = (
        options.base_url or schedule.get("base_url") or conf.get("base_url") or options.fetched_url
    )

    for t in conf.get("tracks") or []:
        if isinstance(t, dict):
            builder.track(t.get("name"), slug=t.get("slug"), color=t.get("color"))
    for r in conf.get("rooms") or []:
        if isinstance(r, dict):
            builder.room(r.get("name"), capacity=_int(r.get("capacity")))
            if r.get("description"):
                report.drop("room descriptions (not in our format)")
    seen = 0
    for i, day in enumerate(conf.get("days") or []):
        day_date = _date(day.get("date"))
        rooms = day.get("rooms") or {}
        for room_name, events in rooms.items():
            builder.room(room_name)
            for j, ev in enumerate(events or []):
                seen += 1
                where = f"days[{i}].rooms.{quote(room_name, 40)}[{j}]"
                _event(ev, builder, report, tz, base_url, day_date, room_name, where)
    builder.require_sessions(seen, "events in schedule.conference.days[].rooms")
    event = {
        "id": options.event_id or _event_id(conf.get("acronym"), conf.get("title")),
        "name": options.event_name or clean_line(conf.get("title")) or "Imported event",
        "start": _date(conf.get("start")),
        "end": _date(conf.get("end")),
        "timezone": tz_name,
        "url": http_url(conf.get("url")),
        "schedule_url": http_url(base_url),
        "version": clean_line(str(schedule.get("version") or "")),
    }
    if not tz_name:
        report.note("no time zone in the source: times kept as written (pass --timezone)")
    return builder.finish(event)


def _event(ev: dict, builder: EventBuilder, report: Report, tz, base_url, day_date, room_name,
           where: str):  # fmt: skip
    title = ev.get("title")
    if not ev.get("date"):
        report.drop("events without a date")
        return
    start = report.moment(parse_datetime, ev["date"], builder.source, where, "date")
    if start is None:
        return
    if start.tzinfo is None and tz is not None:
        start = start.replace(tzinfo=tz)
    end = None
    if ev.get("end"):
        end = report.moment(parse_datetime, ev["end"], builder.source, where, "end")
        if end is None:
            return
    if end is not None and end.tzinfo is None and tz is not None:
        end = end.replace(tzinfo=tz)
    try:
        duration = parse_duration(ev.get("duration"))
    except ValueError:
        duration = None
        report.drop("unreadable durations")
    type_name = ev.get("type")
    kind = session_type(type_name, title, report)
    room = builder.room(ev.get("room") or room_name)
    if room is None and kind != "break":
        room = builder.room("To be announced", room_id="tbd")
        report.guess("sessions without a room put in room 'tbd'")
    track = builder.track(ev.get("track")) if ev.get("track") else None

    speakers = []
    for p in ev.get("persons") or []:
        if not isinstance(p, dict):
            continue
        keys = tuple(f"{k}:{p[k]}" for k in ("code", "guid", "id") if p.get(k) not in (None, ""))
        name = clean_line(p.get("public_name") or p.get("name") or p.get("full_public_name"))
        organization = None
        m = _AFFILIATION.match(name or "")
        if m:
            name, organization = m.group(1), m.group(2).strip()
            report.guess("organization split from 'Name [Organization]'")
        photo = _photo(p.get("avatar") or p.get("avatar_url"), base_url, report)
        sid = builder.person(
            name,
            keys,
            fallback_id=str(p.get("id") or p.get("code") or ""),
            organization=organization,
            bio=to_plain(p.get("biography")),
            photo=photo,
            profile_url=http_url(p.get("url")),
        )
        if p.get("answers"):
            report.drop("speaker answers (not in our format)")
        if sid and sid not in speakers:
            speakers.append(sid)

    links: dict = {}
    for item in ev.get("links") or []:
        if isinstance(item, dict):
            add_link(links, item.get("title") or "link", item.get("url"), report, base_url)
            report.keep("session links")
    slides = None
    for item in ev.get("attachments") or []:
        if not isinstance(item, dict):
            continue
        url = http_url(item.get("url"), base_url)
        if not slides and url and "slide" in (item.get("title") or item.get("type") or "").lower():
            slides = url
            report.keep("slides (from attachments)")
        else:
            add_link(links, item.get("title") or "attachment", item.get("url"), report, base_url)
            report.keep("attachments (session links)")
    rec = ev.get("recording") if isinstance(ev.get("recording"), dict) else {}
    feedback = [ev["feedback_url"]] if ev.get("feedback_url") else []
    extra = session_extras(
        links, report, base=base_url, feedback=feedback,
        origin=ev.get("origin_url"), logo=ev.get("logo"), do_not_stream=ev.get("do_not_stream"),
        do_not_record=ev.get("do_not_record"), recording_optout=rec.get("optout"),
        answers=[(_question(a), str(a.get("answer") or ""))
                 for a in ev.get("answers") or [] if isinstance(a, dict)],
    )  # fmt: skip
    count_talk_guess(type_name, kind, report)

    builder.session(
        title=title,
        subtitle=clean_line(ev.get("subtitle")),
        start=start,
        end=end,
        duration=duration,
        source_id=str(ev.get("id") or ev.get("guid") or ""),
        schedule_day=day_date,
        type=kind,
        track=track,
        room=room,
        language=clean_line(ev.get("language")),
        speakers=speakers,
        abstract=_join(to_plain(ev.get("abstract")), to_plain(ev.get("description"))),
        url=http_url(ev.get("url"), base_url),
        slides=slides,
        links=links,
        extra=extra,
        where=where,
    )


def _photo(value, base_url, report: Report) -> str | None:
    """An avatar (absolute, or site-relative) → an http(s) URL; dropped with a note otherwise."""
    if not value:
        return None
    if is_relative_ref(value) and not base_url:
        report.drop("relative avatars (no base URL known; pass --base-url)")
        return None
    url = http_url(value, base_url)
    if url:
        report.keep("speaker photos (URLs)")
    else:
        report.drop("avatars with a non-http(s) URL")
    return url


def _question(answer: dict) -> str:
    q = answer.get("question")
    if isinstance(q, dict):
        q = q.get("question") or q.get("id")
    if isinstance(q, dict):  # pretalx i18n {"en": "..."}
        q = next(iter(q.values()), "")
    return str(q or "")


def _int(value) -> int | None:
    """A capacity → a whole number from 0 to 1,000,000 (what the loader accepts), else None."""
    try:
        n = int(value) if value not in (None, "") and len(str(value)) < 20 else None
    except (TypeError, ValueError, OverflowError):
        return None
    return n if n is not None and 0 <= n <= 1_000_000 else None


def _date(text) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None
