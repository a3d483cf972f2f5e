"""A personal name → its core, display parts, A–Z sort key, index letter and initials.

Real schedule exports carry more than a name: nicknames in (…), […] or "…",
pronouns ("(she/her)"), handles ("-- @x@host"), titles ("Dr."), emoji and
stray punctuation. `core` strips those so sorting and initials see the name
itself; display keeps the name as given (`split_name`). Pure functions on
strings, no locale: accents are ignored first (NFKD), Latin sorts first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

HONORIFICS = frozenset(
    [
        "dr",
        "dr.",
        "prof",
        "prof.",
        "prof.dr.",
        "dr.-ing.",
        "dipl.-ing.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "mx",
        "mx.",
        "sir",
        "dame",
    ]
)
SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d."])
_GROUP_WORDS = frozenset({"&", "+", "and", "und", "/"})

# (…) […] {…} and quoted nicknames: "…" “…” „…“ «…» `…`; '…' only as whole words (O'Brien stays).
_GROUPS = re.compile(
    r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}|\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|‹[^›]*›|`[^`]*`"
    r"|(?:(?<=\s)|^)'[^'\s][^']*'(?=\s|$)"
)
# A separator after which comes something else than the name: " -- @x", " | Org", " – Org".
_TAIL = re.compile(r"\s+(?:--|\||–|—|-|·|•)\s+.*$")
_PRONOUN = re.compile(r"^(?:she|he|they|ze|xe|zie|sie|er|it|any|all)(?:/\w+)+$", re.IGNORECASE)
_ARTICLE = "ال"
_ARTICLE_KEPT = frozenset({"الله"})  # Allah: the article is part of the word (عبد الله)
# Thai/Lao vowels written before their consonant: an initial is the consonant.
_LEADING_VOWELS = frozenset("เแโใไເແໂໃໄ")
_EAST_ASIAN = ("CJK", "HANGUL", "HIRAGANA", "KATAKANA", "BOPOMOFO", "IDEOGRAPHIC")
_RTL = ("ARABIC", "HEBREW", "SYRIAC", "THAANA", "NKO")
# Latin letters NFKD does not decompose, folded to their base for sorting.
_FOLD = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŋ": "n",
     "ß": "ss", "ħ": "h", "ŧ": "t", "ƒ": "f"}
)  # fmt: skip


@lru_cache(maxsize=8192)
def script(ch: str) -> str:
    """The script of one character from its Unicode name: 'LATIN', 'CYRILLIC', 'CJK', … or ''."""
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return ""


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def _trim_word(w: str) -> str:
    """A word without leading/trailing characters that are not letters, digits or marks."""
    i, j = 0, len(w)
    while i < j and not (w[i].isalnum()):
        i += 1
    while j > i and not (w[j - 1].isalnum() or _is_mark(w[j - 1]) or w[j - 1] == "."):
        j -= 1
    return w[i:j]


def _clean_words(text: str) -> list[str]:
    words = []
    for w in text.split():
        if w.startswith("@") or _PRONOUN.match(w.strip("()[],;")):
            continue  # a handle or pronouns
        w = _trim_word("".join(c for c in w if unicodedata.category(c) != "Cf"))
        if any(c.isalpha() for c in w):
            words.append(w)
    return words


def core(name: str) -> str:
    """The name itself: 'Loïc Tosser "wowi42"' → 'Loïc Tosser', 'Shane Kerr (he/him)' → 'Shane Kerr'.

    Nicknames in brackets or quotes (anywhere), pronouns, handles, a trailing
    ' -- …' or ' | …', emoji and punctuation at word ends go; a name that is
    only a bracketed nickname keeps the nickname. Titles stay (see `plain_name`).
    """
    name = unicodedata.normalize("NFC", name or "")
    stripped = _TAIL.sub("", _GROUPS.sub(" ", name))
    words = _clean_words(stripped)
    if not words:  # '(zvr)', '"wowi42"': the nickname is all there is
        words = _clean_words(_TAIL.sub("", name))
    return " ".join(words)


def _is_group(parts: list[str]) -> bool:
    return any(p.casefold() in _GROUP_WORDS for p in parts)


@lru_cache(maxsize=1024)  # a badge asks for its name's parts several times in a row
def split_name(name: str) -> tuple[str, str]:
    """'Ada King Lovelace' → ('Ada', 'King Lovelace'); a one-word or CJK name → (name, '').

    A title stays with the given name ('Dr. Ada', 'Lovelace'); a name that is not
    one person's ('Lovelace, Ada', 'Kalib & Waldemar Frost') is kept whole.
    """
    parts = name.split()
    if len(parts) <= 1:
        return name.strip(), ""
    if parts[0].endswith((",", ";")) or _is_group(parts):
        return " ".join(parts), ""
    lead = 0
    while lead < len(parts) - 1 and parts[lead].casefold() in HONORIFICS:
        lead += 1
    return " ".join(parts[: lead + 1]), " ".join(parts[lead + 1 :])


def plain_name(name: str) -> str:
    """A name without leading titles, for initials: 'Dr. Ada Lovelace' → 'Ada Lovelace'."""
    parts = name.split()
    while len(parts) > 1 and parts[0].casefold() in HONORIFICS:
        parts = parts[1:]
    return " ".join(parts)


def _person_words(name: str) -> list[str]:
    """The core's words in reading order, titles and suffixes dropped, 'Smith, John' → John Smith."""
    raw = unicodedata.normalize("NFC", name or "")
    words = core(raw).split()
    if raw.count(",") == 1 and not _is_group(raw.split()):
        family, given = (core(p).split() for p in raw.split(","))
        if family and given and not all(w.casefold() in SUFFIXES for w in given):
            words = given + family
    while len(words) > 1 and words[0].casefold() in HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1].casefold() in SUFFIXES:
        words = words[:-1]
    return [w for w in words if any(c.isalpha() for c in w)]


