"""Sheet + piece sizes → n-up slots, mirrored duplex slots, fill order, cut lines and art clips (pure geometry).

All lengths are points, origin at the sheet's bottom-left corner (PDF
convention). Slots are listed row-major from the top-left, the order in
which people read a sheet.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

EPS = 1e-6


@dataclass(frozen=True)
class Slot:
    """Where one piece lands on a sheet; `rotate` is 0 or 90 (degrees, counter-clockwise).

    `w` and `h` are the slot's extent on the sheet: for a piece turned by 90°
    they are the piece's height and width.
    """

    x: float
    y: float
    w: float
    h: float
    rotate: int = 0


Margins = tuple[float, float, float, float]  # top, right, bottom, left


def margins4(margin: float | Sequence[float]) -> Margins:
    """One number, (vertical, horizontal) or (top, right, bottom, left) → a 4-tuple."""
    if isinstance(margin, (int, float)):
        m = float(margin)
        return (m, m, m, m)
    vals = tuple(float(v) for v in margin)
    if len(vals) == 2:
        return (vals[0], vals[1], vals[0], vals[1])
    if len(vals) == 4:
        return vals  # type: ignore[return-value]
    raise ValueError(f"margin needs 1, 2 or 4 values, got {len(vals)}")


def _count(space: float, piece: float, gap: float) -> int:
    """How many pieces of length `piece` separated by `gap` fit in `space`."""
    if piece <= 0 or space + EPS < piece:
        return 0
    return int((space + gap + EPS) // (piece + gap))


def grid(
    sheet_w: float,
    sheet_h: float,
    piece_w: float,
    piece_h: float,
    *,
    margin: float | Sequence[float] = 0.0,
    gap: float | Sequence[float] = 0.0,
    cols: int | None = None,
    rows: int | None = None,
    rotate_allowed: bool = True,
    centre: bool = True,
) -> list[Slot]:
    """Lay pieces out on a sheet as a grid; return the slots, row-major from the top-left.

    `margin` keeps pieces away from the sheet edges, `gap` (one number or
    (gap_x, gap_y)) separates them. Without `cols`/`rows` the grid holds as
    many pieces as fit, turning them by 90° when that holds more (and
    `rotate_allowed`). `centre` centres the grid in the printable area;
    otherwise it starts at the top-left margin (label stock with published
    offsets). An empty list means the piece does not fit.
    """
    top, right, bottom, left = margins4(margin)
    gx, gy = (float(gap), float(gap)) if isinstance(gap, (int, float)) else map(float, gap)
    avail_w = sheet_w - left - right
    avail_h = sheet_h - top - bottom

    def layout(pw: float, ph: float) -> tuple[int, int]:
        nc = _count(avail_w, pw, gx) if cols is None else cols
        nr = _count(avail_h, ph, gy) if rows is None else rows
        return nc, nr

    nc, nr = layout(piece_w, piece_h)
    pw, ph, rot = piece_w, piece_h, 0
    if rotate_allowed and cols is None and rows is None:
        rc, rr = layout(piece_h, piece_w)
        if rc * rr > nc * nr:
            nc, nr, pw, ph, rot = rc, rr, piece_h, piece_w, 90
    if nc <= 0 or nr <= 0:
        return []
    block_w = nc * pw + (nc - 1) * gx
    block_h = nr * ph + (nr - 1) * gy
    if centre:
        x0 = left + (avail_w - block_w) / 2
        top_y = sheet_h - top - (avail_h - block_h) / 2
    else:
        x0 = left
        top_y = sheet_h - top
    slots = []
    for r in range(nr):
        y = top_y - (r + 1) * ph - r * gy
        for c in range(nc):
            slots.append(Slot(x0 + c * (pw + gx), y, pw, ph, rot))
    return slots


def mirror_slots(slots: Sequence[Slot], sheet_w: float) -> list[Slot]:
    """Slots for the backs of a duplex sheet flipped on its long (vertical) edge.

    Back i sits at the horizontal mirror of front i, so it lands behind it;
    a piece turned 90° on the front is turned 270° on the back.
    """
    return [Slot(sheet_w - s.x - s.w, s.y, s.w, s.h, (360 - s.rotate) % 360) for s in slots]


def slot_order(n: int, per_sheet: int, start_at: int = 0) -> Iterator[tuple[int, int]]:
    """Piece index → (sheet index, slot index), skipping `start_at` used slots on the first sheet."""
    if per_sheet <= 0:
        raise ValueError("a sheet needs at least one slot")
    if not 0 <= start_at < per_sheet:
        raise ValueError(f"start_at must be between 0 and {per_sheet - 1}")
    for i in range(n):
        k = i + start_at
        yield k // per_sheet, k % per_sheet


Segment = tuple[float, float, float, float]  # x1, y1, x2, y2


def _free(lo: float, hi: float, blocked: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The parts of [lo, hi] not covered by the `blocked` intervals."""
    out = []
    cur = lo
    for a, b in sorted(blocked):
        if a > cur + EPS:
            out.append((cur, min(a, hi)))
        cur = max(cur, b)
        if cur >= hi:
            break
    if cur < hi - EPS:
        out.append((cur, hi))
    return [(a, b) for a, b in out if b - a > EPS]


