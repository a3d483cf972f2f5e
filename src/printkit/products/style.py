"""Event, track, session → the shared visual language of every product: palette, type scale, wording of times and roles.

One place decides how printkit material looks, so a badge, a door sign and a
booklet page from the same event read as one family.
"""

from __future__ import annotations

from datetime import date, datetime

from printkit import localdates
from printkit.i18n import N_, tr
from printkit.model import Event, Session, Track
from printkit.names import HONORIFICS, plain_name, split_name  # noqa: F401  (re-exported)

# Neutrals (sRGB hex; the press converts them to CMYK for shop output; greys become K only).
INK = "#1A1A1A"  # body text: near-black prints as K only
MUTED = "#5F6368"  # secondary text: times, organizations
FAINT = "#9AA0A6"  # rules, captions
PAPER_TINT = "#F4F5F7"  # light panels
WHITE = "#FFFFFF"

# Type scale (points) for A4/A5 material; badges and signs scale from their layouts.
SCALE = {"caption": 7.5, "small": 8.5, "body": 9.5, "lead": 11.5, "h3": 13, "h2": 17, "h1": 26}

ROLE_LABELS = {
    "speaker": N_("SPEAKER"),
    "attendee": N_("ATTENDEE"),
    "staff": N_("STAFF"),
    "volunteer": N_("VOLUNTEER"),
    "press": N_("PRESS"),
    "sponsor": N_("SPONSOR"),
    "organizer": N_("ORGANIZER"),
}
# Role band colours: distinct in hue AND lightness, and always printed with the word.
ROLE_COLORS = {
    "speaker": None,  # the event's primary colour
    "attendee": "#4A5560",
    "staff": "#C0392B",
    "volunteer": "#1E8449",
    "press": "#7D3C98",
    "sponsor": "#B9770E",
    "organizer": "#111111",
}

SESSION_TYPE_LABELS = {
    "talk": N_("Talk"),
    "keynote": N_("Keynote"),
    "workshop": N_("Workshop"),
    "panel": N_("Panel"),
    "lightning": N_("Lightning talks"),
    "break": N_("Break"),
    "social": N_("Social"),
    "poster": N_("Posters"),
}


def role_label(role: str) -> str:
    """The role band's word in the active language (SPEAKER, INTERVENANT·E...)."""
    return tr(ROLE_LABELS[role]) if role in ROLE_LABELS else role.upper()


def type_label(session_type: str) -> str:
    """'Keynote', 'Atelier'...: a session type in the active language ('' when unknown)."""
    return tr(SESSION_TYPE_LABELS[session_type]) if session_type in SESSION_TYPE_LABELS else ""


def role_color(event: Event, role: str) -> str:
    return ROLE_COLORS.get(role) or event.colors.primary


def track_color(event: Event, session: Session, fallback: str = FAINT) -> str:
    t: Track | None = event.track(session.track)
    return t.color if t else fallback


def day_label(d: date, long: bool = False) -> str:
    """2025-05-06 → 'Tue 6 May' (or 'Tuesday 6 May 2025'), in the active language."""
    return localdates.day_label(d, long)


def weekday_label(d: date) -> str:
    """'Tue', 'mar.', '周二': the abbreviated weekday in the active language."""
    return localdates.weekday_label(d)


def time_label(t: datetime) -> str:
    return localdates.time_label(t)


def time_range(s: Session) -> str:
    """'11:10–11:50' (en dash, no spaces); the locale's interval in other languages."""
    return localdates.time_span(s.start, s.end)


def date_range(event: Event) -> str:
    """'6–7 May 2025', '30 Apr – 2 May 2025', '30 Dec 2024 – 2 Jan 2025'."""
    return localdates.date_span(event.start, event.end)


def speaker_names(event: Event, session: Session) -> str:
    return ", ".join(sp.name for sp in event.session_speakers(session))
