"""A page count → the saddle-stitch plan: which pages share each printer spread, and the creep.

Pure numbers, no PDF. A booklet of N pages (N a multiple of 4; shorter
counts are padded with blanks, `None`) folds from N/4 sheets. Sheet k
(0 = outermost) carries, in reading order of the flat sheet:

    front:  left N - 2k,   right 1 + 2k
    back:   left 2 + 2k,   right N - 1 - 2k

so every spread's two pages sum to N + 1. Sides come front, back, front,
back… for duplex printing. Creep: inner sheets stick out at the fore-edge
once folded, so their pages move towards the spine; the outermost sheet
moves 0, the innermost the full `creep`, the sheets between in proportion.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Side:
    """One side of a flat sheet: the page on the left half and on the right (None = blank)."""

    left: int | None
    right: int | None


@dataclass(frozen=True)
class SheetPlan:
    """One sheet of the booklet: index (0 = outermost), its two sides, its creep shift."""

    index: int
    front: Side
    back: Side
    shift: float = 0.0


def padded(n_pages: int) -> int:
    """The page count rounded up to a multiple of 4 (at least 4)."""
    if n_pages < 1:
        raise ValueError(f"a booklet needs at least one page, got {n_pages}")
    return -(-n_pages // 4) * 4


def creep_shift(index: int, sheets: int, creep: float) -> float:
    """How far sheet `index`'s pages move towards the spine: 0 outside, `creep` innermost."""
    if not 0 <= index < sheets:
        raise ValueError(f"sheet index {index} outside 0..{sheets - 1}")
    if creep < 0:
        raise ValueError(f"creep must not be negative, got {creep}")
    if sheets == 1:
        return 0.0
    return creep * index / (sheets - 1)


def plan(n_pages: int, creep: float = 0.0) -> list[SheetPlan]:
    """The sheets of an `n_pages` booklet, outermost first (pages past n_pages are blanks)."""
    total = padded(n_pages)
    sheets = total // 4

    def page(p: int) -> int | None:
        return p if p <= n_pages else None

    out = []
    for k in range(sheets):
        front = Side(page(total - 2 * k), page(1 + 2 * k))
        back = Side(page(2 + 2 * k), page(total - 1 - 2 * k))
        out.append(SheetPlan(k, front, back, creep_shift(k, sheets, creep)))
    return out


def sides(sheets: list[SheetPlan]) -> list[tuple[Side, float]]:
    """The flat sides in printing order (front, back, front, back…) with each sheet's shift."""
    out: list[tuple[Side, float]] = []
    for s in sheets:
        out.append((s.front, s.shift))
        out.append((s.back, s.shift))
    return out
