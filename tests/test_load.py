"""The loader's rules, each through the CLI: message, file:line, exit status."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import MINIMAL, invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from printkit.dump import event_data
from printkit.errors import PrintkitError, Problems
from printkit.load import load_event
from printkit.resources import sample_event_dir


def replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_sample_loads_with_its_counts():
    ev = load_event(sample_event_dir())
    assert ev.id == "gosim-ai-paris-2025"
    assert ev.start == dt.date(2025, 5, 6) and ev.end == dt.date(2025, 5, 7)
    assert ev.timezone == "Europe/Paris"
    assert [t.name for t in ev.tracks] == [
        "AI Model",
        "AI Infra",
        "AI Apps",
        "Embodied AI",
        "PyTorch Day France",
    ]
    assert len(ev.speakers) == 65
    talks = [s for s in ev.sessions if s.speakers]
    assert len(talks) == 64
    assert ev.days == (dt.date(2025, 5, 6), dt.date(2025, 5, 7))
    wang = ev.speaker("xiyuan-wang")
    assert wang.organization == "Huawei" and wang.location == "Beijing, China"
    assert wang.publications[0].video == "https://www.youtube.com/watch?v=Oam09dMKPPk"
    (cann,) = ev.sessions_of("xiyuan-wang")
    assert cann.start == dt.datetime(2025, 5, 6, 11, 10)
    assert cann.host and "Xiyuan Wang" in cann.host.introduction


def test_validate_prints_summary(runner):
    r = invoke(runner, "validate")
    assert r.exit_code == 0, r.output
    assert "GOSIM AI Paris 2025" in r.stdout
    assert "speakers  65" in r.stdout
    assert "bundled sample" in r.stderr


def test_minimal_event_is_valid(runner, write_event):
    r = invoke(runner, "validate", write_event(MINIMAL))
    assert r.exit_code == 0, r.output
    assert "sessions  1 (1 keynote)" in r.stdout


def test_directory_form_with_bare_lists(runner, tmp_path):
    data = yaml.safe_load(MINIMAL)
    (tmp_path / "event.yaml").write_text(yaml.safe_dump({"event": data["event"]}))
    for key in ("tracks", "rooms", "speakers"):
        (tmp_path / f"{key}.yaml").write_text(yaml.safe_dump({key: data[key]}))
    (tmp_path / "sessions.yaml").write_text(yaml.safe_dump(data["sessions"]))  # bare list
    r = invoke(runner, "validate", tmp_path)
    assert r.exit_code == 0, r.output
    assert "speakers  1" in r.stdout


CASES = [
    # (old, new, field path, message part, line needle)
    (
        "track: main",
        "track: mian",
        "sessions[0].track",
        "no track with id 'mian'; did you mean 'main'?",
        "track: mian",
    ),
    ("room: hall", "room: hal", "sessions[0].room", "no room with id 'hal'", "room: hal"),
    (
        "speakers: [ada]",
        "speakers: [ada, bob]",
        "sessions[0].speakers[1]",
        "no speaker with id 'bob'",
        "speakers: [ada, bob]",
    ),
    (
        "end: 2025-05-06 09:30",
        "end: 2025-05-06 08:30",
        "sessions[0].end",
        "before it starts",
        "end: 2025-05-06 08:30",
    ),
    (
        "start: 2025-05-06 09:00",
        "start: 2025-05-09 09:00",
        "sessions[0].start",
        "outside the event",
        "start: 2025-05-09",
    ),
    (
        "url: https://example.org/",
        "url: ftp://example.org/",
        "event.url",
        "only http and https",
        "url: ftp://",
    ),
    (
        "  end: 2025-05-07\n",
        "  end: 2025-05-01\n",
        "event.end",
        "before it starts",
        "end: 2025-05-01",
    ),
    ("id: mini-conf", "id: Mini Conf", "event.id", "not a slug", "id: Mini Conf"),
    (
        "timezone: Europe/Paris",
        "timezone: Europe/Pariss",
        "event.timezone",
        "unknown IANA time zone",
        "timezone:",
    ),
    (
        "type: keynote",
        "type: keynot",
        "sessions[0].type",
        "did you mean 'keynote'?",
        "type: keynot",
    ),
]


@pytest.mark.parametrize("old,new,field,message,needle", CASES)
def test_each_error_names_file_line_and_field(
    runner, write_event, old, new, field, message, needle
):
    text = replace(MINIMAL, old, new)
    path = write_event(text)
    r = invoke(runner, "validate", path)
    assert r.exit_code == 1
    expected = f"{path}:{line_of(text, needle)}: {field}: "
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith(expected)]
    assert lines and message in lines[0], r.stderr
    assert "Traceback" not in r.output


def test_duplicate_ids_and_all_errors_together(runner, write_event):
    text = (
        MINIMAL
        + """\
  - id: opening
    title: Again
    start: 2025-05-06 10:00
    duration: 30
  - id: lunch
    title: Lunch
    type: break
    start: 2025-05-06 12:00
    end: 2025-05-06 11:00
