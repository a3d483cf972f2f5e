"""Trim rectangles → crop-mark segments (pure) and the strokes that draw marks and cut lines.

Crop marks sit in the mark area outside the bleed: each trim edge gets a
short line in its own direction, starting `offset` away from the trim
corner (offset ≥ bleed, so no mark ever reaches into the bleed).
"""

from __future__ import annotations

from collections.abc import Iterable

from printkit.units import MM

MARK_LENGTH = 6 * MM
MARK_GAP = 1 * MM  # clearance between the bleed edge and the start of a mark
MARK_AREA = 9 * MM  # page margin beyond the bleed that holds the marks
MARK_WIDTH = 0.25
FOLD_DASH = (1 * MM, 0.7 * MM)  # fold marks are dashed, unlike the solid crop marks
GANG_MARK = 3 * MM  # crop marks between ganged pieces: short, so neighbours' marks never meet
CUT_WIDTH = 0.3
CUT_GREY = "#B3B3B3"  # 30 % grey

Segment = tuple[float, float, float, float]


def crop_mark_segments(
    x: float, y: float, w: float, h: float, *, offset: float, length: float = MARK_LENGTH
) -> list[Segment]:
    """The 8 crop marks of the trim box (x, y, w, h), each starting `offset` outside it."""
    segs: list[Segment] = []
    for cx, sx in ((x, -1), (x + w, 1)):
        for cy, sy in ((y, -1), (y + h, 1)):
            # horizontal mark on the line y = cy, left/right of the corner
            segs.append((cx + sx * offset, cy, cx + sx * (offset + length), cy))
            # vertical mark on the line x = cx, below/above the corner
            segs.append((cx, cy + sy * offset, cx, cy + sy * (offset + length)))
    return segs


def fold_mark_segments(
    x: float, y: float, w: float, h: float, folds, *, offset: float, length: float = MARK_LENGTH
) -> list[Segment]:
    """Marks on each horizontal fold line (`folds`: heights above the trim's foot), both sides."""
    segs: list[Segment] = []
    for f in folds:
        fy = y + f
        segs.append((x - offset, fy, x - offset - length, fy))
        segs.append((x + w + offset, fy, x + w + offset + length, fy))
    return segs


def gang_gutter(bleed: float) -> float:
    """The gutter between ganged pieces: both bleeds, a clear band, and room for both pieces' marks."""
    return 2 * (bleed + MARK_GAP + GANG_MARK) + MARK_GAP


def gang_mark_segments(slots, bleed: float) -> list[Segment]:
    """Crop marks for every piece on a gang-run sheet: 8 short marks each, outside its bleed."""
    segs: list[Segment] = []
    for s in slots:
        segs += crop_mark_segments(s.x, s.y, s.w, s.h, offset=bleed + MARK_GAP, length=GANG_MARK)
    return segs


def stroke_segments(
    canvas, segments: Iterable[Segment], color, width: float, dash: tuple[float, ...] = ()
) -> None:
    """Stroke all segments as one path in `color` (a ReportLab colour), dashed when `dash`."""
    segments = list(segments)
    if not segments:
        return
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setLineWidth(width)
    canvas.setLineCap(0)
    if dash:
        canvas.setDash(list(dash), 0)
    path = canvas.beginPath()
    for x1, y1, x2, y2 in segments:
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()
