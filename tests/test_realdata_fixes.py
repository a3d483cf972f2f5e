"""Names seen in real exports (38C3, FOSDEM) → badge fronts that read right: titles, groups, no empty discs."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from conftest import invoke

from printkit.products.style import plain_name, split_name

EVENT = """\
event:
  id: odd
  name: Odd Names 2025
  start: 2025-05-06
  end: 2025-05-06
  timezone: Europe/Paris
tracks: [{id: main, name: Main}]
rooms: [{id: hall, name: Hall A}]
speakers:
  - {id: dash, name: "-"}
  - {id: ada, name: Ada Lovelace}
  - {id: dr, name: "Dr. Mixael Swan Laufer"}
  - {id: group, name: "Jyn, Luce und Zoe"}
sessions:
  - {id: s1, title: Talk, track: main, room: hall, start: 2025-05-06 09:00,
     end: 2025-05-06 09:30, speakers: [dash, ada, dr, group]}
"""


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Ada King Lovelace", ("Ada", "King Lovelace")),
        ("胡玮文", ("胡玮文", "")),
        ("Dr. Mixæl Swan Laufer", ("Dr. Mixæl", "Swan Laufer")),
        ("Prof. Dr. Ada Lovelace", ("Prof. Dr. Ada", "Lovelace")),
        ("Dr. Who", ("Dr. Who", "")),
        ("Lovelace, Ada", ("Lovelace, Ada", "")),
        ("Jyn, Luce und Zoe für die Queerokratie", ("Jyn, Luce und Zoe für die Queerokratie", "")),
        ("Kalib & Waldemar Frost", ("Kalib & Waldemar Frost", "")),
        ("José Ortega y Gasset", ("José", "Ortega y Gasset")),
    ],
)
def test_split_name_keeps_titles_with_the_given_name_and_groups_whole(name, parts):
    assert split_name(name) == parts


def test_plain_name_drops_leading_titles_only():
    assert plain_name("Dr. Mixæl Swan Laufer") == "Mixæl Swan Laufer"
    assert plain_name("Dr.") == "Dr."
    assert plain_name("Ada Dr. Lovelace") == "Ada Dr. Lovelace"


@pytest.fixture(scope="module")
def fronts(tmp_path_factory):
    """Each speaker's badge front (screen target, RGB), by speaker id."""
    from click.testing import CliRunner

    base = tmp_path_factory.mktemp("odd")
    (base / "event.yaml").write_text(EVENT, encoding="utf-8")
    out = {}
    for sid in ("dash", "ada", "dr", "group"):
        pdf = base / f"{sid}.pdf"
        res = invoke(CliRunner(), "badges", base / "event.yaml", "--only", sid, "--front-only",
                     "--target", "screen", "--offline", "-o", pdf)  # fmt: skip
        assert res.exit_code == 0, res.output
        doc = pdfium.PdfDocument(str(pdf))
        page = doc[0]
        out[sid] = (page.get_textpage().get_text_range(), page.render(scale=50 / 72).to_pil())
    return out


def _blue(img) -> int:
    """Pixels near the default brand colour #1F3A93 (bands and the initials disc)."""
    rgb = img.convert("RGB")
    return sum(
        1
        for r, g, b in rgb.get_flattened_data()
        if abs(r - 0x1F) < 40 and abs(g - 0x3A) < 40 and b > 110
    )


def test_a_name_without_letters_gets_no_empty_initials_disc(fronts):
    text, img = fronts["dash"]
    _ada_text, ada = fronts["ada"]
    assert "-" in text
    # the same bands; Ada's front also has a disc (with "AL"), the dash's none
    disc = _blue(ada) - _blue(img)
    assert disc > 0.01 * img.width * img.height


def test_initials_skip_a_title(fronts):
    text, _img = fronts["dr"]
    assert "ML" in text and "DL" not in text
    assert "Dr. Mixael" in text


def test_a_group_name_is_not_split_after_a_comma(fronts):
    text, _img = fronts["group"]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert "Jyn," not in lines
    assert "Jyn,LuceundZoe" in "".join(text.split())


FIVE = """\
event:
  id: five
  name: Five 2026
  start: 2026-10-03
  end: 2026-10-03
  timezone: Europe/London
tracks: [{id: main, name: Main}]
rooms: [{id: suite, name: Presidents Suite 1}]
speakers:
{people}
sessions:
  - {id: s1, title: "Career Strategy Health Check: Ask the Experts, are you doing the right things now, for your future?",
     track: main, room: suite, start: 2026-10-03 17:00, end: 2026-10-03 17:45,
     speakers: [p0, p1, p2, p3, p4]}
"""
AFF = "Inclusive AI Leader | Biz Apps Practice Lead | Women in Tech Advocate | Community Organiser"


def test_five_speaker_door_sign_affiliations_stay_legible(tmp_path, runner):
    """Seen in Sessionize data: five speakers with long affiliations shrank them to 6.5 pt."""
    from printkit.products.signs.door import AFFILIATION_MIN

    people = "\n".join(
        f'  - {{id: p{i}, name: "Speaker Number{i}", organization: "{AFF}"}}' for i in range(5)
    )
    (tmp_path / "event.yaml").write_text(FIVE.replace("{people}", people), encoding="utf-8")
    pdf = tmp_path / "door.pdf"
    res = invoke(runner, "signs", tmp_path / "event.yaml", "--kind", "door", "--offline", "-o", pdf)
    assert res.exit_code == 0, res.output
    page = pdfium.PdfDocument(str(pdf))[0]
    tp = page.get_textpage()
    text = tp.get_text_range()
    start = text.index("Inclusive")  # the first affiliation
    sizes = {round(pdfium.raw.FPDFText_GetFontSize(tp.raw, start + i), 1) for i in range(9)}
    assert min(sizes) >= AFFILIATION_MIN - 0.05
    assert text.count("Inclusive") == 5
