"""Issue 10's importer examples, each through `printkit import`: bad input → exit 1 and one line per
problem, nothing written; odd but usable input → an event printkit's own loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from printkit.cli import cli
from printkit.errors import PrintkitError


def run(tmp_path: Path, fmt: str, name: str, data: bytes | str, *extra: str):
    source = tmp_path / name
    source.write_bytes(data.encode() if isinstance(data, str) else data)
    out = tmp_path / "out"
    args = ["import", fmt, str(source), "-o", str(out), *extra]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert "Traceback" not in result.output
    return result, out


def failed(result, out: Path) -> str:
    """Exit 1, nothing written, no internal error → the messages."""
    assert result.exit_code == 1, result.output
    assert not out.exists()
    assert "internal error" not in result.stderr
    return result.stderr


def sessions_of(out: Path) -> list[dict]:
    return yaml.safe_load((out / "sessions.yaml").read_text())["sessions"]


SESSIONIZE_OPTS = ("--event-name", "Summit", "--timezone", "Europe/London")

FRAB = """<?xml version="1.0"?>
<schedule><conference><title>Conf</title><acronym>conf</acronym>
<time_zone_name>Europe/Berlin</time_zone_name></conference>
<day date="2025-05-06" index="1"><room name="Hall">
<event id="7"><date>{date}</date><start>10:00</start><duration>{duration}</duration>
<room>Hall</room><title>Talk</title></event>
<event id="8"><date>2025-05-06T12:00:00+02:00</date><start>12:00</start><duration>00:30</duration>
<room>Hall</room><title>Other</title></event>
</room></day></schedule>
"""


def frab(date="2025-05-06T10:00:00+02:00", duration="00:30") -> str:
    return FRAB.format(date=date, duration=duration)


# ------------------------------------------------------------------ JSON limits


def test_json_nested_100000_deep_is_one_error(tmp_path):
    r, out = run(tmp_path, "auto", "deep.json", "[" * 100_000 + "]" * 100_000)
    err = failed(r, out)
    assert "nested too deeply" in err and len(err.strip().splitlines()) == 1


def test_an_integer_of_5000_digits_is_one_error(tmp_path):
    doc = '{"sessions": [' + "7" * 5000 + '], "speakers": []}'
    r, out = run(tmp_path, "sessionize", "big.json", doc, *SESSIONIZE_OPTS)
    assert "more than 4,300 digits" in failed(r, out)


# ------------------------------------------------------------------ wrong JSON types

SESSIONIZE = {
    "sessions": [
        {"id": "1", "title": "Talk", "startsAt": "2025-05-06T10:00:00",
         "endsAt": "2025-05-06T10:30:00", "roomId": 1, "speakers": ["a"]},
    ],
    "speakers": [{"id": "a", "fullName": "Ada", "links": []}],
    "rooms": [{"id": 1, "name": "Hall"}],
    "categories": [],
}  # fmt: skip
SCHEDULE = {
    "schedule": {
        "conference": {
            "title": "Conf", "acronym": "conf", "time_zone_name": "Europe/Berlin",
            "days": [{"date": "2025-05-06", "rooms": {"Hall": [
                {"id": 1, "date": "2025-05-06T10:00:00+02:00", "duration": "00:30",
                 "title": "Talk", "persons": [{"name": "Ada", "id": 3}]}]}}],
        }
    }
}  # fmt: skip
GOSIM = {
    "sessions": {
        "AI": [{"date": "May 6", "timeSlot": "10:00 - 10:30", "title": "Talk",
                "speakers": [{"id": "ada", "name": "Ada"}]}]
    }
}  # fmt: skip


def _put(doc, path, value):
    doc = json.loads(json.dumps(doc))
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    "fmt, doc, path, shown",
    [
        ("sessionize", SESSIONIZE, ("sessions", 0, "title"), "sessions[0].title"),
        ("sessionize", SESSIONIZE, ("speakers", 0, "links"), "speakers[0].links"),
        ("sessionize", SESSIONIZE, ("rooms", 0), "rooms[0]"),
        ("sessionize", SESSIONIZE, ("categories",), "categories"),
        ("schedule-json", SCHEDULE, ("schedule", "conference", "days"), "conference.days"),
        ("schedule-json", SCHEDULE,
         ("schedule", "conference", "days", 0, "rooms", "Hall", 0, "persons"), "persons"),
        ("gosim", GOSIM, ("sessions", "AI", 0, "speakers", 0), "speakers[0]"),
        ("gosim", GOSIM, ("sessions", "AI", 0, "title"), "sessions.AI[0].title"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("value", [[1], {"a": 1}, 5, True])
def test_a_wrong_json_type_names_its_path(tmp_path, fmt, doc, path, shown, value):
    data = _put(doc, path, value)
    r, out = run(
        tmp_path, fmt, "x.json", json.dumps(data), *SESSIONIZE_OPTS * (fmt == "sessionize")
    )
    if isinstance(value, int) and path[-1] == "title" and not isinstance(value, bool):
        assert r.exit_code == 0, r.output  # a number where text goes is that text
        return
    if isinstance(value, dict) and path[-1] == 0:
        assert r.exit_code == 0, r.output  # an object where one goes: its unknown keys unread
        return
    err = failed(r, out)
    assert shown in err and "expected" in err


def test_null_is_absent(tmp_path):
    data = _put(SESSIONIZE, ("speakers", 0, "links"), None)
    r, _out = run(tmp_path, "sessionize", "x.json", json.dumps(data), *SESSIONIZE_OPTS)
    assert r.exit_code == 0, r.output


# ------------------------------------------------------------------ frab times


def test_frab_unparseable_date_names_the_event(tmp_path):
    r, out = run(tmp_path, "frab-xml", "s.xml", frab(date="the 6th of May"))
    err = failed(r, out)
    assert '<event id="7">.date: not a date and time' in err


def test_frab_year_9999_is_out_of_range(tmp_path):
    r, out = run(tmp_path, "frab-xml", "s.xml", frab(date="9999-12-31T23:50:00-12:00"))
    assert '<event id="7">: its time is out of range' in failed(r, out)


def test_frab_zero_duration_is_left_out_with_a_warning(tmp_path):
    r, out = run(tmp_path, "frab-xml", "s.xml", frab(duration="00:00"))
    assert r.exit_code == 0, r.output
    assert '<event id="7">: warning: has no length: left out' in r.output
    assert [s["title"] for s in sessions_of(out)] == ["Other"]
    assert "validate: ok" in r.output


def test_year_one_dates_import_and_load(tmp_path):
    xml = frab(date="0001-01-01T10:00:00").replace(
        "2025-05-06T12:00:00+02:00", "0001-01-01T12:00:00"
    )
    xml = xml.replace('date="2025-05-06"', 'date="0001-01-01"')
    r, out = run(tmp_path, "frab-xml", "s.xml", xml.replace("Europe/Berlin", ""))
    assert r.exit_code == 0, r.output
    assert sessions_of(out)[0]["start"] == "0001-01-01 10:00"


# ------------------------------------------------------------------ shapes and emptiness

PENTABARF = """<?xml version="1.0"?>
<schedule><conference><title>FOSDEM 2011</title><acronym>fosdem2011</acronym></conference>
<day date="2011-02-05" index="1">
<event id="1"><start>10:00</start><duration>00:50</duration><room>Janson</room><title>A</title>
<persons><person id="1">Ann</person></persons></event>
<event id="2"><start>11:00</start><duration>00:25</duration><room>K.1.105</room><title>B</title></event>
</day>
<day date="2011-02-06" index="2">
<event id="3"><start>09:30</start><duration>01:00</duration><room>Janson</room><title>C</title></event>
</day></schedule>
"""


def test_pentabarf_events_under_day_all_import(tmp_path):
    r, out = run(tmp_path, "frab-xml", "fosdem2011.xml", PENTABARF)
    assert r.exit_code == 0, r.output
    got = {(s["title"], s["room"], s["start"]) for s in sessions_of(out)}
    assert got == {
        ("A", "janson", "2011-02-05 10:00"),
        ("B", "k-1-105", "2011-02-05 11:00"),
        ("C", "janson", "2011-02-06 09:30"),
    }


def test_a_schedule_without_events_is_an_error_naming_what_was_looked_for(tmp_path):
    xml = "<schedule><conference><title>X</title></conference><day date='2025-05-06'/></schedule>"
    r, out = run(tmp_path, "frab-xml", "s.xml", xml)
    assert "no sessions found: looked for <event> elements" in failed(r, out)


def test_empty_sessionize_export_is_one_line(tmp_path):
    doc = {"sessions": [], "speakers": [], "rooms": [], "categories": [], "questions": []}
    r, out = run(tmp_path, "sessionize", "sz.json", json.dumps(doc), *SESSIONIZE_OPTS)
    err = failed(r, out)
    assert err.strip().splitlines() == [
        f"error: {tmp_path / 'sz.json'}: the Sessionize export holds no sessions"
    ]


def test_sessionize_asks_for_event_name_and_timezone(tmp_path):
    r, out = run(tmp_path, "sessionize", "sz.json", json.dumps(SESSIONIZE))
    err = failed(r, out)
    assert "--event-name" in err and "--timezone" in err
    r, out = run(tmp_path, "sessionize", "sz.json", json.dumps(SESSIONIZE), "--event-name", "S")
    err = failed(r, out)
    assert "--timezone" in err and "--event-name" not in err


# ------------------------------------------------------------------ the contract


def test_an_import_that_does_not_load_writes_nothing(tmp_path, monkeypatch):
    """The loader's verdict decides: a refusal leaves no folder (and names the files as asked)."""
    import printkit.load

    def refuse(path, problems=None):
        raise PrintkitError([printkit.errors.Problem("bad", str(Path(path) / "sessions.yaml"), 3)])

    monkeypatch.setattr(printkit.load, "load_event", refuse)
    r, out = run(tmp_path, "frab-xml", "s.xml", frab())
    err = failed(r, out)
    assert f"{out / 'sessions.yaml'}:3: bad" in err and "nothing written" in err
    assert [p.name for p in tmp_path.iterdir()] == ["s.xml"]  # no temporary folder left


