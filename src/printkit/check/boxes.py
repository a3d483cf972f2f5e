"""A PDF's structure → page boxes, output intent, annotations; judged for bleed and PDF/X.

Facts read with pikepdf (MediaBox, BleedBox, TrimBox, /OutputIntents,
/GTS_PDFXVersion, /Annots); a print-shop file needs TrimBox and BleedBox on
every page, 3 mm of bleed and an output intent.
"""

from __future__ import annotations

from printkit.check.facts import CheckReport, Finding, PageBoxes, _pages
from printkit.check.geometry import Rect, bleed_mm, intersects, normalize, size_mm


def _page_boxes(number: int, page) -> PageBoxes:
    media = normalize(page.mediabox)
    obj = page.obj
    bleed = normalize(obj.BleedBox) if "/BleedBox" in obj else None
    trim = normalize(obj.TrimBox) if "/TrimBox" in obj else None
    return PageBoxes(number, media, bleed, trim)


def _output_intent(doc) -> tuple[str | None, str | None]:
    pdfx = None
    try:
        value = doc.docinfo.get("/GTS_PDFXVersion")
        pdfx = str(value) if value is not None else None
    except Exception:  # a damaged Info dictionary is not our failure to report
        pdfx = None
    for intent in doc.Root.get("/OutputIntents", []):
        if str(intent.get("/S", "")) == "/GTS_PDFX":
            ident = intent.get("/OutputConditionIdentifier")
            return (str(ident) if ident is not None else "(unnamed)"), pdfx
    return None, pdfx


def _annotations_inside(page, trim: Rect) -> int:
    count = 0
    for annot in page.obj.get("/Annots", []):
        if "/Rect" in annot and intersects(normalize(annot.Rect), trim):
            count += 1
    return count


def _judge_bleed(report: CheckReport) -> list[Finding]:
    """No bleed at all fails a print-shop file; some but under 3 mm is a warning."""
    none, short = [], []
    for p in report.pages:
        if p.trim is None or p.bleed is None:
            continue
        least = min(bleed_mm(p.trim, p.bleed))
        if least < 0.05:
            none.append(p.number)
        elif least < 2.95:
            short.append(p.number)
    out = []
    if none:
        out.append(
            Finding("FAIL", "bleed", f"no bleed on {_pages(none)} (a print shop needs 3 mm)")
        )
    if short:
        out.append(Finding("WARN", "bleed", f"less than 3 mm bleed on {_pages(short)}"))
    return out or [Finding("PASS", "bleed", "3 mm or more on every side")]


def describe_boxes(p: PageBoxes) -> str:
    parts = ["MediaBox {:.1f} x {:.1f} mm".format(*size_mm(p.media))]
    if p.bleed is not None:
        parts.append("BleedBox {:.1f} x {:.1f} mm".format(*size_mm(p.bleed)))
    if p.trim is not None:
        parts.append("TrimBox {:.1f} x {:.1f} mm".format(*size_mm(p.trim)))
    if p.trim is not None and p.bleed is not None:
        parts.append(
            "bleed {:.1f}/{:.1f}/{:.1f}/{:.1f} mm (l/b/r/t)".format(*bleed_mm(p.trim, p.bleed))
        )
    return ", ".join(parts)


def judge_boxes(report: CheckReport, shop: bool) -> list[Finding]:
    """TrimBox and BleedBox on every page (and enough bleed) for a print shop; else a page count."""
    out: list[Finding] = []
    missing = [p.number for p in report.pages if p.trim is None or p.bleed is None]
    if shop:
        if missing:
            out.append(Finding("FAIL", "boxes", f"no TrimBox/BleedBox on {_pages(missing)}"))
        else:
            out.append(Finding("PASS", "boxes", "TrimBox and BleedBox on every page"))
            out.extend(_judge_bleed(report))
    else:
        out.append(Finding("PASS", "boxes", f"{report.page_count} page(s)"))
    return out


def judge_print_file(report: CheckReport, shop: bool) -> list[Finding]:
    """For a print shop: an output intent (PDF/X) is required; annotations inside the trim warn."""
    out: list[Finding] = []
    if shop:
        if report.output_intent:
            out.append(Finding("PASS", "output intent", report.output_intent))
        else:
            out.append(Finding("FAIL", "output intent", "none (not PDF/X)"))
        inside = sorted(report.annotations)
        if inside:
            out.append(Finding("WARN", "annotations", f"inside the trim on {_pages(inside)}"))
    return out
