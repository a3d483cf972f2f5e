"""PDF page → RGB raster through pdfium or Ghostscript (the second renderer), for pixel checks."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

GS = shutil.which("gs")


def render_pdfium(pdf: Path, page: int, dpi: float) -> Image.Image:
    """Page `page` (0-based) of `pdf` at `dpi`, drawn by pdfium, MediaBox at (0, 0)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc[page].render(scale=dpi / 72, may_draw_forms=False).to_pil().convert("RGB")
    finally:
        doc.close()


def render_gs(pdf: Path, page: int, dpi: float) -> Image.Image:
    """Page `page` (0-based) of `pdf` at `dpi`, drawn by Ghostscript (callers skip when GS is None)."""
    with tempfile.TemporaryDirectory(prefix="printkit-gs-") as tmp:
        out = Path(tmp) / "p.png"
        subprocess.run(
            [GS, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=png16m", f"-r{dpi}",
             f"-dFirstPage={page + 1}", f"-dLastPage={page + 1}", f"-sOutputFile={out}", str(pdf)],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        with Image.open(out) as im:
            return im.convert("RGB")


RENDERERS = {"pdfium": render_pdfium, "gs": render_gs}
