"""printkit import: hand-written fixtures for each format's edge cases → event directories."""

from __future__ import annotations

import http.server
import threading
from datetime import date
from functools import partial
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from printkit.errors import PrintkitError, Problems
from printkit.importers.cli import command
from printkit.importers.common import parse_duration, slugify
from printkit.importers.detect import detect
from printkit.importers.text import html_to_text, markdown_to_text, to_plain
from printkit.load import load_event

FIX = Path(__file__).parent / "fixtures" / "import"


def run(*args: str):
    return CliRunner().invoke(command, [str(a) for a in args], catch_exceptions=False)


def read(directory: Path) -> dict:
    out = {"event": yaml.safe_load((directory / "event.yaml").read_text("utf-8"))["event"]}
    for key in ("tracks", "rooms", "speakers", "sessions"):
        out[key] = yaml.safe_load((directory / f"{key}.yaml").read_text("utf-8"))[key]
    return out


def check_references(data: dict) -> None:
    """Every id unique and slug-safe; every reference names something that exists."""
    import re

    for key in ("tracks", "rooms", "speakers", "sessions"):
        ids = [x["id"] for x in data[key]]
        assert len(ids) == len(set(ids)), key
        assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids), key
    tracks = {t["id"] for t in data["tracks"]}
    rooms = {r["id"] for r in data["rooms"]}
    speakers = {s["id"] for s in data["speakers"]}
    for s in data["sessions"]:
        assert s.get("track") is None or s["track"] in tracks
        assert s.get("room") in rooms or (s.get("room") is None and s["type"] == "break")
        assert set(s.get("speakers", [])) <= speakers
        assert s["end"] >= s["start"]


def validate(directory: Path):
    """Load with the project loader: no errors; return the Event."""
    problems = Problems()
    event = load_event(directory, problems)
    assert not problems.errors
    return event, problems


def imported(tmp_path: Path, fmt: str, name: str, *extra: str) -> dict:
    out = tmp_path / "out"
    result = run(fmt, FIX / name, "-o", out, *extra)
    assert result.exit_code == 0, result.output
    data = read(out)
    check_references(data)
    validate(out)
    return data


def by_title(data: dict, title: str) -> list[dict]:
    return [s for s in data["sessions"] if s["title"] == title]


# ---------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    "text,minutes",
    [("00:30", 30), ("0:30:00", 30), ("PT30M", 30), ("PT1H30M", 90), ("01:00", 60), ("45", 45)],
)
def test_durations(text, minutes):
    assert parse_duration(text).total_seconds() == minutes * 60


def test_bad_duration_is_an_error():
    with pytest.raises(ValueError):
        parse_duration("half an hour")


def test_slugify_transliterates_and_cjk_is_empty():
    assert slugify("Ana Núñez") == "ana-nunez"
    assert slugify("Straße & Ærø") == "strasse-aero"
    assert slugify("胡玮文") == ""
    assert slugify("Bogomil Shopov - Бого") == "bogomil-shopov"


def test_html_to_text_keeps_paragraphs_and_bullets():
    text = html_to_text("<p>A &amp; B <em>x</em></p><ul><li>one</li><li>two</li></ul><p>End</p>")
    assert text == "A & B x\n\n- one\n- two\n\nEnd"


def test_markdown_to_text_strips_syntax_keeps_structure():
    md = "# Title\n\n    ## Indented heading\n\nSome **bold** and _em_ and [a link](https://x.org).\n\n* one\n* two\n\nsnake_case_name stays"
    assert markdown_to_text(md) == (
        "Title\n\nIndented heading\n\nSome bold and em and a link.\n\n- one\n- two\n\nsnake_case_name stays"
    )


def test_markdown_escapes_multiline_emphasis_and_gender_star():
    md = "*Drop-in block\nwith demos* for Aktivist*innen and Trainer\\*innen, jede*r"
    assert (
        markdown_to_text(md)
        == "Drop-in block with demos for Aktivist*innen and Trainer*innen, jede*r"
    )


def test_to_plain_joins_wrapped_lines_and_handles_crlf():
    assert to_plain("  one\r\n    two\r\n\r\n\r\n three ") == "one two\n\nthree"
    assert to_plain("   ") is None
    assert to_plain("one\\r\\n\\r\\ntwo") == "one\n\ntwo"


