"""Real schedule exports → import → badges, signs, cards, booklet: the PDFs carry the data and pass the shop check.

Each file in ../shared/realdata is imported once (module fixture), then every product
is rendered in-process with PRINTKIT_OFFLINE=1. FOSDEM's door signs and badges are
rendered for a sample (--room/--day, --only); its booklet and room signs run on the
whole event. Skipped when ../shared/realdata is absent.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2
import pytest
from click.testing import CliRunner

from printkit.check import check_pdf, judge
from printkit.cli import cli
from printkit.errors import Problems
from printkit.importers.cli import run_import
from printkit.importers.options import ImportOptions
from printkit.load import load_event
from printkit.model import Event

REAL = Path(__file__).resolve().parents[2] / "shared" / "realdata"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="shared/realdata not available")

# file → (format, import options, rooms whose door signs are rendered (None: all), days (None: all),
#         badge sample size (None: everyone))
CASES = {
    "fosdem-2026-schedule.xml": ("frab-xml", {}, ("janson", "k-1-105-la-fontaine", "ua2-220-guillissen"), 1, 40),
    "38c3-schedule.xml": ("frab-xml", {}, ("chill-floor", "saal-1", "klimathematik-augsburg-table", "art-play-bus-stage-h"), None, 60),
    "good2025-pretalx-schedule.json": ("schedule-json", {}, None, None, None),
    "scottishsummit2026-sessionize-all.json": (
        "sessionize", {"event_name": "Scottish Summit 2026", "timezone": "Europe/London"}, None, None, None,
    ),
    "gosim-paris2025-schedule.json": (
        "gosim", {"event_name": "GOSIM AI Paris 2025", "timezone": "Europe/Paris", "year": 2025},
        None, None, None,
    ),
}  # fmt: skip
TITLE_SAMPLE = 20
NAME_SAMPLE = 20

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "−": "-"})


def squash(text: str) -> str:
    """Text → comparable form: no whitespace, hyphens, ellipses, format or symbol characters.

    pdfium marks a line-end hyphen as U+FFFE (a noncharacter, category Cn).
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    keep = []
    for ch in text:
        cat = unicodedata.category(ch)
        if (
            ch.isspace()
            or ch in "-‐‑\xad…"
            or cat in ("Cc", "Cf", "Cn", "So", "Sk", "Mn", "Cs", "Co")
        ):
            continue
        keep.append(ch)
    return "".join(keep).casefold()


def odd_script(text: str) -> bool:
    """True for text with emoji, CJK, Cyrillic or other non-Latin letters."""
    return any(ord(ch) > 0x24F and not 0x2000 <= ord(ch) <= 0x206F for ch in text)


@dataclass
class Product:
    pdf: Path
    stdout: str
    stderr: str
    pages: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


@dataclass
class Rendered:
    name: str
    event: Event
    door_rooms: list[str]
    days: list
    speakers: list
    products: dict[str, Product]


def page_texts(pdf: Path) -> list[str]:
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def render(runner: CliRunner, product: str, event_dir: Path, pdf: Path, *args: str) -> Product:
    result = runner.invoke(cli, [product, str(event_dir), "-o", str(pdf), "--offline", *args])
    assert result.exit_code == 0, (product, result.stdout, result.stderr, result.exception)
    return Product(pdf, result.stdout, result.stderr, page_texts(pdf))


