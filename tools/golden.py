"""Golden outputs: every product of the sample and two real imports → SHA-256 per PDF.

`python tools/golden.py --update` records tests/golden/outputs.json; the test
tests/test_golden.py renders the same jobs and compares byte for byte. Run it
before and after a change that must not alter what is printed (a module move, a
refactor); a change that alters output on purpose records a new file.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata as md
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
RECORD = ROOT / "tests" / "golden" / "outputs.json"
EPOCH = "1746518400"  # 2025-05-06 08:00 UTC: no output depends on the clock or file times
PACKAGES = ("reportlab", "qrcode", "pillow", "pyyaml", "uharfbuzz", "pikepdf", "rl_accel")

# (event label, import format or None, source file)
EVENTS = (
    ("sample", None, None),
    ("pretalx", "schedule-json", "good2025-pretalx-schedule.json"),
    ("sessionize", "sessionize", "scottishsummit2026-sessionize-all.json"),
)
# (job label, printkit arguments after the event)
JOBS = (
    ("badges-shop", ["badges", "--target", "shop"]),
    ("badges-office", ["badges", "--target", "office"]),
    ("signs-shop", ["signs", "--target", "shop"]),
    ("signs-screen", ["signs", "--target", "screen"]),
    ("cards-shop", ["cards", "--target", "shop"]),
    ("cards-office", ["cards", "--target", "office"]),
    ("booklet-shop", ["booklet", "--target", "shop"]),
    ("booklet-imposed", ["booklet", "--target", "office", "--imposed"]),
    ("booklet-screen", ["booklet", "--target", "screen"]),
)


def versions() -> dict[str, str]:
    """The installed versions of the packages whose releases change PDF bytes."""
    out = {}
    for name in PACKAGES:
        try:
            out[name] = md.version(name)
        except md.PackageNotFoundError:
            out[name] = "absent"
    return out


def _env() -> dict[str, str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, PRINTKIT_OFFLINE="1", TZ="UTC")
    env.pop("PYTHONHASHSEED", None)
    return env


def _run(args: list[str], cwd: Path) -> None:
    cmd = [sys.executable, "-m", "printkit", *args]
    done = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}:\n{done.stderr[-2000:]}")


def _settle(folder: Path) -> None:
    """Give every file of an event folder the fixed time: the "as of" stamp is the data's mtime."""
    for f in folder.rglob("*"):
        os.utime(f, (int(EPOCH), int(EPOCH)))


def render_all(work: Path) -> dict[str, str]:
    """Render every (event, job) into `work` → {"event/job": sha256 of the PDF}."""
    digests: dict[str, str] = {}
    for label, fmt, source in EVENTS:
        folder = work / f"event-{label}"
        if fmt is None:
            shutil.copytree(ROOT / "data" / "gosim-ai-paris-2025", folder)
        else:
            _run(
                [
                    "import",
                    fmt,
                    str(REALDATA / source),
                    "-o",
                    str(folder),
                    "--timezone",
                    "Europe/London",
                    "--event-name",
                    label.title(),
                ],
                work,
            )
        _settle(folder)
        event = [str(folder)]
        for job, args in JOBS:
            pdf = work / f"{label}-{job}.pdf"
            _run([*args, *event, "-o", str(pdf), "--offline"], work)
            digests[f"{label}/{job}"] = hashlib.sha256(pdf.read_bytes()).hexdigest()
    return digests


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="record the current outputs")
    opts = ap.parse_args()
    if not REALDATA.is_dir():
        print(f"needs {REALDATA}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        digests = render_all(Path(tmp))
    if opts.update:
        RECORD.parent.mkdir(parents=True, exist_ok=True)
        RECORD.write_text(
            json.dumps({"versions": versions(), "outputs": digests}, indent=1, sort_keys=True)
            + "\n"
        )
        print(f"recorded {len(digests)} outputs in {RECORD.relative_to(ROOT)}")
        return 0
    recorded = json.loads(RECORD.read_text())["outputs"]
    changed = sorted(k for k in recorded if recorded[k] != digests.get(k))
    for k in changed:
        print(f"changed: {k}")
    print(f"{len(recorded) - len(changed)} identical, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
