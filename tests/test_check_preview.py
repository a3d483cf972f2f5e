"""Preflight (`printkit check`) findings and page previews on small ReportLab PDFs."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
import qrcode
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from printkit import check
from printkit.check import (
    bleed_mm,
    check_pdf,
    default_target,
    effective_ppi,
    judge,
    multiply,
)
from printkit.errors import PrintkitError
from printkit.press import fonts
from printkit.press.pdfx import finish_pdfx
from printkit.preview import parse_pages, render_pages

W, H, BLEED, MARGIN = 105 * mm, 148 * mm, 3 * mm, 10 * mm
QR_TEXT = "https://example.org/talk/42"


def _font() -> str:
    """The bundled Noto Sans, registered the way products register it."""
    fonts.register_fonts()
    return fonts.REGULAR


def draw_qr(c: canvas.Canvas, x: float, y: float, size: float, payload: str) -> None:
    """A QR code as vector squares from qrcode's matrix, with a 4-module quiet zone."""
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    n = len(matrix)
    module = size / (n + 8)
    c.setFillColorCMYK(0, 0, 0, 0)
    c.rect(x, y, size, size, fill=1, stroke=0)
    c.setFillColorCMYK(0, 0, 0, 1)
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            if dark:
                left, top = x + (col + 4) * module, y + size - (row + 5) * module
                c.rect(left, top, module, module, stroke=0, fill=1)


def make_pdf(
    path: Path,
    *,
    boxes: bool = True,
    rgb: bool = False,
    helvetica: bool = False,
    qr: bool = False,
    image_px: int | None = None,
    edge_text: bool = False,
    pages: int = 1,
    finish: bool = True,
    bleed: float = BLEED,
) -> Path:
    """A tiny A6 shop piece; each flag adds one thing a preflight should notice."""
    extra = {}
    if boxes:
        extra = {
            "trimBox": (MARGIN, MARGIN, MARGIN + W, MARGIN + H),
            "bleedBox": (MARGIN - bleed, MARGIN - bleed, MARGIN + W + bleed, MARGIN + H + bleed),
        }
    buf = io.BytesIO()
    c = canvas.Canvas(
        buf,
        pagesize=(W + 2 * MARGIN, H + 2 * MARGIN),
        invariant=1,
        initialFontName=_font(),
        **extra,
    )
    for _ in range(pages):
        c.setFillColorCMYK(0.9, 0.6, 0, 0)
        c.rect(MARGIN - BLEED, MARGIN - BLEED, W + 2 * BLEED, 30 * mm, fill=1, stroke=0)
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFont(_font(), 20)
        c.drawString(MARGIN + 15 * mm, MARGIN + H / 2, "Ada Lovelace")
        if rgb:
            c.setFillColorRGB(1, 0, 0)
            c.rect(MARGIN + 10 * mm, MARGIN + 40 * mm, 20 * mm, 10 * mm, fill=1, stroke=0)
        if helvetica:
            c.setFont("Helvetica", 10)
            c.drawString(MARGIN + 15 * mm, MARGIN + 60 * mm, "Plain Helvetica")
        if qr:
            draw_qr(c, MARGIN + 40 * mm, MARGIN + 95 * mm, 25 * mm, QR_TEXT)
        if image_px:
            img = Image.new("CMYK", (image_px, image_px), (0, 100, 200, 0))
            # one inch square, placed through a translate and a scale
            c.saveState()
            c.translate(MARGIN + 60 * mm, MARGIN + 35 * mm)
            c.scale(0.5, 0.5)
            c.drawImage(ImageReader(img), 0, 0, 144, 144)
            c.restoreState()
        if edge_text:
            c.setFont(_font(), 9)
            c.drawString(MARGIN + 1 * mm, MARGIN + 70 * mm, "Too close")
        c.showPage()
    c.save()
    data = buf.getvalue()
    if finish and boxes:
        data = finish_pdfx(data, title="test")
    path.write_bytes(data)
    return path


def levels(report, target: str | None = None) -> dict[str, str]:
    return {f.topic: f.level for f in judge(report, target or default_target(report))}


def test_no_bleed_fails_a_shop_file_and_thin_bleed_warns(tmp_path):
    none = check_pdf(make_pdf(tmp_path / "none.pdf", bleed=0), qr=False)
    assert "FAIL" in {f.level for f in judge(none, "shop") if f.topic == "bleed"}
    thin = check_pdf(make_pdf(tmp_path / "thin.pdf", bleed=1 * mm), qr=False)
    assert {f.level for f in judge(thin, "shop") if f.topic == "bleed"} == {"WARN"}


# ---------------------------------------------------------------- pure parts


def test_bleed_per_side_in_mm():
    trim = (10.0, 20.0, 110.0, 220.0)
    bleed = (10.0 - 3 * mm, 20.0 - 2 * mm, 110.0 + 3 * mm, 220.0 + 1 * mm)
    assert [round(v, 6) for v in bleed_mm(trim, bleed)] == [3.0, 2.0, 3.0, 1.0]


