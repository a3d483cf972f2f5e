"""libyaml's C composer and the pure-Python loader: same values, same lines, same messages."""

from __future__ import annotations

import pytest
from conftest import MINIMAL
from hypothesis import given, settings
from hypothesis import strategies as st

from printkit import yamlsafe
from printkit.errors import Problems
from printkit.resources import sample_event_dir
from printkit.yamlsafe import LineDict, LineList, load_yaml_text

needs_libyaml = pytest.mark.skipif(yamlsafe._CLoader is None, reason="PyYAML without libyaml")


def _bomb() -> str:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


BAD = {
    "python tag": 'event: !!python/object/apply:os.system ["touch x"]\n',
    "alias bomb": _bomb(),
    "unclosed flow": "event: [1,\n",
    "duplicate key": MINIMAL + "sessions: []\n",
    "control character": 'event:\n  id: t\n  name: "a\x07b"\n',
    "unhashable key": "? [a, b]\n: 1\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "undefined alias": "a: *nowhere\n",
    "tab indent": "event:\n\tname: x\n",
    "bad indent": "event:\n  id: a\n name: b\n",
    "unclosed quote": 'event:\n  name: "abc\n',
    "custom tag": "event: !secret x\n",
    "bad timestamp": "start: 2025-13-45\n",
    "deep nesting": "a: " + "[" * 1500 + "]" * 1500 + "\n",
    "recursive alias": "a: &a [*a]\n",
    "colon in plain": "a: b: c\n",
    "lone surrogate escape": 'a: "\\ud800"\n',
    "question mark in a flow mapping": "a: {b?c: 1}\n",
    "block header touching a comment": "a: |#x\n  y\n",
}

GOOD = {
    "minimal": MINIMAL,
    "sample": "\n".join(
        p.read_text(encoding="utf-8") for p in sorted(sample_event_dir().glob("*.yaml"))[:1]
    ),
    "narrow scalars": "a: yes\nb: NO\nc: 0x1F\nd: 0123\ne: 1_000\nf: .inf\ng: 1:20\nh: true\n"
    "i: 007\nj: 1.10\nk: 2025-05-06\nl: 2025-05-06 09:00\nm: ~\nn: -5\n",
    "merge keys": "base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  z: 3\n",
    "flow and block": "a: [1, {b: c}, [d]]\nlist:\n  - x\n  -\n    k: v\n  - |\n    two\n    lines\n",
    "quoted": "a: 'it''s'\nb: \"tab\\there é\"\nc: >\n  folded\n  text\n",
    "tab in quotes and block": "a: 'x\ty'\nb: |\n  x\ty\n",
    "same key twice on one line": "{a: 1, a: 2}\n",
}


def _shape(value):
    """The value with every line attribute made visible, for a strict comparison."""
    if isinstance(value, LineDict):
        return (
            "map",
            value.line,
            getattr(value, "key_lines", None),
            getattr(value, "raw", None),
            [(k, _shape(v)) for k, v in value.items()],
        )
    if isinstance(value, LineList):
        return ("seq", value.line, value.item_lines, value.raw, [_shape(v) for v in value])
    return (type(value).__name__, value)


def _both(text: str):
    out = []
    for fast in (True, False):
        problems = Problems()
        value = load_yaml_text(text, "ev.yaml", problems, fast=fast)
        out.append((_shape(value), [str(p) for p in problems.items]))
    return out


@needs_libyaml
@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_documents_give_the_same_values_and_lines(name):
    fast, slow = _both(GOOD[name])
    assert fast == slow
    assert fast[0][0] == "map" and not fast[1]


@needs_libyaml
@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_documents_give_the_same_messages(name):
    fast, slow = _both(BAD[name])
    assert fast == slow
    assert slow[1], f"{name}: no problem reported"
    assert all(m.startswith("ev.yaml") for m in slow[1])


@needs_libyaml
def test_the_fast_path_is_the_c_parser_straight_into_data(monkeypatch):
    used = []
    monkeypatch.setattr(yamlsafe, "_load", lambda cls, *a: used.append(cls))
    value = load_yaml_text(MINIMAL, "ev.yaml", Problems())
    assert isinstance(value, LineDict) and used == []


@needs_libyaml
@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!?|>'\",#\n \t0x1.~")), max_size=40))
def test_any_text_gives_the_same_result_on_both_paths(text):
    fast, slow = _both(text)
    assert fast == slow
