"""Payload → QR module matrix (qrcode's own mask choice, fast, cached) → one vector path.

qrcode picks the mask by building all 8 candidates in pure Python and scoring
each with `qrcode.util.lost_point` (about 8.5 ms a code). Here qrcode's own
segmenting, tables, function patterns and mask functions are reused, but the
bit stream and Reed-Solomon codewords are built with int arithmetic and the 8
candidates are scored as big Python ints (one bit per module): the matrix is
the same as `QRCode(border=0).make(fit=True)`, in about 0.2 ms.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from operator import itemgetter

import qrcode
from qrcode import LUT, base, constants, exceptions, util

from printkit.errors import PrintkitError
from printkit.units import MM

__all__ = [
    "EC_LEVELS",
    "MIN_MODULE_MM",
    "PREFERRED_MODULE_MM",
    "QRTooSmall",
    "draw_qr",
    "grown_size",
    "min_size_for",
    "module_count",
    "qr_grid",
    "qr_matrix",
    "qr_path_runs",
    "qr_rects",
    "qr_rects_for",
]

QUIET = 4  # modules of light margin on each side, as ISO/IEC 18004 requires

EC_LEVELS = {
    "L": constants.ERROR_CORRECT_L,
    "M": constants.ERROR_CORRECT_M,
    "Q": constants.ERROR_CORRECT_Q,
    "H": constants.ERROR_CORRECT_H,
}

# Smallest module (one QR square) to accept per target, in millimetres.
# A prepress desk queries shop codes under 0.4 mm a module (a phone must read
# them from a badge at arm's length and a sign across a corridor); office
# lasers and inkjets spread toner and ink, so the same; a screen PDF is
# zoomable, so nothing is enforced there. Where a block has room, codes grow
# to the preferred module (`grown_size`).
MIN_MODULE_MM = {"shop": 0.4, "office": 0.4, "screen": 0.0}
PREFERRED_MODULE_MM = {"shop": 0.5, "office": 0.5, "screen": 0.0}


class QRTooSmall(PrintkitError):
    """A QR code would be printed with modules smaller than the target allows."""


# --------------------------------------------------------------------------- layout


class _Probe(qrcode.QRCode):
    """A QRCode that records its function patterns instead of placing data."""

    layout: list

    def map_data(self, data, mask_pattern):
        self.layout = [row[:] for row in self.modules]


def _probe(version: int, ec: int, test: bool, mask: int) -> list:
    """qrcode's own function patterns for a version: True/False, None for data cells."""
    p = _Probe(version=version, error_correction=ec, border=0)
    p.data_cache = b""  # not None, so makeImpl does not encode anything
    p.makeImpl(test, mask)
    return p.layout


def _bits(layout: list, width: int) -> int:
    """Dark function modules of a layout → int with bit r*width + c set."""
    out = 0
    for r, row in enumerate(layout):
        base = r * width
        for c, v in enumerate(row):
            if v:
                out |= 1 << (base + c)
    return out


