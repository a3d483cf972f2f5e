"""Hypothesis strategies → malformed printkit inputs (event YAML, every importer's input, attendee CSV).

A `Case` is a family name, the files to write into a fresh folder and the
printkit arguments to run there. Families follow issue 10: wrong types, deep
nesting, huge numbers and strings, control characters and lone surrogates,
odd URLs, paths that are devices, loops or folders, and byte corruption of
an otherwise valid input. `run_case` runs one through click's CliRunner and
names its outcome; the suite (tests/test_fuzz.py) and the long run
(tools/fuzz.py) share both.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from hypothesis import strategies as st

# --------------------------------------------------------------------- the cases


@dataclass
class Case:
    family: str  # what was done to the input (wrong-type, deep, huge, ...)
    target: str  # which input (event-yaml, frab-xml, schedule-json, ...)
    files: dict[str, bytes | str] = field(default_factory=dict)  # str: a special path (see below)
    args: list[str] = field(default_factory=list)  # `{dir}` stands for the case's folder
    output: str = "out"  # what must not exist after exit 1

    def describe(self) -> str:
        return f"{self.target}/{self.family}: printkit {' '.join(self.args)}"


# special files: a symlink to a device, a symlink loop, a folder
DEVICE, LOOP, FOLDER = "@device", "@loop", "@folder"


# --------------------------------------------------------------------- nasty values

_SURROGATE = "\ud800"
_CONTROL = "".join(chr(c) for c in (0, 1, 7, 8, 11, 12, 27, 127, 0x85, 0x2028, 0x202E, 0xFEFF))

WRONG_TYPES = st.sampled_from(
    [None, 0, -1, 3.5, True, [], [1, 2], {}, {"a": 1}, "", [None], [{}], {"x": [1]}]
)


def pick(values: list):
    """One of `values` (hypothesis would print a sampled_from list whole in its labels)."""
    return st.integers(0, len(values) - 1).map(lambda i: values[i])


_HUGE = {
    "big-int": lambda: 10**4400,
    "big-negative": lambda: -(10**4400),
    "big-float": lambda: 1e308,
    "infinity": lambda: float("inf"),
    "digits": lambda: "9" * 5000,
    "long-text": lambda: "x" * 100_000,
    "long-accents": lambda: "é" * 20_000,
}
HUGE = st.sampled_from(sorted(_HUGE)).map(lambda name: _HUGE[name]())  # built when drawn
ODD_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from(_CONTROL + "ab\t\n\r :#&*!|>'\"%@`"), max_size=12),
    st.sampled_from([_SURROGATE, "a\ud800b", "\udfff", "\x00", "a\x00b", "\t", "\u202e"]),
    st.text(max_size=8),
)
ODD_URLS = st.sampled_from(
    [
        "http://[bad", "https://[::1", "http://", "https:", "//x", "http://a b", "intent:#Intent;end",
        "tel:+123", "sms:1", "mailto:a@b", "javascript:alert(1)", "file:///etc/passwd",
        "data:text/plain,x", "http://\ud800.org", "https://example.org/\x00", "http://%zz",
        "http://example.org:99999/", "http://[::1]:x/", "ftp://x", "HTTP://EXAMPLE.ORG",
    ]
)  # fmt: skip
ODD_DATES = st.sampled_from(
    [
        "0001-01-01 00:00", "9999-12-31 23:59", "9999-12-31T23:59:00+14:00", "2025-02-30 10:00",
        "2025-13-01", "yesterday", "2025-05-06T25:00", "0000-01-01", "1-1-1", "2025-05-06 10:00Z",
        "00:00", "P1D", "P99999999999D", "-5", "0", "99999999999999999999",
    ]
)  # fmt: skip
ODD_PATHS = st.sampled_from(
    [DEVICE, LOOP, FOLDER, "missing.png", "\x00.png", "\ud800.png", "/", ""]
)


def deep(depth: int, as_list: bool = True):
    """A value nested `depth` levels deep (built without recursion)."""
    value: object = 1
    for _ in range(depth):
        value = [value] if as_list else {"a": value}
    return value


NASTY = st.one_of(
    WRONG_TYPES,
    HUGE,
    ODD_TEXT,
    ODD_URLS,
    ODD_DATES,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.builds(deep, st.sampled_from([50, 500, 3000]), st.booleans()),
)

# --------------------------------------------------------------------- mutating a document


def _paths(doc, prefix=()):
    """Every (path to a node) in a small plain document, the root first."""
    out, todo = [], [(prefix, doc)]
    while todo:
        path, node = todo.pop()
        out.append(path)
        if isinstance(node, dict):
            todo.extend((path + (k,), v) for k, v in node.items())
        elif isinstance(node, list):
            todo.extend((path + (i,), v) for i, v in enumerate(node))
    return out


def _is_leaf(doc, path) -> bool:
    node = doc
    for key in path:
        node = node[key]
    return not isinstance(node, (dict, list))


def _set(doc, path, value):
    if not path:
        return value
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


@st.composite
def mutated(draw, base, values=NASTY, times=3):
    """A copy of `base` with 1 to `times` nodes replaced by nasty values (or keys added)."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, times))):
        paths = sorted(_paths(doc), key=repr)
        leaves = [p for p in paths if _is_leaf(doc, p)]
        path = draw(st.sampled_from(leaves if leaves and draw(st.booleans()) else paths))
        if draw(st.integers(0, 4)) == 0:
            node = doc
            for key in path:
                node = node[key]
            if isinstance(node, dict):
                key = draw(st.sampled_from(["extra", "id", "name", "url", "logo"]))
                node[key] = copy.deepcopy(draw(values))  # drawn constants stay untouched
                continue
        doc = _set(doc, path, copy.deepcopy(draw(values)))
    return doc


