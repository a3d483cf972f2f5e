"""A PDF → the module size of every QR code in it (test helper), from the content stream or a raster.

printkit draws a code as one path of rectangles in module units after a
`unit 0 0 unit x y cm`; `content_modules` reads that scale for every code
(pikepdf.parse_content_stream, form XObjects included). `raster_modules`
measures decoded codes instead (zxing-cpp on a pdfium raster: symbol width
over its module count as qrcode computes it), independent of how they were drawn.
"""

from __future__ import annotations

import math
from pathlib import Path

import pikepdf

MM = 72 / 25.4


def _mul(a, b):
    a1, b1, c1, d1, e1, f1 = a
    a2, b2, c2, d2, e2, f2 = b
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)  # fmt: skip


def _walk(content, resources, page_no, ctm, out) -> None:
    stack, scaled = [], False
    for operands, op in pikepdf.parse_content_stream(content):
        o = str(op)
        if o == "q":
            stack.append((ctm, scaled))
        elif o == "Q":
            ctm, scaled = stack.pop() if stack else (ctm, scaled)
        elif o == "cm":
            m = tuple(float(v) for v in operands)
            ctm = _mul(m, ctm)
            scaled = m[1] == m[2] == 0 and m[0] == m[3] and 0 < m[0] < 3 * MM and m[0] != 1
        elif o == "re" and scaled:
            out.append((page_no, math.sqrt(abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) / MM))
            scaled = False  # one entry per code
        elif o == "Do" and resources is not None:
            xo = resources.get("/XObject", {}).get(str(operands[0]))
            if xo is not None and xo.get("/Subtype") == "/Form":
                matrix = tuple(float(v) for v in xo.get("/Matrix", [1, 0, 0, 1, 0, 0]))
                _walk(xo, xo.get("/Resources", resources), page_no, _mul(matrix, ctm), out)


def content_modules(pdf: Path | str) -> list[tuple[int, float]]:
    """(page, module size in mm) for every QR code drawn in module units."""
    out: list[tuple[int, float]] = []
    with pikepdf.open(pdf) as doc:
        for i, page in enumerate(doc.pages, start=1):
            _walk(page, page.obj.get("/Resources"), i, (1, 0, 0, 1, 0, 0), out)
    return out


def raster_modules(pdf: Path | str, page: int, dpi: int = 300) -> list[tuple[str, float]]:
    """(text, module size in mm) of each QR code zxing-cpp decodes on page `page` (0-based)."""
    import pypdfium2 as pdfium
    import qrcode
    import zxingcpp

    doc = pdfium.PdfDocument(str(pdf))
    try:
        img = doc[page].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        doc.close()
    levels = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
              "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}  # fmt: skip
    out = []
    for r in zxingcpp.read_barcodes(img):
        if r.format != zxingcpp.BarcodeFormat.QRCode:
            continue
        q = qrcode.QRCode(error_correction=levels[r.ec_level[:1]], border=0)
        q.add_data(r.text)
        q.make(fit=True)
        p = r.position
        width_px = math.dist((p.top_left.x, p.top_left.y), (p.top_right.x, p.top_right.y))
        out.append((r.text, width_px / q.modules_count / dpi * 25.4))
    return out
