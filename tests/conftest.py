"""Shared test helpers: the CLI runner, tiny event files, the realdata folder."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from printkit.cli import cli

os.environ.setdefault("PRINTKIT_OFFLINE", "1")  # tests never touch the network

REPO = Path(__file__).resolve().parents[1]
REALDATA = REPO.parent / "shared" / "realdata"

MINIMAL = """\
event:
  id: mini-conf
  name: Mini Conf
  start: 2025-05-06
  end: 2025-05-07
  timezone: Europe/Paris
  url: https://example.org/
tracks:
  - id: main
    name: Main Track
rooms:
  - id: hall
    name: Hall A
speakers:
  - id: ada
    name: Ada Lovelace
    organization: Analytical Engines
sessions:
  - id: opening
    title: Opening
    type: keynote
    track: main
    room: hall
    start: 2025-05-06 09:00
    end: 2025-05-06 09:30
    speakers: [ada]
"""


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def write_event(tmp_path):
    """Write YAML text (dedented) to a file and return its path."""

    def write(text: str, name: str = "event.yaml") -> Path:
        p = tmp_path / name
        p.write_text(textwrap.dedent(text), encoding="utf-8")
        return p

    return write


@pytest.fixture
def realdata():
    if not REALDATA.is_dir():
        pytest.skip("../shared/realdata is absent")
    return REALDATA


def invoke(runner, *args):
    """Run printkit with args; return the click Result (stdout and stderr apart)."""
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


PREPRESS_PRODUCTS = ("badges", "booklet", "cards", "signs")


@pytest.fixture(scope="session")
def prepress_outputs(tmp_path_factory):
    """Shop PDFs of every product for the sample and the stress event (tests/stress_event.py),
    built once per session: {"sample"|"stress": {product: (pdf path, stderr)}}."""
    from stress_event import write_stress_event

    from printkit.resources import sample_event_dir

    root = tmp_path_factory.mktemp("prepress")
    (root / "stress").mkdir()
    events = {"sample": sample_event_dir(), "stress": write_stress_event(root / "stress")}
    out = {}
    for which, event in events.items():
        out[which] = {}
        for product in PREPRESS_PRODUCTS:
            pdf = root / f"{which}-{product}.pdf"
            r = CliRunner().invoke(
                cli, [product, str(event), "-o", str(pdf)], catch_exceptions=False
            )
            assert r.exit_code == 0, r.output + r.stderr
            out[which][product] = (pdf, r.stderr)
    return out
