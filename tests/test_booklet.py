"""printkit booklet: page count, contents page numbers, every title and name, QR codes, boxes, imposition."""

from __future__ import annotations

import re
from collections import Counter

import pypdf
import pytest
from conftest import invoke

from printkit.check import check_pdf, judge
from printkit.errors import Problems
from printkit.load import load_event
from printkit.products.booklet import command as booklet
from printkit.products.booklet.sections import qr_payload
from printkit.resources import sample_event_dir

ROOMS = 9  # more rooms than one A5 page holds


def small_event_yaml() -> str:
    """Two days, nine rooms, distinct QR targets, CJK and Arabic names, one full profile."""
    rooms = "\n".join(f"  - id: r{i}\n    name: Room {chr(65 + i)}" for i in range(ROOMS))
    sessions = []
    for i in range(ROOMS):
        sessions.append(
            f"""  - id: s{i}
    title: Session number {i} about open hardware-software co-design
    track: {"t1" if i % 2 else "t2"}
    room: r{i}
    start: 2025-05-06 {10 + i % 3}:00
    end: 2025-05-06 {10 + i % 3}:45
    speakers: [p{i % 4}]
    abstract: {"A long abstract sentence that wraps across lines. " * (3 + i)}
"""
            + (f"    video: https://video.example.org/v/{i}\n" if i % 3 == 0 else "")
            + (f"    url: https://example.org/talks/{i}\n" if i % 3 == 1 else "")
        )
    sessions.append(
        """  - id: lunch
    title: Lunch
    type: break
    start: 2025-05-06 13:00
    end: 2025-05-06 14:00
  - id: day2
    title: 第二天的主题演讲
    type: keynote
    room: r0
    start: 2025-05-07 09:00
    end: 2025-05-07 10:00
    speakers: [p2, p3]
    url: https://example.org/talks/day2
  - id: both
    title: Recorded talk with its own page
    track: t1
    room: r1
    start: 2025-05-07 11:00
    end: 2025-05-07 11:45
    speakers: [p1]
    video: https://video.example.org/v/both
    url: https://example.org/talks/both
"""
    )
    return f"""\
event:
  id: tiny
  name: Tiny Open Hardware Days
  theme: Small sample with many rooms
  start: 2025-05-06
  end: 2025-05-07
  timezone: Europe/Paris
  url: https://example.org/
  schedule_url: https://example.org/schedule/
  venue:
    name: Hall Nine
    address: 1 Example Street
    city: Lyon
  welcome: Hello and welcome.
tracks:
  - id: t1
    name: Hardware
    color: '#2E7D32'
  - id: t2
    name: Software
    color: '#6A1B9A'
rooms:
{rooms}
speakers:
  - id: p0
    name: Ada Lovelace
    organization: Analytical Engines
    bio: Wrote the first published program.
    career:
      - org: Analytical Engines
        role: Programmer
        period: 1842–1843
    publications:
      - title: Notes on the engine
        year: 1843
        video: https://video.example.org/notes
    links:
      Site: https://ada.example.org/
  - id: p1
    name: Grace Hopper
  - id: p2
    name: 王小明
  - id: p3
    name: Zoë Ångström
sessions:
{"".join(sessions)}"""


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    d = tmp_path_factory.mktemp("tiny")
    (d / "event.yaml").write_text(small_event_yaml(), encoding="utf-8")
    problems = Problems()
    ev = load_event(d / "event.yaml", problems)
    assert not problems.errors, [str(p) for p in problems.errors]
    return ev


@pytest.fixture(scope="module")
def sample():
    problems = Problems()
    return load_event(sample_event_dir(), problems)


def _build(ev, path, **kw):
    problems = Problems()
    summary = booklet.build(ev, path, problems=problems, offline=True, **kw)
    return summary, problems


