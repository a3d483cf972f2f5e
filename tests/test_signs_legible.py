"""Signs read from a step away: footer "next" line, panel speakers, one room-name setting per room."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from printkit.errors import Problems
from printkit.load import load_event
from printkit.products import signs

TITLE = (
    "The Future of Open Source AI Governance, Safety, Licensing, Funding, Community "
    "Stewardship and Everything Else We Could Not Fit Into Other Sessions"
)
EVENT = f"""\
event: {{id: late, name: Late Conf, start: 2025-05-06, end: 2025-05-07, timezone: Europe/Paris,
         schedule_url: 'https://example.org/schedule'}}
rooms:
  - {{id: hall, name: 多功能厅 第三会议室}}
speakers:
  - {{id: p1, name: Alexandra Montgomery-Whitfield, pronouns: she/her, position: Principal Research
      Scientist, organization: Institute for Very Long Organization Names}}
  - {{id: p2, name: Bartholomew Okonkwo, pronouns: he/him, position: CTO, organization: Open Robotics}}
  - {{id: p3, name: Chen Xiaoming, pronouns: he/him, position: Professor, organization: Tsinghua}}
  - {{id: p4, name: Dagny Fjellström-Larsen, pronouns: they/them, organization: Nordic Alliance}}
  - {{id: p5, name: Emmanuel Rodríguez Castillo, pronouns: he/him, organization: Latin AI Network}}
  - {{id: p6, name: Fatima Al-Rashidi, pronouns: she/her, position: Head of Policy,
      organization: European Digital Rights Collective}}
sessions:
  - {{id: before, title: Late talk, room: hall, start: '2025-05-06 22:30', duration: 45,
      speakers: [p2]}}
  - id: panel
    title: '{TITLE}'
    type: panel
    room: hall
    start: 2025-05-06 23:30
    end: 2025-05-07 00:45
    schedule_day: 2025-05-06
    speakers: [p1, p2, p3, p4, p5, p6]
"""


@pytest.fixture(scope="module")
def event(tmp_path_factory):
    path = tmp_path_factory.mktemp("ev") / "event.yaml"
    path.write_text(EVENT, encoding="utf-8")
    problems = Problems()
    ev = load_event(path, problems)
    assert not problems.errors, [str(p) for p in problems.errors]
    return ev


def _chars(page):
    """(char, font size, box) for every character on a page."""
    tp = page.get_textpage()
    out = []
    for i in range(tp.count_chars()):
        ch = chr(pdfium_c.FPDFText_GetUnicode(tp.raw, i))
        out.append((ch, pdfium_c.FPDFText_GetFontSize(tp.raw, i), tp.get_charbox(i)))
    return tp.get_text_range(), out


def _sizes_of(text, chars, word):
    i = text.find(word)
    assert i >= 0, word
    return [chars[j][1] for j in range(i, i + len(word))]


@pytest.fixture(scope="module")
def doors(event, tmp_path_factory):
    out = tmp_path_factory.mktemp("door") / "door.pdf"
    signs.build(event, out, problems=Problems(), target="screen", kind="door")
    return pdfium.PdfDocument(str(out))


def test_next_in_room_is_set_at_the_label_size_and_cut_not_shrunk(doors):
    text, chars = _chars(doors[0])
    label = _sizes_of(text, chars, "Next in this room")
    nxt = _sizes_of(text, chars, "Future of Open")
    assert min(nxt) >= 10 and abs(min(nxt) - min(label)) < 0.2, (nxt[0], label[0])
    assert "…" in text[text.find("Future of Open") :], "a long title is cut with …, not shrunk"


def test_a_room_name_is_set_alike_on_all_its_days(tmp_path):
    """'Embodied AI Stage' was 2 lines large on Tuesday, 1 line on Wednesday."""
    from printkit.resources import sample_event_dir

    event = load_event(sample_event_dir(), Problems())
    out = tmp_path / "rooms.pdf"
    signs.build(event, out, problems=Problems(), target="screen", kind="room")
    sizes: dict[str, set] = {}
    for page in pdfium.PdfDocument(str(out)):
        text, chars = _chars(page)
        biggest = round(max(c[1] for c in chars), 1)
        flat = " ".join(text.split())
        room = next(r.name for r in event.rooms if r.name in flat)
        sizes.setdefault(room, set()).add(biggest)
    assert len(sizes) >= 3
    for room, s in sizes.items():
        assert len(s) == 1, f"{room}: room name at {sorted(s)} pt on different days"
