"""Catalogs, tag resolution, dates and quotes of the i18n layer (printkit.i18n, printkit.localdates)."""

from __future__ import annotations

import importlib.util
from datetime import date, datetime
from pathlib import Path

import pytest
from babel.dates import format_date, format_interval, format_skeleton

from printkit import i18n, localdates

REPO = Path(__file__).resolve().parents[1]


def _tools():
    spec = importlib.util.spec_from_file_location("i18n_tool", REPO / "tools" / "i18n.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_catalog_has_every_string_and_its_mo_is_up_to_date():
    tool = _tools()
    template = tool.extract()
    assert len([m for m in template if m.id]) > 60  # the extraction found the products' labels
    assert tool.problems(template) == []
    shipped = {p.parent.parent.name for p in tool.po_files()}
    assert shipped == set(i18n.SHIPPED)


def test_a_missing_translation_is_reported(tmp_path, monkeypatch):
    tool = _tools()
    template = tool.extract()
    fr = tool.LOCALE_DIR / "fr" / "LC_MESSAGES" / "printkit.po"
    cat = tool.load_po(fr)
    cat.get("Venue").string = ""
    copy = tmp_path / "fr" / "LC_MESSAGES" / "printkit.po"
    tool.write_catalog(cat, copy)
    monkeypatch.setattr(tool, "po_files", lambda: [copy])
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    found = tool.problems(template)
    assert any("'Venue'" in line for line in found)
    assert any("out of date" in line for line in found)  # no .mo beside the copy


@pytest.mark.parametrize(
    ("tag", "catalog"),
    [("fr", "fr"), ("fr-CA", "fr"), ("pt-BR", "pt"), ("zh-Hans", "zh_Hans"), ("zh", "zh_Hans"),
     ("zh-CN", "zh_Hans"), ("zh_Hans", "zh_Hans"), ("de-AT", "de"), ("en-US", "en"), ("sv", None)],
)  # fmt: skip
def test_tags_resolve_to_the_closest_catalog(tag, catalog):
    assert i18n.language(tag).catalog == catalog


@pytest.mark.parametrize("tag", ["", "xx-!!", "foo bar", "qq"])
def test_bad_tags_are_refused(tag):
    with pytest.raises(ValueError):
        i18n.parse_tag(tag)


def test_labels_follow_the_active_language_and_fall_back_to_english():
    assert i18n.tr("Venue") == "Venue"
    with i18n.use("fr"):
        assert i18n.tr("Next in this room:") == "Prochaine session dans cette salle :"
        assert i18n.ngettext("{n} seat", "{n} seats", 3).format(n=3) == "3 places"
    with i18n.use("de"):
        assert i18n.tr("SPEAKER") == "REFERENT:IN"
    with i18n.use("sv"):  # no catalog: English labels
        assert i18n.tr("Venue") == "Venue"
    assert i18n.language("ar").rtl and i18n.language("he").rtl and not i18n.language("fr").rtl


def test_arabic_plurals_use_all_six_forms():
    with i18n.use("ar"):
        forms = {i18n.ngettext("{n} seat", "{n} seats", n) for n in (0, 1, 2, 3, 11, 100)}
    assert len(forms) >= 5


DAY = date(2025, 5, 6)
A, B = datetime(2025, 5, 6, 14, 40), datetime(2025, 5, 6, 15, 20)


def test_plain_english_keeps_printkits_formats():
    en = i18n.language("en")
    assert localdates.day_label(DAY, lang=en) == "Tue 6 May"
    assert localdates.day_label(DAY, long=True, lang=en) == "Tuesday 6 May 2025"
    assert localdates.time_span(A, B, lang=en) == "14:40–15:20"
    assert localdates.date_span(DAY, date(2025, 5, 7), lang=en) == "6–7 May 2025"


@pytest.mark.parametrize("tag", ["fr", "de", "zh-Hans", "ja", "ko", "ar", "he", "en-US", "pt-BR"])
def test_other_languages_use_babels_formats(tag):
    lang = i18n.language(tag)
    loc = lang.locale
    assert localdates.day_label(DAY, long=True, lang=lang) == format_date(DAY, "full", locale=loc)
    assert localdates.day_label(DAY, lang=lang) == format_skeleton("MMMEd", DAY, locale=loc)
    skel = "hm" if "h" in loc.time_formats["short"].pattern else "Hm"
    assert localdates.time_span(A, B, lang=lang) == format_interval(
        A.time(), B.time(), skel, locale=loc
    )


def test_examples_from_the_issue():
    assert localdates.day_label(DAY, True, i18n.language("fr")) == "mardi 6 mai 2025"
    assert localdates.day_label(DAY, True, i18n.language("de")) == "Dienstag, 6. Mai 2025"
    assert localdates.day_label(DAY, True, i18n.language("zh-Hans")) == "2025年5月6日星期二"
    assert localdates.time_label(A, i18n.language("en-US")).replace("\u202f", " ") == "2:40 PM"
    assert localdates.time_label(A, i18n.language("fr")) == "14:40"


def test_quotes_by_language():
    assert i18n.language("fr").quote("IA") == "«\u202fIA\u202f»"
    assert i18n.language("de").quote("KI") == "„KI“"
    assert i18n.language("ja").quote("AI") == "「AI」"
    assert i18n.language("en").quote("AI") == "“AI”"