def _family(name: str) -> tuple[str, list[str]]:
    """(the word a name sorts by, all its words): the family name, else the whole name."""
    raw = unicodedata.normalize("NFC", name or "")
    if _is_group(raw.split()):
        words = core(raw).split()
        return (words[0] if words else ""), words
    if raw.count(",") == 1:
        family = core(raw.split(",")[0]).split()
        if family and core(raw.split(",")[1]):
            return " ".join(family), _person_words(raw)
    words = _person_words(raw)
    if not words:
        return "", []
    if len(words) == 1 or script(words[0][0]) in _EAST_ASIAN:
        return words[0], words  # CJK: family name first
    if len(words) > 2 and words[-2].casefold() in ("y", "i", "e"):
        return " ".join(words[-3:]), words  # Ortega y Gasset
    return words[-1], words


def _fold(s: str) -> str:
    """Accent-insensitive text: Latin/Greek marks dropped, Ø→o, Æ→ae, ß→ss; others NFC casefolded."""
    if s.isascii():  # nothing to compose, drop or map: only the case folds
        return s.lower()
    return "".join(map(_fold_char, unicodedata.normalize("NFC", s).casefold()))


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One NFC casefolded character as `_fold` turns it."""
    if script(ch) in ("LATIN", "GREEK"):
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not _is_mark(c))
        return base.translate(_FOLD)
    return ch


def _sort_word(word: str) -> str:
    """A word as it sorts: the Arabic article and a Thai/Lao leading vowel do not count."""
    if word.startswith(_ARTICLE) and len(word) > 3 and word not in _ARTICLE_KEPT:
        return word[2:]
    if len(word) > 1 and word[0] in _LEADING_VOWELS:
        return word[1] + word[0] + word[2:]
    return word


def _letter(word: str) -> str:
    for ch in _sort_word(word):
        if ch.isalpha():
            if script(ch) in ("LATIN", "GREEK"):
                f = _fold(ch)[:1].upper()
                return f if f.isalpha() else "#"
            return ch.upper()
    return "#"


def initial_letter(name: str) -> str:
    """The index letter: 'Ölçer' → 'O', 'Smith, John' → 'S', 'Иван Петров' → 'П', '胡玮文' → '胡', '-' → '#'."""
    return _letter(_family(name)[0])


def sort_key(name: str) -> tuple:
    """A–Z by family name, accents ignored, Latin first, then other scripts, then names without letters."""
    family, words = _family(name)
    letter = _letter(family)
    rank = 2 if letter == "#" else 0 if "A" <= letter <= "Z" else 1
    person = " ".join(_sort_word(w) for w in words)
    return (rank, letter, _fold(_sort_word(family)), _fold(person), _fold(name or ""), name or "")


def _first_cluster(word: str) -> str:
    """The first letter of `word` with the combining marks that follow it (a Thai leading vowel skipped)."""
    i = 1 if len(word) > 1 and word[0] in _LEADING_VOWELS else 0
    out = word[i]
    for ch in word[i + 1 :]:
        if not _is_mark(ch):
            break
        out += ch
    return out


def _letters(word: str) -> str:
    """A word's letters and marks only ('Núñez-Ölçer' → 'NúñezÖlçer'); Arabic article dropped."""
    w = "".join(c for c in word if c.isalpha() or _is_mark(c))
    while w and not w[0].isalpha():
        w = w[1:]
    if w.startswith(_ARTICLE) and len(w) > 3 and w not in _ARTICLE_KEPT:
        w = w[2:]
    return w


@lru_cache(maxsize=8192)  # a badge asks twice: is there a disc, then what goes on it
def initials(name: str) -> str:
    """Up to two initials: first and last word of the person's name; one character for CJK.

    'Dr. Mixæl Swan Laufer' → 'ML', 'Smith, John' → 'JS', '胡玮文' → '胡',
    'عبد الرحمن' → 'ع' ZWNJ 'ر' (the article skipped; ZWNJ keeps the two
    letters from joining into a word), '-' → ''.
    """
    words = [w for w in (_letters(w) for w in _person_words(name)) if w]
    if not words:
        return ""
    first = words[0]
    kind = script(first[0])
    if kind in _EAST_ASIAN:
        return first[0]
    if len(words) == 1:
        return _first_cluster(first).upper()
    a, b = _first_cluster(first), _first_cluster(words[-1])
    if kind in _RTL:
        return a + "\u200c" + b
    return (a + b).upper()
