"""Sessions → what a host reads aloud, and wrapped lines → cards (pure planning for cue cards).

`cue_sessions` picks the sessions that get cards, `spoken_text` gives the
host's introduction or one built from the speakers' position, organization
and the talk title, `split_lines` spreads wrapped lines over cards in order.
"""

from __future__ import annotations

from collections.abc import Sequence

from printkit.model import Event, Session, Speaker

SPOKEN_TYPES = ("talk", "keynote", "panel", "workshop", "lightning")


def has_introduction(s: Session) -> bool:
    return bool(s.host and s.host.introduction and s.host.introduction.strip())


def cue_sessions(event: Event) -> list[Session]:
    """Sessions with a host introduction, and talks/keynotes/panels/workshops with speakers.

    In order of day, room (as listed in the event) and time, so a host
    working one room holds the cards in running order.
    """
    order = {r.id: i for i, r in enumerate(event.rooms)}
    out = [
        s
        for s in event.sessions
        if has_introduction(s) or (s.type in SPOKEN_TYPES and event.session_speakers(s))
    ]
    return sorted(out, key=lambda s: (s.day, order.get(s.room, len(order)), s.start, s.end))


def _who(sp: Speaker) -> str:
    role = sp.position
    org = sp.organization
    if role and org:
        return f"{sp.name}, {role} at {org}"
    if role or org:
        return f"{sp.name}, {role or org}"
    return sp.name


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return "; ".join(items[:-1]) + "; and " + items[-1]


def spoken_text(event: Event, s: Session) -> tuple[str, bool]:
    """(text to read, True when it is the host's own introduction)."""
    if has_introduction(s):
        return s.host.introduction.strip(), True
    speakers = event.session_speakers(s)
    who = _join([_who(sp) for sp in speakers])
    kind = {"keynote": "keynote", "panel": "panel", "workshop": "workshop"}.get(s.type, "talk")
    if s.type == "panel":
        return f"Our panel, “{s.title}”, brings together {who}. Please welcome them.", False
    if len(speakers) > 1:
        return f"Please welcome {who}, with their {kind}: “{s.title}”.", False
    return f"Please welcome {who}, with the {kind} “{s.title}”.", False


def split_lines(lines: Sequence[str], first: int, rest: int) -> list[list[str]]:
    """Lines in order onto cards holding `first`, then `rest` lines each (at least one).

    A card never starts with a blank line (a paragraph break at a card edge
    is dropped); every non-blank line appears exactly once, in order.
    """
    first, rest = max(1, first), max(1, rest)
    cards: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        cap = first if not cards else rest
        if not current and not line.strip():
            continue
        if len(current) == cap:
            cards.append(current)
            current = []
            if not line.strip():
                continue
        current.append(line)
    while current and not current[-1].strip():
        current.pop()
    if current:
        cards.append(current)
    return cards or [[]]
