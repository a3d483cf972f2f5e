"""A long fuzz run outside the tests → counts per outcome (exit code × family), the slowest case, reproducers.

    .venv/bin/python tools/fuzz.py --cases 100000 [--seed S] [--jobs 1] [--save fuzz-crashes]

Cases come from the hypothesis strategies in tests/fuzz/cases.py (event YAML,
every importer's input, attendee CSVs) and run in-process through click's
CliRunner. Exit 0, 1 and 2 are fine; any other outcome (exit 3, an uncaught
exception, a traceback on stderr, a case over 10 s, an output left after
exit 1) is a failure: its files and command are saved to the --save folder.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import signal
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzz.cases import ANY_CASE, Case, run_case  # noqa: E402
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402


def _save(folder: Path, n: int, case: Case, outcome) -> Path:
    where = folder / f"case-{n:06d}"
    (where / "files").mkdir(parents=True, exist_ok=True)
    for name, data in case.files.items():
        safe = name.encode("utf-8", "backslashreplace").decode().replace("\x00", "NUL") or "empty"
        if isinstance(data, bytes):
            (where / "files" / safe).write_bytes(data)
        else:
            (where / "files" / (safe + ".special")).write_text(data)
    (where / "case.json").write_text(
        json.dumps(
            {
                "family": case.family,
                "target": case.target,
                "args": case.args,
                "outcome": str(outcome.code),
                "seconds": outcome.seconds,
                "detail": outcome.detail,
            },
            indent=2,
            ensure_ascii=True,
        )  # fmt: skip
    )
    return where


class Tally:
    """Counts per (outcome, family), seconds per family, the slowest case, saved reproducers."""

    def __init__(self):
        self.counts: Counter = Counter()
        self.seconds: Counter = Counter()
        self.slowest = (0.0, "")
        self.saved: list[str] = []
        self.n = 0
        self.stopped = False

    def add(self, other: Tally) -> None:
        self.counts.update(other.counts)
        self.seconds.update(other.seconds)
        self.slowest = max(self.slowest, other.slowest)
        self.saved += other.saved
        self.n += other.n
        self.stopped |= other.stopped

    def failures(self) -> int:
        return sum(n for (code, _), n in self.counts.items() if code not in ("0", "1", "2"))

    def text(self, elapsed: float, how: str) -> str:
        lines = [
            f"{self.n} cases in {elapsed:.0f} s ({how})"
            + (" — stopped early" if self.stopped else "")
        ]
        lines.append(f"{'outcome':<12} {'family':<34} cases")
        lines += [f"{code:<12} {fam:<34} {n}" for (code, fam), n in sorted(self.counts.items())]
        by_code: Counter = Counter()
        runs: Counter = Counter()
        for (code, fam), n in self.counts.items():
            by_code[code] += n
            runs[fam] += n
        lines.append("per outcome: " + ", ".join(f"{k}: {v}" for k, v in sorted(by_code.items())))
        exit3 = by_code.get("exit-3", 0)
        lines.append(f"exit 3: {exit3}; other failures: {self.failures() - exit3}")
        lines.append("mean seconds per family: " + ", ".join(
            f"{f} {self.seconds[f] / runs[f]:.3f}" for f in sorted(runs)))  # fmt: skip
        lines.append(f"slowest case: {self.slowest[0]:.2f} s ({self.slowest[1]})")
        if self.saved:
            lines.append(f"reproducers ({len(self.saved)}): {', '.join(self.saved[:20])}")
        return "\n".join(lines)


def work(job: int, cases: int, base_seed: int, save: str, queue) -> None:
    """Run `cases` cases with seed base_seed + job; put the Tally on the queue.

    Every 1,000 cases the tally so far is written to SAVE/progress-job<N>.txt;
    SIGTERM or Ctrl-C stops the run and still reports what was counted.
    """
    tally = Tally()
    started = time.perf_counter()
    Path(save).mkdir(parents=True, exist_ok=True)
    progress = Path(save) / f"progress-job{job}.txt"

    @seed(base_seed + job)
    @settings(max_examples=cases, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(ANY_CASE)
    def one(case: Case) -> None:
        if STOP["asked"]:
            raise KeyboardInterrupt
        outcome = run_case(case)
        tally.n += 1
        family = f"{case.target}/{case.family}"
        tally.counts[(str(outcome.code), family)] += 1
        tally.seconds[family] += outcome.seconds
        if outcome.seconds > tally.slowest[0]:
            tally.slowest = (outcome.seconds, case.describe()[:200])
        if outcome.code not in (0, 1, 2):
            tally.saved.append(str(_save(Path(save), job * 10**7 + tally.n, case, outcome)))
        if tally.n % 1000 == 0:
            elapsed = time.perf_counter() - started
            print(f"[job {job}] {tally.n} cases, {tally.n / elapsed:.0f}/s", file=sys.stderr,
                  flush=True)  # fmt: skip
            progress.write_text(tally.text(elapsed, f"seed {base_seed + job}, so far") + "\n")

    try:
        one()
    except KeyboardInterrupt:
        tally.stopped = True
    queue.put(tally)


STOP = {"asked": False}


def _stop(_signum, _frame):
    STOP["asked"] = True  # checked between cases: printkit itself turns Ctrl-C into exit 130


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--save", default="fuzz-crashes", help="folder for crash reproducers")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:  # a runaway read then fails as MemoryError (counted as a crash) instead of swapping
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, resource.RLIM_INFINITY))
    except (ImportError, ValueError, OSError):
        pass
    started = time.perf_counter()
    queue: multiprocessing.Queue = multiprocessing.Queue()
    share = [args.cases // args.jobs + (i < args.cases % args.jobs) for i in range(args.jobs)]
    if args.jobs == 1:
        work(0, args.cases, args.seed, args.save, queue)
        results = [queue.get()]
    else:
        procs = [
            multiprocessing.Process(target=work, args=(i, n, args.seed, args.save, queue))
            for i, n in enumerate(share)
        ]
        for p in procs:
            p.start()
        results = [queue.get() for _ in procs]
        for p in procs:
            p.join()
    total = Tally()
    for t in results:
        total.add(t)
    print(total.text(time.perf_counter() - started, f"seed {args.seed}, {args.jobs} jobs"))
    return 1 if total.failures() else 0


if __name__ == "__main__":
    raise SystemExit(main())
