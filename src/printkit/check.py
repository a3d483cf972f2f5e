"""Any PDF → a preflight report: page boxes, fonts, colour, image ppi, output intent, QR codes.

`check_pdf` gathers facts (pikepdf for structure, pypdfium2 for text boxes
and rasters, zxing-cpp for QR codes); `judge` turns facts into PASS/WARN/FAIL
findings for a target (shop, office, screen); `format_report` prints them.
The arithmetic (boxes, matrices, ppi) is plain functions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click

from printkit.errors import PrintkitError, Problem

__all__ = [
    "CheckReport",
    "Finding",
    "check_pdf",
    "command",
    "format_report",
    "judge",
]

MM = 72 / 25.4
SAFE_MM = 3.0
QR_LINES = 10  # decoded QR codes listed one per line; the rest are summarized
MIN_PPI = {"shop": 250, "office": 150, "screen": 0}
NEED_EXTRA = "printkit check needs the 'check' extra: pip install 'printkit[check]'"

Rect = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


# ---------------------------------------------------------------- facts


@dataclass(frozen=True)
class PageBoxes:
    number: int
    media: Rect
    bleed: Rect | None  # None when the page has no BleedBox
    trim: Rect | None


@dataclass(frozen=True)
class FontFact:
    name: str
    subtype: str
    embedded: bool


@dataclass
class ImageFact:
    name: str
    width: int
    height: int
    colour: str
    min_ppi: float
    pages: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class QRFact:
    page: int
    text: str
    format: str


@dataclass(frozen=True)
class TextNearEdge:
    page: int
    text: str
    distance_mm: float  # how far inside the trim the nearest glyph sits (negative: across it)


@dataclass
class CheckReport:
    """What was found in one PDF; judged separately for a target."""

    path: Path
    pages: list[PageBoxes]
    fonts: list[FontFact]
    colours: dict[str, set[int]]  # colour space label → pages using it
    images: list[ImageFact]
    output_intent: str | None  # OutputConditionIdentifier, or None
    pdfx_version: str | None
    qr_codes: list[QRFact]
    text_near_edge: list[TextNearEdge]
    annotations: dict[int, int] = field(default_factory=dict)  # page → count inside the trim

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def has_trim(self) -> bool:
        """True when any page has a TrimBox that differs from its MediaBox."""
        return any(p.trim is not None and not _same(p.trim, p.media) for p in self.pages)


@dataclass(frozen=True)
class Finding:
    level: str  # "PASS", "WARN", "FAIL"
    topic: str
    message: str

    def __str__(self) -> str:
        return f"{self.level} {self.topic}: {self.message}"


# ---------------------------------------------------------------- pure arithmetic


def normalize(box: Iterable[float]) -> Rect:
    """Any 4 numbers → (x0, y0, x1, y1) with x0 <= x1 and y0 <= y1."""
    x0, y0, x1, y1 = (float(v) for v in box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def size_mm(box: Rect) -> tuple[float, float]:
    return (box[2] - box[0]) / MM, (box[3] - box[1]) / MM


def bleed_mm(trim: Rect, bleed: Rect) -> tuple[float, float, float, float]:
    """Bleed per side (left, bottom, right, top) in mm: how far BleedBox reaches past TrimBox."""
    return (
        (trim[0] - bleed[0]) / MM,
        (trim[1] - bleed[1]) / MM,
        (bleed[2] - trim[2]) / MM,
        (bleed[3] - trim[3]) / MM,
    )


def inset(box: Rect, by: float) -> Rect:
    return box[0] + by, box[1] + by, box[2] - by, box[3] - by


def contains(outer: Rect, inner: Rect, eps: float = 0.01) -> bool:
    return (
        inner[0] >= outer[0] - eps
        and inner[1] >= outer[1] - eps
        and inner[2] <= outer[2] + eps
        and inner[3] <= outer[3] + eps
    )


def intersects(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inner_distance(box: Rect, glyph: Rect) -> float:
    """Smallest distance (points) from the glyph to the box's edges; negative when it crosses."""
    return min(glyph[0] - box[0], glyph[1] - box[1], box[2] - glyph[2], box[3] - glyph[3])


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m × n in PDF's row-vector convention: apply m, then n (`cm` does CTM' = M × CTM)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def effective_ppi(width_px: int, height_px: int, ctm: Matrix) -> float:
    """Pixels per inch of an image drawn into the unit square under `ctm` (the lower of x and y)."""
    a, b, c, d, _, _ = ctm
    w_in = math.hypot(a, b) / 72
    h_in = math.hypot(c, d) / 72
    if w_in <= 0 or h_in <= 0:
        return math.inf
    return min(width_px / w_in, height_px / h_in)


