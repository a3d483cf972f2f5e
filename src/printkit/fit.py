"""A string + a box + a measure function → the font size and lines that fit (pure geometry).

`measure(text, size)` returns the width of `text` at `size` and must be
linear in size (true of any font); no ReportLab here. Order of preference in
`fit_text`: one line, shrunk down to `min_size`; then 2..max_lines lines broken
at word boundaries (balanced: the break that minimises the widest line); only
then the last line is cut with an ellipsis at `min_size`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str, float], float]
ELLIPSIS = "…"

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
    """Indices where a line may start: after spaces, after - or /, around CJK characters."""
    points = []
    n = len(text)
    for i in range(1, n):
        prev, ch = text[i - 1], text[i]
        if ch.isspace() or unicodedata.category(ch)[0] == "M" or ch in "\u200c\u200d":
            continue
        after_space = prev.isspace()
        after_dash = prev in "-/\u2010\u2013" and i >= 2 and not text[i - 2].isspace()
        cjk = (_is_cjk(ch) or _is_cjk(prev)) and ch not in _NO_START and prev not in _NO_END
        if after_space or after_dash or cjk:
            points.append(i)
    return points


def _pieces(text: str) -> list[str]:
    """`text` cut at every break point (pieces keep their trailing spaces)."""
    cuts = [0, *break_points(text), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def _normalize(text: str) -> str:
    return " ".join(text.split())


def fit_text(
    text: str,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    max_lines: int = 1,
    measure: Measure | None = None,
    leading: float = 1.15,
) -> Fit:
    """The largest size in [min_size, max_size] at which `text` fits the box (see module doc)."""
    if measure is None:
        raise TypeError("fit_text needs a measure(text, size) function")
    if min_size <= 0 or max_size < min_size:
        raise ValueError(f"need 0 < min_size <= max_size, got {min_size}, {max_size}")
    max_lines = max(1, int(max_lines))
    text = _normalize(text)
    if not text:
        return Fit(max_size, (), False, False, False)

    def best_size(lines: list[str]) -> float:
        widest = max(measure(line, 1.0) for line in lines)
        s = min(max_size, height / (len(lines) * leading))
        if widest > 0:
            s = min(s, width / widest)
        return _settle(s, lines, width, measure, min_size, max_size)

    one = best_size([text])
    if one >= min_size:
        return Fit(one, (text,), one < max_size, False, False)

    pieces = _pieces(text)
    for n in range(2, min(max_lines, len(pieces)) + 1):
        lines = _balanced(pieces, n, measure)
        size = best_size(lines)
        if size >= min_size:
            return Fit(size, tuple(lines), size < max_size, True, False)

    return _truncated(text, width, height, min_size, max_lines, measure, leading, max_size)


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
            cache[key] = measure("".join(pieces[a:b]).strip(), 1.0)
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
        lines.append("".join(pieces[a:i]).strip())
        i = a
    return lines[::-1]


def _greedy(pieces: list[str], limit: float, measure: Measure) -> list[str]:
    """Pack pieces into lines no wider than `limit` at size 1 (a piece alone may exceed it)."""
    lines: list[str] = []
    current = ""
    for piece in pieces:
        if current and measure((current + piece).rstrip(), 1.0) > limit:
            lines.append(current.rstrip())
            current = piece
        else:
            current += piece
    lines.append(current.rstrip())
    return lines


def _min_width_lines(pieces: list[str], n: int, measure: Measure) -> list[str]:
    """At most n lines whose widest line is (nearly) as narrow as possible."""
    lo = max(measure(p.rstrip(), 1.0) for p in pieces)
    hi = measure("".join(pieces).rstrip(), 1.0)
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
) -> Fit:
    """Greedy lines at `size`, cut after the last line that fits, ending in an ellipsis."""
    room = max(1, min(max_lines, int(height / (size * leading) + 1e-9)))
    lines = wrap(text, width, size, measure)
    if len(lines) <= room and all(measure(line, size) <= width for line in lines):
        return Fit(size, tuple(lines), size < max_size, len(lines) > 1, False)
    kept = lines[:room]
    if len(lines) > room:
        kept[-1] = _ellipsize(kept[-1] + " " + lines[room], width, size, measure)
    kept = [
        line if measure(line, size) <= width else _ellipsize(line, width, size, measure)
        for line in kept
    ]
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


def wrap(text: str, width: float, size: float, measure: Measure) -> list[str]:
    """Greedy lines of at most `width`; newlines start paragraphs, blank lines stay empty.

    Words longer than a line are broken between characters (a single
    character wider than the line gets a line of its own).
    """
    out: list[str] = []
    for para in text.split("\n"):
        para = _normalize(para)
        if not para:
            out.append("")
            continue
        out.extend(_wrap_para(para, width, size, measure))
    return out


def _wrap_para(para: str, width: float, size: float, measure: Measure) -> list[str]:
    lines: list[str] = []
    current = ""
    for piece in _pieces(para):
        candidate = current + piece
        if measure(candidate.rstrip(), size) <= width:
            current = candidate
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = piece
        if measure(current.rstrip(), size) > width:
            chunks = _hard_break(current.rstrip(), width, size, measure)
            lines.extend(chunks[:-1])
            current = chunks[-1] + current[len(current.rstrip()) :]
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _hard_break(word: str, width: float, size: float, measure: Measure) -> list[str]:
    """Split one over-long word into pieces that each fit (at least one character each)."""
    chunks: list[str] = []
    current = ""
    for c in _clusters(word):
        if current and measure(current + c, size) > width:
            chunks.append(current)
            current = c
        else:
            current += c
    chunks.append(current)
    return chunks
