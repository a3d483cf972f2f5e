"""Colour space objects → labels like `ICCBased(RGB)`; judged: no RGB in a print-shop file."""

from __future__ import annotations

from printkit.check.facts import CheckReport, Finding, _pages

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


def is_rgb(colour: str) -> bool:
    return "RGB" in colour


def judge_colour(report: CheckReport, shop: bool) -> list[Finding]:
    """For a print shop, any RGB colour space fails (listed with its pages)."""
    out: list[Finding] = []
    rgb = {c: p for c, p in report.colours.items() if is_rgb(c)}
    if shop and rgb:
        detail = "; ".join(f"{c} on {_pages(sorted(p))}" for c, p in sorted(rgb.items()))
        out.append(Finding("FAIL", "colour", f"RGB colour in a print file: {detail}"))
    elif shop:
        out.append(Finding("PASS", "colour", "no RGB colour"))
    return out
