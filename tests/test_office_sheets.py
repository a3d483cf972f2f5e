"""Office sheets: art inside the printer's printable area, a gutter holding a little bleed between
pieces on plain paper, none on die-cut labels (checked on a pdfium raster)."""

from __future__ import annotations

import pytest
from raster import render_pdfium

from printkit.errors import Problems
from printkit.layout import load_sheet
from printkit.press.page import Press
from printkit.units import MM

CARD = (85 * MM, 55 * MM)
NAVY = "#1D3A5F"
DPI = 144


def _full_bleed(s) -> None:
    s.bleed_rect(0, 0, s.width, s.height, NAVY)


def _sheet_pdf(tmp_path, sheet: str, trim=CARD, n=4):
    path = tmp_path / f"{sheet}.pdf"
    with Press(path, trim, "office", title="t", problems=Problems(),
               sheet=load_sheet(sheet)) as press:  # fmt: skip
        for _ in range(n):
            press.add(_full_bleed)
        slots = press.slots
    return path, slots


def _px(img, sheet_h, x, y):
    px = min(img.width - 1, max(0, round(x * DPI / 72)))
    py = min(img.height - 1, max(0, round((sheet_h - y) * DPI / 72)))
    return img.getpixel((px, py))


def _dark(p) -> bool:
    return max(p) < 120


@pytest.mark.parametrize("sheet", ["a4", "letter", "a4-4up-a6"])
def test_art_stays_inside_the_printable_area(tmp_path, sheet):
    trim = (105 * MM, 148 * MM) if sheet == "a4-4up-a6" else CARD
    path, slots = _sheet_pdf(tmp_path, sheet, trim)
    s = load_sheet(sheet)
    w, h = s.size()
    img = render_pdfium(path, 0, DPI)
    inset = s.printable_margin - 0.5 * MM
    edge = [(x, y) for x in range(0, int(w), 6) for y in (1.0, inset, h - inset, h - 1)]
    edge += [(x, y) for y in range(0, int(h), 6) for x in (1.0, inset, w - inset, w - 1)]
    assert not [p for p in edge if _dark(_px(img, h, *p))]
    inside = [(sl.x + sl.w / 2, sl.y + sl.h / 2) for sl in slots[:4]]  # the 4 pieces drawn
    assert all(_dark(_px(img, h, *p)) for p in inside)  # the art itself is there


def test_plain_paper_gutter_holds_each_pieces_bleed(tmp_path):
    path, slots = _sheet_pdf(tmp_path, "a4", n=10)
    s = load_sheet("a4")
    h = s.size()[1]
    img = render_pdfium(path, 0, DPI)
    assert len(slots) == 10
    gaps = sorted({round(b.y - (a.y + a.h), 2) for a, b in zip(slots[2:], slots, strict=False)})
    assert gaps[-1] >= 2 * s.bleed - 0.01  # neighbours at least two bleeds apart
    checked = 0
    for sl in slots:
        cx, cy = sl.x + sl.w / 2, sl.y + sl.h / 2
        # 1 mm past every edge facing the gutter (a cut that far off) shows the piece's colour
        for p in ((sl.x - MM, cy), (sl.x + sl.w + MM, cy), (cx, sl.y - MM), (cx, sl.y + sl.h + MM)):
            x0, y0, x1, y1 = s.printable()
            if x0 < p[0] < x1 and y0 < p[1] < y1:
                assert _dark(_px(img, h, *p)), (sl, p)
                checked += 1
    assert checked >= 10


def test_die_cut_labels_get_no_bleed(tmp_path):
    path, slots = _sheet_pdf(tmp_path, "avery-l7418", n=8)
    s = load_sheet("avery-l7418")
    assert s.die_cut and s.cut_bleed == 0
    h = s.size()[1]
    img = render_pdfium(path, 0, DPI)
    for sl in slots:
        cx, cy = sl.x + sl.w / 2, sl.y + sl.h / 2
        assert _dark(_px(img, h, cx, cy))
        assert not _dark(_px(img, h, sl.x - MM, cy)) and not _dark(_px(img, h, cx, sl.y - MM))


# -- pieces that touch: art stays clear of the cut lines they share -----------------------------

CUT_DPI = 300


@pytest.fixture(scope="module")
def a6_badges(tmp_path_factory):
    """`printkit badges --target office --sheet a4-4up-a6` of the sample (fronts, then backs)."""
    from click.testing import CliRunner
    from conftest import invoke

    from printkit.resources import sample_event_dir

    out = tmp_path_factory.mktemp("a6") / "badges.pdf"
    res = invoke(CliRunner(), "badges", sample_event_dir(), "--target", "office",
                 "--sheet", "a4-4up-a6", "--offline", "-o", out)  # fmt: skip
    assert res.exit_code == 0, res.output
    return out