def test_detect_formats():
    assert detect((FIX / "frab_edge.xml").read_bytes()) == "frab-xml"
    assert detect((FIX / "schedule.json").read_bytes()) == "schedule-json"
    assert detect((FIX / "sessionize.json").read_bytes()) == "sessionize"
    assert detect((FIX / "gosim.json").read_bytes()) == "gosim"
    assert detect((FIX / "speaker_page.md").read_bytes()) == "speaker-page"
    with pytest.raises(PrintkitError):
        detect(b'{"hello": 1}')


# ---------------------------------------------------------------- frab XML


def test_frab_midnight_offsets_and_day_window(tmp_path):
    data = imported(tmp_path, "frab-xml", "frab_edge.xml")
    ev = data["event"]
    assert ev["id"] == "edgecon-2024" and ev["timezone"] == "Europe/Berlin"
    # the 23:50 + 1h talk crosses midnight; the 02:00 workshop (no <date>, before day_change)
    # and the +00:00 talk (23:30Z = 00:30 Berlin) are on the 28th: event end extends to it
    assert ev["start"] == date(2024, 12, 27) and ev["end"] == date(2024, 12, 28)
    night = by_title(data, "Night Talk")
    assert [(s["start"], s["end"]) for s in night] == [
        ("2024-12-27 23:50", "2024-12-28 00:50"),
        ("2024-12-28 00:30", "2024-12-28 01:15"),
    ]
    assert "schedule_day" not in night[0]
    assert night[1]["schedule_day"] == date(2024, 12, 27)
    # duplicate titles → unique ids
    assert [s["id"] for s in night] == ["night-talk", "night-talk-2"]
    solder = by_title(data, "Soldering for everyone")[0]
    assert (solder["start"], solder["end"]) == ("2024-12-28 02:00", "2024-12-28 03:30")
    assert solder["type"] == "workshop"
    assert night[1]["type"] == "lightning"


def test_frab_html_abstract_links_persons_tracks(tmp_path):
    data = imported(tmp_path, "frab-xml", "frab_edge.xml")
    opening = by_title(data, "Opening & Welcome")[0]
    assert opening["abstract"] == (
        "First paragraph with emphasis & an ampersand.\n\n- one\n- two\n\nSecond paragraph."
    )
    assert opening["slides"] == "https://edgecon.example.org/slides/101.pdf"
    assert opening["video"] == "https://video.example.org/101.webm"
    assert opening["links"] == {"feedback": "https://edgecon.example.org/talk/101/feedback/"}
    # person id 7 appears as "Ana Núñez" and "Ana Nunez": one speaker; CJK name → source id
    ids = {s["name"]: s["id"] for s in data["speakers"]}
    assert ids == {"Ana Núñez": "ana-nunez", "王小明": "p-8", "Bob": "bob"}
    assert by_title(data, "Night Talk")[1]["speakers"] == ["bob", "ana-nunez"]
    tracks = {t["id"]: t for t in data["tracks"]}
    assert tracks["security"]["color"] == "#E40429"
    assert "color" not in tracks["hardware"]
    assert opening["track"] == "security"
    night = by_title(data, "Night Talk")[0]
    assert night["abstract"] == "Plain markdown with a link here.\n\nMore details."
    assert night["extra"] == {"do_not_stream": True, "recording_optout": True}
    rooms = {r["name"] for r in data["rooms"]}
    assert rooms == {"Saal 1", 'Workshop Room "A"'}


def test_frab_summary_counts_what_was_dropped(tmp_path):
    result = run("frab-xml", FIX / "frab_edge.xml", "-o", tmp_path / "o")
    assert "imported: 4 sessions, 3 speakers, 2 rooms, 2 tracks" in result.output
    assert "dropped: links with a non-http(s) URL: 1" in result.output
    assert (
        "dropped: extra video formats and subtitle files (one recording kept): 1" in result.output
    )
    assert "kept: sessions crossing midnight: 1" in result.output
    assert "javascript:" not in (tmp_path / "o" / "sessions.yaml").read_text("utf-8")


# ---------------------------------------------------------------- schedule.json


