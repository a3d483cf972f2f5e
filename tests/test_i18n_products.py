"""Every product of a small slice of the sample, in every shipped language: no English label
left in the extracted text (except the words a catalog keeps on purpose), dates in Babel's formats."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from babel.dates import format_date

from printkit import i18n
from printkit.errors import Problems
from printkit.load import load_event
from printkit.products.badges.command import build as badges
from printkit.products.booklet.command import build as booklet
from printkit.products.cards.command import build as cards
from printkit.products.signs.command import build as signs
from printkit.resources import sample_event_dir

REPO = Path(__file__).resolve().parents[1]
TAGS = ("fr", "de", "es", "it", "pt", "nl", "zh-Hans", "ja", "ko", "ar", "he")

# Labels a catalog keeps in English on purpose (loanwords used as is in print).
KEPT = {
    "fr": {"Publications", "Notes", "PROGRAMME", "p. {pages}", "Keynote", "Posters"},
    "de": {"SPONSOR", "Keynote", "Video", "Workshop"},
    "es": {"(cont.)"},
    "it": {"SPONSOR", "STAFF", "p. {pages}", "Keynote", "Video", "Workshop"},
    "pt": {"(cont.)", "p. {pages}"},
    "nl": {
        "Lightning talks",
        "SPONSOR",
        "STAFF",
        "p. {pages}",
        "Keynote",
        "Video",
        "Workshop",
        "Posters",
    },
}
ALWAYS_KEPT = {"{name}, {what}"}  # no words, only an order


def _small_event():
    """The sample cut to its first day's first sessions: fast, yet every kind of page."""
    ev = load_event(sample_event_dir(), Problems())
    day = ev.days[0]
    keep = [s for s in ev.sessions if s.day == day][:10]
    if not any(s.type == "panel" for s in keep):
        keep += [s for s in ev.sessions if s.type == "panel"][:1]
    ids = {sp for s in keep for sp in s.speakers}
    # English prose, titles and web addresses ("/speakers/", "/schedule/") are data, not labels:
    # neutral stand-ins keep the check to printkit's own words
    speakers = tuple(dataclasses.replace(sp, bio=None, profile_url=f"https://example.org/p/{i}")
                     for i, sp in enumerate(ev.speakers) if sp.id in ids)  # fmt: skip
    sessions = tuple(
        dataclasses.replace(
            s, abstract=None, title=f"Σ {i}", url=f"https://example.org/s/{i}", video=None,
            host=dataclasses.replace(s.host, introduction="Ω " * 30) if s.host else None,
        )
        for i, s in enumerate(keep)
    )  # fmt: skip
    organizers = tuple(dataclasses.replace(o, role=None) for o in ev.organizers)
    return dataclasses.replace(ev, sessions=sessions, speakers=speakers, welcome=None,
                               organizers=organizers, version="2025-05-01",
                               url="https://example.org/", schedule_url="https://example.org/x/")  # fmt: skip


@pytest.fixture(scope="module")
def small_event():
    return _small_event()


def _text(pdf: Path) -> str:
    doc = pdfium.PdfDocument(str(pdf))
    out = []
    for page in doc:
        out.append(page.get_textpage().get_text_range())
    return re.sub(r"\s+", " ", " ".join(out))


def _render(event, out: Path) -> str:
    texts = []
    for name, build, opts in (
        ("booklet", booklet, {}),
        ("signs", signs, {}),
        ("cards", cards, {}),
        ("badges", badges, {}),
    ):
        pdf = out / f"{name}.pdf"
        build(event, pdf, problems=Problems(), offline=True, **opts)
        texts.append(_text(pdf))
    return " ".join(texts)


def _english_labels(tag: str) -> dict[str, str]:
    """Fragments of every English label whose translation differs (≥ 5 letters, outside {...})."""
    lang = i18n.language(tag)
    out = {}
    spec = importlib.util.spec_from_file_location("i18n_tool", REPO / "tools" / "i18n.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    for m in tool.extract():
        if not m.id or isinstance(m.id, tuple):
            continue
        if lang.gettext(m.id) == m.id:
            assert m.id in KEPT.get(tag, set()) | ALWAYS_KEPT, (
                f"{tag}: {m.id!r} untranslated and not listed"
            )
            continue
        for frag in re.split(r"\{[a-z]+\}", m.id):
            frag = frag.strip(" :→.,;()+")
            if len(re.sub(r"[^A-Za-z]", "", frag)) >= 5:
                out[frag] = m.id
    return out


@pytest.mark.parametrize("tag", TAGS)
def test_no_english_label_left(tag, small_event, tmp_path):
    ev = dataclasses.replace(small_event, language=tag)
    text = _render(ev, tmp_path)
    # the English labels of the same event, to be sure the fragments are really printed
    left = []
    for frag, mid in _english_labels(tag).items():
        word = re.compile(r"(?<![A-Za-z])" + re.escape(frag) + r"(?![A-Za-z])", re.IGNORECASE)
        if word.search(text):
            left.append(mid)
    assert left == [], left
    loc = i18n.language(tag).locale
    long_day = format_date(ev.days[0], "full", locale=loc)
    assert long_day.replace(" ", "") in text.replace(" ", "")


def test_english_labels_are_printed_in_english(small_event, tmp_path):
    """The same check finds labels in an English render (so it can fail)."""
    text = _render(small_event, tmp_path)
    found = [f for f in _english_labels("fr") if re.search(re.escape(f), text, re.IGNORECASE)]
    assert len(found) >= 20
