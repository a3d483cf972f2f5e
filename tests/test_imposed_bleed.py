"""booklet --imposed: every outer edge of every spread keeps the page's bleed (with creep), and crop marks.

Checked on a raster from pdfium and from Ghostscript: along each outer edge
the pixel just inside the trim and the pixel at the bleed edge match.
"""

from __future__ import annotations

import io

import pikepdf
import pytest
from raster import GS, RENDERERS
from reportlab.pdfgen import canvas

from printkit import saddle
from printkit.errors import Problems
from printkit.load import load_event
from printkit.press.spreads import impose_spreads
from printkit.products.booklet import command as booklet
from printkit.resources import sample_event_dir
from printkit.units import MM

DPI = 72
BLEED = 3 * MM


def _edge_pairs(trim, bleed, shift_left=0.0, shift_right=0.0, step=12.0):
    """(inside-trim point, bleed-edge point) pairs along the outer edges of a spread, in PDF points."""
    x0, y0, x1, y1 = trim
    inset, out = 1.5, bleed - 1.0  # 1.5 pt inside the trim; 1 pt inside the bleed box
    pairs = []
    for i in range(1, int((y1 - y0) / step)):
        y = y0 + i * step
        lx, rx = x0 + shift_left, x1 - shift_right  # where the fore-edge cut falls
        pairs.append(((lx + inset, y), (lx - out, y)))
        pairs.append(((rx - inset, y), (rx + out, y)))
    for i in range(1, int((x1 - x0) / step)):
        x = x0 + i * step
        pairs.append(((x, y0 + inset), (x, y0 - out)))
        pairs.append(((x, y1 - inset), (x, y1 + out)))
    return pairs


def _mismatches(img, height_pt, pairs, tol=24):
    def px(p):
        x, y = p
        return img.getpixel((int(x * DPI / 72), int((height_pt - y) * DPI / 72)))

    bad = []
    for a, b in pairs:
        pa, pb = px(a), px(b)
        if max(abs(u - v) for u, v in zip(pa, pb, strict=True)) > tol:
            bad.append((a, b, pa, pb))
    return bad


@pytest.fixture(scope="module")
def imposed_sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("imp") / "imposed.pdf"
    event = load_event(sample_event_dir())
    booklet.build(event, out, problems=Problems(), imposed=True, creep=1.0, offline=True)
    return out


@pytest.mark.parametrize("renderer", ["pdfium", "gs"])
def test_cover_spread_bleeds_on_every_outer_edge(imposed_sample, renderer):
    if renderer == "gs" and GS is None:
        pytest.skip("Ghostscript (gs) is not installed")
    with pikepdf.open(imposed_sample) as pdf:
        page = pdf.pages[0]
        trim = [float(v) for v in page.TrimBox]
        bleed = [float(v) for v in page.BleedBox]
        height = float(page.mediabox[3])
    assert trim[0] - bleed[0] == pytest.approx(BLEED, abs=0.01)
    img = RENDERERS[renderer](imposed_sample, 0, DPI)
    pairs = _edge_pairs(trim, BLEED)
    assert len(pairs) > 100
    # the cover is a full-bleed navy page: the samples are not all white
    assert (
        sum(img.getpixel((int(x), int(height - y))) != (255, 255, 255) for (x, y), _ in pairs) > 80
    )
    bad = _mismatches(img, height, pairs)
    # a shape edge crossing the trim at an angle may differ at a sample or two; a lost bleed, at most
    assert len(bad) <= len(pairs) // 50, (
        f"{len(bad)} of {len(pairs)} edge samples differ, first {bad[:3]}"
    )


def _full_bleed_pages(n, w, h, b):
    """n pages of size w x h, each a different full-bleed colour with TrimBox/BleedBox."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(w + 2 * b, h + 2 * b))
    for i in range(n):
        c.setFillColorRGB(0.1 + 0.2 * (i % 4), 0.3, 0.9 - 0.2 * (i % 4))
        c.rect(0, 0, w + 2 * b, h + 2 * b, stroke=0, fill=1)
        c.setTrimBox((b, b, b + w, b + h))
        c.setBleedBox((0, 0, w + 2 * b, h + 2 * b))
        c.showPage()
    c.save()
    return buf.getvalue()


def test_every_sheet_bleeds_with_creep_and_has_crop_marks(tmp_path):
    w, h, creep = 100 * MM, 140 * MM, 2 * MM
    plan = saddle.plan(12, creep)
    data = impose_spreads(_full_bleed_pages(12, w, h, BLEED), plan, (w, h), bleed=BLEED, marks=True)
    path = tmp_path / "spreads.pdf"
    path.write_bytes(data)
    with pikepdf.open(path) as pdf:
        boxes = [[float(v) for v in p.TrimBox] for p in pdf.pages]
        height = float(pdf.pages[0].mediabox[3])
        contents = [p.Contents.read_bytes() for p in pdf.pages]
    for i, (side, shift) in enumerate(saddle.sides(plan)):
        img = RENDERERS["pdfium"](path, i, DPI)
        pairs = _edge_pairs(boxes[i], BLEED, shift, shift)
        bad = _mismatches(img, height, pairs)
        assert not bad, (i, side, shift, bad[:3])
        assert contents[i].count(b" l") >= 10, "8 crop marks and 2 fold marks per spread"
        assert b"/Reg CS" in contents[i]
