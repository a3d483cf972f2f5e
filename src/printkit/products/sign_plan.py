"""Row heights + page capacity → pages of rows (pure planning for room day signs).

Rows never split and never shrink: a day with more rows than fit continues on
another page. Greedy filling in order is optimal for ordered rows (no
arrangement keeping the order needs fewer pages).
"""

from __future__ import annotations

from collections.abc import Sequence


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


def page_label(page: int, pages: int) -> str:
    """'' for a single page, else 'continued (2/3)' style markers for pages after the first."""
    if pages <= 1:
        return ""
    return f"{page}/{pages}" if page == 1 else f"continued ({page}/{pages})"
