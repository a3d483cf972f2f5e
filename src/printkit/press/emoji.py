"""Text with emoji sequences → one cluster per sequence; the base emoji where the font lacks it.

A ZWJ sequence (🏳️‍⚧️, 👩‍💻), a skin-tone modifier sequence (👋🏽) or a tag
sequence is one user-perceived character. The bundled emoji font (a
monochrome Symbola subset) has none of them, so each prints as its base
emoji once (🏳, 👩, 👋), never as its parts side by side, and one warning per
sequence says so. `font_has_sequence` asks HarfBuzz, so a font that has a
sequence (one glyph for it) keeps it whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from printkit.press import fonts
from printkit.resources import asset

_SKIN = range(0x1F3FB, 0x1F400)
_TAGS = range(0xE0020, 0xE0080)
_VS = ("\ufe0e", "\ufe0f")
ZWJ = "\u200d"


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2300 <= cp <= 0x23FF
        or 0x2600 <= cp <= 0x27BF
        or (0x2B00 <= cp <= 0x2BFF)
    )


_ANY_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff]"
)  # _is_emoji


def emoji_sequences(s: str) -> list[tuple[int, int]]:
    """(start, end) of every emoji ZWJ, modifier (skin tone) or tag sequence in `s`: one cluster each."""
    if not _ANY_EMOJI.search(s):  # most text: no emoji to start a sequence
        return []
    out = []
    i, n = 0, len(s)
    while i < n:
        if not _is_emoji(s[i]):
            i += 1
            continue
        j, joined = i + 1, False
        while j < n:
            cp = ord(s[j])
            if s[j] in _VS:
                j += 1
            elif cp in _SKIN or cp in _TAGS:
                j, joined = j + 1, True
            elif s[j] == ZWJ and j + 1 < n and not s[j + 1].isspace():
                j, joined = j + 2, True
            else:
                break
        if joined:
            out.append((i, j))
        i = j
    return out


@lru_cache(maxsize=1024)
def font_has_sequence(seq: str, font: str = fonts.EMOJI) -> bool:
    """True when HarfBuzz shapes `seq` in `font` to a single real glyph (the font has the sequence)."""
    import uharfbuzz as hb

    filename, _ = fonts.FILES[font]
    blob = hb.Blob.from_file_path(str(asset("fonts", filename)))
    buf = hb.Buffer()
    buf.add_str(seq)
    buf.guess_segment_properties()
    hb.shape(hb.Font(hb.Face(blob)), buf, {})
    glyphs = [g.codepoint for g in buf.glyph_infos]
    return len(glyphs) == 1 and glyphs[0] != 0


def _lacking(s: str) -> list[str]:
    return [s[a:b] for a, b in emoji_sequences(s) if not font_has_sequence(s[a:b])]


@lru_cache(maxsize=16384)
def base_emoji(s: str) -> str:
    """`s` with every emoji sequence the emoji font lacks reduced to its base emoji, drawn once."""
    if s.isascii():
        return s
    spans = [(a, b) for a, b in emoji_sequences(s) if not font_has_sequence(s[a:b])]
    for a, b in reversed(spans):
        s = s[:a] + s[a] + s[b:]
    return s


def warn_emoji_sequences(s: str, problems, where: str) -> bool:
    """One warning per emoji sequence the font lacks (once per `problems`); True if it warned."""
    warned = False
    for q in dict.fromkeys(_lacking(s) if not s.isascii() else []):
        code = " ".join(f"U+{ord(c):04X}" for c in q)
        msg = (f"the emoji font has no glyph for the sequence {q} ({code}); its base emoji "
               f"{q[0]} is printed once instead")  # fmt: skip
        if any(p.message == msg for p in problems.warnings):
            continue  # once per sequence
        problems.warn(msg, field=where)
        warned = True
    return warned
