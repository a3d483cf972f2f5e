"""A session's times + its schedule day → time labels that say when a time is on the next day.

A schedule day is a window, not a date: a 00:20 session can be listed under
Saturday. Its times then read "00:20 Sun" so nobody comes a day late. An end
at exactly midnight is not marked (23:00–00:00 is still that evening).
"""

from __future__ import annotations

from datetime import date, datetime, time

from printkit.model import Session
from printkit.products import style


def on_next_day(t: datetime, day: date) -> bool:
    """Whether wall-clock time `t` falls after the calendar date `day` (midnight itself not)."""
    return t.date() > day and not (t.time() == time(0) and (t.date() - day).days == 1)


def day_mark(t: datetime, day: date) -> str:
    """' Sun' (the active language's weekday) when `t` is on a later calendar day than `day`."""
    return f" {style.weekday_label(t.date())}" if on_next_day(t, day) else ""


def time_label(s: Session, which: str = "start") -> str:
    """A session's start (or end) as '00:20 Sun' when it is past its schedule day, else '00:20'."""
    t = s.start if which == "start" else s.end
    return style.time_label(t) + day_mark(t, s.day)


def time_range(s: Session) -> str:
    """'11:10–11:50', or '23:30–00:45 Sun' / '00:20–01:00 Sun' past the schedule day."""
    return style.time_range(s) + day_mark(s.end, s.day)
