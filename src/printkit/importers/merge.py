"""An existing event directory's data + newly imported data → one event (upsert by id)."""

from __future__ import annotations

from datetime import date

from printkit.importers.build import Report
from printkit.importers.writer import LIST_FILES


def merge(old: dict, new: dict, report: Report) -> dict:
    """Items with an id already present are updated field by field; others are added.

    The existing event section wins (only missing fields are filled in); its
    dates are widened to cover the merged sessions.
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
            if at is None:
                index[str(item["id"])] = len(items)
                items.append(dict(item))
                added += 1
            else:
                items[at].update(item)
                updated += 1
        if updated:
            report.keep(f"{key} updated (same id)", updated)
        if added:
            report.keep(f"{key} added", added)
        out[key] = items
    place_roomless(out, report)
    _widen_dates(out["event"], out["sessions"])
    return out


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
