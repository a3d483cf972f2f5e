"""Speakers section: a speaker with many sessions gets a short list and '+N more: p. …'."""

from __future__ import annotations

import re

import pypdf
from conftest import MINIMAL

from printkit.errors import Problems
from printkit.load import load_event
from printkit.products.booklet import command as booklet
from printkit.products.booklet.speakers import MAX_REFS, more_refs_lines, split_refs

N = 9


def busy_event_yaml() -> str:
    sessions = "".join(
        f"  - id: t{i}\n    title: Busy talk number {i}\n    track: main\n    room: hall\n"
        f"    start: 2025-05-06 {10 + i}:00\n    end: 2025-05-06 {10 + i}:45\n    speakers: [ada]\n"
        for i in range(N)
    )
    return MINIMAL + sessions


def test_split_refs_and_more_line():
    assert split_refs(list(range(MAX_REFS))) == (list(range(MAX_REFS)), [])
    shown, rest = split_refs(list(range(N)))
    assert shown + rest == list(range(N)) and len(shown) == MAX_REFS - 1
    assert more_refs_lines(0, [], 200, 7.5) == ()
    assert more_refs_lines(2, ["12", "14"], 400, 7.5) == ("+2 more sessions: p. 12, 14",)


def test_busy_speaker_entry_is_compact_and_points_at_the_pages(write_event, tmp_path):
    ev = load_event(write_event(busy_event_yaml()), Problems())
    path = tmp_path / "busy.pdf"
    booklet.build(ev, path, problems=Problems(), offline=True)
    book = booklet.plan_booklet(ev)
    start = book.numbers["section:speakers"]
    text = " ".join(
        re.sub(r"\s+", " ", p.extract_text()) for p in pypdf.PdfReader(path).pages[start - 1 :]
    )
    speakers = text.split("Speaker index")[0]
    sessions = ev.sessions_of("ada")
    shown, rest = split_refs(sessions)
    for s in shown:
        assert s.title in speakers
    for s in rest:
        assert s.title not in speakers  # summed up, not listed
    pages = sorted({book.numbers[f"session:{s.id}"] for s in rest})
    assert f"+{len(rest)} more sessions: p. {', '.join(map(str, pages))}" in speakers
