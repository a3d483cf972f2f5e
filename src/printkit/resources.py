"""Names of bundled folders (assets, data, layouts) → their paths, installed or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """Return the folder `name` (assets, data or layouts) shipped with printkit.

    A wheel carries them inside the package; a source checkout or an editable
    install finds them at the repository's top level.
    """
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / name


def asset(*parts: str) -> Path:
    """Path of a file under assets/."""
    return resource_dir("assets").joinpath(*parts)


def sample_event_dir() -> Path:
    """The bundled sample event, GOSIM AI Paris 2025."""
    return resource_dir("data") / "gosim-ai-paris-2025"
