"""printkit check reports the press rules: ink per text size, reversed text, QR module size."""

from __future__ import annotations

import pytest
from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen import canvas

from printkit.check import check_pdf, judge
from printkit.press.qr import draw_qr
from printkit.units import MM


def _findings(path, target="shop"):
    return {f.topic: f for f in judge(check_pdf(path), target)}


def _bad_pdf(path):
    c = canvas.Canvas(str(path), pagesize=(100 * MM, 100 * MM))
    c.setTrimBox((3 * MM, 3 * MM, 97 * MM, 97 * MM))
    c.setFillColor(CMYKColor(0.79, 0.53, 0.09, 0.55))
    c.setFont("Helvetica", 7)
    c.drawString(10 * MM, 90 * MM, "small navy text in four inks")
    c.rect(5 * MM, 70 * MM, 90 * MM, 12 * MM, stroke=0, fill=1)
    c.setFillColor(CMYKColor(0, 0, 0, 0))
    c.drawString(10 * MM, 75 * MM, "white 7 pt text on the band")
    c.setFillColor(CMYKColor(0, 0, 0, 1))
    payload = "https://example.org/" + "q" * 60
    draw_qr(c, 10 * MM, 10 * MM, 16 * MM, payload)  # about 0.36 mm modules
    c.showPage()
    c.save()


def test_check_flags_small_text_inks_reversed_text_and_small_modules(tmp_path):
    path = tmp_path / "bad.pdf"
    _bad_pdf(path)
    f = _findings(path)
    assert f["ink per text size"].level == "WARN" and "1 item" in f["ink per text size"].message
    assert f["reversed text"].level == "WARN" and "7 pt" in f["reversed text"].message
    assert f["QR modules"].level == "FAIL" and "0.3" in f["QR modules"].message
    assert "ink per text size" not in _findings(path, "office")  # ink rules are for the press


@pytest.mark.parametrize("product", ["badges", "booklet", "signs"])
def test_check_passes_the_stress_event_on_every_press_rule(prepress_outputs, product):
    pdf, _ = prepress_outputs["stress"][product]
    f = _findings(pdf)
    for topic in ("ink per text size", "reversed text", "QR modules"):
        assert f[topic].level == "PASS", f[topic]
