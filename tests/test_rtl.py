"""Arabic and Hebrew: products set flush right and read right to left (press/mirror.py), numbers
such as "9:30–10:00" stay one left-to-right unit; French stays flush left. Read from the PDFs."""

from __future__ import annotations

import dataclasses
import unicodedata

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printkit.errors import Problems
from printkit.load import load_event
from printkit.press.mirror import rtl_pieces
from printkit.products.booklet.command import build as booklet
from printkit.products.cards.command import build as cards
from printkit.products.signs.command import build as signs
from printkit.resources import sample_event_dir


@pytest.mark.parametrize(
    ("line", "pieces"),
    [("9:30–10:00 ص", ["9:30–10:00", " ص"]),
     ("التالي: 12:30 – Keynote talk", ["التالي: ", "12:30", " – ", "Keynote talk"]),
     ("مؤتمر Paris 2025 الكبير", ["مؤتمر ", "Paris 2025", " الكبير"]),  # 2025 follows Latin
     ("GOSIM AI Paris 2025", ["GOSIM AI Paris 2025"]),  # no RTL letter: one piece
     ("ML Research Engineer في", ["ML Research Engineer", " في"]),
     ("עד 2025-05-01", ["עד ", "2025-05-01"])],
)  # fmt: skip
def test_rtl_pieces(line, pieces):
    assert rtl_pieces(line) == pieces


def _dirs(s: str) -> set[str]:
    return {
        {"L": "L", "R": "R", "AL": "R"}[unicodedata.bidirectional(c)]
        for c in s
        if unicodedata.bidirectional(c) in ("L", "R", "AL")
    }


words = st.sampled_from(["9:30", "–", "10:00", " ", "ص", "م", "Keynote", "قاعة", "שלום", "2025-05-01",
                         "(", ")", ": ", "Paris", "AI", "·", "12"])  # fmt: skip


@settings(max_examples=50, deadline=None)
@given(st.lists(words, max_size=12).map("".join))
def test_pieces_keep_the_text_and_one_direction_each(line):
    pieces = rtl_pieces(line)
    assert "".join(pieces) == line
    assert all(len(_dirs(p)) <= 1 for p in pieces)
    if _dirs(line) == {"L"} or not _dirs(line):
        assert pieces == [line] or line == ""


@pytest.fixture(scope="module")
def event():
    ev = load_event(sample_event_dir(), Problems())
    keep = [s for s in ev.sessions if s.speakers and s.room][:2]  # door signs and cue cards
    sessions = tuple(dataclasses.replace(s, title=f"ΣΤ {i}", abstract="Ω " * 40)
                     for i, s in enumerate(keep))  # fmt: skip
    return dataclasses.replace(ev, sessions=sessions)


def _page_of(pdf, needle: str) -> int:
    doc = pdfium.PdfDocument(str(pdf))
    return next(i for i in range(len(doc)) if doc[i].get_textpage().search(needle).get_next())


def _boxes(pdf, needle: str, page: int | None = None) -> list[tuple]:
    """(left, bottom, right, top, page width) of each occurrence of `needle` on a page (by
    default the first page that has it)."""
    doc = pdfium.PdfDocument(str(pdf))
    p = doc[_page_of(pdf, needle) if page is None else page]
    tp = p.get_textpage()
    out = []
    searcher = tp.search(needle)
    while (hit := searcher.get_next()) is not None:
        i, n = hit
        boxes = [tp.get_charbox(k) for k in range(i, i + n)]
        out.append((min(b[0] for b in boxes), min(b[1] for b in boxes),
                    max(b[2] for b in boxes), max(b[3] for b in boxes), p.get_width()))  # fmt: skip
    return out


def _text(pdf, page: int = 0) -> str:
    return pdfium.PdfDocument(str(pdf))[page].get_textpage().get_text_range()


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_door_sign_title_is_flush_right_in_rtl_languages(event, lang, tmp_path):
    """The title sits where the French one does, mirrored: flush with the right margin."""
    edges = {}
    for tag in ("fr", lang):
        pdf = tmp_path / f"door-{tag}.pdf"
        signs(dataclasses.replace(event, language=tag), pdf, problems=Problems(), kind="door",
              offline=True)  # fmt: skip
        edges[tag] = _boxes(pdf, "ΣΤ 0")[0]
    fr_left, _, fr_right, _, width = edges["fr"]
    left, _, right, _, _ = edges[lang]
    assert fr_right < width / 2 < left
    assert abs((width - right) - fr_left) < 2.0  # the same margin, on the other side


