"""Content streams (pages and the forms they draw) → colour spaces, fonts and image placements.

One walk per page follows `q`/`Q`/`cm` for the current matrix, so each
image's effective ppi is known where it is drawn; forms reused on many
pages are parsed once.
"""

from __future__ import annotations

from printkit.check.colour import colour_label
from printkit.check.facts import FontFact, ImageFact
from printkit.check.fonts import font_fact
from printkit.check.geometry import IDENTITY, Matrix, effective_ppi, multiply


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
