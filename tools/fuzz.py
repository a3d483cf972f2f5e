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


def work(job: int, cases: int, base_seed: int, save: str, queue) -> None:
    """Run `cases` cases with seed base_seed + job; put the tallies on the queue."""
    counts: Counter = Counter()
    seconds: Counter = Counter()
    state = {"n": 0, "slowest": (0.0, ""), "saved": []}
    started = time.perf_counter()

    @seed(base_seed + job)
    @settings(max_examples=cases, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(ANY_CASE)
    def one(case: Case) -> None:
        outcome = run_case(case)
        state["n"] += 1
        counts[(str(outcome.code), f"{case.target}/{case.family}")] += 1
        seconds[f"{case.target}/{case.family}"] += outcome.seconds
        if outcome.seconds > state["slowest"][0]:
            state["slowest"] = (outcome.seconds, case.describe()[:200])
        if outcome.code not in (0, 1, 2):
            state["saved"].append(str(_save(Path(save), job * 10**7 + state["n"], case, outcome)))
        if state["n"] % 1000 == 0:
            rate = state["n"] / (time.perf_counter() - started)
            print(f"[job {job}] {state['n']} cases, {rate:.0f}/s", file=sys.stderr, flush=True)

    one()
    queue.put((dict(counts), state["slowest"], state["saved"], state["n"], dict(seconds)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--save", default="fuzz-crashes", help="folder for crash reproducers")
    args = ap.parse_args(argv)
    try:  # a runaway read then fails as MemoryError (counted as a crash) instead of swapping
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, resource.RLIM_INFINITY))
    except (ImportError, ValueError, OSError):
        pass
    started = time.perf_counter()
    queue: multiprocessing.Queue = multiprocessing.Queue()
    share = [
        args.cases // args.jobs + (1 if i < args.cases % args.jobs else 0) for i in range(args.jobs)
    ]
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
    counts: Counter = Counter()
    saved: list = []
    slowest = (0.0, "")
    total = 0
    seconds: Counter = Counter()
    for c, slow, s, n, t in results:
        seconds.update(t)
        counts.update(c)
        saved += s
        slowest = max(slowest, slow)
        total += n
    bad = sum(n for (code, _), n in counts.items() if code not in ("0", "1", "2"))
    print(
        f"{total} cases in {time.perf_counter() - started:.0f} s (seed {args.seed}, {args.jobs} jobs)"
    )
    print(f"{'outcome':<12} {'family':<34} cases")
    for (code, family), n in sorted(counts.items()):
        print(f"{code:<12} {family:<34} {n}")
    by_code = Counter()
    for (code, _), n in counts.items():
        by_code[code] += n
    print("per outcome: " + ", ".join(f"{k}: {v}" for k, v in sorted(by_code.items())))
    print(f"exit 3: {by_code.get('exit-3', 0)}; other failures: {bad - by_code.get('exit-3', 0)}")
    runs = Counter()
    for (_, family), n in counts.items():
        runs[family] += n
    print(
        "mean seconds per family: "
        + ", ".join(f"{f} {seconds[f] / runs[f]:.3f}" for f in sorted(runs))
    )
    print(f"slowest case: {slowest[0]:.2f} s ({slowest[1]})")
    if saved:
        print(f"reproducers ({len(saved)}): {', '.join(saved[:20])}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
