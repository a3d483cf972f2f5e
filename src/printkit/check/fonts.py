"""Font dictionaries → name, type and whether the program is embedded; judged: all embedded."""

from __future__ import annotations

from printkit.check.facts import CheckReport, Finding, FontFact


def font_fact(font) -> FontFact:
    """A font dictionary → its name, type and whether its program is embedded."""
    subtype = str(font.get("/Subtype", "/?")).lstrip("/")
    name = str(font.get("/BaseFont", font.get("/Name", "(unnamed)"))).lstrip("/")
    if subtype == "Type3":
        return FontFact(name, subtype, True)
    descriptor_owner = font
    if subtype == "Type0":
        descendants = font.get("/DescendantFonts", [])
        if len(descendants):
            descriptor_owner = descendants[0]
    descriptor = descriptor_owner.get("/FontDescriptor")
    embedded = descriptor is not None and any(
        k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
    )
    return FontFact(name, subtype, embedded)


def judge_fonts(report: CheckReport) -> list[Finding]:
    """Every font embedded passes; any font without its program fails."""
    out: list[Finding] = []
    unembedded = [f.name for f in report.fonts if not f.embedded]
    if unembedded:
        out.append(Finding("FAIL", "fonts", "not embedded: " + ", ".join(unembedded)))
    else:
        out.append(Finding("PASS", "fonts", f"all {len(report.fonts)} font(s) embedded"))
    return out
