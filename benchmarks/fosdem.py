"""FOSDEM 2026 schedule.xml → event directory → shop booklet: prints each step's seconds and peak RSS.

Targets on this 2-core machine: import < 5 s, booklet (shop, reading order) < 20 s.
Run: /work/venv/bin/python benchmarks/fosdem.py
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_fosdem import SOURCE  # noqa: E402

IMPORT_TARGET = 5.0
BOOKLET_TARGET = 20.0


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step(label: str, t0: float, target: float | None = None) -> float:
    elapsed = time.perf_counter() - t0
    verdict = ""
    if target is not None:
        verdict = f"  (target < {target:g} s: {'ok' if elapsed < target else 'MISSED'})"
    print(f"{label:<28} {elapsed:6.2f} s   peak RSS {peak_rss_mb():6.0f} MB{verdict}", flush=True)
    return elapsed


def main() -> int:
    if not SOURCE.is_file():
        print(f"skip: {SOURCE} not found")
        return 0
    os.environ.setdefault("PRINTKIT_OFFLINE", "1")
    t_start = time.perf_counter()
    from printkit.errors import Problems
    from printkit.importers.cli import run_import
    from printkit.load import load_event
    from printkit.products.booklet import command as booklet

    step("python imports", t_start)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        target, data, _report = run_import("frab-xml", str(SOURCE), output=Path(tmp) / "fosdem")
        t_import = step(f"import ({len(data['sessions'])} sessions)", t0, IMPORT_TARGET)
        t0 = time.perf_counter()
        problems = Problems()
        event = load_event(target, problems)
        t_load = step("load + validate", t0)
        t0 = time.perf_counter()
        pdf = Path(tmp) / "booklet.pdf"
        summary = booklet.build(event, pdf, problems=problems, target="shop", offline=True)
        t_booklet = step("booklet render (shop)", t0)
        print(f"  {summary}")
        print()
        print(f"import:  {t_import:.2f} s (target < {IMPORT_TARGET:g} s)")
        print(f"booklet: {t_load + t_booklet:.2f} s load + render (target < {BOOKLET_TARGET:g} s)")
        print(f"peak RSS: {peak_rss_mb():.0f} MB")
        ok = t_import < IMPORT_TARGET and t_load + t_booklet < BOOKLET_TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
