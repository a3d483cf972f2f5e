"""The containers YAML text turns into: a dict and a list that remember their source lines.

Also `paused_gc`, under which big trees of them are built.
"""

from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def paused_gc():
    """No cyclic garbage collection inside.

    Building a big tree of new objects otherwise triggers collections that
    walk it again and again (half the time of loading a 10 MB event). Loading
    makes no reference cycles worth collecting meanwhile.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class LineDict(dict):
    """A dict that knows the line of its mapping and of each of its keys (1-based).

    `raw` keeps each scalar value's source text, so a text field reads `1.10`
    or `007` as written even where YAML typed it as a number or a date.
    """

    line: int | None = None
    key_lines: dict
    raw: dict

    def line_of(self, key) -> int | None:
        return getattr(self, "key_lines", {}).get(key, self.line)


class LineList(list):
    """A list that knows its own line and the line of each item (1-based)."""

    line: int | None = None
    item_lines: list
    raw: list

    def line_of(self, index: int) -> int | None:
        lines = getattr(self, "item_lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line
