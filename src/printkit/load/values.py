"""Fields several entities share → checked values: local image files and link maps."""

from __future__ import annotations

from pathlib import Path

from printkit.errors import quote
from printkit.load.local_file import regular_file
from printkit.load.reader import _Reader


def _local_file(r: _Reader, d, key, path, base: Path) -> Path | None:
    v = r.text(d, key, path)
    if v is None:
        return None
    p, why = regular_file(base, v)
    if p is None:
        what = f"file not found: {v}" if why == "file not found" else f"{quote(v)}: {why}"
        r.warn(d, key, f"{path}.{key}", f"{what} (drawn without it)")
        return None
    if not _is_image(p):
        r.warn(d, key, f"{path}.{key}", f"not an image: {v} (drawn without it)")
        return None
    return p


def _is_image(p: Path) -> bool:
    """True when Pillow recognises the file's header as an image (reads only the header)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(p) as im:
            return bool(im.size)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return False


def _links(r: _Reader, d, path) -> tuple[tuple[str, str], ...]:
    raw = d.get("links")
    if raw is None:
        return ()
    m = r.mapping(raw, f"{path}.links", d, "links")
    if m is None:
        return ()
    out = []
    for k in m:
        u = r.url(m, k, f"{path}.links")
        if u:
            out.append((str(k), u))
    return tuple(out)
