"""Source values (names, times, durations, URLs) → the clean values our event format holds."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta
from urllib.parse import urljoin, urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from printkit.errors import PrintkitError

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_DURATION_ISO = re.compile(
    r"^P(?:(?P<d>\d+)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$",
    re.IGNORECASE,
)


def slugify(text: str | None, max_len: int = 60) -> str:
    """Any text → `[a-z0-9-]` (accents transliterated; may be empty for CJK-only text)."""
    if not text:
        return ""
    text = text.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("ø", "o")
    text = text.replace("Ø", "O").replace("đ", "d").replace("ł", "l").replace("Ł", "L")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_len:
        cut = slug[:max_len]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_len // 2 :] else cut
        slug = slug.strip("-")
    return slug


class IdPool:
    """Hands out unique slug ids: the wanted slug, else `slug-2`, `slug-3`, ..."""

    def __init__(self, taken: set[str] | None = None):
        self.taken: set[str] = set(taken or ())

    def claim(self, wanted: str, fallback: str) -> str:
        base = wanted or slugify(fallback) or "x"
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate


def parse_duration(text: str | None) -> timedelta | None:
    """`00:30`, `0:30:00`, `1:00:00:00` (d:h:m:s), `PT30M`, `P1DT2H`, `45` (minutes) → timedelta."""
    if text is None:
        return None
    text = str(text).strip()
    if not text:
        return None
    try:
        return _duration(text)
    except OverflowError:  # more than 999,999,999 days, or digits beyond int()'s limit
        raise ValueError(f"duration out of range: {text[:20]!r}") from None


def _duration(text: str) -> timedelta:
    m = _DURATION_ISO.match(text)
    if m and text.upper() != "P":
        d, h, mi, s = (float(m.group(k) or 0) for k in "dhms")
        return timedelta(days=d, hours=h, minutes=mi, seconds=s)
    if text.isascii() and text.isdigit():
        return timedelta(minutes=_int(text))
    parts = text.split(":")
    if 2 <= len(parts) <= 4 and all(p.strip().isascii() and p.strip().isdigit() for p in parts):
        nums = [_int(p) for p in parts]
        if len(parts) == 2:
            return timedelta(hours=nums[0], minutes=nums[1])
        if len(parts) == 3:
            return timedelta(hours=nums[0], minutes=nums[1], seconds=nums[2])
        return timedelta(days=nums[0], hours=nums[1], minutes=nums[2], seconds=nums[3])
    raise ValueError(f"not a duration: {text[:40]!r}")


def _int(digits: str) -> int:
    if len(digits.strip()) > 12:
        raise OverflowError(digits)
    return int(digits)


def parse_datetime(text: str | None) -> datetime | None:
    """ISO 8601 date-time (with `Z`, an offset, or naive) → datetime; None for empty."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


def zone(name: str | None) -> ZoneInfo | None:
    """IANA zone name → ZoneInfo; None for empty; a PrintkitError for an unknown name."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise PrintkitError(f"unknown time zone {name!r}") from exc


def wall_clock(moment: datetime, tz: ZoneInfo | None) -> datetime:
    """An aware or naive datetime → naive wall-clock time in the event's zone."""
    if moment.tzinfo is None or tz is None:
        return moment.replace(tzinfo=None, second=0, microsecond=0)
    return moment.astimezone(tz).replace(tzinfo=None, second=0, microsecond=0)


def fmt_time(moment: datetime) -> str:
    """Naive wall-clock datetime → `YYYY-MM-DD HH:MM`."""
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} {moment:%H:%M}"


def http_url(value: str | None, base: str | None = None) -> str | None:
    """A URL (absolute, or relative to `base`) → an absolute http(s) URL, else None."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return None
    try:
        if base and not urlparse(value).scheme:
            value = urljoin(base, value)
        parts = urlparse(value)
    except ValueError:  # "Invalid IPv6 URL" for `http://[bad`
        return None
    if parts.scheme in ("http", "https") and parts.netloc and not any(c.isspace() for c in value):
        return value
    return None


def is_relative_ref(value: str | None) -> bool:
    """True for a non-empty value with no URL scheme (a path or bare file name)."""
    try:
        return bool(value and value.strip() and not urlparse(value.strip()).scheme)
    except ValueError:  # "Invalid IPv6 URL": not a usable reference of any kind
        return False


# Stray formatting characters seen in real exports (FOSDEM: a name ending in U+2069):
# bidi embeddings/isolates, zero-width space and BOM. They print as nothing but break
# matching and sorting; printkit's own bidi handles direction.
_INVISIBLE = dict.fromkeys([0x200B, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)], None)


def clean_line(text: str | None) -> str | None:
    """A one-line field (title, name): invisible controls dropped, whitespace collapsed."""
    if text is None:
        return None
    text = " ".join(str(text).translate(_INVISIBLE).split())
    return text or None


def truthy(value) -> bool:
    """`True`, `"True"`, `"true"`, `"1"`, `"yes"` → True (Python-style bool strings in c3voc XML)."""
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in ("true", "1", "yes", "y")
