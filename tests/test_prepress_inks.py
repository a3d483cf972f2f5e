"""Ink per text size on shop output: under 9 pt one ink, under 12 pt at most two; greys K only;
reversed (white) text at least 9 pt and bold below 12 pt.

Measured from the content streams (tests/text_inks.py: colour operator,
Tf size, colour space) of every product built from the sample and from a
stress event (long names and URLs, Arabic, Hebrew, Devanagari, CJK names).
"""

from __future__ import annotations

import pytest
from reportlab.lib.colors import CMYKColor, CMYKColorSep
from text_inks import ink_violations, text_items

from printkit.press.color import to_color
from printkit.press.inks import ink_count, inks_allowed, text_ink

NAVY = "#1D3A5F"  # the sample's primary colour


def _cmyk(c) -> tuple[float, ...]:
    return (c.cyan, c.magenta, c.yellow, c.black)


def test_inks_allowed_by_size():
    assert [inks_allowed(s) for s in (5.5, 8.99, 9, 11.9, 12, 30)] == [1, 1, 2, 2, 4, 4]


@pytest.mark.parametrize("spec", ["#5F6368", "#9AA0A6", "#F4F5F7", "#808080", "#1A1A1A"])
def test_greys_are_black_tints(spec):
    c, m, y, k = _cmyk(to_color(spec, True))
    assert (c, m, y) == (0, 0, 0) and 0 < k <= 1


def test_brand_colour_small_text_gets_fewer_inks_large_keeps_full():
    full = to_color(NAVY, True)
    assert ink_count(_cmyk(full)) == 4  # large areas and large text: the profile's colour
    assert text_ink(full, 24) is full
    two = _cmyk(text_ink(full, 10))
    assert ink_count(two) == 2 and two[0] > 0.3 and two[3] > 0.3  # navy as cyan + black
    one = _cmyk(text_ink(full, 7))
    assert ink_count(one) == 1
    for spec in ("#C0392B", "#1E8449", "#E0A030", "#4A5560"):
        for size, n in ((6, 1), (10, 2)):
            assert ink_count(_cmyk(text_ink(to_color(spec, True), size))) <= n, (spec, size)


def test_spot_registration_and_screen_colours_pass_unchanged():
    reg = CMYKColorSep(1, 1, 1, 1, spotName="All")
    assert text_ink(reg, 6) is reg
    rgb = to_color(NAVY, False)
    assert text_ink(rgb, 6) is rgb
    assert text_ink(CMYKColor(0, 0, 0, 1), 6) == CMYKColor(0, 0, 0, 1)


@pytest.fixture(scope="module")
def measured(prepress_outputs):
    return {
        which: {product: text_items(pdf) for product, (pdf, _) in products.items()}
        for which, products in prepress_outputs.items()
    }


@pytest.mark.parametrize("which", ["sample", "stress"])
def test_no_small_text_in_too_many_inks(which, measured):
    products = measured[which]
    for name, items in products.items():
        assert sum(t.size < 12 for t in items) > 50, name  # the measure sees small text
        v = ink_violations(items)
        assert not v["over 1 ink under 9 pt"], (name, v["over 1 ink under 9 pt"][:3])
        assert not v["over 2 inks under 12 pt"], (name, v["over 2 inks under 12 pt"][:3])


@pytest.mark.parametrize("which", ["sample", "stress"])
def test_reversed_text_is_9_pt_and_bold_below_12(which, measured):
    products = measured[which]
    whites = [t for items in products.values() for t in items if t.white]
    assert len(whites) > 20  # bands, role words, cover lines: white text is there and measured
    for name, items in products.items():
        v = ink_violations(items)
        assert not v["white under 9 pt"], (name, v["white under 9 pt"][:3])
        assert not v["white regular under 12 pt"], (name, v["white regular under 12 pt"][:3])
