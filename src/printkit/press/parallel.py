"""A run of N pieces → ranges written as one PDF each (--split), in worker processes (--jobs), and a manifest.

Each range is rendered from the same sorted pieces by the same code whether
it runs here or in a forked worker, so the files are the same bytes for any
number of jobs. Workers are forked (they inherit the loaded event, fonts and
layout; nothing is pickled but each range's small result).
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from printkit.errors import PrintkitError
from printkit.press.output import write_atomic

__all__ = ["Part", "default_jobs", "parts", "run_parts", "write_manifest"]


@dataclass(frozen=True)
class Part:
    """One file of a split run: pieces first..last (1-based, inclusive)."""

    index: int
    first: int
    last: int
    path: Path

    @property
    def count(self) -> int:
        return self.last - self.first + 1


def default_jobs() -> int:
    """The processors this process may run on (all cores by default)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def parts(out: Path, total: int, size: int) -> list[Part]:
    """`badges.pdf`, 2,500 pieces, 1,000 a file → badges-0001-1000.pdf, -1001-2000, -2001-2500."""
    if size < 1:
        raise PrintkitError(f"--split takes a number of pieces per file (1 or more), not {size}")
    width = max(4, len(str(total)))
    out = Path(out)
    found = []
    for i, start in enumerate(range(0, total, size)):
        first, last = start + 1, min(start + size, total)
        name = f"{out.stem}-{first:0{width}d}-{last:0{width}d}{out.suffix or '.pdf'}"
        found.append(Part(i, first, last, out.with_name(name)))
    return found


_TASK: Callable | None = None


def _call(i: int):
    assert _TASK is not None
    return _TASK(i)


def run_parts(task: Callable[[int], object], n: int, jobs: int, done=None) -> list:
    """[task(0), …, task(n-1)]: here when jobs is 1, else in up to `jobs` forked workers.

    `done(i)` is called here as each result arrives, in order (for a progress bar).
    """
    global _TASK
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if jobs <= 1 or n <= 1 or not forkable:
        out = []
        for i in range(n):
            out.append(task(i))
            if done:
                done(i)
        return out
    _TASK = task
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, n)) as pool:
            out = []
            for i, result in enumerate(pool.imap(_call, range(n))):
                out.append(result)
                if done:
                    done(i)
            return out
    finally:
        _TASK = None


def write_manifest(path: Path, found: Sequence[Part], labels: Sequence[tuple[str, str]]) -> None:
    """A CSV of the split files: file, first, last, count, and the first and last piece's label."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["file", "first", "last", "count", "first_name", "last_name"])
    for part, (a, b) in zip(found, labels, strict=True):
        w.writerow([part.path.name, part.first, part.last, part.count, a, b])
    write_atomic(path, buf.getvalue().encode("utf-8"))