def is_rgb(colour: str) -> bool:
    return "RGB" in colour


def _same(a: Rect, b: Rect, eps: float = 0.01) -> bool:
    return all(abs(x - y) <= eps for x, y in zip(a, b, strict=True))


# ---------------------------------------------------------------- gathering facts


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
        pages: list[PageBoxes] = []
        annotations: dict[int, int] = {}
        for number, page in enumerate(doc.pages, start=1):
            boxes = _page_boxes(number, page)
            pages.append(boxes)
            scanner.scan_page(number, page)
            count = _annotations_inside(page, boxes.trim or boxes.media)
            if count:
                annotations[number] = count
        intent, pdfx = _output_intent(doc)

    qr_codes: list[QRFact] = []
    near: list[TextNearEdge] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            boxes = pages[index]
            near.extend(_text_near_edge(page, index + 1, boxes.trim or boxes.media))
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
    )


def _check_extra():
    try:
        import pypdfium2
        import zxingcpp
    except ImportError as exc:
        raise PrintkitError(NEED_EXTRA) from exc
    return pypdfium2, zxingcpp


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


class _Scanner:
    """Walks content streams (pages and forms) for colour, fonts and image placements."""

    def __init__(self) -> None:
        self.colours: dict[str, set[int]] = {}
        self.fonts: dict[tuple[int, int] | str, FontFact] = {}
        self.images: dict[tuple[int, int] | str, ImageFact] = {}
        self._depth = 0
        self._parsed: dict[tuple[int, int], list] = {}  # forms reused on many pages

    def scan_page(self, number: int, page) -> None:
        import pikepdf

        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        self._scan(page, resources, IDENTITY, number)

    def _scan(self, content, resources, ctm: Matrix, number: int) -> None:
        import pikepdf

        if self._depth > 12:  # a form drawing itself
            return
        self._collect_fonts(resources)
        stack: list[Matrix] = []
        key = getattr(content, "objgen", (0, 0))
        instructions = self._parsed.get(key) if key != (0, 0) else None
        if instructions is None:
            try:
                instructions = pikepdf.parse_content_stream(content)
            except pikepdf.PdfError:
                return
            if key != (0, 0):
                self._parsed[key] = instructions
        for operands, operator in instructions:
            op = str(operator)
            if op == "q":
                stack.append(ctm)
            elif op == "Q":
                ctm = stack.pop() if stack else ctm
            elif op == "cm" and len(operands) == 6:
                ctm = multiply(tuple(float(v) for v in operands), ctm)
            elif op in ("rg", "RG"):
                self._colour("DeviceRGB", number)
            elif op in ("k", "K"):
                self._colour("DeviceCMYK", number)
            elif op in ("g", "G"):
                self._colour("DeviceGray", number)
            elif op in ("cs", "CS") and operands:
                self._colour(colour_label(operands[0], resources), number)
            elif op == "sh" and operands:
                shading = resources.get("/Shading", {}).get(str(operands[0]))
                if shading is not None and "/ColorSpace" in shading:
                    self._colour(colour_label(shading.ColorSpace, resources), number)
            elif op == "Do" and operands:
                self._do(str(operands[0]), resources, ctm, number)
            elif op == "INLINE IMAGE" and operands:
                self._inline_image(operands[0], resources, ctm, number)

    def _do(self, name: str, resources, ctm: Matrix, number: int) -> None:
        xobject = resources.get("/XObject", {}).get(name)
        if xobject is None:
            return
        subtype = str(xobject.get("/Subtype", ""))
        if subtype == "/Image":
            self._image(name, xobject, resources, ctm, number)
        elif subtype == "/Form":
            matrix = tuple(float(v) for v in xobject.get("/Matrix", IDENTITY))
            inner = xobject.get("/Resources", resources)
            self._depth += 1
            try:
                self._scan(xobject, inner, multiply(matrix, ctm), number)
            finally:
                self._depth -= 1

    def _image(self, name: str, image, resources, ctm: Matrix, number: int) -> None:
        if image.get("/ImageMask", False):
            colour = "ImageMask"
        elif "/ColorSpace" in image:
            colour = colour_label(image.ColorSpace, resources)
        else:
            colour = "JPX (embedded colour)"
        self._colour(colour, number)
        key = image.objgen if image.objgen != (0, 0) else f"{number}:{name}"
        width, height = int(image.get("/Width", 0)), int(image.get("/Height", 0))
        self._place(key, name, width, height, colour, ctm, number)

    def _inline_image(self, inline, resources, ctm: Matrix, number: int) -> None:
        try:
            obj = inline.obj
            width = int(obj.get("/W", obj.get("/Width", 0)))
            height = int(obj.get("/H", obj.get("/Height", 0)))
            cs = obj.get("/CS", obj.get("/ColorSpace"))
        except Exception:
            return
        colour = "ImageMask" if cs is None else colour_label(cs, resources)
        self._colour(colour, number)
        self._place(f"{number}:inline", "inline image", width, height, colour, ctm, number)

    def _place(self, key, name, width, height, colour, ctm, number) -> None:
        ppi = effective_ppi(width, height, ctm)
        fact = self.images.get(key)
        if fact is None:
            fact = self.images[key] = ImageFact(name.lstrip("/"), width, height, colour, ppi)
        fact.min_ppi = min(fact.min_ppi, ppi)
        fact.pages.add(number)

    def _colour(self, label: str, number: int) -> None:
        self.colours.setdefault(label, set()).add(number)

    def _collect_fonts(self, resources) -> None:
        for _, font in resources.get("/Font", {}).items():
            key = font.objgen if font.objgen != (0, 0) else str(font.get("/BaseFont", "?"))
            if key not in self.fonts:
                self.fonts[key] = font_fact(font)


