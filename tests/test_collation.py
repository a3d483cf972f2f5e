"""Speaker index order by language: the collation table (Ö with O in German, after Z in Swedish),
CJK names by reading or code point in a section of their own, and CJK line breaking."""

from __future__ import annotations

import dataclasses
import re

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printkit import collation, fit, i18n, names
from printkit.errors import Problems
from printkit.load import load_event
from printkit.model import Speaker
from printkit.products.booklet.command import build as booklet
from printkit.products.booklet.sections import by_initial
from printkit.resources import sample_event_dir

PEOPLE = ["Zoe Zander", "Anna Öberg", "Olof Olsson", "Ola Nordmann", "Erik Åberg", "Lena Ärnström",
          "Oskar Ozil", "Bo Ødegaard"]  # fmt: skip


def _order(people, lang):
    return [n.split()[-1] for n in sorted(people, key=lambda n: collation.sort_key(n, None, lang))]


def test_german_files_o_umlaut_with_o():
    assert _order(PEOPLE, "de") == ["Åberg", "Ärnström", "Nordmann", "Öberg", "Ødegaard", "Olsson",
                                    "Ozil", "Zander"]  # fmt: skip
    assert collation.index_letter("Anna Öberg", None, "de") == "O"


def test_swedish_puts_a_ring_a_umlaut_o_umlaut_after_z():
    assert _order(PEOPLE, "sv") == ["Nordmann", "Olsson", "Ozil", "Zander", "Åberg", "Ärnström",
                                    "Öberg", "Ødegaard"]  # fmt: skip
    letters = [collation.index_letter(n, None, "sv") for n in ("Anna Öberg", "Bo Ødegaard",
                                                              "Erik Åberg", "Zoe Zander")]  # fmt: skip
    assert letters == ["Ö", "Ö", "Å", "Z"]  # ø sorts as ö: one heading


def test_danish_and_spanish_letters():
    assert _order(PEOPLE, "da")[-4:] == ["Ärnström", "Öberg", "Ødegaard", "Åberg"]
    es = sorted(["Ana Nuñez", "Ana Nuzman", "Ana Noriega", "Ana Ortiz"],
                key=lambda n: collation.sort_key(n, None, "es"))  # fmt: skip
    assert es == ["Ana Noriega", "Ana Nuñez", "Ana Nuzman", "Ana Ortiz"]
    assert collation.index_letter("Íñigo Ñúñez", None, "es") == "Ñ"


def test_cjk_names_sort_by_reading_else_by_code_point_in_their_own_section():
    people = [("胡玮文", "Hu Weiwen"), ("山田太郎", "やまだ たろう"), ("佐藤花子", "サトウ ハナコ"),
              ("王伟", None), ("李娜", None), ("Ada Lovelace", None), ("Zoe Zander", None)]  # fmt: skip

    def order(lang):
        return [n for n, r in sorted(people, key=lambda p: collation.sort_key(*p, lang))]

    # the Latin reading files 胡玮文 under H; kana readings (katakana read as hiragana) lead the
    # CJK section, then names without a reading by code point (李 U+674E before 王 U+738B)
    assert order("en") == [
        "胡玮文",
        "Ada Lovelace",
        "Zoe Zander",
        "佐藤花子",
        "山田太郎",
        "李娜",
        "王伟",
    ]
    assert collation.index_letter("胡玮文", "Hu Weiwen", "en") == "H"
    assert collation.index_letter("王伟", None, "en") == collation.CJK_HEADING
    assert collation.index_letter("山田太郎", "やまだ たろう", "en") == collation.CJK_HEADING
    # in a Chinese, Japanese or Korean booklet the CJK section comes first
    assert order("ja")[:4] == ["佐藤花子", "山田太郎", "李娜", "王伟"]


name_words = st.sampled_from(["Anna", "Öberg", "Ødegaard", "Zander", "Ñúñez", "Åsa", "Çelik",
                              "Łukasz", "Šimek", "胡玮文", "김민수", "やまだ", "Иван", "Ölçer",
                              "-", "(she/her)", "Dr.", "van", "Ärnström", "Üzüm"])  # fmt: skip
