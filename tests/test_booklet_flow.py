"""Booklet pagination (pure): order kept, frames not overfilled, headings kept with what follows."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from printkit.products.booklet.flow import Block, paginate, split_lines

FRAME = 100.0


def lines_block(n: int, lh: float = 5.0, tag: str = "") -> Block:
    """A splittable block of n lines (the tag survives into the pieces)."""

    def split(room):
        k = split_lines(n, lh, room)
        if k is None:
            return None
        return lines_block(k, lh, tag), lines_block(n - k, lh, tag)

    return Block(n * lh, tag, split=split if n >= 4 else None, min_height=2 * lh, anchor=tag)


blocks_st = st.lists(
    st.tuples(
        st.sampled_from(["heading", "card", "text", "page"]),
        st.floats(min_value=1, max_value=60),
        st.integers(min_value=1, max_value=30),
    ),
    min_size=1,
    max_size=40,
)


def make(spec):
    out = []
    for i, (kind, h, n) in enumerate(spec):
        tag = f"b{i}"
        if kind == "heading":
            out.append(Block(h / 4 + 2, tag, keep_with_next=True, space_before=3, anchor=tag))
        elif kind == "card":
            out.append(Block(h, tag, space_before=2, anchor=tag))
        elif kind == "text":
            out.append(lines_block(n, tag=tag))
        else:
            out.append(Block(h, tag, new_page=True, anchor=tag))
    return out


@settings(max_examples=200, deadline=None)
@given(blocks_st, st.integers(min_value=1, max_value=3))
def test_pagination_invariants(spec, columns):
    blocks = make(spec)
    pages = paginate(blocks, FRAME, columns)
    frames = [col for p in pages for col in p.columns]
    placed = [pl.block for col in frames for pl in col]
    # order kept; every block appears (split blocks as consecutive pieces)
    tags = [b.draw for b in placed]
    dedup = [t for i, t in enumerate(tags) if i == 0 or tags[i - 1] != t]
    assert dedup == [b.draw for b in blocks]
    # split pieces add up to the whole
    for b in blocks:
        assert abs(sum(p.height for p in placed if p.draw == b.draw) - b.height) < 1e-6
    for col in frames:
        if not col:
            continue
        bottom = col[-1].y + col[-1].block.height
        assert bottom <= FRAME + 0.01 or len(col) == 1  # only a lone oversize block may overflow
        # a heading is never the last thing in a frame while what follows moved on
        last = col[-1].block
        if last.keep_with_next:
            i = [b.draw for b in blocks].index(last.draw)
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            assert following is None or following.new_page or _chain_too_tall(col, blocks, i)
    # new_page blocks start a page
    for p in pages:
        for ci, col in enumerate(p.columns):
            for j, pl in enumerate(col):
                if pl.block.new_page and pl.block in blocks:
                    assert ci == 0 and j == 0


def _chain_too_tall(col, blocks, i) -> bool:
    """A heading may end a frame only if it (and its chain) started the frame and could not fit."""
    first = col[0].block
    j = [b.draw for b in blocks].index(first.draw)
    return all(b.keep_with_next for b in blocks[j : i + 1])


def test_heading_moves_to_next_page_with_its_text():
    blocks = [Block(90, "filler"), Block(5, "heading", keep_with_next=True), Block(20, "card")]
    pages = paginate(blocks, FRAME)
    assert [[pl.block.draw for pl in p.columns[0]] for p in pages] == [
        ["filler"],
        ["heading", "card"],
    ]


def test_text_splits_with_two_lines_each_side():
    blocks = [Block(88, "filler"), lines_block(10, tag="t")]
    pages = paginate(blocks, FRAME)
    first = pages[0].columns[0][-1].block
    assert first.draw == "t" and first.height == 10  # 2 lines of 5
    assert pages[1].columns[0][0].block.height == 40


def test_first_top_leaves_room_on_the_first_page_only():
    pages = paginate([Block(60, "a"), Block(60, "b"), Block(60, "c")], FRAME, 1, first_top=30)
    assert pages[0].columns[0][0].y == 30
    assert pages[1].columns[0][0].y == 0


@given(st.integers(min_value=0, max_value=80), st.integers(min_value=1, max_value=12))
def test_rooms_split_evenly_in_order(n, per_page):
    from printkit.products.booklet.glance import chunk_rooms

    rooms = [f"r{i}" for i in range(n)]
    chunks = chunk_rooms(rooms, per_page)
    assert [r for c in chunks for r in c] == rooms
    sizes = [len(c) for c in chunks]
    assert max(sizes) <= per_page and max(sizes) - min(sizes) <= 1


@given(
    st.lists(st.tuples(st.integers(0, 1400), st.integers(5, 180)), min_size=1, max_size=40),
    st.integers(min_value=30, max_value=600),
)
def test_grid_windows_cover_the_day_and_never_exceed_a_page(talks, max_len):
    from printkit.products.booklet.glance import clusters, cut_times

    spans = [(a, a + d) for a, d in talks]
    for c0, c1 in clusters(spans):
        cuts = cut_times(spans, c0, c1, max_len)
        assert cuts[0] == c0 and cuts[-1] == c1
        assert all(0 < b - a <= max_len for a, b in zip(cuts, cuts[1:], strict=False))
    # every session lies in some cluster
    cl = clusters(spans)
    assert all(any(c0 <= a and b <= c1 for c0, c1 in cl) for a, b in spans)
