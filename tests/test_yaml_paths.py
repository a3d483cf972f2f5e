"""Every way YAML text is loaded gives the same values, lines and messages.

The paths: the pure-Python reference loader; libyaml's composer into nodes,
then the constructor (`nodes`); libyaml's events straight into data
(`events`, yamlfast); a text cut into chunks parsed by forked workers and
merged (`split`, yamlsplit — made to cut small texts here).
"""

from __future__ import annotations

import contextlib
from unittest import mock

import pytest
from conftest import MINIMAL
from hypothesis import given, settings
from hypothesis import strategies as st

from printkit import yamlfast, yamlsafe, yamlsplit
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
    "windows line ends": "a: 1\r\nb: [x,\r\n y]\r\nc: |\r\n  z\r\n",
    "other line breaks": "a: 1\x85b: 2\u2028c: x\u2029  y\n",
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


PATHS = ("python", "nodes", "events", "split")


@contextlib.contextmanager
def small_chunks(jobs: int = 3):
    """yamlsplit cuts any text it can into up to `jobs` chunks."""
    with (
        mock.patch.object(yamlsplit, "MIN_SPLIT_CHARS", 0),
        mock.patch.object(yamlsplit, "MIN_CHUNK_CHARS", 1),
        mock.patch.object(yamlsplit, "JOBS", jobs),
    ):
        yield


def _refuse(*args):
    raise yamlfast.Fallback


def _load(text: str, path: str):
    """(shape of the value, messages) by one path."""
    problems = Problems()
    if path == "python":
        value = load_yaml_text(text, "ev.yaml", problems, fast=False)
    elif path == "nodes":
        with mock.patch.object(yamlfast, "build", _refuse):
            value = load_yaml_text(text, "ev.yaml", problems, split=False)
    elif path == "events":
        value = load_yaml_text(text, "ev.yaml", problems, split=False)
    else:
        with small_chunks():
            value = load_yaml_text(text, "ev.yaml", problems)
    return _shape(value), [str(p) for p in problems.items]


def _all(text: str) -> dict:
    return {path: _load(text, path) for path in PATHS}


def _same(text: str):
    """The reference result, after checking every path gives it."""
    found = _all(text)
    for path in PATHS[1:]:
        assert found[path] == found["python"], path
    return found["python"]


@needs_libyaml
@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_documents_give_the_same_values_and_lines(name):
    value, messages = _same(GOOD[name])
    assert value[0] == "map" and not messages


@needs_libyaml
@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_documents_give_the_same_messages(name):
    _, messages = _same(BAD[name])
    assert messages, f"{name}: no problem reported"
    assert all(m.startswith("ev.yaml") for m in messages)


@needs_libyaml
def test_the_fast_path_is_the_c_parser_straight_into_data(monkeypatch):
    used = []
    monkeypatch.setattr(yamlsafe, "_load", lambda cls, *a: used.append(cls))
    value = load_yaml_text(MINIMAL, "ev.yaml", Problems())
    assert isinstance(value, LineDict) and used == []


@needs_libyaml
@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!?|>'\",#\n \t0x1.~")), max_size=40))
def test_any_text_gives_the_same_result_on_every_path(text):
    _same(text)


@needs_libyaml
@pytest.mark.parametrize("levels", [99, 101, 600])
def test_deep_block_nesting_gives_the_same_on_every_path(levels):
    text = "".join(" " * i + "a:\n" for i in range(levels)) + " " * levels + "x\n"
    _same(text)
    _same("".join(" " * i + "-\n" for i in range(levels)) + " " * levels + "x\n")


