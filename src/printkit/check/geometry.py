"""Page boxes and PDF matrices → sizes in mm, bleed per side, containment, distances, ppi.

Plain arithmetic on tuples (points, PDF's row-vector matrices); no PDF library.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

MM = 72 / 25.4
Rect = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def normalize(box: Iterable[float]) -> Rect:
    """Any 4 numbers → (x0, y0, x1, y1) with x0 <= x1 and y0 <= y1."""
    x0, y0, x1, y1 = (float(v) for v in box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def size_mm(box: Rect) -> tuple[float, float]:
    return (box[2] - box[0]) / MM, (box[3] - box[1]) / MM


def bleed_mm(trim: Rect, bleed: Rect) -> tuple[float, float, float, float]:
    """Bleed per side (left, bottom, right, top) in mm: how far BleedBox reaches past TrimBox."""
    return (
        (trim[0] - bleed[0]) / MM,
        (trim[1] - bleed[1]) / MM,
        (bleed[2] - trim[2]) / MM,
        (bleed[3] - trim[3]) / MM,
    )


def inset(box: Rect, by: float) -> Rect:
    return box[0] + by, box[1] + by, box[2] - by, box[3] - by


def contains(outer: Rect, inner: Rect, eps: float = 0.01) -> bool:
    return (
        inner[0] >= outer[0] - eps
        and inner[1] >= outer[1] - eps
        and inner[2] <= outer[2] + eps
        and inner[3] <= outer[3] + eps
    )


def intersects(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inner_distance(box: Rect, glyph: Rect) -> float:
    """Smallest distance (points) from the glyph to the box's edges; negative when it crosses."""
    return min(glyph[0] - box[0], glyph[1] - box[1], box[2] - glyph[2], box[3] - glyph[3])


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m × n in PDF's row-vector convention: apply m, then n (`cm` does CTM' = M × CTM)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def effective_ppi(width_px: int, height_px: int, ctm: Matrix) -> float:
    """Pixels per inch of an image drawn into the unit square under `ctm` (the lower of x and y)."""
    a, b, c, d, _, _ = ctm
    w_in = math.hypot(a, b) / 72
    h_in = math.hypot(c, d) / 72
    if w_in <= 0 or h_in <= 0:
        return math.inf
    return min(width_px / w_in, height_px / h_in)


def _same(a: Rect, b: Rect, eps: float = 0.01) -> bool:
    return all(abs(x - y) <= eps for x, y in zip(a, b, strict=True))
