"""A PDF → every text item it shows, with its size and the inks of its fill colour (test helper).

Reads each page's content stream with pikepdf.parse_content_stream (and the
form XObjects it draws, recursively), tracking the CTM, the text matrix, the
Tf size and the fill colour (k, g, rg, cs/sc/scn with the page's colour
spaces). A text item is one Tj, TJ, ' or " operator. Independent of
printkit's own code, so tests measure the PDF rather than restate it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pikepdf

FLOOR = 0.005  # a plate value below 0.5 % prints nothing


@dataclass(frozen=True)
class TextItem:
    page: int  # 1-based
    size: float  # effective point size (Tf size × text matrix × CTM scale)
    space: str  # DeviceCMYK, DeviceGray, DeviceRGB, Separation:<name>, ...
    color: tuple[float, ...]
    text: bytes
    font: str = ""  # BaseFont, subset prefix included

    @property
    def inks(self) -> int:
        """Printing plates this item uses (RGB counts 3 unless white or black)."""
        if self.space == "DeviceCMYK":
            return sum(v >= FLOOR for v in self.color)
        if self.space == "DeviceGray":
            return int(self.color[0] <= 1 - FLOOR)
        if self.space == "DeviceRGB":
            if all(v >= 1 - FLOOR for v in self.color):
                return 0
            return 1 if max(self.color) - min(self.color) < FLOOR else 3
        if self.space == "Separation:All":
            return 4
        return 1

    @property
    def white(self) -> bool:
        return self.inks == 0


def _mul(a, b):
    a1, b1, c1, d1, e1, f1 = a
    a2, b2, c2, d2, e2, f2 = b
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _space_name(obj, resources) -> tuple[str, int]:
    """A colour space operand → (kind, components)."""
    if isinstance(obj, pikepdf.Name):
        name = str(obj)[1:]
        if name in ("DeviceCMYK", "DeviceGray", "DeviceRGB"):
            return name, {"DeviceCMYK": 4, "DeviceGray": 1, "DeviceRGB": 3}[name]
        cs = resources.get("/ColorSpace", {}).get(str(obj)) if resources is not None else None
        if cs is None:
            return name, 1
        return _space_name(cs, resources)
    if isinstance(obj, pikepdf.Array):
        kind = str(obj[0])[1:]
        if kind == "Separation":
            return f"Separation:{str(obj[1])[1:]}", 1
        if kind == "ICCBased":
            n = int(obj[1].get("/N", 4))
            return {4: "DeviceCMYK", 1: "DeviceGray", 3: "DeviceRGB"}[n], n
        if kind == "DeviceN":
            return "DeviceN", len(obj[1])
        return kind, 1
    return "unknown", 1


def _walk(content, resources, page_no, ctm, out) -> None:
    state = {"space": "DeviceGray", "color": (0.0,), "ctm": ctm}
    stack = []
    tm = lm = (1, 0, 0, 1, 0, 0)
    size = 0.0
    font = ""
    leading = 0.0
    for operands, op in pikepdf.parse_content_stream(content):
        o = str(op)
        if o == "q":
            stack.append(dict(state))
        elif o == "Q":
            state = stack.pop() if stack else state
        elif o == "cm":
            state["ctm"] = _mul(tuple(float(v) for v in operands), state["ctm"])
        elif o == "k":
            state["space"], state["color"] = "DeviceCMYK", tuple(float(v) for v in operands)
        elif o == "g":
            state["space"], state["color"] = "DeviceGray", (float(operands[0]),)
        elif o == "rg":
            state["space"], state["color"] = "DeviceRGB", tuple(float(v) for v in operands)
        elif o == "cs":
            state["space"], n = _space_name(operands[0], resources)
            state["color"] = (1.0,) if n == 1 else (0.0,) * n
        elif o in ("sc", "scn"):
            state["color"] = tuple(float(v) for v in operands if not isinstance(v, pikepdf.Name))
        elif o == "BT":
            tm = lm = (1, 0, 0, 1, 0, 0)
        elif o == "Tf":
            size = float(operands[1])
            fdict = (
                resources.get("/Font", {}).get(str(operands[0])) if resources is not None else None
            )
            font = str(fdict.get("/BaseFont", "")) if fdict is not None else ""
        elif o == "TL":
            leading = float(operands[0])
        elif o == "Tm":
            tm = lm = tuple(float(v) for v in operands)
        elif o in ("Td", "TD"):
            tx, ty = float(operands[0]), float(operands[1])
            if o == "TD":
                leading = -ty
            lm = tm = _mul((1, 0, 0, 1, tx, ty), lm)
        elif o == "T*":
            lm = tm = _mul((1, 0, 0, 1, 0, -leading), lm)
        elif o in ("Tj", "TJ", "'", '"'):
            if o in ("'", '"'):
                lm = tm = _mul((1, 0, 0, 1, 0, -leading), lm)
            m = _mul(tm, state["ctm"])
            scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
            arg = operands[-1]
            raw = (
                b"".join(bytes(x) for x in arg if isinstance(x, pikepdf.String))
                if isinstance(arg, pikepdf.Array)
                else bytes(arg)
            )
            out.append(TextItem(page_no, size * scale, state["space"], state["color"], raw, font))
        elif o == "Do" and resources is not None:
            xo = resources.get("/XObject", {}).get(str(operands[0]))
            if xo is not None and xo.get("/Subtype") == "/Form":
                matrix = tuple(float(v) for v in xo.get("/Matrix", [1, 0, 0, 1, 0, 0]))
                _walk(xo, xo.get("/Resources", resources), page_no, _mul(matrix, state["ctm"]), out)


def text_items(pdf: Path | str) -> list[TextItem]:
    """Every text item of every page of `pdf`."""
    out: list[TextItem] = []
    with pikepdf.open(pdf) as doc:
        for i, page in enumerate(doc.pages, start=1):
            _walk(page, page.obj.get("/Resources"), i, (1, 0, 0, 1, 0, 0), out)
    return out


def ink_violations(items: list[TextItem]) -> dict[str, list[TextItem]]:
    """The items breaking the press rules: > 1 ink under 9 pt, > 2 under 12 pt, white under 9 pt,
    white under 12 pt in a regular (not bold) face."""
    return {
        "over 1 ink under 9 pt": [t for t in items if t.size < 9 - 1e-6 and t.inks > 1],
        "over 2 inks under 12 pt": [t for t in items if t.size < 12 - 1e-6 and t.inks > 2],
        "white under 9 pt": [t for t in items if t.size < 9 - 1e-6 and t.white],
        "white regular under 12 pt": [
            t for t in items if t.size < 12 - 1e-6 and t.white and "bold" not in t.font.lower()
        ],
    }
