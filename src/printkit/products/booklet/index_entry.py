"""An index entry's label + how many page references → its lines and rows of numbers (pure).

The label wraps within its column, keeping room for a few numbers beside its
last line. References that do not fit there run on in rows below the entry,
right-aligned like the first and never left of a hanging indent, so a speaker
with forty sessions takes more lines instead of running over the name or the
margin. Page numbers are unknown when the entry is measured; every reference is
reserved the width of `sample` (the widest page number expected).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from printkit.units import MM

HANGING_INDENT = 6 * MM
LEADER_MIN = 3 * MM  # the shortest dot leader between a label and its numbers
BESIDE = 3  # numbers kept room for beside the label's last line when the label wraps


@dataclass(frozen=True)
class EntryPlan:
    lines: tuple[str, ...]  # the label's lines
    beside: int  # references on the label's last line
    per_row: int  # references per run-on row
    count: int  # references reserved for

    @property
    def run_on(self) -> int:
        """Rows under the label."""
        rest = max(0, self.count - self.beside)
        return -(-rest // self.per_row)

    @property
    def height_lines(self) -> int:
        return len(self.lines) + self.run_on

    def rows_of(self, numbers: Sequence) -> list[tuple[list, bool]]:
        """`numbers` (at most `count`) → rows (row 0 beside the label), each with whether
        another row follows (its last number then takes a comma)."""
        rows = [list(numbers[: self.beside])]
        rest = list(numbers[self.beside :])
        while rest:
            rows.append(rest[: self.per_row])
            rest = rest[self.per_row :]
        return [(r, i + 1 < len(rows) and bool(rows[i + 1])) for i, r in enumerate(rows)]


def plan_entry(
    label: str,
    count: int,
    width: float,
    size: float,
    wrap: Callable[[str, float], Sequence[str]],
    measure: Callable[[str], float],
    sample: str = "000",
) -> EntryPlan:
    """Lay out `label` and `count` references in a column `width` wide (see module doc)."""
    slot = measure(f"{sample}, ")
    keep = min(count, BESIDE) * slot + LEADER_MIN if count else 0.0
    lines = tuple(wrap(label, max(width - keep, width * 0.5))) or ("",)
    last_w = measure(lines[-1])
    beside = max(0, min(count, int((width - last_w - LEADER_MIN) // slot))) if count else 0
    per_row = max(1, int((width - HANGING_INDENT) // slot))
    return EntryPlan(lines, beside, per_row, count)
