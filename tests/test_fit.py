"""fit.py: sizes and lines that fit a box, with fake monospace and proportional measures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printkit.fit import ELLIPSIS, Fit, break_points, fit_text, wrap

EPS = 1e-6


def mono(s: str, size: float) -> float:
    """Every character 0.6 em wide."""
    return 0.6 * size * len(s)


_PROP = {"i": 0.25, "l": 0.25, " ": 0.28, "m": 0.9, "W": 0.95, "-": 0.33, ELLIPSIS: 0.8}


def prop(s: str, size: float) -> float:
    """Proportional widths; CJK characters are 1 em."""
    return size * sum(1.0 if ord(c) > 0x2E80 else _PROP.get(c, 0.55) for c in s)


MEASURES = st.sampled_from([mono, prop])
WORD = st.text(alphabet="abcdefghilmnoWXYZ-/éñ胡玮文", min_size=1, max_size=14)
TEXT = st.lists(WORD, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None)
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
        # Nothing lost: the same characters, only spaces may become line breaks.
        assert "".join(fit.lines).replace(" ", "") == text.replace(" ", "")
        if fit.size > min_size + EPS:
            assert len(fit.lines) * fit.size * 1.15 <= height + EPS
    else:
        assert fit.size == pytest.approx(min_size)
        assert fit.lines[-1].endswith(ELLIPSIS) or fit.lines[-1] == ""
    assert fit.broken == (len(fit.lines) > 1)
    assert fit.shrunk == (fit.size < max_size)


@settings(max_examples=200, deadline=None)
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


@settings(max_examples=200, deadline=None)
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


@settings(max_examples=300, deadline=None)
@given(
    paras=st.lists(st.one_of(st.just(""), TEXT), min_size=1, max_size=4),
    width=st.floats(10, 300),
    measure=MEASURES,
)
def test_wrap_properties(paras, width, measure):
    text = "\n".join(paras)
    size = 10
    lines = wrap(text, width, size, measure)
    widest_char = max((measure(c, size) for c in text if not c.isspace()), default=0)
    for line in lines:
        if len(line) > 1 or widest_char <= width:
            assert measure(line, size) <= width + EPS, line
        assert line == line.strip()
    # Nothing lost or reordered.
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
    # Blank paragraphs stay as empty lines; there are at least as many lines as paragraphs.
    assert len(lines) >= len(paras)
    assert lines.count("") >= paras.count("")


def test_wrap_is_greedy():
    assert wrap("aa bb cc dd", 5 * 0.6 * 10, 10, mono) == ["aa bb", "cc dd"]
    assert wrap("one\n\ntwo", 100, 10, mono) == ["one", "", "two"]
    assert wrap("abcdefgh", 3 * 6, 10, mono) == ["abc", "def", "gh"]


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
        assert "".join(fit.lines).replace(" ", "") == text.replace(" ", "")