@given(
    px=st.integers(1, 5000),
    size_pt=st.floats(1, 2000),
    angle=st.floats(0, 2 * math.pi),
    dx=st.floats(-500, 500),
)
def test_effective_ppi_ignores_rotation_and_translation(px, size_pt, angle, dx):
    cos, sin = math.cos(angle), math.sin(angle)
    placed = multiply((size_pt, 0, 0, size_pt, 0, 0), (cos, sin, -sin, cos, dx, -dx))
    assert effective_ppi(px, px, placed) == pytest.approx(px * 72 / size_pt)


def test_multiply_applies_left_matrix_first():
    scale, move = (2, 0, 0, 2, 0, 0), (1, 0, 0, 1, 10, 0)
    # scale then translate: the translation is not scaled
    assert multiply(scale, move) == (2, 0, 0, 2, 10, 0)
    assert multiply(move, scale) == (2, 0, 0, 2, 20, 0)


def test_report_lists_few_qr_codes_and_summarizes_many():
    pages = [check.PageBoxes(n, (0, 0, 100, 100), None, None) for n in range(1, 14)]
    codes = [check.QRFact(n, f"code {n}", "QRCode") for n in range(1, 13)]
    report = check.CheckReport(Path("x.pdf"), pages, [], {}, [], None, None, codes, [])
    text = check.format_report(report, "office", judge(report, "office"))
    assert "QR page 10: 'code 10'" in text and "code 11" not in text
    assert "12 QR codes decoded on 12 page(s); none on page 13" in text


def test_parse_pages():
    assert parse_pages("1-3,5", 10) == [1, 2, 3, 5]
    assert parse_pages("all", 4) == [1, 2, 3, 4]
    assert parse_pages(None, 2) == [1, 2]
    assert parse_pages("3-", 5) == [3, 4, 5]
    assert parse_pages("2-9", 3) == [2, 3]
    for bad in ("x", "3-1", "0", "1,,2"):
        with pytest.raises(ValueError):
            parse_pages(bad, 5)


# ---------------------------------------------------------------- check_pdf


def test_clean_shop_file_passes_and_its_qr_decodes(tmp_path):
    report = check_pdf(make_pdf(tmp_path / "good.pdf", qr=True))
    assert default_target(report) == "shop"
    found = levels(report)
    assert set(found.values()) == {"PASS"}, judge(report, "shop")
    assert {"boxes", "fonts", "colour", "output intent", "bleed"} <= set(found)
    assert [q.text for q in report.qr_codes] == [QR_TEXT]
    assert report.output_intent == "FOGRA39"
    (page,) = report.pages
    assert [round(v, 2) for v in bleed_mm(page.trim, page.bleed)] == [3.0] * 4


def test_rgb_fill_fails_shop_rules_only(tmp_path):
    report = check_pdf(make_pdf(tmp_path / "rgb.pdf", rgb=True))
    assert "DeviceRGB" in report.colours
    assert levels(report, "shop")["colour"] == "FAIL"
    assert "colour" not in levels(report, "screen")


def test_unembedded_helvetica_fails(tmp_path):
    report = check_pdf(make_pdf(tmp_path / "helv.pdf", helvetica=True))
    fonts = {f.name: f.embedded for f in report.fonts}
    assert fonts["Helvetica"] is False
    assert any(embedded for name, embedded in fonts.items() if "NotoSans" in name)
    assert levels(report, "office")["fonts"] == "FAIL"


def test_missing_trim_box_fails_shop_and_defaults_to_office(tmp_path):
    report = check_pdf(make_pdf(tmp_path / "plain.pdf", boxes=False))
    assert report.pages[0].trim is None
    assert default_target(report) == "office"
    assert levels(report, "office")["boxes"] == "PASS"
    shop = levels(report, "shop")
    assert shop["boxes"] == "FAIL" and shop["output intent"] == "FAIL"


def test_low_resolution_image_is_a_warning_with_its_placed_ppi(tmp_path):
    report = check_pdf(make_pdf(tmp_path / "img.pdf", image_px=100), qr=False)
    (image,) = report.images
    assert image.colour == "DeviceCMYK"
    assert image.min_ppi == pytest.approx(100, rel=0.01)  # 100 px over one inch
    assert levels(report)["images"] == "WARN"
    sharp = check_pdf(make_pdf(tmp_path / "sharp.pdf", image_px=320), qr=False)
    assert levels(sharp)["images"] == "PASS"


def test_text_near_the_trim_is_flagged(tmp_path):
    report = check_pdf(make_pdf(tmp_path / "edge.pdf", edge_text=True), qr=False)
    (near,) = report.text_near_edge
    assert near.text == "Too"  # only the word inside the margin
    assert 0 <= near.distance_mm < 3
    assert default_target(report) == "shop"
    assert levels(report)["safe zone"] == "FAIL"  # a shop file: the cutter may take it
    assert levels(report, "office")["safe zone"] == "WARN"
    clean = check_pdf(make_pdf(tmp_path / "clean.pdf"), qr=False)
    assert clean.text_near_edge == []
    assert "safe zone" not in levels(clean)


