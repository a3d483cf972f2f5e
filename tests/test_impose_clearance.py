"""impose.shared_edges / art_clips: touching pieces keep their art clear of the cut lines they share
(pure geometry, property-tested)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from printkit.impose import Slot, art_clips, grid, mirror_slots, shared_edges
from printkit.units import MM

EPS = 1e-6

sheet_sides = st.floats(min_value=100, max_value=900, allow_nan=False)
piece_sides = st.floats(min_value=20, max_value=300, allow_nan=False)
margins = st.floats(min_value=0, max_value=40, allow_nan=False)
clearances = st.floats(min_value=0, max_value=5 * MM, allow_nan=False)


def _touch_grid(sw, sh, pw, ph, m, rot):
    """A grid of pieces edge to edge (no gutter)."""
    return grid(sw, sh, pw, ph, margin=m, gap=0, rotate_allowed=rot)


def _neighbours(slots):
    """Pairs (a, b, axis) of slots sharing a cut line: b right of a ("x") or below a ("y")."""
    for a in slots:
        for b in slots:
            if abs(a.x + a.w - b.x) < 1e-3 and abs(a.y - b.y) < 1e-3:
                yield a, b, "x"
            if abs(b.y + b.h - a.y) < 1e-3 and abs(a.x - b.x) < 1e-3:
                yield a, b, "y"


@settings(max_examples=60, deadline=None)
@given(sw=sheet_sides, sh=sheet_sides, pw=piece_sides, ph=piece_sides, m=margins,
       rot=st.booleans(), c=clearances)  # fmt: skip
def test_touching_neighbours_art_is_two_clearances_apart(sw, sh, pw, ph, m, rot, c):
    slots = _touch_grid(sw, sh, pw, ph, m, rot)
    clips = dict(zip(slots, art_clips(slots, c), strict=True))
    for a, b, axis in _neighbours(slots):
        ca, cb = clips[a], clips[b]
        if c == 0:
            assert ca is None and cb is None
            continue
        if axis == "x":  # the shared line is x = a.x + a.w
            line = a.x + a.w
            assert line - ca[2] >= min(c, a.w / 4) - EPS and cb[0] - line >= min(c, b.w / 4) - EPS
        else:  # the shared line is y = a.y
            line = a.y
            assert ca[1] - line >= min(c, a.h / 4) - EPS and line - cb[3] >= min(c, b.h / 4) - EPS


@settings(max_examples=60, deadline=None)
@given(sw=sheet_sides, sh=sheet_sides, pw=piece_sides, ph=piece_sides, m=margins,
       rot=st.booleans(), c=clearances)  # fmt: skip
def test_clip_is_the_slot_less_clearance_on_shared_edges_only(sw, sh, pw, ph, m, rot, c):
    slots = _touch_grid(sw, sh, pw, ph, m, rot)
    for s, edges, clip in zip(slots, shared_edges(slots), art_clips(slots, c), strict=True):
        if c == 0 or not edges:
            assert clip is None
            continue
        x0, y0, x1, y1 = clip
        assert x0 < x1 and y0 < y1  # never empty
        want = {
            "left": (x0 - s.x, min(c, s.w / 4)),
            "right": (s.x + s.w - x1, min(c, s.w / 4)),
            "bottom": (y0 - s.y, min(c, s.h / 4)),
            "top": (s.y + s.h - y1, min(c, s.h / 4)),
        }
        for edge, (inset, clearance) in want.items():
            # a shared edge is inset by the clearance; an outer edge (sheet side) is left alone
            assert abs(inset - (clearance if edge in edges else 0.0)) < EPS, (edge, s, clip)


@settings(max_examples=60, deadline=None)
@given(
    sw=sheet_sides,
    sh=sheet_sides,
    pw=piece_sides,
    ph=piece_sides,
    m=margins,
    g=st.floats(min_value=0.01, max_value=30, allow_nan=False),
    c=clearances,
)
def test_pieces_with_a_gutter_are_not_clipped(sw, sh, pw, ph, m, g, c):
    slots = grid(sw, sh, pw, ph, margin=m, gap=g)
    assert all(not e for e in shared_edges(slots))
    assert art_clips(slots, c) == [None] * len(slots)


@settings(max_examples=60, deadline=None)
@given(sw=sheet_sides, sh=sheet_sides, pw=piece_sides, ph=piece_sides, m=margins,
       rot=st.booleans(), c=clearances)  # fmt: skip
def test_duplex_backs_clip_the_mirror_of_the_fronts(sw, sh, pw, ph, m, rot, c):
    slots = _touch_grid(sw, sh, pw, ph, m, rot)
    backs = art_clips(mirror_slots(slots, sw), c)
    for front, back in zip(art_clips(slots, c), backs, strict=True):
        if front is None:
            assert back is None
            continue
        x0, y0, x1, y1 = front
        assert all(abs(u - v) < EPS for u, v in zip(back, (sw - x1, y0, sw - x0, y1), strict=True))


def test_a4_4up_a6_shares_one_vertical_and_one_horizontal_cut():
    w, h = 210 * MM, 297 * MM
    slots = grid(w, h, 105 * MM, 148.5 * MM, gap=0)
    assert [sorted(e) for e in shared_edges(slots)] == [
        ["bottom", "right"], ["bottom", "left"], ["right", "top"], ["left", "top"],
    ]  # fmt: skip
    clips = art_clips(slots, 1 * MM)
    assert abs(clips[0][2] - (105 - 1) * MM) < EPS and abs(clips[1][0] - (105 + 1) * MM) < EPS
    assert abs(clips[0][0] - 0) < EPS and abs(clips[0][3] - h) < EPS  # outer edges untouched


def test_corner_touch_alone_is_not_a_shared_edge():
    slots = [Slot(0, 0, 10, 10), Slot(10, 10, 10, 10)]  # diagonal: they meet at a point only
    assert shared_edges(slots) == [frozenset(), frozenset()]
