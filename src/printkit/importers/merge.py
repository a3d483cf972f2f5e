"""An existing event directory's data + newly imported data → one event (upsert by id)."""

from __future__ import annotations

from datetime import date

from printkit.importers.build import Report
from printkit.importers.writer import LIST_FILES


def merge(old: dict, new: dict, report: Report) -> dict:
    """Items with an id already present are updated field by field; others are added.

    A new session also updates an existing one with the same speaker(s) at the
    same start, else the same title (case and spaces ignored) on the same day;
    the existing id, and its room/track when the new data has none, are kept.
    Values equal but for whitespace keep the existing text. The existing event
    section wins (only missing fields are filled in); its dates are widened to
    cover the merged sessions.
    """
    out = {"event": dict(old.get("event") or {})}
    for key, value in (new.get("event") or {}).items():
        if key not in out["event"] or out["event"][key] in (None, ""):
            out["event"][key] = value
    for key in LIST_FILES:
        items = [dict(x) for x in old.get(key) or [] if isinstance(x, dict)]
        index = {str(x.get("id")): i for i, x in enumerate(items)}
        updated = added = 0
        for item in new.get(key) or []:
            at = index.get(str(item.get("id")))
            if at is None and key == "sessions":
                matched = _matching_session(items, item, report)
                if matched is not None:
                    _update(items[matched], item)
                    continue
            if at is None:
                index[str(item["id"])] = len(items)
                items.append(dict(item))
                added += 1
            else:
                _update(items[at], item)
                updated += 1
        if updated:
            report.keep(f"{key} updated (same id)", updated)
        if added:
            report.keep(f"{key} added", added)
        out[key] = items
    place_roomless(out, report)
    _widen_dates(out["event"], out["sessions"])
    return out


def _norm(value) -> str:
    return " ".join(str(value or "").split()).casefold()


def _matching_session(items: list, new: dict, report: Report) -> int | None:
    """Index of the existing session `new` stands for, else None.

    Same speaker(s) and start time, else the same title (case and spaces
    ignored) on the same day. When the speaker rule finds several (a double
    booking), the one with the same title or the same speaker set is taken;
    a title match beats a speaker match with another title.
    """
    start, speakers = _norm(new.get("start")), set(new.get("speakers") or ())
    title, day = _norm(new.get("title")), start[:10]
    by_speaker = [i for i, s in enumerate(items) if speakers and _norm(s.get("start")) == start
                  and speakers & set(s.get("speakers") or ())]  # fmt: skip
    by_title = [i for i, s in enumerate(items)
                if _norm(s.get("title")) == title and _norm(s.get("start"))[:10] == day]  # fmt: skip
    both = [i for i in by_speaker if i in by_title]
    same_set = [i for i in by_speaker if set(items[i].get("speakers") or ()) == speakers]
    if both:
        found, how = both[0], "speaker and start time"
    elif by_title:
        found, how = by_title[0], "title and day"
    elif len(by_speaker) == 1 or len(same_set) == 1:
        found, how = (by_speaker if len(by_speaker) == 1 else same_set)[0], "speaker and start time"
    else:
        if by_speaker:
            report.guess("sessions added: several existing ones share speaker and start time")
        return None
    report.guess(f"sessions updated: matched by {how} (id kept)")
    return found


def _update(item: dict, new: dict) -> None:
    """Field-by-field update, keeping the id and any text equal but for whitespace."""
    for key, value in new.items():
        if key == "id":
            continue
        old = item.get(key)
        if isinstance(value, str) and isinstance(old, str) and value.split() == old.split():
            continue
        item[key] = value


def place_roomless(data: dict, report: Report) -> None:
    """A new non-break session without a room: the room named like its track, else `tbd`."""
    room_ids = {str(r.get("id")) for r in data["rooms"]}
    for s in data["sessions"]:
        if s.get("room") or s.get("type") == "break":
            continue
        if s.get("track") and str(s["track"]) in room_ids:
            s["room"] = s["track"]
            report.guess("sessions placed in the room of their track")
        else:
            if "tbd" not in room_ids:
                data["rooms"].append({"id": "tbd", "name": "To be announced"})
                room_ids.add("tbd")
            s["room"] = "tbd"
            report.guess("sessions without a room put in room 'tbd'")


def _widen_dates(event: dict, sessions: list) -> None:
    days = []
    for s in sessions:
        for key in ("start", "end"):
            day = _day(s.get(key))
            if day:
                days.append(day)
    if not days:
        return
    start, end = _day(event.get("start")), _day(event.get("end"))
    event["start"] = min([d for d in (start, min(days)) if d])
    event["end"] = max([d for d in (end, max(days)) if d])


def _day(value) -> date | None:
    if isinstance(value, date):
        return value if type(value) is date else value.date()
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