def font_fact(font) -> FontFact:
    """A font dictionary → its name, type and whether its program is embedded."""
    subtype = str(font.get("/Subtype", "/?")).lstrip("/")
    name = str(font.get("/BaseFont", font.get("/Name", "(unnamed)"))).lstrip("/")
    if subtype == "Type3":
        return FontFact(name, subtype, True)
    descriptor_owner = font
    if subtype == "Type0":
        descendants = font.get("/DescendantFonts", [])
        if len(descendants):
            descriptor_owner = descendants[0]
    descriptor = descriptor_owner.get("/FontDescriptor")
    embedded = descriptor is not None and any(
        k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
    )
    return FontFact(name, subtype, embedded)


_DEVICE = {
    "/DeviceRGB": "DeviceRGB",
    "/RGB": "DeviceRGB",
    "/DeviceCMYK": "DeviceCMYK",
    "/CMYK": "DeviceCMYK",
    "/DeviceGray": "DeviceGray",
    "/G": "DeviceGray",
    "/Pattern": "Pattern",
}
_ICC_N = {1: "Gray", 3: "RGB", 4: "CMYK"}


def colour_label(cs, resources=None, depth: int = 0) -> str:
    """A colour space object (name, resource name or array) → a label like `ICCBased(RGB)`."""
    import pikepdf

    if depth > 5:
        return "?"
    if isinstance(cs, pikepdf.Name):
        name = str(cs)
        if name in _DEVICE:
            return _DEVICE[name]
        named = (resources or {}).get("/ColorSpace", {}).get(name) if resources else None
        return colour_label(named, resources, depth + 1) if named is not None else name[1:]
    if isinstance(cs, pikepdf.Array) and len(cs):
        family = str(cs[0]).lstrip("/")
        if family == "ICCBased":
            n = int(cs[1].get("/N", 0))
            return f"ICCBased({_ICC_N.get(n, n)})"
        if family == "Indexed" and len(cs) > 1:
            return f"Indexed({colour_label(cs[1], resources, depth + 1)})"
        if family == "Separation" and len(cs) > 2:
            return (
                f"Separation({str(cs[1]).lstrip('/')}, {colour_label(cs[2], resources, depth + 1)})"
            )
        if family == "DeviceN" and len(cs) > 2:
            return f"DeviceN({colour_label(cs[2], resources, depth + 1)})"
        if family == "Pattern":
            return "Pattern"
        return family
    return "?"


def _text_near_edge(page, number: int, trim: Rect, safe_mm: float = SAFE_MM):
    """Words whose glyphs touch the trim but leave the safe zone (trim inset by `safe_mm`)."""
    text = page.get_textpage()
    try:
        chars = [text.get_text_range(i, 1) for i in range(text.count_chars())]
        worst: float | None = None
        hits: list[int] = []
        for i, ch in enumerate(chars):
            if not ch.strip():
                continue
            glyph = normalize(text.get_charbox(i))
            if glyph[2] - glyph[0] <= 0 and glyph[3] - glyph[1] <= 0:
                continue
            if not intersects(glyph, trim):
                continue  # slug text outside the trim is deliberate
            distance = inner_distance(trim, glyph)
            if distance < safe_mm * MM - 0.01:
                hits.append(i)
                worst = distance if worst is None else min(worst, distance)
    finally:
        text.close()
    if worst is None:
        return []
    sample = " ".join(_words_at(chars, hits))
    sample = sample if len(sample) <= 60 else sample[:57] + "..."
    return [TextNearEdge(number, sample, worst / MM)]


