"""Saddle-stitch plan: every page once, spreads sum to N+1, fronts and backs alternate, creep."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from printkit import saddle


@given(st.integers(min_value=1, max_value=400))
def test_every_page_exactly_once(n):
    sheets = saddle.plan(n)
    total = saddle.padded(n)
    assert total % 4 == 0 and n <= total < n + 4
    assert len(sheets) == total // 4
    seen = [p for s in sheets for side in (s.front, s.back) for p in (side.left, side.right)]
    printed = [p for p in seen if p is not None]
    assert sorted(printed) == list(range(1, n + 1))
    assert seen.count(None) == total - n


@given(st.integers(min_value=1, max_value=100).map(lambda k: 4 * k))
def test_spreads_pair_first_with_last(n):
    for s in saddle.plan(n):
        for side in (s.front, s.back):
            assert side.left + side.right == n + 1


@given(st.integers(min_value=1, max_value=100).map(lambda k: 4 * k))
def test_fronts_and_backs_alternate_outermost_first(n):
    sides = saddle.sides(saddle.plan(n))
    assert len(sides) == n // 2
    for i, (side, _) in enumerate(sides):
        k = i // 2
        if i % 2 == 0:  # front: the outer sheet's recto on the right, rectos are odd
            assert (side.left, side.right) == (n - 2 * k, 2 * k + 1)
        else:  # back: the verso behind it on the left, even
            assert (side.left, side.right) == (2 * k + 2, n - 1 - 2 * k)
    assert sides[0][0] == saddle.Side(n, 1)


def test_eight_pages_by_hand():
    s = saddle.plan(8)
    assert [(x.front, x.back) for x in s] == [
        (saddle.Side(8, 1), saddle.Side(2, 7)),
        (saddle.Side(6, 3), saddle.Side(4, 5)),
    ]


@given(st.integers(min_value=1, max_value=60), st.floats(min_value=0, max_value=5))
def test_creep_outer_none_inner_full_monotone(sheets, creep):
    shifts = [saddle.creep_shift(k, sheets, creep) for k in range(sheets)]
    assert shifts[0] == 0
    if sheets > 1:
        assert shifts[-1] == pytest.approx(creep)
    assert all(a <= b for a, b in zip(shifts, shifts[1:], strict=False))
    plan = saddle.plan(sheets * 4, creep)
    assert [p.shift for p in plan] == shifts


def test_bad_input():
    with pytest.raises(ValueError):
        saddle.plan(0)
    with pytest.raises(ValueError):
        saddle.creep_shift(0, 3, -1)