@pytest.fixture(scope="module")
def sample_pdf(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("b") / "booklet.pdf"
    _build(sample, path)
    return path


@pytest.fixture(scope="module")
def tiny_pdf(tiny, tmp_path_factory):
    path = tmp_path_factory.mktemp("t") / "tiny.pdf"
    _, problems = _build(tiny, path)
    assert not [w for w in problems.warnings if "empty boxes" in w.message]
    return path


def norm(s: str) -> str:
    s = re.sub(r"-\s+", "-", s)
    return " ".join(s.split())


def page_texts(path) -> list[str]:
    return [norm(p.extract_text() or "") for p in pypdf.PdfReader(path).pages]


# -- structure -------------------------------------------------------------------


@pytest.mark.parametrize("which", ["sample_pdf", "tiny_pdf"])
def test_page_count_is_a_multiple_of_four(which, request):
    path = request.getfixturevalue(which)
    assert len(pypdf.PdfReader(path).pages) % 4 == 0


def test_contents_page_numbers_point_at_the_headings(sample, sample_pdf):
    texts = page_texts(sample_pdf)
    raw = pypdf.PdfReader(sample_pdf).pages[1].extract_text()
    found = re.findall(r"^([^\n]*[^\d\n][^\n]*)\n(\d+)$", raw, re.M)  # title, then its page
    entries = [
        (t.strip(), n)
        for t, n in found
        if not t.isupper() and t.strip() != sample.name and int(n) <= len(texts)
    ]
    titles = [t for t, _ in entries]
    for expected in ("Welcome", "At a glance", "Sessions", "Speakers", "Speaker index",
                     "Track index", "Venue"):  # fmt: skip
        assert expected in titles
    assert "Tuesday 6 May 2025" in titles
    lines = [(p.extract_text() or "").splitlines() for p in pypdf.PdfReader(sample_pdf).pages]
    for title, n in entries:
        n = int(n)
        assert 2 < n <= len(texts)
        # the heading stands on its own line on that page, and not on the page before it
        # the heading stands on its own line on that page (the grid pages name their section
        # in the running header), and the page before is another section's
        here = [ln.strip() for ln in lines[n - 1]]
        assert title in here or here[0].startswith(title.upper()), (title, n)
        if "May" not in title and n - 1 != 2:  # page 2 is the contents itself
            before = [ln.strip() for ln in lines[n - 2]]
            assert title not in before and not before[0].startswith(title.upper()), (title, n)


def test_every_session_title_and_speaker_name_is_printed(sample, sample_pdf):
    text = norm(" ".join(page_texts(sample_pdf)))
    for s in sample.sessions:
        assert norm(s.title) in text, s.title
    for sp in sample.speakers:
        if sample.sessions_of(sp.id):
            assert norm(sp.name) in text, sp.name


def test_small_event_text_any_script(tiny, tiny_pdf):
    text = norm(" ".join(page_texts(tiny_pdf)))
    for s in tiny.sessions:
        assert norm(s.title) in text, s.title
    for name in ("Ada Lovelace", "王小明", "Zoë Ångström", "Grace Hopper"):
        assert name in text
    assert "ada.example.org" in text  # links as readable text
    assert "Notes on the engine" in text


def test_shop_file_has_boxes_cmyk_embedded_fonts(sample_pdf):
    report = check_pdf(sample_pdf, qr=False)
    failures = [f for f in judge(report, "shop") if f.level == "FAIL"]
    assert not failures, failures
    page = pypdf.PdfReader(sample_pdf).pages[3]
    trim = [float(v) for v in page["/TrimBox"]]
    assert round((trim[2] - trim[0]) / 72 * 25.4) == 148
    assert round((trim[3] - trim[1]) / 72 * 25.4) == 210


# -- indexes ------------------------------------------------------------------------


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", norm(s))


def _visual_lines(page) -> list[str]:
    """A pdfium page's text as seen: by column, characters grouped by baseline, left to right.

    Index numbers are drawn right to left, so the content order reads them backwards.
    """
    import ctypes

    import pypdfium2.raw as raw

    tp = page.get_textpage()
    mid = page.get_size()[0] / 2
    rows: dict[tuple[bool, float], list] = {}
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(tp.count_chars()):
        ch = tp.get_text_range(i, 1)
        if not ch or ch.isspace():
            continue
        raw.FPDFText_GetCharOrigin(tp.raw, i, x, y)
        left, _, right, _ = tp.get_charbox(i, loose=True)
        rows.setdefault((left > mid, -round(y.value, 1)), []).append((left, right, ch))
    lines = []
    for _, chars in sorted(rows.items()):
        chars.sort()
        out, prev = "", None
        for left, right, ch in chars:
            if prev is not None and left - prev > 1.0:
                out += " "
            out, prev = out + ch, right
        lines.append(out)
    return lines


def _section_text(path, pages: range) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    text = "\n".join(ln for n in pages for ln in _visual_lines(doc[n - 1]))
    doc.close()
    return text


def _printed_pages(text: str, label: str) -> list[int]:
    """The page numbers printed after `label` in an index (its dot leader is not text)."""
    found = re.findall(re.escape(norm(label)) + r" ?(\d+(?:, \d+)*)(?!\d)", norm(text))
    assert len(found) == 1, (label, found)
    return [int(n) for n in found[0].split(", ")]


def _section_pages(book, key: str) -> range:
    first = book.numbers[f"section:{key}"]
    later = [n for a, n in book.numbers.items() if a.startswith("section:") and n > first]
    return range(first, min(later, default=len(book.pages)))


@pytest.mark.parametrize("which", ["sample", "tiny"])
def test_speaker_index_pages_hold_that_speakers_sessions(which, request):
    ev, path = request.getfixturevalue(which), request.getfixturevalue(f"{which}_pdf")
    book = booklet.plan_booklet(ev)
    index = _section_pages(book, "speaker-index")
    text = _section_text(path, index)
    sessions = _section_pages(book, "sessions")
    pages = [_squash(t) for t in page_texts(path)]
    people = [sp for sp in ev.speakers if ev.sessions_of(sp.id)]
    assert len(people) >= 4
    for sp in people:
        printed = _printed_pages(text, sp.name)
        titles = [_squash(s.title) for s in ev.sessions_of(sp.id)]
        for n in printed:
            assert n in sessions, (sp.name, n)  # a session page, not the grid or the profile
            assert any(t in pages[n - 1] for t in titles), (sp.name, n)
        for t in titles:  # and every session of theirs is on a page the index names
            assert any(t in pages[n - 1] for n in printed), (sp.name, t)
    if which == "tiny":  # Grace Hopper has three sessions on more than one page
        grace = [f"session:{s.id}" for s in ev.sessions_of("p1")]
        assert (
            len(_printed_pages(text, "Grace Hopper")) == len({book.numbers[a] for a in grace}) > 1
        )


@pytest.mark.parametrize("which", ["sample", "tiny"])
def test_track_index_pages_hold_that_tracks_sessions(which, request):
    ev, path = request.getfixturevalue(which), request.getfixturevalue(f"{which}_pdf")
    book = booklet.plan_booklet(ev)
    index = _section_pages(book, "track-index")
    text = _section_text(path, index)
    sessions = _section_pages(book, "sessions")
    pages = [_squash(t) for t in page_texts(path)]
    checked = 0
    for track in ev.tracks:
        for s in ev.sessions:
            if s.track != track.id or s.is_break:
                continue
            (n,) = _printed_pages(text, s.title)
            assert n in sessions, (s.title, n)
            assert _squash(s.title) in pages[n - 1], (track.name, s.title, n)
            checked += 1
    assert checked >= 9


# -- QR codes ----------------------------------------------------------------------


def decoded_by_page(path, pages, dpi=150):
    import pypdfium2 as pdfium
    import zxingcpp

    doc = pdfium.PdfDocument(str(path))
    out = {}
    for n in sorted(set(pages)):
        img = doc[n - 1].render(scale=dpi / 72).to_pil()
        out[n] = {r.text for r in zxingcpp.read_barcodes(img)}
    doc.close()
    return out


def test_every_session_qr_decodes_to_video_else_url(tiny, tiny_pdf):
    book = booklet.plan_booklet(tiny)
    wanted = {}
    for s in tiny.sessions:
        if s.is_break:
            continue
        payload, _ = qr_payload(tiny, s)
        if payload:
            wanted[s.id] = (book.numbers[f"session:{s.id}"], payload)
    kinds = {p for _, p in wanted.values()}
    assert any("video.example.org" in p for p in kinds)
    assert any("/talks/" in p for p in kinds)
    found = decoded_by_page(tiny_pdf, [n for n, _ in wanted.values()])
    for sid, (n, payload) in wanted.items():
        assert payload in found[n], (sid, n, payload, found[n])


def test_video_wins_over_the_talk_page_and_a_page_alone_is_used(tiny, tiny_pdf):
    book = booklet.plan_booklet(tiny)
    both = book.numbers["session:both"]
    page_only = book.numbers["session:s1"]
    found = decoded_by_page(tiny_pdf, [both, page_only])
    assert "https://video.example.org/v/both" in found[both]
    codes = decoded_by_page(tiny_pdf, range(1, len(book.pages) + 1))
    assert not any("https://example.org/talks/both" in c for c in codes.values())
    assert "https://example.org/talks/1" in found[page_only]
    text = norm(pypdf.PdfReader(tiny_pdf).pages[both - 1].extract_text())
    assert "Video" in text


def test_sessions_without_video_or_page_get_no_qr(sample, sample_pdf):
    assert not any(s.video or s.url for s in sample.sessions)
    book = booklet.plan_booklet(sample)
    first = book.numbers["section:sessions"]
    found = decoded_by_page(sample_pdf, [first, len(book.pages)])
    assert found[first] == set()  # no schedule code repeated beside every talk
    assert sample.schedule_url in found[len(book.pages)]  # the back cover carries it


# -- folios -------------------------------------------------------------------------


def test_folio_sits_in_the_outer_bottom_corner(tiny_pdf):
    """Rectos (odd) carry the number right-aligned at the outer margin, versos left-aligned."""
    import pypdfium2 as pdfium

    from printkit.products.booklet.layout import load_booklet_layout

    L = load_booklet_layout("a5")
    doc = pdfium.PdfDocument(str(tiny_pdf))
    reader = pypdf.PdfReader(tiny_pdf)
    n_pages = len(doc)
    checked = {"recto": 0, "verso": 0}
    for n in range(2, n_pages):  # the covers have no folio
        x0, y0, x1, _ = (float(v) for v in reader.pages[n - 1]["/TrimBox"])
        w = x1 - x0
        tp = doc[n - 1].get_textpage()
        boxes = []
        for i in range(tp.count_chars()):
            left, bottom, right, top = tp.get_charbox(i)
            if y0 < bottom and top < y0 + L.margin_bottom and right > left:
                boxes.append((left - x0, right - x0, tp.get_text_range(i, 1)))
        boxes.sort()
        assert "".join(c for _, _, c in boxes) == str(n), n
        first, last = boxes[0][0], boxes[-1][1]
        if n % 2:
            assert abs(last - (w - L.margin_outer)) < 1.5, (n, last, w - L.margin_outer)
            assert first > w / 2
            checked["recto"] += 1
        else:
            assert abs(first - L.margin_outer) < 1.5, (n, first, L.margin_outer)
            assert last < w / 2
            checked["verso"] += 1
    doc.close()
    assert checked["recto"] >= 3 and checked["verso"] >= 3


# -- at a glance -------------------------------------------------------------------


def test_many_rooms_continue_on_further_pages_not_smaller(tiny, tiny_pdf):
    book = booklet.plan_booklet(tiny)
    day1 = [p.glance for p in book.pages if p.kind == "glance" and p.glance.day.day == 6]
    assert len(day1) >= 2
    rooms = [r for g in day1 for r in g.rooms]
    assert sorted(set(rooms)) == sorted(f"r{i}" for i in range(ROOMS))
    reader = pypdf.PdfReader(tiny_pdf)
    for n, dp in enumerate(book.pages, start=1):
        if dp.kind == "glance" and dp.glance.day.day == 6:
            text = reader.pages[n - 1].extract_text()
            for rid in dp.glance.rooms:
                assert tiny.room(rid).name in text
            assert "10:00" in text  # times repeated on every page


# -- targets, imposition -------------------------------------------------------------


def test_screen_has_bookmarks_and_internal_links(tiny, tmp_path):
    path = tmp_path / "screen.pdf"
    _build(tiny, path, target="screen")
    reader = pypdf.PdfReader(path)
    titles = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                titles.append(it.title)

    walk(reader.outline)
    for t in ("Contents", "At a glance", "Sessions", "Speakers", "Speaker index", "Tue 6 May"):
        assert t in titles
    internal = 0
    for page in reader.pages:
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if "/Dest" in a or (a.get("/A") or {}).get("/S") == "/GoTo":
                internal += 1
    assert internal >= len(tiny.sessions)  # contents, grid, index and "p. N" links


def _words(s: str) -> Counter:
    return Counter(norm(s).split())


def test_imposed_spreads_pair_pages_sheet_by_sheet(tiny, tiny_pdf, tmp_path):
    import pypdfium2 as pdfium

    from printkit import saddle

    path = tmp_path / "imposed.pdf"
    summary, _ = _build(tiny, path, imposed=True, creep=0.8)
    assert "imposed" in summary
    flat = pdfium.PdfDocument(str(tiny_pdf))
    spreads = pdfium.PdfDocument(str(path))
    n = len(flat)
    plan = saddle.plan(n, 0.8)
    assert len(spreads) == 2 * len(plan)
    reader = pypdf.PdfReader(path)
    flat_reader = pypdf.PdfReader(tiny_pdf)
    fx0, fy0, fx1, fy1 = (float(v) for v in flat_reader.pages[0]["/TrimBox"])

    def flat_words(p):
        tp = flat[p - 1].get_textpage()
        return _words(tp.get_text_bounded(fx0, fy0, fx1, fy1))

    for i, (side, _) in enumerate(saddle.sides(plan)):
        sx0, sy0, sx1, sy1 = (float(v) for v in reader.pages[i]["/TrimBox"])
        assert sx1 - sx0 == pytest.approx(2 * (fx1 - fx0), abs=0.01)
        mid = (sx0 + sx1) / 2
        tp = spreads[i].get_textpage()
        left = _words(tp.get_text_bounded(sx0, sy0, mid, sy1))
        right = _words(tp.get_text_bounded(mid, sy0, sx1, sy1))
        assert left == flat_words(side.left), (i, side)
        assert right == flat_words(side.right), (i, side)
        if side.left not in (1, n) and side.left is not None:
            assert str(side.left) in left  # folios travel with their pages
    flat.close()
    spreads.close()


def test_office_pages_are_plain_trim_size(tiny, tmp_path):
    path = tmp_path / "office.pdf"
    _build(tiny, path, target="office", layout="a4")
    page = pypdf.PdfReader(path).pages[0]
    w, h = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(w / 72 * 25.4), round(h / 72 * 25.4)) == (210, 297)