def test_schedule_json_person_shapes_offsets_and_avatars(tmp_path):
    data = imported(tmp_path, "schedule-json", "schedule.json")
    ev = data["event"]
    assert ev["id"] == "json-con-2025"  # acronym "2025" is no name: title slug
    # event dates come from the sessions; one ending at 00:00 does not add a day
    assert (ev["start"], ev["end"]) == (date(2025, 3, 17), date(2025, 3, 17))
    speakers = {s["name"]: s for s in data["speakers"]}
    assert set(speakers) == {"Emily Example", "Dana Doe"}
    assert speakers["Emily Example"]["organization"] == "Some Center"
    dana = speakers["Dana Doe"]
    assert dana["bio"] == "Dana builds things."
    assert dana["photo"] == "https://cfp.example.org/media/avatars/dana.png"
    side, hello = by_title(data, "Keynote: Hello")  # duplicate titles: -2 for the later one
    assert [side["id"], hello["id"]] == ["keynote-hello", "keynote-hello-2"]
    assert hello["type"] == side["type"] == "keynote"  # generic "Talk" refined by the title
    assert (hello["start"], hello["end"]) == ("2025-03-17 13:00", "2025-03-17 13:45")  # PT45M
    # "Z" time converted to New York wall-clock
    assert (side["start"], side["end"]) == ("2025-03-17 10:00", "2025-03-17 11:00")
    assert side["speakers"] == hello["speakers"][:1]  # merged by id/code
    hello = [hello]
    assert hello[0]["abstract"] == "A markdown abstract.\n\n- bullet one\n- bullet two"
    assert hello[0]["slides"] == "https://cfp.example.org/media/slides.pdf"
    assert hello[0]["extra"] == {"do_not_record": True}
    late = by_title(data, "Late show")[0]
    assert late["type"] == "social" and late["end"] == "2025-03-18 00:00"
    rooms = {r["name"]: r for r in data["rooms"]}
    assert rooms["Auditorium (S010)"]["capacity"] == 120
    assert {t["name"] for t in data["tracks"]} == {"Core", "After Hours"}


def test_relative_avatar_without_base_is_dropped_with_a_note(tmp_path):
    doc = (
        (FIX / "schedule.json")
        .read_text("utf-8")
        .replace('"base_url": "https://cfp.example.org/jsoncon/",', "")
    )
    src = tmp_path / "s.json"
    src.write_text(doc, "utf-8")
    result = run("schedule-json", src, "-o", tmp_path / "o")
    assert result.exit_code == 0, result.output
    assert "dropped: relative avatars (no base URL known; pass --base-url)" in result.output
    speakers = read(tmp_path / "o")["speakers"]
    assert all("photo" not in s for s in speakers)


# ---------------------------------------------------------------- Sessionize


def test_sessionize(tmp_path):
    data = imported(
        tmp_path, "sessionize", "sessionize.json", "--event-name", "Summit Test",
        "--timezone", "Europe/London",
    )  # fmt: skip
    assert data["event"]["id"] == "summit-test"
    assert data["event"]["timezone"] == "Europe/London"
    work = by_title(data, "Full-day Workshop")[0]  # leading space trimmed
    assert work["type"] == "workshop" and work["track"] == "power-platform"
    assert (work["start"], work["end"]) == ("2026-10-02 09:00", "2026-10-02 17:00")
    assert work["abstract"] == "Line one\n- item a\n- item b"
    assert work["speakers"] == ["aasne-holt", "zoe-ng"]
    assert work["extra"] == {
        "categories": {"What level is your session aimed at?": "100 - Beginner"}
    }
    lunch = by_title(data, "Lunch")[0]
    assert lunch["type"] == "break" and "room" not in lunch
    assert by_title(data, "Quick one ⚡")[0]["type"] == "lightning"
    assert by_title(data, "Opening Keynote")[0]["type"] == "keynote"
    rooms = {r["name"]: r["capacity"] for r in data["rooms"]}
    assert rooms == {"Presidents Suite": 150, "Cap & Thistle": 100}
    aasne = next(s for s in data["speakers"] if s["id"] == "aasne-holt")
    assert aasne["profile_url"] == "https://sessionize.com/aasne"
    assert aasne["links"]["linkedin"] == "https://www.linkedin.com/in/x/"
    assert aasne["position"] == "Architect | MVP" and "bio" not in aasne


# ---------------------------------------------------------------- GOSIM


