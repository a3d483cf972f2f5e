"""printkit import indico on a trimmed REAL export (JACoW FEL2022, detail=sessions; see
fixtures/import/README.md): every contribution imported, posters grouped by their session block."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml
from click.testing import CliRunner

from printkit.cli import cli
from printkit.errors import Problems
from printkit.importers.cli import command
from printkit.importers.text import script_math
from printkit.load import load_event
from printkit.products.posters import poster_groups

FEL2022 = Path(__file__).parent / "fixtures" / "import" / "indico_fel2022_sessions.json"


def _contributions(doc: dict) -> list[dict]:
    event = doc["results"][0]
    return event.get("contributions", []) + [
        c for block in event.get("sessions", []) for c in block["contributions"]
    ]


def _flat(tmp_path: Path) -> Path:
    """The same contributions as a `detail=contributions` export: no blocks, `session` a title."""
    doc = json.loads(FEL2022.read_text("utf-8"))
    event = doc["results"][0]
    event["contributions"] = [c for block in event.pop("sessions") for c in block["contributions"]]
    path = tmp_path / "flat.json"
    path.write_text(json.dumps(doc), "utf-8")
    return path


def _import(source: Path, out: Path) -> tuple[list[dict], str]:
    result = CliRunner().invoke(command, ["indico", str(source), "-o", str(out)],
                                catch_exceptions=False)  # fmt: skip
    assert result.exit_code == 0, result.output
    return yaml.safe_load((out / "sessions.yaml").read_text("utf-8"))["sessions"], result.output


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, list[dict], str]:
    out = tmp_path_factory.mktemp("fel2022") / "event"
    sessions, output = _import(FEL2022, out)
    return out, sessions, output


def test_every_contribution_is_imported_and_validates_without_warnings(imported):
    _, sessions, output = imported
    source = _contributions(json.loads(FEL2022.read_text("utf-8")))
    assert len(source) == 10
    assert sorted(s["title"] for s in sessions) == sorted(" ".join(c["title"].split())
                                                         for c in source)  # fmt: skip
    assert "dropped: contributions" not in output
    # authors shared by two posters of one block are no speaker clash
    assert "validate: ok, 0 warnings" in output


def test_posters_take_their_blocks_time_and_talks_keep_theirs(imported):
    _, sessions, output = imported
    spans = {}
    for s in sessions:
        spans.setdefault((s["type"], s["start"], s["end"]), []).append(s["title"])
    assert sorted((k, len(v)) for k, v in spans.items()) == [
        (("poster", "2022-08-22 16:00", "2022-08-22 17:30"), 6),  # Indico: 16:40, 17:00, 17:10
        (("poster", "2022-08-24 16:00", "2022-08-24 17:30"), 2),  # Indico: 16:40, 17:00
        (("talk", "2022-08-22 11:25", "2022-08-22 11:50"), 1),
        (("talk", "2022-08-22 11:50", "2022-08-22 12:15"), 1),
    ]
    assert "poster times set to their poster session's (Indico stacks them): 8" in output


def test_posters_group_one_per_block_never_one_per_poster(imported):
    out, _, _ = imported
    groups = poster_groups(load_event(out, Problems()).sessions)
    assert [len(g.posters) for g in groups] == [6, 2]


def test_without_blocks_posters_of_one_session_share_its_span(tmp_path):
    sessions, output = _import(_flat(tmp_path), tmp_path / "e")
    assert len(sessions) == 10 and "validate: ok, 0 warnings" in output
    posters = {(s["start"], s["end"]) for s in sessions if s["type"] == "poster"}
    # earliest start and latest end of each session's posters on that day
    assert posters == {("2022-08-22 16:40", "2022-08-22 17:30"),
                       ("2022-08-24 16:40", "2022-08-24 17:20")}  # fmt: skip
    groups = poster_groups(load_event(tmp_path / "e", Problems()).sessions)
    assert [len(g.posters) for g in groups] == [6, 2]


def test_the_booklet_lists_every_title_with_the_posters_in_one_list(imported, tmp_path):
    out, sessions, _ = imported
    pdf = tmp_path / "booklet.pdf"
    result = CliRunner().invoke(cli, ["booklet", str(out), "-o", str(pdf), "--target", "screen"],
                                catch_exceptions=False)  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = pdfium.PdfDocument(str(pdf))
    pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    part = " ".join(" ".join(t for t in pages if "SESSIONS" in t).split()).replace("\u00ad", "")
    for s in sessions:
        assert s["title"] in part, s["title"]
    assert part.count("Poster session: 6 posters") == 1
    assert part.count("Poster session: 2 posters") == 1
    grid = " ".join(" ".join(t for t in pages if "AT A GLANCE" in t).split())
    assert grid.count("Poster session: 6 posters") == 1


@pytest.mark.parametrize("raw,shown", [
    # FEL2022's export: a title Indico shows with MathJax
    ("Ultrafast Dynamics in (TaSe$_4$)$_2$I Triggered by Optical and X-Ray Excitation",
     "Ultrafast Dynamics in (TaSe₄)₂I Triggered by Optical and X-Ray Excitation"),
    ("H$_{2}$O, 10$^{22}$ W/cm$^2$ and x$^{-1}$", "H₂O, 10²² W/cm² and x⁻¹"),
    ("10^22 W/cm2", "10^22 W/cm2"),  # no dollars: not TeX
    ("E$_{beam}$ and $\\alpha$ decay", "E$_{beam}$ and $\\alpha$ decay"),  # no Unicode form
    ("from $5 to $10", "from $5 to $10"),
])  # fmt: skip
def test_tex_sub_and_superscripts_become_unicode(raw, shown):
    assert script_math(raw) == shown


def test_titles_and_abstracts_get_their_scripts(tmp_path):
    doc = json.loads(FEL2022.read_text("utf-8"))
    talk = doc["results"][0]["sessions"][0]["contributions"][0]
    talk["title"] = "Ultrafast Dynamics in (TaSe$_4$)$_2$I"
    talk["description"] = "<p>The CDW phase of (TaSe$_4$)$_2$I along its $c$-axis.</p>"
    source = tmp_path / "x.json"
    source.write_text(json.dumps(doc), "utf-8")
    sessions, _ = _import(source, tmp_path / "e")
    (s,) = [s for s in sessions if s["title"].startswith("Ultrafast")]
    assert s["title"] == "Ultrafast Dynamics in (TaSe₄)₂I"
    assert s["abstract"] == "The CDW phase of (TaSe₄)₂I along its $c$-axis."


def test_one_author_indico_holds_twice_is_one_speaker_but_namesakes_elsewhere_stay_two(tmp_path):
    # FEL2022's later export lists 'Geloni, Gianluca' (European XFEL GmbH) as person 1142 and as
    # person 1277, each with its own e-mail hash: one author, two Indico records
    doc = json.loads(FEL2022.read_text("utf-8"))
    blocks = doc["results"][0]["sessions"]
    a, b = blocks[0]["contributions"][0], blocks[1]["contributions"][0]
    record = {"_type": "ContributionParticipation", "first_name": "Gianluca",
              "last_name": "Geloni", "fullName": "Geloni, Gianluca",
              "affiliation": "European XFEL GmbH"}  # fmt: skip
    a["speakers"] = [dict(record, id="1142", db_id=1142, person_id=1142, emailHash="a" * 32)]
    b["speakers"] = [dict(record, id="1277", db_id=1277, person_id=1277, emailHash="b" * 32)]
    c = blocks[1]["contributions"][1]
    c["speakers"] = [dict(record, id="9", db_id=9, person_id=9, affiliation="Elsewhere")]
    source = tmp_path / "x.json"
    source.write_text(json.dumps(doc), "utf-8")
    sessions, _ = _import(source, tmp_path / "e")
    people = yaml.safe_load((tmp_path / "e" / "speakers.yaml").read_text("utf-8"))["speakers"]
    gelonis = {p["id"]: p.get("organization") for p in people if p["name"] == "Gianluca Geloni"}
    assert sorted(gelonis.values()) == ["Elsewhere", "European XFEL GmbH"]
    by_title = {s["title"]: s.get("speakers") for s in sessions}
    assert by_title[a["title"]] == by_title[b["title"]] != by_title[c["title"]]
