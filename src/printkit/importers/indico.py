"""Indico HTTP export API JSON (`/export/event/ID.json?detail=contributions|sessions`) → event data.

Contributions become sessions. With `detail=sessions` the contributions sit
inside session blocks: the block's session (its title and colour) becomes the
track when the contribution names none, and the block's `slotTitle`, room and
conveners fill what the contribution leaves out. Speakers come from
`speakers`, else `primaryauthors` (co-authors are not printed).

Times are `{date, time, tz}` objects in the zone the server exported them in
(often UTC or the server's own zone, not the venue's); they are converted to
the event's `timezone`, or to `--timezone` when given. A contribution whose
type, session or block says "poster" becomes a `poster` session, with its
`board_number` kept in `extra.board_number`, and the time of its poster
session (its block's) rather than the slot Indico stacked it in.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from printkit.errors import PrintkitError
from printkit.importers.build import EventBuilder, Report, session_type
from printkit.importers.common import clean_line, http_url, slugify, zone
from printkit.importers.options import ImportOptions
from printkit.importers.text import script_math, to_plain


def parse(doc, options: ImportOptions, report: Report) -> dict:
    """Decoded Indico export JSON → event data dict."""
    event = _the_event(doc, options.source_name, report)
    event_zone = clean_line(event.get("timezone"))
    tz = zone(options.timezone or event_zone)
    builder = EventBuilder(tz, report)
    export_zones = set()
    seen: set[str] = set()
    scheduled = []
    for contrib, block in _contributions(event):
        key = str(contrib.get("db_id") or contrib.get("id") or id(contrib))
        if key in seen:
            continue
        seen.add(key)
        start = _moment(contrib.get("startDate"), options.source_name, export_zones)
        if start is None:
            report.drop("contributions not in the timetable (no startDate)")
            continue
        end = _moment(contrib.get("endDate"), options.source_name, export_zones)
        scheduled.append([contrib, block, start, end])
    _posters_span_their_session(scheduled, options.source_name, export_zones, report)
    for contrib, block, start, end in scheduled:
        _contribution(builder, contrib, block, start, end, report)
    _zone_notes(report, options.timezone, event_zone, export_zones)
    name = clean_line(event.get("title")) or options.event_name or "Imported event"
    data_event = {
        "id": options.event_id or slugify(name) or f"indico-{slugify(str(event.get('id')))}",
        "name": name,
        "timezone": options.timezone or event_zone,
        "url": http_url(event.get("url")),
    }
    venue = {
        "name": clean_line(event.get("location")),
        "address": clean_line(event.get("address")),
    }
    if any(venue.values()):
        data_event["venue"] = {k: v for k, v in venue.items() if v}
    return builder.finish(data_event)


def _the_event(doc, source: str, report: Report) -> dict:
    """The export's first event (an HTTPAPIResult holds `results`; a bare event is accepted)."""
    results = doc.get("results") if isinstance(doc, dict) and "results" in doc else doc
    if isinstance(results, dict):
        results = [results]
    events = [e for e in results or [] if isinstance(e, dict)] if isinstance(results, list) else []
    if not events or not any(k in events[0] for k in ("contributions", "sessions", "title")):
        raise PrintkitError(
            f"{source}: not an Indico event export (no results[] with contributions); "
            "export /export/event/ID.json?detail=contributions"
        )
    if len(events) > 1:
        report.note(f"the export holds {len(events)} events: the first one is imported")
    if "contributions" not in events[0] and "sessions" not in events[0]:
        raise PrintkitError(
            f"{source}: the event has no contributions: add ?detail=contributions to the URL"
        )
    return events[0]


def _contributions(event: dict):
    """(contribution, its session block or None) for every contribution of the event."""
    for c in event.get("contributions") or []:
        if isinstance(c, dict):
            yield c, None
    for block in event.get("sessions") or []:
        if not isinstance(block, dict):
            continue
        for c in block.get("contributions") or []:
            if isinstance(c, dict):
                yield c, block


