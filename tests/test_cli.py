"""The command line's own behaviour: init, version, defaults, exit statuses."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import MINIMAL, invoke

from printkit import __version__


def test_version(runner):
    r = invoke(runner, "--version")
    assert r.exit_code == 0 and __version__ in r.stdout


def test_init_writes_a_starter_that_validates(runner, tmp_path):
    target = tmp_path / "my-event"
    r = invoke(runner, "init", target)
    assert r.exit_code == 0, r.output
    assert (target / "event.yaml").is_file() and (target / "sessions.yaml").is_file()
    r = invoke(runner, "validate", target)
    assert r.exit_code == 0, r.output
    assert "GOSIM AI Paris 2025" in r.stdout
    r = invoke(runner, "init", target)
    assert r.exit_code == 1 and "not empty" in r.stderr


def test_event_defaults_to_local_event_yaml(runner, tmp_path, monkeypatch):
    (tmp_path / "event.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = invoke(runner, "validate")
    assert r.exit_code == 0, r.output
    assert "Mini Conf" in r.stdout and "bundled sample" not in r.stderr


def test_usage_error_is_status_2(runner):
    r = invoke(runner, "validate", "--no-such-option")
    assert r.exit_code == 2


def test_python_dash_m_and_no_traceback_on_bad_input(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("event: {id: x}\n", encoding="utf-8")
    p = subprocess.run(
        [sys.executable, "-m", "printkit", "validate", str(bad)], capture_output=True, text=True
    )
    assert p.returncode == 1
    assert f"{bad}:1: event.name: required field is missing" in p.stderr
    assert "Traceback" not in p.stderr
    p = subprocess.run(
        [sys.executable, "-m", "printkit", "--debug", "validate", str(bad)],
        capture_output=True,
        text=True,
    )
    assert p.returncode != 0 and "Traceback" in p.stderr


def test_init_onto_a_file_is_a_clear_error(runner, tmp_path):
    f = tmp_path / "event.yaml"
    f.write_text("x")
    r = invoke(runner, "init", f)
    assert r.exit_code == 1 and "exists and is not a directory" in r.stderr


def test_output_name_with_another_extension_is_refused(runner, tmp_path):
    out = tmp_path / "cards.png"
    r = invoke(runner, "cards", "-o", out)
    assert r.exit_code == 1 and "-o takes a .pdf file name or a folder" in r.stderr
    assert not out.exists()
    r = invoke(runner, "all", "-o", tmp_path / "all.pdf")
    assert r.exit_code == 1 and "-o takes a folder" in r.stderr


def test_unwritable_output_is_a_message_not_a_bug(runner, tmp_path):
    blocker = tmp_path / "q.csv"
    blocker.write_text("x")
    r = invoke(runner, "cards", "-o", blocker / "c.pdf")
    assert r.exit_code == 1
    assert "cannot write" in r.stderr and "internal error" not in r.stderr


def test_sigterm_leaves_no_partial_file(tmp_path):
    import signal
    import time

    out = tmp_path / "b.pdf"
    csv = tmp_path / "many.csv"
    csv.write_text("name\n" + "".join(f"Person {i}\n" for i in range(20000)), encoding="utf-8")
    p = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "printkit",
            "badges",
            "--attendees",
            str(csv),
            "--offline",
            "-o",
            str(out),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.time() + 300  # a loaded machine (CI, parallel tests) can take long to start
    while time.time() < deadline and not any(tmp_path.glob(".b.pdf*")) and p.poll() is None:
        time.sleep(0.05)  # wait until the writer has its temp file open
    if not any(tmp_path.glob(".b.pdf*")):
        p.kill()
        pytest.fail(f"the writer never opened its temp file: {p.communicate()[1]}")
    p.send_signal(signal.SIGTERM)
    err = p.communicate(timeout=60)[1]
    assert p.returncode == 130, err
    assert sorted(f.name for f in tmp_path.iterdir()) == ["many.csv"]


def test_layouts_lists_and_prints_a_copyable_layout(runner, tmp_path):
    r = invoke(runner, "layouts")
    assert r.exit_code == 0
    assert "badges    4x3in, a6, a7, cr80, foldover-a5" in r.stdout
    r = invoke(runner, "layouts", "badges", "a7")
    assert r.exit_code == 0 and "size: A7" in r.stdout
    mine = tmp_path / "mine.yaml"
    mine.write_text(r.stdout.replace("name: a7", "name: mine"), encoding="utf-8")
    out = tmp_path / "b.pdf"
    r = invoke(runner, "badges", "--layout", mine, "--only", "xiyuan-wang", "--offline", "-o", out)
    assert r.exit_code == 0, r.output
    assert out.is_file()
    r = invoke(runner, "layouts", "badges", "a9")
    assert r.exit_code == 1 and "no badges layout named 'a9'" in r.stderr


def test_paper_chooses_the_office_sheet(runner, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "cards.pdf"
    r = invoke(runner, "cards", "--target", "office", "--paper", "letter", "-o", out)
    assert r.exit_code == 0, r.output
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in PdfReader(out).pages}  # fmt: skip
    assert sizes == {(612, 792)}  # US Letter
    out = tmp_path / "badges.pdf"
    r = invoke(
        runner, "badges", "--paper", "letter", "--only", "xiyuan-wang", "--offline", "-o", out
    )
    assert r.exit_code == 0, r.output
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == 612
    r = invoke(runner, "badges", "--paper", "letter", "--target", "shop", "-o", tmp_path / "x.pdf")
    assert r.exit_code == 1 and "office printer's paper" in r.stderr