def test_check_exits_1_for_text_in_the_safe_zone_of_a_shop_file(tmp_path):
    edge = make_pdf(tmp_path / "edge.pdf", edge_text=True)
    result = CliRunner().invoke(check.command, [str(edge), "--no-qr"])
    assert result.exit_code == 1
    assert "FAIL safe zone: page 1: text within 3 mm of the trim" in result.output


def test_forms_are_walked_for_fonts_and_image_placement(tmp_path):
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(200, 200), invariant=1, initialFontName=_font())
    c.beginForm("background")
    c.drawImage(ImageReader(Image.new("CMYK", (100, 100))), 0, 0, 72, 72)  # 100 ppi in the form
    c.setFont("Helvetica", 8)
    c.drawString(10, 100, "only in the form")
    c.endForm()
    c.saveState()
    c.scale(0.5, 0.5)  # the form is drawn at half size: 200 ppi on the page
    c.doForm("background")
    c.restoreState()
    c.showPage()
    c.save()
    path = tmp_path / "form.pdf"
    path.write_bytes(buf.getvalue())
    report = check_pdf(path, qr=False)
    (image,) = report.images
    assert image.min_ppi == pytest.approx(200, rel=0.01)
    assert {f.name: f.embedded for f in report.fonts}.get("Helvetica") is False


def test_missing_check_extra_is_explained(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "zxingcpp", None)  # import now raises ImportError
    with pytest.raises(PrintkitError, match=r"pip install 'printkit\[check\]'"):
        check_pdf(tmp_path / "any.pdf")


def test_command_prints_report_and_exits_1_on_failure(tmp_path):
    good = make_pdf(tmp_path / "good.pdf")
    bad = make_pdf(tmp_path / "bad.pdf", rgb=True, helvetica=True)
    runner = CliRunner()
    ok = runner.invoke(check.command, [str(good), "--no-qr"])
    assert ok.exit_code == 0, ok.output
    assert "result: PASS" in ok.output and "TrimBox 105.0 x 148.0 mm" in ok.output
    res = runner.invoke(check.command, [str(good), str(bad), "--target", "shop", "--no-qr"])
    assert res.exit_code == 1
    assert "FAIL fonts: not embedded: Helvetica" in res.output
    assert "FAIL colour" in res.output


def test_unreadable_file_is_a_user_error(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    with pytest.raises(PrintkitError, match="junk.pdf"):
        check_pdf(junk)
    with pytest.raises(PrintkitError, match="no such file"):
        check_pdf(tmp_path / "missing.pdf")


# ---------------------------------------------------------------- preview


def test_preview_writes_pngs_of_the_page_size(tmp_path):
    pdf = make_pdf(tmp_path / "deck.pdf", pages=3)
    out = render_pages(pdf, tmp_path / "png", pages="1,3", dpi=72)
    assert [p.name for p in out] == ["deck-p1.png", "deck-p3.png"]
    for path in out:
        with Image.open(path) as img:
            # page is (105 + 20) x (148 + 20) mm = 354.3 x 476.2 pt → pixels at 72 dpi
            assert abs(img.width - 354.33) <= 1 and abs(img.height - 476.22) <= 1
    bigger = render_pages(pdf, tmp_path / "png2", pages="2", dpi=144)
    with Image.open(bigger[0]) as img:
        assert abs(img.width - 708.66) <= 1
    assert not any(p.name.startswith(".") for p in (tmp_path / "png").iterdir())


def test_preview_rejects_bad_ranges(tmp_path):
    pdf = make_pdf(tmp_path / "one.pdf")
    with pytest.raises(PrintkitError, match="--pages"):
        render_pages(pdf, tmp_path, pages="abc")
    with pytest.raises(PrintkitError, match="no page 5"):
        render_pages(pdf, tmp_path, pages="5")


def test_text_over_text_fails_a_shop_file(tmp_path):
    def pdf(name: str, second_y: float) -> Path:
        path = tmp_path / name
        c = canvas.Canvas(str(path), pagesize=(200, 200), invariant=1)
        c.setFont("Helvetica", 12)
        c.drawString(40, 100, "Eine kleine Nerdmusique")
        c.drawString(40, second_y, "Gregoa 12:30")  # a second session drawn over the first
        c.drawString(40, 60, "Lua/JSON")  # kerned neighbours touch: not a fault
        c.save()
        return path

    bad = check_pdf(pdf("bad.pdf", 101), qr=False)
    (over,) = bad.text_overlaps
    assert over.page == 1 and over.count >= 5
    assert levels(bad, "shop")["text over text"] == "FAIL"
    assert levels(bad, "office")["text over text"] == "WARN"
    good = check_pdf(pdf("good.pdf", 80), qr=False)
    assert good.text_overlaps == [] and "text over text" not in levels(good, "shop")
