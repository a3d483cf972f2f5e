"""The bundled sample's products → docs/images/sample.png, the picture at the top of the README.

Run from the repository root: `python tools/readme_image.py` (offline; photos fall back to initials).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images" / "sample.png"
HEIGHT = 520  # pixels of each panel
# (command, extra options, page index, crop to trim)
PANELS = [
    ("booklet", [], 0),
    ("booklet", [], 3),
    ("badges", ["--only", "xiyuan-wang"], 0),
    ("badges", ["--only", "xiyuan-wang"], 1),
    ("signs", ["--kind", "room"], 1),
    ("signs", ["--kind", "door", "--room", "ai-infra-stage"], 1),
    ("cards", [], "Ladies and gentlemen"),  # the card with the seed's host introduction
]


def render(pdf: Path, index: int | str) -> Image.Image:
    """One page (by number, or the first holding a text), cropped to its TrimBox, HEIGHT tall."""
    doc = pdfium.PdfDocument(pdf)
    if isinstance(index, str):
        index = next(i for i in range(len(doc)) if index in doc[i].get_textpage().get_text_range())
    page = doc[index]
    left, bottom, right, top = page.get_trimbox()
    mb = page.get_mediabox()
    scale = HEIGHT / (top - bottom)
    img = page.render(scale=scale).to_pil()
    crop = (
        round((left - mb[0]) * scale),
        round((mb[3] - top) * scale),
        round((right - mb[0]) * scale),
        round((mb[3] - bottom) * scale),
    )
    doc.close()
    return ImageOps.expand(img.crop(crop), border=1, fill="#C8CCD2")


def main() -> int:
    env = dict(os.environ, PRINTKIT_OFFLINE="1")
    images = []
    with tempfile.TemporaryDirectory() as tmp:
        made: dict[tuple, Path] = {}
        for cmd, opts, index in PANELS:
            key = (cmd, *opts)
            if key not in made:
                out = Path(tmp) / f"{len(made)}.pdf"
                subprocess.run(
                    [sys.executable, "-m", "printkit", cmd, *opts, "--target", "screen", "-o", out],
                    check=True,
                    env=env,
                    capture_output=True,
                )
                made[key] = out
            images.append(render(made[key], index))
    gap = 24
    width = sum(im.width for im in images) + gap * (len(images) + 1)
    sheet = Image.new("RGB", (width, HEIGHT + 2 + 2 * gap), "#EEF0F3")
    x = gap
    for im in images:
        sheet.paste(im, (x, gap + (HEIGHT + 2 - im.height) // 2))
        x += im.width + gap
    sheet.thumbnail((2400, 2400))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(OUT, optimize=True)
    print(f"{OUT.relative_to(ROOT)}: {sheet.width}x{sheet.height}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