@st.composite
def corrupted(draw, data: bytes):
    """Bytes with a few flipped, inserted, deleted or truncated (tab, NUL, invalid UTF-8)."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not buf:
            break
        at = draw(st.integers(0, len(buf) - 1))
        how = draw(st.integers(0, 5))
        if how == 0:
            buf[at] = draw(st.integers(0, 255))
        elif how == 1:
            buf[at:at] = draw(
                st.sampled_from([b"\t", b"\x00", b"\xff\xfe", b"\xed\xa0\x80", b"\r"])
            )
        elif how == 2:
            del buf[at : at + draw(st.integers(1, 20))]
        elif how == 3:
            del buf[at:]
        elif how == 4:
            buf[at:at] = draw(st.sampled_from([b"{", b"[", b"<", b"&", b'"', b":", b"- ", b"*a"]))
        else:
            buf[at:at] = buf[at : at + 40] * draw(st.integers(2, 50))
    return bytes(buf)


@contextlib.contextmanager
def _any_digits():
    """Let int ↔ text conversions exceed Python's 4,300-digit limit while writing a case."""
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(old)


def dump_json(doc) -> bytes:
    with _any_digits():
        try:
            return json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
        except (ValueError, RecursionError):
            return json.dumps(doc, ensure_ascii=True, default=str).encode()


# --------------------------------------------------------------------- event YAML

EVENT = {
    "event": {
        "id": "fuzz-conf", "name": "Fuzz Conf", "start": "2025-05-06", "end": "2025-05-07",
        "timezone": "Europe/Paris", "url": "https://example.org/", "logo": "logo.png",
        "venue": {"name": "Hall", "city": "Paris", "map": "map.png"},
    },
    "tracks": [{"id": "main", "name": "Main Track", "color": "#336699"}],
    "rooms": [{"id": "hall", "name": "Hall A", "capacity": 100}],
    "speakers": [
        {"id": "ada", "name": "Ada Lovelace", "organization": "Engines", "photo": "ada.png",
         "profile_url": "https://example.org/ada", "links": {"web": "https://example.org/"}},
    ],
    "sessions": [
        {"id": "opening", "title": "Opening", "type": "keynote", "track": "main", "room": "hall",
         "start": "2025-05-06 09:00", "end": "2025-05-06 09:30", "speakers": ["ada"]},
        {"id": "second", "title": "Second", "room": "hall", "start": "2025-05-06 10:00",
         "duration": 30, "url": "https://example.org/s"},
    ],
}  # fmt: skip
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def to_yaml(doc) -> bytes:
    """A document → YAML bytes; strings PyYAML cannot emit become JSON-escaped double-quoted."""
    marks: dict[str, str] = {}

    def swap(node):
        if isinstance(node, str) and any(
            0xD800 <= ord(c) <= 0xDFFF or ord(c) < 32 or ord(c) in (0x85, 0xFEFF) for c in node
        ):
            key = f"@@raw{len(marks)}@@"
            marks[key] = json.dumps(node)
            return key
        if isinstance(node, dict):
            return {swap(k) if isinstance(k, str) else k: swap(v) for k, v in node.items()}
        if isinstance(node, list):
            return [swap(v) for v in node]
        return node

    with _any_digits():
        try:
            text = yaml.safe_dump(swap(doc), allow_unicode=True, sort_keys=False, width=10**6)
        except (RecursionError, yaml.YAMLError):
            text = dump_json(doc).decode("utf-8", "surrogatepass")  # JSON is YAML too
    for key, raw in marks.items():
        text = text.replace(key, raw)
    return text.encode("utf-8", "surrogatepass")


