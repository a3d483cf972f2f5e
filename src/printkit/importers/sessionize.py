"""Sessionize API "All" view JSON → event data (via EventBuilder).

Sessionize has no event name and no time zone (its times are naive local
wall-clock, kept as written): --event-name and --timezone are required. Categories of type `session` become the
track (a category whose title mentions track/topic), the session type (one
mentioning type/format/length), or stay as `extra.categories`.
"""

from __future__ import annotations

import re

from printkit.errors import PrintkitError
from printkit.importers.build import EventBuilder, Report, session_type
from printkit.importers.common import clean_line, http_url, parse_datetime, slugify, zone
from printkit.importers.options import ImportOptions
from printkit.importers.shape import ANY, SCALAR, TEXT, Either, conform
from printkit.importers.text import to_plain

_CAPACITY = re.compile(r"^(.*?)\s*\((\d{1,6})\)\s*$")

_SESSION = {
    "id": SCALAR,
    "title": TEXT,
    "description": TEXT,
    "startsAt": TEXT,
    "endsAt": TEXT,
    "isServiceSession": SCALAR,
    "roomId": SCALAR,
    "categoryItems": [SCALAR],
    "speakers": [Either((SCALAR, {"id": SCALAR}))],
    "questionAnswers": [
        {"answerValue": TEXT, "answer": TEXT, "question": TEXT, "questionId": SCALAR}
    ],
    "recordingUrl": TEXT,
    "liveUrl": TEXT,
}
SHAPE = {
    "sessions": [{**_SESSION, "sessions": [_SESSION]}],
    "rooms": [{"id": SCALAR, "name": TEXT}],
    "categories": [{"title": TEXT, "type": TEXT, "items": [{"id": SCALAR, "name": TEXT}]}],
    "speakers": [
        {
            "id": SCALAR,
            "fullName": TEXT,
            "firstName": TEXT,
            "lastName": TEXT,
            "tagLine": TEXT,
            "bio": TEXT,
            "profilePicture": TEXT,
            "links": [{"url": TEXT, "linkType": TEXT, "title": TEXT}],
            "categoryItems": ANY,
            "questionAnswers": ANY,
        }
    ],
    "questions": [{"id": SCALAR, "question": TEXT}],
}


def parse(doc: dict, options: ImportOptions, report: Report) -> dict:
    """Decoded Sessionize "All" JSON → event data dict."""
    if not isinstance(doc, dict) or not isinstance(doc.get("sessions"), list):
        raise PrintkitError(
            f"{options.source_name}: not a Sessionize 'All' view (no sessions list)"
        )
    doc = conform(doc, SHAPE, options.source_name)
    sessions = _flatten(doc["sessions"])
    if not sessions:
        raise PrintkitError(f"{options.source_name}: the Sessionize export holds no sessions")
    missing = [
        f"--{k}" for k in ("event-name", "timezone") if not getattr(options, k.replace("-", "_"))
    ]
    if missing:
        raise PrintkitError(
            f"{options.source_name}: a Sessionize export names neither the event nor its time zone:"
            f" pass {' and '.join(missing)}"
        )
    tz = zone(options.timezone)
    builder = EventBuilder(tz, report, options.source_name)

    rooms: dict = {}
    for r in doc.get("rooms") or []:
        name, capacity = r.get("name"), None
        m = _CAPACITY.match(name or "")
        if m:
            name, capacity = m.group(1), int(m.group(2))
            report.guess("room capacities read from room names, e.g. 'Hall (150)'")
        rooms[r.get("id")] = builder.room(name, capacity=capacity)

    items: dict = {}  # category item id → (role, category title, item name)
    for cat in doc.get("categories") or []:
        title = (cat.get("title") or "").strip()
        low = title.lower()
        role = "other"
        if cat.get("type", "session") == "session":
            if "track" in low or "topic" in low:
                role = "track"
            elif "type" in low or "format" in low or "length" in low:
                role = "type"
        else:
            role = "speaker"
        for item in cat.get("items") or []:
            items[item.get("id")] = (role, title, item.get("name"))
    speaker_ids: dict = {}
    for sp in doc.get("speakers") or []:
        speaker_ids[str(sp.get("id"))] = _speaker(sp, builder, report, items)

    for s in sessions:
        where = f"sessions[id={s.get('id')}]"
        start = report.moment(
            parse_datetime, s.get("startsAt"), options.source_name, where, "startsAt"
        )
        if start is None:
            report.drop("sessions not scheduled (no startsAt)")
            continue
        end = report.moment(parse_datetime, s.get("endsAt"), options.source_name, where, "endsAt")
        if end is not None and (start.tzinfo is None) != (end.tzinfo is None):
            report.error(
                "startsAt and endsAt must both have a UTC offset or both have none",
                options.source_name,
                where,
            )
            continue
        track = None
        type_names: list = []
        categories: dict = {}
        for item_id in s.get("categoryItems") or []:
            role, cat_title, name = items.get(item_id, ("other", "category", None))
            if role == "track" and not track:
                track = builder.track(name)
            elif role == "type" and name:
                type_names.append(name)
            elif name:
                categories[cat_title] = name
        length = end - start if end is not None else None
        type_name = _pick_type(type_names, length, report)
        if s.get("isServiceSession"):
            kind = "break"
        else:
            kind = session_type(type_name, s.get("title"), report, length)
            if kind == "talk" and "keynote" in (s.get("title") or "").lower():
                kind = "keynote"
        room = rooms.get(s.get("roomId"))
        if room is None and kind != "break":
            room = builder.room("To be announced", room_id="tbd")
            report.guess("sessions without a room put in room 'tbd'")
        speakers = []
        for ref in s.get("speakers") or []:
            ref = ref.get("id") if isinstance(ref, dict) else ref
            sid = speaker_ids.get(str(ref))
            if sid is None:
                report.drop("references to unknown speakers")
            elif sid not in speakers:
                speakers.append(sid)
        extra: dict = {}
        if categories:
            extra["categories"] = categories
            report.keep("session categories other than track/type (extra.categories)")
        answers = _answers(s.get("questionAnswers"), doc.get("questions"))
        if answers:
            extra["answers"] = answers
            report.keep("session question answers (extra.answers)")
        links: dict = {}
        video = http_url(s.get("recordingUrl"))
        if s.get("liveUrl") and http_url(s.get("liveUrl")):
            links["live"] = http_url(s.get("liveUrl"))
        builder.session(
            title=s.get("title"),
            start=start,
            end=end,
            source_id=str(s.get("id")),
            type=kind,
            track=track,
            room=room,
            speakers=speakers,
            abstract=to_plain(s.get("description"), keep_lines=True),
            video=video,
            links=links,
            extra=extra,
            where=where,
        )
    builder.require_sessions(len(sessions), "sessions with a startsAt in the sessions list")
    event_name = options.event_name
    event = {
        "id": options.event_id or slugify(event_name) or "event",
        "name": event_name,
        "timezone": options.timezone,
    }
    return builder.finish(event)


