"""QR path operators in bulk (press/qr_ops.py): the same text as qr_rects written one by one."""

from __future__ import annotations

import io
import random

import pypdfium2
import pytest
import zxingcpp
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A6
from reportlab.pdfgen import canvas as rl_canvas
from test_qr import FIXED, LONG_URL

from printkit.press import qr
from printkit.press.qr_ops import rect_ops


def one_by_one(matrix) -> str:
    """What the badges wrote before: each of qr_rects' rectangles formatted on its own."""
    n = len(matrix)
    rects = qr.qr_rects(matrix)
    return "\n".join([f"{x} {n - y - h} {w} {h} re" for x, y, w, h in rects]) + "\nf"


def grid_of(matrix) -> str:
    return qr._grid(matrix)[0] + "0"  # every row closed by a light cell, the last one too


squares = st.integers(1, 30).flatmap(
    lambda n: st.lists(st.lists(st.booleans(), min_size=n, max_size=n), min_size=n, max_size=n)
)


@given(squares)
def test_random_squares_give_the_same_operators(matrix):
    assert rect_ops(grid_of(matrix), len(matrix)) == one_by_one(matrix)


@pytest.mark.parametrize("fill", [0.0, 1.0, 0.5, 0.9])
def test_blank_full_and_dense_squares(fill):
    rnd = random.Random(7)
    for n in (1, 2, 21, 57):
        matrix = [[rnd.random() < fill for _ in range(n)] for _ in range(n)]
        assert rect_ops(grid_of(matrix), n) == one_by_one(matrix)


def test_stripes_pick_the_orientation_with_fewer_rectangles():
    rows = [[c % 2 == 0 for c in range(9)] for _ in range(9)]  # columns: one rectangle each down
    cols = [list(r) for r in zip(*rows, strict=True)]
    for matrix in (rows, cols):
        ops = rect_ops(grid_of(matrix), 9)
        assert ops == one_by_one(matrix)
        assert ops.count(" re") == 5


@pytest.mark.parametrize("ec", "LMQH")
def test_real_codes_give_the_same_operators(ec):
    rnd = random.Random(15)
    payloads = FIXED + [
        "".join(rnd.choice("abcXYZ019:/ -.%é") for _ in range(rnd.randint(1, 400)))
        for _ in range(60)
    ]
    for payload in payloads:
        n, grid = qr.qr_grid(payload, ec)
        assert rect_ops(grid, n) == one_by_one(qr.qr_matrix(payload, ec)), payload


@pytest.mark.parametrize("payload", ["https://example.org/s/1", LONG_URL, "x" * 600])
def test_operators_drawn_as_badges_draw_them_scan(payload):
    n, grid = qr.qr_grid(payload, "M")
    size = 90 * 72 / 25.4
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A6)
    unit = size / (n + 2 * qr.QUIET)
    c.transform(unit, 0, 0, unit, 5 + qr.QUIET * unit, 5 + qr.QUIET * unit)
    c.addLiteral(rect_ops(grid, n))
    c.showPage()
    c.save()
    page = pypdfium2.PdfDocument(buf.getvalue())[0]
    image = page.render(scale=200 / 72).to_pil().convert("L")
    assert [b.text for b in zxingcpp.read_barcodes(image)] == [payload]
