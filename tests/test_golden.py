"""Golden outputs: the sample and two real imports, every product, byte for byte as recorded.

The record (tests/golden/outputs.json) is made by `python tools/golden.py --update`
before a change that must not alter what is printed; this test then fails on any
byte that moved. Byte identity depends on the PDF-writing packages, so the test
skips when their installed versions differ from the recorded ones.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("golden", ROOT / "tools" / "golden.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


def test_outputs_are_byte_identical_to_the_record(tmp_path):
    if not golden.REALDATA.is_dir():
        pytest.skip("../shared/realdata is absent")
    record = json.loads(golden.RECORD.read_text())
    if record["versions"] != golden.versions():
        pytest.skip(f"recorded with {record['versions']}, installed {golden.versions()}")
    digests = golden.render_all(tmp_path)
    assert sorted(digests) == sorted(record["outputs"])
    changed = [k for k, v in record["outputs"].items() if digests[k] != v]
    assert changed == [], f"outputs changed: {changed}"