_MINUTES = re.compile(r"(\d{1,6})\s*(?:min|minutes?)\b", re.I)


def _pick_type(names: list, length, report: Report) -> str | None:
    """Several type items on one session → the one whose "N min" matches its length, else the first."""
    if len(names) < 2:
        return names[0] if names else None
    if length is not None:
        for name in names:
            m = _MINUTES.search(name)
            if m and int(m.group(1)) == length.total_seconds() // 60:
                report.guess("sessions with several types: the one matching their length")
                return name
    report.guess("sessions with several types: the first one")
    return names[0]


def _flatten(sessions: list) -> list:
    """The 'Sessions' view groups sessions; the 'All' view does not: accept both."""
    out = []
    for s in sessions:
        if isinstance(s, dict) and isinstance(s.get("sessions"), list) and "title" not in s:
            out.extend(x for x in s["sessions"] if isinstance(x, dict))
        elif isinstance(s, dict):
            out.append(s)
    return out


def _speaker(sp: dict, builder: EventBuilder, report: Report, items: dict) -> str | None:
    name = sp.get("fullName") or " ".join(x for x in (sp.get("firstName"), sp.get("lastName")) if x)
    links: dict = {}
    profile_url = None
    for link in sp.get("links") or []:
        url = http_url(link.get("url"))
        if not url:
            report.drop("speaker links with a non-http(s) URL")
            continue
        key = slugify(link.get("linkType") or link.get("title") or "link", 30) or "link"
        key = {"company-website": "website", "blog": "blog"}.get(key, key)
        if key == "sessionize":
            profile_url = url
        links.setdefault(key, url)
    photo = http_url(sp.get("profilePicture"))
    if photo:
        report.keep("speaker photos (URLs)")
    if sp.get("categoryItems"):
        report.drop("speaker category answers (e.g. 'Are you a new speaker?')")
    if sp.get("questionAnswers"):
        report.drop("speaker question answers")
    return builder.person(
        name,
        (f"sessionize:{sp.get('id')}",),
        fallback_id=str(sp.get("id")),
        position=clean_line(sp.get("tagLine")),
        bio=to_plain(sp.get("bio"), keep_lines=True),
        photo=photo,
        profile_url=profile_url,
        links=links,
    )


def _answers(answers, questions) -> list:
    titles = {q.get("id"): q.get("question") for q in questions or [] if isinstance(q, dict)}
    out = []
    for a in answers or []:
        if not isinstance(a, dict):
            continue
        value = a.get("answerValue") or a.get("answer")
        if value in (None, ""):
            continue
        q = a.get("question") or titles.get(a.get("questionId")) or str(a.get("questionId"))
        out.append(
            {"question": clean_line(str(q)), "answer": to_plain(str(value), keep_lines=True)}
        )
    return out
