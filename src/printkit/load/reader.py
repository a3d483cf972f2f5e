"""YAML nodes with marks (LineDict, LineList) → typed field values, each problem at file:line.

`_Reader` reads text, ids, whole numbers, dates, wall-clock times in the
event's zone, http(s) URLs, lists of text and lists of mappings out of one
file's nodes, and records every problem with its file, line and field path.
"""

from __future__ import annotations

import difflib
import functools
import re
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from printkit.errors import Problems, quote
from printkit.yamlsafe import LineDict, LineList

_DECIMAL = re.compile(r"^[0-9]{1,9}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# An ASCII http(s) URL with a plain host name: urlsplit accepts it with this scheme and host.
_PLAIN_URL = re.compile(r"(?:[hH][tT][tT][pP][sS]?)://[A-Za-z0-9.-]+(?::[0-9]*)?(?:[/?#][!-~]*)?\Z")


class _Reader:
    """Reads typed fields out of LineDicts, recording problems with file:line and path."""

    def __init__(self, file: str, problems: Problems):
        self.file = file
        self.p = problems

    @functools.cached_property
    def base(self) -> Path:
        """The folder of the file, where its relative file names start."""
        return Path(self.file).parent

    def where(self, d, key=None) -> int | None:
        if isinstance(d, LineDict):
            return d.line_of(key) if key is not None else d.line
        return getattr(d, "line", None)

    def err(self, d, key, path, msg):
        self.p.error(msg, self.file, self.where(d, key), path)

    def warn(self, d, key, path, msg):
        self.p.warn(msg, self.file, self.where(d, key), path)

    def mapping(self, value, path, parent=None, key=None) -> LineDict | None:
        if isinstance(value, dict):
            return value
        self.err(
            parent if parent is not None else value,
            key,
            path,
            f"expected a mapping (key: value lines), got {_kind(value)}",
        )
        return None

    def unknown(self, d: LineDict, known: list[str], path: str):
        for k in d:
            if k not in known:
                hint = difflib.get_close_matches(str(k), known, n=1, cutoff=0.6)
                tip = (
                    f"; did you mean '{hint[0]}'?"
                    if hint
                    else f"; known fields: {', '.join(known)}"
                )
                self.warn(d, k, f"{path}.{k}" if path else str(k), f"unknown field{tip}")

    def text(self, d, key, path, required=False) -> str | None:
        v = d.get(key)
        if v.__class__ is str and v and not v.isspace():  # the common case, first
            return v.strip("\n").rstrip()
        if v is None or (isinstance(v, str) and not v.strip()):
            if required:
                self.err(d, key if key in d else None, f"{path}.{key}", "required field is missing")
            return None
        if isinstance(v, (dict, list)):
            self.err(d, key, f"{path}.{key}", f"expected text, got {_kind(v)}")
            return None
        if isinstance(v, bool):
            return "true" if v else "false"
        if not isinstance(v, str):
            if not isinstance(v, (int, float, date)):
                self.err(d, key, f"{path}.{key}", f"expected text, got {type(v).__name__}")
                return None
            raw = getattr(d, "raw", {}).get(key)  # keep `1.10` or `007` as written
            return str(raw if raw is not None else v).strip()
        return v.strip("\n").rstrip()

    def ident(self, d, key, path, slug=False) -> str | None:
        v = self.text(d, key, path, required=True)
        if v is None:
            return None
        if slug and not SLUG.match(v):
            self.err(d, key, f"{path}.{key}", f"'{v}' is not a slug (lowercase a-z, 0-9 and '-')")
        return v

    def integer(self, d, key, path, low: int = 0, high: int = 1_000_000) -> int | None:
        v = d.get(key)
        if v is None:
            return None
        text = str(v).strip()
        if isinstance(v, bool) or not isinstance(v, (int, str)) or not _DECIMAL.match(text):
            self.err(d, key, f"{path}.{key}", f"expected a whole number, got {v!r}")
            return None
        n = int(text)
        if not low <= n <= high:
            self.err(d, key, f"{path}.{key}", f"{n} is out of range ({low} to {high:,})")
            return None
        return n

    def day(self, d, key, path, required=False) -> date | None:
        v = d.get(key)
        if v is None:
            if required:
                self.err(d, None, f"{path}.{key}", "required field is missing")
            return None
        if isinstance(v, datetime):
            return v.date()
        if isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v).strip())
        except ValueError:
            self.err(d, key, f"{path}.{key}", f"expected a date like 2025-05-06, got {v!r}")
            return None

    def moment(self, d, key, path, tz: ZoneInfo | None) -> datetime | None:
        """A wall-clock datetime in the event zone (offsets are converted to it)."""
        v = d.get(key)
        if v is None:
            return None
        if isinstance(v, datetime):
            dt = v
        else:
            s = str(v).strip().replace("T", " ")
            try:
                dt = datetime.fromisoformat(s)
            except ValueError:
                self.err(
                    d, key, f"{path}.{key}", f"expected a time like 2025-05-06 11:10, got {v!r}"
                )
                return None
        if (
            isinstance(v, date)
            and not isinstance(v, datetime)
            or (isinstance(v, str) and len(v.strip()) <= 10)
        ):
            self.err(
                d,
                key,
                f"{path}.{key}",
                f"expected a date and a time like 2025-05-06 11:10, got {v!s}",
            )
            return None
        try:
            if dt.tzinfo is not None:
                dt = dt.astimezone(tz).replace(tzinfo=None) if tz else dt.replace(tzinfo=None)
            elif tz is not None and _in_dst_gap(dt, tz):
                self.warn(
                    d,
                    key,
                    f"{path}.{key}",
                    f"{dt:%Y-%m-%d %H:%M} does not exist in "
                    f"{tz.key} (the clocks skip it when daylight saving time starts)",
                )
        except (OverflowError, ValueError):
            self.err(d, key, f"{path}.{key}", f"time out of range: {v!s}")
            return None
        return dt

    def url(self, d, key, path) -> str | None:
        v = self.text(d, key, path)
        if v is None:
            return None
        return self.check_url(v, d, key, f"{path}.{key}")

    def check_url(self, v: str, d, key, path) -> str | None:
        if _PLAIN_URL.match(v):  # what urlsplit takes as http(s) with a host, seen at once
            return v
        try:
            parts = urlsplit(v)
        except ValueError as exc:  # "Invalid IPv6 URL" for `http://[bad`
            self.err(d, key, path, f"invalid URL {quote(v)} ({exc})")
            return None
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            what = f"scheme '{parts.scheme}:'" if parts.scheme else "no scheme"
            self.err(d, key, path, f"invalid URL {v!r} ({what}); only http and https are allowed")
            return None
        return v

    def strings(self, d, key, path) -> tuple[str, ...]:
        v = d.get(key)
        if v is None:
            return ()
        if isinstance(v, str):
            return (v.strip(),)
        if not isinstance(v, list):
            self.err(d, key, f"{path}.{key}", f"expected a list, got {_kind(v)}")
            return ()
        out = []
        for i, item in enumerate(v):
            if isinstance(item, (dict, list)) or item is None:
                self.err(v, i, f"{path}.{key}[{i}]", f"expected text, got {_kind(item)}")
            elif isinstance(item, str):
                out.append(item.strip())
            else:
                raw = getattr(v, "raw", [None] * len(v))[i]
                out.append(str(raw if raw is not None else item).strip())
        return tuple(out)

    def items(self, d, key, path):
        """Yield (index, LineDict, path) for a list of mappings."""
        v = d.get(key)
        if v is None:
            return
        if not isinstance(v, list):
            self.err(d, key, f"{path}.{key}", f"expected a list, got {_kind(v)}")
            return
        for i, item in enumerate(v):
            ipath = f"{path}.{key}[{i}]" if path else f"{key}[{i}]"
            if isinstance(item, dict):
                yield i, item, ipath
            else:
                line = v.line_of(i) if isinstance(v, LineList) else self.where(d, key)
                self.p.error(f"expected a mapping, got {_kind(item)}", self.file, line, ipath)


def _in_dst_gap(dt: datetime, tz: ZoneInfo) -> bool:
    """True for a wall-clock time the zone skips (e.g. 02:30 on the spring-forward night)."""
    there = dt.replace(tzinfo=tz)
    back = there.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None)
    return back != dt


def _kind(v) -> str:
    if v is None:
        return "nothing"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, (int, float)):
        return f"the number {v}"
    return f"{str(v)[:40]!r}"