def test_gosim_dedupes_breaks_and_plenary(tmp_path):
    data = imported(
        tmp_path, "gosim", "gosim.json", "--year", "2025", "--event-name", "GOSIM Test 2025",
        "--base-url", "https://example.org/images/speakers/",
    )  # fmt: skip
    titles = sorted(s["title"] for s in data["sessions"])
    assert titles == [
        "Agents in Practice", "Keynote", "Morning Coffee", "To Be Announced",
        "Training on Accelerators",
    ]  # fmt: skip
    keynote = by_title(data, "Keynote")[0]
    assert keynote["room"] == "plenary" and keynote["type"] == "keynote" and "track" not in keynote
    coffee = by_title(data, "Morning Coffee")[0]
    assert coffee["type"] == "break" and "room" not in coffee
    tba = by_title(data, "To Be Announced")[0]
    assert tba["room"] == "ai-infra" and tba["track"] == "ai-infra"
    talk = by_title(data, "Training on Accelerators")[0]
    assert (talk["start"], talk["end"]) == ("2025-05-06 10:30", "2025-05-06 11:10")
    assert talk["abstract"] == "Line one.\nLine two."  # plain-text source: lines kept
    ana = next(s for s in data["speakers"] if s["id"] == "ana-lopez")
    assert (ana["position"], ana["organization"]) == ("Senior Engineer", "Example Corp")
    assert ana["photo"] == "https://example.org/images/speakers/ana-lopez.jpg"
    assert {s["id"] for s in data["speakers"]} == {"ana-lopez", "li-wei"}
    assert {r["id"] for r in data["rooms"]} == {"ai-infra", "ai-apps", "plenary"}


# ---------------------------------------------------------------- speaker page


def test_speaker_page_merges_into_gosim_import(tmp_path):
    out = tmp_path / "ev"
    assert run("gosim", FIX / "gosim.json", "-o", out).exit_code == 0
    result = run("speaker-page", FIX / "speaker_page.md", "--into", out)
    assert result.exit_code == 0, result.output
    assert "sessions updated (same id): 1" in result.output
    assert "speakers updated (same id): 1" in result.output
    data = read(out)
    check_references(data)
    validate(out)
    talk = by_title(data, "Training on Accelerators")
    assert len(talk) == 1
    talk = talk[0]
    assert talk["abstract"] == "A new abstract from the page."
    assert talk["room"] == "ai-infra"  # kept from the import
    assert talk["host"]["introduction"] == (
        "Please welcome Ana López, who makes accelerators hum.\n\nGive her a warm hand!"
    )
    ana = [s for s in data["speakers"] if s["name"] == "Ana López"]
    assert len(ana) == 1
    ana = ana[0]
    assert ana["position"] == "Principal Engineer"
    assert ana["education"] == [{"school": "Test University", "year": 2015},
                                {"school": "Other School", "year": 2012}]  # fmt: skip
    assert ana["career"][0] == {"org": "Example Corp", "period": "2019–Present",
                                "items": ["Built the thing"]}  # fmt: skip
    assert ana["career"][1] == {"org": "Old Corp", "period": "2015–2019", "role": "Engineer"}
    assert ana["publications"] == [
        {"title": "A Paper", "year": 2022, "video": "https://www.youtube.com/watch?v=abc"}
    ]
    assert ana["recognition"] == [{"title": "Test Award", "year": 2023, "note": "For testing"}]
    assert ana["links"] == {"github": "https://github.com/ana"}
    assert ana["profile_url"] == "https://example.org/speakers/ana-lopez/"
    assert ana["photo_credit"] == "Source: GOSIM Test 2025"
    track = next(t for t in data["tracks"] if t["id"] == "ai-infra")
    assert track["tagline"] == "Fast things for everyone"
    assert data["event"]["id"] == "gosim-2025"  # the existing event wins


def test_speaker_page_adds_a_new_session_in_its_track_room(tmp_path):
    out = tmp_path / "ev"
    assert run("gosim", FIX / "gosim.json", "-o", out).exit_code == 0
    page = (FIX / "speaker_page.md").read_text("utf-8")
    page = page.replace("Training on Accelerators", "A Brand New Talk")
    page = page.replace("ana-lopez", "ana-lopez-2").replace(
        "**Full Name**: Ana López", "**Full Name**: Ana L."
    )
    src = tmp_path / "page.md"
    src.write_text(page, "utf-8")
    result = run("speaker-page", src, "--into", out)
    assert result.exit_code == 0, result.output
    data = read(out)
    check_references(data)
    new = by_title(data, "A Brand New Talk")[0]
    assert new["room"] == "ai-infra" and new["speakers"] == ["ana-lopez-2"]
    assert len(data["speakers"]) == 3


