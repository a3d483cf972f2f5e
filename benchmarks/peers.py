"""Benchmark: printkit beside the plain ReportLab + qrcode scripts of ../shared/bench, in one run.

Jobs (the bench's large size: 5,000 speakers, 6,000 sessions):
  labels   5,000 badges 4 x 3 in, 6 per Letter sheet (avery-5392), fronts only
  booklet  the A5 programme booklet with abstracts and bios
  a6       5,000 two-sided A6 shop speaker badges (sessions on the backs),
           against the plain label-sheet script (the issue's yardstick)
  memory   50,000 vs 5,000 attendee badges (A6 shop): peak memory ratio

Each command is a whole process, timed from outside: wall clock, user + system
CPU and peak resident memory of that one process (os.wait4). Commands run in
turn (printkit, plain, printkit, plain, ...) so a busy machine slows both
alike; the medians and the per-pair ratios are printed.

    python benchmarks/peers.py [--bench ../shared/bench] [--size large] [--runs 3]
        [--jobs labels,booklet,a6,memory] [--printkit-args "--jobs 2"]
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = {"small": (50, 60), "medium": (500, 600), "large": (5000, 6000)}
HERE = Path(__file__).resolve().parent


def measure(cmd: list[str], log: Path) -> dict:
    """Run one command to completion; its wall, CPU and peak RSS (MB) from the kernel."""
    with log.open("ab") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=out)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0,):
        sys.exit(f"failed ({proc.returncode}): {shlex.join(cmd)}; see {log}")
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss / 1024}


def pair(name: str, a: list[str], b: list[str] | None, runs: int, log: Path) -> dict:
    """Run a (printkit) and b (plain script) in turn; print medians and ratios a/b."""
    ra, rb = [], []
    for _ in range(runs):
        ra.append(measure(a, log))
        if b:
            rb.append(measure(b, log))
    med = {k: statistics.median(r[k] for r in ra) for k in ("wall", "cpu", "rss")}
    line = f"{name:<34} printkit {med['wall']:6.2f} s wall {med['cpu']:6.2f} s cpu {med['rss']:6.0f} MB"
    if b:
        mb = {k: statistics.median(r[k] for r in rb) for k in ("wall", "cpu", "rss")}
        wall_x = statistics.median(y["wall"] / x["wall"] for x, y in zip(ra, rb, strict=True))
        cpu_x = statistics.median(y["cpu"] / x["cpu"] for x, y in zip(ra, rb, strict=True))
        line += (
            f" | plain {mb['wall']:6.2f} s wall {mb['cpu']:6.2f} s cpu {mb['rss']:6.0f} MB"
            f" | plain/printkit: wall {wall_x:5.2f}x cpu {cpu_x:5.2f}x"
        )
        med["plain"] = mb
        med["speedup_wall"], med["speedup_cpu"] = wall_x, cpu_x
    print(line, flush=True)
    return med


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=str(HERE.parent.parent / "shared" / "bench"))
    ap.add_argument("--size", choices=SIZES, default="large")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", default="labels,booklet,a6,memory")
    ap.add_argument("--printkit-args", default="", help="extra options for every printkit run")
    ap.add_argument("--attendees", default="5000,50000", help="the memory job's two sizes")
    args = ap.parse_args()
    bench = Path(args.bench).resolve()
    if not (bench / "gen_event.py").is_file():
        sys.exit(f"no bench at {bench} (give --bench)")
    py = sys.executable
    printkit = [py, "-m", "printkit"]
    extra = shlex.split(args.printkit_args)
    jobs = args.jobs.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        log = d / "log.txt"
        ev, pk = d / "event.yaml", d / "event.pk.yaml"
        subprocess.run([py, bench / "gen_event.py", *map(str, SIZES[args.size]), ev], check=True)
        subprocess.run([py, bench / "to_printkit.py", ev, pk], check=True)
        env_note = f"{os.cpu_count()} cores; {args.runs} runs each; size {args.size}"
        print(f"bench {bench} | {env_note} | printkit args: {args.printkit_args or '-'}")
        plain_labels = [py, str(bench / "raw_reportlab_badges.py"), str(ev), str(d / "raw.pdf")]
        out = str(d / "pk.pdf")
        if "labels" in jobs:
            cmd = [*printkit, "badges", str(pk), "--layout", "4x3in", "--sheet", "avery-5392"]
            cmd += ["--target", "office", "--front-only", "--offline", "-o", out, *extra]
            pair("labels: 4x3in, 6-up Letter", cmd, plain_labels, args.runs, log)
        if "booklet" in jobs:
            cmd = [*printkit, "booklet", str(pk), "--long-texts", "yes", "--offline", "-o", out]
            plain = [py, str(bench / "raw_reportlab_booklet.py"), str(ev), str(d / "raw.pdf")]
            pair("booklet: A5, abstracts and bios", [*cmd, *extra], plain, args.runs, log)
        if "a6" in jobs:
            cmd = [*printkit, "badges", str(pk), "--offline", "-o", out, *extra]
            pair("a6: two-sided shop speaker badges", cmd, plain_labels, args.runs, log)
        if "memory" in jobs:
            sys.path.insert(0, str(HERE))
            from badges import write_inputs  # the attendee generator of benchmarks/badges.py

            peaks = {}
            for n in map(int, args.attendees.split(",")):
                event, csv_path = write_inputs(d, n)
                cmd = [*printkit, "badges", str(event), "--attendees", str(csv_path)]
                cmd += ["--offline", "-o", out, *extra]
                peaks[n] = pair(f"memory: {n:,} attendee A6 badges", cmd, None, args.runs, log)
            small, big = min(peaks), max(peaks)
            ratio = peaks[big]["rss"] / peaks[small]["rss"]
            print(f"memory ratio {big:,} / {small:,} attendees: {ratio:.2f} (target <= 1.2)")


if __name__ == "__main__":
    main()