def _moment(value, source: str, zones: set) -> datetime | None:
    """Indico's `{date, time, tz}` → an aware datetime (None when absent)."""
    if not isinstance(value, dict) or not value.get("date"):
        return None
    text = f"{value['date']}T{value.get('time') or '00:00:00'}"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise PrintkitError(f"{source}: startDate/endDate: not a date and time: {text!r}") from None
    name = clean_line(value.get("tz"))
    if not name:
        return moment
    try:
        zones.add(name)
        return moment.replace(tzinfo=ZoneInfo(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise PrintkitError(f"{source}: startDate.tz: unknown time zone {name!r}") from None


def _posters_span_their_session(scheduled: list, source: str, zones: set, report: Report) -> None:
    """Posters take the time of their poster session, not the slot Indico stacked them in.

    Indico schedules each poster of a session block one after another (JACoW's
    FEL2022: 45 of 47 posters at 17:10–17:30 in a 16:00–17:30 block, the others
    at 16:40, 17:00, ...), though every poster stays up for the whole block.
    Left so, one poster session prints as several. A poster inside a block gets
    the block's start and end; without blocks (`detail=contributions`), the posters
    of one session, day and room get their earliest start and latest end.
    """
    spans: dict[tuple, list] = {}
    for item in scheduled:
        contrib, block, start, end = item
        if not _is_poster(contrib, block):
            continue
        if block is not None:
            b_start = _moment(block.get("startDate"), source, zones)
            b_end = _moment(block.get("endDate"), source, zones)
            if b_start is not None and b_end is not None and b_start <= start and b_end > b_start:
                if (start, end) != (b_start, b_end):
                    report.guess("poster times set to their poster session's (Indico stacks them)")
                item[2:] = [b_start, b_end]
                continue
        title = contrib.get("session") if isinstance(contrib.get("session"), str) else None
        room = clean_line(contrib.get("room")) or clean_line(contrib.get("roomFullname"))
        spans.setdefault((clean_line(title), room, start.date()), []).append(item)
    for items in spans.values():
        first = min(i[2] for i in items)
        last = max(i[3] or i[2] for i in items)
        for item in items:
            if (item[2], item[3]) != (first, last):
                report.guess("poster times set to their poster session's (Indico stacks them)")
            item[2:] = [first, last]


def _zone_notes(report: Report, chosen: str | None, event_zone: str | None, zones: set) -> None:
    others = sorted(z for z in zones if z != (chosen or event_zone))
    if not others:
        return
    target = chosen or event_zone
    if target:
        how = "--timezone" if chosen else "the event's timezone"
        report.note(f"warning: the export gives times in {', '.join(others)}, not the venue's "
                    f"zone; converted to {target} ({how}; pass --timezone to choose another)")  # fmt: skip
    else:
        report.note(f"warning: the export gives times in {', '.join(others)} and names no event "
                    "timezone: times are kept as written; pass --timezone with the venue's zone")  # fmt: skip


def _is_poster(contrib: dict, block: dict | None) -> bool:
    session = (block or {}).get("session") if isinstance((block or {}).get("session"), dict) else {}
    if session.get("isPoster"):
        return True
    names = [contrib.get("type"), contrib.get("session") if isinstance(contrib.get("session"), str)
             else None, session.get("title"), session.get("type"), (block or {}).get("slotTitle")]  # fmt: skip
    return any("poster" in str(n).lower() for n in names if n)


def _contribution(builder: EventBuilder, c: dict, block: dict | None, start, end,
                  report: Report) -> None:  # fmt: skip
    session = (block or {}).get("session") if isinstance((block or {}).get("session"), dict) else {}
    session_title = c.get("session") if isinstance(c.get("session"), str) else session.get("title")
    track = builder.track(c.get("track")) if clean_line(c.get("track")) else None
    if track is None and clean_line(session_title):
        track = builder.track(session_title, color=session.get("color"))
        report.guess("Indico sessions used as tracks (contribution without a track)")
    room_name = (clean_line(c.get("room")) or clean_line(c.get("roomFullname"))
                 or clean_line((block or {}).get("room")) or clean_line((block or {}).get("roomFullname")))  # fmt: skip
    room = builder.room(room_name) if room_name else None
    if room is None:
        room = builder.room("To be announced", room_id="tbd")
        report.guess("contributions without a room put in room 'tbd'")
    if _is_poster(c, block):
        kind = "poster"
        report.keep("poster contributions (type poster)")
    else:
        kind = session_type(c.get("type"), c.get("title"), report, end - start if end else None)
    people = [p for p in c.get("speakers") or [] if isinstance(p, dict)]
    if not people:
        people = [p for p in (c.get("primaryauthors") or c.get("primary_authors") or [])
                  if isinstance(p, dict)]  # fmt: skip
        if people:
            report.guess("contributions without speakers: primary authors listed")
    if c.get("coauthors"):
        report.drop("co-authors (not printed)")
    speakers = [sid for p in people if (sid := _person(builder, p))]
    extra: dict = {}
    board = clean_line(str(c["board_number"])) if c.get("board_number") not in (None, "") else None
    if board:
        extra["board_number"] = board
        report.keep("poster board numbers (extra.board_number)")
    slot = clean_line((block or {}).get("slotTitle"))
    if slot:
        extra["session_block"] = slot
        report.keep("session block titles (extra.session_block)")
    if c.get("code"):
        extra["code"] = clean_line(str(c["code"]))
    if c.get("keywords"):
        report.drop("keywords")
    builder.session(
        title=script_math(c["title"]) if isinstance(c.get("title"), str) else c.get("title"),
        start=start,
        end=end,
        duration=None,
        source_id=str(c.get("friendly_id") or c.get("id") or ""),
        type=kind,
        track=track,
        room=room,
        speakers=list(dict.fromkeys(speakers)),
        abstract=script_math(plain) if (plain := to_plain(c.get("description"))) else plain,
        url=http_url(c.get("url")),
        extra=extra,
    )


def person_name(p: dict) -> str | None:
    """Indico person → "First Last": first/last names trimmed, else `fullName` ("Last, First" turned)."""
    first, last = clean_line(p.get("first_name")), clean_line(p.get("last_name"))
    if first or last:
        return " ".join(x for x in (first, last) if x)
    full = clean_line(p.get("fullName") or p.get("name"))
    if full and full.count(",") == 1:
        last, first = (x.strip() for x in full.split(","))
        return " ".join(x for x in (first, last) if x) or None
    return full


def _person(builder: EventBuilder, p: dict) -> str | None:
    """One Indico person → a speaker id.

    Indico keeps a person per e-mail address, so one author who signed two
    abstracts with two addresses is two people there (JACoW's FEL2022: 44 of
    646 speakers). Records with the same name and the same affiliation are
    one speaker: printed apart they could not be told from each other.
    """
    keys = []
    if p.get("person_id") not in (None, ""):
        keys.append(f"indico-person:{p['person_id']}")
    if p.get("emailHash"):
        keys.append(f"indico-email:{p['emailHash']}")
    name, affiliation = person_name(p), clean_line(p.get("affiliation"))
    if name and affiliation:
        keys.append(f"indico-name-affiliation:{name.casefold()}|{affiliation.casefold()}")
    return builder.person(
        name,
        tuple(keys),
        fallback_id=str(p.get("id") or ""),
        organization=affiliation,
    )
