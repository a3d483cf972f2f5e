"""frab / pretalx / FOSDEM / c3voc `schedule.xml` → event data (via EventBuilder)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta

from printkit.errors import PrintkitError
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
    parse_datetime,
    parse_duration,
    slugify,
    zone,
)
from printkit.importers.options import ImportOptions
from printkit.importers.text import to_plain


def _text(el, tag: str) -> str | None:
    child = el.find(tag)
    if child is None or child.text is None:
        return None
    return child.text.strip() or None


def parse(data: bytes, options: ImportOptions, report: Report) -> dict:
    """schedule.xml bytes → event data dict (event, tracks, rooms, speakers, sessions)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise PrintkitError(f"{options.source_name}: not valid XML: {exc}") from None
    if root.tag != "schedule":
        raise PrintkitError(f"{options.source_name}: not a schedule.xml (root <{root.tag}>)")
    conf = root.find("conference")
    if conf is None:
        conf = ET.Element("conference")
    tz_name = options.timezone or _text(conf, "time_zone_name")
    tz = zone(tz_name)
    builder = EventBuilder(tz, report, options.source_name)
    base_url = options.base_url or _text(conf, "base_url") or options.fetched_url

    # tracks: FOSDEM <tracks><track slug=..>Name</track>, c3voc <conference><track name= color=/>
    for el in list(conf.findall("track")) + list(root.findall("tracks/track")):
        name = el.get("name") or (el.text or "").strip()
        builder.track(name, slug=el.get("slug"), color=el.get("color"))
    day_change = _clock(_text(conf, "day_change"))

    seen = 0
    for day in root.findall("day"):
        day_date = _date(day.get("date"))
        for room_el in day.findall("room"):
            room_id = builder.room(room_el.get("name"))
            for ev in room_el.findall("event"):
                seen += 1
                _event(ev, builder, report, tz, base_url, day_date, day_change, room_id)
        # Pentabarf-era files (FOSDEM until about 2012): <event> right under <day>,
        # each naming its room in its own <room> element.
        for ev in day.findall("event"):
            seen += 1
            _event(ev, builder, report, tz, base_url, day_date, day_change, None)
    builder.require_sessions(seen, "<event> elements in <schedule><day><room> or <schedule><day>")
    event = {
        "id": options.event_id or _event_id(_text(conf, "acronym"), _text(conf, "title")),
        "name": options.event_name or clean_line(_text(conf, "title")) or "Imported event",
        "theme": clean_line(_text(conf, "subtitle")),
        "start": _date(_text(conf, "start")),
        "end": _date(_text(conf, "end")),
        "timezone": tz_name,
        "url": http_url(_text(conf, "url")),
        "schedule_url": http_url(base_url),
        "version": clean_line(_text(root, "version")),
    }
    venue = {k: v for k, v in (("name", _text(conf, "venue")), ("city", _text(conf, "city"))) if v}
    if venue:
        event["venue"] = venue
    if not tz_name:
        report.note("no time zone in the source: times kept as written (pass --timezone)")
    return builder.finish(event)


