"""A string + a box + a measure function → the font size and lines that fit (pure geometry).

`measure(text, size)` returns the width of `text` at `size` and must be
linear in size (true of any font); no ReportLab here. Order of preference in
`fit_text`: one line, shrunk down to `min_size`; then 2..max_lines lines broken
at spaces and after - / _ (balanced: the break that minimises the widest line);
then words too long for a line are hyphenated at their language's legal points
(hyphenate.py) with a visible "-"; only a word with no legal break that still
does not fit, or text with more lines than the box holds, ends with "…" at
`min_size`. A word is never cut bare. `wrap` follows the same rules at one size.
A soft hyphen (U+00AD) in the text is a legal break too.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from printkit.hyphenate import hyphen_points

Measure = Callable[[str, float], float]
ELLIPSIS = "…"
# Beyond this many characters a text or word is "long": fitting works on the part that could
# possibly show (everything after it is cut with "…" anyway) so a 100,000-character title
# costs what a few lines cost. Shorter texts take exactly the same path as before.
_LONG = 512
HYPHEN = "-"
SHY = "\u00ad"  # soft hyphen: a legal break that prints "-" only at a line end
_AFTER = "-/_\u2010\u2013"  # a line may start after these (handles, URLs, compounds)

# CJK: a line may break between any two of these characters.
_CJK_RE = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]"
)
# Kinsoku (light): never start a line with these, never end one with those.
_NO_START = set("、。，．・：；？！）」』】〕〉》ー…‥ゝゞ々ぁぃぅぇぉっゃゅょァィゥェォッャュョ")
_NO_END = set("（「『【〔〈《")


@dataclass(frozen=True)
class Fit:
    """The chosen size and lines; flags say what had to give."""

    size: float
    lines: tuple[str, ...]
    shrunk: bool
    broken: bool
    truncated: bool


def _is_cjk(ch: str) -> bool:
    return bool(_CJK_RE.match(ch))


def _clusters(text: str) -> list[str]:
    """Split into user-perceived characters: a base plus its combining marks and ZWJ links."""
    out: list[str] = []
    join = False
    for ch in text:
        mark = (
            unicodedata.category(ch)[0] == "M" or ch in "\u200c\u200d" or "\ufe00" <= ch <= "\ufe0f"
        )
        if out and (mark or join):
            out[-1] += ch
        else:
            out.append(ch)
        join = ch == "\u200d"
    return out


def break_points(text: str) -> list[int]:
    """Indices where a line may start: after spaces, after - / _ or a soft hyphen, around CJK."""
    points = []
    n = len(text)
    for i in range(1, n):
        prev, ch = text[i - 1], text[i]
        if ch.isspace() or unicodedata.category(ch)[0] == "M" or ch in "\u200c\u200d":
            continue
        after_space = prev.isspace()
        after_dash = prev in _AFTER and i >= 2 and not text[i - 2].isspace()
        cjk = (_is_cjk(ch) or _is_cjk(prev)) and ch not in _NO_START and prev not in _NO_END
        if after_space or after_dash or prev == SHY or cjk:
            points.append(i)
    return points


def _pieces(text: str) -> list[str]:
    """`text` cut at every break point (pieces keep their trailing spaces)."""
    cuts = [0, *break_points(text), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def _normalize(text: str) -> str:
    return " ".join(text.split())


def shown(text: str) -> str:
    """A line as printed: a soft hyphen at its end prints as "-", the others not at all."""
    text = text.rstrip()
    if text.endswith(SHY):
        text = text.rstrip(SHY) + HYPHEN
    return text.replace(SHY, "")


def fit_text(
    text: str,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    max_lines: int = 1,
    measure: Measure | None = None,
    leading: float = 1.15,
    lang: str | None = None,
) -> Fit:
    """The largest size in [min_size, max_size] at which `text` fits the box (see module doc).

    `lang` (a BCP 47 tag; None: English) picks the hyphenation patterns.
    """
    if measure is None:
        raise TypeError("fit_text needs a measure(text, size) function")
    if min_size <= 0 or max_size < min_size:
        raise ValueError(f"need 0 < min_size <= max_size, got {min_size}, {max_size}")
    max_lines = max(1, int(max_lines))
    text = _normalize(text)
    if not text:
        return Fit(max_size, (), False, False, False)
    text = _overfull_prefix(text, 2 * (max_lines + 1) * width / min_size, measure)

    def best_size(lines: list[str]) -> float:
        widest = max(measure(line, 1.0) for line in lines)
        s = min(max_size, height / (len(lines) * leading))
        if widest > 0:
            s = min(s, width / widest)
        return _settle(s, lines, width, measure, min_size, max_size)

    one = best_size([shown(text)])
    if one >= min_size:
        return Fit(one, (shown(text),), one < max_size, False, False)

    pieces = _pieces(text)
    for n in range(2, min(max_lines, len(pieces)) + 1):
        lines = _balanced(pieces, n, measure)
        size = best_size(lines)
        if size >= min_size:
            return Fit(size, tuple(lines), size < max_size, True, False)

    hyphenated = _hyphenated(text, width, height, max_size, min_size, max_lines, measure, leading,
                             lang)  # fmt: skip
    if hyphenated is not None:
        return hyphenated
    return _truncated(text, width, height, min_size, max_lines, measure, leading, max_size, lang)


def _overfull_prefix(text: str, budget: float, measure: Measure) -> str:
    """`text`, or for a long text whose width at size 1 is well over `budget` a prefix that
    is still over it: what fit_text shows of either is the same (it ends with "…")."""
    n = _LONG
    while n < len(text):
        if measure(text[:n], 1.0) > budget:
            return text[:n]
        n *= 2
    return text


def _hyphenated(
    text: str,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    max_lines: int,
    measure: Measure,
    leading: float,
    lang: str | None,
) -> Fit | None:
    """The largest size (0.1 pt steps) at which `wrap` needs no "…" and fits the box; else None."""

    def at(size: float) -> list[str] | None:
        lines, cut = _wrap_lines(text, width, size, measure, lang)
        if cut or len(lines) > max_lines or len(lines) * size * leading > height + 1e-9:
            return None
        return [ln.text for ln in lines]

    if at(min_size) is None:
        return None
    lo, hi = min_size, max_size
    if at(hi) is not None:
        lo = hi
    else:
        for _ in range(24):
            if hi - lo < 0.01:
                break
            mid = (lo + hi) / 2
            if at(mid) is not None:
                lo = mid
            else:
                hi = mid
        r = math.floor(lo * 10 + 1e-9) / 10
        if r >= min_size and at(r) is not None:
            lo = r
    lines = at(lo) or []
    return Fit(lo, tuple(lines), lo < max_size, len(lines) > 1, False)


def _settle(
    s: float, lines: list[str], width: float, measure: Measure, lo: float, hi: float
) -> float:
    """Round `s` down to 0.1 pt (not below lo), then nudge it down past float noise until it fits."""
    if s < lo:
        return s
    r = math.floor(s * 10 + 1e-9) / 10
    s = min(r if r >= lo else s, hi)
    for _ in range(64):
        widest = max(measure(line, s) for line in lines)
        if widest <= width:
            break
        s = s * (width / widest) * (1 - 1e-12)
    return s


def _balanced(pieces: list[str], n: int, measure: Measure) -> list[str]:
    """Join `pieces` into n lines minimising the widest line (ties: most even lines)."""
    k = len(pieces)
    if k > 30:  # long text: binary search on the widest line (the DP is quadratic)
        return _min_width_lines(pieces, n, measure)
    cache: dict[tuple[int, int], float] = {}

    def w(a: int, b: int) -> float:
        key = (a, b)
        if key not in cache:
            cache[key] = measure(shown("".join(pieces[a:b])), 1.0)
        return cache[key]

    # best[j][i]: (widest, sum of squares) splitting pieces[:i] into j lines; back pointer
    inf = (math.inf, math.inf)
    best = [[inf] * (k + 1) for _ in range(n + 1)]
    back = [[0] * (k + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, 0.0)
    for j in range(1, n + 1):
        for i in range(j, k - (n - j) + 1):
            for a in range(j - 1, i):
                prev = best[j - 1][a]
                if prev[0] == math.inf:
                    continue
                lw = w(a, i)
                cand = (max(prev[0], lw), prev[1] + lw * lw)
                if cand < best[j][i]:
                    best[j][i] = cand
                    back[j][i] = a
    lines = []
    i = k
    for j in range(n, 0, -1):
        a = back[j][i]
        lines.append(shown("".join(pieces[a:i])))
        i = a
    return lines[::-1]


def _greedy(pieces: list[str], limit: float, measure: Measure) -> list[str]:
    """Pack pieces into lines no wider than `limit` at size 1 (a piece alone may exceed it)."""
    lines: list[str] = []
    current = ""
    for piece in pieces:
        if current and measure(shown(current + piece), 1.0) > limit:
            lines.append(shown(current))
            current = piece
        else:
            current += piece
    lines.append(shown(current))
    return lines


def _min_width_lines(pieces: list[str], n: int, measure: Measure) -> list[str]:
    """At most n lines whose widest line is (nearly) as narrow as possible."""
    lo = max(measure(shown(p), 1.0) for p in pieces)
    hi = measure(shown("".join(pieces)), 1.0)
    for _ in range(40):
        if hi - lo <= 1e-6 * hi:
            break
        mid = (lo + hi) / 2
        if len(_greedy(pieces, mid, measure)) <= n:
            hi = mid
        else:
            lo = mid
    return _greedy(pieces, hi, measure)


def _truncated(
    text: str,
    width: float,
    height: float,
    size: float,
    max_lines: int,
    measure: Measure,
    leading: float,
    max_size: float,
    lang: str | None,
) -> Fit:
    """Hyphenated lines at `size`, cut after the last line that fits, ending in an ellipsis."""
    room = max(1, min(max_lines, int(height / (size * leading) + 1e-9)))
    lines, cut = _wrap_lines(text, width, size, measure, lang)
    if len(lines) <= room:
        return Fit(size, tuple(ln.text for ln in lines), size < max_size, len(lines) > 1, cut)
    kept = [ln.text for ln in lines[:room]]
    kept[-1] = _ellipsize(shown(text[lines[room - 1].start :]), width, size, measure)
    return Fit(size, tuple(kept), size < max_size, len(kept) > 1, True)


def _ellipsize(line: str, width: float, size: float, measure: Measure) -> str:
    """The longest prefix of `line` (whole characters) + "…" that fits in `width`."""
    clusters = _clusters(line)
    lo, hi = 0, len(clusters)  # binary search on the number of clusters kept
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure("".join(clusters[:mid]).rstrip() + ELLIPSIS, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    if lo == 0 and measure(ELLIPSIS, size) > width:
        return ""
    return "".join(clusters[:lo]).rstrip() + ELLIPSIS


class Line(NamedTuple):
    """One printed line and the slice [start, end) of the (normalized) paragraph it shows."""

    text: str
    start: int
    end: int


def wrap(
    text: str, width: float, size: float, measure: Measure, lang: str | None = None
) -> list[str]:
    """Greedy lines of at most `width`; newlines start paragraphs, blank lines stay empty.

    A word longer than a line breaks after - / _ if it can, else at a legal
    hyphenation point of `lang` with a visible "-"; a word with neither ends
    with "…" (the rest of that word is left out).
    """
    out: list[str] = []
    for para in text.split("\n"):
        para = _normalize(para)
        if not para:
            out.append("")
            continue
        out.extend(ln.text for ln in _wrap_lines(para, width, size, measure, lang)[0])
    return out


def wrap_lines(
    para: str, width: float, size: float, measure: Measure, lang: str | None = None
) -> list[Line]:
    """`wrap` for one paragraph, each line with the slice of `_normalize(para)` it shows."""
    return _wrap_lines(_normalize(para), width, size, measure, lang)[0]


def _words(para: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for word in para.split(" "):
        out.append((pos, word))
        pos += len(word) + 1
    return out


def _wrap_lines(
    para: str, width: float, size: float, measure: Measure, lang: str | None
) -> tuple[list[Line], bool]:
    """Lines of the normalized paragraph, and whether a word had to end with "…"."""
    lines: list[Line] = []
    cut = False
    cur, cur_start, cur_end = "", 0, 0

    def fits(s: str) -> bool:
        if len(s) > _LONG and measure(s[:_LONG], size) > width:
            return False  # a long string whose start is already too wide
        return measure(s, size) <= width

    for wstart, word in _words(para):
        i = 0
        while i < len(word):
            frag = shown(word[i:])
            line = f"{cur} {frag}" if cur else frag
            if fits(line):
                if not cur:
                    cur_start = wstart + i
                cur, cur_end = line, wstart + len(word)
                break
            if cur and fits(frag):  # the word fits a line of its own
                lines.append(Line(cur, cur_start, cur_end))
                cur = ""
                continue
            lead = f"{cur} " if cur else ""
            j, text = _split_word(word, i, lead, fits, lang)
            if j is None:
                if cur:  # nothing fits after the words already on this line
                    lines.append(Line(cur, cur_start, cur_end))
                    cur = ""
                    continue
                shown_frag = (
                    frag if len(frag) <= _LONG else _overfull_prefix(frag, width / size, measure)
                )
                lines.append(Line(_ellipsize(shown_frag, width, size, measure), wstart + i, wstart + len(word)))  # fmt: skip
                cut = True
                break
            lines.append(Line(text, cur_start if cur else wstart + i, wstart + j))
            cur = ""
            i = j
    if cur:
        lines.append(Line(cur, cur_start, cur_end))
    return lines, cut


def _split_word(word: str, i: int, lead: str, fits, lang: str | None) -> tuple[int | None, str]:
    """The furthest break in word[i:] whose head fits after `lead`: after - / _ (or between
    CJK characters) first, else at a hyphenation point with "-"; (None, "") if none fits.

    In a long word only the part that could fit on one line is searched (with 64 characters
    either side, so the hyphenation patterns see the same letters around each point).
    """
    end, base, scan = len(word), 0, word
    if len(word) - i > _LONG:
        k = _LONG
        while i + k < len(word) and fits(lead + word[i : i + k]):
            k *= 2
        end = min(len(word), i + k + 1)
        base = max(0, i - 64)
        scan = word[base : min(len(word), end + 64)]
    points = break_points(word[i:end])
    soft = [i + p for p in points if word[i + p - 1] != SHY]
    hard = sorted(
        {base + p for p in hyphen_points(scan.replace(SHY, "\u2060"), lang) if i < base + p <= end}
        | {i + p for p in points if word[i + p - 1] == SHY}
    )
    hard = [
        p for p in hard if p < len(word) and word[p - 1] not in _AFTER and word[p] not in _AFTER
    ]
    for points, mark in ((soft, ""), (hard, HYPHEN)):
        best = _furthest(points, lambda p, m=mark: fits(lead + word[i:p].replace(SHY, "") + m))
        if best is not None:
            return best, lead + word[i:best].replace(SHY, "") + mark
    return None, ""


def _furthest(points: list[int], ok) -> int | None:
    """The last of the increasing `points` for which `ok` holds (ok is monotone: true, then false)."""
    lo, hi = 0, len(points)  # binary search: ok(points[:lo]) all hold
    while lo < hi:
        mid = (lo + hi) // 2
        if ok(points[mid]):
            lo = mid + 1
        else:
            hi = mid
    return points[lo - 1] if lo else None
