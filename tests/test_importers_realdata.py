"""printkit import on real public schedule exports → counts equal the source, loader accepts it.

The numbers below were counted in the source files (see shared/realdata/README.md
and the comments). Skipped when ../shared/realdata is absent.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from printkit.errors import Problems
from printkit.importers.cli import run_import
from printkit.importers.options import ImportOptions

REAL = Path(__file__).resolve().parents[2] / "shared" / "realdata"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="shared/realdata not available")

# file → (format, options, sessions, rooms, speakers, tracks)
CASES = {
    # 1,079 <event>, 37 rooms, 1,216 distinct person ids, 71 tracks in <tracks>
    "fosdem-2026-schedule.xml": ("frab-xml", {}, 1079, 37, 1216, 71),
    # 1,007 <event>, 72 rooms, 571 distinct person guids, 7 conference tracks
    "38c3-schedule.xml": ("frab-xml", {}, 1007, 72, 571, 7),
    # 72 events, 5 rooms, 63 persons, 13 track names used
    "good2025-pretalx-schedule.json": ("schedule-json", {}, 72, 5, 63, 13),
    # 61 sessions, 7 rooms, 76 speakers, 6 items in the track category
    "scottishsummit2026-sessionize-all.json": (
        "sessionize",
        {"event_name": "Scottish Summit 2026", "timezone": "Europe/London"},
        61,
        7,
        76,
        6,
    ),  # fmt: skip
    # 64 talks with speakers + 13 distinct speaker-less slots (breaks, keynote, spotlights,
    # one TBA) after merging the copies in every track; 65 speakers; 5 track rooms + plenary
    "gosim-paris2025-schedule.json": (
        "gosim",
        {"event_name": "GOSIM AI Paris 2025", "timezone": "Europe/Paris", "year": 2025},
        77,
        6,
        65,
        5,
    ),  # fmt: skip
}


# file → session types after import (review: Counter(type) per file, each checked by hand)
TYPES = {
    # devroom/bof/maintrack → talk; lightningtalk 23 + 7 titled "Lightning talks";
    # junior 18 + workshop 1; 6 "Panel: ..." titles
    "fosdem-2026-schedule.xml": {"talk": 1024, "lightning": 30, "workshop": 19, "panel": 6},
    # DJ Set 45, Live Concert 16, Game show 5, Film, Theatre (a play), Experimental Audio
    # Play → social 69; "Esperanto Lightning course" is not a lightning talk
    "38c3-schedule.xml": {
        "talk": 719,
        "workshop": 194,
        "social": 69,
        "lightning": 24,
        "keynote": 1,
    },
    # Tutorial → workshop, Reception → social, BoF/Poster/Contributor Jam → talk
    "good2025-pretalx-schedule.json": {"talk": 66, "workshop": 4, "social": 2},
    # "45 min theatre session" → talk (45, two also tagged "20 min lightning talk" but 45 min
    # long; one untyped), "20 min lightning talk" → 9, five full-day workshops, one keynote
    "scottishsummit2026-sessionize-all.json": {
        "talk": 46,
        "lightning": 9,
        "workshop": 5,
        "keynote": 1,
    },
    # untyped: 2 keynotes, 6 breaks by title; "Lightning Thunder: ..." is a talk
    "gosim-paris2025-schedule.json": {"talk": 69, "keynote": 2, "break": 6},
}


@pytest.fixture(scope="module")
def imports(tmp_path_factory):
    """Import every real file once per test run."""
    out = {}
    base = tmp_path_factory.mktemp("real")
    for name, (fmt, opts, *_counts) in CASES.items():
        target, data, report = run_import(
            fmt, str(REAL / name), output=base / name.split(".")[0], options=ImportOptions(**opts)
        )
        out[name] = (target, _read(target), report)
    return out


def _read(directory: Path) -> dict:
    data = {"event": yaml.safe_load((directory / "event.yaml").read_text("utf-8"))["event"]}
    for key in ("tracks", "rooms", "speakers", "sessions"):
        data[key] = yaml.safe_load((directory / f"{key}.yaml").read_text("utf-8"))[key]
    return data


@pytest.mark.parametrize("name", list(CASES))
def test_counts_equal_the_source(imports, name):
    _fmt, _opts, sessions, rooms, speakers, tracks = CASES[name]
    _target, data, _report = imports[name]
    got = tuple(len(data[k]) for k in ("sessions", "rooms", "speakers", "tracks"))
    assert got == (sessions, rooms, speakers, tracks)


@pytest.mark.parametrize("name", list(CASES))
def test_session_types_are_as_checked(imports, name):
    _target, data, _report = imports[name]
    assert Counter(s["type"] for s in data["sessions"]) == TYPES[name]


@pytest.mark.parametrize("name", list(CASES))
def test_loader_accepts_the_import(imports, name):
    from printkit.load import load_event

    target, data, _report = imports[name]
    problems = Problems()
    event = load_event(target, problems)
    assert not problems.errors
    assert len(event.sessions) == len(data["sessions"])
    unknown = [p for p in problems.warnings if "unknown field" in p.message]
    assert all(p.field and p.field.endswith(".extra") for p in unknown), unknown[:3]


@pytest.mark.parametrize("name", list(CASES))
def test_ids_urls_and_text_are_clean(imports, name):
    _target, data, _report = imports[name]
    for s in data["sessions"]:
        for key in ("url", "video", "slides"):
            assert s.get(key) is None or s[key].startswith(("http://", "https://"))
        for url in (s.get("links") or {}).values():
            assert url.startswith(("http://", "https://"))
        abstract = s.get("abstract") or ""
        assert "<p>" not in abstract and "&lt;" not in abstract and "&amp;" not in abstract
        assert "\r" not in abstract and "\n\n\n" not in abstract
        assert s["title"] == s["title"].strip()
    for sp in data["speakers"]:
        assert sp.get("photo") is None or sp["photo"].startswith(("http://", "https://"))


def test_fosdem_details(imports):
    _target, data, _report = imports["fosdem-2026-schedule.xml"]
    ev = data["event"]
    assert (ev["start"], ev["end"]) == (date(2026, 1, 31), date(2026, 2, 1))
    assert ev["timezone"] == "Europe/Brussels"
    types = Counter(s["type"] for s in data["sessions"])
    # lightningtalk 23, junior 18 + workshop 1; devroom, bof, maintrack → talk, refined by
    # whole words in titles: 7 "Lightning talks", 6 "Panel: ..." / "... panel discussion"
    assert types == {"talk": 1024, "lightning": 30, "workshop": 19, "panel": 6}
    assert not any("schedule_day" in s for s in data["sessions"])  # nothing crosses midnight
    lightning = [s for s in data["sessions"] if s["title"] == "Lightning lightning talks 2"]
    assert len(lightning[0]["speakers"]) == 13
    cjk = [sp for sp in data["speakers"] if sp["name"] == "胡玮文"]
    assert len(cjk) == 1 and cjk[0]["id"].startswith("p-")
    assert sum(1 for s in data["sessions"] if s.get("slides")) == 486  # events with ≥1 slides
    welcome = next(s for s in data["sessions"] if s["title"] == "Welcome to FOSDEM 2026")
    assert welcome["abstract"] == "FOSDEM welcome and opening talk."
    assert (welcome["start"], welcome["end"]) == ("2026-01-31 09:30", "2026-01-31 09:50")


def test_38c3_day_window_midnight_and_overlaps(imports):
    _target, data, report = imports["38c3-schedule.xml"]
    sessions = data["sessions"]
    # 58 events dated the next day but listed under the previous <day>
    assert sum(1 for s in sessions if "schedule_day" in s) == 58
    assert all(s["schedule_day"] < date.fromisoformat(s["start"][:10]) for s in sessions
               if "schedule_day" in s)  # fmt: skip
    # 26 events run past midnight (ending after 00:00 of the next day)
    assert report.kept["sessions crossing midnight"] == 26
    assert (
        sum(1 for s in sessions if s["end"][:10] > s["start"][:10] and s["end"][11:] != "00:00")
        == 26
    )
    assert data["event"]["end"] == date(2024, 12, 30)
    colors = {t["name"]: t.get("color") for t in data["tracks"]}
    assert colors["Art & Beauty"] == "#F9B000"
    assert sum(1 for s in sessions if "track" not in s) == 858
    assert sum(1 for s in sessions if (s.get("extra") or {}).get("do_not_stream")) == 3
    # opening: 10:30 +01:00 stays 10:30 Berlin wall-clock
    opening = next(s for s in sessions if s["title"] == "38C3: Opening Ceremony")
    assert (opening["start"], opening["end"]) == ("2024-12-27 10:30", "2024-12-27 11:00")


def test_good_old_person_shape_and_overlap(imports):
    target, data, _report = imports["good2025-pretalx-schedule.json"]
    assert data["event"]["timezone"] == "US/Eastern"
    assert sum(1 for s in data["sessions"] if not s.get("speakers")) == 14
    assert sum(1 for sp in data["speakers"] if sp.get("bio")) == 63 - 15
    from printkit.importers.cli import _overlaps

    assert _overlaps(data) == 4  # the reception overlaps four posters in "CGIS Concourse"


def test_sessionize_details(imports):
    _target, data, report = imports["scottishsummit2026-sessionize-all.json"]
    assert (data["event"]["start"], data["event"]["end"]) == (date(2026, 10, 2), date(2026, 10, 3))
    assert max(len(s.get("speakers", [])) for s in data["sessions"]) == 5
    per_speaker = Counter(sp for s in data["sessions"] for sp in s.get("speakers", []))
    assert sum(1 for n in per_speaker.values() if n > 1) == 11
    assert sum(1 for s in data["sessions"] if s["type"] == "keynote") == 1
    theatre = next(s for s in data["sessions"] if s["title"].startswith("How to save time"))
    assert theatre["type"] == "talk"  # a theatre session about workshops, not a workshop
    assert report.guessed["session type '45 min theatre session' → talk"] == 45
    assert report.guessed["session type '20 min lightning talk' → lightning"] == 9
    assert report.guessed["sessions with several types: the one matching their length"] == 2
    assert {r.get("capacity") for r in data["rooms"]} == {150, 33, 100}


def test_gosim_details(imports):
    _target, data, _report = imports["gosim-paris2025-schedule.json"]
    with_speakers = [s for s in data["sessions"] if s.get("speakers")]
    assert len(with_speakers) == 64
    breaks = [s for s in data["sessions"] if s["type"] == "break"]
    # coffee ×2 and lunch per day, once each
    assert len(breaks) == 6 and all("room" not in s for s in breaks)
    assert (data["event"]["start"], data["event"]["end"]) == (date(2025, 5, 6), date(2025, 5, 7))
    remi = [sp for sp in data["speakers"] if sp["name"] == "Rémi Louf"]
    assert len(remi) == 1 and remi[0]["id"] == "remi-louf"