"""
    )
    path = write_event(text)
    r = invoke(runner, "validate", path)
    assert r.exit_code == 1
    assert f"{path}:{line_of(text, 'id: opening') + 20}" not in r.stderr  # sanity: uses real lines
    dup_line = [i for i, ln in enumerate(text.splitlines(), 1) if "id: opening" in ln][1]
    assert f"{path}:{dup_line}: sessions[1].id: duplicate session id 'opening'" in r.stderr
    assert "sessions[2].end" in r.stderr
    assert r.stderr.rstrip().endswith("2 errors.")


def test_missing_required_fields(runner, write_event):
    text = replace(MINIMAL, "  name: Mini Conf\n", "")
    text = replace(text, "    title: Opening\n", "")
    r = invoke(runner, "validate", write_event(text))
    assert r.exit_code == 1
    assert "event.name: required field is missing" in r.stderr
    assert "sessions[0].title: required field is missing" in r.stderr


def test_session_needs_end_or_duration(runner, write_event):
    text = replace(MINIMAL, "    end: 2025-05-06 09:30\n", "")
    r = invoke(runner, "validate", write_event(text))
    assert r.exit_code == 1
    assert "sessions[0].end: needs an end time or a duration" in r.stderr
    ok = replace(MINIMAL, "    end: 2025-05-06 09:30\n", "    duration: 45\n")
    ev = load_event(write_event(ok, "ok.yaml"))
    assert ev.sessions[0].minutes == 45


def test_unknown_field_warns_with_suggestion_and_strict_fails(runner, write_event):
    text = replace(
        MINIMAL, "    organization: Analytical Engines", "    organisation: Analytical Engines"
    )
    path = write_event(text)
    r = invoke(runner, "validate", path)
    assert r.exit_code == 0
    line = line_of(text, "organisation")
    assert (
        f"{path}:{line}: speakers[0].organisation: warning: unknown field; "
        "did you mean 'organization'?"
    ) in r.stderr
    r = invoke(runner, "validate", "--strict", path)
    assert r.exit_code == 1
    assert f"{path}:{line}: speakers[0].organisation: unknown field" in r.stderr


def test_unknown_top_level_key_warns(runner, write_event):
    path = write_event(MINIMAL + "speaker: []\n")
    r = invoke(runner, "validate", path)
    assert r.exit_code == 0
    assert "speaker: warning: unknown top-level key; did you mean 'speakers'?" in r.stderr


def test_room_overlap_is_a_warning(runner, write_event):
    text = (
        MINIMAL
        + """\
  - id: clash
    title: Clash
    room: hall
    start: 2025-05-06 09:15
    end: 2025-05-06 10:00
