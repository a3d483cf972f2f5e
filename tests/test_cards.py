"""Host cue cards: who gets one, long introductions over several cards in order, fallback text."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from printkit.errors import Problems
from printkit.load import load_event
from printkit.products import cards
from printkit.products.card_plan import cue_sessions, spoken_text
from printkit.units import MM

SENTENCES = " ".join(
    f"Sentence {i:02d} tells the audience one more thing about our next guest."
    for i in range(1, 41)
)

EVENT = f"""\
event:
  id: cue-conf
  name: Cue Conf
  start: 2025-05-06
  end: 2025-05-07
  timezone: Europe/Paris
  version: draft 3
rooms:
  - {{id: hall, name: Hall A}}
speakers:
  - {{id: ada, name: Ada Lovelace, pronouns: she/her, position: Engineer, organization: Engines Ltd}}
  - {{id: wu, name: 吴明, organization: 开放实验室}}
sessions:
  - id: keynote
    title: Opening keynote
    type: keynote
    room: hall
    start: 2025-05-06 09:00
    duration: 45
    speakers: [ada]
    host:
      introduction: "{SENTENCES}"
  - {{id: talk, title: A talk with no introduction, room: hall, start: '2025-05-06 10:00',
      duration: 30, speakers: [ada, wu]}}
  - {{id: coffee, title: Coffee, type: break, start: '2025-05-06 10:30', duration: 30}}
  - {{id: late, title: Late talk, room: hall, start: '2025-05-06 23:30', end: '2025-05-07 00:15',
      speakers: [wu]}}
"""


@pytest.fixture(scope="module")
def event(tmp_path_factory):
    path = tmp_path_factory.mktemp("ev") / "event.yaml"
    path.write_text(EVENT, encoding="utf-8")
    problems = Problems()
    ev = load_event(path, problems)
    assert not problems.errors, [str(p) for p in problems.errors]
    return ev


def _texts(path):
    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def test_who_gets_cards_and_fallback_text(event):
    assert [s.id for s in cue_sessions(event)] == ["keynote", "talk", "late"]
    talk = next(s for s in event.sessions if s.id == "talk")
    text, own = spoken_text(event, talk)
    assert not own
    assert "Ada Lovelace, Engineer at Engines Ltd" in text and "吴明, 开放实验室" in text
    assert "A talk with no introduction" in text


@pytest.mark.parametrize("layout", ["a6", "a5"])
def test_long_introduction_spreads_over_cards_in_order(event, tmp_path, layout):
    out = tmp_path / "cards.pdf"
    summary = cards.build(event, out, problems=Problems(), target="shop", layout=layout)
    texts = _texts(out)
    keynote = [t for t in texts if "Opening keynote" in t]
    n = len(keynote)
    assert n >= 2 and f"{len(texts)} host cue cards for 3 sessions" in summary
    for i, t in enumerate(keynote, 1):
        assert f"{i}/{n}" in t, "every card is numbered"
        assert "as of draft 3" in t
    assert "Hand over at 09:00" in keynote[-1] and "Hand over" not in keynote[0]
    numbers = [int(x) for x in re.findall(r"(\d\d)\s+tells", "\n".join(keynote))]
    assert numbers == list(range(1, 41)), "every sentence once, in reading order"
    joined = re.sub(r"\s+", " ", " ".join(keynote))
    assert "Ada Lovelace (she/her)" in joined
    page = PdfReader(str(out)).pages[0]
    x0, y0, x1, y1 = (float(v) for v in page.trimbox)
    want = {"a6": (105, 148), "a5": (148, 210)}[layout]
    assert (round((x1 - x0) / MM), round((y1 - y0) / MM)) == want


def test_short_cards_and_office_sheet(event, tmp_path):
    out = tmp_path / "office.pdf"
    cards.build(event, out, problems=Problems(), target="office")
    reader = PdfReader(str(out))
    w, h = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(w / MM), round(h / MM)) == (210, 297)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "SUGGESTED INTRODUCTION" in text and "Please welcome" in text
    assert "Late talk" in text and "Hand over at 23:30" in text
    assert "Coffee" not in text


def test_without_a_version_the_stamp_is_the_data_files_time(tmp_path):
    """No event.version: 'as of' shows when the data was last changed (local time)."""
    import os
    from datetime import datetime

    path = tmp_path / "event.yaml"
    path.write_text(EVENT.replace("  version: draft 3\n", ""), encoding="utf-8")
    when = datetime(2024, 3, 5, 14, 30).timestamp()
    os.utime(path, (when, when))
    ev = load_event(path, Problems())
    assert not ev.version
    out = tmp_path / "cards.pdf"
    cards.build(ev, out, problems=Problems(), target="shop")
    texts = _texts(out)
    assert texts and all("as of 2024-03-05 14:30" in t for t in texts)
