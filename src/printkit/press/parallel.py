"""A run of N pieces → ranges drawn in worker processes (--jobs): one PDF each (--split), or joined into one.

Each range is rendered from the same sorted pieces by the same code whether
it runs here or in a forked worker, so the files are the same bytes for any
number of jobs. Workers are forked (they inherit the loaded event, fonts and
layout; nothing is pickled but each range's small result).

A single-file run of many pieces is cut into chunks whose size depends on
the run only (its piece count and pieces per page), never on the number of
jobs; each chunk is drawn into a temp file and press/join.py joins them, so
`--jobs 1` and `--jobs 8` write the same bytes. A small run is one chunk:
one press, no join.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from printkit.errors import PrintkitError
from printkit.press.output import write_atomic

__all__ = [
    "CHUNK_MIN",
    "CHUNKS_MAX",
    "Part",
    "chunk_ranges",
    "default_jobs",
    "draw_pieces",
    "parts",
    "run_joined",
    "run_parts",
    "write_manifest",
]

CHUNK_MIN = 400  # pieces: a run this size or smaller is one chunk (one press, no join)
CHUNKS_MAX = 8  # chunks of a big run: each costs a press (fonts, forms); 8 keep 2-8 cores busy


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


def chunk_ranges(total: int, per_page: int = 1, first_slot: int = 0) -> list[range]:
    """Piece ranges of a single-file run: 5,000 badges 6 a page → 8 page-aligned ranges of 630.

    One range up to CHUNK_MIN pieces; else up to CHUNKS_MAX ranges of at least
    CHUNK_MIN pieces, each a whole number of pages. `first_slot` pieces of the
    first page are skipped (--start-at), so the first range is that much shorter
    and every later one starts on a fresh page. Independent of the job count.
    """
    if total <= CHUNK_MIN:
        return [range(total)]
    per_page = max(1, per_page)
    size = max(CHUNK_MIN, -(-total // CHUNKS_MAX))
    size = -(-size // per_page) * per_page
    first = min(total, size - first_slot % per_page)
    found = [range(first)]
    while found[-1].stop < total:
        start = found[-1].stop
        found.append(range(start, min(start + size, total)))
    return found


_TASK: Callable | None = None


def _worker_start() -> None:
    """In a worker: SIGTERM (the pool closing) ends it quietly; Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


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
    # Ctrl-C or SIGTERM while the workers are forked would leave them running (the pool
    # not yet entered): the signals wait until the pool is there to be terminated.
    signals = {signal.SIGINT, signal.SIGTERM}
    held = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        pool = multiprocessing.get_context("fork").Pool(min(jobs, n), _worker_start)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    try:
        with pool:
            out = []
            for i, result in enumerate(pool.imap(_call, range(n))):
                out.append(result)
                if done:
                    done(i)
            return out
    finally:
        _TASK = None


def run_joined(draw: Callable[[int, Path], tuple], n: int, out: Path, jobs: int, done=None):
    """Draw chunks 0..n-1 (`draw(i, path)` → (PressResult, extra)) and join them into `out`.

    Returns (pages, [extra, …]). Each chunk is joined as soon as it and those
    before it are drawn (here, while workers draw the next ones) and its file
    removed; the chunk files live in a hidden temp folder beside `out`,
    removed whatever happens; `out` is written atomically.
    """
    from printkit.press.join import Joiner

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".parts"))
    joiner = None
    try:
        paths = [folder / f"part-{i:04d}.pdf" for i in range(n)]
        joiner = Joiner(out)

        def joined(i: int) -> None:
            joiner.add(paths[i])
            paths[i].unlink()
            if done:
                done(i)

        results = run_parts(lambda i: draw(i, paths[i]), n, jobs, joined)
        outline, offset = [], 0
        for result, _ in results:
            outline.extend((title, level, page + offset) for title, level, page in result.outline)
            offset += result.pages
        pages = joiner.finish(outline)
        return pages, [extra for _, extra in results]
    finally:
        if joiner is not None:
            joiner.abort()
        shutil.rmtree(folder, ignore_errors=True)


def draw_pieces(make_press: Callable, pieces: Sequence[tuple], out: Path, jobs: int, problems,
                advance=None, chunked: bool = True) -> tuple[int, Path]:  # fmt: skip
    """Pieces (front, back, trim) → `out` through `make_press(path, part)`: (pages, path).

    Up to CHUNK_MIN pieces, one press; more are drawn in chunks by `jobs`
    workers and joined (problems found in a worker come back here, each once).
    `advance(n)` is told as pieces are done (a progress bar). `chunked=False`
    keeps one press whatever the size (pages that link to each other).
    """
    probe = make_press(out, None)
    per_page = len(probe.slots) if probe.nup else 1
    probe._discard()
    ranges = chunk_ranges(len(pieces), per_page) if chunked else [range(len(pieces))]
    if len(ranges) == 1:
        with make_press(out, None) as press:
            for front, back, trim in pieces:
                press.add(front, back, trim=trim)
                if advance:
                    advance(1)
            result = press.close()
        return result.pages, result.path

    def draw(i: int, path: Path):
        n0 = len(problems.items)
        with make_press(path, i) as press:
            for front, back, trim in pieces[ranges[i].start : ranges[i].stop]:
                press.add(front, back, trim=trim)
            result = press.close()
        new = problems.items[n0:]
        del problems.items[n0:]
        return result, new

    done = (lambda i: advance(len(ranges[i]))) if advance else None
    pages, extras = run_joined(draw, len(ranges), Path(out), jobs, done)
    seen = set(problems.items)
    for new in extras:
        for p in new:
            if p not in seen:
                seen.add(p)
                problems.items.append(p)
    return pages, Path(out)


def write_manifest(path: Path, found: Sequence[Part], labels: Sequence[tuple[str, str]]) -> None:
    """A CSV of the split files: file, first, last, count, and the first and last piece's label."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["file", "first", "last", "count", "first_name", "last_name"])
    for part, (a, b) in zip(found, labels, strict=True):
        w.writerow([part.path.name, part.first, part.last, part.count, a, b])
    write_atomic(path, buf.getvalue().encode("utf-8"))
