"""gLabels template XML (brand, part, paper, label size, layouts) → a Sheet the press can fill.

Debian's glabels-data installs the template database as XML files in the
system's shared data folder; `find_template("avery-5395")` looks there.
A template's labels are placed exactly where gLabels puts them: each
<Layout nx ny x0 y0 dx dy> gives label origins measured from the sheet's
top-left corner.
"""

from __future__ import annotations

import difflib
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from printkit import impose
from printkit.errors import PrintkitError
from printkit.layout import Sheet
from printkit.units import INCH, MM

TEMPLATE_DIRS = (
    "/usr/share/glabels-qt/templates",
    "/usr/share/glabels/templates",
    "/usr/share/libglabels-3.0/templates",
    "/usr/share/libglabels/templates",
    "/usr/local/share/glabels-qt/templates",
    "/usr/local/share/libglabels-3.0/templates",
)
_UNITS = {"pt": 1.0, "in": INCH, "mm": MM, "cm": 10 * MM, "pc": 12.0}
_LEN = re.compile(r"^\s*(-?\d+(?:\.\d*)?|-?\.\d+)\s*(pt|in|mm|cm|pc)?\s*$")
_PAPER = {"A4": (210 * MM, 297 * MM), "US-Letter": (8.5 * INCH, 11 * INCH)}


def parse_length(value: str) -> float:
    """A gLabels length (`3.5in`, `86mm`, `207pt`, bare points) → points."""
    m = _LEN.match(value or "")
    if not m:
        raise ValueError(f"not a gLabels length: {value!r}")
    return float(m.group(1)) * _UNITS[m.group(2) or "pt"]


@dataclass(frozen=True)
class LabelSheet(Sheet):
    """A Sheet whose label cells come from gLabels layouts (top-left origins, points)."""

    cells: tuple[tuple[float, float], ...] = ()
    die_cut: bool = True  # gLabels templates describe die-cut label stock

    def slots(self, piece_w: float, piece_h: float) -> list[impose.Slot]:
        lw, lh = self.label_width or 0.0, self.label_height or 0.0
        _, sheet_h = self.size()
        eps = 0.5
        if piece_w <= lw + eps and piece_h <= lh + eps:
            pw, ph, rot = piece_w, piece_h, 0
        elif self.rotate and piece_h <= lw + eps and piece_w <= lh + eps:
            pw, ph, rot = piece_h, piece_w, 90
        else:
            return []
        out = []
        for x0, y0 in sorted(self.cells, key=lambda c: (round(c[1], 2), c[0])):
            y = sheet_h - y0 - lh
            out.append(impose.Slot(x0 + (lw - pw) / 2, y + (lh - ph) / 2, pw, ph, rot))
        return out


def template_dirs() -> list[Path]:
    """Folders searched for templates: $PRINTKIT_GLABELS_DIR (os.pathsep-separated), then the system's."""
    env = os.environ.get("PRINTKIT_GLABELS_DIR", "")
    dirs = [Path(p) for p in env.split(os.pathsep) if p] + [Path(p) for p in TEMPLATE_DIRS]
    return [d for d in dirs if d.is_dir()]


def template_name(brand: str, part: str) -> str:
    """('Avery', '5395') → 'avery-5395' (the name used with --sheet)."""
    return re.sub(r"[^a-z0-9.]+", "-", f"{brand}-{part}".lower()).strip("-")


def _papers(folder: Path) -> dict[str, tuple[float, float]]:
    out = dict(_PAPER)
    f = folder / "paper-sizes.xml"
    if f.is_file():
        try:
            for el in ET.parse(f).getroot().iter("Paper-size"):
                try:
                    out[el.get("id", "")] = (parse_length(el.get("width", "")),
                                             parse_length(el.get("height", "")))  # fmt: skip
                except ValueError:
                    continue
        except ET.ParseError:
            pass
    return out


def _label(tpl: ET.Element) -> tuple[float, float, float, ET.Element] | None:
    """(width, height, corner radius, element) of a template's first label shape."""
    for el in tpl:
        tag = el.tag
        if tag == "Label-rectangle":
            return (parse_length(el.get("width", "")), parse_length(el.get("height", "")),
                    parse_length(el.get("round", "0")), el)  # fmt: skip
        if tag in ("Label-round", "Label-cd"):
            r = parse_length(el.get("radius", ""))
            return 2 * r, 2 * r, r, el
        if tag == "Label-ellipse":
            return parse_length(el.get("width", "")), parse_length(el.get("height", "")), 0.0, el
    return None


