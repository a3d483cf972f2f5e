"""--split N writes one PDF per N badges and a manifest; --jobs N gives the same bytes for any N."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from conftest import MINIMAL
from pypdf import PdfReader

from printkit.press.parallel import parts, run_parts

NAMES = ["Zoë Adams", "Ana Brown", "Émile Clark", "Bo Diaz", "Chen Wei", "Dana Evans", "Eli Fox",
         "Fay Gray", "Gus Hill", "Hana Ito", "Ivan Jones", "Jo King", "Kai Long"]  # fmt: skip


@pytest.fixture
def inputs(tmp_path, write_event):
    event = write_event(MINIMAL)
    people = tmp_path / "people.csv"
    with people.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["name", "organization", "id"])
        for i, name in enumerate(NAMES):
            w.writerow([name, "Example Org", f"T-{i:03d}"])
    return event, people


def _run(tmp_path, event, people, *extra):
    out = tmp_path / "-".join(extra) / "badges.pdf"
    cmd = [sys.executable, "-m", "printkit", "badges", str(event), "--attendees", str(people),
           "--offline", "--front-only", "-o", str(out), *extra]  # fmt: skip
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return out.parent, r


def test_split_files_and_manifest_cover_every_badge_once(tmp_path, inputs):
    folder, r = _run(tmp_path, *inputs, "--split", "4", "--jobs", "1")
    with (folder / "badges-manifest.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    total = len(NAMES) + 1  # the minimal event's speaker, then the CSV rows
    assert [(int(x["first"]), int(x["last"])) for x in rows] == [(1, 4), (5, 8), (9, 12), (13, 14)]
    assert [x["file"] for x in rows][0] == "badges-0001-0004.pdf"
    seen = []
    for row in rows:
        reader = PdfReader(folder / row["file"])
        assert len(reader.pages) == int(row["count"])  # A6 shop, fronts only: one a page
        text = [page.extract_text() for page in reader.pages]
        assert row["first_name"].split()[0] in text[0]
        assert row["last_name"].split()[0] in text[-1]
        seen += text
    assert len(seen) == total
    assert "in 4 files" in r.stdout


def test_output_is_byte_identical_for_any_number_of_jobs(tmp_path, inputs):
    one, _ = _run(tmp_path, *inputs, "--split", "5", "--jobs", "1")
    two, _ = _run(tmp_path, *inputs, "--split", "5", "--jobs", "2")
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir())
    assert len(names) == 4  # three PDFs and the manifest
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_parts_name_ranges_with_enough_digits(tmp_path):
    found = parts(tmp_path / "badges.pdf", 25_000, 10_000)
    assert [p.path.name for p in found] == [
        "badges-00001-10000.pdf",
        "badges-10001-20000.pdf",
        "badges-20001-25000.pdf",
    ]


def test_run_parts_keeps_order_in_workers():
    assert run_parts(lambda i: i * i, 6, 2) == [0, 1, 4, 9, 16, 25]
    assert run_parts(lambda i: i * i, 6, 1) == [0, 1, 4, 9, 16, 25]
