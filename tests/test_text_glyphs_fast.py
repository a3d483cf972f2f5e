"""press/text.py's shortcut for runs kept as they are gives what the character-by-character path gives."""

from __future__ import annotations

import sys

from printkit.press import text


def slow(s: str) -> str:
    """_glyphs' general path for a left-to-right run: drop ignorables, other spaces → " "."""
    plain = "".join(c for c in s if not text._ignorable(c) or c == " ")
    return "".join(" " if c.isspace() else c for c in plain)


def test_every_code_point_the_shortcut_takes_is_kept_as_is():
    taken = 0
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if text._kept_as_is(c):
            taken += 1
            assert slow(c) == c, hex(cp)
    assert taken > 100_000  # letters of every script take it


def test_mixed_runs():
    for s in (
        "Zoë Ünal",
        "Ada Lovelace",
        "a\tb",
        "👋🏽 hi",
        "x\u200dy",
        "北京 大学",
        "é\ufe0f",
        "",
    ):
        assert (not text._kept_as_is(s)) or slow(s) == s
    assert text._kept_as_is("Zoë Ünal · 北京")
    assert not text._kept_as_is("a\tb") and not text._kept_as_is("👋🏽")
