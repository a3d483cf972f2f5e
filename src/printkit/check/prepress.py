"""Content streams → text items (size, inks, face) → findings for the press rules on small type.

The rules a prepress desk queries (issue 11): text under 9 pt in one ink,
under 12 pt in at most two; white (reversed) text at least 9 pt and bold
below 12 pt, unless the band behind it prints in two inks at most; QR
modules at least 0.4 mm (measured on the decoded codes, see `qr_module_mm`).
One walk per page follows q/Q, cm, BT/Tf/Tm/Td and the fill colour (k, g,
rg, cs/sc/scn), into the forms a page draws.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from printkit.check.facts import Finding, _pages
from printkit.check.geometry import IDENTITY, Matrix, multiply

ONE_INK_BELOW = 9.0
TWO_INKS_BELOW = 12.0
REVERSED_MIN = 9.0
REVERSED_REGULAR_BELOW = 12.0
MIN_MODULE_MM = 0.4
FLOOR = 0.005  # a plate value below 0.5 % prints nothing
_COMPONENTS = {"DeviceCMYK": 4, "DeviceGray": 1, "DeviceRGB": 3}


@dataclass(frozen=True)
class TextItem:
    """One text-showing operator: where, how big, its fill's ink count, white or not, bold or not."""

    page: int
    size: float
    inks: int
    white: bool
    bold: bool


@dataclass
class PressFacts:
    items: list[TextItem] = field(default_factory=list)
    qr_modules: list[tuple[int, str, float]] = field(default_factory=list)  # page, text, mm


def _inks(space: str, color: tuple[float, ...]) -> tuple[int, bool]:
    """(plates used, white?) of a fill colour."""
    if space == "DeviceCMYK" and len(color) == 4:
        n = sum(v >= FLOOR for v in color)
    elif space == "DeviceGray" and color:
        n = int(color[0] <= 1 - FLOOR)
    elif space == "DeviceRGB" and len(color) == 3:
        grey = max(color) - min(color) < FLOOR
        n = 0 if min(color) >= 1 - FLOOR else (1 if grey else 3)
    elif space == "Separation:All":
        n = 4
    elif space.startswith("Separation:"):
        n = int(any(v >= FLOOR for v in color)) if color else 1
    else:
        n = 4  # DeviceN, Lab, patterns: assume the worst
    return n, n == 0


def _space(obj, resources) -> str:
    import pikepdf

    if isinstance(obj, pikepdf.Name):
        name = str(obj)[1:]
        if name in _COMPONENTS:
            return name
        cs = resources.get("/ColorSpace", {}).get(str(obj))
        return _space(cs, resources) if cs is not None else name
    if isinstance(obj, pikepdf.Array) and len(obj):
        kind = str(obj[0])[1:]
        if kind == "Separation" and len(obj) > 1:
            return f"Separation:{str(obj[1])[1:]}"
        if kind == "ICCBased" and len(obj) > 1:
            return {4: "DeviceCMYK", 1: "DeviceGray", 3: "DeviceRGB"}.get(
                int(obj[1].get("/N", 4)), kind
            )
        return kind
    return "unknown"


class TextInkScanner:
    """Collects a TextItem for every Tj, TJ, ' and " of a page and the forms it draws."""

    def __init__(self) -> None:
        self.items: list[TextItem] = []
        self._depth = 0

    def scan_page(self, number: int, page) -> None:
        import pikepdf

        self._scan(page, page.obj.get("/Resources", pikepdf.Dictionary()), IDENTITY, number)

    def _scan(self, content, resources, ctm: Matrix, number: int) -> None:
        import pikepdf

        if self._depth > 12:
            return
        try:
            instructions = pikepdf.parse_content_stream(content)
        except pikepdf.PdfError:
            return
        state = {"ctm": ctm, "space": "DeviceGray", "color": (0.0,), "size": 0.0, "bold": False}
        stack: list[dict] = []
        tm = lm = IDENTITY
        leading = 0.0
        for operands, operator in instructions:
            op = str(operator)
            if op == "q":
                stack.append(dict(state))
            elif op == "Q":
                state = stack.pop() if stack else state
            elif op == "cm" and len(operands) == 6:
                state["ctm"] = multiply(tuple(float(v) for v in operands), state["ctm"])
            elif op == "k":
                state["space"], state["color"] = "DeviceCMYK", tuple(float(v) for v in operands)
            elif op == "g":
                state["space"], state["color"] = "DeviceGray", tuple(float(v) for v in operands)
            elif op == "rg":
                state["space"], state["color"] = "DeviceRGB", tuple(float(v) for v in operands)
            elif op == "cs" and operands:
                state["space"] = _space(operands[0], resources)
                n = _COMPONENTS.get(state["space"], 1)
                state["color"] = (1.0,) if n == 1 else (0.0,) * n
            elif op in ("sc", "scn"):
                state["color"] = tuple(
                    float(v) for v in operands if not isinstance(v, pikepdf.Name)
                )
            elif op == "BT":
                tm = lm = IDENTITY
            elif op == "Tf" and len(operands) == 2:
                state["size"] = float(operands[1])
                font = resources.get("/Font", {}).get(str(operands[0]))
                base = str(font.get("/BaseFont", "")) if font is not None else ""
                state["bold"] = any(w in base.lower() for w in ("bold", "black", "heavy"))
            elif op == "TL" and operands:
                leading = float(operands[0])
            elif op == "Tm" and len(operands) == 6:
                tm = lm = tuple(float(v) for v in operands)
            elif op in ("Td", "TD") and len(operands) == 2:
                tx, ty = float(operands[0]), float(operands[1])
                if op == "TD":
                    leading = -ty
                tm = lm = multiply((1, 0, 0, 1, tx, ty), lm)
            elif op in ("T*", "'", '"'):
                tm = lm = multiply((1, 0, 0, 1, 0, -leading), lm)
            if op in ("Tj", "TJ", "'", '"'):
                m = multiply(tm, state["ctm"])
                size = state["size"] * math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
                inks, white = _inks(state["space"], state["color"])
                self.items.append(TextItem(number, size, inks, white, state["bold"]))
            elif op == "Do" and operands:
                xo = resources.get("/XObject", {}).get(str(operands[0]))
                if xo is not None and str(xo.get("/Subtype", "")) == "/Form":
                    matrix = tuple(float(v) for v in xo.get("/Matrix", IDENTITY))
                    self._depth += 1
                    try:
                        self._scan(xo, xo.get("/Resources", resources),
                                   multiply(matrix, state["ctm"]), number)  # fmt: skip
                    finally:
                        self._depth -= 1


