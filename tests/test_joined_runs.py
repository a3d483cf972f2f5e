"""A big single-file run drawn in chunks by workers and joined: same pages, text, boxes, fonts,
QR codes and outline as one press would make, and the same bytes for any number of jobs."""

from __future__ import annotations

import shutil
import subprocess

import pikepdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from conftest import MINIMAL, invoke
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from printkit.press import parallel
from printkit.press.join import nest_outline
from printkit.press.parallel import chunk_ranges

FIRST = ["Ana", "Bo", "Chen", "Dana", "Émile", "Fay", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lía"]
LAST = ["Adams", "Brown", "Clark", "Diaz", "Evans", "Fox", "Gray", "Hill", "Ito", "Jones"]
SMALL_CHUNK = 7  # pieces: a run of 40 badges becomes several chunks


def people(tmp_path, n=40):
    p = tmp_path / "people.csv"
    rows = ["name,organization,id,qr"]
    for i in range(n):
        name = "王秀英" if i == n - 3 else f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]} {i:02d}"
        rows.append(f"{name},Org {i % 5},T-{i:03d},https://tickets.example.org/t/{i:03d}")
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return p


@pytest.fixture
def inputs(tmp_path, write_event):
    return write_event(MINIMAL), people(tmp_path)


def render(runner, monkeypatch, tmp_path, event, csv, name, *extra, chunk=SMALL_CHUNK):
    monkeypatch.setattr(parallel, "CHUNK_MIN", chunk)
    out = tmp_path / name / "badges.pdf"
    r = invoke(runner, "badges", str(event), "--attendees", str(csv), "--offline",
               "-o", str(out), *extra)  # fmt: skip
    assert r.exit_code == 0, r.output
    assert not [p for p in out.parent.iterdir() if p.name != out.name]  # no chunk files left
    return out


def page_texts(pdf):
    return [p.extract_text() or "" for p in PdfReader(pdf).pages]


@pytest.mark.parametrize(
    "extra",
    [
        (),  # A6 shop, fronts and backs: one piece a page
        ("--sheet", "avery-5392", "--start-at", "3"),  # office labels, 6 a sheet, 2 used
    ],
)
def test_joined_run_has_the_pages_of_one_press_and_the_same_bytes_for_any_jobs(
    runner, monkeypatch, tmp_path, inputs, extra
):
    one_press = render(runner, monkeypatch, tmp_path, *inputs, "whole", *extra, chunk=10_000)
    j1 = render(runner, monkeypatch, tmp_path, *inputs, "j1", "--jobs", "1", *extra)
    j3 = render(runner, monkeypatch, tmp_path, *inputs, "j3", "--jobs", "3", *extra)
    assert j1.read_bytes() == j3.read_bytes()
    assert j1.read_bytes() != one_press.read_bytes()  # it really was joined from chunks
    assert page_texts(j1) == page_texts(one_press)  # every page, in order, same text
    with pikepdf.open(j1) as joined, pikepdf.open(one_press) as whole:
        assert len(joined.pages) == len(whole.pages)
        for a, b in zip(joined.pages, whole.pages, strict=True):
            for box in ("/MediaBox", "/TrimBox", "/BleedBox"):
                assert repr(a.obj.get(box)) == repr(b.obj.get(box))
        assert joined.Root.get("/OutputIntents") is not None or extra  # PDF/X on shop
        assert joined.check_pdf_syntax() == []  # qpdf finds no structural problem


def test_joined_fonts_are_embedded_and_no_two_subsets_share_a_name(runner, monkeypatch, tmp_path,
                                                                   inputs):  # fmt: skip
    out = render(runner, monkeypatch, tmp_path, *inputs, "fonts", "--front-only")
    by_name: dict[str, set] = {}
    with pikepdf.open(out) as pdf:
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                desc = font.get("/FontDescriptor")
                assert desc is not None and "/FontFile2" in desc, font.BaseFont
                by_name.setdefault(str(font.BaseFont), set()).add(desc.FontFile2.objgen)
    assert len(by_name) > 2  # several chunks, each with its own subsets
    assert all(len(files) == 1 for files in by_name.values()), by_name


