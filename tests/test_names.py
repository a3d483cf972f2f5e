"""Real-world names (FOSDEM, 38C3) → core, A–Z letter and order, initials that read right."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from printkit.model import Speaker
from printkit.names import core, initial_letter, initials, sort_key
from printkit.press import text
from printkit.products.booklet.sections import by_initial

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ghasan Mohammad (hozan23)", "Ghasan Mohammad"),
        ("Shane Kerr (he/him)", "Shane Kerr"),
        ('Loïc Tosser "wowi42"', "Loïc Tosser"),
        ('Michael "Mouse" Parker', "Michael Parker"),
        ("Peter Mechels [zzepposs]", "Peter Mechels"),
        ("Preston Doster -- @esk@hachyderm.io", "Preston Doster"),
        ("Daniel Ehrenberg\u2069", "Daniel Ehrenberg"),
        ("🦄 Ada Lovelace ✨", "Ada Lovelace"),
        ("Conan O'Brien", "Conan O'Brien"),
        ("(zvr)", "zvr"),
        ("-", ""),
    ],
)
def test_core_keeps_the_name_and_drops_nicknames_pronouns_handles_emoji(name, expected):
    assert core(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ghasan Mohammad (hozan23)", "GM"),
        ("Shane Kerr (he/him)", "SK"),
        ('Loïc Tosser "wowi42"', "LT"),
        ("Dr. Mixæl Swan Laufer", "ML"),
        ("Martin Luther King Jr.", "MK"),
        ("Smith, John", "JS"),
        ("胡玮文", "胡"),
        ("김민수", "김"),
        ("бого шопов", "БШ"),
        ("Ana María Núñez-Ölçer", "AN"),
        ("Cher", "C"),
        ("-", ""),
        ("  ", ""),
        ("عبد الرحمن", "ع\u200cر"),  # article skipped, ZWNJ: no joining
        ("محمد عبد الله", "م\u200cا"),  # Allah keeps its article
        ("สมชาย ใจดี", "สจ"),  # Thai leading vowel is not an initial
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected
    assert text.initials(name) == expected


@pytest.mark.parametrize(
    ("name", "letter"),
    [
        ("Ghasan Mohammad (hozan23)", "M"),
        ("Shane Kerr (he/him)", "K"),
        ('Loïc Tosser "wowi42"', "T"),
        ("Smith, John", "S"),
        ("Östen Ödman", "O"),
        ("Søren Øberg", "O"),
        ("Иван Петров", "П"),
        ("عبد الرحمن", "ر"),
        ("胡玮文", "胡"),
        ("-", "#"),
        ("1337", "#"),
    ],
)
def test_initial_letter(name, letter):
    assert initial_letter(name) == letter


def test_sort_ignores_accents_and_puts_latin_first_and_no_letters_last():
    people = ["Zoe Zimmer", "-", "Иван Петров", "Otto Ottosson", "Åsa Öberg", "Oliver Osborne"]
    ordered = sorted(people, key=sort_key)
    assert ordered == ["Åsa Öberg", "Oliver Osborne", "Otto Ottosson", "Zoe Zimmer",
                       "Иван Петров", "-"]  # fmt: skip


def test_surname_comma_given_sorts_by_surname():
    assert sorted(["Ada Lovelace", "Smith, John", "Alan Turing"], key=sort_key) == [
        "Ada Lovelace",
        "Smith, John",
        "Alan Turing",
    ]


def test_booklet_groups_review_names_under_their_letter():
    people = [
        Speaker(id="g", name="Ghasan Mohammad (hozan23)"),
        Speaker(id="s", name="Shane Kerr (he/him)"),
        Speaker(id="l", name='Loïc Tosser "wowi42"'),
        Speaker(id="k", name="Kim Kaur"),
        Speaker(id="d", name="-"),
    ]
    groups = {letter: [p.id for p in ps] for letter, ps in by_initial(people)}
    assert groups == {"K": ["k", "s"], "M": ["g"], "T": ["l"], "#": ["d"]}
    assert [letter for letter, _ in by_initial(people)] == ["K", "M", "T", "#"]


def _graphemes(s: str) -> list[str]:
    """Base characters with their combining marks (ZWNJ is a separator, not a letter)."""
    out: list[str] = []
    for ch in s:
        if ch == "\u200c":
            continue
        if out and unicodedata.category(ch)[0] == "M":
            out[-1] += ch
        else:
            out.append(ch)
    return out


names_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40) | st.lists(
    st.sampled_from(
        [
            "Dr.",
            "Ada",
            "(she/her)",
            '"nick"',
            "Núñez",
            "胡玮文",
            "عبد",
            "الرحمن",
            "-",
            "🦄",
            "Smith,",
            "Jr.",
            "Иван",
            "ใจดี",
            "&",
        ]
    ),  # fmt: skip
    max_size=6,
).map(" ".join)


@given(names_text)
def test_initials_are_at_most_two_clusters_found_in_the_name(name):
    got = initials(name)
    clusters = _graphemes(got)
    assert len(clusters) <= 2
    folded = unicodedata.normalize("NFC", name).casefold()
    for c in clusters:
        assert unicodedata.normalize("NFC", c).casefold() in folded
    if got:
        assert initial_letter(name) != "" and sort_key(name)[1] == initial_letter(name)


@given(st.lists(names_text, max_size=12))
def test_groups_are_contiguous_in_sort_order(people):
    letters = [initial_letter(p) for p in sorted(people, key=sort_key)]
    seen: list[str] = []
    for letter in letters:
        if not seen or seen[-1] != letter:
            assert letter not in seen
            seen.append(letter)


@pytest.mark.skipif(not REALDATA.is_dir(), reason="no ../shared/realdata")
def test_real_schedule_names_all_get_a_letter_and_initials():
    found = set()
    for f in ("38c3-schedule.xml", "fosdem-2026-schedule.xml"):
        src = (REALDATA / f).read_text(encoding="utf-8")
        found |= set(map(html.unescape, re.findall(r'<person id="\d+"[^>]*>([^<]*)</person>', src)))
    assert len(found) > 500
    for name in found:
        if any(c.isalpha() for c in name):
            assert initials(name), name
            assert initial_letter(name) != "#", name
