"""Pure planning for signs and cards: row pagination, lines over cards, who gets a card, QR choice."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from printkit.products.card_plan import split_lines
from printkit.products.sign_plan import page_label, paginate

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