# -- command line --------------------------------------------------------------------


def test_cli_bad_layout_and_creep(runner, tmp_path):
    r = invoke(runner, "booklet", "--layout", "a6", "-o", tmp_path / "x.pdf")
    assert r.exit_code == 1 and "no booklet layout named 'a6'" in r.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\npaper: A5\nmargin_top: 1cm\nqr: 10mm\nfoo: 1\n", encoding="utf-8")
    r = invoke(runner, "booklet", "--layout", bad, "-o", tmp_path / "x.pdf")
    assert r.exit_code == 1
    assert f"{bad}:5: foo: unknown key" in r.stderr
    r = invoke(runner, "booklet", "--imposed", "--creep", "-1", "-o", tmp_path / "x.pdf")
    assert r.exit_code == 1 and "creep" in r.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_cli_writes_the_booklet(runner, tmp_path, tiny):
    out = tmp_path / "cli.pdf"
    r = invoke(runner, "booklet", tiny.source, "--layout", "letter-half", "-o", out)
    assert r.exit_code == 0, r.stderr
    assert "booklet" in r.stdout and out.exists()
    trim = [float(v) for v in pypdf.PdfReader(out).pages[0]["/TrimBox"]]
    assert (trim[2] - trim[0], trim[3] - trim[1]) == pytest.approx((396, 612))


def test_tiny_events_roomless_sessions_and_midnight(write_event, tmp_path):
    from conftest import MINIMAL

    text = MINIMAL + (
        "  - id: party\n    title: Night owls social\n    type: social\n"
        "    start: 2025-05-06 22:30\n    end: 2025-05-07 01:00\n"
    )
    problems = Problems()
    ev = load_event(write_event(text), problems)
    path = tmp_path / "mini.pdf"
    summary, _ = _build(ev, path, target="screen")
    pages = page_texts(path)
    assert len(pages) % 4 == 0 and "booklet" in summary
    book = booklet.plan_booklet(ev)
    grid = [p for p in book.pages if p.kind == "glance"]
    # the empty afternoon is left out: the morning and the night (past midnight) get a grid each
    spans = [(g.glance.start, g.glance.end) for g in grid]
    assert spans == [(9 * 60, 9 * 60 + 30), (22 * 60 + 30, 25 * 60)]
    assert "Night owls social" in " ".join(pages)
    assert "Ada Lovelace" in " ".join(pages)
