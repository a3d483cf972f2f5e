"""A PDF path → facts (`check_pdf`) → findings for a target (`judge`) → the printed report.

The entry of `printkit check`: gathers facts with the family modules (boxes,
content streams, safe zone, text over text, QR, the press rules on small type
and QR modules), judges them family by family in a fixed
order, and formats one report per file; the command exits 1 when any fails.
"""

from __future__ import annotations

from pathlib import Path

import click

from printkit.check.boxes import (
    _annotations_inside,
    _output_intent,
    _page_boxes,
    describe_boxes,
    judge_boxes,
    judge_print_file,
)
from printkit.check.colour import judge_colour
from printkit.check.content import _Scanner
from printkit.check.facts import CheckReport, Finding, PageBoxes, QRFact, TextNearEdge, _pages
from printkit.check.fonts import judge_fonts
from printkit.check.images import judge_images
from printkit.check.overlap import TextOverlap, judge_overlaps, text_overlaps
from printkit.check.prepress import PressFacts, TextInkScanner, judge_press
from printkit.check.qr import QR_LINES, _qr_codes, _qr_lines
from printkit.check.safe_zone import _text_near_edge, judge_safe_zone
from printkit.errors import PrintkitError, Problem

NEED_EXTRA = "printkit check needs the 'check' extra: pip install 'printkit[check]'"


def check_pdf(path: Path, dpi: int = 150, *, qr: bool = True) -> CheckReport:
    """Read the PDF at `path` and collect the facts a preflight judges."""
    pdfium, zxingcpp = _check_extra()
    import pikepdf

    path = Path(path)
    try:
        doc = pikepdf.open(path)
    except FileNotFoundError as exc:
        raise PrintkitError([Problem("no such file", file=str(path))]) from exc
    except pikepdf.PasswordError as exc:
        raise PrintkitError([Problem("the PDF is encrypted", file=str(path))]) from exc
    except pikepdf.PdfError as exc:
        raise PrintkitError([Problem(f"not a readable PDF ({exc})", file=str(path))]) from exc

    with doc:
        scanner = _Scanner()
        inks = TextInkScanner()
        pages: list[PageBoxes] = []
        annotations: dict[int, int] = {}
        for number, page in enumerate(doc.pages, start=1):
            boxes = _page_boxes(number, page)
            pages.append(boxes)
            scanner.scan_page(number, page)
            inks.scan_page(number, page)
            count = _annotations_inside(page, boxes.trim or boxes.media)
            if count:
                annotations[number] = count
        intent, pdfx = _output_intent(doc)

    qr_codes: list[QRFact] = []
    near: list[TextNearEdge] = []
    overlaps: list[TextOverlap] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            boxes = pages[index]
            near.extend(_text_near_edge(page, index + 1, boxes.trim or boxes.media))
            overlaps.extend(text_overlaps(page, index + 1))
            if qr:
                qr_codes.extend(_qr_codes(page, index + 1, dpi, zxingcpp))
            page.close()
    finally:
        pdf.close()

    return CheckReport(
        path=path,
        pages=pages,
        fonts=sorted(scanner.fonts.values(), key=lambda f: f.name),
        colours=scanner.colours,
        images=list(scanner.images.values()),
        output_intent=intent,
        pdfx_version=pdfx,
        qr_codes=qr_codes,
        text_near_edge=near,
        annotations=annotations,
        text_overlaps=overlaps,
        press=PressFacts(
            inks.items,
            [(q.page, q.text, q.module_mm) for q in qr_codes if q.module_mm is not None],
        ),
    )


def _check_extra():
    try:
        import pypdfium2
        import zxingcpp
    except ImportError as exc:
        raise PrintkitError(NEED_EXTRA) from exc
    return pypdfium2, zxingcpp


def default_target(report: CheckReport) -> str:
    """shop when any TrimBox differs from its MediaBox, else office."""
    return "shop" if report.has_trim else "office"


def judge(report: CheckReport, target: str) -> list[Finding]:
    """Facts + target → PASS/WARN/FAIL findings."""
    shop = target == "shop"
    return [
        *judge_boxes(report, shop),
        *judge_fonts(report),
        *judge_colour(report, shop),
        *judge_images(report, target),
        *judge_print_file(report, shop),
        *judge_safe_zone(report, shop),
        *judge_overlaps(report, shop),
        *judge_press(report.press, target),
    ]


def format_report(report: CheckReport, target: str, findings: list[Finding]) -> str:
    lines = [f"{report.path} ({target} rules)", f"  pages: {report.page_count}"]
    groups: dict[str, list[int]] = {}
    for p in report.pages:
        groups.setdefault(describe_boxes(p), []).append(p.number)
    for text, numbers in groups.items():
        lines.append(f"  {_pages(numbers)}: {text}")
    for f in report.fonts:
        lines.append(
            f"  font: {f.name} ({f.subtype}, {'embedded' if f.embedded else 'NOT embedded'})"
        )
    if report.colours:
        lines.append("  colour spaces: " + ", ".join(sorted(report.colours)))
    for i in report.images:
        lines.append(
            f"  image: {i.name} {i.width}x{i.height} px {i.colour}, {i.min_ppi:.0f} ppi "
            f"on {_pages(sorted(i.pages))}"
        )
    intent = report.output_intent or "none"
    lines.append(f"  output intent: {intent}; PDF/X version: {report.pdfx_version or 'none'}")
    lines.extend(_qr_lines(report, QR_LINES))
    lines.extend(f"  {f}" for f in findings)
    fails = sum(f.level == "FAIL" for f in findings)
    warns = sum(f.level == "WARN" for f in findings)
    verdict = "FAIL" if fails else "PASS"
    lines.append(f"  result: {verdict} ({fails} failure(s), {warns} warning(s))")
    return "\n".join(lines)


@click.command(
    "check",
    help="Preflight PDF files: page boxes, fonts, colour, image ppi, output intent, QR codes "
    "and their module size, ink per text size and reversed text. "
    "Exits 1 when any file fails.",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dpi", default=150, show_default=True, help="Raster resolution for QR decoding.")
@click.option(
    "--target",
    type=click.Choice(["shop", "office", "screen"]),
    default=None,
    help="Rules to apply (default: shop when pages have a TrimBox smaller than the page, else office).",
)
@click.option("--qr/--no-qr", default=True, show_default=True, help="Decode QR codes.")
def command(files: tuple[Path, ...], dpi: int, target: str | None, qr: bool) -> None:
    failed = 0
    for path in files:
        report = check_pdf(path, dpi=dpi, qr=qr)
        rules = target or default_target(report)
        findings = judge(report, rules)
        click.echo(format_report(report, rules, findings))
        failed += any(f.level == "FAIL" for f in findings)
    if failed:
        click.echo(f"{failed} of {len(files)} file(s) failed the check", err=True)
        raise SystemExit(1)
