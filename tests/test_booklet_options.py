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


def test_long_texts_option_overrides_the_layout(runner, tmp_path):
    from pypdf import PdfReader

    phrase = "Compute Architecture for Neural Networks"  # from the sample's one abstract

    def text(*opts):
        out = tmp_path / f"b{len(opts)}.pdf"
        r = invoke(runner, "booklet", *opts, "--offline", "-o", out)
        assert r.exit_code == 0, r.output
        return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages)

    assert phrase in text()
    assert phrase not in text("--long-texts", "no")
