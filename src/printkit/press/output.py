"""Bytes → a file written atomically: a temp file beside the target, fsync, rename.

A reader (or a print shop's hot folder) sees either the old file or the
complete new one, never a half-written PDF. On any failure, including
Ctrl-C, the temp file is removed and an existing target is left untouched.
A process killed with SIGKILL can leave a hidden `.<name>.*.tmp` file
behind, but never a truncated target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["atomic_target", "write_atomic"]


@contextlib.contextmanager
def atomic_target(path: Path | str) -> Iterator[Path]:
    """Yield a temp path beside `path`; rename it onto `path` when the block succeeds.

    For writers that need a file name (ReportLab, pikepdf). Parent folders
    are created. The temp file is removed if the block raises anything,
    KeyboardInterrupt included.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        dir=path.parent, delete=False, prefix="." + path.name + ".", suffix=".tmp"
    ) as handle:
        tmp = Path(handle.name)
    try:
        yield tmp
        _fsync_file(tmp)
        os.chmod(tmp, _final_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def write_atomic(path: Path | str, data: bytes | Iterable[bytes]) -> None:
    """Write `data` (bytes, or an iterable of byte chunks) to `path` atomically."""
    with atomic_target(path) as tmp, open(tmp, "wb") as out:
        if isinstance(data, (bytes, bytearray, memoryview)):
            out.write(data)
        else:
            for chunk in data:
                out.write(chunk)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; not possible on every platform (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _final_mode(path: Path) -> int:
    """Keep an existing file's mode; a new file gets 0o666 minus the umask (temp files are 0o600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