"""
    )
    path = write_event(text)
    r = invoke(runner, "validate", path)
    assert r.exit_code == 0
    assert (
        f"{path}:{line_of(text, 'id: clash')}: sessions[1]: warning: overlaps 'opening'" in r.stderr
    )


def test_missing_photo_warns_and_never_aborts(runner, write_event):
    text = replace(MINIMAL, "    organization: Analytical Engines", "    photo: photos/nope.jpg")
    path = write_event(text)
    r = invoke(runner, "validate", path)
    assert r.exit_code == 0
    assert (
        f"{path}:{line_of(text, 'photo:')}: speakers[0].photo: warning: photo not found" in r.stderr
    )


def test_python_tag_is_refused_and_never_runs(runner, write_event, tmp_path):
    marker = tmp_path / "pwned"
    path = write_event(f'event: !!python/object/apply:os.system ["touch {marker}"]\n')
    r = invoke(runner, "validate", path)
    assert r.exit_code == 1
    assert f"{path}:1: unsupported YAML tag !!python/object/apply:os.system" in r.stderr
    assert not marker.exists()


def test_alias_bomb_is_refused(runner, write_event):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = write_event("\n".join(lines) + "\n")
    r = invoke(runner, "validate", path)
    assert r.exit_code == 1
    assert "aliases expand to more than" in r.stderr


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "the file is empty"),
        (b"\xff\xfe\x00e\x00v", "binary data"),
        (b"event:\n  name: Caf\xe9\n", "not UTF-8 text"),
        (b"- a\n- b\n", "expected a mapping with the keys event"),
        (b"event: [1,\n", "not valid YAML"),
    ],
)
def test_unreadable_files_get_a_clear_message(runner, tmp_path, content, message):
    path = tmp_path / "event.yaml"
    path.write_bytes(content)
    r = invoke(runner, "validate", path)
    assert r.exit_code == 1
    assert r.stderr.startswith(str(path))
    assert message in r.stderr
    assert "Traceback" not in r.output


def test_times_with_offsets_become_event_wall_clock(write_event):
    text = replace(MINIMAL, "start: 2025-05-06 09:00", "start: 2025-05-06T07:00:00+00:00")
    ev = load_event(write_event(text))
    assert ev.sessions[0].start == dt.datetime(2025, 5, 6, 9, 0)  # UTC+2 in May


def test_yes_no_stay_text(write_event):
    text = replace(MINIMAL, "    organization: Analytical Engines", "    organization: NO")
    assert load_event(write_event(text)).speakers[0].organization == "NO"


def test_load_event_raises_with_all_problems(write_event):
    text = replace(replace(MINIMAL, "track: main", "track: x"), "room: hall", "room: y")
    with pytest.raises(PrintkitError) as e:
        load_event(write_event(text), Problems())
    assert len(e.value.problems) == 2


# --- round trip: an event written back to YAML reloads equal -------------------------------

names = (
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


@st.composite
def events(draw):
    n_sp = draw(st.integers(1, 4))
    sp_ids = draw(st.lists(slugs, min_size=n_sp, max_size=n_sp, unique=True))
    speakers = [
        {
            "id": i,
            "name": draw(names),
            "organization": draw(st.none() | names),
            "links": draw(st.none() | st.just({"github": "https://github.com/x"})),
        }
        for i in sp_ids
    ]
    speakers = [{k: v for k, v in s.items() if v is not None} for s in speakers]
    sessions = []
    for k in range(draw(st.integers(0, 5))):
        start = dt.datetime(2025, 5, 6, 8) + dt.timedelta(minutes=30 * k)
        sessions.append(
            {
                "id": f"s{k}",
                "title": draw(names),
                "room": "hall",
                "start": start.strftime("%Y-%m-%d %H:%M"),
                "end": (start + dt.timedelta(minutes=draw(st.integers(5, 30)))).strftime(
                    "%Y-%m-%d %H:%M"
                ),
                "speakers": draw(st.lists(st.sampled_from(sp_ids), max_size=2, unique=True)),
                "type": draw(st.sampled_from(["talk", "keynote", "panel", "lightning"])),
            }
        )
    return {
        "event": {
            "id": "ev",
            "name": draw(names),
            "start": "2025-05-06",
            "end": "2025-05-07",
            "timezone": "Europe/Paris",
        },
        "rooms": [
            {"id": "hall", "name": draw(names), "capacity": draw(st.none() | st.integers(1, 999))}
        ],
        "tracks": [],
        "speakers": speakers,
        "sessions": sessions,
    }


def _strip_none(d):
    if isinstance(d, dict):
        return {k: _strip_none(v) for k, v in d.items() if v is not None}
    if isinstance(d, list):
        return [_strip_none(x) for x in d]
    return d


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(events())
def test_event_written_back_reloads_equal(tmp_path, data):
    first = tmp_path / "first.yaml"
    first.write_text(yaml.safe_dump(_strip_none(data), allow_unicode=True), encoding="utf-8")
    ev = load_event(first)
    second = tmp_path / "second.yaml"
    second.write_text(yaml.safe_dump(event_data(ev), allow_unicode=True), encoding="utf-8")
    assert load_event(second) == ev


def test_sample_round_trips(tmp_path):
    ev = load_event(sample_event_dir())
    out = tmp_path / "sample.yaml"
    out.write_text(
        yaml.safe_dump(event_data(ev), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    assert load_event(out) == ev


# --- rules found by review: numbers as text, duplicate keys, DST, schedule_day, links -------


def test_text_fields_keep_their_source_text(write_event):
    text = replace(MINIMAL, "    organization: Analytical Engines", "    organization: 0123")
    text = replace(text, "  name: Mini Conf", "  name: Mini Conf\n  version: 1.10")
    text = replace(text, "  - id: ada", "  - id: 007")
    text = replace(text, "speakers: [ada]", "speakers: [007]")
    ev = load_event(write_event(text))
    assert ev.version == "1.10"
    assert ev.speakers[0].id == "007" and ev.speakers[0].organization == "0123"
    assert ev.sessions[0].speakers == ("007",)


def test_duplicate_key_is_an_error(runner, write_event):
    text = MINIMAL + "sessions: []\n"
    path = write_event(text)
    r = invoke(runner, "validate", path)
    assert r.exit_code == 1
    line = len(text.splitlines())
    assert f"{path}:{line}: sessions: duplicate key 'sessions' (first at line" in r.stderr


def test_control_character_is_a_clear_error(runner, tmp_path):
    p = tmp_path / "ctrl.yaml"
    p.write_text('event:\n  id: t\n  name: "a\x07b"\n', encoding="utf-8")
    r = invoke(runner, "validate", p)
    assert r.exit_code == 1
    assert f"{p}:3: not valid YAML: control character U+0007" in r.stderr


@pytest.mark.parametrize("value", ["99999999999999", "²", "0", "-5"])
def test_bad_durations_are_errors_not_crashes(runner, write_event, value):
    text = replace(MINIMAL, "    end: 2025-05-06 09:30\n", f"    duration: {value}\n")
    r = invoke(runner, "validate", write_event(text))
    assert r.exit_code == 1
    assert "sessions[0].duration" in r.stderr and "internal error" not in r.stderr


def test_time_in_the_spring_forward_gap_warns(runner, write_event):
    text = replace(MINIMAL, "  start: 2025-05-06\n", "  start: 2025-03-30\n")
    text = replace(text, "start: 2025-05-06 09:00", "start: 2025-03-30 02:30")
    text = replace(text, "end: 2025-05-06 09:30", "end: 2025-03-30 03:30")
    path = write_event(text)
    r = invoke(runner, "validate", path)
    assert r.exit_code == 0, r.output
    assert "sessions[0].start: warning: 2025-03-30 02:30 does not exist in Europe/Paris" in r.stderr


def test_schedule_day_lets_a_late_talk_belong_to_the_evening_before(write_event):
    text = replace(MINIMAL, "start: 2025-05-06 09:00", "start: 2025-05-08 00:30")
    text = replace(
        text, "end: 2025-05-06 09:30", "end: 2025-05-08 01:00\n    schedule_day: 2025-05-07"
    )
    ev = load_event(write_event(text))
    assert ev.sessions[0].day == dt.date(2025, 5, 7)
    far = replace(text, "schedule_day: 2025-05-07", "schedule_day: 2025-05-01")
    with pytest.raises(PrintkitError, match="more than a day away"):
        load_event(write_event(far, "far.yaml"))


def test_every_overlap_is_found_not_only_neighbours(write_event):
    text = MINIMAL + "".join(
        f"""\
  - id: x{i}
    title: X{i}
    room: hall
    start: 2025-05-06 {a}
    end: 2025-05-06 {b}
