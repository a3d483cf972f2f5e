"""printkit import indico: Indico HTTP export API JSON → event directory; posters grouped in the products."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml
from click.testing import CliRunner
from json_server import serve

from printkit.cli import cli
from printkit.errors import Problems
from printkit.importers.cli import command
from printkit.importers.indico import person_name
from printkit.load import load_event

FIX = Path(__file__).parent / "fixtures" / "import"
CONTRIBUTIONS = FIX / "indico_contributions.json"
POSTERS = 24


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(command, [str(a) for a in args], catch_exceptions=False, env=env)


def read(directory: Path, key: str) -> list | dict:
    return yaml.safe_load((directory / f"{key}.yaml").read_text("utf-8"))[key]


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("indico") / "event"
    result = run("indico", CONTRIBUTIONS, "-o", out)
    assert result.exit_code == 0, result.output
    return out, result.output


def test_every_scheduled_contribution_becomes_a_session(imported):
    out, output = imported
    sessions = read(out, "sessions")
    assert len(sessions) == 4 + POSTERS + 1  # the unscheduled one is dropped, and counted
    assert "dropped: contributions not in the timetable (no startDate): 1" in output
    assert "validate: ok, 0 warnings" in output  # posters sharing a room are no overlap warning


def test_times_are_converted_from_each_contributions_zone_and_the_zone_is_warned_about(imported):
    out, output = imported
    by_title = {s["title"]: s for s in read(out, "sessions")}
    assert read(out, "event")["timezone"] == "Europe/Zurich"
    assert by_title["Opening: the state of the field"]["start"] == "2026-06-08 09:00"  # 07:00 UTC
    # 03:45 in Chicago (UTC-5 in June) is 10:45 in Zurich
    assert by_title["Remote talk: superconducting magnets"]["start"] == "2026-06-08 10:45"
    assert "warning: the export gives times in America/Chicago, UTC" in output


def test_timezone_option_decides(tmp_path):
    result = run("indico", CONTRIBUTIONS, "-o", tmp_path / "e", "--timezone", "UTC")
    assert result.exit_code == 0, result.output
    by_title = {s["title"]: s for s in read(tmp_path / "e", "sessions")}
    assert by_title["Opening: the state of the field"]["start"] == "2026-06-08 07:00"
    assert read(tmp_path / "e", "event")["timezone"] == "UTC"


def test_speakers_names_organizations_and_fallback_to_authors(imported):
    out, _ = imported
    speakers = {p["id"]: p for p in read(out, "speakers")}
    by_title = {s["title"]: s for s in read(out, "sessions")}
    assert speakers["ada-lovelace"]["name"] == "Ada Lovelace"  # " Ada ", "Lovelace " trimmed
    assert speakers["ada-lovelace"]["organization"] == "Analytical Engines Ltd"
    # only primaryauthors, and only a fullName "Curie, Marie"
    assert by_title["Space-charge limits in small rings"]["speakers"] == ["marie-curie"]
    assert speakers["marie-curie"]["name"] == "Marie Curie"
    assert speakers["lise-meitner"]["name"] == "Lise Meitner"  # "Meitner, Lise"
    assert "speakers" not in by_title["Beam instrumentation update"]
    # one person (same person_id) on three contributions is one speaker
    ada = [s for s in by_title.values() if "ada-lovelace" in s.get("speakers", [])]
    assert len(ada) == 3
    assert "Niels Bohr" not in {p["name"] for p in speakers.values()}  # only unscheduled


def test_fields_go_where_they_belong(imported):
    out, _ = imported
    by_title = {s["title"]: s for s in read(out, "sessions")}
    s = by_title["Opening: the state of the field"]
    assert s["abstract"] == "Where the field stands, and where it goes."  # HTML made plain
    assert s["url"] == "https://indico.example.org/event/1234/contributions/1/"
    assert s["room"] == "main-auditorium" and s["track"] == "beam-dynamics"
    assert {r["name"] for r in read(out, "rooms")} == {
        "Main Auditorium",
        "Seminar Room",
        "Poster Hall",
    }
    assert read(out, "event")["venue"] == {"name": "Example Laboratory",
                                           "address": "1 Example Road, Geneva"}  # fmt: skip


def test_posters_keep_their_type_and_board_numbers(imported):
    out, _ = imported
    posters = [s for s in read(out, "sessions") if s["type"] == "poster"]
    assert len(posters) == POSTERS
    assert {s["start"] for s in posters} == {"2026-06-08 16:00"}
    boards = sorted((s.get("extra") or {}).get("board_number", "") for s in posters)
    assert boards.count("") == 1 and "P1" in boards and "P23" in boards


@pytest.mark.parametrize("raw,name", [
    ({"first_name": " Ada ", "last_name": " Lovelace", "fullName": "Lovelace, Ada"}, "Ada Lovelace"),
    ({"fullName": "Curie, Marie"}, "Marie Curie"),
    ({"fullName": "  Marie   Curie "}, "Marie Curie"),
    ({"first_name": "", "last_name": "Bohr", "fullName": "Bohr, Niels"}, "Bohr"),
])  # fmt: skip
def test_person_names(raw, name):
    assert person_name(raw) == name


def test_sessions_detail_blocks_give_tracks_rooms_and_posters(tmp_path):
    result = run("auto", FIX / "indico_sessions.json", "-o", tmp_path / "e")
    assert result.exit_code == 0, result.output
    assert "detected format: indico" in result.output
    sessions = read(tmp_path / "e", "sessions")
    tracks = {t["id"]: t for t in read(tmp_path / "e", "tracks")}
    talks = [s for s in sessions if s["type"] == "talk"]
    posters = [s for s in sessions if s["type"] == "poster"]
    assert len(talks) == 2 and len(posters) == 6
    assert tracks[talks[0]["track"]] == {"id": "accelerator-design", "name": "Accelerator Design",
                                         "color": "#1A64A0"}  # fmt: skip
    assert {s["room"] for s in talks} == {"hall-a"} and {s["room"] for s in posters} == {"foyer"}
    assert talks[0]["extra"]["session_block"] == "Morning block"
    assert talks[0]["start"] == "2026-09-14 09:00"  # given in the event's own zone: no warning
    assert "note: warning" not in result.output


def test_not_an_indico_export(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"results": [{"foo": 1}]}', "utf-8")
    result = run("indico", bad, "-o", tmp_path / "e")
    assert result.exit_code == 1 and "not an Indico event export" in result.output
    assert not (tmp_path / "e").exists()


def test_a_url_is_read_with_the_token_which_is_never_written(tmp_path):
    token = "indp_SECRET-token-0123456789"
    with serve({"/export/event/1234.json": CONTRIBUTIONS}) as (base, seen):
        url = f"{base}/export/event/1234.json?detail=contributions"
        result = run("indico", url, "-o", tmp_path / "e", env={"INDICO_TOKEN": token})
    assert result.exit_code == 0, result.output
    assert seen[0][1].get("Authorization") == f"Bearer {token}"
    assert token not in result.output
    for f in (tmp_path / "e").iterdir():
        assert token not in f.read_text("utf-8")


def test_no_token_no_header(tmp_path):
    with serve({"/export/event/1234.json": CONTRIBUTIONS}) as (base, seen):
        result = run("indico", f"{base}/export/event/1234.json", "-o", tmp_path / "e",
                     env={"INDICO_TOKEN": ""})  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Authorization" not in seen[0][1]


def _page_texts(pdf: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


def test_booklet_groups_posters_and_lists_every_title(imported, tmp_path):
    out, _ = imported
    pdf = tmp_path / "booklet.pdf"
    result = CliRunner().invoke(cli, ["booklet", str(out), "-o", str(pdf), "--target", "screen"],
                                catch_exceptions=False)  # fmt: skip
    assert result.exit_code == 0, result.output
    pages = _page_texts(pdf)
    glance = [t for t in pages if "AT A GLANCE" in t]
    grid = "\n".join(glance)
    assert grid.count("Poster session: 24 posters, boards P1–P23") == 1  # one block, not 24
    assert "measurement series" not in grid
    sessions = "\n".join(t for t in pages if "SESSIONS" in t)
    flat = " ".join(sessions.split())
    for s in load_event(out, Problems()).sessions:
        assert " ".join(s.title.split()) in flat, s.title
    assert flat.count("Poster session: 24 posters") == 1
    assert flat.index("P1 Poster 1:") < flat.index("P2 Poster 2:") < flat.index("P10 Poster 10:")


def test_room_and_door_signs_show_one_poster_session(imported, tmp_path):
    out, _ = imported
    pdf = tmp_path / "signs.pdf"
    result = CliRunner().invoke(cli, ["signs", str(out), "-o", str(pdf), "--room", "poster-hall",
                                      "--target", "screen"], catch_exceptions=False)  # fmt: skip
    assert result.exit_code == 0, result.output
    pages = _page_texts(pdf)
    assert len(pages) == 2  # one room day sign, one door sign
    for text in pages:
        flat = " ".join(text.split())
        assert "Poster session: 24 posters, boards P1–P23" in flat
        assert "measurement series" not in flat


def test_the_poster_session_label_is_translated(imported, tmp_path):
    out, _ = imported
    pdf = tmp_path / "signs.pdf"
    result = CliRunner().invoke(cli, ["signs", str(out), "-o", str(pdf), "--room", "poster-hall",
                                      "--kind", "room", "--lang", "fr", "--target", "screen"],
                                catch_exceptions=False)  # fmt: skip
    assert result.exit_code == 0, result.output
    flat = " ".join(" ".join(_page_texts(pdf)).split())
    assert "Session de posters : 24 posters, panneaux P1–P23" in flat.replace("\u00a0", " ")
