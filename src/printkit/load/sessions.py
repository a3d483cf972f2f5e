"""`sessions:` entries → `Session`s: type, start and end (or duration) in the event's zone, host.

Each session keeps its YAML node and path until the cross-reference stage
(`references`) has reported against them.
"""

from __future__ import annotations

import difflib
from datetime import datetime, timedelta

from printkit.load.reader import _Reader
from printkit.load.sections import _section_items, _unique
from printkit.load.values import _links
from printkit.model import SESSION_TYPES, Host, Session, Src

# No printed title shows more: a longer one is cut with "…" (a host card reads the title aloud
# in full, so a 100,000-character title would otherwise fill thousands of cards).
TITLE_MAX = 1000

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


def _sessions(entries, problems, tz) -> list[Session]:
    out, seen = [], {}
    for r, d, path in _section_items(entries, "sessions", problems):
        r.unknown(d, SESSION_KEYS, path)
        sid = r.ident(d, "id", path)
        title = r.text(d, "title", path, required=True)
        if title and len(title) > TITLE_MAX:
            r.warn(d, "title", f"{path}.title", f"title is {len(title):,} characters long; "
                   f"only its first {TITLE_MAX:,} are printed, then …")  # fmt: skip
            title = title[:TITLE_MAX].rstrip() + "…"
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