def _hand_edited(tmp_path: Path, rename: dict) -> Path:
    """A gosim import whose sessions the user renamed, with comments in every file."""
    out = tmp_path / "ev"
    assert run("gosim", FIX / "gosim.json", "-o", out).exit_code == 0
    data = read(out)
    for s in data["sessions"]:
        if s["title"] == "Training on Accelerators":
            s.update(rename)
            s.pop("track", None)
            s["room"] = "hand-picked"
    data["rooms"].append({"id": "hand-picked", "name": "Hand-picked Room"})
    for key in ("tracks", "rooms", "speakers", "sessions"):
        text = yaml.safe_dump({key: data[key]}, allow_unicode=True, sort_keys=False)
        (out / f"{key}.yaml").write_text(f"# my notes on {key}\n{text}", "utf-8")
    return out


@pytest.mark.parametrize(
    "rename, how",
    [
        ({"id": "my-own-id", "title": "Old working title"}, "matched by speaker and start time"),
        ({"id": "my-own-id", "start": "2025-05-06 15:00", "end": "2025-05-06 15:40",
          "title": "training  on ACCELERATORS"}, "matched by title and day"),
    ],
)  # fmt: skip
def test_speaker_page_merges_into_a_renamed_session(tmp_path, rename, how):
    out = _hand_edited(tmp_path, rename)
    before = {f.name: f.read_bytes() for f in out.iterdir()}
    result = run("speaker-page", FIX / "speaker_page.md", "--into", out)
    assert result.exit_code == 0, result.output
    assert how in result.output
    data = read(out)
    talks = [
        s
        for s in data["sessions"]
        if s["id"] == "my-own-id" or "accelerators" in s["title"].lower()
    ]
    assert len(talks) == 1, talks
    assert talks[0]["title"] == "Training on Accelerators"
    assert talks[0]["start"] == "2025-05-06 10:30"
    talk = talks[0]
    assert talk["id"] == "my-own-id"
    assert talk["room"] == "hand-picked"  # the page names no room: the user's stays
    assert talk["track"] == "ai-infra"  # the page names the track
    assert "ana-lopez" in talk["speakers"]
    assert "tbd" not in {r["id"] for r in data["rooms"]}
    # only changed files are rewritten; rewritten ones say so and the summary warns
    assert (out / "rooms.yaml").read_bytes() == before["rooms.yaml"]
    text = (out / "sessions.yaml").read_text("utf-8")
    assert text.startswith("# Updated by `printkit import` from speaker_page.md.")
    assert "my notes" not in text
    assert "rewrote sessions.yaml: its comments could not be kept" in result.output
    assert "rewrote rooms.yaml" not in result.output
    validate(out)
    again = run("speaker-page", FIX / "speaker_page.md", "--into", out)
    assert "nothing changed: no file rewritten" in again.output
    assert (out / "sessions.yaml").read_text("utf-8") == text


def test_speaker_page_alone_makes_an_event(tmp_path):
    data = imported(tmp_path, "speaker-page", "speaker_page.md")
    ev = data["event"]
    assert ev["name"] == "GOSIM Test 2025"
    assert (ev["start"], ev["end"]) == (date(2025, 5, 6), date(2025, 5, 7))
    assert ev["venue"] == {"name": "Test Hall", "city": "Paris", "country": "France"}
    assert ev["organizers"][1] == {"name": "Another Org", "role": "co-organizer"}


# ---------------------------------------------------------------- CLI behaviour


