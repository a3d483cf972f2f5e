"""Colour specs (`#1F3A93`, `#fff`, `black`, `registration`) → ReportLab colours for a target.

On print targets (cmyk=True) sRGB colours go through the bundled FOGRA39
profile (relative colorimetric, black point compensation) when it is there,
else through a plain formula. Neutral greys (chroma C* under 6, so the
slightly blue-grey #5F6368 too) and black become tints of black ink only, a
neutral grey rather than four inks sent through the profile (text black is
0/0/0/100, never a rich black that would misregister).
`registration` paints on every plate (crop marks).
"""

from __future__ import annotations

import math
from functools import cache

from reportlab.lib.colors import CMYKColor, CMYKColorSep, Color

from printkit.colorspec import NAMED, hex_rgb, is_color  # noqa: F401  (re-exported)
from printkit.resources import asset

NEUTRAL_CHROMA = 6.0  # CIE C* below which an sRGB colour is a grey and prints as K only


def to_color(spec, cmyk: bool):
    """A colour spec → CMYKColor (cmyk=True) or Color; `none` → None.

    ReportLab colour objects pass through unchanged (the canvas then decides
    whether they are allowed).
    """
    if spec is None or isinstance(spec, Color):
        return spec
    key = spec.strip().lower()
    if key == "none":
        return None
    if key == "registration":
        return _registration() if cmyk else Color(0, 0, 0)
    return _cmyk(key) if cmyk else _rgb(key)


def tint(spec: str, amount: float) -> str:
    """Mix a colour with white: `amount` 1 keeps it, 0.1 is a light 10 % tint → `#RRGGBB`."""
    a = min(1.0, max(0.0, float(amount)))
    r, g, b = hex_rgb(spec)
    mix = (round(255 - (255 - v) * a) for v in (r, g, b))
    return "#{:02X}{:02X}{:02X}".format(*mix)


@cache
def _registration() -> CMYKColor:
    return CMYKColorSep(1, 1, 1, 1, spotName="All")


@cache
def _rgb(key: str) -> Color:
    r, g, b = hex_rgb(key)
    return Color(r / 255, g / 255, b / 255)


@cache
def _cmyk(key: str) -> CMYKColor:
    r, g, b = hex_rgb(key)
    lstar, a, b_ = srgb_lab(r, g, b)
    if math.hypot(a, b_) < NEUTRAL_CHROMA:
        return CMYKColor(0, 0, 0, _k_for_lightness(lstar))
    c, m, y, k = _icc_cmyk(r, g, b) or _formula_cmyk(r, g, b)
    return CMYKColor(round(c, 4), round(m, 4), round(y, 4), round(k, 4))


def srgb_lab(r: float, g: float, b: float) -> tuple[float, float, float]:
    """sRGB 0..255 → CIE L*a*b* (D65)."""

    def lin(v: float) -> float:
        f = v / 255
        return f / 12.92 if f <= 0.04045 else ((f + 0.055) / 1.055) ** 2.4

    rl, gl, bl = lin(r), lin(g), lin(b)
    x = (0.4124 * rl + 0.3576 * gl + 0.1805 * bl) / 0.95047
    y = 0.2126 * rl + 0.7152 * gl + 0.0722 * bl
    z = (0.0193 * rl + 0.1192 * gl + 0.9505 * bl) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _k_for_lightness(lstar: float) -> float:
    """L* of a grey → black ink coverage that prints about as light (K only)."""
    # a K tint of t reaches roughly L* = 100 - t * 84 on coated stock
    return round(min(1.0, max(0.0, (100 - lstar) / 84)), 4)


def _formula_cmyk(r: int, g: int, b: int) -> tuple[float, float, float, float]:
    rf, gf, bf = r / 255, g / 255, b / 255
    k = 1 - max(rf, gf, bf)
    if k >= 1:
        return 0.0, 0.0, 0.0, 1.0
    return ((1 - rf - k) / (1 - k), (1 - gf - k) / (1 - k), (1 - bf - k) / (1 - k), k)


@cache
def _transform():
    """sRGB → printkit FOGRA39 transform, or None when the profile is not bundled."""
    path = asset("icc", "printkit-fogra39.icc")
    if not path.is_file():
        return None
    try:
        from PIL import ImageCms

        srgb = asset("icc", "sRGB.icc")
        src = (
            ImageCms.getOpenProfile(str(srgb)) if srgb.is_file() else ImageCms.createProfile("sRGB")
        )
        dst = ImageCms.getOpenProfile(str(path))
        return ImageCms.buildTransform(
            src,
            dst,
            "RGB",
            "CMYK",
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
            flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
        )
    except (OSError, ImageCms.PyCMSError):  # a broken profile: fall back to the formula
        return None


def _icc_cmyk(r: int, g: int, b: int) -> tuple[float, float, float, float] | None:
    tr = _transform()
    if tr is None:
        return None
    from PIL import Image, ImageCms

    px = ImageCms.applyTransform(Image.new("RGB", (1, 1), (r, g, b)), tr).getpixel((0, 0))
    return tuple(v / 255 for v in px)  # type: ignore[return-value]