EVENT_FILES = {"logo.png": _PNG, "map.png": _PNG, "ada.png": _PNG}


@st.composite
def event_yaml(draw):
    """An event folder (single event.yaml) broken by structure, value or bytes."""
    family = draw(
        st.sampled_from(["wrong-type", "huge", "odd-text", "odd-url", "odd-path", "deep", "bytes"])
    )
    values = {
        "wrong-type": WRONG_TYPES,
        "huge": HUGE,
        "odd-text": ODD_TEXT,
        "odd-url": ODD_URLS,
        "deep": st.builds(deep, st.sampled_from([100, 1000]), st.booleans()),
    }
    files: dict = dict(EVENT_FILES)
    if family == "odd-path":
        doc = copy.deepcopy(EVENT)
        where = draw(st.sampled_from(["logo", "map", "photo"]))
        value = draw(ODD_PATHS)
        name = value if value not in (DEVICE, LOOP, FOLDER) else f"x-{where}.png"
        if value in (DEVICE, LOOP, FOLDER):
            files[name] = value
        if where == "logo":
            doc["event"]["logo"] = name
        elif where == "map":
            doc["event"]["venue"]["map"] = name
        else:
            doc["speakers"][0]["photo"] = name
        data = to_yaml(doc)
    elif family == "deep":
        depth = draw(st.sampled_from([100, 1000, 100_000]))
        data = b"event: " + b"[" * depth + b"]" * depth + b"\n"
    elif family == "bytes":
        data = draw(corrupted(to_yaml(EVENT)))
    else:
        data = to_yaml(draw(mutated(EVENT, values[family])))
    files["event.yaml"] = data
    command = draw(st.sampled_from(["validate"] * 15 + ["badges", "all"]))
    if command == "validate":
        return Case(family, "event-yaml", files, ["validate", "event.yaml"], output="")
    if command == "all":
        return Case(family, "event-yaml", files, ["all", "event.yaml", "-o", "out.d"], "out.d")
    return Case(family, "event-yaml", files, ["badges", "event.yaml", "-o", "out.pdf"], "out.pdf")


# --------------------------------------------------------------------- importer inputs