def sample_speakers(event: Event, size: int | None) -> list:
    """Speakers with sessions; with a size, the odd names, the longest and a seeded sample."""
    people = [p for p in event.speakers if event.sessions_of(p.id)]
    if size is None or size >= len(people):
        return people
    odd = [p for p in people if odd_script(p.name) or not p.name.isascii()][: size // 4]
    longest = max(people, key=lambda p: len(p.name))
    rest = [p for p in people if p not in odd and p is not longest]
    return [longest, *odd, *random.Random(6).sample(rest, size - 1 - len(odd))]


@pytest.fixture(scope="module", params=list(CASES), ids=lambda n: n.split("-")[0])
def rendered(request, tmp_path_factory):
    """Import one real file and render every product from it (once per file)."""
    name = request.param
    fmt, opts, door_rooms, n_days, n_badges = CASES[name]
    base = tmp_path_factory.mktemp(name.split(".")[0])
    target, _data, _report = run_import(
        fmt, str(REAL / name), output=base / "event", options=ImportOptions(**opts)
    )
    problems = Problems()
    event = load_event(target, problems)
    assert not problems.errors
    runner = CliRunner()
    days = list(event.days)[: n_days or None]
    rooms = list(door_rooms) if door_rooms else [r.id for r in event.rooms]
    speakers = sample_speakers(event, n_badges)
    out = {
        "booklet": render(runner, "booklet", target, base / "booklet.pdf"),
        "cards": render(runner, "cards", target, base / "cards.pdf"),
        "room-signs": render(runner, "signs", target, base / "room.pdf", "--kind", "room"),
    }
    door_args = ["--kind", "door"]
    if door_rooms:
        door_args += [a for r in door_rooms for a in ("--room", r)]
    if n_days:
        door_args += [a for d in days for a in ("--day", f"{d:%Y-%m-%d}")]
    out["door-signs"] = render(runner, "signs", target, base / "door.pdf", *door_args)
    only = [a for p in speakers for a in ("--only", p.id)] if n_badges else []
    out["badges"] = render(runner, "badges", target, base / "badges.pdf", *only)
    return Rendered(name, event, rooms, days, speakers, out)


def test_no_product_reports_an_error(rendered):
    for product in rendered.products.values():
        lines = (product.stdout + product.stderr).splitlines()
        assert not [ln for ln in lines if re.search(r"\berror\b|Traceback", ln, re.I)], product.pdf


def test_booklet_is_saddle_stitchable_and_holds_every_day(rendered):
    pages = rendered.products["booklet"].pages
    assert len(pages) % 4 == 0
    assert len(pages) >= 8
    text = squash(rendered.products["booklet"].text)
    for room in rendered.event.rooms:
        if any(s.room == room.id for s in rendered.event.sessions):
            assert squash(room.name) in text, room.name


def sample_titles(event: Event) -> list[str]:
    """The longest title, titles in other scripts or with emoji, then a seeded sample: 20 titles."""
    titles = sorted({s.title for s in event.sessions})
    longest = max(titles, key=len)
    odd = [t for t in titles if odd_script(t) and t != longest][:6]
    rest = [t for t in titles if t != longest and t not in odd]
    picked = [longest, *odd]
    return picked + random.Random(6).sample(rest, min(len(rest), TITLE_SAMPLE - len(picked)))


def test_booklet_holds_sampled_titles_in_full(rendered):
    text = squash(rendered.products["booklet"].text)
    titles = sample_titles(rendered.event)
    assert len(titles) == min(TITLE_SAMPLE, len({s.title for s in rendered.event.sessions}))
    missing = [t for t in titles if squash(t) not in text]
    assert not missing


def test_room_signs_one_or_more_pages_per_room_and_day_and_name_every_room(rendered):
    ev = rendered.event
    pairs = {(s.room, s.day) for s in ev.sessions if s.room}
    product = rendered.products["room-signs"]
    assert len(product.pages) >= len(pairs)
    assert len(product.pages) <= 4 * len(pairs)
    text = squash(product.text)
    used = {room for room, _day in pairs}
    missing = [r.name for r in ev.rooms if r.id in used and squash(r.name) not in text]
    assert not missing


def test_room_sign_titles_whole_or_shortened(rendered):
    """A session title on its room sign: whole, or a prefix cut with an ellipsis."""
    ev = rendered.event
    product = rendered.products["room-signs"]
    text = squash(product.text)
    raw = product.text
    for title in sample_titles(ev):
        if squash(title) in text:
            continue
        words = title.split()
        head = squash(" ".join(words[: max(1, min(3, len(words) - 1))]))
        assert head in text and "…" in raw, title


def test_door_signs_one_per_session(rendered):
    ev = rendered.event
    rooms, days = set(rendered.door_rooms), set(rendered.days)
    sessions = [s for s in ev.sessions if s.room in rooms and s.day in days and s.type != "break"]
    product = rendered.products["door-signs"]
    assert len(product.pages) == len(sessions)
    text = squash(product.text)
    for room in ev.rooms:
        if room.id in rooms and any(s.room == room.id for s in sessions):
            assert squash(room.name) in text, room.name
    heads = [squash(" ".join(s.title.split()[:2])) for s in sessions]
    assert sum(h in text for h in heads) == len(heads)


def test_badges_name_every_sampled_speaker(rendered):
    product = rendered.products["badges"]
    speakers = rendered.speakers
    assert len(product.pages) == 2 * len(speakers)  # front and back
    text = squash(product.text)
    names = speakers if len(speakers) <= NAME_SAMPLE else speakers[:NAME_SAMPLE]
    missing = [p.name for p in names if squash(p.name) not in text]
    assert not missing


def test_cards_one_per_spoken_session(rendered):
    from printkit.products.cards.plan import cue_sessions

    expected = cue_sessions(rendered.event)
    product = rendered.products["cards"]
    assert len(expected) <= len(product.pages) <= 2 * len(expected)
    if expected:
        text = squash(product.text)
        sample = random.Random(6).sample(expected, min(10, len(expected)))
        assert all(squash(" ".join(s.title.split()[:3])) in text for s in sample)


@pytest.mark.parametrize("product", ["booklet", "room-signs", "door-signs", "badges", "cards"])
def test_shop_check_passes(rendered, product):
    pdf = rendered.products[product].pdf
    report = check_pdf(pdf, qr=False)
    findings = judge(report, "shop")
    assert not [str(f) for f in findings if f.level == "FAIL"]
    assert report.page_count == len(rendered.products[product].pages)


def test_emoji_in_titles_extract_as_emoji(rendered):
    titles = [s.title for s in rendered.event.sessions if any(ord(c) > 0xFFFF for c in s.title)]
    if not titles:
        pytest.skip("no emoji titles in this file")
    emoji = {c for t in titles for c in t if ord(c) > 0xFFFF and unicodedata.category(c) == "So"}
    assert emoji <= set(rendered.products["booklet"].text)


@pytest.mark.parametrize("product", ["booklet", "room-signs", "door-signs"])
def test_no_word_cut_bare_no_text_over_text_nothing_near_the_trim(rendered, product):
    """Issue 12, read back from the PDF: line-end fragments against the source words, glyph
    boxes against each other and against the trim's 3 mm safe zone."""
    from typeset_audit import audit, source_words

    pdf = rendered.products[product].pdf
    found = audit(pdf, source_words(pdf.parent / "event"))
    assert found == {"bare cut": [], "overlap": [], "trim": []}
    if product == "booklet":
        from typeset_audit import index_column_faults

        from printkit.products.booklet.layout import load_booklet_layout

        assert index_column_faults(pdf, load_booklet_layout("a5")) == []
