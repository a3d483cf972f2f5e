"""A session's own language → a small tag ("EN" on a French program) on door signs and in the
booklet, read back from the printed text; none where it is the program's language."""

from __future__ import annotations

import dataclasses
import re

import pypdfium2 as pdfium
import pytest

from printkit import i18n
from printkit.errors import Problems
from printkit.load import load_event
from printkit.products.booklet.command import build as booklet
from printkit.products.signs.command import build as signs
from printkit.resources import sample_event_dir


@pytest.mark.parametrize(
    ("program", "session", "tag"),
    [("fr", "en", "EN"), ("fr", "en-GB", "EN"), ("fr", "fr-CA", None), (None, "en", None),
     (None, "de", "DE"), ("de", "German", None), ("fr", "German", "DE"), ("zh-Hans", "zh-Hant", "ZH-HANT"),
     ("fr", None, None), ("fr", "", None), ("fr", "Klingon dialect", "Klingon dialect")],
)  # fmt: skip
def test_session_tag(program, session, tag):
    with i18n.use(program):
        assert i18n.session_tag(session) == tag


def _event():
    """Three sessions of the sample's first room and day, a French program: en, fr, unset."""
    ev = load_event(sample_event_dir(), Problems())
    day, room = ev.days[0], ev.rooms[0].id
    three = [s for s in ev.sessions if s.day == day and s.room == room and not s.is_break][:3]
    sessions = tuple(dataclasses.replace(s, title=f"Séance {i}", language=lang)
                     for i, (s, lang) in enumerate(zip(three, ("en", "fr", None), strict=True)))  # fmt: skip
    ids = {sp for s in sessions for sp in s.speakers}
    speakers = tuple(sp for sp in ev.speakers if sp.id in ids)
    return dataclasses.replace(ev, sessions=sessions, speakers=speakers, language="fr")


def _pages(pdf) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    return [re.sub(r"\s+", " ", p.get_textpage().get_text_range()) for p in doc]


def _tags(text: str) -> set[str]:
    return set(re.findall(r"(?<![A-Za-z])(EN|FR)(?![A-Za-z])", text))


def test_door_signs_tag_only_the_english_session(tmp_path):
    ev = _event()
    pdf = tmp_path / "signs.pdf"
    signs(ev, pdf, problems=Problems(), kind="door", offline=True)
    pages = _pages(pdf)
    # a sign's own title, not the "next in this room" line ("12:30 – Séance 1")
    by_title = {t: next(p for p in pages if re.search(f"(?<!– ){t}", p))
                for t in ("Séance 0", "Séance 1", "Séance 2")}  # fmt: skip
    assert _tags(by_title["Séance 0"]) == {"EN"}
    assert _tags(by_title["Séance 1"]) == set()
    assert _tags(by_title["Séance 2"]) == set()
    # on an English program the English session has no tag and the French one has
    pdf_en = tmp_path / "signs-en.pdf"
    signs(dataclasses.replace(ev, language=None), pdf_en, problems=Problems(), kind="door",
          offline=True)  # fmt: skip
    assert [_tags(p) for p in _pages(pdf_en)] == [set(), {"FR"}, set()]


def test_booklet_tags_only_the_english_session(tmp_path):
    ev = _event()
    pdf = tmp_path / "booklet.pdf"
    booklet(ev, pdf, problems=Problems(), offline=True)
    text = " ".join(_pages(pdf))
    # each session card's meta line follows its title (the card is a title's last occurrence,
    # after the at-a-glance grid); the tag ends that line
    after = {i: text.rsplit(f"Séance {i}", 1)[1][:60] for i in range(3)}
    assert all("Main Hall" in a for a in after.values()), after
    assert re.search(r"·\s*EN\b", after[0]), after[0]
    assert not re.search(r"·\s*(EN|FR)\b", after[1])
    assert not re.search(r"·\s*(EN|FR)\b", after[2])