SESSIONIZE = {
    "sessions": [
        {"id": "1", "title": "Talk", "description": "About", "startsAt": "2025-05-06T10:00:00",
         "endsAt": "2025-05-06T10:45:00", "isServiceSession": False, "roomId": 7,
         "categoryItems": [11], "speakers": ["a1"], "questionAnswers": [],
         "recordingUrl": None, "liveUrl": "https://example.org/live"},
    ],
    "speakers": [
        {"id": "a1", "firstName": "Ada", "lastName": "L", "fullName": "Ada L", "bio": "Bio",
         "tagLine": "Engineer", "profilePicture": "https://example.org/a.jpg",
         "links": [{"title": "Blog", "url": "https://example.org", "linkType": "Blog"}]},
    ],
    "questions": [{"id": 1, "question": "Q?"}],
    "categories": [{"id": 10, "title": "Track", "type": "session",
                    "items": [{"id": 11, "name": "Main"}]}],
    "rooms": [{"id": 7, "name": "Hall (120)"}],
}  # fmt: skip
SCHEDULE_JSON = {
    "schedule": {
        "version": "1.0", "base_url": "https://example.org/",
        "conference": {
            "acronym": "fz", "title": "Fuzz", "start": "2025-05-06", "end": "2025-05-06",
            "time_zone_name": "Europe/Berlin", "url": "https://example.org/",
            "tracks": [{"name": "Main", "color": "#336699"}],
            "rooms": [{"name": "Hall", "capacity": 100}],
            "days": [{"date": "2025-05-06", "rooms": {"Hall": [
                {"id": 1, "guid": "g1", "date": "2025-05-06T10:00:00+02:00", "duration": "00:30",
                 "title": "Talk", "type": "Talk", "track": "Main", "room": "Hall",
                 "abstract": "A", "url": "https://example.org/t",
                 "persons": [{"code": "ABC", "public_name": "Ada", "avatar": "/a.png"}],
                 "links": [{"title": "Slides", "url": "https://example.org/s"}],
                 "attachments": [], "answers": [{"question": {"question": {"en": "Q"}},
                                                 "answer": "A"}]},
            ]}}],
        },
    }
}  # fmt: skip
GOSIM = {
    "sessions": {
        "AI": [
            {"date": "May 6", "timeSlot": "9:30 - 10:00", "title": "Opening", "content": "Hi",
             "speakers": []},
            {"date": "May 6", "timeSlot": "10:00 - 10:30", "title": "Talk", "content": "About",
             "speakers": [{"id": "ada", "name": "Ada", "roleOrg": "CTO at X", "image": "a.png"}]},
        ]
    }
}  # fmt: skip
FRAB = b"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
<version>1</version>
<conference><acronym>fz</acronym><title>Fuzz</title><start>2025-05-06</start>
<end>2025-05-06</end><time_zone_name>Europe/Berlin</time_zone_name>
<base_url>https://example.org/</base_url></conference>
<day date="2025-05-06" index="1"><room name="Hall">
<event id="1" guid="g1"><date>2025-05-06T10:00:00+02:00</date><start>10:00</start>
<duration>00:30</duration><room>Hall</room><title>Talk</title><type>Talk</type>
<track>Main</track><abstract>About</abstract><persons><person id="5">Ada</person></persons>
<links><link href="https://example.org/v">Video recording</link></links>
<attachments><attachment href="https://example.org/s" type="slides">S</attachment></attachments>
</event></room>
<event id="2"><start>11:00</start><duration>00:45</duration><room>Aula</room><title>Old</title></event>
</day></schedule>
"""
_XML_SPOTS = {
    "date": [b"2025-05-06T10:00:00+02:00"],
    "value": [b"00:30", b"10:00", b"2025-05-06", b"Europe/Berlin", b"Hall", b"Talk"],
}
XML_VALUES = [
    b"", b"00:00", b"yesterday", b"9999-12-31T23:59:00+14:00", b"9999-12-31T23:30:00",
    b"0001-01-01T00:10:00", b"0001-01-01T00:10:00+05:00", b"99:99", b"-1", b"P99999999999D",
    b"9" * 5000, b"x" * 50_000, b"http://[bad", b"&#0;", b"&#xD800;", b"\x00", b"\xff",
    b"<a>" * 200, b"&lt;b&gt;", b"]]>", b"<![CDATA[x]]>", b"Asia/Nowhere", b"intent:#x",
]  # fmt: skip


@st.composite
def importer_input(draw):
    """One importer's input, broken by type, nesting, size, text or bytes."""
    fmt = draw(st.sampled_from(["frab-xml", "schedule-json", "sessionize", "gosim"]))
    family = draw(st.sampled_from(["wrong-type", "huge", "odd-text", "odd-url", "deep", "bytes"]))
    extra = ["--event-name", "Fuzz", "--timezone", "Europe/Paris"] if fmt == "sessionize" else []
    if draw(st.integers(0, 9)) == 0:
        extra = []
    if fmt == "frab-xml":
        data = FRAB
        if family == "bytes":
            data = draw(corrupted(data))
        elif family == "deep":
            depth = draw(st.sampled_from([1000, 100_000]))
            data = data.replace(
                b"<title>Talk</title>", b"<title>" + b"<a>" * depth + b"</a>" * depth + b"</title>"
            )
        else:
            for _ in range(draw(st.integers(1, 3))):
                spot = draw(st.sampled_from(_XML_SPOTS["date"] + _XML_SPOTS["value"]))
                data = data.replace(spot, draw(pick(XML_VALUES)), 1)
        name = "schedule.xml"
    else:
        base = {"schedule-json": SCHEDULE_JSON, "sessionize": SESSIONIZE, "gosim": GOSIM}[fmt]
        if family == "bytes":
            data = draw(corrupted(dump_json(base)))
        elif family == "deep":
            depth = draw(st.sampled_from([1000, 100_000]))
            data = b"[" * depth + b"]" * depth
            if draw(st.booleans()):
                data = b'{"sessions": ' + data + b', "speakers": []}'
        elif family == "huge" and draw(st.booleans()):
            data = dump_json(base).replace(b'"1"', b"1" * 5000, 1)
        else:
            values = {"wrong-type": WRONG_TYPES, "huge": HUGE, "odd-text": ODD_TEXT,
                      "odd-url": st.one_of(ODD_URLS, ODD_DATES)}[family]  # fmt: skip
            data = dump_json(draw(mutated(base, values)))
        name = "schedule.json"
    how = draw(st.sampled_from([fmt, fmt, "auto"]))
    return Case(family, fmt, {name: data}, ["import", how, name, "-o", "out", *extra], "out")


# --------------------------------------------------------------------- attendee CSV