def test_joined_qr_codes_decode_on_the_last_chunk(runner, monkeypatch, tmp_path, inputs):
    out = render(runner, monkeypatch, tmp_path, *inputs, "qr", "--front-only")
    doc = pdfium.PdfDocument(str(out))
    try:
        found = set()
        for i in (len(doc) - 2, len(doc) - 1):
            img = doc[i].render(scale=150 / 72).to_pil()
            found |= {r.text for r in zxingcpp.read_barcodes(img)}
    finally:
        doc.close()
    assert found and all(t.startswith("https://tickets.example.org/t/") for t in found)
    texts = page_texts(out)
    assert "王秀英" in "".join(texts[-4:]) or "王秀英" in "".join(texts)


def test_joined_screen_run_has_one_outline_entry_per_badge(runner, monkeypatch, tmp_path, inputs):
    out = render(runner, monkeypatch, tmp_path, *inputs, "screen", "--target", "screen",
                 "--front-only")  # fmt: skip
    with pikepdf.open(out) as pdf, pdf.open_outline() as outline:
        items = list(outline.root)
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        assert len(items) == len(pdf.pages) == 41  # the event's speaker and 40 attendees
        for i, item in enumerate(items):
            assert pages[item.destination[0].objgen] == i
        texts = page_texts(out)
        for item, text in zip(items, texts, strict=True):
            assert item.title.split()[0] in text


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not installed")
def test_ghostscript_reads_a_joined_file_without_complaint(runner, monkeypatch, tmp_path, inputs):
    out = render(runner, monkeypatch, tmp_path, *inputs, "gs", "--front-only")
    r = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", str(out)],
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 0 and "rror" not in r.stdout + r.stderr, r.stdout + r.stderr


@settings(max_examples=200, deadline=None)
@given(
    total=st.integers(1, 20_000),
    per_page=st.integers(1, 30),
    first_slot=st.integers(0, 29),
)
def test_chunk_ranges_cover_the_run_on_page_boundaries(total, per_page, first_slot):
    first_slot %= per_page
    found = chunk_ranges(total, per_page, first_slot)
    assert found[0].start == 0 and found[-1].stop == total
    assert all(a.stop == b.start and len(a) > 0 for a, b in zip(found, found[1:], strict=False))
    assert len(found) <= parallel.CHUNKS_MAX + 1
    if len(found) > 1:
        assert (len(found[0]) + first_slot) % per_page == 0  # later chunks start a fresh page
        assert all(len(r) % per_page == 0 for r in found[1:-1])
    else:
        assert total <= parallel.CHUNK_MIN or total <= len(found[0])


def test_outline_levels_never_jump_more_than_one():
    got = nest_outline([("a", 2, 0), ("b", 0, 1), ("c", 3, 2), ("d", 1, 3)])
    assert [level for _, level, _ in got] == [0, 0, 1, 1]


def many_sessions(n: int) -> str:
    """MINIMAL with `n` more sessions in two rooms (door signs and cue cards to spare)."""
    text = MINIMAL.replace("rooms:\n  - id: hall\n    name: Hall A\n",
                           "rooms:\n  - id: hall\n    name: Hall A\n  - id: lab\n    name: Lab B\n")  # fmt: skip
    for i in range(n):
        room = ("hall", "lab")[i % 2]
        h, m = divmod(10 * 60 + i * 10, 60)
        text += (
            f"  - id: s{i:03d}\n    title: Session number {i} on joined files\n    track: main\n"
            f"    room: {room}\n    start: 2025-05-06 {h:02d}:{m:02d}\n"
            f"    end: 2025-05-06 {h:02d}:{m + 9:02d}\n    speakers: [ada]\n"
            f"    host:\n      introduction: Please welcome our speaker for session {i}.\n"
        )
    return text


