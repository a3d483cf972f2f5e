"""QR layer: matrices equal qrcode's automatic choice, runs rebuild the matrix, drawn codes scan."""

from __future__ import annotations

import io
import re

import pypdfium2
import pytest
import qrcode
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qrcode import util
from reportlab.lib.pagesizes import A7
from reportlab.pdfgen import canvas as rl_canvas

from printkit.errors import PrintkitError
from printkit.press import qr
from printkit.units import MM

LONG_URL = (
    "https://paris2025.gosim.org/schedule/day-2/talks/"
    "making-open-source-ai-infrastructure-fast-and-boring-again/?ref=badge&lang=en"
)
NON_ASCII = "Zoë Ünal · 北京大学 · مرحبا · नमस्ते"

FIXED = [
    "",
    "a",
    "0",
    "0123456789" * 3,
    "HELLO WORLD 1234 $%*+-./:",
    "https://paris2025.gosim.org/speakers/ada-lovelace/",
    "https://paris2025.gosim.org/speakers/ADA/123456789012345678901234/x",
    LONG_URL,
    NON_ASCII,
    "😀🎉" * 20,
    "mailto:ada@example.org?subject=Hello%20there",
    "x" * 271,
    "12345678901234567890123ABCDEFGHIJKLMNOPQRSTUVWabcdefghijklmnopqrstuvw",
]


def reference(payload: str, ec: str) -> tuple[tuple[bool, ...], ...]:
    """qrcode's own result: QRCode(border=0), make(fit=True), automatic mask."""
    code = qrcode.QRCode(border=0, error_correction=qr.EC_LEVELS[ec])
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


# --------------------------------------------------------------------------- matrices


@pytest.mark.parametrize("ec", "LMQH")
@pytest.mark.parametrize("payload", FIXED)
def test_matrix_equals_qrcode_automatic_mask(payload, ec):
    assert qr.qr_matrix(payload, ec) == reference(payload, ec)


@pytest.mark.parametrize("version", range(1, 41))
def test_every_version_equals_qrcode(version):
    ec = "LMQH"[version % 4]
    level = qr.EC_LEVELS[ec]
    # Byte mode payload that just fits this version (alphanumeric every third version).
    room = util.BIT_LIMIT_TABLE[level][version] - 4 - 16
    if version % 3 == 0:
        payload = ("AB12:" * 2000)[: room * 2 // 11]
    else:
        payload = ("gosim/" * 2000)[: room // 8]
    matrix = qr.qr_matrix(payload, ec)
    assert len(matrix) == 4 * version + 17
    assert matrix == reference(payload, ec)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=st.text(max_size=120), ec=st.sampled_from("LMQH"))
def test_matrix_equals_qrcode_for_any_text(payload, ec):
    assert qr.qr_matrix(payload, ec) == reference(payload, ec)


@settings(max_examples=60, deadline=None)
@given(
    payload=st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:abc", max_size=200),
    ec=st.sampled_from("LMQH"),
)
def test_matrix_equals_qrcode_for_mixed_modes(payload, ec):
    assert qr.qr_matrix(payload, ec) == reference(payload, ec)


def test_module_count_and_min_size():
    n = qr.module_count(LONG_URL, "M")
    assert n == len(qr.qr_matrix(LONG_URL, "M"))
    assert qr.min_size_for(LONG_URL, "M", 0.33 * MM) == pytest.approx((n + 8) * 0.33 * MM)


def test_lowercase_ec_and_bad_ec():
    assert qr.qr_matrix("abc", "q") == reference("abc", "Q")
    with pytest.raises(PrintkitError, match="L, M, Q, H"):
        qr.qr_matrix("abc", "X")


def test_payload_too_long_is_a_user_error():
    with pytest.raises(PrintkitError, match="too long"):
        qr.qr_matrix("x" * 3000, "H")


# --------------------------------------------------------------------------- runs

matrices = st.integers(1, 25).flatmap(
    lambda n: st.lists(st.lists(st.booleans(), min_size=n, max_size=n), min_size=n, max_size=n)
)


def paint(n: int, rects) -> list[list[int]]:
    grid = [[0] * n for _ in range(n)]
    for x, y, w, h in rects:
        assert w > 0 and h > 0
        for r in range(y, y + h):
            for c in range(x, x + w):
                grid[r][c] += 1
    return grid


@given(matrices)
def test_runs_rebuild_the_matrix_and_are_maximal(matrix):
    runs = qr.qr_path_runs(matrix)
    grid = paint(len(matrix), [(c, r, length, 1) for r, c, length in runs])
    assert grid == [[int(v) for v in row] for row in matrix]
    ends = {(r, c + length) for r, c, length in runs}
    assert not any((r, c) in ends for r, c, _ in runs)  # touching runs would be one


@given(matrices)
def test_rects_cover_dark_modules_exactly_once(matrix):
    rects = qr.qr_rects(matrix)
    assert paint(len(matrix), rects) == [[int(v) for v in row] for row in matrix]
    assert len(rects) <= len(qr.qr_path_runs(matrix))


@given(matrices)
def test_rects_take_the_orientation_with_fewer_rectangles(matrix):
    """The bit-counted choice equals building both stackings and comparing their lengths."""
    across = qr._stack(qr.qr_path_runs(matrix))
    down = qr._stack(qr.qr_path_runs(tuple(zip(*matrix, strict=True))))
    grid, w = qr._grid(matrix)
    assert qr._stacked_count(grid, w) == len(across)
    assert qr._stacked_count(qr._transpose(grid, w), len(matrix) + 1) == len(down)
    assert len(qr.qr_rects(matrix)) == min(len(across), len(down))


def test_rects_merge_the_finder_patterns():
    rects = qr.qr_rects(qr.qr_matrix(LONG_URL))
    assert len(rects) < len(qr.qr_path_runs(qr.qr_matrix(LONG_URL)))
    assert (0, 0, 1, 7) in rects or (0, 0, 7, 1) in rects  # a finder edge is one rectangle


# --------------------------------------------------------------------------- drawing

DPI = 150
SIZE = 25 * MM
X, Y = 20 * MM, 40 * MM


def render(draw) -> tuple[bytes, object]:
    """draw(canvas) on an A7 page → (PDF bytes, 150 dpi RGB image)."""
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A7)
    draw(c)
    c.showPage()
    c.save()
    pdf = buf.getvalue()
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=DPI / 72).to_pil().convert("RGB")
    return pdf, image


