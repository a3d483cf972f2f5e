"""A reading-order PDF + a saddle plan → printer spreads: two pages side by side on each sheet side.

Each source page becomes a form XObject placed on a spread twice the trim
width, its trim corner at the spread's trim corner (left half) or at the
spine (right half), moved towards the spine by the sheet's creep. Each
half is clipped at the spine; on the outer edges the page's bleed shows
(the form is bounded by the page's BleedBox: qpdf's default, the TrimBox,
would cut it off).
Shop spreads keep TrimBox/BleedBox (now the whole spread), get crop marks
at the outer corners and fold marks at the spine, in registration colour,
and keep the document's PDF/X output intent and metadata. Links,
bookmarks and named destinations are dropped: they pointed at pages that
no longer exist.
"""

from __future__ import annotations

import io

import pikepdf

from printkit.press.marks import MARK_AREA, MARK_GAP, MARK_LENGTH, MARK_WIDTH, crop_mark_segments
from printkit.saddle import SheetPlan, sides

__all__ = ["impose_spreads"]


def _num(v: float) -> str:
    return f"{v:.3f}".rstrip("0").rstrip(".") or "0"


def _trim_origin(page: pikepdf.Page) -> tuple[float, float]:
    box = page.obj.get("/TrimBox")
    if box is None:
        box = page.mediabox
    x0, y0, x1, y1 = (float(v) for v in box)
    return min(x0, x1), min(y0, y1)


def _bleed_form(page: pikepdf.Page) -> pikepdf.Object:
    """The page as a form XObject whose bounding box is its bleed box, not its trim box.

    qpdf bounds a page's form by its TrimBox, which would cut the bleed off
    every outer edge of the spread; the BleedBox (else the MediaBox) keeps it.
    """
    form = page.as_form_xobject()
    box = page.obj.get("/BleedBox")
    if box is None:
        box = page.mediabox
    form.BBox = pikepdf.Array([float(v) for v in box])
    return form


def _registration(doc: pikepdf.Pdf) -> pikepdf.Object:
    """A Separation colour space "All" (every plate), as crop marks need."""
    fn = pikepdf.Dictionary(
        FunctionType=2,
        Domain=pikepdf.Array([0, 1]),
        C0=pikepdf.Array([0, 0, 0, 0]),
        C1=pikepdf.Array([1, 1, 1, 1]),
        N=1,
    )
    return doc.make_indirect(
        pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name.All, pikepdf.Name.DeviceCMYK, fn])
    )


def impose_spreads(
    pdf: bytes,
    sheets: list[SheetPlan],
    trim: tuple[float, float],
    *,
    bleed: float = 0.0,
    marks: bool = False,
) -> bytes:
    """Return `pdf` (reading-order pages of size `trim`) imposed as the spreads of `sheets`."""
    w, h = trim
    m = MARK_AREA if marks else 0.0
    b = bleed
    x0 = y0 = m + b
    width, height = 2 * w + 2 * (m + b), h + 2 * (m + b)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        n = len(doc.pages)
        forms = []
        for page in doc.pages:
            forms.append((_bleed_form(page), _trim_origin(page)))
        reg = _registration(doc) if marks else None
        for side, shift in sides(sheets):
            xobjects = pikepdf.Dictionary()
            ops: list[str] = []
            halves = (
                (side.left, x0 - b, x0 + w, x0 + shift),
                (side.right, x0 + w, x0 + 2 * w + b, x0 + w - shift),
            )
            for number, clip_from, clip_to, place_x in halves:
                if number is None:
                    continue
                if not 1 <= number <= n:
                    raise ValueError(f"plan names page {number}; the document has {n}")
                form, (tx, ty) = forms[number - 1]
                name = f"/P{number}"
                xobjects[name] = form
                ops += [
                    "q",
                    f"{_num(clip_from)} {_num(y0 - b)} {_num(clip_to - clip_from)} "
                    f"{_num(h + 2 * b)} re W n",
                    f"1 0 0 1 {_num(place_x - tx)} {_num(y0 - ty)} cm",
                    f"{name} Do",
                    "Q",
                ]
            resources = pikepdf.Dictionary(XObject=xobjects)
            if marks:
                resources.ColorSpace = pikepdf.Dictionary(Reg=reg)
                ops += _marks_ops(x0, y0, w, h, b)
            page = doc.add_blank_page(page_size=(width, height))
            page.obj.Resources = resources
            page.obj.Contents = doc.make_stream("\n".join(ops).encode("ascii"))
            if marks or b:
                page.obj.TrimBox = pikepdf.Array([x0, y0, x0 + 2 * w, y0 + h])
                page.obj.BleedBox = pikepdf.Array([x0 - b, y0 - b, x0 + 2 * w + b, y0 + h + b])
        for _ in range(n):
            del doc.pages[0]
        root = doc.Root
        for key in ("/Outlines", "/PageMode"):
            if key in root:
                del root[key]
        if "/Names" in root and "/Dests" in root.Names:
            del root.Names["/Dests"]
        if "/Dests" in root:
            del root["/Dests"]
        out = io.BytesIO()
        doc.save(out, deterministic_id=True)
        return out.getvalue()


def _marks_ops(x0: float, y0: float, w: float, h: float, b: float) -> list[str]:
    """Crop marks at the spread's outer corners and fold marks above and below the spine."""
    segs = crop_mark_segments(x0, y0, 2 * w, h, offset=b + MARK_GAP, length=MARK_LENGTH)
    spine = x0 + w
    start = b + MARK_GAP
    segs += [
        (spine, y0 + h + start, spine, y0 + h + start + MARK_LENGTH),
        (spine, y0 - start, spine, y0 - start - MARK_LENGTH),
    ]
    ops = ["q", "/Reg CS 1 SCN", f"{_num(MARK_WIDTH)} w", "0 J"]
    for xa, ya, xb, yb in segs:
        ops.append(f"{_num(xa)} {_num(ya)} m {_num(xb)} {_num(yb)} l")
    ops += ["S", "Q"]
    return ops
