"""A file name written in event data (logo, venue map, photo) → the regular file it names, or why not.

One check for every local file the loader accepts: a NUL byte or a lone
surrogate in the name, a symlink loop, a folder, a device or a pipe is
refused with words a user can act on, never an exception.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def regular_file(base: Path, name: str) -> tuple[Path | None, str | None]:
    """`name` relative to `base` → (resolved path, None) for a regular file, else (None, reason)."""
    if "\x00" in name:
        return None, "the file name holds a NUL byte"
    try:
        os.fsencode(name)
    except UnicodeEncodeError:
        return None, "the file name holds a character no file name can have (a lone surrogate)"
    path = base / name
    try:
        info = path.stat()  # follows symlinks
        resolved = path.resolve()
    except (RuntimeError, OSError) as exc:
        if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == 40:  # ELOOP
            return None, "a symlink loop"
        if isinstance(exc, FileNotFoundError):
            return None, "file not found"
        return None, f"cannot read it ({getattr(exc, 'strerror', None) or exc})"
    except ValueError:
        return None, "not a usable file name"
    if stat.S_ISDIR(info.st_mode):
        return None, "a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        return None, "not a regular file (a device, pipe or socket)"
    return resolved, None
