"""Room day signs and door signs: titles in the text, QR codes decode, safe zone, pages, filters."""

from __future__ import annotations

import re

import pikepdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from conftest import invoke
from pypdf import PdfReader

from printkit.check import SAFE_MM
from printkit.errors import PrintkitError, Problems
from printkit.load import load_event
from printkit.products.signs import command as signs
from printkit.products.signs.door import door_sessions, qr_codes
from printkit.products.signs.layout import load_sign_layout
from printkit.products.signs.room import plan_rows, room_days
from printkit.units import MM

LONG_TITLE = (
    "Towards Reproducible Evaluation of Open Foundation Models Across Languages, Modalities and "
    "Hardware: Lessons Learned from Two Years of Community Benchmarks and What We Would Do Again"
)
assert len(LONG_TITLE) >= 180
CJK_TITLE = "大规模语言模型的开放协作与未来发展"
LONG_ROOM = "The Grand Auditorium of the Northern Wing of the Conference Centre"


def _event_yaml() -> str:
    people = "\n".join(
        f"  - {{id: p{i}, name: Panelist Number{i} Example, organization: Org {i}, "
        f"position: Researcher{', profile_url: https://example.org/people/p' + str(i) if i % 2 else ''}}}"
        for i in range(1, 7)
    )
    talks = []
    titles = [LONG_TITLE, CJK_TITLE] + [f"Talk number {i} about open tools" for i in range(3, 12)]
    for i, title in enumerate(titles):
        h, mnt = divmod(9 * 60 + i * 35, 60)
        talks.append(
            f"  - {{id: t{i}, title: '{title}', track: {'ai' if i % 2 else 'infra'}, room: hall, "
            f"start: '2025-05-06 {h:02d}:{mnt:02d}', duration: 30, speakers: [p{i % 6 + 1}], "
            f"url: 'https://example.org/talks/t{i}'}}"
        )
    return f"""\
event:
  id: edge-conf
  name: Edge Conf
  start: 2025-05-06
  end: 2025-05-07
  timezone: Europe/Paris
  url: https://example.org/
  schedule_url: https://example.org/schedule/
  version: v7 (2025-05-01)
tracks:
  - {{id: ai, name: AI Models, color: "#2E7D32"}}
  - {{id: infra, name: Infrastructure, color: "#8E24AA"}}
rooms:
  - {{id: hall, name: Hall A, floor: Ground floor}}
  - {{id: long, name: {LONG_ROOM}, floor: Level 3, url: https://example.org/rooms/long}}
speakers:
{people}
sessions:
{chr(10).join(talks)}
  - {{id: coffee, title: Coffee, type: break, start: '2025-05-06 10:10', duration: 20}}
  - {{id: panel, title: Six people on one stage, subtitle: A panel about open data, type: panel,
      track: ai, room: long, start: '2025-05-06 14:00', duration: 60,
      speakers: [p1, p2, p3, p4, p5, p6], video: 'https://example.org/video/panel',
      url: 'https://example.org/talks/panel'}}
  - {{id: late, title: Night owls meetup, type: social, room: hall,
      start: '2025-05-06 23:30', end: '2025-05-07 01:00'}}
  - {{id: lunch, title: Lunch, type: break, room: long, start: '2025-05-06 12:00', duration: 60}}
  - {{id: solo, title: The last talk, track: infra, room: long, start: '2025-05-07 10:00',
      duration: 30, speakers: [p3]}}
"""


@pytest.fixture(scope="module")
def event(tmp_path_factory):
    path = tmp_path_factory.mktemp("ev") / "event.yaml"
    path.write_text(_event_yaml(), encoding="utf-8")
    problems = Problems()
    ev = load_event(path, problems)
    assert not problems.errors, [str(p) for p in problems.errors]
    return ev


