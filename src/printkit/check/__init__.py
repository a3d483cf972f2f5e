"""Any PDF → a preflight report: page boxes, fonts, colour, image ppi, output intent, QR codes.

`check_pdf` gathers facts (pikepdf for structure, pypdfium2 for text boxes
and rasters, zxing-cpp for QR codes); `judge` turns facts into PASS/WARN/FAIL
findings for a target (shop, office, screen); `format_report` prints them.
The arithmetic (boxes, matrices, ppi) is plain functions.

One module per family of checks, below the entry `report`: `boxes` (page
boxes, bleed, output intent, annotations), `fonts`, `colour`, `images`
(ppi), `content` (the content-stream walk that finds fonts, colour and
images), `safe_zone` (text near the trim), `qr`, `prepress` (ink per text
size, reversed text, QR module size); under them `facts` (the
records) and `geometry` (the arithmetic).
"""

from __future__ import annotations

from printkit.check.boxes import describe_boxes
from printkit.check.colour import colour_label, is_rgb
from printkit.check.facts import (
    CheckReport,
    Finding,
    FontFact,
    ImageFact,
    PageBoxes,
    QRFact,
    TextNearEdge,
)
from printkit.check.fonts import font_fact
from printkit.check.geometry import (
    IDENTITY,
    MM,
    Matrix,
    Rect,
    bleed_mm,
    contains,
    effective_ppi,
    inner_distance,
    inset,
    intersects,
    multiply,
    normalize,
    size_mm,
)
from printkit.check.images import MIN_PPI
from printkit.check.qr import QR_LINES
from printkit.check.report import (
    NEED_EXTRA,
    check_pdf,
    command,
    default_target,
    format_report,
    judge,
)
from printkit.check.safe_zone import SAFE_MM

# Everything importable from the single module this package replaced.
__all__ = [
    "CheckReport",
    "Finding",
    "FontFact",
    "IDENTITY",
    "ImageFact",
    "MIN_PPI",
    "MM",
    "Matrix",
    "NEED_EXTRA",
    "PageBoxes",
    "QRFact",
    "QR_LINES",
    "Rect",
    "SAFE_MM",
    "TextNearEdge",
    "bleed_mm",
    "check_pdf",
    "colour_label",
    "command",
    "contains",
    "default_target",
    "describe_boxes",
    "effective_ppi",
    "font_fact",
    "format_report",
    "inner_distance",
    "inset",
    "intersects",
    "is_rgb",
    "judge",
    "multiply",
    "normalize",
    "size_mm",
]