def _visual(pdf, page: int, keep: str, top: float) -> str:
    """The characters of `keep` printed above height `top` on a page, left to right as seen
    (the extracted text is no use here: PDFium reorders a right-to-left line itself)."""
    tp = pdfium.PdfDocument(str(pdf))[page].get_textpage()
    text = tp.get_text_range()
    chars = []
    for i in range(tp.count_chars()):
        ch = text[i] if i < len(text) else ""
        left, bottom, *_ = tp.get_charbox(i)
        if ch and ch in keep and bottom > top:
            chars.append((left, ch))
    return "".join(ch for _, ch in sorted(chars))


def test_arabic_door_sign_keeps_the_time_range_whole(event, tmp_path):
    """The known bug: "9:30–10:00 ص" printed as "00:10–30:9 ص" (digits reordered)."""
    pdf = tmp_path / "door.pdf"
    signs(dataclasses.replace(event, language="ar"), pdf, problems=Problems(), kind="door",
          offline=True)  # fmt: skip
    s = event.sessions[0]
    start, end = (f"{t.hour % 12 or 12}:{t.minute:02d}" for t in (s.start, s.end))
    height = pdfium.PdfDocument(str(pdf))[0].get_height()
    band = _visual(
        pdf, _page_of(pdf, "ΣΤ 0"), "0123456789:–صم", height * 0.8
    )  # the coloured band at the top
    period = "ص" if s.start.hour < 12 else "م"
    # right to left: the time first (at the right, its digits in order), then the period
    assert band.endswith(f"{period}{start}–{end}"), band


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_card_and_booklet_text_follow_the_direction(event, lang, tmp_path):
    ev = dataclasses.replace(event, language=lang)
    pdf = tmp_path / "cards.pdf"
    cards(ev, pdf, problems=Problems(), offline=True)
    (left, _, right, _, width), *_ = _boxes(pdf, "ΣΤ 0")
    assert (right > width * 0.75) if lang == "ar" else (left < width * 0.25)
    pdf = tmp_path / "booklet.pdf"
    booklet(ev, pdf, problems=Problems(), offline=True)
    doc = pdfium.PdfDocument(str(pdf))
    # the session card's running text (its abstract "Ω Ω …" over several lines)
    page = _page_of(pdf, "Ω Ω")
    tp = doc[page].get_textpage()
    text, width = tp.get_text_range(), doc[page].get_width()
    rows: dict[int, list[float]] = {}
    for i in range(tp.count_chars()):
        if i < len(text) and text[i] == "Ω":
            left, bottom, right, _ = tp.get_charbox(i)
            rows.setdefault(round(bottom), []).extend((left, right))
    assert len(rows) >= 3
    lefts = [min(v) for v in rows.values()]
    rights = [max(v) for v in rows.values()]
    if lang == "ar":  # flush right, ragged left
        assert max(rights) - min(rights) < 1.0 < max(lefts) - min(lefts)
    else:
        assert max(lefts) - min(lefts) < 1.0 < max(rights) - min(rights)


def test_badge_back_is_mirrored_in_arabic(tmp_path):
    """The back's venue block: flush left in French, flush right in Arabic (same margin)."""
    from printkit.products.badges.command import build as badges

    event = load_event(sample_event_dir(), Problems())
    edges = {}
    for tag in ("fr", "ar"):
        pdf = tmp_path / f"badges-{tag}.pdf"
        ev = dataclasses.replace(event, language=tag, speakers=event.speakers[:1])
        badges(ev, pdf, problems=Problems(), offline=True, duplex=True)
        edges[tag] = _boxes(pdf, event.venue.name)[0]
    fr_left, _, fr_right, _, width = edges["fr"]
    left, _, right, _, _ = edges["ar"]
    assert fr_right < width / 2 < left
    assert abs((width - right) - fr_left) < 2.0
