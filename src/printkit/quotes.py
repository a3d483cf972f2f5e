"""Text + a language tag → typographic quotation marks of that language (pure text).

`quote("Why \"AI\" fails", "en")` gives “Why ‘AI’ fails”: the outer marks of the
language around the text, and straight quotes (or the language's own outer
marks) inside turned into its inner marks. `smarten` turns straight double
quotes in running text into the language's outer marks. Apostrophes inside
words (O'Brien, don't) are left alone. The marks follow CLDR's delimiters;
French sets its guillemets off with a narrow no-break space (U+202F).
"""

from __future__ import annotations

import re

NNBSP = "\u202f"

# language → (outer open, outer close, inner open, inner close)
MARKS: dict[str, tuple[str, str, str, str]] = {
    "en": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
    "de-ch": ("«", "»", "‹", "›"),
    "fr": ("«" + NNBSP, NNBSP + "»", "“", "”"),
    "fr-ch": ("«", "»", "‹", "›"),
    "es": ("«", "»", "“", "”"),
    "it": ("«", "»", "“", "”"),
    "pt": ("“", "”", "‘", "’"),
    "pt-pt": ("«", "»", "“", "”"),
    "nl": ("‘", "’", "“", "”"),
    "pl": ("„", "”", "«", "»"),
    "cs": ("„", "“", "‚", "‘"),
    "ru": ("«", "»", "„", "“"),
    "uk": ("«", "»", "„", "“"),
    "sv": ("”", "”", "’", "’"),
    "fi": ("”", "”", "’", "’"),
    "da": ("“", "”", "‘", "’"),
    "nb": ("«", "»", "‘", "’"),
    "no": ("«", "»", "‘", "’"),
    "ja": ("「", "」", "『", "』"),
    "zh": ("“", "”", "‘", "’"),
    "ko": ("“", "”", "‘", "’"),
    "ar": ("”", "“", "’", "‘"),
    "he": ("”", "”", "’", "’"),
    "zh-hant": ("「", "」", "『", "』"),
}
DEFAULT = "en"
_OPENS_AFTER = re.compile(r"[\s(\[{\u2014\u2013/-]")


def marks(lang: str | None) -> tuple[str, str, str, str]:
    """The (outer open, outer close, inner open, inner close) marks of a BCP 47 tag."""
    tag = (lang or DEFAULT).lower().replace("_", "-")
    parts = tag.split("-")
    for n in range(len(parts), 0, -1):
        key = "-".join(parts[:n])
        if key in MARKS:
            return MARKS[key]
    if parts[0] == "zh" and any(p in ("tw", "hk", "mo") for p in parts):
        return MARKS["zh-hant"]
    return MARKS[DEFAULT]


def _straight(text: str, open_: str, close: str) -> str:
    """Straight double quotes → open/close marks (opening at the start or after a space,
    bracket or dash; closing elsewhere), and single quotes that stand outside words."""
    out = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = bool(_OPENS_AFTER.match(before))
        if ch == '"':
            out.append(open_ if opening else close)
        elif ch == "'" and opening and not after.isspace():
            out.append("\0'")  # a single quote opening a quotation (decided below)
        elif ch == "'" and not before.isspace() and not after.isalnum():
            out.append("\0’")
        else:
            out.append(ch)
    return "".join(out)


def _singles(text: str, open_: str, close: str) -> str:
    """Paired single quotes outside words → open/close; a lone one is an apostrophe (’)."""
    parts = text.split("\0")
    out = [parts[0]]
    pending = None
    for part in parts[1:]:
        mark, rest = part[0], part[1:]
        if mark == "'":
            pending = len(out)
            out.append(open_ + rest)
        elif pending is not None:
            out.append(close + rest)
            pending = None
        else:
            out.append("’" + rest)
    if pending is not None:  # never closed: it was an apostrophe after all
        out[pending] = "’" + out[pending][len(open_) :]
    return "".join(out)


def quote(text: str, lang: str | None = None) -> str:
    """`text` in the outer quotation marks of `lang`, its own quotes turned into inner marks."""
    oo, oc, io, ic = marks(lang)
    inner = text.replace(oo.strip(NNBSP), io).replace(oc.strip(NNBSP), ic) if oo != io else text
    inner = _singles(_straight(inner, io, ic), io, ic)
    return f"{oo}{inner}{oc}"


def smarten(text: str, lang: str | None = None) -> str:
    """Running text with straight quotes turned into `lang`'s marks (double → outer)."""
    oo, oc, io, ic = marks(lang)
    return _singles(_straight(text, oo, oc), io, ic)
