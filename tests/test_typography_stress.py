"""A generated stress event → booklet and signs without bare cuts, text over text or text near the trim.

Long German compounds (language: de), 200-character titles, handles and URLs,
a speaker with 40 sessions, 60 rooms. Faults are read back from the PDFs
(tests/typeset_audit.py). Rendered once per module; signs for a few rooms only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from typeset_audit import audit, index_column_faults, source_words

from printkit.cli import cli
from printkit.products.booklet.layout import load_booklet_layout

COMPOUNDS = [
    "Datenschutzgrundverordnungsanpassungsgesetz",
    "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz",
    "Donaudampfschifffahrtsgesellschaftskapitänsmütze",
    "Informationsfreiheitsbeauftragtenkonferenz",
    "Barrierefreiheitsstärkungsgesetz",
    "Verschlüsselungsinfrastrukturmodernisierung",
    "Sicherheitslückenoffenlegungsrichtlinie",
    "Kreislaufwirtschaftsförderungsprogramm",
]
LONG = (
    "Towards a Comprehensive, Reproducible and Sustainable Methodology for Evaluating "
    "Interoperability, Accessibility and Long-Term Maintainability of Community-Driven "
    "Open Infrastructure Projects Worldwide"
)
ROOMS = 60
SLOTS = ["09:00", "11:00", "13:00", "15:00"]


def _title(i: int) -> tuple[str, str]:
    kind = i % 4
    if kind == 0:
        a, b, c = (COMPOUNDS[(i + k) % len(COMPOUNDS)] for k in range(3))
        return f"{a} und {b}: {c}", "de"
    if kind == 1:
        return LONG[:200], "en"
    if kind == 2:
        return f"@very_long_handle_name_{i} on https://example.org/a-long/path_segment/{i}", "en"
    return f"{COMPOUNDS[i % len(COMPOUNDS)]} im Alltag", "de"


def stress_event() -> dict:
    speakers = [{"id": "busy", "name": "Maximiliane Wolfeschlegelsteinhausenbergerdorff"}]
    speakers += [
        {"id": f"s{i}", "name": f"Speaker Number {i} Okonkwo-Fjellström"} for i in range(30)
    ]
    rooms = [
        {"id": f"r{i}", "name": f"Raum {i} Informationssicherheitszentrum"} for i in range(ROOMS)
    ]
    sessions = []
    for r in range(ROOMS):
        for k, start in enumerate(SLOTS):
            i = r * len(SLOTS) + k
            title, lang = _title(i)
            who = [f"s{i % 30}"] + (["busy"] if i % 6 == 0 and i // 6 < 40 else [])
            sessions.append({"id": f"t{i}", "title": title, "language": lang, "room": f"r{r}",
                             "start": f"2025-05-06 {start}", "duration": 90, "speakers": who})  # fmt: skip
    return {
        "event": {
            "id": "stress",
            "name": "Internationale Datenschutzgrundverordnungskonferenz",
            "start": "2025-05-06",
            "end": "2025-05-06",
            "timezone": "Europe/Berlin",
        },  # fmt: skip
        "rooms": rooms,
        "speakers": speakers,
        "sessions": sessions,
    }


@pytest.fixture(scope="module")
def stress(tmp_path_factory) -> tuple[Path, dict[str, Path]]:
    base = tmp_path_factory.mktemp("stress")
    folder = base / "event"
    folder.mkdir()
    text = yaml.safe_dump(stress_event(), allow_unicode=True, sort_keys=False, width=10_000)
    (folder / "event.yaml").write_text(text, encoding="utf-8")
    runner = CliRunner()
    out = {}
    rooms = [a for r in ("r0", "r1", "r2") for a in ("--room", r)]
    for name, args in {
        "booklet": ["booklet", "--long-texts", "no"],
        "room": ["signs", "--kind", "room", *rooms],
        "door": ["signs", "--kind", "door", *rooms],
    }.items():
        pdf = base / f"{name}.pdf"
        result = runner.invoke(cli, [args[0], str(folder), "-o", str(pdf), *args[1:]])
        assert result.exit_code == 0, (name, result.output, result.exception)
        out[name] = pdf
    return folder, out


def test_the_busy_speaker_has_40_sessions():
    assert sum("busy" in s["speakers"] for s in stress_event()["sessions"]) == 40


@pytest.mark.parametrize("product", ["booklet", "room", "door"])
def test_no_bare_cut_no_overlap_nothing_near_the_trim(stress, product):
    folder, pdfs = stress
    found = audit(pdfs[product], source_words(folder))
    assert found == {"bare cut": [], "overlap": [], "trim": []}


def test_index_entries_stay_in_their_column(stress):
    _, pdfs = stress
    assert index_column_faults(pdfs["booklet"], load_booklet_layout("a5")) == []


def test_compounds_are_hyphenated_not_cut(stress):
    import pypdfium2 as pdfium

    _, pdfs = stress
    doc = pdfium.PdfDocument(str(pdfs["door"]))
    text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    # pdfium reads a hyphen at a line end as U+FFFE and joins the word again
    assert "Datenschutzgrundverordnungs\ufffeanpassungsgesetz" in text
    assert "Wolfeschle\ufffegelsteinhausenbergerdorff" in text  # a name too long for its cell


def test_the_cover_hyphenates_the_event_name_in_the_event_language(tmp_path):
    import pypdfium2 as pdfium

    from printkit.hyphenate import hyphen_points

    word = "Datenschutzgrundverordnungskonferenzvorbereitungsausschuss"
    ev = stress_event()
    ev["event"].update(name=f"Internationale {word}", language="de")
    ev["rooms"], ev["sessions"] = ev["rooms"][:1], ev["sessions"][:1]
    folder = tmp_path / "ev"
    folder.mkdir()
    (folder / "event.yaml").write_text(yaml.safe_dump(ev, allow_unicode=True), encoding="utf-8")
    pdf = tmp_path / "b.pdf"
    result = CliRunner().invoke(cli, ["booklet", str(folder), "-o", str(pdf), "--target", "screen"])
    assert result.exit_code == 0, result.output
    cover = pdfium.PdfDocument(str(pdf))[0].get_textpage().get_text_range()
    printed = next(t for t in cover.split() if t.replace("\ufffe", "") == word)
    cuts = [i - k for k, i in enumerate(i for i, c in enumerate(printed) if c == "\ufffe")]
    assert cuts and set(cuts) <= set(hyphen_points(word, "de"))
