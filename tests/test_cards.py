"""Host cue cards: who gets one, long introductions over several cards in order, fallback text."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from printkit.errors import Problems
from printkit.load import load_event
from printkit.products.cards import command as cards
from printkit.products.cards.plan import cue_sessions, spoken_text
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


PANEL_TITLE = (
    "The Future of Open Source AI Governance, Safety, Licensing, Funding, Community "
    "Stewardship and Everything Else We Could Not Fit Into Other Sessions"
)
PANEL = f"""\
event: {{id: late, name: Late Conf, start: 2025-05-06, end: 2025-05-07, timezone: Europe/Paris}}
rooms:
  - {{id: hall, name: 多功能厅 第三会议室}}
speakers:
  - {{id: p1, name: Alexandra Montgomery-Whitfield, pronouns: she/her, organization: Institute}}
  - {{id: p2, name: Bartholomew Okonkwo, pronouns: he/him}}
  - {{id: p3, name: Chen Xiaoming, pronouns: he/him}}
  - {{id: p4, name: Dagny Fjellström-Larsen, pronouns: they/them}}
  - {{id: p5, name: Emmanuel Rodríguez Castillo, pronouns: he/him}}
  - {{id: p6, name: Fatima Al-Rashidi, pronouns: she/her}}
sessions:
  - id: panel
    title: '{PANEL_TITLE}'
    type: panel
    room: hall
    start: 2025-05-06 23:30
    end: 2025-05-07 00:45
    schedule_day: 2025-05-06
    speakers: [p1, p2, p3, p4, p5, p6]
  - {{id: short, title: 'Decode DeepSeek: the Technological Innovation and Its Influence',
      room: hall, start: '2025-05-06 10:00', duration: 30, speakers: [p1]}}
"""


@pytest.fixture(scope="module")
def panel(tmp_path_factory):
    path = tmp_path_factory.mktemp("panel") / "event.yaml"
    path.write_text(PANEL, encoding="utf-8")
    problems = Problems()
    ev = load_event(path, problems)
    assert not problems.errors, [str(p) for p in problems.errors]
    return ev


@pytest.mark.parametrize("layout", ["a6", "a5"])
def test_panel_title_and_speakers_are_never_cut(panel, tmp_path, layout):
    """A host reads the title aloud: no '…'; each 'Name (pronouns)' stays on one line."""
    out = tmp_path / "cards.pdf"
    cards.build(panel, out, problems=Problems(), target="screen", layout=layout)
    texts = [t for t in _texts(out) if "Future of Open Source" in t]
    assert texts and all("…" not in t for t in texts)
    first = " ".join(texts[0].split())
    assert PANEL_TITLE in first, "the whole title on the first card"
    lines = texts[0].splitlines()
    for unit in ("Alexandra Montgomery-Whitfield (she/her)", "Bartholomew Okonkwo (he/him)",
                 "Dagny Fjellström-Larsen (they/them)", "Fatima Al-Rashidi (she/her)"):  # fmt: skip
        assert any(unit in line for line in lines), f"{unit!r} split over lines"
    assert not any(line.rstrip().endswith(("(he/", "(she/")) for line in lines)


def test_fit_names_keeps_units_whole_and_never_truncates():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from printkit.products.cards.plan import fit_names

    def m(s, size):
        return len(s) * size * 0.5

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.from_regex(r"[A-Z][a-z]{1,9} [A-Z][a-z]{1,9} \((he|she|they)/\w{2,4}\)",
                                  fullmatch=True), min_size=1, max_size=8),
           st.floats(60, 400))  # fmt: skip
    def check(units, width):
        f = fit_names(units, width, 12, 9, 3, m)
        assert not f.truncated and f.size >= 9
        joined = " ".join(f.lines)
        assert joined == ", ".join(units) or any(m(u, f.size) > width for u in units)
        for u in units:
            if m(u, f.size) <= width:
                assert any(u in line for line in f.lines)

    check()


@pytest.mark.parametrize("layout", ["a6", "a5"])
def test_office_cards_keep_text_5mm_from_the_paper_edge(panel, tmp_path, layout):
    """Office printers cannot print the outer 4-5 mm of a sheet."""
    import pypdfium2 as pdfium

    out = tmp_path / "office.pdf"
    cards.build(panel, out, problems=Problems(), target="office", layout=layout)
    pdf = pdfium.PdfDocument(str(out))
    for page in pdf:
        w, h = page.get_size()
        tp = page.get_textpage()
        boxes = [tp.get_charbox(i) for i in range(tp.count_chars())]
        boxes = [b for b in boxes if b[2] > b[0]]
        assert boxes
        edge = min(min(b[0], b[1], w - b[2], h - b[3]) for b in boxes)
        assert edge >= 5 * MM, f"text {edge / MM:.1f} mm from the paper edge"


def test_a5_type_is_scaled_to_the_card(panel, tmp_path):
    """A5 is A6 doubled: its type is ~1.4x larger, and a short card is not mostly empty."""
    from printkit.products.cards.layout import load_card_layout

    a5, a6 = load_card_layout("a5"), load_card_layout("a6")
    for key in ("title", "intro", "speakers", "band_text"):
        assert getattr(a5, key) >= 1.3 * getattr(a6, key), key
    short = next(s for s in panel.sessions if s.id == "short")
    plan = cards.plan_cards(panel, short, a5)
    assert plan.intro >= 1.3 * a5.intro * 0.9 and len(plan.pages) == 1
    import pypdfium2 as pdfium

    out = tmp_path / "a5.pdf"
    cards.build(panel, out, problems=Problems(), target="screen", layout="a5")
    page = pdfium.PdfDocument(str(out))[0]
    h = page.get_size()[1]
    tp = page.get_textpage()
    boxes = [tp.get_charbox(i) for i in range(tp.count_chars())]
    body = [b for b in boxes if b[2] > b[0] and b[1] > a5.margin + a5.footer]
    gap = min(b[1] for b in body) - (a5.margin + a5.footer)
    assert gap < 0.4 * h, f"{gap / h:.0%} of the card empty under the text"