def _event(ev, builder: EventBuilder, report: Report, tz, base_url, day_date, day_change, room_id):
    title = _text(ev, "title")
    where = _where(ev)
    start = None
    if _text(ev, "date"):
        start = report.moment(parse_datetime, _text(ev, "date"), builder.source, where, "date")
        if start is None:
            return
    clock = _clock(_text(ev, "start"))
    if start is None and day_date and clock:
        start = datetime.combine(day_date, clock)
        if day_change and clock < day_change:
            start += timedelta(days=1)  # pentabarf: times before day_change belong to the next date
    if start is None:
        report.drop("events without a date or start time")
        return
    if start.tzinfo is None and tz is not None:
        start = start.replace(tzinfo=tz)
    try:
        duration = parse_duration(_text(ev, "duration"))
    except ValueError:
        duration = None
        report.drop("unreadable durations (end = start)")
    room_name = _text(ev, "room")
    room = builder.room(room_name) if room_name else room_id
    track_el = ev.find("track")
    track = None
    if track_el is not None and ((track_el.text or "").strip() or track_el.get("slug")):
        track = builder.track((track_el.text or "").strip() or None, slug=track_el.get("slug"))
    type_name = _text(ev, "type")
    kind = session_type(type_name, title, report)
    if room is None and kind != "break":
        room = builder.room("To be announced", room_id="tbd")
        report.guess("sessions without a room put in room 'tbd'")

    speakers = []
    for p in ev.findall("persons/person"):
        keys = tuple(f"{attr}:{p.get(attr)}" for attr in ("id", "guid", "code") if p.get(attr))
        sid = builder.person((p.text or "").strip(), keys, fallback_id=p.get("id") or p.get("guid"))
        if sid and sid not in speakers:
            speakers.append(sid)

    abstract = _join(to_plain(_text(ev, "abstract")), to_plain(_text(ev, "description")))
    links: dict = {}
    slides = video = None
    for att in ev.findall("attachments/attachment"):
        href = http_url(att.get("href"), base_url)
        if (att.get("type") or "").lower() == "slides" and href and not slides:
            slides = href
            report.keep("slides (from attachments)")
        else:
            add_link(
                links,
                att.get("type") or att.text or "attachment",
                att.get("href"),
                report,
                base_url,
            )
            report.keep("attachments (session links)")
    for link in ev.findall("links/link"):
        label = (link.text or "").strip()
        href = link.get("href")
        low = label.lower()
        if low.startswith("video recording") and "subtitle" not in low:
            if video is None and http_url(href):
                video = http_url(href)
                report.keep("video recordings")
            else:
                report.drop("extra video formats and subtitle files (one recording kept)")
            continue
        if "subtitle" in low:
            report.drop("extra video formats and subtitle files (one recording kept)")
            continue
        if "feedback" in low:
            continue  # same as <feedback_url>, kept below
        add_link(links, label or "link", href, report, base_url)
        report.keep("other session links")
    feedback = [_text(ev, "feedback_url")]
    if not feedback[0]:  # else the <links> labelled feedback
        feedback = [x.get("href") for x in ev.findall("links/link")
                    if "feedback" in (x.text or "").lower()]  # fmt: skip
    extra = session_extras(
        links, report, base=base_url, feedback=feedback, origin=_text(ev, "origin_url"),
        logo=_text(ev, "logo"), do_not_stream=_text(ev, "do_not_stream"),
        do_not_record=_text(ev, "do_not_record"), recording_optout=ev.findtext("recording/optout"),
        answers=[(a.findtext("question"), a.findtext("answer")) for a in ev.findall("answers/answer")],
    )  # fmt: skip
    count_talk_guess(type_name, kind, report)

    builder.session(
        title=title,
        subtitle=clean_line(_text(ev, "subtitle")),
        start=start,
        duration=duration,
        source_id=ev.get("id") or ev.get("guid"),
        schedule_day=day_date,
        type=kind,
        track=track,
        room=room,
        language=clean_line(_text(ev, "language")),
        speakers=speakers,
        abstract=abstract,
        url=http_url(_text(ev, "url"), base_url),
        video=video,
        where=where,
        slides=slides,
        links=links,
        extra=extra,
    )


def _where(ev) -> str:
    """An <event> element → how messages name it (`<event id="123">`)."""
    for attr in ("id", "guid"):
        if ev.get(attr):
            return f'<event {attr}="{ev.get(attr)[:40]}">'
    return "<event>"


def _join(a: str | None, b: str | None) -> str | None:
    if a and b and b.strip() != a.strip():
        return f"{a}\n\n{b}"
    return a or b


def _clock(text: str | None) -> time | None:
    if not text:
        return None
    parts = text.strip().split(":")
    try:
        return time(int(parts[0]) % 24, int(parts[1]) if len(parts) > 1 else 0)
    except ValueError:
        return None


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _event_id(acronym: str | None, title: str | None) -> str:
    """Acronym if it names the event (has a letter), else the title → slug."""
    a = slugify(acronym)
    if a and any(c.isalpha() for c in a):
        return a
    return slugify(title) or a or "event"
