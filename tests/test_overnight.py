"""Times past midnight that are listed under the evening's schedule day read '00:20 Sun'."""

from __future__ import annotations

from datetime import date, datetime

import pypdfium2 as pdfium

from printkit.errors import Problems
from printkit.load import load_event
from printkit.products.booklet import command as booklet
from printkit.products.overnight import day_mark, on_next_day
from printkit.products.signs import command as signs

EVENT = """\
event: {id: late, name: Late Conf, start: 2024-12-28, end: 2024-12-29, timezone: Europe/Berlin}
rooms:
  - {id: hall, name: Hall}
speakers:
  - {id: p2, name: Bartholomew Okonkwo}
sessions:
  - {id: before, title: Evening talk, room: hall, start: '2024-12-28 22:30', duration: 45,
     speakers: [p2]}
  - {id: over, title: Across midnight, room: hall, start: '2024-12-28 23:30',
     end: '2024-12-29 00:10', schedule_day: 2024-12-28}
  - {id: after, title: After midnight, room: hall, start: '2024-12-29 00:20',
     end: '2024-12-29 01:00', schedule_day: 2024-12-28}
"""


def test_marks():
    day = date(2024, 12, 28)
    assert day_mark(datetime(2024, 12, 29, 0, 20), day) == " Sun"
    assert day_mark(datetime(2024, 12, 28, 23, 20), day) == ""
    assert not on_next_day(datetime(2024, 12, 29, 0, 0), day)  # an end at midnight


def _pages(pdf) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    return [" ".join(p.get_textpage().get_text_range().split()) for p in doc]


def test_room_and_door_signs_and_booklet_mark_the_next_day(tmp_path):
    path = tmp_path / "event.yaml"
    path.write_text(EVENT, encoding="utf-8")
    ev = load_event(path, Problems())
    signs.build(ev, tmp_path / "s.pdf", problems=Problems(), target="screen")
    room, *doors = _pages(tmp_path / "s.pdf")
    assert "Sat 28 December 2024" in room or "Saturday" in room
    assert "22:30 –23:15 Evening" in room  # same day: no mark
    assert "23:30 –00:10 Sun Across" in room
    assert "00:20 –01:00 Sun After" in room
    assert any("00:20–01:00 Sun" in d for d in doors)
    assert any("23:30–00:10 Sun" in d for d in doors)
    assert any("Next in this room: 00:20 Sun" in d for d in doors)
    booklet.build(ev, tmp_path / "b.pdf", problems=Problems(), target="screen")
    text = " ".join(_pages(tmp_path / "b.pdf"))
    assert "00:20 Sun" in text and "00:20–01:00 Sun" in text
    assert "22:30 Sun" not in text and "22:30–23:15 Sun" not in text
