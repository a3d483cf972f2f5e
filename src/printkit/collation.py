"""A person's name (and optional reading) + a language → its index sort key and index heading.

Babel has no collation and ICU is a large C dependency, so the letters that a
language sorts differently from the Latin A–Z live in a small table below,
taken from CLDR's collation tailorings (primary differences only):

- German, French, English and the others not listed: accents are ignored,
  "Ö" files with "O" (DIN 5007-1, CLDR root order).
- Swedish and Finnish: å, ä, ö are letters of their own after z ("Ö" after
  "Z"); æ sorts as ä, ø as ö, ü as y.
- Danish and Norwegian: æ, ø, å after z; ä as æ, ö as ø, ü as y.
- Spanish ñ after n; Turkish ç ğ ı ö ş ü after c g h o s u; Polish ą ć ę ł ń
  ó ś ź ż; Czech č ř š ž after their base letter.

Not covered: digraphs (Czech "ch", Danish "aa") and the Turkish dotted/dotless
capital I. Names in Chinese characters, kana or Hangul sort by their `reading`
when one is given: a Latin reading ("Hu Weiwen", family name first) files them
under its letter in A–Z, a kana or Hangul reading in the CJK section; without
one, a CJK name goes to that section of its own, in code point order
(katakana read as hiragana). That section comes first in a zh, ja or ko
booklet, after the other scripts elsewhere. Pure functions on strings.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from printkit import names

# letter → (the letter it sorts after, its rank there); rank 0: sorts as that letter.
_AFTER_Z_SV = {"å": ("z", 1), "ä": ("z", 2), "æ": ("z", 2), "ö": ("z", 3), "ø": ("z", 3),
               "ü": ("y", 0)}  # fmt: skip
_AFTER_Z_DA = {"æ": ("z", 1), "ä": ("z", 1), "ø": ("z", 2), "ö": ("z", 2), "å": ("z", 3),
               "ü": ("y", 0)}  # fmt: skip
TAILORINGS: dict[str, dict[str, tuple[str, int]]] = {
    "sv": _AFTER_Z_SV,
    "fi": _AFTER_Z_SV,
    "da": _AFTER_Z_DA,
    "nb": _AFTER_Z_DA,
    "nn": _AFTER_Z_DA,
    "no": _AFTER_Z_DA,
    "es": {"ñ": ("n", 1)},
    "tr": {
        "ç": ("c", 1),
        "ğ": ("g", 1),
        "ı": ("h", 1),
        "ö": ("o", 1),
        "ş": ("s", 1),
        "ü": ("u", 1),
    },  # fmt: skip
    "pl": {
        "ą": ("a", 1),
        "ć": ("c", 1),
        "ę": ("e", 1),
        "ł": ("l", 1),
        "ń": ("n", 1),
        "ó": ("o", 1),
        "ś": ("s", 1),
        "ź": ("z", 1),
        "ż": ("z", 2),
    },  # fmt: skip
    "cs": {"č": ("c", 1), "ř": ("r", 1), "š": ("s", 1), "ž": ("z", 1)},
}
CJK_FIRST = frozenset({"zh", "ja", "ko"})
CJK_HEADING = "漢字 · かな · 한글"  # the CJK section's heading (names, not words: no translation)
_MARK = 0x10FFF0  # + rank: sorts after every letter, so "ö" (z, 3) comes after "zz…"


def tailoring(language: str | None) -> dict[str, tuple[str, int]]:
    """The letters `language` (a language tag or code: 'sv', 'de-AT') sorts apart; {} for none."""
    return TAILORINGS.get(_language(language), {})


def fold(text: str, table: dict[str, tuple[str, int]]) -> str:
    """`text` as it sorts in a language: its own letters kept apart, other accents ignored."""
    out = []
    for ch in unicodedata.normalize("NFC", text).casefold():
        if ch in table:
            anchor, rank = table[ch]
            out.append(anchor + (chr(_MARK + rank) if rank else ""))
        else:
            out.append(names._fold(ch))
    return "".join(out)


def is_cjk(text: str) -> bool:
    """Whether `text`'s first letter is Chinese, Japanese or Korean (Han, kana, Hangul)."""
    first = next((c for c in text if c.isalpha()), "")
    return bool(first) and names.script(first) in names._EAST_ASIAN


def _kana_as_hiragana(text: str) -> str:
    """Katakana ァ..ヶ read as their hiragana (one code point apart by 0x60)."""
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def _cjk_text(name: str, reading: str | None) -> str | None:
    """The text a CJK-section name sorts by, or None when the name belongs elsewhere."""
    if reading and reading.strip():
        return unicodedata.normalize("NFC", reading.strip()) if is_cjk(reading) else None
    core = names.core(name)
    return unicodedata.normalize("NFC", core) if is_cjk(core) else None


def _language(language: str | None) -> str:
    return (language or "").replace("_", "-").split("-")[0].lower()


@lru_cache(maxsize=65536)  # each speaker is asked for by several lists
def index_letter(name: str, reading: str | None = None, language: str | None = None) -> str:
    """The index heading: 'Ö' for Öberg in Swedish, 'O' in German; CJK_HEADING for 胡玮文."""
    if _cjk_text(name, reading) is not None:
        return CJK_HEADING
    table = tailoring(language)
    text = (reading or "").strip()
    word = text.split()[0] if text else names._family(name)[0]
    first = next(
        (c for c in unicodedata.normalize("NFC", names._sort_word(word)) if c.isalpha()), ""
    )
    if first.casefold() in table:
        anchor, rank = table[first.casefold()]
        if not rank:
            return anchor.upper()
        # letters that sort alike share the heading of the table's first one (ø under Ö)
        return next(k for k, v in table.items() if v == (anchor, rank)).upper()
    return names._letter(word) if text else names.initial_letter(name)


@lru_cache(maxsize=65536)  # each speaker is asked for by several lists
def sort_key(name: str, reading: str | None = None, language: str | None = None) -> tuple:
    """Latin A–Z (with the language's own letters), other scripts, the CJK section, then '#'.

    Without a tailoring or reading the order is `names.sort_key`'s, so English is unchanged.
    """
    name = name or ""
    cjk = _cjk_text(name, reading)
    if cjk is not None:
        section = -1 if _language(language) in CJK_FIRST else 2
        return (section, "", _kana_as_hiragana(cjk), "", "", name)
    table = tailoring(language)
    letter = index_letter(name, reading, language)
    section = 3 if letter == "#" else 0 if names.script(letter[0]) == "LATIN" else 1
    head = fold(letter, table) if table else letter
    text = (reading or "").strip()
    if text:
        return (section, head, fold(text, table), "", names._fold(name), name)
    family, words = names._family(name)
    person = " ".join(names._sort_word(w) for w in words)
    return (section, head, fold(names._sort_word(family), table), fold(person, table),
            names._fold(name), name)  # fmt: skip
