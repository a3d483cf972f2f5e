"""Measured blocks → pages of columns (pure pagination: keep-with-next, splitting, page breaks).

A Block knows its height before anything is drawn. `paginate` pours blocks
into frames (columns of a page, then the next page) and never leaves a
`keep_with_next` block (a heading) as the last thing in a frame while what
it introduces moves on: the heading moves with it. Long text blocks split
between lines (at least two lines on each side). No drawing happens here;
the booklet draws the placements afterwards, once every page number is known.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

EPS = 0.01


@dataclass
class Block:
    """Something of known height drawn later at (x, y_top) with `draw(surface, x, y_top, ctx)`."""

    height: float
    draw: Callable | None = None
    keep_with_next: bool = False
    space_before: float = 0.0
    new_page: bool = False
    anchor: str | None = None  # a name the page number of which is looked up later
    bookmarks: tuple[tuple[str, int], ...] = ()
    header: str | None = None  # running header from this block's page on
    split: Callable[[float], tuple[Block, Block] | None] | None = None
    min_height: float | None = None  # the smallest first piece when split

    @property
    def first_piece(self) -> float:
        if self.split is not None and self.min_height is not None:
            return min(self.height, self.min_height)
        return self.height


@dataclass
class Placed:
    block: Block
    y: float  # distance from the top of the frame to the top of the block


@dataclass
class Page:
    """One page of a flowed section: `columns` lists of placed blocks, and its running header."""

    columns: list[list[Placed]] = field(default_factory=list)
    header: str | None = None

    @property
    def blocks(self) -> list[Block]:
        return [p.block for col in self.columns for p in col]


def _chain(first: Block, rest: deque[Block]) -> float:
    """Height needed for `first` and, while it keeps with the next, the start of what follows."""
    total = first.height
    prev = first
    for nxt in rest:
        if not prev.keep_with_next or nxt.new_page:
            break
        total += nxt.space_before + nxt.first_piece
        if not nxt.keep_with_next:
            break
        total += nxt.height - nxt.first_piece
        prev = nxt
    return total


def paginate(
    blocks: list[Block],
    frame_height: float,
    columns: int = 1,
    header: str | None = None,
    first_top: float = 0.0,
    balance: bool = False,
) -> list[Page]:
    """Pour `blocks` into pages of `columns` frames of `frame_height` points each.

    On the first page the frames start `first_top` points down (room for a
    full-width heading drawn above the columns). With `balance`, the last
    page's columns are made as even as its blocks allow.
    """
    if frame_height <= 0 or columns < 1:
        raise ValueError("need a positive frame height and at least one column")
    pages: list[Page] = []
    state = {"y": 0.0, "col": 0, "header": header, "top": first_top}

    def new_page() -> None:
        pages.append(Page([[] for _ in range(columns)], state["header"]))
        state["top"] = first_top if len(pages) == 1 else 0.0
        state["y"] = state["top"]
        state["col"] = 0

    def next_frame() -> None:
        if state["col"] + 1 < columns:
            state["col"] += 1
            state["y"] = state["top"]
        else:
            new_page()

    def frame_empty() -> bool:
        return state["y"] <= state["top"] + EPS

    def page_empty() -> bool:
        return not pages[-1].blocks

    def place(b: Block, gap: float) -> None:
        if b.header is not None:
            state["header"] = b.header
            if page_empty():
                pages[-1].header = b.header
        pages[-1].columns[state["col"]].append(Placed(b, state["y"] + gap))
        state["y"] += gap + b.height

    new_page()
    queue = deque(blocks)
    while queue:
        b = queue.popleft()
        if b.new_page and not page_empty():
            new_page()
        gap = 0.0 if frame_empty() else b.space_before
        room = frame_height - state["y"] - gap
        if b.height <= room + EPS:
            if frame_empty() or _chain(b, queue) <= room + EPS:
                place(b, gap)
            else:
                next_frame()
                queue.appendleft(b)
            continue
        parts = b.split(room) if b.split is not None and room > 0 else None
        if parts is not None:
            head, tail = parts
            place(head, gap)
            tail.space_before = 0.0
            next_frame()
            queue.appendleft(tail)
        elif frame_empty():
            place(b, 0.0)  # taller than a frame and unsplittable: it gets a frame of its own
        else:
            next_frame()
            queue.appendleft(b)
    if pages and not pages[-1].blocks and len(pages) > 1:
        pages.pop()
    if balance and columns > 1 and pages:
        pages[-1] = _balanced(
            pages[-1], frame_height, columns, first_top if len(pages) == 1 else 0.0
        )
    return pages


def _balanced(page: Page, frame_height: float, columns: int, top: float) -> Page:
    """`page` poured again into the shortest frames that still hold it on one page."""
    blocks = page.blocks

    def one_page(h: float) -> Page | None:
        out = paginate(blocks, h, columns, page.header, top)
        return out[0] if len(out) == 1 else None

    lo, hi = top, frame_height
    best = page
    for _ in range(30):
        if hi - lo < 0.5:
            break
        mid = (lo + hi) / 2
        got = one_page(mid)
        if got is not None:
            best, hi = got, mid
        else:
            lo = mid
    best.header = page.header
    return best


def split_lines(n_lines: int, line_height: float, room: float, keep: int = 2) -> int | None:
    """How many of `n_lines` fit in `room`, leaving at least `keep` on each side; None if none."""
    k = int((room + EPS) // line_height)
    k = min(k, n_lines - keep)
    if k < keep:
        return None
    return k
