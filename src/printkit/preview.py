"""PDF pages → PNG files (`<stem>-p<N>.png`), rendered with pypdfium2."""

from __future__ import annotations

from pathlib import Path

import click

from printkit.errors import PrintkitError, Problem
from printkit.press.output import atomic_target

__all__ = ["command", "parse_pages", "render_pages"]

NEED_EXTRA = "printkit preview needs the 'check' extra: pip install 'printkit[check]'"


def parse_pages(spec: str | None, count: int) -> list[int]:
    """'1-3,5' / '2-' / 'all' / None → sorted 1-based page numbers within 1..count.

    Numbers past the end are dropped; a malformed spec raises ValueError.
    """
    if spec is None or spec.strip().lower() in ("", "all"):
        return list(range(1, count + 1))
    chosen: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            raise ValueError(f"empty item in page range {spec!r}")
        first, dash, last = part.partition("-")
        try:
            start = int(first) if first.strip() else 1
            end = (int(last) if last.strip() else count) if dash else start
        except ValueError:
            raise ValueError(f"not a page range: {part!r} (use e.g. 1-3,5 or all)") from None
        if start < 1 or end < start:
            raise ValueError(f"not a page range: {part!r} (use e.g. 1-3,5 or all)")
        chosen.update(range(start, min(end, count) + 1))
    return sorted(chosen)


def render_pages(pdf: Path, out_dir: Path, pages: str | None = "1-3", dpi: int = 100) -> list[Path]:
    """Render the chosen pages of `pdf` to PNG files in `out_dir`; return their paths."""
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:
        raise PrintkitError(NEED_EXTRA) from exc
    pdf, out_dir = Path(pdf), Path(out_dir)
    if not pdf.is_file():
        raise PrintkitError([Problem("no such file", file=str(pdf))])
    try:
        doc = pdfium.PdfDocument(str(pdf))
    except pdfium.PdfiumError as exc:
        raise PrintkitError([Problem(f"not a readable PDF ({exc})", file=str(pdf))]) from exc
    try:
        try:
            numbers = parse_pages(pages, len(doc))
        except ValueError as exc:
            raise PrintkitError([Problem(str(exc), field="--pages")]) from exc
        if not numbers:
            raise PrintkitError(
                [
                    Problem(
                        f"no page {pages} in a {len(doc)}-page PDF", file=str(pdf), field="--pages"
                    )
                ]
            )
        written = []
        for number in numbers:
            page = doc[number - 1]
            image = page.render(scale=dpi / 72).to_pil()
            page.close()
            target = out_dir / f"{pdf.stem}-p{number}.png"
            with atomic_target(target) as tmp:
                image.save(tmp, format="PNG", dpi=(dpi, dpi))
            written.append(target)
        return written
    finally:
        doc.close()


@click.command("preview", help="Render PDF pages to PNG files named <stem>-p<N>.png.")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--pages", default="1-3", show_default=True, help="Pages: 1-3,5 or all.")
@click.option("--dpi", default=100, show_default=True, type=click.IntRange(10, 1200))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the PNG files (default: beside the PDF).",
)
def command(file: Path, pages: str, dpi: int, out_dir: Path | None) -> None:
    for path in render_pages(file, out_dir or file.parent, pages=pages, dpi=dpi):
        click.echo(str(path))