def big_event(speakers: int, sessions: int, indent: str = "") -> str:
    """A generated event: lists at column 0 (`indent=""`) or indented, every kind of scalar."""
    i = indent
    out = [
        "# a generated event",
        "event:",
        "  id: gen-conf",
        "  name: 'Gen: Conf?'",
        "  start: 2025-05-06",
        "  end: 2025-05-08",
        "  timezone: Europe/Paris",
        "speakers:",
    ]
    for n in range(speakers):
        out += [
            f"{i}- id: sp{n:05d}",
            f'{i}  name: "Speaker {n} Ölafsdóttir"',
            f"{i}  position: {['yes', 'NO', '007', '1.10', 'true', '~', 'R&D *lead*'][n % 7]}",
            f"{i}  bio: >",
            f"{i}    Why? Because #{n} is a # number & more",
            f"{i}    text on a second line.",
        ]
        if n % 5 == 0:
            out += [f"{i}  interests: [a, 'b', {n}]", "# a comment at column 0", ""]
        if n % 7 == 3:
            out += [f"{i}  links: {{home: 'https://example.org/{n}'}}"]
    out.append("sessions:   # the program")
    for n in range(sessions):
        out += [
            f"{i}- id: s{n}",
            f"{i}  title: |",
            f"{i}    Talk {n}:",
            f"{i}      - not an item",
            f"{i}  start: 2025-05-0{6 + n % 3} {9 + n % 8}:00",
            f"{i}  duration: {30 + n % 4}",
            f"{i}  speakers:",
            f"{i}  - sp{n % max(1, speakers):05d}",
        ]
    return "\n".join(out) + "\n"


@needs_libyaml
@pytest.mark.parametrize("indent", ["", "  "])
def test_a_big_event_parsed_in_chunks_is_the_same(indent):
    text = big_event(60, 90, indent)
    with small_chunks(jobs=4):
        cuts = yamlsplit.plan(text, 4)
        assert cuts and len(cuts) == 3 and {key for _, _, key in cuts} <= {"speakers", "sessions"}
        split = _shape(yamlsafe._load_split(text))  # raises when it falls back
    value, messages = _same(text)
    assert split == value and not messages
    assert len(value[4][1][1][4]) == 60 and len(value[4][2][1][4]) == 90


@needs_libyaml
def test_the_sample_event_files_give_the_same_on_every_path():
    files = sorted(sample_event_dir().glob("*.yaml"))
    assert len(files) >= 4
    cut = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        value, messages = _same(text)
        assert value[0] == "map" and not messages, f.name
        with small_chunks():
            if yamlsplit.plan(text, 3):
                assert _shape(yamlsafe._load_split(text)) == value, f.name
                cut += 1
    assert cut >= 2  # the speakers and sessions files at least


@needs_libyaml
def test_a_big_event_with_windows_line_ends_is_not_cut_and_reads_the_same():
    text = big_event(20, 20).replace("\n", "\r\n")
    with small_chunks():
        assert yamlsplit.plan(text, 3) is None
    value, messages = _same(text)
    assert value[0] == "map" and not messages


@needs_libyaml
def test_the_chunks_keep_the_files_line_numbers():
    text = big_event(30, 30)
    with small_chunks(jobs=4):
        data = yamlsafe._load_split(text)
    lines = text.splitlines()
    for item, line in zip(data["sessions"], data["sessions"].item_lines, strict=True):
        assert lines[line - 1] == f"- id: {item['id']}" and item.line == line
        assert lines[item.key_lines["start"] - 1].startswith("  start: ")


BREAKS = [
    "speakers:",  # the same top-level key again
    "- &a x",
    "- *a",
    '  title: "unclosed',
    "\tname: tab",
    "---",
    "...",
    "extra: value",
    "  - misplaced",
    '  name: "\\ud800"',
    "  name: !custom x",
    "  bad: [1, 2",
    "  on: {a?b: 1}",
    "- [a, b]: 1",
    "  <<: {x: 1}",
    "% directive",
    "  start: 2025-13-45",
    "? complex",
    "\ufeffbom",
    "  x: \x07",
    "  id: |#x",
]


@needs_libyaml
@settings(max_examples=25, deadline=None)
@given(
    st.integers(min_value=0, max_value=400),
    st.sampled_from(BREAKS),
    st.sampled_from(["", "  "]),
)
def test_a_broken_big_event_gives_the_same_messages_on_every_path(where, line, indent):
    lines = big_event(12, 16, indent).splitlines()
    where = where % len(lines)
    text = "\n".join([*lines[:where], line, *lines[where:]]) + "\n"
    _same(text)


def test_the_printable_check_on_bytes_is_the_readers():
    chars = [*range(0x3000), *range(0xD700, 0xE100), *range(0xFF00, 0x10100), 0x10FFFF]
    chars += range(0x3000, 0x110000, 97)
    for c in chars:
        for text in (chr(c), f"ab{chr(c)}é"):
            expected = yamlsafe._NON_PRINTABLE.search(text) is not None
            assert yamlsafe._non_printable(text) == expected, hex(c)
