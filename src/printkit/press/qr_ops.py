"""QR module bits → PDF path operators filling the dark modules, in module units, in bulk.

The same rectangles, in the same order and with the same numbers, as
`qr.qr_rects` (horizontal runs stacked where identical on consecutive rows, or
vertical runs stacked side by side, whichever needs fewer; across on a tie),
written as `x y w h re` lines closed by `f`, with y up from the bottom row.

Nothing here walks the modules one by one in Python: which runs start a
rectangle, where each ends and how many rows it stacks come from big-int bit
operations on the whole grid; positions, lengths and heights are picked out
with `itertools.compress` and `map`; the text comes from tables of
preformatted number pairs. A 33 to 41-module code takes about half the time
of building the rectangles and formatting them one by one (benchmarks/qr.py).
"""

from __future__ import annotations

from functools import cache
from itertools import compress
from operator import getitem, sub

__all__ = ["rect_ops"]

_TO_CELLS = bytes.maketrans(b"01", b"\x00\x01")
_KEY = 256  # pairs (a, b) are looked up as a * _KEY + b; a side is at most 177 modules

_PAIRS: list[str] = []  # "a b " at a * _KEY + b
_SIZES: list[list[str]] = []  # "w h re\n" at [w][h]


def _tables(n: int) -> tuple[list[str], list[list[str]]]:
    """The pair tables, grown to cover numbers up to n."""
    if len(_SIZES) <= n:
        for a in range(len(_PAIRS) // _KEY, n + 1):
            _PAIRS.extend(f"{a} {b} " for b in range(_KEY))
        _SIZES[:] = [[f"{a} {b} re\n" for b in range(n + 1)] for a in range(n + 1)]
    return _PAIRS, _SIZES


@cache
def _keys(n: int) -> tuple[list[int], list[int]]:
    """Per cell p of an n-module grid of stride n + 1: (across key, down key) before the height.

    Across: the cell is (column p % s, row p // s), keyed column, n - row.
    Down (the transposed grid): the cell is (column p // s, row p % s), keyed the same way.
    """
    s = n + 1
    total = n * s
    across = [(p % s) * _KEY + n - p // s for p in range(total)]
    down = [(p // s) * _KEY + n - p % s for p in range(total)]
    return across, down


def _cells(bits: int, total: int) -> bytes:
    """Bits in reversed order (bit total-1-p is cell p) → one byte 0 or 1 per cell, in order."""
    return format(bits, f"0{total}b").encode().translate(_TO_CELLS)


def _starts(grid: str, s: int) -> tuple[int, int, int, int]:
    """A grid of stride s → (cells, run starts, rectangle starts, continuing run starts).

    All as ints in reversed order (bit total-1-p is cell p): there the cell
    right of p is one bit lower, the cell below it s bits lower. A run
    continues a rectangle when the row above has the same run: its cells
    dark there, both its neighbours light there. A run's cells are all good
    when adding a 1 at its last cell carries past its first.
    """
    x = int(grid, 2)
    diff = x ^ (x >> s)  # cells unlike the one above (first row: every dark cell)
    starts = x & ~(x >> 1)
    ends = x & ~(x << 1)
    bad = (diff & x) | (starts & (diff >> 1)) | (ends & (diff << 1))
    good = (((x & ~bad) + ends) & (starts << 1)) >> 1
    return x, starts, starts & ~good, good


def rect_ops(grid: str, n: int) -> str:
    """An n-module grid ('0'/'1' per cell, each row closed by one light '0') → path operators.

    The result is `qr_rects`' rectangles (x, y, w, h), y down, written as
    `f"{x} {n - y - h} {w} {h} re"` one a line, then `f`.
    """
    s = n + 1
    total = n * s
    down = "0".join(grid[c::s] for c in range(n))
    across_parts = _starts(grid, s)
    down_parts = _starts(down + "0", s)
    is_down = down_parts[2].bit_count() < across_parts[2].bit_count()
    g, (_, _, rect, good) = (down + "0", down_parts) if is_down else (grid, across_parts)

    rect_cells = _cells(rect, total)
    at = list(compress(range(total), rect_cells))  # where each rectangle's first run starts
    heights = int.from_bytes(rect_cells, "big")  # one byte per cell: rows each rectangle stacks
    layer, k = rect & (good << s), 2
    while layer:
        heights += int.from_bytes(_cells(layer, total), "big")
        layer &= good << (k * s)
        k += 1
    height = list(map(heights.to_bytes(total, "big").__getitem__, at))
    # in cell order a carry runs from a run's first cell to one past its last
    x = int(g[::-1], 2)
    first_cells = int(format(rect, f"0{total}b")[::-1], 2)
    past = format((x + first_cells) & ~x, f"0{total + 1}b")[::-1]  # one past each last cell
    ends = compress(range(total + 1), past.encode().translate(_TO_CELLS))
    length = list(map(sub, ends, at))
    keys = map(_keys(n)[is_down].__getitem__, at)

    pairs, sizes = _tables(n)
    if is_down:  # x = line, y = start, w = height, h = run length
        first = map(sub, keys, length)
        second = map(getitem, map(sizes.__getitem__, height), length)
    else:  # x = start, y = line, w = run length, h = height
        first = map(sub, keys, height)
        second = map(getitem, map(sizes.__getitem__, length), height)
    ops = [""] * (2 * len(height))
    ops[::2] = map(pairs.__getitem__, first)
    ops[1::2] = second
    return "".join(ops) + ("f" if ops else "\nf")