def qr_module_mm(result, dpi: int) -> float | None:
    """A zxing-cpp QR result on a `dpi` raster → its module size in mm (None when unknown)."""
    try:
        import qrcode

        levels = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
                  "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}  # fmt: skip
        code = qrcode.QRCode(error_correction=levels[str(result.ec_level)[:1]], border=0)
        code.add_data(result.text)
        code.make(fit=True)
        p = result.position
        width = math.dist((p.top_left.x, p.top_left.y), (p.top_right.x, p.top_right.y))
        return width / code.modules_count / dpi * 25.4
    except Exception:  # an unusual code (structured append, a level zxing did not say)
        return None


def judge_press(facts: PressFacts | None, target: str) -> list[Finding]:
    """Findings for ink per text size and reversed text (shop) and QR module size (shop, office)."""
    if facts is None:
        return []
    out: list[Finding] = []
    if target == "shop":
        out += _rule(
            "ink per text size",
            [t for t in facts.items if t.size < ONE_INK_BELOW - 1e-6 and t.inks > 1]
            + [
                t
                for t in facts.items
                if ONE_INK_BELOW - 1e-6 <= t.size < TWO_INKS_BELOW - 1e-6 and t.inks > 2
            ],  # fmt: skip
            "text under 9 pt in more than one ink or under 12 pt in more than two",
            "text under 9 pt uses one ink, under 12 pt at most two",
        )
        out += _rule(
            "reversed text",
            [
                t
                for t in facts.items
                if t.white
                and (
                    t.size < REVERSED_MIN - 1e-6
                    or (t.size < REVERSED_REGULAR_BELOW - 1e-6 and not t.bold)
                )
            ],  # fmt: skip
            "white text under 9 pt, or regular under 12 pt (fine only if the band behind "
            "prints in two inks at most)",
            "white text is 9 pt or more, bold below 12 pt",
        )
    if target in ("shop", "office") and facts.qr_modules:
        small = [(p, t, m) for p, t, m in facts.qr_modules if m < MIN_MODULE_MM - 0.005]
        if small:
            page, text, mm = min(small, key=lambda x: x[2])
            out.append(Finding("FAIL", "QR modules", f"{len(small)} code(s) with modules under "
                               f"{MIN_MODULE_MM} mm on {_pages(sorted({p for p, _, _ in small}))} "
                               f"(smallest {mm:.2f} mm: {text[:40]!r})"))  # fmt: skip
        else:
            least = min(m for _, _, m in facts.qr_modules)
            out.append(Finding("PASS", "QR modules", f"every decoded code's modules are at least "
                               f"{MIN_MODULE_MM} mm (smallest {least:.2f} mm)"))  # fmt: skip
    return out


def _rule(topic: str, bad: list[TextItem], what: str, ok: str) -> list[Finding]:
    if not bad:
        return [Finding("PASS", topic, ok)]
    sizes = sorted({round(t.size, 1) for t in bad})
    shown = ", ".join(f"{s:g}" for s in sizes[:6]) + (" …" if len(sizes) > 6 else "")
    return [Finding("WARN", topic, f"{len(bad)} item(s) of {what}, on "
                    f"{_pages(sorted({t.page for t in bad}))} (sizes {shown} pt)")]  # fmt: skip