name_lists = st.lists(st.lists(name_words, min_size=1, max_size=3).map(" ".join), max_size=12)
langs = st.sampled_from(["en", "de", "sv", "fi", "da", "nb", "es", "tr", "pl", "cs", "ja", "zh"])


@settings(max_examples=50, deadline=None)
@given(name_lists, langs)
def test_each_heading_is_one_run_of_the_sorted_index(people, lang):
    """Grouping the sorted names by heading never splits a heading in two (key and heading agree)."""
    speakers = [Speaker(id=str(i), name=n) for i, n in enumerate(people)]
    with i18n.use(lang):
        groups = by_initial(speakers)
    headings = [h for h, _ in groups]
    assert len(headings) == len(set(headings))
    assert sorted(p.id for _, ps in groups for p in ps) == sorted(s.id for s in speakers)


@settings(max_examples=50, deadline=None)
@given(name_lists)
def test_without_a_tailoring_the_order_is_the_english_one(people):
    """Names outside the CJK section keep names.sort_key's order and letters (English unchanged)."""
    people = [n for n in people if not collation.is_cjk(names.core(n))]
    assert sorted(people, key=collation.sort_key) == sorted(people, key=names.sort_key)
    assert [collation.index_letter(n) for n in people] == [names.initial_letter(n) for n in people]


cjk_text = st.text(
    alphabet=st.sampled_from("汉字排版测试山田太郎김민수やまだカタカナ"), min_size=1, max_size=30
)


@settings(max_examples=50, deadline=None)
@given(cjk_text, st.floats(min_value=1.0, max_value=8.0))
def test_cjk_text_breaks_between_characters(s, width):
    """Every boundary between two CJK characters may end a line, and wrapped lines keep the text."""
    assert fit.break_points(s) == list(range(1, len(s)))
    lines = fit.wrap(s, width, 1.0, lambda t, size: len(t) * size)
    assert "".join(lines) == s
    assert all(len(line) <= max(1, int(width)) for line in lines)


def test_cjk_punctuation_does_not_start_a_line():
    s = "汉字排版，测试。"
    assert fit.break_points(s) == [1, 2, 3, 5, 6]  # not before "，" (4) nor "。" (7)


@pytest.mark.parametrize(("lang", "expected"), [("de", ["Nordmann", "Öberg", "Zander"]),
                                               ("sv", ["Nordmann", "Zander", "Öberg"])])  # fmt: skip
def test_booklet_speaker_index_follows_the_language(lang, expected, tmp_path):
    ev = load_event(sample_event_dir(), Problems())
    three = [s for s in ev.sessions if s.speakers][:3]
    speakers = tuple(Speaker(id=f"p{i}", name=n) for i, n in
                     enumerate(["Zoe Zander", "Anna Öberg", "Ola Nordmann"]))  # fmt: skip
    sessions = tuple(dataclasses.replace(s, speakers=(f"p{i}",), abstract=None)
                     for i, s in enumerate(three))  # fmt: skip
    ev = dataclasses.replace(ev, speakers=speakers, sessions=sessions, language=lang, welcome=None)
    pdf = tmp_path / "b.pdf"
    booklet(ev, pdf, problems=Problems(), offline=True)
    doc = pdfium.PdfDocument(str(pdf))
    pages = [re.sub(r"\s+", " ", p.get_textpage().get_text_range()) for p in doc]
    index = next(p for p in reversed(pages) if "Öberg" in p and "Zander" in p)
    found = sorted(expected, key=lambda w: index.index(w))
    assert found == expected, index


def test_the_loader_reads_a_speakers_reading(write_event):
    path = write_event(
        """
        event: {id: e, name: E, start: 2025-05-06, end: 2025-05-06}
        speakers:
          - {id: hu, name: 胡玮文, reading: Hu Weiwen}
          - {id: ada, name: Ada Lovelace}
        """
    )
    problems = Problems()
    ev = load_event(path, problems)
    assert not problems.warnings, problems.warnings
    assert [sp.reading for sp in ev.speakers] == ["Hu Weiwen", None]
