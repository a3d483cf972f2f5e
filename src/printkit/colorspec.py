"""Colour specs as written in data and layouts (`#1F3A93`, `#abc`, `black`) → checked, or (r, g, b).

Pure parsing, no ReportLab: layouts and the loader check colours with it;
press/color.py turns the same specs into CMYK or RGB for the canvas.
"""

from __future__ import annotations

import re

NAMED = {"black": "#000000", "white": "#FFFFFF"}
_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def is_color(spec: str) -> bool:
    """True when `spec` is a colour this module understands."""
    if not isinstance(spec, str):
        return False
    s = spec.strip().lower()
    return s in NAMED or s in ("registration", "none") or bool(_HEX.match(s))


def hex_rgb(spec: str) -> tuple[int, int, int]:
    """`#RGB`, `#RRGGBB`, `black` or `white` → (r, g, b) in 0..255."""
    s = NAMED.get(spec.strip().lower(), spec.strip())
    m = _HEX.match(s)
    if not m:
        raise ValueError(f"not a colour: {spec!r} (use #RRGGBB, #RGB, black or white)")
    h = m.group(1)
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
