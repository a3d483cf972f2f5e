"""booklet options that do not go together are refused with a message, before anything is drawn."""

from __future__ import annotations

from conftest import invoke


def test_imposed_screen_booklet_is_refused(runner, tmp_path):
    out = tmp_path / "b.pdf"
    r = invoke(runner, "booklet", "--imposed", "--target", "screen", "-o", out)
    assert r.exit_code == 1
    assert "imposition is for printing" in r.stderr and "links and bookmarks" in r.stderr
    assert "Traceback" not in r.stderr + r.output
    assert not out.exists()


def test_creep_without_imposed_is_refused(runner, tmp_path):
    out = tmp_path / "b.pdf"
    r = invoke(runner, "booklet", "--creep", "0.5", "-o", out)
    assert r.exit_code == 1 and "--creep only applies to imposed spreads" in r.stderr
    assert not out.exists()
