"""Row heights + page capacity → pages of rows and the type scale to set them at (room day signs).

Rows never split. `paginate` fills pages greedily in order (no order-keeping
arrangement needs fewer pages); `balance` spreads rows over a given number
of pages so that the fullest page is as empty as it can be (7 equal rows on
two pages: 4 + 3, not 6 + 1); `fit_day` picks the largest type scale at
which the day takes as few pages as it would at the floor scale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from printkit.i18n import tr


def paginate(heights: Sequence[float], first: float, rest: float | None = None) -> list[list[int]]:
    """Indices of `heights` in pages: page 1 holds up to `first` points, later pages `rest`.

    Every page gets at least one row, so a row taller than a page still
    appears (alone on its page). No rows → no pages.
    """
    rest = first if rest is None else rest
    pages: list[list[int]] = []
    current: list[int] = []
    used = 0.0
    for i, h in enumerate(heights):
        room = first if not pages else rest
        if current and used + h > room + 1e-6:
            pages.append(current)
            current, used = [], 0.0
        current.append(i)
        used += h
    if current:
        pages.append(current)
    return pages


def fullest(heights: Sequence[float], pages: list[list[int]], first: float, rest: float) -> float:
    """The largest share of its capacity any page uses (1.0 = a full page)."""
    return max(
        (sum(heights[i] for i in p) / (first if n == 0 else rest) for n, p in enumerate(pages)),
        default=0.0,
    )


def balance(heights: Sequence[float], first: float, rest: float | None = None) -> list[list[int]]:
    """The fewest pages `paginate` needs, with rows spread so the fullest page is least full.

    Greedy filling of pages shrunk to a share `t` of their capacity needs
    more pages as `t` falls; the smallest `t` that needs no more pages than
    full pages do fixes the first page, and the rows after it are balanced
    over the remaining pages the same way (13 equal rows: 5 + 4 + 4).
    """
    rest = first if rest is None else rest
    n = len(paginate(heights, first, rest))
    out: list[list[int]] = []
    start, cap = 0, first
    while n > 1:
        hs = heights[start:]
        lo, hi = 0.0, 1.0
        for _ in range(40):
            mid = (lo + hi) / 2
            if len(paginate(hs, cap * mid, rest * mid)) <= n:
                hi = mid
            else:
                lo = mid
        page = paginate(hs, cap * hi, rest * hi)[0]
        out.append([start + i for i in page])
        start += len(page)
        cap, n = rest, n - 1
    if start < len(heights):
        out.append(list(range(start, len(heights))))
    return out


def fit_day(
    measure: Callable[[float], Sequence[float]],
    scales: Sequence[float],
    first: float,
    rest: float | None = None,
) -> tuple[float, list[list[int]]]:
    """(scale, balanced pages): the largest of `scales` whose rows need as few pages as the floor's.

    `scales` run from the largest to the floor (the last one); `measure(k)`
    gives the row heights at scale k and is assumed not to grow as k falls,
    so the page count only falls with k and a binary search finds the scale
    (measuring a handful of scales, not all).
    """
    if not scales:
        raise ValueError("fit_day needs at least one scale")
    rest = first if rest is None else rest
    seen: dict[float, Sequence[float]] = {}

    def heights(k: float) -> Sequence[float]:
        if k not in seen:
            seen[k] = measure(k)
        return seen[k]

    def count(k: float) -> int:
        return len(paginate(heights(k), first, rest))

    least = count(scales[-1])
    lo, hi = 0, len(scales) - 1  # scales[hi] is known to need `least` pages
    if count(scales[0]) <= least:
        hi = 0
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if count(scales[mid]) <= least:
            hi = mid
        else:
            lo = mid
    k = scales[hi]
    return k, balance(heights(k), first, rest)


def scale_steps(size: float, floor: float, step: float = 0.5) -> list[float]:
    """Scales from 1 down to floor/size so that `size` drops `step` points at a time (floor last)."""
    if size <= 0 or floor >= size:
        return [1.0]
    out = []
    s = size
    while s > floor + 1e-9:
        out.append(s / size)
        s -= step
    out.append(floor / size)
    return out


def page_label(page: int, pages: int) -> str:
    """'' for a single page, else 'continued (2/3)' style markers for pages after the first."""
    if pages <= 1:
        return ""
    return (
        f"{page}/{pages}"
        if page == 1
        else tr("continued ({page}/{pages})").format(page=page, pages=pages)
    )