def test_refuses_non_empty_directory_unless_force(tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    result = run("gosim", FIX / "gosim.json", "-o", out)
    assert result.exit_code == 1
    assert "not empty (use --force)" in result.output
    assert (out / "keep.txt").exists()
    result = run("gosim", FIX / "gosim.json", "-o", out, "--force")
    assert result.exit_code == 0
    assert (out / "sessions.yaml").exists() and not (out / "keep.txt").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp dirs left


def test_bad_source_writes_nothing(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schedule": {"conference": ', "utf-8")
    result = run("auto", bad, "-o", tmp_path / "o")
    assert result.exit_code == 1
    assert "bad.json:1: not valid JSON" in result.output
    assert not (tmp_path / "o").exists()
    result = run("frab-xml", tmp_path / "missing.xml", "-o", tmp_path / "o")
    assert result.exit_code == 1 and "no such file" in result.output


def test_default_output_is_event_id_in_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("auto", FIX / "frab_edge.xml")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "edgecon-2024" / "event.yaml").exists()


def test_import_from_http_url(tmp_path):
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(FIX))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/frab_edge.xml"
        result = run("auto", url, "-o", tmp_path / "o", "--timeout", "10")
        assert result.exit_code == 0, result.output
        assert len(read(tmp_path / "o")["sessions"]) == 4
        missing = f"http://127.0.0.1:{server.server_address[1]}/nope.xml"
        result = run("auto", missing, "-o", tmp_path / "o2")
        assert result.exit_code == 1 and "cannot fetch" in result.output
    finally:
        server.shutdown()
        server.server_close()


def test_event_id_option_is_slugged(tmp_path):
    result = run("gosim", FIX / "gosim.json", "-o", tmp_path / "o", "--event-id", "My Event 2025")
    assert result.exit_code == 0, result.output
    assert read(tmp_path / "o")["event"]["id"] == "my-event-2025"
    result = run("gosim", FIX / "gosim.json", "-o", tmp_path / "p", "--event-id", "!!!")
    assert result.exit_code == 1 and "--event-id" in result.output
    assert not (tmp_path / "p").exists()


def test_clean_line_drops_stray_bidi_controls():
    from printkit.importers.common import clean_line

    assert clean_line("Daniel Ehrenberg\u2069") == "Daniel Ehrenberg"
    assert clean_line("\u2067محمد\u2069 \u200bAli") == "محمد Ali"
    assert clean_line("  \ufeff ") is None


@pytest.mark.parametrize(
    "type_name, title, kind, guess",
    [
        ("45 min theatre session", "How to run better workshops", "talk", "'45 min theatre session' → talk"),
        ("20 min lightning talk", "Agents", "lightning", "'20 min lightning talk' → lightning"),
        ("Theatre", "A play in two acts", "social", "'Theatre' → social"),
        ("Talk", "Lightning Talks Day 2", "lightning", "from a title word → lightning"),
        ("Talk", "Intro", "talk", None),
        ("Workshop", "Hands-on", "workshop", None),
        ("Plenum", "Closing", "keynote", "'Plenum' → keynote"),
        (None, "Lightning Thunder: fast PyTorch", "talk", "without a type → talk"),
    ],
)  # fmt: skip
def test_session_type_mapping_and_guesses(type_name, title, kind, guess):
    from printkit.importers.build import Report, session_type

    report = Report()
    assert session_type(type_name, title, report) == kind
    lines = [line for line in report.lines() if line.startswith("  guessed: ")]
    if guess is None:
        assert lines == []
    else:
        assert len(lines) == 1 and guess in lines[0]


def test_untyped_long_session_is_a_workshop():
    from datetime import timedelta

    from printkit.importers.build import Report, session_type

    report = Report()
    assert session_type(None, "Zero Trust day", report, timedelta(hours=8)) == "workshop"
    assert session_type(None, "Zero Trust", report, timedelta(minutes=45)) == "talk"
    assert len(report.guessed) == 2


def test_schedule_json_keeps_origin_and_resolves_relative_feedback(tmp_path):
    doc = (
        (FIX / "schedule.json")
        .read_text("utf-8")
        .replace(
            '"do_not_record": true,',
            '"do_not_record": true, "feedback_url": "/jsoncon/talk/AAA/feedback/", '
            '"origin_url": "https://cfp.example.org/jsoncon/talk/AAA/",',
        )
    )
    src = tmp_path / "s.json"
    src.write_text(doc, "utf-8")
    result = run("schedule-json", src, "-o", tmp_path / "o")
    assert result.exit_code == 0, result.output
    assert "origin URLs" in result.output
    hello = next(s for s in read(tmp_path / "o")["sessions"] if s["id"] == "keynote-hello-2")
    links = hello["links"]
    assert links["feedback"] == "https://cfp.example.org/jsoncon/talk/AAA/feedback/"
    assert links["origin"] == "https://cfp.example.org/jsoncon/talk/AAA/"
