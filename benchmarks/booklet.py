"""Booklet speed and memory: wall time and peak RSS for the sample and a generated large event.

Run: /work/venv/bin/python benchmarks/booklet.py [--sessions 1000 --speakers 1200 --rooms 37]

Each case runs in its own subprocess (so peak RSS is that case's alone); the
large event is written as YAML into a temporary directory and loaded like any
event. Targets on a 2-core machine: ≤ 20 s and ≤ 500 MB for 1,000 sessions,
1,200 speakers and 37 rooms.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

WORDS = [
    "open",
    "source",
    "model",
    "data",
    "training",
    "inference",
    "compiler",
    "kernel",
    "graph",
    "agent",
    "robot",
    "runtime",
    "scheduler",
    "memory",
    "network",
    "storage",
    "security",
    "language",
    "vision",
    "benchmark",
    "dataset",
    "community",
    "license",
    "hardware",
    "edge",
    "cloud",
    "quantization",
    "evaluation",
    "retrieval",
    "pipeline",
    "tooling",
]
FIRST = [
    "Ada",
    "Grace",
    "Linus",
    "Margaret",
    "Ken",
    "Barbara",
    "Radia",
    "Guido",
    "Yukihiro",
    "Anita",
    "Dennis",
    "Frances",
]
LAST = [
    "Lovelace",
    "Hopper",
    "Torvalds",
    "Hamilton",
    "Thompson",
    "Liskov",
    "Perlman",
    "Rossum",
    "Matsumoto",
    "Borg",
]


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate(folder: Path, sessions: int, speakers: int, rooms: int, seed: int = 7) -> Path:
    """Write a large event (two days) as YAML; return its path."""
    rng = random.Random(seed)
    tracks = [{"id": f"t{i}", "name": f"Track {words(rng, 2)[:-1]}"} for i in range(8)]
    room_list = [
        {"id": f"r{i}", "name": f"Room {chr(65 + i % 26)}{i // 26 or ''}"} for i in range(rooms)
    ]
    people = [
        {
            "id": f"p{i}",
            "name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
            "position": "Engineer",
            "organization": f"Org {i % 97}",
            "bio": " ".join(words(rng, 12) for _ in range(3)),
        }
        for i in range(speakers)
    ]
    out = []
    per_day = sessions // 2
    per_room = max(1, -(-per_day // rooms))
    minutes = (18 - 9) * 60 // per_room
    sid = 0
    for day in (6, 7):
        for r in range(rooms):
            t = 9 * 60
            for _ in range(per_room):
                if sid >= sessions or len([s for s in out if s["day"] == day]) >= per_day + (
                    day == 7
                ) * (sessions % 2):
                    break
                length = max(10, minutes - 5)
                spk = [f"p{sid % speakers}"]
                if sid + sessions < speakers:
                    spk.append(f"p{sid + sessions}")
                elif rng.random() < 0.2:
                    spk.append(f"p{rng.randrange(speakers)}")
                s = {
                    "id": f"s{sid}",
                    "title": words(rng, rng.randint(3, 11))[:-1],
                    "track": f"t{rng.randrange(8)}",
                    "room": f"r{r}",
                    "start": f"2026-02-0{day - 5} {t // 60:02d}:{t % 60:02d}",
                    "end": f"2026-02-0{day - 5} {(t + length) // 60:02d}:{(t + length) % 60:02d}",
                    "speakers": sorted(set(spk)),
                    "abstract": " ".join(words(rng, 14) for _ in range(rng.randint(2, 6))),
                    "day": day,
                }
                if rng.random() < 0.5:
                    s["video"] = f"https://video.example.org/2026/{sid}"
                out.append(s)
                sid += 1
                t += minutes
    for s in out:
        del s["day"]
    event = {
        "event": {
            "id": "big",
            "name": "Big Generated Conference 2026",
            "start": "2026-02-01",
            "end": "2026-02-02",
            "timezone": "Europe/Brussels",
            "schedule_url": "https://example.org/schedule/",
            "venue": {"name": "Campus", "city": "Brussels"},
            "welcome": words(rng, 60),
        },
        "tracks": tracks,
        "rooms": room_list,
        "speakers": people,
        "sessions": out,
    }
    path = folder / "event.yaml"
    path.write_text(yaml.safe_dump(event, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from printkit.errors import Problems
from printkit.load import load_event
from printkit.products.booklet import command as booklet
event, out, opts = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
t0 = time.perf_counter()
problems = Problems()
ev = load_event(Path(event), problems)
t1 = time.perf_counter()
summary = booklet.build(ev, out, problems=problems, offline=True, **opts)
t2 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load": t1 - t0, "build": t2 - t1, "rss": rss, "summary": summary,
                  "sessions": len(ev.sessions), "speakers": len(ev.speakers),
                  "rooms": len(ev.rooms)}))
"""


def run_case(label: str, event: Path, out: Path, **opts) -> None:
    import time

    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-c", CHILD, str(event), str(out), json.dumps(opts)],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    if r.returncode:
        print(f"{label}: FAILED\n{r.stderr}")
        return
    d = json.loads(r.stdout.strip().splitlines()[-1])
    size = out.stat().st_size / 1e6
    print(
        f"{label:34s} {d['sessions']:5d} sessions {d['speakers']:5d} speakers {d['rooms']:3d} rooms  "
        f"wall {wall:5.1f} s (load {d['load']:.1f}, build {d['build']:.1f})  "
        f"peak RSS {d['rss']:5.0f} MB  {size:5.1f} MB file\n    {d['summary']}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sessions", type=int, default=1000)
    ap.add_argument("--speakers", type=int, default=1200)
    ap.add_argument("--rooms", type=int, default=37)
    args = ap.parse_args()
    from printkit.resources import sample_event_dir

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        run_case("sample, shop", sample_event_dir(), tmp / "sample.pdf")
        big = generate(tmp, args.sessions, args.speakers, args.rooms)
        run_case("generated, shop", big, tmp / "big.pdf")
        run_case("generated, shop, imposed", big, tmp / "big-imposed.pdf", imposed=True, creep=1.0)
        run_case("generated, screen", big, tmp / "big-screen.pdf", target="screen")


if __name__ == "__main__":
    main()
