"""layout: typed YAML layouts (units, colours, unknown keys with file:line) and sheet presets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pytest

from printkit.errors import PrintkitError
from printkit.layout import Color, Length, Sheet, layout_names, load_layout, load_sheet
from printkit.units import INCH, MM


@dataclass(frozen=True)
class Style:
    size: Length = 12.0
    color: Color = "black"
    bold: bool = False


@dataclass(frozen=True)
class Badge:
    name: str
    width: Length
    height: Length
    role_band: Length = 10 * MM
    shape: Literal["rect", "round"] = "rect"
    fields: tuple[str, ...] = ("name", "org")
    copies: int = 1
    opacity: float = 1.0
    subtitle: str | None = None
    title: Style = field(default_factory=Style)


def _write(tmp_path, text, name="badge.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_units_defaults_and_nesting(tmp_path):
    p = _write(
        tmp_path,
        "name: a6\nwidth: 105mm\nheight: 5.83in\nshape: round\nfields: [name, org, qr]\n"
        "title:\n  size: 36pt\n  color: '#1F3A93'\n",
    )
    b = load_layout(p, "badges", Badge)
    assert b.width == pytest.approx(105 * MM)
    assert b.height == pytest.approx(5.83 * INCH)
    assert b.role_band == pytest.approx(10 * MM)  # default from the dataclass
    assert b.shape == "round" and b.fields == ("name", "org", "qr")
    assert b.title == Style(size=36.0, color="#1F3A93")
    assert b.subtitle is None


def test_all_errors_at_once_with_lines_and_suggestions(tmp_path):
    p = _write(
        tmp_path,
        "name: a6\n"  # 1
        "widht: 105mm\n"  # 2 typo
        "height: 148 millimetres\n"  # 3 bad unit
        "shape: rounf\n"  # 4 bad literal
        "copies: two\n"  # 5 bad int
        "title:\n"  # 6
        "  colour: '#12345'\n",  # 7 unknown nested key
    )
    with pytest.raises(PrintkitError) as e:
        load_layout(p, "badges", Badge)
    lines = [str(x) for x in e.value.problems]
    text = "\n".join(lines)
    assert f'{p}:2: widht: unknown key (did you mean "width"?)' in text
    assert f"{p}:3: height:" in text and "length" in text
    assert f"{p}:4: shape:" in text and 'did you mean "round"' in text
    assert f"{p}:5: copies:" in text
    assert f'{p}:7: title.colour: unknown key (did you mean "color"?)' in text
    assert "width: required key is missing" in text


def test_bad_colour_is_an_error(tmp_path):
    p = _write(tmp_path, "name: x\nwidth: 1in\nheight: 1in\ntitle: {color: blue-ish}\n")
    with pytest.raises(PrintkitError, match="title.color"):
        load_layout(p, "badges", Badge)


def test_unknown_layout_name_suggests():
    with pytest.raises(PrintkitError, match='did you mean "avery-5392"'):
        load_sheet("avery-5329")


def test_every_sheet_preset_loads_and_is_sourced():
    names = layout_names("sheets")
    assert {"a4", "letter", "a4-4up-a6", "avery-5392", "avery-5390", "avery-l7418"} <= set(names)
    for n in names:
        s = load_sheet(n)
        assert s.source.strip(), f"{n} has no source"
        w, h = s.size()
        if s.label_width:
            slots = s.slots(s.label_width, s.label_height)
            assert len(slots) == s.cols * s.rows
            for sl in slots:
                assert sl.x >= 0 and sl.x + sl.w <= w + 1e-6
                assert sl.y >= 0 and sl.y + sl.h <= h + 1e-6


@pytest.mark.parametrize(
    "name, piece, count, first_top_left",
    [
        # (x of the left edge, distance of the top edge from the top of the sheet)
        ("avery-5392", (4 * INCH, 3 * INCH), 6, (0.25 * INCH, 1 * INCH)),
        ("avery-5390", (3.5 * INCH, 2.25 * INCH), 8, (0.75 * INCH, 1 * INCH)),
        ("a4-4up-a6", (105 * MM, 148 * MM), 4, (0, 0)),
    ],
)
def test_label_stock_positions(name, piece, count, first_top_left):
    s = load_sheet(name)
    w, h = s.size()
    slots = s.slots(*piece)
    assert len(slots) == count
    first = slots[0]
    assert first.x == pytest.approx(first_top_left[0])
    assert h - (first.y + first.h) == pytest.approx(first_top_left[1])
    assert slots[-1].y == pytest.approx(h - first_top_left[1] - (count // s.cols) * piece[1])


def test_smaller_piece_is_centred_on_its_label():
    s = load_sheet("avery-l7418")
    slots = s.slots(80 * MM, 50 * MM)
    cells = s.slots(86 * MM, 55 * MM)
    for a, c in zip(slots, cells, strict=True):
        assert a.x + a.w / 2 == pytest.approx(c.x + c.w / 2)
        assert a.y + a.h / 2 == pytest.approx(c.y + c.h / 2)
    assert s.slots(100 * MM, 60 * MM) == []  # larger than the label


def test_plain_sheet_auto_grid():
    s = load_sheet("a4")
    assert len(s.slots(85 * MM, 55 * MM)) == 2 * 5
    assert Sheet(paper="letter", orientation="landscape").size() == (11 * INCH, 8.5 * INCH)


def test_sheet_rules(tmp_path):
    p = _write(tmp_path, "name: odd\npaper: B7\n", "odd.yaml")
    with pytest.raises(PrintkitError, match="unknown paper size"):
        load_sheet(p)
