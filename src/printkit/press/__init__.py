"""Press: the only modules that know ReportLab and pikepdf: pieces → pages → finished PDF.

`Press` lays pieces out per target, `Surface` is what products draw on,
`Target`/`TARGETS` name what a PDF is for (shop, office, screen). They are
imported lazily, so importing one press module (fonts, qr) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from printkit.press.page import Press, PressResult
    from printkit.press.surface import Surface
    from printkit.press.target import TARGETS, Target

__all__ = ["TARGETS", "Press", "PressResult", "Surface", "Target"]


def __getattr__(name: str):
    if name in ("Press", "PressResult", "Target", "TARGETS"):
        from printkit.press import page

        return getattr(page, name)
    if name == "Surface":
        from printkit.press.surface import Surface

        return Surface
    raise AttributeError(f"module 'printkit.press' has no attribute {name!r}")