def test_an_import_that_loads_is_written(tmp_path):
    r, out = run(tmp_path, "frab-xml", "s.xml", frab())
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == [
        "event.yaml", "rooms.yaml", "sessions.yaml", "speakers.yaml", "tracks.yaml",
    ]  # fmt: skip


def test_a_url_source_like_http_bad_is_refused(tmp_path):
    r = CliRunner().invoke(cli, ["import", "auto", "http://[bad", "-o", str(tmp_path / "o")])
    assert r.exit_code == 1 and "not a valid URL" in r.stderr


def test_a_lone_surrogate_in_json_text_names_its_path(tmp_path):
    data = _put(SESSIONIZE, ("sessions", 0, "title"), "Talk \ud800")
    text = json.dumps(data)  # ensure_ascii: the "\\ud800" escape a JSON file would hold
    r, out = run(tmp_path, "sessionize", "x.json", text, *SESSIONIZE_OPTS)
    assert "sessions[0].title: holds a lone surrogate" in failed(r, out)


def test_sessionize_start_with_an_offset_and_end_without_is_an_error(tmp_path):
    """Found by tools/fuzz.py (seed 101): the two were subtracted."""
    data = _put(SESSIONIZE, ("sessions", 0, "startsAt"), "2025-05-06T10:00:00+02:00")
    r, out = run(tmp_path, "sessionize", "x.json", json.dumps(data), *SESSIONIZE_OPTS)
    assert "sessions[id=1]: startsAt and endsAt must both have a UTC offset" in failed(r, out)


