"""impose: n-up grids, duplex mirroring, fill order and cut lines (pure geometry, property-tested)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printkit.impose import Slot, cut_lines, grid, mirror_slots, slot_order
from printkit.units import MM, paper_size

EPS = 1e-6

lengths = st.floats(min_value=20, max_value=400, allow_nan=False)
margins = st.floats(min_value=0, max_value=40, allow_nan=False)
gaps = st.floats(min_value=0, max_value=30, allow_nan=False)


def _inside(s: Slot, w: float, h: float, margin: float = 0.0) -> bool:
    return (
        s.x >= margin - EPS
        and s.y >= margin - EPS
        and s.x + s.w <= w - margin + EPS
        and s.y + s.h <= h - margin + EPS
    )


def _overlap(a: Slot, b: Slot) -> bool:
    return (
        a.x < b.x + b.w - EPS
        and b.x < a.x + a.w - EPS
        and a.y < b.y + b.h - EPS
        and b.y < a.y + a.h - EPS
    )


@settings(max_examples=150, deadline=None)
@given(sw=lengths, sh=lengths, pw=lengths, ph=lengths, m=margins, g=gaps, rot=st.booleans())
def test_slots_inside_sheet_and_disjoint(sw, sh, pw, ph, m, g, rot):
    slots = grid(sw, sh, pw, ph, margin=m, gap=g, rotate_allowed=rot)
    for s in slots:
        assert _inside(s, sw, sh, m)
        assert {round(s.w, 6), round(s.h, 6)} == {round(pw, 6), round(ph, 6)}
    for i, a in enumerate(slots):
        for b in slots[i + 1 :]:
            assert not _overlap(a, b)


@settings(max_examples=150, deadline=None)
@given(sw=lengths, sh=lengths, pw=lengths, ph=lengths, m=margins, g=gaps)
def test_count_is_maximal(sw, sh, pw, ph, m, g):
    """One more column or row would not fit, in either orientation."""
    n = len(grid(sw, sh, pw, ph, margin=m, gap=g, rotate_allowed=True))
    aw, ah = sw - 2 * m, sh - 2 * m

    def most(a, p):
        k = 0
        while (k + 1) * p + k * g <= a + 1e-6:
            k += 1
        return k

    best = max(most(aw, pw) * most(ah, ph), most(aw, ph) * most(ah, pw))
    assert n == best


@settings(max_examples=100, deadline=None)
@given(sw=lengths, sh=lengths, pw=lengths, ph=lengths, m=margins, g=gaps)
def test_mirrored_back_lies_behind_its_front(sw, sh, pw, ph, m, g):
    """Flip the sheet on its vertical edge: x → sheet_w - x. Back i must cover front i."""
    fronts = grid(sw, sh, pw, ph, margin=m, gap=g)
    backs = mirror_slots(fronts, sw)
    assert len(backs) == len(fronts)
    for f, b in zip(fronts, backs, strict=True):
        flipped_x = sw - (b.x + b.w)  # where the back's rectangle ends up after the flip
        assert flipped_x == pytest.approx(f.x)
        assert (b.y, b.w, b.h) == pytest.approx((f.y, f.w, f.h))
        assert (f.rotate + b.rotate) % 360 == 0


def test_row_major_from_top_left():
    w, h = paper_size("A4")
    slots = grid(w, h, 86 * MM, 55 * MM, margin=10 * MM, gap=5 * MM, rotate_allowed=False)
    assert len(slots) == 2 * 4
    assert slots[0].x < slots[1].x and slots[0].y == pytest.approx(slots[1].y)
    assert slots[2].y < slots[0].y  # second row is lower on the page (PDF y grows upwards)
    # centred horizontally and vertically
    left = slots[0].x
    right = w - (slots[1].x + slots[1].w)
    assert left == pytest.approx(right)
    assert slots[-1].y == pytest.approx(h - (slots[0].y + slots[0].h))


def test_rotates_when_that_holds_more():
    w, h = paper_size("A4")
    a6 = (105 * MM, 148 * MM)
    plain = grid(w, h, *a6, margin=10 * MM, rotate_allowed=False)
    turned = grid(w, h, *a6, margin=10 * MM, rotate_allowed=True)
    assert len(plain) == 1 and len(turned) == 2
    assert all(s.rotate == 90 for s in turned)


def test_fixed_grid_at_top_left_margin():
    slots = grid(612, 792, 288, 216, margin=(72, 18, 72, 18), cols=2, rows=3, centre=False)
    assert (slots[0].x, slots[0].y) == pytest.approx((18, 792 - 72 - 216))
    assert (slots[5].x, slots[5].y) == pytest.approx((18 + 288, 72))


def test_piece_too_large_gives_no_slots():
    assert grid(100, 100, 200, 50, rotate_allowed=True) == []


def test_slot_order_skips_used_slots():
    order = list(slot_order(5, per_sheet=4, start_at=3))
    assert order == [(0, 3), (1, 0), (1, 1), (1, 2), (1, 3)]
    with pytest.raises(ValueError):
        list(slot_order(1, per_sheet=4, start_at=4))


def test_cut_lines_never_cross_a_piece():
    w, h = paper_size("A4")
    slots = grid(w, h, 86 * MM, 55 * MM, margin=10 * MM, gap=6 * MM, rotate_allowed=False)
    segs = cut_lines(slots, w, h)
    ON = 1e-3  # a guide this close to a piece edge lies on it (slot edges are rounded)
    assert segs
    for x1, y1, x2, y2 in segs:
        for s in slots:
            if x1 == x2:  # vertical
                crosses = (
                    s.x + ON < x1 < s.x + s.w - ON
                    and min(y1, y2) < s.y + s.h - ON
                    and max(y1, y2) > s.y + ON
                )
            else:
                crosses = (
                    s.y + ON < y1 < s.y + s.h - ON
                    and min(x1, x2) < s.x + s.w - ON
                    and max(x1, x2) > s.x + ON
                )
            assert not crosses
    # every slot edge has a guide reaching the sheet edge
    xs = {round(v, 3) for s in slots for v in (s.x, s.x + s.w)}
    assert xs <= {round(x1, 3) for x1, y1, x2, y2 in segs if x1 == x2 and min(y1, y2) == 0}


def _covered(lo: float, hi: float, spans) -> bool:
    """Whether the spans cover [lo, hi] (to a thousandth of a point)."""
    cur = lo
    for a, b in sorted(spans):
        if a > cur + 1e-3:
            return False
        cur = max(cur, b)
    return cur >= hi - 1e-3


@settings(max_examples=60, deadline=None)
@given(pw=st.floats(min_value=20, max_value=300, allow_nan=False),
       ph=st.floats(min_value=20, max_value=300, allow_nan=False),
       m=margins, g=st.sampled_from([0.0, 1.0, 4.25]), rot=st.booleans())  # fmt: skip
def test_every_slot_edge_has_a_guide_along_its_whole_length(pw, ph, m, g, rot):
    """Also where pieces touch (one shared cut): rounding must not hide the guide."""
    w, h = paper_size("A4")
    slots = grid(w, h, pw, ph, margin=m, gap=g, rotate_allowed=rot)
    segs = cut_lines(slots, w, h)
    for s in slots:
        for x in (s.x, s.x + s.w):
            on = [
                (min(a, b), max(a, b)) for x1, a, x2, b in segs if x1 == x2 and abs(x1 - x) < 1e-3
            ]
            assert _covered(s.y, s.y + s.h, on), (s, x)
        for y in (s.y, s.y + s.h):
            on = [
                (min(a, b), max(a, b)) for a, y1, b, y2 in segs if y1 == y2 and abs(y1 - y) < 1e-3
            ]
            assert _covered(s.x, s.x + s.w, on), (s, y)
