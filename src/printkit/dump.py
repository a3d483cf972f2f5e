"""An Event → plain data in the spec's shape (for YAML), the inverse of `printkit.load`."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date, datetime
from pathlib import Path

from printkit.model import Event, Session, Speaker

_SKIP = {"src", "base_dir", "source", "modified", "color_given"}


def _plain(obj):
    """Dataclasses → dicts without None/empty values; tuples → lists; dates → ISO text."""
    if is_dataclass(obj):
        out = {}
        for f in fields(obj):
            if f.name in _SKIP:
                continue
            v = _plain(getattr(obj, f.name))
            if v is None or v == [] or v == {}:
                continue
            out[f.name] = v
        return out
    if isinstance(obj, tuple):
        return [_plain(x) for x in obj]
    if isinstance(obj, datetime):
        return obj.strftime("%Y-%m-%d %H:%M")
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, Path):
        return str(obj)
    return obj


def _pairs(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return dict(items)


def speaker_data(s: Speaker) -> dict:
    d = _plain(s)
    if s.links:
        d["links"] = _pairs(s.links)
    return d


def session_data(s: Session) -> dict:
    d = _plain(s)
    if s.links:
        d["links"] = _pairs(s.links)
    return d


def event_data(ev: Event) -> dict:
    """The whole event as one mapping with the keys event, tracks, rooms, speakers, sessions."""
    head = _plain(ev)
    for k in ("tracks", "rooms", "speakers", "sessions"):
        head.pop(k, None)
    return {
        "event": head,
        "tracks": [_plain(t) for t in ev.tracks],
        "rooms": [_plain(r) for r in ev.rooms],
        "speakers": [speaker_data(s) for s in ev.speakers],
        "sessions": [session_data(s) for s in ev.sessions],
    }
