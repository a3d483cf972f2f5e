"""layouts/badges/<name>.yaml → a frozen BadgeLayout (schema.py), its sizes checked against the face.

A badge layout is data: adding one is a YAML file, no Python. Lengths are
human (`105mm`, `4in`, `12pt`); type sizes are points. Unknown keys are
errors naming the file and line (printkit.layout does the checking); sizes
that leave no room for the name (geometry.room_problems) are errors at their
own key's line.
"""

from __future__ import annotations

from pathlib import Path

from printkit.errors import Problems
from printkit.layout import find_layout, load_layout
from printkit.products.badges.geometry import room_problems, value_at
from printkit.products.badges.schema import (  # noqa: F401  (re-exported: the layout's names)
    DEFAULT_LAYOUT,
    QR,
    Back,
    BadgeLayout,
    Band,
    Colors,
    Names,
    Photo,
    RoleBand,
)
from printkit.units import MM


def layout_path(ref: str | Path | None) -> Path:
    """The YAML file of a layout name or path."""
    return find_layout(ref or DEFAULT_LAYOUT, "badges")


def key_line(path: Path, key: str) -> tuple[int | None, str | None]:
    """Line of a dotted key in a layout file (or of its nearest parent) and the value as written."""
    from printkit.yamlsafe import load_yaml

    data = load_yaml(path, Problems())
    line, raw = getattr(data, "line", 1), None
    for part in key.split("."):
        if not isinstance(data, dict) or part not in data:
            return line, None
        getter = getattr(data, "line_of", None)
        line = (getter(part) if getter else None) or line
        data = data[part]
    if isinstance(data, (str, int, float)) and not isinstance(data, bool):
        raw = str(data)
    return line, raw


def load_badge_layout(ref: str | Path | None, problems: Problems | None = None) -> BadgeLayout:
    """A layout name (layouts/badges/<name>.yaml) or YAML file → BadgeLayout.

    Sizes that leave no room on the face are errors at their own key's line.
    """
    path = layout_path(ref)
    lay = load_layout(path, "badges", BadgeLayout, problems)
    found = room_problems(lay)
    if found:
        errs = Problems()
        for key, msg in found:
            line, raw = key_line(path, key)
            value = raw if raw is not None else f"{value_at(lay, key) / MM:g}mm"
            errs.error(f"{value} {msg}", str(path), line, key)
        errs.raise_if_errors()
    return lay
