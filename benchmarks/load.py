"""Event loading speed: `load_event` on the bench's 5,000-speaker / 6,000-session event (10 MB).

Run: python benchmarks/load.py [EVENT] [--runs 5] [--modes auto,split,whole]

Without EVENT, the event is generated once into a temporary directory with
../shared/bench's gen_event.py and to_printkit.py (5,000 speakers, 6,000
sessions). Each run is a fresh subprocess: it imports printkit, then times
`load_event` alone. Modes:

- `auto`: what printkit does (a big text is parsed in chunks by forked
  workers when processors are idle, see `yamlsplit.chunk_count`);
- `split`: always in chunks, one per CPU (`yamlsplit.JOBS` = CPUs);
- `whole`: one parse of the whole text (`yamlsplit.JOBS = 1`);
- `python`: the pure-Python reference loader (slow; not in the default modes);
- `before`: with `--before SRC`, the printkit in that source folder (e.g. main's).

Printed per mode: the median wall time, the CPU time of the process and of
its workers (user + system), and the load average while it ran. On a shared
machine, read the CPU column; wall time depends on who else is running.
Issue 15's target: load_event ≤ 0.9 s wall on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"

CHILD = r"""
import json, os, sys, time
mode = sys.argv[2]
t0 = time.perf_counter()
from printkit import yamlsafe
from printkit.load import load_event
try:
    import printkit.yamlsplit as ys
except ImportError:  # an older printkit (--before)
    ys = None
if mode == "whole":
    ys.JOBS = 1
elif mode == "split":
    ys.JOBS = os.cpu_count()
elif mode == "python":
    yamlsafe._CLoader = None
t1 = time.perf_counter()
c1 = os.times()
event = load_event(sys.argv[1])
t2 = time.perf_counter()
c2 = os.times()
cpu = sum(b - a for a, b in zip(c1[:4], c2[:4]))
print(json.dumps({"import": t1 - t0, "wall": t2 - t1, "cpu": cpu,
                  "speakers": len(event.speakers), "sessions": len(event.sessions)}))
"""


def make_event(folder: Path) -> Path:
    """The bench's event, written as printkit YAML."""
    raw, out = folder / "ev.yaml", folder / "ev.pk.yaml"
    subprocess.run(
        [sys.executable, str(BENCH / "gen_event.py"), "5000", "6000", str(raw)], check=True
    )
    subprocess.run([sys.executable, str(BENCH / "to_printkit.py"), str(raw), str(out)], check=True)
    return out


def run(event: Path, mode: str, before: Path | None = None) -> dict:
    load = os.getloadavg()[0]
    env = dict(os.environ)
    if mode == "before":
        env["PYTHONPATH"] = str(before)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(event), mode],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    found = json.loads(done.stdout.splitlines()[-1])
    found["load"] = (load + os.getloadavg()[0]) / 2
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("event", nargs="?", type=Path, help="an event file (default: the bench's)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--modes", default="auto,split,whole", help="auto, split, whole, python (comma-separated)"
    )
    ap.add_argument(
        "--before",
        type=Path,
        help="also time the printkit whose source folder this is (e.g. ../main/src), as 'before'",
    )
    args = ap.parse_args()
    modes = args.modes.split(",") + (["before"] if args.before else [])
    with tempfile.TemporaryDirectory() as tmp:
        event = args.event or make_event(Path(tmp))
        size = event.stat().st_size
        run(event, modes[0])  # warm the file cache
        found: dict[str, list[dict]] = {m: [] for m in modes}
        for _ in range(args.runs):
            for mode in modes:  # in turn, so a busy machine slows every mode alike
                found[mode].append(run(event, mode, args.before))
    print(f"load_event on {event.name} ({size / 1e6:.1f} MB), {os.cpu_count()} CPUs, "
          f"medians of {args.runs} runs")  # fmt: skip
    print(f"{'mode':8} {'wall s':>7} {'CPU s':>7} {'import s':>9} {'load avg':>9}  items")
    for mode, runs in found.items():

        def med(key, runs=runs):
            return statistics.median(r[key] for r in runs)

        items = f"{runs[0]['speakers']:,} speakers, {runs[0]['sessions']:,} sessions"
        print(
            f"{mode:8} {med('wall'):7.2f} {med('cpu'):7.2f} {med('import'):9.2f} "
            f"{med('load'):9.1f}  {items}"
        )


if __name__ == "__main__":
    main()
