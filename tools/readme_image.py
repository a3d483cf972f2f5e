"""The bundled sample's products → docs/images/sample.png, the picture at the top of the README,
and docs/images/languages.png: the same booklet page and door sign in English, French,
Chinese and Arabic (`--lang`).

Run from the repository root: `python tools/readme_image.py` (offline; photos fall back to initials).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images" / "sample.png"
LANG_OUT = ROOT / "docs" / "images" / "languages.png"
LANGS = ("en", "fr", "zh-Hans", "ar")
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
        index = next(i for i in range(len(doc)) if index in _text(doc[i]))
    elif isinstance(index, tuple):  # the first page (from index[0]) holding index[1]
        start, needle = index
        index = next(i for i in range(start, len(doc)) if needle in _text(doc[i]))
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


def _text(page) -> str:
    """A page's text, compatibility-normalized (Arabic presentation forms → letters)."""
    return unicodedata.normalize("NFKC", page.get_textpage().get_text_range())


def language_panels() -> list[tuple]:
    """The booklet's first sessions page and one door sign, in each of LANGS."""
    sys.path.insert(0, str(ROOT / "src"))
    from printkit import i18n

    out = []
    for tag in LANGS:
        with i18n.use(tag):
            heading = unicodedata.normalize("NFKC", i18n.tr("Sessions"))
        out.append(("booklet", ["--lang", tag], (3, heading)))
    for tag in LANGS:
        out.append(("signs", ["--kind", "door", "--room", "ai-infra-stage", "--lang", tag], 1))
    return out


def main() -> int:
    _sheet(PANELS, OUT)
    _sheet(language_panels(), LANG_OUT, rows=2)
    return 0


def _sheet(panels, out_path: Path, rows: int = 1) -> None:
    env = dict(os.environ, PRINTKIT_OFFLINE="1")
    images = []
    with tempfile.TemporaryDirectory() as tmp:
        made: dict[tuple, Path] = {}
        for cmd, opts, index in panels:
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
    per_row = -(-len(images) // rows)
    lines = [images[i : i + per_row] for i in range(0, len(images), per_row)]
    width = max(sum(im.width for im in line) + gap * (len(line) + 1) for line in lines)
    sheet = Image.new("RGB", (width, rows * (HEIGHT + 2 + gap) + gap), "#EEF0F3")
    for r, line in enumerate(lines):
        x = gap
        top = gap + r * (HEIGHT + 2 + gap)
        for im in line:
            sheet.paste(im, (x, top + (HEIGHT + 2 - im.height) // 2))
            x += im.width + gap
    sheet.thumbnail((2400, 2400))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out_path, optimize=True)
    print(f"{out_path.relative_to(ROOT)}: {sheet.width}x{sheet.height}")


if __name__ == "__main__":
    raise SystemExit(main())