@pytest.fixture(scope="module")
def shop_pdf(event, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "signs.pdf"
    problems = Problems()
    summary = signs.build(event, out, problems=problems, target="shop")
    return out, summary, problems


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _texts(path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def test_pages_in_order_room_signs_then_doors(event, shop_pdf):
    path, summary, _ = shop_pdf
    lay = load_sign_layout("a4")
    rds = room_days(event, list(event.rooms), list(event.days))
    doors = door_sessions(event, sorted(event.sessions, key=lambda s: s.start))
    texts = _texts(path)
    room_pages = len(texts) - len(doors)
    assert "door sign" in summary and f"{room_pages} room sign pages" in summary
    # Hall A on day 1 is full: it continues on a second page marked "continued"
    hall_pages = [t for t in texts[:room_pages] if "Hall A" in t and "Tuesday 6 May" in t]
    assert len(hall_pages) >= 2
    assert "CONTINUED" not in hall_pages[0] and "CONTINUED" in hall_pages[1]
    assert "Continued on sheet 2" in hall_pages[0]
    # titles never shrink below the floor on a room sign
    for rd in rds:
        for row in plan_rows(event, rd.sessions, lay, 210 * MM):
            if not row.is_break:
                assert row.title.size >= lay.room.title_min


def test_every_title_on_its_room_sign(event, shop_pdf):
    path, _, problems = shop_pdf
    texts = [_norm(t) for t in _texts(path)]
    for rd in room_days(event, list(event.rooms), list(event.days)):
        on_sign = "".join(t for t in texts if _norm(rd.room.name[:20]) in t)
        for s in rd.sessions:
            title = _norm(s.title)
            if s.title == LONG_TITLE:  # two lines at 14 pt cannot hold 180 characters
                assert title[:40] in on_sign
                assert any("shortened to two lines" in w.message for w in problems.warnings)
            else:
                assert title in on_sign, s.title
    # the midnight social belongs to the day it starts
    day2 = [t for t in texts if "Wednesday7May" in t]
    assert day2 and not any("Nightowls" in t for t in day2)


def _door_order(event):
    """Door sessions in the order the PDF has them: day, room as listed, time."""
    rooms = {r.id: i for i, r in enumerate(event.rooms)}
    ordered = sorted(event.sessions, key=lambda s: (s.day, rooms[s.room or "hall"], s.start))
    return door_sessions(event, ordered)


def test_every_title_on_its_door_sign_and_qr_codes_decode(event, shop_pdf):
    path, _, _ = shop_pdf
    doors = _door_order(event)
    texts = _texts(path)
    pdf = pdfium.PdfDocument(str(path))
    first = len(texts) - len(doors)
    by_title = {s.id: first + i for i, s in enumerate(doors)}
    for s in doors:
        assert _norm(s.title) in _norm(texts[by_title[s.id]]), "the full title is on its sign"
    checked = 0
    for s in doors:
        n = by_title[s.id]
        t = texts[n]
        assert "Next in this room" in t and "as of v7 (2025-05-01)" in t
        want = {q.url for q in qr_codes(event, s)}
        if s.id in ("panel", "t0", "t1", "late", "solo"):
            image = pdf[n].render(scale=150 / 72).to_pil()
            got = {b.text for b in zxingcpp.read_barcodes(image)}
            assert got == want, (s.id, got, want)
            checked += 1
    assert checked == 5
    panel = texts[by_title["panel"]]
    for i in range(1, 7):
        assert f"Number{i}" in panel
    assert "Watch the recording" in panel and "Speaker profile" in panel


def test_qr_choice_and_captions(event):
    panel = next(s for s in event.sessions if s.id == "panel")
    codes = qr_codes(event, panel)
    assert [c.caption for c in codes] == ["Watch the recording", "Speaker profile"]
    assert codes[1].url == "https://example.org/people/p1"
    solo = next(s for s in event.sessions if s.id == "solo")
    assert [(c.caption, c.url) for c in qr_codes(event, solo)] == [
        ("Full schedule", "https://example.org/schedule/"),
        ("Speaker profile", "https://example.org/people/p3"),
    ]
    assert [s.id for s in door_sessions(event, event.sessions)].count("coffee") == 0
    assert "late" in [s.id for s in door_sessions(event, event.sessions)]


def test_no_character_outside_the_safe_zone(shop_pdf):
    path, _, _ = shop_pdf
    pdf = pdfium.PdfDocument(str(path))
    with pikepdf.open(path) as doc:
        trims = [[float(v) for v in p.obj["/TrimBox"]] for p in doc.pages]
    safe = SAFE_MM * MM
    for n, page in enumerate(pdf):
        x0, y0, x1, y1 = trims[n]
        tp = page.get_textpage()
        for i in range(tp.count_chars()):
            if not tp.get_text_range(i, 1).strip():
                continue
            left, bottom, right, top = tp.get_charbox(i)
            assert left >= x0 + safe - 0.5 and right <= x1 - safe + 0.5, (n, i)
            assert bottom >= y0 + safe - 0.5 and top <= y1 - safe + 0.5, (n, i)


def test_shop_boxes_rotation_and_cmyk(event, shop_pdf):
    path, _, _ = shop_pdf
    doors = len(door_sessions(event, event.sessions))
    with pikepdf.open(path) as doc:
        assert "/OutputIntents" in doc.Root
        pages = list(doc.pages)
        for i, p in enumerate(pages):
            door = i >= len(pages) - doors
            x0, y0, x1, y1 = (float(v) for v in p.obj["/TrimBox"])
            size = (round((x1 - x0) / MM), round((y1 - y0) / MM))
            assert size == ((297, 210) if door else (210, 297))
            for box in ("/MediaBox", "/BleedBox"):  # door signs are real landscape pages
                bx0, by0, bx1, by1 = (float(v) for v in p.obj[box])
                assert (bx1 - bx0 > by1 - by0) == door, (i, box)
            assert "/Rotate" not in p.obj, "no page is turned by /Rotate"
            bleed = (x0 - float(p.obj["/BleedBox"][0])) / MM
            assert round(bleed, 1) == 3.0
            ops = {str(op) for _, op in pikepdf.parse_content_stream(p)}
            assert not ops & {"rg", "RG"}, "shop pages use CMYK only"


def test_door_only_is_landscape_and_filters(event, tmp_path):
    out = tmp_path / "doors.pdf"
    summary = signs.build(
        event, out, problems=Problems(), target="screen", kind="door", rooms=("long",)
    )
    texts = _texts(out)
    assert "2 door signs" in summary
    assert len(texts) == 2  # the panel and the last talk; the lunch break gets none
    w, h = (float(v) for v in PdfReader(str(out)).pages[0].mediabox[2:])
    assert w > h
    out2 = tmp_path / "day2.pdf"
    signs.build(event, out2, problems=Problems(), target="screen", days=("2025-05-07",))
    t2 = _texts(out2)
    assert len(t2) == 2 and all("The last talk" in t for t in t2)
    assert not any("Night owls" in t for t in t2)


def test_cli_filters_and_errors(runner, event, tmp_path):
    src = tmp_path / "event.yaml"
    src.write_text(_event_yaml(), encoding="utf-8")
    out = tmp_path / "r.pdf"
    r = invoke(runner, "signs", src, "--kind", "room", "--day", "2025-05-07", "--room", "long",
               "--target", "office", "-o", out)  # fmt: skip
    assert r.exit_code == 0, r.output
    texts = _texts(out)
    assert len(texts) == 1 and "The last talk" in texts[0] and "Hall A" not in texts[0]
    r = invoke(runner, "signs", src, "--room", "nope", "-o", tmp_path / "x.pdf")
    assert r.exit_code == 1 and "no such room" in r.stderr and not (tmp_path / "x.pdf").exists()
    r = invoke(runner, "signs", src, "--day", "2025-06-01", "-o", tmp_path / "x.pdf")
    assert r.exit_code == 1 and "no sessions that day" in r.stderr


@pytest.mark.parametrize("name,size", [("a3", (297, 420)), ("letter", (216, 279)),
                                       ("tabloid", (279, 432))])  # fmt: skip
def test_other_layouts(event, tmp_path, name, size):
    out = tmp_path / f"{name}.pdf"
    signs.build(event, out, problems=Problems(), target="shop", layout=name, rooms=("long",),
                days=("2025-05-06",))  # fmt: skip
    page = PdfReader(str(out)).pages[0]
    x0, y0, x1, y1 = (float(v) for v in page.trimbox)
    assert (round((x1 - x0) / MM), round((y1 - y0) / MM)) == size
    assert _norm(LONG_ROOM[:20]) in _norm(page.extract_text())


def test_layout_unknown_key_is_an_error(event, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\npaper: A4\nroom:\n  titel: 20\n", encoding="utf-8")
    with pytest.raises(PrintkitError) as e:
        signs.build(event, tmp_path / "x.pdf", problems=Problems(), layout=str(bad))
    assert "bad.yaml:4" in str(e.value.problems[0]) and "title" in str(e.value.problems[0])


DAY_TITLES = [
    "Open-R1: A Fully Open Reproduction of DeepSeek-R1",
    "OpenSeek: Collaborative Innovation for Next-Gen Models",
    "Decode DeepSeek: the Technological Innovation and Its Influence on AI Ecosystem",
    "Linear Next: The Evolution of LLM Architecture",
    "The Curse of Depth in Large Language Models",
    "Going Beyond Tokens for Code Large Language Models",
    "How to Build Competitive Large Language Models Made in Europe",
    "Scaling LLM Inference with vLLM: Multi-Accelerator Serving and Quantized LLMs",
]


def _day_event(tmp_path, talks: int, breaks: int = 2):
    """One room, one day: `talks` talks with real-length titles and `breaks` breaks."""
    rows = []
    t = 9 * 60
    for i in range(talks):
        if breaks and i in (talks // 3, 2 * talks // 3):
            rows.append(f"  - {{id: b{i}, title: Coffee break, type: break, room: stage, "
                        f"start: '2025-05-06 {t // 60:02d}:{t % 60:02d}', duration: 20}}")  # fmt: skip
            t += 20
        title = DAY_TITLES[i % len(DAY_TITLES)] + (
            f" (part {i // len(DAY_TITLES) + 1})" if i >= 8 else ""
        )
        rows.append(f"  - {{id: t{i}, title: '{title}', track: ai, room: stage, speakers: [p1], "
                    f"start: '2025-05-06 {t // 60:02d}:{t % 60:02d}', duration: 40}}")  # fmt: skip
        t += 40
    path = tmp_path / "day.yaml"
    path.write_text(
        "event: {id: day, name: Day Conf, start: 2025-05-06, end: 2025-05-06, timezone: UTC,\n"
        "        schedule_url: 'https://example.org/s'}\n"
        "tracks: [{id: ai, name: AI Model, color: '#1E5AA8'}]\n"
        "rooms: [{id: stage, name: AI Model Stage}]\n"
        "speakers: [{id: p1, name: Guilherme Penedo}]\n"
        "sessions:\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    problems = Problems()
    ev = load_event(path, problems)
    assert not problems.errors
    return ev


def _title_sizes(pdf, titles) -> list[float]:
    """Font sizes of the first character of every title found on the pages."""
    doc = pdfium.PdfDocument(str(pdf))
    sizes = []
    for page in doc:
        tp = page.get_textpage()
        text = tp.get_text_range()
        for title in titles:
            at = text.find(title[:12])
            if at >= 0:
                sizes.append(pdfium.raw.FPDFText_GetFontSize(tp.raw, at))
    return sizes


def test_a_full_day_shrinks_to_one_sheet_above_the_floor(tmp_path):
    """7 talks and 2 breaks went to 2 sheets at 19 pt (a quarter of sheet 1 and most of sheet 2
    empty); set a little smaller they fit one sheet, titles still at least title_min."""
    ev = _day_event(tmp_path, 7)
    out = tmp_path / "day.pdf"
    signs.build(ev, out, problems=Problems(), target="screen", kind="room")
    texts = _texts(out)
    assert len(texts) == 1 and "CONTINUED" not in texts[0]
    on_sign = _norm(texts[0])
    assert all(_norm(t) in on_sign for t in DAY_TITLES[:7])
    sizes = _title_sizes(out, DAY_TITLES)
    lay = load_sign_layout("a4")
    assert len(sizes) == 7 and min(sizes) >= lay.room.title_min - 0.05
    assert max(sizes) < lay.room.title  # shrunk, not cut


def test_a_long_day_takes_the_fewest_sheets_evenly_filled(tmp_path):
    """15 talks: two sheets (a smaller size saves the third), split 8 + 7, not a full sheet and
    a stub."""
    ev = _day_event(tmp_path, 15, breaks=0)
    out = tmp_path / "day.pdf"
    signs.build(ev, out, problems=Problems(), target="screen", kind="room")
    reader = pdfium.PdfDocument(str(out))
    assert len(reader) == 2
    counts = []
    for page in reader:
        text = page.get_textpage().get_text_range()
        counts.append(sum(text.count(t[:12]) for t in DAY_TITLES))
    assert sum(counts) == 15 and abs(counts[0] - counts[1]) <= 1, counts
    assert min(_title_sizes(out, DAY_TITLES)) >= load_sign_layout("a4").room.title_min - 0.05


@pytest.mark.parametrize("name,least_mm", [("a4", 25), ("letter", 25), ("a3", 35), ("tabloid", 36)])
def test_room_sign_qr_is_large_enough_to_scan_from_a_step_away(event, tmp_path, name, least_mm):
    """The code itself (without quiet zone) about a tenth of a 30 cm scanning distance on A4."""
    out = tmp_path / "room.pdf"
    signs.build(event, out, problems=Problems(), target="screen", kind="room", layout=name,
                rooms=("hall",), days=("2025-05-06",))  # fmt: skip
    dpi = 150
    page = pdfium.PdfDocument(str(out))[0]
    img = page.render(scale=dpi / 72).to_pil()
    codes = zxingcpp.read_barcodes(img)
    assert [c.text for c in codes] == ["https://example.org/schedule/"]
    pos = codes[0].position
    side_mm = abs(pos.top_right.x - pos.top_left.x) / dpi * 25.4
    assert side_mm >= least_mm
    assert "Full schedule" in page.get_textpage().get_text_range()


def test_a_six_speaker_panel_spreads_over_the_width_clear_of_qr_codes(event, tmp_path):
    """Six speakers were squeezed into three narrow columns (names broken over two lines) while
    the QR column's lower half stayed empty: under the QR column they use the whole width."""
    out = tmp_path / "panel.pdf"
    signs.build(event, out, problems=Problems(), target="screen", kind="door", rooms=("long",),
                days=("2025-05-06",))  # fmt: skip
    dpi = 150
    page = pdfium.PdfDocument(str(out))[0]
    _w, h = page.get_size()
    img = page.render(scale=dpi / 72).to_pil()
    qrs = []  # (x0, y0, x1, y1) in points, y up
    for code in zxingcpp.read_barcodes(img):
        p = code.position
        xs = [pt.x * 72 / dpi for pt in (p.top_left, p.top_right, p.bottom_left, p.bottom_right)]
        ys = [
            h - pt.y * 72 / dpi for pt in (p.top_left, p.top_right, p.bottom_left, p.bottom_right)
        ]
        qrs.append((min(xs), min(ys), max(xs), max(ys)))
    assert len(qrs) == 2
    lay = load_sign_layout("a4")
    foot = lay.door.margin + lay.door.next * 2.2
    tp = page.get_textpage()
    text = tp.get_text_range()
    for i in range(1, 7):
        name = f"Panelist Number{i} Example"
        hits = [m.start() for m in re.finditer(re.escape(name), text)]
        assert hits, f"{name} not on one line"
        at = max(hits, key=lambda k: pdfium.raw.FPDFText_GetFontSize(tp.raw, k))  # not the QR note
        boxes = [
            tp.get_charbox(at + j, loose=True) for j in range(len(name)) if not name[j].isspace()
        ]
        assert len({round(b[1]) for b in boxes}) == 1, "one baseline: the name is not broken"
        assert pdfium.raw.FPDFText_GetFontSize(tp.raw, at) >= lay.door.speaker_name * 0.75 - 0.05
        for x0, y0, x1, y1 in boxes:
            assert y0 > foot, "above the footer rule"
            for qx0, qy0, qx1, qy1 in qrs:
                assert x1 <= qx0 or x0 >= qx1 or y1 <= qy0 or y0 >= qy1, f"{name} on a QR code"


def test_door_signs_are_landscape_pages_that_pass_the_preflight(event, shop_pdf):
    from printkit.check import check_pdf, judge

    path, _, _ = shop_pdf
    report = check_pdf(path, qr=False)
    fails = [str(f) for f in judge(report, "shop") if f.level == "FAIL"]
    assert not fails, fails
    doors = len(door_sessions(event, event.sessions))
    sizes = [(round(p.trim[2] - p.trim[0]), round(p.trim[3] - p.trim[1])) for p in report.pages]
    assert all(w > h for w, h in sizes[-doors:]) and all(w < h for w, h in sizes[:-doors])


def test_office_door_signs_turned_onto_the_portrait_sheet(event, tmp_path):
    out = tmp_path / "office.pdf"
    signs.build(event, out, problems=Problems(), target="office", rooms=("long",))
    with pikepdf.open(out) as doc:
        for p in doc.pages:
            x0, y0, x1, y1 = (float(v) for v in p.obj["/MediaBox"])
            assert (round((x1 - x0) / MM), round((y1 - y0) / MM)) == (210, 297)
            assert "/Rotate" not in p.obj
    assert any("Six people on one stage" in t for t in _texts(out))


def test_a_low_resolution_speaker_photo_is_warned_at_the_speaker(tmp_path):
    from PIL import Image

    folder = tmp_path / "ev"
    folder.mkdir()
    Image.new("RGB", (60, 60), (200, 80, 40)).save(folder / "ada.png")
    (folder / "event.yaml").write_text(
        "event: {id: e, name: E, start: 2025-05-06, end: 2025-05-06, timezone: UTC}\n"
        "rooms:\n  - {id: hall, name: Hall}\n"
        "speakers:\n  - {id: ada, name: Ada Lovelace, photo: ada.png}\n"
        "sessions:\n  - {id: t, title: Engines, room: hall, start: '2025-05-06 09:00',\n"
        "     duration: 30, speakers: [ada]}\n",
        encoding="utf-8",
    )
    problems = Problems()
    ev = load_event(folder / "event.yaml", problems)
    assert not problems.errors, [str(p) for p in problems.errors]
    signs.build(ev, tmp_path / "s.pdf", problems=problems, target="shop", kind="door")
    soft = [str(p) for p in problems.warnings if "print soft" in p.message]
    assert len(soft) == 1 and soft[0].startswith(f"{folder / 'event.yaml'}:5: photo:"), soft


def test_without_a_version_the_stamp_is_the_data_files_time(tmp_path):
    """No event.version: room and door signs say 'as of' the data's modification time."""
    import os
    from datetime import datetime

    path = tmp_path / "event.yaml"
    path.write_text(_event_yaml().replace("  version: v7 (2025-05-01)\n", ""), encoding="utf-8")
    when = datetime(2024, 3, 5, 14, 30).timestamp()  # local time, as the stamp reads it
    os.utime(path, (when, when))
    ev = load_event(path, Problems())
    assert not ev.version
    out = tmp_path / "signs.pdf"
    signs.build(ev, out, problems=Problems(), target="shop", rooms=("long",), days=("2025-05-07",))
    texts = _texts(out)
    assert len(texts) == 2  # the room's day sign and the last talk's door sign
    assert all("as of 2024-03-05 14:30" in t for t in texts), texts


def test_door_sign_without_speakers_sets_its_title_larger(runner, tmp_path):
    """A keynote with no names: the title is the sign, larger than a talk's title."""
    out = tmp_path / "doors.pdf"
    r = invoke(runner, "signs", "--kind", "door", "--room", "main-hall", "--offline", "-o", out)
    assert r.exit_code == 0, r.output
    out2 = tmp_path / "talk.pdf"
    r = invoke(runner, "signs", "--kind", "door", "--room", "ai-infra-stage", "--day",
               "2025-05-06", "--offline", "-o", out2)  # fmt: skip
    assert r.exit_code == 0, r.output

    def cap(path, word):
        page = pdfium.PdfDocument(path)[0]
        tp = page.get_textpage()
        text = tp.get_text_range()
        i = text.index(word)
        left, bottom, right, top = tp.get_charbox(i)  # first capital of the title
        return top - bottom

    from printkit.press import text as _text

    keynote = cap(out, "Keynote")
    talk = cap(out2, tp_first_title(out2))
    full = _text.cap_height(load_sign_layout("a4").door.title_max, True)
    assert keynote > 1.3 * talk
    assert keynote > 1.2 * full  # beyond the layout's largest title size


def tp_first_title(path) -> str:
    """The first word of the door sign's title (the line after the kicker)."""
    text = pdfium.PdfDocument(path)[0].get_textpage().get_text_range()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    kicker = next(i for i, ln in enumerate(lines) if "·" in ln or ln.isupper())
    return lines[kicker + 1].split()[0]