CSV = (
    "name,organization,role,pronouns,id,email,qr\n"
    "Ada Lovelace,Engines,attendee,she/her,A1,ada@example.org,https://example.org/t/1\n"
    "Grace Hopper,Navy,speaker,,A2,,TICKET-2\n"
)
CSV_VALUES = [
    "", "\x00", "a\x00b", "\ud800", "x" * 100_000, "intent:#Intent;end", "tel:+1", "sms:1",
    "mailto:a@b", "javascript:x", "http://[bad", '"', '"a"b', "\t", "\r", "\n", ";", "vip",
    "=cmd()", "\u202e", "9" * 5000,
]  # fmt: skip


@st.composite
def attendee_csv(draw):
    """An attendee CSV broken by cell values, bytes or a late NUL."""
    family = draw(st.sampled_from(["cells", "bytes", "late-nul", "odd-path"]))
    files: dict = {"event.yaml": to_yaml(EVENT), **EVENT_FILES}
    csv_name = "attendees.csv"
    if family == "cells":
        rows = [line.split(",") for line in CSV.splitlines()]
        for _ in range(draw(st.integers(1, 4))):
            r = draw(st.integers(0, len(rows) - 1))
            c = draw(st.integers(0, len(rows[r]) - 1))
            rows[r][c] = draw(pick(CSV_VALUES))
        data = "\n".join(",".join(r) for r in rows).encode("utf-8", "surrogatepass")
    elif family == "bytes":
        data = draw(corrupted(CSV.encode()))
    elif family == "late-nul":
        filler = "".join(f"Person {i},Org,attendee,,,,\n" for i in range(draw(st.integers(0, 400))))
        data = (CSV + filler + "Late\x00Name,Org,attendee,,,,\n").encode()
    else:
        csv_name = draw(st.sampled_from(["dev.csv", "loop.csv", "folder.csv"]))
        files[csv_name] = {"dev.csv": DEVICE, "loop.csv": LOOP, "folder.csv": FOLDER}[csv_name]
        data = None
    if data is not None:
        files[csv_name] = data
    return Case(family, "attendee-csv", files,
                ["validate", "event.yaml", "--attendees", csv_name], output="")  # fmt: skip


ANY_CASE = st.one_of(event_yaml(), importer_input(), attendee_csv())

# --------------------------------------------------------------------- running one


@dataclass
class Outcome:
    code: int | str  # exit status, or "hang" / "crash" / "left-output" / "traceback"
    seconds: float
    detail: str = ""


def _write(folder: Path, files: dict) -> None:
    for name, data in files.items():
        path = folder / name
        if data == DEVICE:
            path.symlink_to("/dev/zero")
        elif data == LOOP:
            path.symlink_to(path.name)  # a link to itself
        elif data == FOLDER:
            path.mkdir()
        elif isinstance(data, bytes):
            with contextlib.suppress(ValueError, OSError):  # a NUL or surrogate in the name
                path.write_bytes(data)


class _Slow(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Slow()


def run_case(case: Case, limit: float = 10.0) -> Outcome:
    """Run a case in a fresh temporary folder → its outcome (a failure code is a string)."""
    from click.testing import CliRunner

    from printkit.cli import cli

    folder = Path(tempfile.mkdtemp(prefix="pk-fuzz-"))
    old_cwd = os.getcwd()
    env = {"PRINTKIT_OFFLINE": "1"}
    try:
        _write(folder, case.files)
        os.chdir(folder)
        runner = CliRunner()
        use_alarm = hasattr(signal, "SIGALRM")
        if use_alarm:
            previous = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, limit)
        start = time.perf_counter()
        try:
            result = runner.invoke(cli, case.args, env=env, catch_exceptions=True)
        except _Slow:
            return Outcome("hang", time.perf_counter() - start, case.describe())
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        seconds = time.perf_counter() - start
        if isinstance(result.exception, _Slow):
            return Outcome("hang", seconds, case.describe())
        text = (result.stdout or "") + (result.stderr or "")
        code = result.exit_code
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            return Outcome(
                "crash", seconds, f"{type(result.exception).__name__}: {result.exception}"
            )
        if code not in (0, 1, 2):
            return Outcome(f"exit-{code}", seconds, text[-2000:])
        if "Traceback" in text:
            return Outcome("traceback", seconds, text[-2000:])
        if code == 1 and case.output and (folder / case.output).exists():
            return Outcome("left-output", seconds, text[-2000:])
        return Outcome(code, seconds)
    finally:
        os.chdir(old_cwd)
        shutil.rmtree(folder, ignore_errors=True)
