"""Issue 10's loader, CLI and message examples, each through the CLI: exit 1 with `file:line: field:
message` (or a warning and exit 0), never an internal error, and nothing written after exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINIMAL, invoke


def event(tmp_path: Path, old: str, new: str) -> Path:
    assert old in MINIMAL
    path = tmp_path / "event.yaml"
    path.write_text(MINIMAL.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def refused(r) -> str:
    assert r.exit_code == 1, r.output
    assert "internal error" not in r.stderr and "Traceback" not in r.output
    return r.stderr


# ------------------------------------------------------------------ loader


def test_url_http_bad_is_an_invalid_url(runner, tmp_path):
    p = event(tmp_path, "url: https://example.org/", 'url: "http://[bad"')
    err = refused(invoke(runner, "validate", p))
    assert f"{p}:{line_of(p, '[bad')}: event.url: invalid URL 'http://[bad'" in err


@pytest.mark.parametrize(
    "old, new, field",
    [
        ("name: Mini Conf", r'name: "Mini \uD800 Conf"', "Mini"),  # event name
        ("timezone: Europe/Paris", 'timezone: Europe/Paris\n  venue: "Hall \\uD800"', "venue"),
        ("name: Main Track", r'name: "Main \uD800"', "Main"),  # track name
        ("url: https://example.org/", r'logo: "a\uD800b.png"', "logo"),
        ("url: https://example.org/", 'venue:\n    map: "a\\uDFFFb.png"', "map"),
    ],
)
def test_a_lone_surrogate_is_refused_where_yaml_becomes_values(runner, tmp_path, old, new, field):
    p = event(tmp_path, old, new)
    err = refused(invoke(runner, "validate", p))
    assert f"{p}:{line_of(p, field)}: a lone surrogate" in err


@pytest.mark.parametrize("old, new", [
    ("name: Hall A", r'name: "Hall \uD800"'),  # room name: the PDF writer
    ("organization: Analytical Engines", r'profile_url: "https://example.org/\uD800"'),  # QR
])  # fmt: skip
def test_a_lone_surrogate_in_rendered_text_leaves_nothing_behind(runner, tmp_path, old, new):
    p = event(tmp_path, old, new)
    out = tmp_path / "out"
    err = refused(invoke(runner, "all", p, "-o", out))
    assert "a lone surrogate" in err
    assert not out.exists()
    assert sorted(x.name for x in tmp_path.iterdir()) == ["event.yaml"]  # no staging folder


def test_a_nul_in_the_logo_name_is_a_warning(runner, tmp_path):
    p = event(tmp_path, "url: https://example.org/", r'logo: "a\0b.png"')
    r = invoke(runner, "validate", p)
    assert r.exit_code == 0, r.output
    assert "event.logo: warning: 'a\\x00b.png': the file name holds a NUL byte" in r.stderr


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda f: f.symlink_to(f.name), "a symlink loop"),
        (lambda f: f.symlink_to("/dev/zero"), "not a regular file"),
        (lambda f: f.mkdir(), "a folder, not a file"),
    ],
)
def test_logo_and_map_that_are_loops_devices_or_folders_are_warnings(runner, tmp_path, make, words):
    p = event(tmp_path, "url: https://example.org/", "logo: odd.png\n  venue:\n    map: odd.png")
    make(tmp_path / "odd.png")
    r = invoke(runner, "validate", p)
    assert r.exit_code == 0, r.output
    assert f"event.logo: warning: 'odd.png': {words}" in r.stderr
    assert f"event.venue.map: warning: 'odd.png': {words}" in r.stderr


def test_a_photo_linked_to_a_device_is_not_a_regular_file(runner, tmp_path):
    p = event(tmp_path, "organization: Analytical Engines", "photo: ada.jpg")
    (tmp_path / "ada.jpg").symlink_to("/dev/zero")
    r = invoke(runner, "validate", p)
    assert r.exit_code == 0, r.output
    assert "speakers[0].photo: warning: photo 'ada.jpg': not a regular file" in r.stderr


# ------------------------------------------------------------------ CLI


def test_all_takes_a_folder_with_a_dot(runner, tmp_path):
    p = event(tmp_path, "url: https://example.org/", "url: https://example.org/")
    out = tmp_path / "some" / "folder.with.dot"
    r = invoke(runner, "all", p, "-o", out)
    assert r.exit_code == 0, r.output
    assert sorted(x.name for x in out.iterdir()) == [
        "badges.pdf", "booklet.pdf", "cards.pdf", "signs.pdf",
    ]  # fmt: skip
    r = invoke(runner, "all", p, "-o", tmp_path / "x.pdf")
    assert "-o takes a folder here" in refused(r)


def test_a_100000_character_title_renders_cut_with_an_ellipsis(runner, tmp_path):
    # fuzz reproducer: fitting measured and hyphenated the whole word for every line (108 CPU s)
    from pypdf import PdfReader

    p = event(tmp_path, "title: Opening", "title: " + "x" * 100_000)
    r = invoke(runner, "all", p, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert "shortened with …" in r.stderr
    badge = "".join(
        page.extract_text() for page in PdfReader(tmp_path / "out" / "badges.pdf").pages
    )
    assert "xxxxx…" in badge and "x" * 2000 not in badge


def test_a_100000_character_title_of_words_is_cut_to_1000_with_a_warning(runner, tmp_path):
    # host cue cards never cut a title: 100,000 characters of words made thousands of cards
    from pypdf import PdfReader

    p = event(tmp_path, "title: Opening", "title: " + ("lorem ipsum dolor " * 5600)[:100_000])
    r = invoke(runner, "all", p, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    line = line_of(p, "lorem ipsum")
    assert f"{p}:{line}: sessions[0].title: warning: title is 100,000 characters long" in r.stderr
    cards = PdfReader(tmp_path / "out" / "cards.pdf")
    assert len(cards.pages) < 20
    assert "…" in "".join(page.extract_text() for page in cards.pages)


# ------------------------------------------------------------------ messages


def test_a_huge_value_is_cut_in_the_message(runner, tmp_path):
    p = event(tmp_path, "type: keynote", "type: " + "x" * 108_000)
    err = refused(invoke(runner, "validate", p))
    line = next(x for x in err.splitlines() if "sessions[0].type" in x)
    assert len(line) < 300 and "x…'" in line


def test_an_empty_rooms_file_asks_for_a_list_of_rooms(runner, tmp_path):
    event(tmp_path, "url: https://example.org/", "url: https://example.org/")
    (tmp_path / "rooms.yaml").write_text("{}\n")
    err = refused(invoke(runner, "validate", tmp_path))
    assert "rooms.yaml:1: expected a list of rooms under 'rooms:' (or a bare list)" in err
    assert "found an empty mapping ({})" in err


def test_a_plain_text_speakers_file_asks_for_a_list_of_speakers(runner, tmp_path):
    event(tmp_path, "url: https://example.org/", "url: https://example.org/")
    (tmp_path / "speakers.yaml").write_text("Ada Lovelace and Grace Hopper\n")
    err = refused(invoke(runner, "validate", tmp_path))
    assert "speakers.yaml:1: expected a list of speakers under 'speakers:'" in err
    assert "event, tracks" not in err


def test_a_tab_in_the_indentation_says_yaml_indents_with_spaces(runner, tmp_path):
    p = event(tmp_path, "    name: Hall A", "\tname: Hall A")
    err = refused(invoke(runner, "validate", p))
    assert f"{p}:{line_of(p, 'Hall A')}: " in err
    assert "YAML indents with spaces" in err and "→name: Hall A" in err


@pytest.mark.parametrize("rows_before", [0, 400])  # in the first 8 KiB, and far after it
def test_a_nul_in_the_csv_names_line_and_column(runner, tmp_path, rows_before):
    p = event(tmp_path, "url: https://example.org/", "url: https://example.org/")
    filler = "".join(f"Person {i},Org\n" for i in range(rows_before))
    csv = tmp_path / "people.csv"
    csv.write_bytes(("name,organization\n" + filler + "Ad\x00a,X\n").encode())
    err = refused(invoke(runner, "validate", p, "--attendees", csv))
    line = rows_before + 2
    assert f"{csv}:{line}: a NUL byte at line {line}, column 3" in err


def test_an_attendee_csv_that_is_a_device_is_refused(runner, tmp_path):
    p = event(tmp_path, "url: https://example.org/", "url: https://example.org/")
    (tmp_path / "dev.csv").symlink_to("/dev/zero")
    err = refused(invoke(runner, "validate", p, "--attendees", tmp_path / "dev.csv"))
    assert "not a regular file" in err


@pytest.mark.parametrize("qr", ["intent:#Intent;end", "tel:+331234", "sms:+331234", "mailto:a@b.org",
                                "WIFI:S:x;;", "javascript:alert(1)"])  # fmt: skip
def test_attendee_qr_schemes_other_than_http_are_refused(runner, tmp_path, qr):
    p = event(tmp_path, "url: https://example.org/", "url: https://example.org/")
    csv = tmp_path / "people.csv"
    csv.write_text(f"name,qr\nAda,https://example.org/t/1\nBob,T-2025-0042\nCy,{qr}\n")
    out = tmp_path / "b.pdf"
    err = refused(invoke(runner, "badges", p, "--attendees", csv, "-o", out))
    assert f"{csv}:4: qr: QR payload" in err and "only http(s)" in err
    assert not out.exists()
