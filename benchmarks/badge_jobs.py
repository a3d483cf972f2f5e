"""Benchmark: the bench event's two badge jobs → CPU seconds of loading and of building the PDF.

The event is ../shared/bench's 5,000 speakers / 6,000 sessions (made once with
its gen_event.py and to_printkit.py unless --event names a printkit YAML):

    labels: printkit badges EV --layout 4x3in --sheet avery-5392 --target office
            --front-only --offline   (5,000 fronts, 6-up label sheets)
    a6:     printkit badges EV --offline   (5,000 two-sided A6 shop speaker badges,
            sessions and their QR codes on the backs)

Each job runs in its own process (cold caches, as the command runs), which
prints its load and build CPU time (time.process_time) and an MD5 of the PDF,
so a speed change that alters output shows. --profile N prints the N
costliest functions of the build (cProfile, cumulative and own time).

    python benchmarks/badge_jobs.py [--event ev.pk.yaml] [--jobs labels,a6] [--runs 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
JOBS = {
    "labels": {"layout": "4x3in", "sheet": "avery-5392", "target": "office", "duplex": False},
    "a6": {},
}


def make_event(folder: Path) -> Path:
    """../shared/bench's generator → the bench event as printkit YAML in `folder`."""
    raw, out = folder / "ev.yaml", folder / "ev.pk.yaml"
    subprocess.run([sys.executable, str(BENCH / "gen_event.py"), "5000", "6000", str(raw)],
                   check=True, capture_output=True)  # fmt: skip
    subprocess.run([sys.executable, str(BENCH / "to_printkit.py"), str(raw), str(out)],
                   check=True, capture_output=True)  # fmt: skip
    return out


def child(event: str, job: str, out: str, profile: int) -> None:
    """Load and build one job in this process; print a JSON line with its figures."""
    from printkit.errors import Problems
    from printkit.load import load_event
    from printkit.products.badges import command as badges

    problems = Problems()
    t0 = time.process_time()
    ev = load_event(Path(event), problems)
    t1 = time.process_time()
    run = lambda: badges.build(ev, Path(out), problems=problems, offline=True, **JOBS[job])  # noqa: E731
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(run)
        for key in ("cumulative", "tottime"):
            pstats.Stats(prof, stream=sys.stderr).sort_stats(key).print_stats(profile)
    else:
        run()
    t2 = time.process_time()
    digest = hashlib.md5(Path(out).read_bytes()).hexdigest()
    print(json.dumps({"load": t1 - t0, "build": t2 - t1, "md5": digest}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--event", help="a printkit event YAML (default: make the bench event)")
    ap.add_argument("--jobs", default="labels,a6")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child, args.profile)
        return
    with tempfile.TemporaryDirectory() as tmp:
        event = Path(args.event) if args.event else make_event(Path(tmp))
        for job in args.jobs.split(","):
            rows = []
            for _ in range(1 if args.profile else args.runs):
                cmd = [sys.executable, __file__, "--child", str(event), job,
                       str(Path(tmp) / f"{job}.pdf"), "--profile", str(args.profile)]  # fmt: skip
                done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
                rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            load = statistics.median(r["load"] for r in rows)
            build = statistics.median(r["build"] for r in rows)
            digests = sorted({r["md5"] for r in rows})
            print(f"{job:7s} load {load:6.2f} s CPU   build {build:6.2f} s CPU   "
                  f"total {load + build:6.2f} s CPU   (median of {len(rows)})   "
                  f"pdf md5 {', '.join(digests)}")  # fmt: skip


if __name__ == "__main__":
    main()