def cut_lines(
    slots: Sequence[Slot],
    sheet_w: float | None = None,
    sheet_h: float | None = None,
    *,
    reach: float = 20.0,
) -> list[Segment]:
    """Cut guides: lines along every slot edge, never crossing a piece.

    Each line runs the width (or height) of the sheet, or `reach` points
    past the pieces when the sheet size is not given, minus the stretches
    where it would cross a piece's inside. Lines may run along piece edges
    (that is where the cut goes) and through gaps between pieces.
    """
    if not slots:
        return []
    x_lo = min(s.x for s in slots)
    x_hi = max(s.x + s.w for s in slots)
    y_lo = min(s.y for s in slots)
    y_hi = max(s.y + s.h for s in slots)
    sx0, sx1 = (0.0, sheet_w) if sheet_w is not None else (x_lo - reach, x_hi + reach)
    sy0, sy1 = (0.0, sheet_h) if sheet_h is not None else (y_lo - reach, y_hi + reach)
    xs = sorted({round(v, 4) for s in slots for v in (s.x, s.x + s.w)})
    ys = sorted({round(v, 4) for s in slots for v in (s.y, s.y + s.h)})
    segs: list[Segment] = []
    tol = 1e-3  # beyond the rounding above: a line on a slot's own edge is not inside it
    for x in xs:
        blocked = [(s.y, s.y + s.h) for s in slots if s.x + tol < x < s.x + s.w - tol]
        segs += [(x, a, x, b) for a, b in _free(sy0, sy1, blocked)]
    for y in ys:
        blocked = [(s.x, s.x + s.w) for s in slots if s.y + tol < y < s.y + s.h - tol]
        segs += [(a, y, b, y) for a, b in _free(sx0, sx1, blocked)]
    return segs


Rect = tuple[float, float, float, float]  # x0, y0, x1, y1
TOUCH = 1e-3  # points: edges this close are one shared cut line (float error of the grid)


def _spans_meet(a0: float, a1: float, b0: float, b1: float) -> bool:
    """Whether the intervals [a0, a1] and [b0, b1] overlap by more than a point."""
    return min(a1, b1) - max(a0, b0) > TOUCH


def shared_edges(slots: Sequence[Slot]) -> list[frozenset[str]]:
    """Per slot, which of its edges ("left", "right", "bottom", "top") touch a neighbour's.

    Two pieces with no gutter between them are parted by one cut: that line
    is a shared edge of both. Edges facing a gutter or the sheet edge are not.
    """
    out = []
    for s in slots:
        edges = set()
        for o in slots:
            if o is s:
                continue
            if _spans_meet(s.y, s.y + s.h, o.y, o.y + o.h):
                if abs(o.x + o.w - s.x) <= TOUCH:
                    edges.add("left")
                if abs(s.x + s.w - o.x) <= TOUCH:
                    edges.add("right")
            if _spans_meet(s.x, s.x + s.w, o.x, o.x + o.w):
                if abs(o.y + o.h - s.y) <= TOUCH:
                    edges.add("bottom")
                if abs(s.y + s.h - o.y) <= TOUCH:
                    edges.add("top")
        out.append(frozenset(edges))
    return out


def art_clips(slots: Sequence[Slot], clearance: float) -> list[Rect | None]:
    """Per slot, the rectangle its art is clipped to: the slot less `clearance` on shared edges.

    A cut up to `clearance` off a line shared by two touching pieces then
    leaves paper white on either side, never the neighbour's colour. None for
    a slot with no shared edge (or no clearance): nothing to clip. The inset
    is at most a quarter of the slot's side, so a clip keeps at least half of it.
    """
    clips: list[Rect | None] = []
    for s, edges in zip(slots, shared_edges(slots), strict=True):
        if clearance <= 0 or not edges:
            clips.append(None)
            continue
        cx, cy = min(clearance, s.w / 4), min(clearance, s.h / 4)
        clips.append((
            s.x + (cx if "left" in edges else 0.0),
            s.y + (cy if "bottom" in edges else 0.0),
            s.x + s.w - (cx if "right" in edges else 0.0),
            s.y + s.h - (cy if "top" in edges else 0.0),
        ))  # fmt: skip
    return clips
