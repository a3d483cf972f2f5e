"""Rendered pages → decoded QR codes (zxing-cpp) with their module size; the report's QR lines."""

from __future__ import annotations

from printkit.check.facts import CheckReport, QRFact, _pages
from printkit.check.prepress import qr_module_mm

QR_LINES = 10  # decoded QR codes listed one per line; the rest are summarized


def _qr_codes(page, number: int, dpi: int, zxingcpp) -> list[QRFact]:
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    image = bitmap.to_pil()
    try:
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    except TypeError:
        found = zxingcpp.read_barcodes(image)
    return [
        QRFact(number, r.text, str(r.format).split(".")[-1], qr_module_mm(r, dpi))
        for r in found
        if r.valid
    ]


def _qr_lines(report: CheckReport, limit: int) -> list[str]:
    codes = report.qr_codes
    if not codes:
        return ["  QR codes: none found"]
    lines = [f"  QR page {q.page}: {q.text!r}" for q in codes[:limit]]
    if len(codes) > limit:
        with_qr = {q.page for q in codes}
        without = [p.number for p in report.pages if p.number not in with_qr]
        lines.append(
            f"  ... {len(codes) - limit} more; {len(codes)} QR codes decoded on "
            f"{len(with_qr)} page(s)" + (f"; none on {_pages(without)}" if without else "")
        )
    return lines
