"""Dates, times and ranges → text in the active language, with Babel's CLDR formats.

Plain `en` keeps printkit's own English wording ("Tue 6 May", "Tuesday 6 May 2025",
24-hour "11:10–11:50"); every other tag (`en-US` included) uses its locale: full and
abbreviated dates, 12- or 24-hour clocks as the locale writes them, and intervals with
the locale's own separator and shared parts ("6–7 mai 2025", "14:40–15:20 Uhr").
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_interval, format_skeleton, format_time

from printkit.i18n import Language, current


def _lang(lang: Language | None) -> Language:
    return lang or current()


def twelve_hour(lang: Language | None = None) -> bool:
    """Whether the locale's short time uses a 12-hour clock (en-US, ko, ar)."""
    lang = _lang(lang)
    return not lang.english_formats and "h" in lang.locale.time_formats["short"].pattern


def day_label(d: date, long: bool = False, lang: Language | None = None) -> str:
    """2025-05-06 → 'Tue 6 May' / 'mar. 6 mai' (or 'Tuesday 6 May 2025' / 'mardi 6 mai 2025')."""
    lang = _lang(lang)
    if lang.english_formats:
        if long:
            return f"{d:%A} {d.day} {d:%B %Y}"
        return f"{d:%a} {d.day} {d:%b}"
    if long:
        return format_date(d, "full", locale=lang.locale)
    return format_skeleton("MMMEd", d, locale=lang.locale)


def time_label(t: datetime, lang: Language | None = None) -> str:
    """'14:40' (or '2:40 PM' where the locale counts 12 hours)."""
    lang = _lang(lang)
    if lang.english_formats:
        return f"{t:%H:%M}"
    return format_time(t, "short", locale=lang.locale)


def time_span(start: datetime, end: datetime, lang: Language | None = None) -> str:
    """'11:10–11:50' in English; the locale's interval format elsewhere."""
    lang = _lang(lang)
    if lang.english_formats:
        return f"{start:%H:%M}–{end:%H:%M}"
    skeleton = "hm" if twelve_hour(lang) else "Hm"
    try:
        return format_interval(start.time(), end.time(), skeleton, locale=lang.locale)
    except NotImplementedError:  # Babel cannot split patterns with day periods ('B', zh-Hant)
        fallback = lang.locale.interval_formats.get(None, "{0}\u2013{1}")
        return fallback.replace("{0}", time_label(start, lang)).replace(
            "{1}", time_label(end, lang)
        )


def date_span(a: date, b: date, lang: Language | None = None) -> str:
    """'6–7 May 2025', '30 Apr – 2 May 2025' in English; the locale's date interval elsewhere."""
    lang = _lang(lang)
    if lang.english_formats:
        if a == b:
            return f"{a.day} {a:%B %Y}"
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}–{b.day} {b:%B %Y}"
        if a.year == b.year:
            return f"{a.day} {a:%b} – {b.day} {b:%b %Y}"
        return f"{a.day} {a:%b %Y} – {b.day} {b:%b %Y}"
    if a == b:
        return format_date(a, "long", locale=lang.locale)
    skeleton = "yMMMMd" if (a.year, a.month) == (b.year, b.month) else "yMMMd"
    return format_interval(a, b, skeleton, locale=lang.locale)


def weekday_label(d: date, lang: Language | None = None) -> str:
    """'Tue' in English; the locale's abbreviated weekday ('mar.', '周二', 'Di.') elsewhere."""
    lang = _lang(lang)
    if lang.english_formats:
        return f"{d:%a}"
    return format_date(d, "EEE", locale=lang.locale)
