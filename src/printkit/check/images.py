"""Placed images (pixels and drawn size) → a warning for each below the target's ppi floor."""

from __future__ import annotations

from printkit.check.facts import CheckReport, Finding, _pages

MIN_PPI = {"shop": 250, "office": 150, "screen": 0}


def judge_images(report: CheckReport, target: str) -> list[Finding]:
    """Each image drawn below the target's ppi floor warns; none below passes."""
    out: list[Finding] = []
    floor = MIN_PPI.get(target, 0)
    low = [i for i in report.images if i.min_ppi < floor]
    for image in low:
        out.append(
            Finding(
                "WARN",
                "images",
                f"{image.name} {image.width}x{image.height} px at {image.min_ppi:.0f} ppi "
                f"(below {floor}) on {_pages(sorted(image.pages))}",
            )
        )
    if report.images and not low:
        out.append(Finding("PASS", "images", f"all {len(report.images)} image(s) at {floor}+ ppi"))
    return out