class _Version:
    """Everything about one QR version that does not depend on the payload."""

    def __init__(self, version: int):
        n = version * 4 + 17
        w = n + 1  # one light padding column keeps windows from wrapping rows
        self.version, self.n, self.w = version, n, w
        layout = _probe(version, constants.ERROR_CORRECT_M, True, 0)
        # Data cells in the order qrcode's map_data fills them (the zigzag).
        order = []
        inc, row = -1, n - 1
        for col in range(n - 1, 0, -2):
            if col <= 6:
                col -= 1
            while True:
                for c in (col, col - 1):
                    if layout[row][c] is None:
                        order.append(row * w + c)
                row += inc
                if row < 0 or n <= row:
                    row -= inc
                    inc = -inc
                    break
        self.n_data = len(order)
        total = n * w
        # Bit string (most significant first) → gather index into the data bits.
        where = [self.n_data] * total
        for k, cell in enumerate(order):
            where[total - 1 - cell] = k
        self.gather = itemgetter(*where)
        self.total = total
        self.valid = sum(((1 << n) - 1) << (r * w) for r in range(n))
        self.pairs_across = self.valid & (self.valid >> 1)
        self.pairs_down = self.valid & (self.valid >> w)
        self.func_test = _bits(layout, w)
        self.masks = []
        for m in range(8):
            f = util.mask_func(m)
            bits = 0
            for cell in order:
                if f(cell // w, cell % w):
                    bits |= 1 << cell
            self.masks.append(bits)
        self._final: dict[tuple[int, int], int] = {}

    def func_final(self, ec: int, mask: int) -> int:
        """Dark function modules with the real format (and version) information."""
        key = (ec, mask)
        if key not in self._final:
            self._final[key] = _bits(_probe(self.version, ec, False, mask), self.w)
        return self._final[key]

    def place(self, data: bytes) -> int:
        """Codewords → unmasked data modules as an int (remainder bits light)."""
        bits = format(int.from_bytes(data, "big"), f"0{8 * len(data)}b")
        bits = bits.ljust(self.n_data + 1, "0")
        return int("".join(self.gather(bits)), 2)


@cache
def _version(version: int) -> _Version:
    return _Version(version)


# --------------------------------------------------------------------------- scoring


def _runs_penalty(same: int, s: int) -> int:
    """N1 along s: each run of 5 + k same-coloured modules costs 3 + k.

    `same` has bit p set where modules p and p + s are both in the symbol and
    of one colour; 4 such pairs in a row are 5 modules.
    """
    w5 = same & (same >> s) & (same >> 2 * s) & (same >> 3 * s)
    starts = w5 & ~(w5 << s)  # a dark and a light run never touch here: p + s differs
    return w5.bit_count() + 2 * starts.bit_count()


def _finder_like(d: int, lt: int, s: int) -> int:
    """How many 1:1:3:1:1 patterns with 4 light modules beside them lie along s."""
    base = (lt >> s) & (d >> 4 * s) & (lt >> 5 * s) & (d >> 6 * s) & (lt >> 9 * s)
    if not base:
        return 0
    a = base & d & (d >> 2 * s) & (d >> 3 * s) & (lt >> 7 * s) & (lt >> 8 * s) & (lt >> 10 * s)
    b = base & lt & (lt >> 2 * s) & (lt >> 3 * s) & (d >> 7 * s) & (d >> 8 * s) & (d >> 10 * s)
    return a.bit_count() + b.bit_count()


def _lost_point(d: int, v: _Version, stop: float = float("inf")) -> float:
    """`qrcode.util.lost_point` of the matrix whose dark modules are the bits of d.

    Every part of the score is >= 0: once the parts added so far reach `stop`
    (the best mask's score), the rest is skipped and a score >= `stop` returned.
    """
    w, n = v.w, v.n
    percent = float(d.bit_count()) / (n**2)
    score = int(abs(percent * 100 - 50) / 5) * 10
    across = ~(d ^ (d >> 1)) & v.pairs_across  # p and its right neighbour: one colour
    down = ~(d ^ (d >> w)) & v.pairs_down  # p and the module below it: one colour
    score += _runs_penalty(across, 1) + _runs_penalty(down, w)
    score += 3 * (across & (across >> w) & down).bit_count()  # 2 x 2 blocks of one colour
    if score >= stop:
        return score
    lt = v.valid ^ d
    return score + 40 * (_finder_like(d, lt, 1) + _finder_like(d, lt, w))


# --------------------------------------------------------------------------- matrix


def _ec(ec: str) -> int:
    try:
        return EC_LEVELS[ec.upper()]
    except (KeyError, AttributeError):
        raise PrintkitError(f"QR error correction must be one of L, M, Q, H (got {ec!r})") from None


def _short(payload: str, limit: int = 40) -> str:
    return payload if len(payload) <= limit else payload[: limit - 1] + "…"


def _data_bits(chunk) -> int:
    """Bits one chunk's content takes (mode and length headers excluded)."""
    k = len(chunk)
    if chunk.mode == util.MODE_NUMBER:
        return 10 * (k // 3) + (0, 4, 7)[k % 3]
    if chunk.mode == util.MODE_ALPHA_NUM:
        return 11 * (k // 2) + 6 * (k % 2)
    return 8 * k


def _best_fit(chunks, ec: int, start: int) -> int:
    """qrcode's QRCode.best_fit, with bit lengths counted instead of written."""
    sizes = util.mode_sizes_for_version(start)
    needed = sum(4 + sizes[c.mode] + _data_bits(c) for c in chunks)
    version = bisect_left(util.BIT_LIMIT_TABLE[ec], needed, start)
    if version == 41:
        raise exceptions.DataOverflowError()
    if sizes is not util.mode_sizes_for_version(version):
        return _best_fit(chunks, ec, version)
    return version


_ALNUM = {b: i for i, b in enumerate(util.ALPHA_NUM)}


def _bitstream(chunks, version: int) -> tuple[int, int]:
    """Chunks → (bits as an int, bit count), as qrcode's BitBuffer would hold them."""
    acc = n = 0
    for c in chunks:
        size = util.length_in_bits(c.mode, version)
        acc = (((acc << 4) | c.mode) << size) | (len(c) & ((1 << size) - 1))
        n += 4 + size
        d = c.data
        if c.mode == util.MODE_NUMBER:
            for i in range(0, len(d), 3):
                part = d[i : i + 3]
                width = util.NUMBER_LENGTH[len(part)]
                acc = (acc << width) | int(part)
                n += width
        elif c.mode == util.MODE_ALPHA_NUM:
            for i in range(0, len(d) - 1, 2):
                acc = (acc << 11) | (_ALNUM[d[i]] * 45 + _ALNUM[d[i + 1]])
                n += 11
            if len(d) % 2:
                acc = (acc << 6) | _ALNUM[d[-1]]
                n += 6
        else:
            acc = (acc << 8 * len(d)) | int.from_bytes(d, "big")
            n += 8 * len(d)
    return acc, n


@cache
def _rs_table(ec_count: int) -> tuple[int, ...]:
    """Generator polynomial of ec_count codewords → remainder update per feedback byte."""
    if ec_count in LUT.rsPoly_LUT:
        poly = base.Polynomial(LUT.rsPoly_LUT[ec_count], 0)
    else:  # pragma: no cover - qrcode's table covers every block size in use
        poly = base.Polynomial([1], 0)
        for i in range(ec_count):
            poly = poly * base.Polynomial([1, base.gexp(i)], 0)
    gen = [poly[i] for i in range(1, ec_count + 1)]
    table = [0]
    for f in range(1, 256):
        lf = base.glog(f)
        row = bytes(0 if g == 0 else base.gexp(base.glog(g) + lf) for g in gen)
        table.append(int.from_bytes(row, "big"))
    return tuple(table)


def _ec_bytes(data: bytes, ec_count: int) -> bytes:
    """Data codewords → Reed-Solomon codewords (remainder of data·x^e by the generator)."""
    table = _rs_table(ec_count)
    top = 8 * (ec_count - 1)
    mask = (1 << (8 * ec_count)) - 1
    rem = 0
    for b in data:
        rem = ((rem << 8) & mask) ^ table[(rem >> top) ^ b]
    return rem.to_bytes(ec_count, "big")


@cache
def _blocks(version: int, ec: int) -> tuple[tuple[int, int], ...]:
    return tuple((b.data_count, b.total_count - b.data_count) for b in base.rs_blocks(version, ec))


def _codewords(chunks, version: int, ec: int) -> bytes:
    """Chunks → interleaved data and error correction codewords, as util.create_data."""
    blocks = _blocks(version, ec)
    limit = 8 * sum(d for d, _ in blocks)
    acc, n = _bitstream(chunks, version)
    if n > limit:  # pragma: no cover - the version was chosen to fit
        raise exceptions.DataOverflowError()
    pad = min(limit - n, 4)
    acc, n = acc << pad, n + pad
    if n % 8:
        acc, n = acc << (8 - n % 8), n + 8 - n % 8
    fill = (limit - n) // 8
    data = acc.to_bytes(n // 8, "big") + (bytes((util.PAD0, util.PAD1)) * fill)[:fill]
    dc, ecs, at = [], [], 0
    for d, e in blocks:
        dc.append(data[at : at + d])
        ecs.append(_ec_bytes(data[at : at + d], e))
        at += d
    return _interleave(dc) + _interleave(ecs)


def _interleave(blocks: list[bytes]) -> bytes:
    """Blocks → their first codewords in block order, then their second ones, and so on."""
    k, short = len(blocks), min(map(len, blocks))
    out = bytearray(k * short)
    for j, block in enumerate(blocks):  # the columns every block has, one slice each
        out[j::k] = block[:short]
    for i in range(short, max(map(len, blocks))):  # longer blocks: one codeword more
        out.extend(b[i] for b in blocks if i < len(b))
    return bytes(out)


def _encode(payload: str, ec: int) -> tuple[int, bytes]:
    """Payload → (version, codewords) exactly as qrcode's make(fit=True) does."""
    chunks, version = _fit_version(payload, ec)
    return version, _codewords(chunks, version, ec)


def _fit_version(payload: str, ec: int) -> tuple[list, int]:
    """Payload → (its data chunks, the smallest version holding them), as qrcode's fit=True."""
    chunks = list(util.optimal_data_chunks(payload, minimum=20))
    try:
        return chunks, _best_fit(chunks, ec, _best_fit(chunks, ec, 1))
    except exceptions.DataOverflowError:
        raise PrintkitError(
            f'QR payload too long for one code at this error correction: "{_short(payload)}"'
        ) from None


@lru_cache(maxsize=4096)
def _matrix_int(payload: str, ec: str) -> tuple[_Version, int]:
    level = _ec(ec)
    version, data = _encode(payload, level)
    v = _version(version)
    placed = v.place(data)
    best, best_score = 0, None
    for mask in range(8):
        score = _lost_point(v.func_test | (placed ^ v.masks[mask]), v,
                            float("inf") if best_score is None else best_score)  # fmt: skip
        if best_score is None or score < best_score:
            best, best_score = mask, score
    return v, v.func_final(level, best) | (placed ^ v.masks[best])


_BOOL = {"0": False, "1": True}


@lru_cache(maxsize=4096)
def qr_matrix(payload: str, ec: str = "M") -> tuple[tuple[bool, ...], ...]:
    """Payload → QR modules (True = dark), no quiet zone, same as qrcode's automatic mask."""
    v, bits = _matrix_int(payload, ec)
    s = format(bits, f"0{v.total}b")[::-1]
    n, w = v.n, v.w
    return tuple(tuple(map(_BOOL.__getitem__, s[r * w : r * w + n])) for r in range(n))


@lru_cache(maxsize=16384)
def module_count(payload: str, ec: str = "M") -> int:
    """Payload → modules per side, without the quiet zone (from the version: no matrix built)."""
    return 4 * _fit_version(payload, _ec(ec))[1] + 17


def min_size_for(payload: str, ec: str = "M", min_module: float = 0.0) -> float:
    """Smallest side (same unit as min_module) that keeps modules >= min_module, quiet zone included."""
    return (module_count(payload, ec) + 2 * QUIET) * min_module


def grown_size(
    payload: str, size: float, most: float, target: str, ecs: tuple[str, ...] = ("M", "L")
) -> tuple[float, str] | None:
    """(side, error correction) for a code planned at `size` that may grow up to `most` (points).

    The side is at least `size`; it grows until the modules reach the
    target's preferred size (0.5 mm on shop) where `most` allows, else the
    minimum (0.4 mm). Level M first, L when only L fits. None when no level
    fits even at `most` (or the payload is too long for any QR code).
    """
    most = max(most, size)
    for module in (PREFERRED_MODULE_MM.get(target, 0.0), MIN_MODULE_MM.get(target, 0.0)):
        for ec in ecs:
            try:
                need = min_size_for(payload, ec, module * MM)
            except (exceptions.DataOverflowError, ValueError):
                continue
            if need <= most + 1e-6:
                return max(size, need), ec
    return None


# --------------------------------------------------------------------------- geometry


_TO_BIN = bytes.maketrans(b"\x00\x01", b"01")


def _grid(matrix) -> tuple[str, int]:
    """Matrix → ('0'/'1' per cell, rows end to end with one light cell between them, stride)."""
    try:
        cells = b"\x00".join(map(bytes, matrix))  # rows of bools (qr_matrix) or 0/1
    except (TypeError, ValueError):
        cells = b"\x00".join(bytes(map(bool, row)) for row in matrix)
    return cells.translate(_TO_BIN).decode(), len(matrix[0]) + 1


def _transpose(grid: str, w: int) -> str:
    """A grid of stride w → its columns as rows, one light cell between them."""
    return "0".join(grid[c::w] for c in range(w - 1))


def _stacked_count(grid: str, w: int) -> int:
    """How many rectangles `_stack(qr_path_runs(rows))` makes, with big-int bit operations.

    Every run of dark cells is one rectangle unless the row above has the
    same run (same cells dark, both neighbours light). A run is marked bad
    where a cell of it, or a neighbour, differs from the cell above; adding
    each run's first bit then carries past its last cell only for good runs.
    """
    x = int(grid[::-1], 2)
    starts = x & ~(x << 1)
    ends = x & ~(x >> 1)
    diff = x ^ (x << w)  # cells unlike the one above (row 0: every dark cell)
    bad = (diff & x) | (starts & (diff << 1)) | (ends & (diff >> 1))
    good = ((x & ~bad) + starts) & (ends << 1)
    return starts.bit_count() - good.bit_count()


def qr_path_runs(matrix) -> list[tuple[int, int, int]]:
    """Matrix → horizontal runs of dark modules as (row, col_start, length)."""
    runs = []
    for r, row in enumerate(matrix):
        start = None
        for c, dark in enumerate(row):
            if dark and start is None:
                start = c
            elif not dark and start is not None:
                runs.append((r, start, c - start))
                start = None
        if start is not None:
            runs.append((r, start, len(row) - start))
    return runs


def _stack(runs) -> list[list[int]]:
    """Runs (line, start, length) → [start, line, length, lines] with equal runs stacked."""
    rects: list[list[int]] = []
    open_: dict[tuple[int, int], list[int]] = {}
    for line, start, length in runs:
        prev = open_.get((start, length))
        if prev is not None and prev[1] + prev[3] == line:
            prev[3] += 1
        else:
            prev = [start, line, length, 1]
            rects.append(prev)
            open_[(start, length)] = prev
    return rects


def qr_rects(matrix) -> list[tuple[int, int, int, int]]:
    """Matrix → dark rectangles (x, y, w, h) in modules, y down from the top row.

    Horizontal runs stacked where identical on consecutive rows, or vertical
    runs stacked side by side, whichever needs fewer rectangles (across on a
    tie). Both counts come from bit operations; only the winner is built.
    """
    if not matrix or not matrix[0]:
        return []
    grid, w = _grid(matrix)
    return _grid_rects(grid, w, len(matrix))


_DARK_RUN = re.compile("1+")


def _grid_runs(grid: str, w: int) -> list[tuple[int, int, int]]:
    """A grid of stride w → its dark runs (row, col_start, length), as qr_path_runs."""
    return [(*divmod(m.start(), w), m.end() - m.start()) for m in _DARK_RUN.finditer(grid)]


def _grid_rects(grid: str, w: int, rows: int) -> list[tuple[int, int, int, int]]:
    """qr_rects on a grid (stride w, one light cell closing each row)."""
    down = _transpose(grid, w)
    if _stacked_count(grid, w) <= _stacked_count(down, rows + 1):
        return [(x, y, w, h) for x, y, w, h in _stack(_grid_runs(grid, w))]
    return [(y, x, h, w) for x, y, w, h in _stack(_grid_runs(down, rows + 1))]


def qr_grid(payload: str, ec: str = "M") -> tuple[int, str]:
    """Payload → (modules per side n, '0'/'1' per cell, row after row, each closed by one '0')."""
    v, bits = _matrix_int(payload, ec)
    return v.n, format(bits, f"0{v.total}b")[::-1]  # bit r*w + c is cell (r, c); column n is light


@lru_cache(maxsize=64)  # a badge's own code is drawn once: keep only the repeated ones
def qr_rects_for(payload: str, ec: str) -> tuple[int, tuple[tuple[int, int, int, int], ...]]:
    """Payload → (modules per side, qr_rects of its matrix), straight from the module bits."""
    n, grid = qr_grid(payload, ec)
    return n, tuple(_grid_rects(grid, n + 1, n))


# --------------------------------------------------------------------------- drawing


def draw_qr(
    canvas,
    x: float,
    y: float,
    size: float,
    payload: str,
    ec: str = "M",
    min_module: float = 0.0,
) -> None:
    """Payload → one filled vector path in the square (x, y, size), quiet zone included.

    Lengths are points. The quiet zone is left unpainted and the current fill
    colour is used. Raises QRTooSmall when a module would be below min_module.
    """
    n, rects = qr_rects_for(payload, ec)
    unit = size / (n + 2 * QUIET)
    if unit < min_module * (1 - 1e-9):  # min_size_for's own result must pass
        raise QRTooSmall(
            f'QR code for "{_short(payload)}" at {size / MM:.1f} mm has '
            f"{unit / MM:.2f} mm modules; the minimum is {min_module / MM:.2f} mm "
            f"(make it at least {(n + 2 * QUIET) * min_module / MM:.1f} mm wide "
            "or shorten the link)"
        )
    left = x + QUIET * unit
    top = y + size - QUIET * unit
    path = canvas.beginPath()
    for cx, cy, w, h in rects:
        path.rect(left + cx * unit, top - (cy + h) * unit, w * unit, h * unit)
    canvas.drawPath(path, stroke=0, fill=1)
