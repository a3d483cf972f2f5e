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
