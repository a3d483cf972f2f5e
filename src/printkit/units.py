"""Human lengths and paper names (`85mm`, `4in`, `12pt`, `A6`) → PostScript points."""

from __future__ import annotations

import re

MM = 72 / 25.4
INCH = 72.0
CM = 10 * MM

_UNITS = {"mm": MM, "cm": CM, "in": INCH, "pt": 1.0, "px": 0.75}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|px)?\s*$")

# Paper sizes in millimetres (ISO 216) or inches (ANSI), portrait.
PAPER_MM = {
    "A3": (297, 420),
    "A4": (210, 297),
    "A5": (148, 210),
    "A6": (105, 148),
    "A7": (74, 105),
    "CR80": (85.6, 53.98),
}
PAPER_IN = {
    "LETTER": (8.5, 11),
    "LEGAL": (8.5, 14),
    "TABLOID": (11, 17),
    "HALF-LETTER": (5.5, 8.5),
    "LETTER-HALF": (5.5, 8.5),
}


def parse_length(value: str | int | float) -> float:
    """`85mm`, `4in`, `12pt`, `1.5cm` or a bare number (points) → points."""
    if isinstance(value, bool):
        raise ValueError(f"not a length: {value!r}")
    if isinstance(value, (int, float)):
        return float(value)
    m = _LENGTH.match(str(value))
    if not m:
        raise ValueError(f"not a length: {value!r} (use e.g. 85mm, 4in, 12pt)")
    number, unit = m.groups()
    return float(number) * _UNITS[unit or "pt"]


def paper_size(name: str) -> tuple[float, float]:
    """A paper name (`A4`, `letter`, `A6`) → (width, height) in points, portrait."""
    key = name.strip().upper()
    if key in PAPER_MM:
        w, h = PAPER_MM[key]
        return w * MM, h * MM
    if key in PAPER_IN:
        w, h = PAPER_IN[key]
        return w * INCH, h * INCH
    raise ValueError(
        f"unknown paper size {name!r}; known: {', '.join(sorted(PAPER_MM) + sorted(PAPER_IN))}"
    )


def is_inch_based(name_or_size: str | tuple[float, float]) -> bool:
    """True for US paper (Letter, Tabloid...): bleed is then 0.125 in instead of 3 mm."""
    if isinstance(name_or_size, str):
        return name_or_size.strip().upper() in PAPER_IN
    w, h = name_or_size
    return all(abs(v / INCH * 8 - round(v / INCH * 8)) < 1e-6 for v in (w, h))
