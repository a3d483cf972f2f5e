"""A badge layout + face size → boxes for band, role band, photo, QR and text; text blocks → baselines.

Pure geometry on points (origin bottom-left of the face), no drawing, so it
can be property-tested: every box lies inside the face's safe zone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from printkit.products.badges.schema import BadgeLayout
from printkit.units import MM


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def inside(self, other: Box, eps: float = 1e-6) -> bool:
        return (
            self.x >= other.x - eps
            and self.y >= other.y - eps
            and self.right <= other.right + eps
            and self.top <= other.top + eps
        )


@dataclass(frozen=True)
class Face:
    """The fixed regions of one badge face."""

    width: float
    height: float
    safe: Box  # nothing but background art outside this
    band: Box  # event band (full width, from the top edge)
    role: Box  # role band (full width, from the bottom edge)
    content: Box  # between the bands, inside the margins


def face(layout: BadgeLayout) -> Face:
    w, h = layout.face
    m, s, g = layout.margin, layout.safe, layout.gap
    bh, rh = layout.band.height, layout.role_band.height
    content = Box(m, rh + g, w - 2 * m, h - bh - rh - 2 * g)
    return Face(
        width=w,
        height=h,
        safe=Box(s, s, w - 2 * s, h - 2 * s),
        band=Box(0, h - bh, w, bh),
        role=Box(0, 0, w, rh),
        content=content,
    )


GROUP_GAP = 2.0  # photo to name, in layout gaps
OPTICAL_TOP = 0.42
SIDE_GAP = 1.5  # name column to photo/QR column, in layout gaps  # share of the spare room above a stacked group (a bit above the middle)


@dataclass(frozen=True)
class FrontBoxes:
    photo: Box | None
    qr: Box | None
    text: Box
    align: str  # "center" or "left"


def front_boxes(
    layout: BadgeLayout,
    f: Face,
    photo: bool,
    qr: bool,
    text_h: float | None = None,
    qr_size: float | None = None,
) -> FrontBoxes:
    """Where the photo, the QR and the text go on the front (stacked or side by side).

    Stacked: the QR sits on the role band; the photo and the name stack (`text_h`
    tall, when known) are one group, set a little above the middle of the room
    left over, so there is no dead gap between the photo and the name. Without
    `text_h` the text box is all the room between photo and QR.
    """
    c, g = f.content, layout.gap
    p = min(layout.photo.size, c.w, c.h) if photo else 0.0
    q = min(qr_size or layout.qr.size, c.w, c.h) if qr else 0.0  # qr_size: grown for its payload
    if layout.arrangement == "stacked":
        qbox = Box(c.x + (c.w - q) / 2, c.y, q, q) if q else None
        bottom = c.y + (q + g if q else 0.0)
        inner = GROUP_GAP * g if p else 0.0
        room = c.top - bottom
        slack = room - p - inner - (text_h or 0.0)
        fits = text_h is not None and slack >= 0
        top = c.top - slack * OPTICAL_TOP if fits else c.top
        pbox = None
        if p:
            pbox = Box(c.x + (c.w - p) / 2, top - p, p, p)
            top -= p + inner
        if fits:
            bottom = top - (text_h or 0.0)
        return FrontBoxes(pbox, qbox, Box(c.x, bottom, c.w, max(0.0, top - bottom)), "center")
    col = max(p, q)
    if p and q and p + q + g > c.h:  # not both: the QR matters more
        p = 0.0
        col = q
    pbox = Box(c.right - col + (col - p) / 2, c.top - p, p, p) if p else None
    qbox = Box(c.right - col + (col - q) / 2, c.y, q, q) if q else None
    tw = c.w - (col + SIDE_GAP * g if col else 0.0)
    return FrontBoxes(pbox, qbox, Box(c.x, c.y, tw, c.h), "left")


@dataclass(frozen=True)
class Block:
    """Lines of text set at one size; `after` is the space below its last baseline.

    `asc`/`desc` are each line's ink above/below its baseline (points), for
    scripts whose marks reach past the capitals (Devanagari, Arabic); empty
    means cap height above and nothing below (Latin, Greek, Cyrillic).
    """

    lines: tuple[str, ...]
    size: float
    bold: bool
    color: str
    leading: float
    after: float
    asc: tuple[float, ...] = ()
    desc: tuple[float, ...] = ()


CLEAR = 0.06  # least white between one line's ink and the next, in ems


def _top(b: Block, cap: Callable[[float, bool], float]) -> float:
    return max(cap(b.size, b.bold), b.asc[0]) if b.asc else cap(b.size, b.bold)


def _below(b: Block, i: int) -> float:
    return b.desc[i] if b.desc else 0.0


def pitches(b: Block) -> list[float]:
    """Baseline-to-baseline distances inside a block: the leading, or more when ink would touch."""
    out = []
    for i in range(len(b.lines) - 1):
        need = _below(b, i) + (b.asc[i + 1] if b.asc else 0.0) + CLEAR * b.size
        out.append(max(b.size * b.leading, need))
    return out


def _after(a: Block, b: Block) -> float:
    """Space from a's last baseline to b's top: `after`, or more when a's ink hangs lower."""
    if not a.desc:
        return a.after
    down = a.desc[-1]
    return max(a.after, down + CLEAR * b.size) if down else a.after