def sheet_from_template(tpl: ET.Element, papers: dict, name: str, source: str) -> LabelSheet:
    """One <Template> element (not an equiv) → LabelSheet; ValueError when it cannot be used."""
    size = tpl.get("size", "")
    if size == "Other" or size not in papers:
        if tpl.get("width") is None or tpl.get("height") is None:
            raise ValueError(f"unknown paper size {size!r}")
        pw, ph = parse_length(tpl.get("width")), parse_length(tpl.get("height"))
    else:
        pw, ph = papers[size]
    label = _label(tpl)
    if label is None:
        raise ValueError("no label shape")
    lw, lh, radius, el = label
    cells = []
    for lay in el.iter("Layout"):
        nx, ny = int(lay.get("nx", "1")), int(lay.get("ny", "1"))
        x0, y0 = parse_length(lay.get("x0", "0")), parse_length(lay.get("y0", "0"))
        dx, dy = parse_length(lay.get("dx", "0")), parse_length(lay.get("dy", "0"))
        cells += [(x0 + i * dx, y0 + j * dy) for j in range(ny) for i in range(nx)]
    if not cells:
        raise ValueError("no <Layout>")
    desc = tpl.get("_description") or tpl.get("description") or ""
    return LabelSheet(
        name=name,
        paper=None,
        width=pw,
        height=ph,
        orientation="landscape" if pw > ph else "portrait",
        label_width=lw,
        label_height=lh,
        corner_radius=radius,
        cut_lines=False,
        rotate=True,
        source=f"gLabels template {tpl.get('brand')} {tpl.get('part')} ({desc}), {source}",
        cells=tuple(cells),
    )


@cache
def _index(folders: tuple[Path, ...]) -> dict[str, tuple[Path, str, str]]:
    """Template name → (file, brand, part of the template holding its geometry)."""
    out: dict[str, tuple[Path, str, str]] = {}
    for folder in folders:
        for f in sorted(folder.glob("*.xml")):
            try:
                root = ET.parse(f).getroot()
            except ET.ParseError:
                continue
            for tpl in root.iter("Template"):
                brand, part = tpl.get("brand", ""), tpl.get("part", "")
                if not brand or not part:
                    continue
                real = tpl.get("equiv") or part
                out.setdefault(template_name(brand, part), (f, brand, real))
    return out


def template_names() -> list[str]:
    return sorted(_index(tuple(template_dirs())))


def load_template(file: Path, brand: str | None = None, part: str | None = None) -> LabelSheet:
    """The template (brand, part) in `file` (the first one when not given) → LabelSheet."""
    try:
        root = ET.parse(file).getroot()
    except (ET.ParseError, OSError) as e:
        raise PrintkitError(f"{file}: not a gLabels template file ({e})") from None
    templates = list(root.iter("Template"))
    if root.tag == "Template":
        templates = [root]
    for tpl in templates:
        if part is not None and (tpl.get("part") != part or tpl.get("brand") != brand):
            continue
        if tpl.get("equiv"):
            if part is None:
                continue
            return load_template(file, tpl.get("brand"), tpl.get("equiv"))
        name = template_name(tpl.get("brand", ""), tpl.get("part", ""))
        try:
            return sheet_from_template(tpl, _papers(Path(file).parent), name, str(file))
        except ValueError as e:
            raise PrintkitError(f"{file}: gLabels template {name}: {e}") from None
    what = f"{brand} {part}" if part else "any usable template"
    raise PrintkitError(f"{file}: no gLabels template for {what}")


def find_template(name: str) -> LabelSheet | None:
    """A template by name (`avery-5395`, case-insensitive) from the installed database, or None."""
    hit = _index(tuple(template_dirs())).get(name.strip().lower())
    if hit is None:
        return None
    file, brand, part = hit
    sheet = load_template(file, brand, part)
    # an equivalent part keeps its own name
    return LabelSheet(**{**sheet.__dict__, "name": name.strip().lower()})


def close_names(name: str, n: int = 3) -> list[str]:
    return difflib.get_close_matches(name.strip().lower(), template_names(), n=n)
