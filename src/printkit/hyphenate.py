"""A word + a language tag → where it may be hyphenated (pyphen's LibreOffice/Hunspell patterns).

Pure lookups, no layout: `hyphen_points("Deutschlandtickets", "de")` gives the
indices at which a line may end with a visible hyphen. Only runs of letters are
hyphenated (never digits, URLs' punctuation or CJK), at least two letters stay
on each side. A language without patterns (or a malformed tag) has no points;
no language at all means English, printkit's default.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

DEFAULT_LANGUAGE = "en"
# Letters only (no digits, no underscore); CJK is excluded separately.
_RUN_RE = re.compile(r"[^\W\d_]{4,}")
_CJK_RE = re.compile("[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


@lru_cache(maxsize=64)
def _dictionary(language: str | None) -> pyphen.Pyphen | None:
    tag = (language or DEFAULT_LANGUAGE).strip().replace("-", "_")
    try:
        code = pyphen.language_fallback(tag) if tag else None
    except (ValueError, KeyError):
        code = None
    if code is None:
        return None
    return pyphen.Pyphen(lang=code)


def has_patterns(language: str | None) -> bool:
    """Whether `language` (a BCP 47 / POSIX tag) has hyphenation patterns."""
    return _dictionary(language) is not None


@lru_cache(maxsize=50_000)
def hyphen_points(word: str, language: str | None = None) -> tuple[int, ...]:
    """Indices into `word` where a line may end with an added hyphen, in order."""
    dic = _dictionary(language)
    if dic is None:
        return ()
    points: list[int] = []
    for m in _RUN_RE.finditer(word):
        run = m.group()
        if _CJK_RE.search(run):
            continue
        points.extend(m.start() + p for p in dic.positions(run) if 2 <= p <= len(run) - 2)
    return tuple(points)
