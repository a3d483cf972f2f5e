"""A CMYK text colour + its point size → the nearest colour printed with the inks that size allows.

Small type in four inks fringes on press when the plates misregister. The
rule a prepress desk applies: text under 9 pt uses one ink, under 12 pt at
most two; larger text and areas keep the full colour. `text_ink` finds the
allowed ink combination closest to the full colour (CIE76 ΔE in Lab, through
the bundled FOGRA39 profile; a plain formula without it): a grey becomes a
K tint, a navy a cyan-black mix, an orange magenta-yellow. `reversed_type`
gives white text on a band the size and weight it needs (9 pt, bold below 12);
where smaller white text cannot be avoided the band takes `at_most_inks(c, 2)`.
"""

from __future__ import annotations

import itertools
import math
from functools import cache

from reportlab.lib.colors import CMYKColor

from printkit.press.color import srgb_lab
from printkit.resources import asset

ONE_INK_BELOW = 9.0  # pt: smaller text prints in a single ink
TWO_INKS_BELOW = 12.0  # pt: smaller text prints in at most two inks
INK_FLOOR = 0.005  # a plate value below this prints nothing (0.5 %)


def inks_allowed(size: float) -> int:
    """How many process inks text of `size` points may use: 1, 2 or 4."""
    if size < ONE_INK_BELOW:
        return 1
    if size < TWO_INKS_BELOW:
        return 2
    return 4


def ink_count(cmyk) -> int:
    """The plates a CMYK tuple (0..1 each) puts ink on."""
    return sum(1 for v in cmyk if v >= INK_FLOOR)


def text_ink(c, size: float):
    """`c` (a ReportLab colour) as it may print for text of `size` points.

    Only plain process CMYK colours change; RGB (screen/office), spot and
    registration colours pass unchanged.
    """
    if type(c) is not CMYKColor:  # CMYKColorSep (spot, registration) is a subclass: leave it
        return c
    return at_most_inks(c, inks_allowed(size))


def at_most_inks(c, n: int):
    """`c` printed with at most `n` process inks (the nearest such colour); non-CMYK unchanged."""
    if type(c) is not CMYKColor:
        return c
    cmyk = (c.cyan, c.magenta, c.yellow, c.black)
    if ink_count(cmyk) <= n:
        return c
    return CMYKColor(*_nearest(tuple(round(v, 4) for v in cmyk), n))


@cache
def _nearest(cmyk: tuple[float, float, float, float], n: int) -> tuple[float, ...]:
    """The CMYK tuple with at most `n` inks closest in Lab to `cmyk`: a 4 % grid, then 1 % around the best."""
    target = _labs([cmyk])[0]
    coarse = [i / 25 for i in range(26)]
    best, best_d = (0.0, 0.0, 0.0, 1.0), math.inf
    for chans in itertools.combinations(range(4), n):
        seed, d = _best_on_grid(chans, [coarse] * n, target)
        fine = [[min(1.0, max(0.0, seed[ch] + k / 100)) for k in range(-4, 5)] for ch in chans]
        cand, d = _best_on_grid(chans, fine, target)
        if d < best_d - 1e-9:
            best, best_d = cand, d
    return best


def _best_on_grid(chans, axes, target) -> tuple[tuple[float, ...], float]:
    cands = []
    for vals in itertools.product(*axes):
        v = [0.0, 0.0, 0.0, 0.0]
        for ch, x in zip(chans, vals, strict=True):
            v[ch] = round(x, 2)
        cands.append(tuple(v))
    dists = [math.dist(lab, target) for lab in _labs(cands)]
    i = min(range(len(cands)), key=dists.__getitem__)
    return cands[i], dists[i]


def _labs(cands: list[tuple[float, ...]]) -> list[tuple[float, float, float]]:
    """CMYK tuples → CIE Lab (through the press profile, else the plain formula and sRGB)."""
    tr = _cmyk_to_lab()
    if tr is not None:
        from PIL import Image, ImageCms

        im = Image.new("CMYK", (len(cands), 1))
        im.putdata([tuple(round(v * 255) for v in c) for c in cands])
        out = ImageCms.applyTransform(im, tr)
        return [
            (L * 100 / 255, a - 128, b - 128)
            for L, a, b in (out.getpixel((i, 0)) for i in range(len(cands)))
        ]
    return [srgb_lab(*(255 * (1 - min(1.0, v + c[3])) for v in c[:3])) for c in cands]


@cache
def _cmyk_to_lab():
    path = asset("icc", "printkit-fogra39.icc")
    if not path.is_file():
        return None
    try:
        from PIL import ImageCms

        return ImageCms.buildTransform(
            ImageCms.getOpenProfile(str(path)),
            ImageCms.createProfile("LAB"),
            "CMYK",
            "LAB",
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        )
    except (OSError, ImageCms.PyCMSError):
        return None


REVERSED_MIN = 9.0  # pt: white text reversed out of a four-colour band is at least this big…
REVERSED_REGULAR_MIN = 12.0  # …and bold below this size


def reversed_type(size: float, bold: bool) -> tuple[float, bool]:
    """(size, bold) for white text on a colour band: at least 9 pt, and bold below 12 pt."""
    size = max(size, REVERSED_MIN)
    return size, bold or size < REVERSED_REGULAR_MIN