"""
        for i, (a, b) in enumerate([("16:00", "18:00"), ("16:30", "16:45"), ("17:00", "17:15")])
    )
    problems = Problems()
    load_event(write_event(text), problems)
    overlaps = [w for w in problems.warnings if "overlaps" in w.message]
    assert len(overlaps) == 2


@pytest.mark.parametrize(
    "old,new,field",
    [
        (
            "    organization: Analytical Engines",
            "    links:\n      github: javascript:alert(1)",
            "speakers[0].links.github",
        ),
        (
            "    organization: Analytical Engines",
            "    publications:\n      - title: P\n        video: ftp://x.org/v",
            "speakers[0].publications[0].video",
        ),
        (
            "  url: https://example.org/",
            "  organizers:\n    - name: O\n      url: file:///etc/passwd",
            "event.organizers[0].url",
        ),
        ("    name: Hall A", "    name: Hall A\n    url: mailto:a@b.c", "rooms[0].url"),
        ("    room: hall\n", "    room: hall\n    video: data:text/html,x\n", "sessions[0].video"),
    ],
)
def test_invalid_url_schemes_everywhere(runner, write_event, old, new, field):
    text = replace(MINIMAL, old, new)
    path = write_event(text)
    r = invoke(runner, "validate", path)
    assert r.exit_code == 1
    assert f": {field}: invalid URL" in r.stderr and "only http and https" in r.stderr


def test_photo_problems_warn_and_never_abort(runner, write_event, tmp_path):
    (tmp_path / "notimg.jpg").write_text("hello")
    for photo, message in [
        ("notimg.jpg", "photo is not an image"),
        ("ftp://x.org/p.jpg", "is not http(s)"),
        ("C:\\photos\\d.jpg", "photo not found"),
    ]:
        text = replace(MINIMAL, "    organization: Analytical Engines", f"    photo: '{photo}'")
        r = invoke(runner, "validate", write_event(text))
        assert r.exit_code == 0, r.output
        assert "speakers[0].photo: warning: " in r.stderr and message in r.stderr


def test_section_file_with_the_wrong_key_is_an_error(runner, tmp_path):
    data = yaml.safe_load(MINIMAL)
    (tmp_path / "event.yaml").write_text(yaml.safe_dump({"event": data["event"]}))
    (tmp_path / "sessions.yaml").write_text(yaml.safe_dump({"talks": []}))
    r = invoke(runner, "validate", tmp_path)
    assert r.exit_code == 1
    assert (
        "sessions.yaml:1: expected a list of sessions under 'sessions:' (or a bare list), "
        "found the keys: talks" in r.stderr
    )


def test_many_tracks_get_distinct_colours_dark_enough_for_white_text():
    from printkit.load import _luminance, palette_color

    colours = [palette_color(i) for i in range(80)]
    assert len(set(colours)) == 80
    for c in colours[8:]:
        rgb = tuple(int(c[i : i + 2], 16) / 255 for i in (1, 3, 5))
        assert (1.05) / (_luminance(rgb) + 0.05) >= 4.5, c


def test_speaker_booked_twice_at_once_warns(write_event):
    text = (
        MINIMAL
        + """\
  - id: clone
    title: Clone
    start: 2025-05-06 09:10
    end: 2025-05-06 09:40
    speakers: [ada]