@pytest.mark.parametrize("product", ["signs", "cards"])
@pytest.mark.parametrize("target", ["shop", "office"])
def test_signs_and_cards_join_the_same_pages_for_any_jobs(runner, monkeypatch, tmp_path,
                                                          write_event, product, target):  # fmt: skip
    event = write_event(many_sessions(30))

    def run(name, chunk, *extra):
        monkeypatch.setattr(parallel, "CHUNK_MIN", chunk)
        out = tmp_path / name / f"{product}.pdf"
        r = invoke(runner, product, str(event), "--target", target, "-o", str(out), *extra)
        assert r.exit_code == 0, r.output
        assert [p.name for p in out.parent.iterdir()] == [out.name]
        return out

    whole = run("whole", 10_000)
    j1 = run("j1", 5, "--jobs", "1")
    j2 = run("j2", 5, "--jobs", "2")
    assert j1.read_bytes() == j2.read_bytes() != whole.read_bytes()
    assert page_texts(j1) == page_texts(whole)
    with pikepdf.open(j1) as joined, pikepdf.open(whole) as one, joined.open_outline() as a, \
            one.open_outline() as b:  # fmt: skip
        assert [i.title for i in a.root] == [i.title for i in b.root]
        assert len(joined.pages) == len(one.pages) > 5


def test_progress_bar_only_when_asked_or_on_a_terminal(capsys):
    from printkit.cli_options import progress_bar

    with progress_bar("signs", 500, 200) as bar:  # stderr is not a terminal here
        assert bar is None
    with progress_bar("signs", 500, 200, show=True) as bar:
        assert bar.length == 500
        bar.update(500)
    assert "signs" in capsys.readouterr().err  # click draws the bar itself only on a terminal


def test_a_piped_run_prints_only_its_summary(tmp_path, write_event):
    import sys

    event = write_event(many_sessions(4))
    r = subprocess.run([sys.executable, "-m", "printkit", "signs", str(event), "-o",
                        str(tmp_path / "s.pdf")], capture_output=True, text=True)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stderr == "" and r.stdout.count("\n") == 1, (r.stdout, r.stderr)


@pytest.mark.parametrize("extra", [(), ("--imposed",), ("--target", "screen")])
def test_booklet_pages_drawn_in_chunks_join_to_the_same_booklet(runner, monkeypatch, tmp_path,
                                                                write_event, extra):  # fmt: skip
    event = write_event(many_sessions(30))

    def run(name, chunk, *more):
        monkeypatch.setattr(parallel, "CHUNK_MIN", chunk)
        out = tmp_path / name / "booklet.pdf"
        r = invoke(runner, "booklet", str(event), "-o", str(out), *extra, *more)
        assert r.exit_code == 0, r.output
        assert [p.name for p in out.parent.iterdir()] == [out.name]
        return out

    whole = run("whole", 10_000)
    j1, j2 = run("j1", 3, "--jobs", "1"), run("j2", 3, "--jobs", "2")
    assert j1.read_bytes() == j2.read_bytes()
    assert page_texts(j1) == page_texts(whole)
    if extra == ("--target", "screen"):  # pages link to each other: always one document
        assert j1.read_bytes() == whole.read_bytes()
        return
    assert j1.read_bytes() != whole.read_bytes()
    with pikepdf.open(j1) as joined, pikepdf.open(whole) as one, joined.open_outline() as a, \
            one.open_outline() as b:  # fmt: skip

        def flat(items, depth=0):
            found = []
            for item in items:
                found += [(depth, item.title), *flat(item.children, depth + 1)]
            return found

        assert flat(a.root) == flat(b.root)
        assert len(flat(a.root)) > 3 or extra == ("--imposed",)  # spreads carry no outline
        assert len(joined.pages) == len(one.pages)


def test_jobs_1_also_keeps_the_event_file_in_one_parse(monkeypatch, write_event):
    from printkit import yamlsplit
    from printkit.cli_options import load
    from printkit.errors import Problems

    monkeypatch.setattr(yamlsplit, "JOBS", None)
    load(write_event(MINIMAL), Problems(), jobs=1)
    assert yamlsplit.chunk_count(50 * yamlsplit.MIN_SPLIT_CHARS) == 1
    monkeypatch.setattr(yamlsplit, "JOBS", 3)
    assert yamlsplit.chunk_count(50 * yamlsplit.MIN_SPLIT_CHARS) > 1