def _shared_lines(slots):
    """The cut lines two touching pieces share: ("x", x) vertical, ("y", y) horizontal."""
    lines = set()
    for a in slots:
        for b in slots:
            if abs(a.x + a.w - b.x) < 0.01 and abs(a.y - b.y) < 0.01:
                lines.add(("x", round(a.x + a.w, 3)))
            if abs(a.y + a.h - b.y) < 0.01 and abs(a.x - b.x) < 0.01:
                lines.add(("y", round(a.y + a.h, 3)))
    return sorted(lines)


def _coloured(p) -> bool:
    return max(p) - min(p) > 30 or max(p) < 150


def _across(img, sheet, line, offsets):
    """Pixels at each offset (points) across a shared cut line, all along it in the printable area."""
    w, h = sheet.size()
    axis, at = line
    x0, y0, x1, y1 = sheet.printable()
    lo, hi = (y0, y1) if axis == "x" else (x0, x1)
    step = 72 / CUT_DPI
    out = {d: [] for d in offsets}
    t = lo + step
    while t < hi - step:
        for d in offsets:
            x, y = (at + d, t) if axis == "x" else (t, at + d)
            px = round(x * CUT_DPI / 72 - 0.5)
            py = round((h - y) * CUT_DPI / 72 - 0.5)
            out[d].append(img.getpixel((px, py)))
        t += step
    return out


@pytest.mark.parametrize(("renderer", "page"), [("pdfium", 0), ("pdfium", 1), ("gs", 0)])
def test_touching_a6_pieces_leave_white_within_1mm_of_each_shared_cut(a6_badges, renderer, page):
    from raster import GS, RENDERERS

    if renderer == "gs" and GS is None:
        pytest.skip("Ghostscript (gs) is not installed")
    sheet = load_sheet("a4-4up-a6")
    assert sheet.shared_cut_clearance == pytest.approx(1 * MM)
    lines = _shared_lines(sheet.slots(105 * MM, 148 * MM))
    assert [a for a, _ in lines] == ["x", "y"]  # one vertical and one horizontal shared cut
    img = RENDERERS[renderer](a6_badges, page, CUT_DPI)
    px = 72 / CUT_DPI
    near = [k * px for k in range(-int(MM / px) + 1, int(MM / px))]  # |d| < 1 mm, whole pixels
    for line in lines:
        got = _across(img, sheet, line, [*near, -1.6 * MM, 1.6 * MM])
        for d in near:
            # paper white, or the light grey of a cut guide (this line, or the one crossing it):
            # neutral and light, never a colour nor a tint of one
            bad = [p for p in got[d] if max(p) - min(p) > 6 or min(p) < 170]
            assert not bad, (renderer, page, line, round(d / MM, 2), bad[:3])
        for d in (-1.6 * MM, 1.6 * MM):  # the colour bands run up to the clearance: the test bites
            assert sum(_coloured(p) for p in got[d]) > 40 * MM / px, (line, d)


def test_cut_clearance_setting(tmp_path):
    from printkit.layout import Sheet

    assert Sheet().shared_cut_clearance == pytest.approx(1 * MM)  # unset: 1 mm where pieces touch
    assert Sheet(cut_clearance=0.0).shared_cut_clearance == 0  # a sheet may say none
    assert Sheet(die_cut=True).shared_cut_clearance == 0  # the die cuts labels: nothing to clear
    with pytest.raises(ValueError, match="cut_clearance"):
        Sheet(cut_clearance=-1.0)
    yaml = tmp_path / "s.yaml"
    yaml.write_text("name: s\npaper: A4\ncut_clearance: 2mm\n", encoding="utf-8")
    assert load_sheet(yaml).shared_cut_clearance == pytest.approx(2 * MM)


@pytest.mark.parametrize("name", ["a5", "a6"])
def test_office_cards_tile_the_sheet_without_running_off_it(name):
    """Cards that tile the paper touch (no gutter), stay on the sheet, and clear their shared cuts."""
    from printkit import impose
    from printkit.products.cards.layout import load_card_layout

    lay = load_card_layout(name)
    sheet = lay.office_sheet
    w, h = sheet.size()
    slots = sheet.slots(*lay.size)
    assert len(slots) == {"a5": 2, "a6": 4}[name]
    assert all(s.x >= -0.01 and s.y >= -0.01 and s.x + s.w <= w + 0.01 and s.y + s.h <= h + 0.01
               for s in slots)  # fmt: skip
    assert all(impose.shared_edges(slots))  # every card shares a cut with a neighbour
    assert all(clip is not None for clip in impose.art_clips(slots, sheet.shared_cut_clearance))
