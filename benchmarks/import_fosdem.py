"""FOSDEM 2026 schedule.xml (1,079 events) → event directory: prints the import wall time.

Target: under 5 s. Run: /work/venv/bin/python benchmarks/import_fosdem.py [--validate]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from printkit.importers.cli import run_import

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "fosdem-2026-schedule.xml"


def main() -> int:
    if not SOURCE.is_file():
        print(f"skip: {SOURCE} not found")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        target, data, _report = run_import("frab-xml", str(SOURCE), output=Path(tmp) / "fosdem")
        elapsed = time.perf_counter() - t0
        print(
            f"import FOSDEM 2026: {len(data['sessions'])} sessions, {len(data['speakers'])} speakers"
            f" in {elapsed:.2f} s (target < 5 s)"
        )
        if "--validate" in sys.argv:
            from printkit.errors import Problems
            from printkit.load import load_event

            t0 = time.perf_counter()
            load_event(target, Problems())
            print(f"load_event on the import: {time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
