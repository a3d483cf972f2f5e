"""quotes.py: quotation marks by language; a cue card quotes a title with straight quotes inside."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printkit import i18n
from printkit.errors import Problems
from printkit.load import load_event
from printkit.products.cards import command as cards
from printkit.products.cards.plan import spoken_text
from printkit.quotes import NNBSP, marks, quote, smarten


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "“Why ‘AI’ fails”"),
        (None, "“Why ‘AI’ fails”"),
        ("en-GB", "“Why ‘AI’ fails”"),
        ("de", "„Why ‚AI‘ fails“"),
        ("de-AT", "„Why ‚AI‘ fails“"),
        ("fr", f"«{NNBSP}Why “AI” fails{NNBSP}»"),
        ("fr_CA", f"«{NNBSP}Why “AI” fails{NNBSP}»"),
        ("xx", "“Why ‘AI’ fails”"),
    ],
)
def test_outer_and_inner_marks_by_language(lang, expected):
    assert quote('Why "AI" fails', lang) == expected


def test_curly_quotes_inside_become_inner_marks_and_apostrophes_stay():
    assert quote("The “AI” myth", "en") == "“The ‘AI’ myth”"
    assert quote("O'Brien's 'bits'", "en") == "“O'Brien's ‘bits’”"
    assert smarten('Er sagte "hallo".', "de") == "Er sagte „hallo“."


@settings(max_examples=50, deadline=None)
@given(text=st.text(alphabet="ab \"'(-", max_size=30), lang=st.sampled_from(["en", "de", "fr"]))
def test_no_straight_double_quote_survives(text, lang):
    out = quote(text, lang)
    oo, oc, _, _ = marks(lang)
    assert '"' not in out
    assert out.startswith(oo) and out.endswith(oc)
    assert out.replace("'", "").count("a") == text.count("a")  # nothing else changes


EVENT = """\
event: {id: q, name: Q Conf, start: 2025-05-06, end: 2025-05-06, timezone: Europe/Paris}
rooms: [{id: hall, name: Hall}]
speakers: [{id: ada, name: Ada Lovelace}]
sessions:
  - {id: t, title: 'Why "AI" cannot think', room: hall, start: '2025-05-06 10:00', duration: 30,
     speakers: [ada]}
"""


def test_a_cue_card_quotes_the_title_in_the_card_language(tmp_path):
    path = tmp_path / "event.yaml"
    path.write_text(EVENT, encoding="utf-8")
    ev = load_event(path, Problems())
    text, _ = spoken_text(ev, ev.sessions[0])
    assert "the talk “Why ‘AI’ cannot think”." in text
    cards.build(ev, tmp_path / "c.pdf", problems=Problems(), target="screen")
    page = pdfium.PdfDocument(str(tmp_path / "c.pdf"))[0].get_textpage().get_text_range()
    assert "“Why ‘AI’ cannot think”" in " ".join(page.split())
    with i18n.use("de"):  # a German card (event.language or --lang)
        assert "„Why ‚AI‘ cannot think“" in spoken_text(ev, ev.sessions[0])[0]
    with i18n.use("fr"):
        assert f"«{NNBSP}Why “AI” cannot think{NNBSP}»" in spoken_text(ev, ev.sessions[0])[0]