def block_height(b: Block, cap: Callable[[float, bool], float]) -> float:
    """From the top of the first line (cap line or higher ink) to the baseline of the last."""
    if not b.asc:
        return cap(b.size, b.bold) + (len(b.lines) - 1) * b.size * b.leading
    return _top(b, cap) + sum(pitches(b))


def stack_height(blocks: Sequence[Block], cap: Callable[[float, bool], float]) -> float:
    if not blocks:
        return 0.0
    gaps = sum(_after(a, b) for a, b in zip(blocks, blocks[1:], strict=False))
    return sum(block_height(b, cap) for b in blocks) + gaps


def baselines(
    blocks: Sequence[Block], box: Box, cap: Callable[[float, bool], float], valign: str = "middle"
) -> list[list[float]]:
    """Baseline y of every line of every block, the stack placed in `box` (top or middle)."""
    total = stack_height(blocks, cap)
    top = box.top if valign == "top" else box.top - max(0.0, (box.h - total) / 2)
    out = []
    y = top
    for i, b in enumerate(blocks):
        first = y - _top(b, cap)
        ys = [first]
        for p in pitches(b):
            ys.append(ys[-1] - p)
        out.append(ys)
        y = ys[-1] - (_after(b, blocks[i + 1]) if i + 1 < len(blocks) else b.after)
    return out


# -- does a layout leave room for the name? (checked when a layout is loaded) --

NAME_COLUMN = 4.0  # narrowest name column beside a photo or QR, in first_min ems
CAP = 0.714  # PK-Sans cap height per point


def value_at(lay: BadgeLayout, key: str) -> float:
    obj = lay
    for part in key.split("."):
        obj = getattr(obj, part)
    return obj


def room_problems(lay: BadgeLayout) -> list[tuple[str, str]]:
    """(key, message) for every size that leaves the face without room: margins, bands, photo, QR."""
    out: list[tuple[str, str]] = []
    w, h = lay.face
    if lay.safe > lay.margin:
        out.append(("safe", "must not be larger than margin (text sits inside the margin)"))
    if 2 * lay.margin >= w or 2 * lay.margin >= h:
        out.append(("margin", "leaves no room for the name"))
    if lay.band.height + lay.role_band.height + 2 * lay.gap >= h:
        out.append(("band.height", "and role_band.height leave no room for the name"))
    if out:
        return out
    c, g = face(lay).content, lay.gap
    room = f"the room between the margins and bands is {c.w / MM:.0f} x {c.h / MM:.0f} mm"
    n = lay.names
    p = lay.photo.size if lay.photo.show else 0.0
    q = lay.qr.size if lay.qr.show else 0.0
    for key, v in (("photo.size", p), ("qr.size", q)):
        if v > c.w or v > c.h:
            out.append((key, f"does not fit the badge ({room})"))
    for key in ("back.session_qr", "back.schedule_qr"):
        if lay.back.show and value_at(lay, key) > min(c.w, c.h):
            out.append((key, f"does not fit the badge ({room})"))
    if out:
        return out
    name_h = CAP * n.first_min + g + CAP * n.surname_min
    worst = "qr.size" if q >= p else "photo.size"
    if lay.arrangement == "stacked":
        need = (p + GROUP_GAP * g if p else 0.0) + name_h + (q + g if q else 0.0)
        if need > c.h + 1e-6:
            out.append((worst, f"leaves no room for the name (photo, name and QR need "
                               f"{need / MM:.0f} mm; {room})"))  # fmt: skip
    else:
        col = q if p and q and p + q + g > c.h else max(p, q)
        tw = c.w - (col + SIDE_GAP * g if col else 0.0)
        if tw < NAME_COLUMN * n.first_min or name_h > c.h:
            out.append((worst, f"leaves no room for the name beside it ({room})"))
    return out
