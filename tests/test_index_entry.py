"""index_entry.py and balanced columns: index entries wrap inside their column (pure geometry)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from printkit.fit import wrap
from printkit.products.booklet.flow import Block, paginate
from printkit.products.booklet.index_entry import HANGING_INDENT, LEADER_MIN, plan_entry


def mono(s: str) -> float:
    return 5.0 * len(s)


def _wrap(text: str, width: float) -> list[str]:
    return wrap(text, width, 1, lambda t, z: mono(t) * z)


@settings(max_examples=50, deadline=None)
@given(
    label=st.text(alphabet="abcdefghij ", min_size=1, max_size=80).filter(str.strip),
    count=st.integers(0, 45),
    width=st.floats(120, 300),
)
def test_an_entry_stays_inside_its_column(label, count, width):
    plan = plan_entry(label, count, width, 9, _wrap, mono)
    assert all(mono(line) <= width for line in plan.lines)
    rows = plan.rows_of(list(range(100, 100 + count)))
    assert sum(len(r) for r, _ in rows) == count  # every reference placed
    assert len(plan.lines) - 1 + len(rows) <= plan.height_lines
    slot = mono("000, ")
    beside, *run_on = rows
    # beside the label's last line: a leader and the numbers, inside the column
    assert mono(plan.lines[-1]) + (LEADER_MIN + len(beside[0]) * slot if beside[0] else 0) <= width
    for nums, _ in run_on:  # run-on rows: right-aligned, never left of the hanging indent
        assert nums and len(nums) * slot <= width - HANGING_INDENT


def test_forty_sessions_run_on_below_the_name():
    plan = plan_entry("Wetterfee Horst", 40, 200, 9, _wrap, mono)
    assert plan.lines == ("Wetterfee Horst",)
    assert plan.run_on >= 3
    rows = plan.rows_of(list(range(40)))
    assert [more for _, more in rows] == [True] * (len(rows) - 1) + [False]


def test_the_last_page_columns_are_balanced():
    blocks = [Block(10.0) for _ in range(30)]  # 300 pt of entries, frames of 500 pt
    (page,) = paginate(blocks, 500, columns=2, balance=True)
    heights = [sum(p.block.height for p in col) for col in page.columns]
    assert heights == [150.0, 150.0]
    (plain,) = paginate(blocks, 500, columns=2)
    assert [len(c) for c in plain.columns] == [30, 0]
