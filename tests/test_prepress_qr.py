"""QR modules on shop output: at least 0.4 mm (0.5 mm where the block has room), codes grow for
long payloads up to a layout maximum, are left out only when even that fails (`--strict`: an error)."""

from __future__ import annotations

import pytest
from conftest import MINIMAL, invoke
from qr_modules import content_modules, raster_modules

from printkit.press.qr import MIN_MODULE_MM, grown_size, min_size_for
from printkit.units import MM

SHORT = "https://example.org/s/1"
LONG = "https://example.org/" + "long-path-segment/" * 16  # about 300 characters


def test_grown_size_keeps_grows_and_gives_up():
    assert grown_size(SHORT, 22 * MM, 32 * MM, "shop") == (22 * MM, "M")
    size, ec = grown_size(LONG, 22 * MM, 60 * MM, "shop")
    assert size == pytest.approx(min_size_for(LONG, "M", 0.5 * MM))  # room: 0.5 mm modules
    size, ec = grown_size(LONG, 22 * MM, 36 * MM, "shop")
    assert size / (min_size_for(LONG, ec, 1.0)) >= 0.4 * MM - 1e-9  # less room: 0.4 mm
    assert grown_size(LONG, 22 * MM, 25 * MM, "shop") is None
    assert MIN_MODULE_MM["shop"] == 0.4


@pytest.mark.parametrize("which", ["sample", "stress"])
@pytest.mark.parametrize("product", ["badges", "booklet", "signs"])
def test_every_module_at_least_0_4_mm_and_no_code_dropped(prepress_outputs, which, product):
    pdf, stderr = prepress_outputs[which][product]
    modules = content_modules(pdf)
    assert modules, "the measure finds the codes"
    small = [(p, round(m, 3)) for p, m in modules if m < 0.4 - 1e-6]
    assert not small, small[:5]
    assert "left out" not in stderr


def test_long_profile_url_grows_the_badge_code(prepress_outputs):
    pdf, _ = prepress_outputs["stress"]["badges"]
    modules = dict(content_modules(pdf))
    codes = raster_modules(pdf, 0)  # the first badge's front, decoded by zxing-cpp
    assert len(codes) == 1 and len(codes[0][0]) > 250
    assert codes[0][1] >= 0.4 - 0.01
    assert modules[1] == pytest.approx(codes[0][1], abs=0.01)


def _event_with_profiles(write_event, urls):
    speakers = "\n".join(
        f"  - id: p{i}\n    name: Person {i}\n    profile_url: {u}" for i, u in enumerate(urls)
    )
    text = MINIMAL.replace(
        "speakers:\n  - id: ada\n    name: Ada Lovelace\n    organization: Analytical Engines\n",
        f"speakers:\n{speakers}\n",
    ).replace("speakers: [ada]", f"speakers: [{', '.join(f'p{i}' for i in range(len(urls)))}]")
    return write_event(text)


def test_code_left_out_only_when_even_the_maximum_fails_and_strict_refuses(
    runner, write_event, tmp_path
):
    huge = "https://example.org/" + "x" * 1400
    event = _event_with_profiles(write_event, [SHORT + "a", SHORT + "b", huge])
    out = tmp_path / "badges.pdf"
    r = invoke(runner, "badges", event, "--offline", "-o", out)
    assert r.exit_code == 0, r.stderr
    assert r.stderr.count("left out") == 1 and "Person 2" in r.stderr
    out.unlink()
    r = invoke(runner, "badges", event, "--offline", "--strict", "-o", out)
    assert r.exit_code == 1 and "left out" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()
