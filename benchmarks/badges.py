"""Benchmark: 5,000 generated attendees → A6 shop pages and 4-up A4 office sheets; time, rate, peak RSS.

Each case runs in its own subprocess, which reports its own peak resident
set size (ru_maxrss), so one case's memory does not leak into the next.
A 20,000-attendee case checks that memory stays flat in N.

    /work/venv/bin/python benchmarks/badges.py [--n 5000] [--big 20000] [--cases shop,office]

--big 0 skips the memory-flatness run.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EVENT = """\
event:
  id: bench-conf
  name: Bench Conf 2025
  start: 2025-05-06
  end: 2025-05-07
  timezone: Europe/Paris
  url: https://example.org/
  schedule_url: https://example.org/schedule/
  venue: {name: Station F, city: Paris, country: France, address: 5 Parvis Alan Turing}
"""

FIRST = ["Ada", "Grace", "Alan", "Jean-Baptiste", "Maria", "Kwame", "Olusegun", "Siobhán",
         "Zoë", "Léa", "Nguyễn", "Дмитрий", "Анна", "李", "王", "محمد", "فاطمة", "अनन्या",
         "Νίκος", "Q", "Bartholomew", "Anne-Charlotte"]  # fmt: skip
LAST = ["Lovelace", "Hopper", "Turing", "N'Diaye", "Castellanos-Villarreal", "Mensah-Bonsu",
        "Ó Súilleabháin", "Dubois", "Thị Thu Hà", "Соколов", "静怡", "小明", "عبد الله",
        "شर्मा", "Παπαδόπουλος", "Wolfeschlegelsteinhausenbergerdorff", "Smith"]  # fmt: skip
ORGS = ["", "GOSIM", "Example Cloud SAS", "Universidad Autónoma de Ejemplo", "云启智能",
        "Пример Медиа", "Example Labs Pune"]  # fmt: skip
ROLES = ["attendee"] * 12 + ["staff", "volunteer", "press", "sponsor", "organizer"]


def write_inputs(folder: Path, n: int) -> tuple[Path, Path]:
    rng = random.Random(7)
    ev = folder / "event.yaml"
    ev.write_text(EVENT, encoding="utf-8")
    path = folder / f"attendees-{n}.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["name", "organization", "role", "pronouns", "id"])
        for i in range(n):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            w.writerow([name, rng.choice(ORGS), rng.choice(ROLES), rng.choice(["", "she/her",
                        "he/him", "they/them"]), f"BENCH-{i:06d}"])  # fmt: skip
    return ev, path


def child(event: str, csv_path: str, out: str, case: str) -> None:
    """Run one case in this process and print a JSON line with its figures."""
    from printkit.errors import Problems
    from printkit.load import load_event
    from printkit.products.badges import command as badges

    problems = Problems()
    ev = load_event(Path(event), problems)
    t0 = time.perf_counter()
    if case == "floor":
        n = len(Path(csv_path).read_text(encoding="utf-8").splitlines()) - 1
        summary = press_floor(Path(out), n)
    else:
        opts = {
            "shop": {"target": "shop"},
            "shop-front": {"target": "shop", "duplex": False},
            "office": {"sheet": "a4-4up-a6", "target": "office"},
        }[case]
        summary = badges.build(ev, Path(out), problems=problems, attendees=csv_path,
                               offline=True, progress=False, **opts)  # fmt: skip
    wall = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB → MiB (Linux)
    print(json.dumps({"wall": wall, "rss": rss, "summary": summary.splitlines()[0],
                      "size": Path(out).stat().st_size}))  # fmt: skip


def press_floor(out: Path, n: int) -> str:
    """The press alone: n two-sided A6 shop pieces that only place one form (no badge content)."""
    from printkit.errors import Problems
    from printkit.press import Press
    from printkit.units import MM

    press = Press(out, (105 * MM, 148 * MM), "shop", title="floor", problems=Problems())

    def side(s):
        s.form("art", lambda f: f.bleed_rect(0, 0, f.width, f.height, "#1D3A5F"))

    for _ in range(n):
        press.add(side, side)
    r = press.close()
    return f"press floor: {r.pieces} pieces on {r.pages} pages"


def run_case(event: Path, csv_path: Path, out: Path, case: str) -> dict:
    cmd = [sys.executable, __file__, "--child", str(event), str(csv_path), str(out), case]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--big", type=int, default=20000)
    ap.add_argument(
        "--cases",
        default="shop,shop-front,office,floor",
        help="comma-separated cases for --n (the --big run is always shop)",
    )
    ap.add_argument("--child", nargs=4)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results = {}
        for n in (args.n, args.big) if args.big else (args.n,):
            ev, path = write_inputs(folder, n)
            cases = args.cases.split(",") if n == args.n else ("shop",)
            for case in cases:
                r = run_case(ev, path, folder / f"{case}-{n}.pdf", case)
                results[(n, case)] = r
                print(f"{n:>6} {case:<10} {r['wall']:6.2f} s  {n / r['wall']:7.0f} badges/s  "
                      f"peak RSS {r['rss']:6.1f} MB  {r['size'] / 1e6:6.1f} MB PDF  "
                      f"| {r['summary']}")  # fmt: skip
        if (args.n, "shop") not in results or (args.big, "shop") not in results:
            return
        small, big = results[(args.n, "shop")], results[(args.big, "shop")]
        print(f"memory ratio {args.big} / {args.n} (shop): {big['rss'] / small['rss']:.2f} "
              "(target <= 1.2)")  # fmt: skip


if __name__ == "__main__":
    main()
