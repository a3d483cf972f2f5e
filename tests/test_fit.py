"""fit.py: sizes and lines that fit a box, with fake monospace and proportional measures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printkit.fit import (
    ELLIPSIS,
    SHY,
    Fit,
    break_points,
    fit_text,
    shown,
    wrap,
    wrap_lines,
)
from printkit.hyphenate import hyphen_points

EPS = 1e-6


def mono(s: str, size: float) -> float:
    """Every character 0.6 em wide."""
    return 0.6 * size * len(s)


_PROP = {"i": 0.25, "l": 0.25, " ": 0.28, "m": 0.9, "W": 0.95, "-": 0.33, ELLIPSIS: 0.8}


def prop(s: str, size: float) -> float:
    """Proportional widths; CJK characters are 1 em."""
    return size * sum(1.0 if ord(c) > 0x2E80 else _PROP.get(c, 0.55) for c in s)


MEASURES = st.sampled_from([mono, prop])
GERMAN = [
    "Deutschlandtickets",
    "Neuroexploitation",
    "maschinenlesbare",
    "Datenschutzgrundverordnung",
    "Informationsfreiheitsgesetz",
    "Communications",
    "@very_long_handle_name",
    "https://example.org/a-very/long_path",
]
WORD = st.text(alphabet="abcdefghilmnoWXYZ-/éñ胡玮文", min_size=1, max_size=14)
TEXT = st.lists(WORD, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(
    text=TEXT,
    width=st.floats(20, 400),
    height=st.floats(10, 200),
    max_size=st.floats(8, 72),
    shrink=st.floats(0.2, 1.0),
    max_lines=st.integers(1, 4),
    measure=MEASURES,
)
def test_fit_never_overflows(text, width, height, max_size, shrink, max_lines, measure):
    min_size = max_size * shrink
    fit = fit_text(text, width, height, max_size, min_size, max_lines, measure)
    assert isinstance(fit, Fit)
    assert min_size - EPS <= fit.size <= max_size + EPS
    assert 1 <= len(fit.lines) <= max_lines
    for line in fit.lines:
        assert measure(line, fit.size) <= width + EPS, (line, fit)
    if not fit.truncated:
        # Nothing lost: the same characters; spaces may become line breaks, hyphens be added.
        assert _letters("".join(fit.lines)) == _letters(text)
        assert not _bare_cuts(fit.lines, text)
        if fit.size > min_size + EPS:
            assert len(fit.lines) * fit.size * 1.15 <= height + EPS
    else:
        assert fit.size == pytest.approx(min_size)
        assert any(ELLIPSIS in line for line in fit.lines) or "" in fit.lines
    assert fit.broken == (len(fit.lines) > 1)
    assert fit.shrunk == (fit.size < max_size)


@settings(max_examples=80, deadline=None)
@given(text=TEXT, width=st.floats(20, 400), measure=MEASURES)
def test_one_line_is_the_largest_size_that_fits(text, width, measure):
    fit = fit_text(text, width, 1000, 200, 0.01, 1, measure)
    assert fit.lines == (text,)
    # 1 % larger would not fit (unless already at max size).
    if fit.size < 200:
        assert measure(text, fit.size * 1.01 + 0.1) > width


def test_one_line_preferred_over_breaking():
    fit = fit_text("Ana María Núñez-Ölçer", 200, 50, 30, 10, 2, prop)
    assert fit.lines == ("Ana María Núñez-Ölçer",)
    assert fit.shrunk and not fit.broken
    assert prop(fit.lines[0], fit.size) <= 200


def test_two_lines_are_balanced():
    text = "Maximilian Alexander von Hohenzollern"
    fit = fit_text(text, 230, 100, 30, 18, 2, mono)
    assert fit.broken and not fit.truncated
    assert fit.lines == ("Maximilian Alexander", "von Hohenzollern")


@settings(max_examples=80, deadline=None)
@given(words=st.lists(WORD, min_size=2, max_size=7), measure=MEASURES)
def test_two_line_break_minimises_the_widest_line(words, measure):
    text = " ".join(words)
    one = measure(text, 1)
    # Too wide for one line at min size 10, so it must break (or truncate).
    width = one * 10 * 0.7
    fit = fit_text(text, width, 1000, 10, 10 * 0.6, 2, measure)
    if fit.truncated or len(fit.lines) < 2:
        return
    best = min(
        max(measure(" ".join(words[:i]), 1), measure(" ".join(words[i:]), 1))
        for i in range(1, len(words))
    )
    widest = max(measure(line, 1) for line in fit.lines)
    assert widest <= best + EPS


def test_breaks_after_hyphen():
    fit = fit_text("Núñez-Ölçer-Schmidt", 160, 100, 40, 20, 2, mono)
    assert fit.lines[0].endswith("-")
    assert "".join(fit.lines) == "Núñez-Ölçer-Schmidt"


def test_cjk_breaks_between_characters():
    text = "胡玮文胡玮文胡玮文胡玮文"
    fit = fit_text(text, 120, 100, 30, 18, 2, prop)
    assert fit.lines == ("胡玮文胡玮文", "胡玮文胡玮文")
    assert fit.size == pytest.approx(20.0)


def _letters(s: str) -> str:
    return s.replace(" ", "").replace("-", "")


def _bare_cuts(lines, text) -> list[str]:
    """Line ends that split a source word with neither "-" nor "…" (after / _ and CJK are fine)."""
    words = text.split()
    bad = []
    for line, after in zip(lines, lines[1:], strict=False):
        last = line.split()[-1] if line.split() else ""
        if not last or last.endswith(("-", "/", "_", ELLIPSIS)) or ord(last[-1]) > 0x2E80:
            continue
        if after and ord(after[0]) > 0x2E80:
            continue
        if not any(w == last or w.endswith(last) for w in words):
            bad.append(last)
    return bad


def test_truncates_only_at_min_size_with_ellipsis():
    fit = fit_text("a" * 200, 100, 100, 30, 12, 2, mono)
    assert fit.truncated and fit.size == 12
    assert fit.lines[-1].endswith(ELLIPSIS)
    assert all(mono(line, 12) <= 100 for line in fit.lines)


def test_height_limits_size():
    fit = fit_text("Bob", 1000, 23, 40, 5, 1, mono)
    assert fit.size * 1.15 <= 23
    assert fit.size == pytest.approx(20.0)


def test_empty_text():
    assert fit_text("   ", 100, 100, 20, 10, 2, mono).lines == ()


def test_bad_sizes_rejected():
    with pytest.raises(ValueError):
        fit_text("x", 100, 100, 10, 20, 1, mono)


def test_break_points():
    assert break_points("ab cd") == [3]
    assert break_points("a-b") == [2]
    assert break_points("胡玮文") == [1, 2]
    assert break_points("胡。文") == [2]  # no line starts with 。


@settings(max_examples=100, deadline=None)
@given(
    paras=st.lists(st.one_of(st.just(""), TEXT), min_size=1, max_size=4),
    width=st.floats(10, 300),
    measure=MEASURES,
)
def test_wrap_properties(paras, width, measure):
    text = "\n".join(paras)
    size = 10
    lines = wrap(text, width, size, measure)
    for line in lines:
        assert measure(line, size) <= width + EPS or line == "", line
        assert line == line.strip()
    # Blank paragraphs stay as empty lines; there are at least as many lines as paragraphs.
    assert len(lines) >= len(paras)
    assert lines.count("") >= paras.count("")


@settings(max_examples=100, deadline=None)
@given(
    text=st.one_of(TEXT, st.lists(st.sampled_from(GERMAN), min_size=1, max_size=5).map(" ".join)),
    width=st.floats(10, 300),
    measure=MEASURES,
    lang=st.sampled_from([None, "en", "de", "fr", "xx"]),
)
def test_wrap_lines_never_cut_a_word_bare(text, width, measure, lang):
    para = " ".join(text.split())
    size = 10
    lines = wrap_lines(para, width, size, measure, lang)
    # The lines show the paragraph in order, each a slice of it, nothing skipped.
    assert lines[0].start == 0 and lines[-1].end == len(para)
    for a, b in zip(lines, lines[1:], strict=False):
        assert b.start in (a.end, a.end + 1) and (b.start == a.end) == (para[a.end] != " ")
    for ln in lines:
        src = para[ln.start : ln.end]
        assert measure(ln.text, size) <= width + EPS or ln.text == "", ln
        if ln.text.endswith(ELLIPSIS) and not src.endswith(ELLIPSIS):
            assert shown(src).startswith(ln.text[:-1].rstrip())  # a word with no legal break
            assert ln.end == len(para) or para[ln.end] == " "
            continue
        if ln.end == len(para) or para[ln.end] == " ":
            assert ln.text == shown(src)  # ends at a space
        elif ln.text == shown(src) + "-":  # a hyphen added at a legal point
            word_start = para.rfind(" ", 0, ln.end) + 1
            word_end = para.find(" ", ln.end) % (len(para) + 1)
            word = para[word_start : word_end if word_end else len(para)]
            legal = {word_start + p for p in hyphen_points(word, lang)}
            assert ln.end in legal or para[ln.end - 1] == SHY, (ln, word)
        else:  # after - / _ or between CJK characters
            assert ln.text == shown(src) and ln.end in break_points(para), ln


@pytest.mark.parametrize(
    ("word", "lang", "first"),
    [
        ("Deutschlandtickets", "de", "Deutsch-"),
        ("Neuroexploitation", "de", "Neuroex-"),
        ("Communications", "en", "Commu-"),
    ],
)
def test_long_word_breaks_at_a_legal_point_with_a_hyphen(word, lang, first):
    fit = fit_text(word, 8 * 6, 100, 10, 10, 3, mono, lang=lang)
    assert not fit.truncated
    assert fit.lines[0] == first
    assert all(line.endswith("-") for line in fit.lines[:-1])
    assert "".join(line.removesuffix("-") for line in fit.lines) == word


def test_handles_and_urls_break_after_slash_and_underscore_first():
    assert wrap("@very_long_handle", 7 * 6, 10, mono) == ["@very_", "long_", "handle"]
    lines = wrap("https://example.org/talks/x", 20 * 6, 10, mono)
    assert lines == ["https://example.org/", "talks/x"]


def test_a_word_with_no_legal_break_ends_with_an_ellipsis():
    assert wrap("xyzzyxyzzyx ok", 5 * 6, 10, mono, lang="en") == ["xyzz…", "ok"]
    fit = fit_text("Xq7Zk9Wq7Zk9", 30, 100, 12, 10, 2, mono)
    assert fit.truncated and fit.lines[-1].endswith(ELLIPSIS)


def test_spaces_preferred_over_hyphens():
    # Each word fits a line of its own: no hyphenation.
    assert wrap("Datenschutz Grundverordnung", 15 * 6, 10, mono, "de") == [
        "Datenschutz",
        "Grundverordnung",
    ]


def test_soft_hyphen_in_the_source_is_a_break_and_prints_only_at_a_line_end():
    assert wrap(f"Daten{SHY}schutz", 100 * 6, 10, mono) == ["Datenschutz"]
    assert wrap(f"Xqzkw{SHY}xqzkwq", 7 * 6, 10, mono, "xx") == ["Xqzkw-", "xqzkwq"]


def test_wrap_is_greedy():
    assert wrap("aa bb cc dd", 5 * 0.6 * 10, 10, mono) == ["aa bb", "cc dd"]
    assert wrap("one\n\ntwo", 100, 10, mono) == ["one", "", "two"]


@settings(max_examples=50, deadline=None)
@given(
    words=st.lists(WORD, min_size=31, max_size=60),
    width=st.floats(100, 400),
    max_lines=st.integers(2, 5),
    measure=MEASURES,
)
def test_long_text_breaks_into_at_most_max_lines(words, width, max_lines, measure):
    text = " ".join(words)
    fit = fit_text(text, width, 1000, 40, 2, max_lines, measure)
    assert 1 <= len(fit.lines) <= max_lines
    assert all(measure(line, fit.size) <= width + EPS for line in fit.lines)
    if not fit.truncated:
        assert _letters("".join(fit.lines)) == _letters(text)


@pytest.mark.parametrize("text", ["x" * 100_000, "Deutschlandtickets lorem ipsum " * 3_300])
def test_a_100000_character_text_fits_its_first_lines_and_ends_with_an_ellipsis(text):
    # only what could show is measured: a 100,000-character title once took minutes
    f = fit_text(text, 100, 60, 12, 6, max_lines=3, measure=mono)
    assert f.truncated and f.size == 6 and 1 <= len(f.lines) <= 3 and f.lines[-1].endswith("…")
    assert all(mono(line, 6) <= 100 for line in f.lines)


def test_wrap_of_a_20000_character_text_keeps_every_word():
    text = "Deutschlandtickets lorem ipsum " * 650
    lines = wrap(text, 100, 6, mono)
    assert len(lines) > 600 and all(mono(line, 6) <= 100 for line in lines)
    assert "".join(x.rstrip("-") for x in lines).replace(" ", "") == text.replace(" ", "")