def _words_at(chars: list[str], hits: list[int]) -> list[str]:
    """The whole words (runs of non-space characters) that contain the hit indices."""
    words: list[str] = []
    seen: set[int] = set()
    for i in hits:
        if i in seen:
            continue
        start = end = i
        while start > 0 and chars[start - 1].strip():
            start -= 1
        while end + 1 < len(chars) and chars[end + 1].strip():
            end += 1
        seen.update(range(start, end + 1))
        words.append("".join(chars[start : end + 1]))
    return words


def _qr_codes(page, number: int, dpi: int, zxingcpp) -> list[QRFact]:
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    image = bitmap.to_pil()
    try:
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    except TypeError:
        found = zxingcpp.read_barcodes(image)
    return [QRFact(number, r.text, str(r.format).split(".")[-1]) for r in found if r.valid]


# ---------------------------------------------------------------- judging


def default_target(report: CheckReport) -> str:
    """shop when any TrimBox differs from its MediaBox, else office."""
    return "shop" if report.has_trim else "office"


def judge(report: CheckReport, target: str) -> list[Finding]:
    """Facts + target → PASS/WARN/FAIL findings."""
    out: list[Finding] = []
    shop = target == "shop"

    missing = [p.number for p in report.pages if p.trim is None or p.bleed is None]
    if shop:
        if missing:
            out.append(Finding("FAIL", "boxes", f"no TrimBox/BleedBox on {_pages(missing)}"))
        else:
            out.append(Finding("PASS", "boxes", "TrimBox and BleedBox on every page"))
            out.extend(_judge_bleed(report))
    else:
        out.append(Finding("PASS", "boxes", f"{report.page_count} page(s)"))

    unembedded = [f.name for f in report.fonts if not f.embedded]
    if unembedded:
        out.append(Finding("FAIL", "fonts", "not embedded: " + ", ".join(unembedded)))
    else:
        out.append(Finding("PASS", "fonts", f"all {len(report.fonts)} font(s) embedded"))

    rgb = {c: p for c, p in report.colours.items() if is_rgb(c)}
    if shop and rgb:
        detail = "; ".join(f"{c} on {_pages(sorted(p))}" for c, p in sorted(rgb.items()))
        out.append(Finding("FAIL", "colour", f"RGB colour in a print file: {detail}"))
    elif shop:
        out.append(Finding("PASS", "colour", "no RGB colour"))

    floor = MIN_PPI.get(target, 0)
    low = [i for i in report.images if i.min_ppi < floor]
    for image in low:
        out.append(
            Finding(
                "WARN",
                "images",
                f"{image.name} {image.width}x{image.height} px at {image.min_ppi:.0f} ppi "
                f"(below {floor}) on {_pages(sorted(image.pages))}",
            )
        )
    if report.images and not low:
        out.append(Finding("PASS", "images", f"all {len(report.images)} image(s) at {floor}+ ppi"))

    if shop:
        if report.output_intent:
            out.append(Finding("PASS", "output intent", report.output_intent))
        else:
            out.append(Finding("FAIL", "output intent", "none (not PDF/X)"))
        inside = sorted(report.annotations)
        if inside:
            out.append(Finding("WARN", "annotations", f"inside the trim on {_pages(inside)}"))

    for near in report.text_near_edge:
        where = "crosses the trim" if near.distance_mm < 0 else f"{near.distance_mm:.1f} mm from it"
        out.append(
            Finding(
                "WARN",
                "safe zone",
                f"page {near.page}: text within {SAFE_MM:g} mm of the "
                f"{'trim' if shop else 'page edge'} ({where}): {near.text!r}",
            )
        )
    return out


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


def _pages(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → 'pages 1-3, 5'."""
    if not numbers:
        return "no pages"
    runs: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    word = "page" if len(numbers) == 1 else "pages"
    return f"{word} {', '.join(runs)}"


# ---------------------------------------------------------------- formatting


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


# ---------------------------------------------------------------- command line


@click.command(
    "check",
    help="Preflight PDF files: page boxes, fonts, colour, image ppi, output intent and QR codes. "
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
