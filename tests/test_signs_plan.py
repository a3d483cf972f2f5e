"""Pure planning for signs and cards: row pagination, lines over cards, who gets a card, QR choice."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from printkit.products.cards.plan import split_lines
from printkit.products.signs.plan import (
    balance,
    fit_day,
    fullest,
    page_label,
    paginate,
    scale_steps,
)

heights = st.lists(st.floats(min_value=1, max_value=300, allow_nan=False), max_size=60)


@given(heights, st.floats(min_value=50, max_value=800), st.floats(min_value=50, max_value=800))
def test_paginate_keeps_order_fills_pages_and_never_overfills(hs, first, rest):
    pages = paginate(hs, first, rest)
    assert [i for p in pages for i in p] == list(range(len(hs)))
    for n, page in enumerate(pages):
        cap = first if n == 0 else rest
        assert page, "no empty pages"
        used = sum(hs[i] for i in page)
        assert used <= cap + 1e-6 or len(page) == 1, "only a lone oversized row may overfill"
        if n + 1 < len(pages):  # greedy: the next page's first row did not fit here
            assert used + hs[pages[n + 1][0]] > cap + 1e-6


def test_paginate_examples():
    assert paginate([], 100) == []
    assert paginate([40, 40, 40], 100) == [[0, 1], [2]]
    assert paginate([150, 10], 100) == [[0], [1]]
    assert paginate([30, 30, 30, 30], 60, 90) == [[0, 1], [2, 3]]
    assert page_label(1, 1) == ""
    assert page_label(2, 3) == "continued (2/3)"


lines = st.lists(st.one_of(st.just(""), st.text("abc ", min_size=1, max_size=8)), max_size=80)


@given(lines, st.integers(1, 20), st.integers(1, 20))
def test_split_lines_keeps_every_line_in_order(ls, first, rest):
    cards = split_lines(ls, first, rest)
    flat = [x for c in cards for x in c]
    assert [x for x in flat if x.strip()] == [x for x in ls if x.strip()]
    for n, card in enumerate(cards):
        assert len(card) <= (first if n == 0 else rest)
        if card:
            assert card[0].strip(), "a card never starts with a blank line"


def test_split_lines_three_cards():
    ls = [f"line {i}" for i in range(25)]
    cards = split_lines(ls, 10, 8)
    assert [len(c) for c in cards] == [10, 8, 7]


@given(heights, st.floats(min_value=50, max_value=800), st.floats(min_value=50, max_value=800))
def test_balance_keeps_order_and_the_fewest_pages(hs, first, rest):
    pages = balance(hs, first, rest)
    assert [i for p in pages for i in p] == list(range(len(hs)))
    assert len(pages) == len(paginate(hs, first, rest)), "as few pages as greedy filling"
    for n, page in enumerate(pages):
        cap = first if n == 0 else rest
        assert page and (sum(hs[i] for i in page) <= cap + 1e-6 or len(page) == 1)


def _splits(n: int, parts: int):
    for cuts in itertools.combinations(range(1, n), parts - 1):
        bounds = (0, *cuts, n)
        yield [list(range(a, b)) for a, b in itertools.pairwise(bounds)]


@given(
    st.lists(st.floats(min_value=5, max_value=100, allow_nan=False), min_size=1, max_size=9),
    st.floats(min_value=100, max_value=300),
)
def test_balance_leaves_the_fullest_page_least_full(hs, cap):
    pages = balance(hs, cap)
    best = min(fullest(hs, split, cap, cap) for split in _splits(len(hs), len(pages)))
    assert fullest(hs, pages, cap, cap) <= best + 1e-6


def test_balance_examples():
    assert [len(p) for p in balance([10] * 7, 60)] == [4, 3]  # not 6 + 1
    assert [len(p) for p in balance([10] * 13, 60)] == [5, 4, 4]
    assert balance([10, 10], 100) == [[0, 1]]
    assert balance([], 100) == []


def _rows(base):
    """Row heights that shrink with the scale (a title line drops away below 0.8)."""
    return lambda k: [h * k * (0.85 if k < 0.8 and h > 30 else 1.0) for h in base]


@given(
    st.lists(st.floats(min_value=10, max_value=90, allow_nan=False), min_size=1, max_size=30),
    st.floats(min_value=120, max_value=600),
    st.floats(min_value=0.5, max_value=0.95),
)
def test_fit_day_largest_scale_with_the_fewest_pages(base, cap, floor):
    scales = scale_steps(20.0, 20.0 * floor)
    measure = _rows(base)
    k, pages = fit_day(measure, scales, cap)
    assert k in scales and k >= scales[-1] - 1e-9, "never below the floor"
    least = min(len(paginate(measure(s), cap)) for s in scales)
    assert len(pages) == least
    larger = [s for s in scales if s > k + 1e-9]
    assert all(len(paginate(measure(s), cap)) > least for s in larger), "no larger scale fits"
    assert [i for p in pages for i in p] == list(range(len(base)))
    hs = measure(k)
    assert all(sum(hs[i] for i in p) <= cap + 1e-6 or len(p) == 1 for p in pages)


def test_fit_day_shrinks_to_one_page_before_paginating():
    measure = _rows([40.0] * 8)  # 320 pt at full size
    k, pages = fit_day(measure, scale_steps(20, 14), 270)
    assert len(pages) == 1 and 0.7 <= k < 1.0
    k, pages = fit_day(measure, scale_steps(20, 14), 150)  # 3 pages at full size, 2 smaller
    assert len(paginate(measure(1.0), 150)) == 3
    assert [len(p) for p in pages] == [4, 4] and k < 1.0


def test_scale_steps():
    assert scale_steps(19, 14)[0] == 1.0
    assert scale_steps(19, 14)[-1] == 14 / 19
    assert [round(k * 19, 2) for k in scale_steps(19, 17.2)] == [19, 18.5, 18, 17.5, 17.2]
    assert scale_steps(14, 14) == [1.0]