def test_a_merge_that_does_not_load_changes_nothing(tmp_path, monkeypatch):
    """--into: the merge is tried on a copy first; a refusal leaves the folder's files as they were."""
    import printkit.load

    r, out = run(tmp_path, "frab-xml", "s.xml", frab())
    assert r.exit_code == 0, r.output
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def refuse(path, problems=None):
        raise PrintkitError([printkit.errors.Problem("bad", str(Path(path) / "sessions.yaml"), 3)])

    monkeypatch.setattr(printkit.load, "load_event", refuse)
    (tmp_path / "s2.xml").write_text(frab(date="2025-05-06T15:00:00+02:00"))
    args = ["import", "frab-xml", str(tmp_path / "s2.xml"), "--into", str(out)]
    r = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 1 and f"{out / 'sessions.yaml'}:3: bad" in r.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "s.xml", "s2.xml"]


def test_gosim_time_slot_out_of_range_is_dropped_not_a_crash(runner, tmp_path):
    # tools/fuzz.py seed 2020: "9:60 - 10:00" raised ValueError (exit 3)
    doc = _put(GOSIM, ["sessions", "AI", 0, "timeSlot"], "9:60 - 10:00")
    doc["sessions"]["AI"].append(dict(GOSIM["sessions"]["AI"][0], title="Other"))
    src = tmp_path / "schedule.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    r = runner.invoke(cli, ["import", "gosim", str(src), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert "unreadable date/time (e.g. '9:60 - 10:00'): 1" in r.output + r.stderr
