"""press/text.py and press/emoji.py shortcuts give what the full character-by-character paths give."""

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


def test_european_lines_are_one_run_as_the_full_analysis_finds(monkeypatch):
    import random

    rnd = random.Random(5)
    alphabet = [
        chr(c) for c in (*range(0x20, 0x530), *range(0x1E00, 0x20D0)) if chr(c).isprintable()
    ]
    alphabet += list("0123456789 ,.-–—’«»()") + ["e\u0301", "\u0301", "ß", "İ", "Ω", "\u200f", "א"]
    lines = [
        "Zoë Ünal",
        "Ελληνικά και Русский 2025",
        "naïve café",
        "\u0301a",
        "x\u00a0y",
        "Thu 12 Jun · 11:10–11:50 · Room A",
        "Nguyễn Thị Thu Hà — €5 ⁽²⁾",
        "a\u200fb",
    ]
    lines += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30))) for _ in range(3000)]
    fast = {(s, b): text._runs.__wrapped__(s, b) for s in lines for b in (False, True)}
    sans = text.fonts.cmap(text.fonts.REGULAR)
    taken = sum(not s.isascii() and text._european(s) and set(map(ord, s)) <= sans for s in lines)
    monkeypatch.setattr(text, "_european", lambda s: False)
    for (s, b), got in fast.items():
        assert got == text._runs.__wrapped__(s, b), s
    assert taken > 300


def test_the_emoji_search_finds_every_character_is_emoji_accepts():
    from printkit.press import emoji

    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        assert bool(emoji._ANY_EMOJI.search(c)) == emoji._is_emoji(c), hex(cp)
    assert emoji.emoji_sequences("hi 👋🏽 there") == [(3, 5)]
