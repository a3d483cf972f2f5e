"""Colour fields → `#RRGGBB`; a track's index → its default colour when it names none."""

from __future__ import annotations

import colorsys
import re

from printkit.load.reader import _Reader

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


# Colour-blind-safe, print-friendly palette for tracks that name no colour (Okabe–Ito, darkened).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F6A00", "#8E44AD")


def palette_color(index: int) -> str:
    """The colour of the index-th track without one: the palette, then golden-angle hues.

    Events with dozens of tracks (FOSDEM has 71) get neighbours that differ
    in hue instead of the palette repeating every eight tracks; each is dark
    enough for white chip text (contrast with white at least 4.5:1).
    """
    if index < len(PALETTE):
        return PALETTE[index]
    hue = (index * 0.381966 + 0.07) % 1.0  # golden angle: successive hues far apart
    light = (0.34, 0.42, 0.50)[index % 3]
    while True:
        rgb = colorsys.hls_to_rgb(hue, light, 0.62)
        if _luminance(rgb) <= 0.183 or light <= 0.1:
            break
        light -= 0.02
    return "#{:02X}{:02X}{:02X}".format(*(round(v * 255) for v in rgb))


def _luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG relative luminance of an sRGB colour (0..1 channels)."""
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _color(r: _Reader, d, key, path) -> str | None:
    v = r.text(d, key, path)
    if v is None:
        return None
    if not HEX.match(v):
        r.err(d, key, f"{path}.{key}", f'expected a hex colour like "#1F3A93", got {v!r}')
        return None
    if len(v) == 4:
        v = "#" + "".join(c * 2 for c in v[1:])
    return v.upper()