"""
    )
    problems = Problems()
    load_event(write_event(text), problems)
    (w,) = [w for w in problems.warnings if "same time" in w.message]
    assert w.field == "sessions[1].speakers" and "also in 'opening'" in w.message


def test_an_author_on_two_posters_of_one_session_is_no_clash_but_a_poster_during_a_talk_is(
    write_event,
):
    posters = "".join(
        f"""\
  - id: poster-{n}
    title: Poster {n}
    type: poster
    room: hall
    start: 2025-05-06 09:00
    end: 2025-05-06 10:30
    speakers: [ada]
"""
        for n in (1, 2)
    )
    problems = Problems()
    load_event(write_event(MINIMAL + posters), problems)
    clashes = [w for w in problems.warnings if "same time" in w.message]
    # each poster meets the keynote 'opening' (a clash), not the other poster
    assert [(w.field, "also in 'opening'" in w.message) for w in clashes] == [
        ("sessions[1].speakers", True),
        ("sessions[2].speakers", True),
    ]


def test_a_big_event_without_aliases_is_not_taken_for_an_alias_bomb(tmp_path):
    """285,000 nodes written out in full (a 6,000-speaker event has more) load; aliases that add
    250,000 are refused (the node path counts what aliases add, the same code on both loaders)."""
    from printkit.errors import Problems
    from printkit.yamlsafe import MAX_EXPANDED_NODES, load_yaml_text

    items = "".join(f"  - id: p{i}\n    name: Person {i}\n    tags: [a, b, c]\n"
                    for i in range(MAX_EXPANDED_NODES // 7))  # fmt: skip
    text = "speakers:\n" + items + "alias_free: true\n"
    problems = Problems()
    data = load_yaml_text(text, "big.yaml", problems)
    assert not problems.items, problems.items[:3]
    assert len(data["speakers"]) == MAX_EXPANDED_NODES // 7
    lines = text + "x: &x [" + ",".join(["1"] * 500) + "]\ny: [" + ",".join(["*x"] * 500) + "]\n"
    problems = Problems()
    assert load_yaml_text(lines, "bomb.yaml", problems) is None  # aliases adding 250,000: refused
    assert "aliases expand to more than" in str(problems.items[0])
