"""Target names (shop, office, screen) → what a PDF is for: CMYK, bleed, marks, links."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """What a PDF is for: print shop, office printer or screen."""

    name: str
    cmyk: bool
    bleed: bool
    marks: bool
    links: bool


TARGETS: dict[str, Target] = {
    "shop": Target("shop", cmyk=True, bleed=True, marks=True, links=False),
    "office": Target("office", cmyk=False, bleed=False, marks=False, links=False),
    "screen": Target("screen", cmyk=False, bleed=False, marks=False, links=True),
}
