"""Drawing shortcuts write what ReportLab's own calls write: the initials disc's circle."""

from __future__ import annotations

import io
import random

from reportlab.pdfgen.canvas import Canvas

from printkit.press import images


def written(draw) -> list[str]:
    """The content-stream pieces draw(canvas) adds on a fresh page."""
    c = Canvas(io.BytesIO())
    before = len(c._code)
    draw(c)
    return c._code[before:]


def shortcut(c, cx, cy, r):
    c._code.extend(images._circle_path(cx, cy, r))
    c._strokeAndFill(0, 1)


def test_circle_path_is_canvas_circle():
    rnd = random.Random(3)
    cases = [(0.0, 0.0, 1.0), (42.5, 117.3, 28.346456692913385), (-3.1, 1e-3, 0.7)]
    cases += [(rnd.uniform(-500, 500), rnd.uniform(-500, 500), rnd.uniform(0.01, 300))
              for _ in range(300)]  # fmt: skip
    for cx, cy, r in cases:
        expected = written(lambda c, cx=cx, cy=cy, r=r: c.circle(cx, cy, r, stroke=0, fill=1))
        assert written(lambda c, cx=cx, cy=cy, r=r: shortcut(c, cx, cy, r)) == expected
        assert len(expected) > 4  # a move, four curves, the fill