def px(v: float) -> int:
    return round(v * DPI / 72)


@pytest.mark.parametrize("payload", ["https://paris2025.gosim.org/", LONG_URL, NON_ASCII])
def test_drawn_code_scans_and_sits_in_its_square(payload):
    pdf, image = render(lambda c: qr.draw_qr(c, X, Y, SIZE, payload))
    found = zxingcpp.read_barcodes(image)
    assert [b.text for b in found] == [payload]
    # The symbol lies inside the square, its quiet zone left unpainted.
    n = qr.module_count(payload)
    unit = SIZE / (n + 8)
    left, top = px(X), px(A7[1] - Y - SIZE)
    right, bottom = px(X + SIZE), px(A7[1] - Y)
    dark = image.convert("L").point(lambda v: 255 if v < 128 else 0)
    assert dark.getbbox() == pytest.approx(
        (left + px(4 * unit), top + px(4 * unit), right - px(4 * unit), bottom - px(4 * unit)),
        abs=1,
    )


def test_drawn_as_one_path_in_the_callers_colour():
    def draw(c):
        c.setFillColorRGB(0.1, 0.2, 0.6)
        qr.draw_qr(c, X, Y, SIZE, LONG_URL)

    pdf, image = render(draw)
    content = pypdfium2.PdfDocument(pdf)[0]
    ops = [obj.type for obj in content.get_objects()]
    assert ops == [pypdfium2.raw.FPDF_PAGEOBJ_PATH]
    rects = re.findall(rb" re\b", _content_stream(pdf))
    assert len(rects) == len(qr.qr_rects(qr.qr_matrix(LONG_URL)))
    colours = {p for _, p in image.getcolors(1 << 24) if p != (255, 255, 255)}
    assert max(colours, key=lambda p: -sum(p)) == pytest.approx((26, 51, 153), abs=3)
    assert zxingcpp.read_barcodes(image)[0].text == LONG_URL


def _content_stream(pdf: bytes) -> bytes:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return doc.pages[0].Contents.read_bytes()


def test_too_small_for_print_is_refused_with_a_clear_message():
    with pytest.raises(qr.QRTooSmall) as err:
        render(lambda c: qr.draw_qr(c, X, Y, 5 * MM, LONG_URL, min_module=0.33 * MM))
    message = str(err.value)
    assert isinstance(err.value, PrintkitError)
    assert "https://paris2025.gosim.org/" in message and "…" in message
    assert "0.33 mm" in message and "5.0 mm" in message
    unit_mm = 5 / (qr.module_count(LONG_URL) + 8)
    assert f"{unit_mm:.2f} mm modules" in message


def test_min_size_for_is_just_enough():
    need = qr.min_size_for(LONG_URL, "M", 0.33 * MM)
    _, image = render(lambda c: qr.draw_qr(c, X, Y, need, LONG_URL, min_module=0.33 * MM))
    assert zxingcpp.read_barcodes(image)[0].text == LONG_URL
    with pytest.raises(qr.QRTooSmall):
        render(lambda c: qr.draw_qr(c, X, Y, need * 0.99, LONG_URL, min_module=0.33 * MM))


def test_min_module_defaults_order():
    assert qr.MIN_MODULE_MM["screen"] < qr.MIN_MODULE_MM["shop"] <= qr.MIN_MODULE_MM["office"]
