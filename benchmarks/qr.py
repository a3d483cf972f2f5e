"""QR matrices for 1,000 distinct URLs → ms per code: qrcode's automatic mask vs printkit's.

Run: python benchmarks/qr.py
Prints qrcode's time, printkit's (cold cache), the share of identical matrices
(must be 100.0 %), a cached lookup, qr_rects' time, the badges' path operators
(qr_ops.rect_ops) against qr_rects formatted one by one (must be 100.0 %
identical), and drawing ops per code.
"""

from __future__ import annotations

import random
import time

import qrcode

from printkit.press import qr, qr_ops

N = 1000


def urls(n: int = N) -> list[str]:
    """n distinct conference URLs: speaker pages and longer talk pages."""
    rnd = random.Random(2025)
    words = [
        "open",
        "source",
        "rust",
        "python",
        "kernel",
        "cloud",
        "edge",
        "ai",
        "data",
        "web",
        "compiler",
        "runtime",
    ]
    out = []
    for i in range(n):
        slug = "-".join(rnd.sample(words, rnd.randint(1, 4))) + f"-{i}"
        if i % 3:
            out.append(f"https://paris2025.gosim.org/speakers/{slug}/")
        else:
            day = rnd.randint(1, 3)
            out.append(
                f"https://paris2025.gosim.org/schedule/day-{day}/talks/{slug}/?ref=badge&lang=en"
            )
    return out


def reference(payload: str, ec: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(border=0, error_correction=qr.EC_LEVELS[ec])
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def main() -> None:
    payloads = urls()
    ec = "M"
    for p in payloads[:5]:  # warm the per-version tables, as any long run would
        qr.qr_matrix(p + "#warm", ec)

    t0 = time.perf_counter()
    ref = [reference(p, ec) for p in payloads]
    t_ref = time.perf_counter() - t0

    qr.qr_matrix.cache_clear()
    qr._matrix_int.cache_clear()
    t0 = time.perf_counter()
    ours = [qr.qr_matrix(p, ec) for p in payloads]
    t_ours = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in range(10):
        for p in payloads:
            qr.qr_matrix(p, ec)
    t_cached = (time.perf_counter() - t0) / 10

    t0 = time.perf_counter()
    for m in ours:
        qr.qr_rects(m)
    t_rects = time.perf_counter() - t0

    grids = [qr.qr_grid(p, ec) for p in payloads]
    t0 = time.perf_counter()
    bulk = [qr_ops.rect_ops(g, n) for n, g in grids]
    t_bulk = time.perf_counter() - t0
    t0 = time.perf_counter()
    one = []
    for m in ours:
        n = len(m)
        rects = qr.qr_rects(m)
        one.append("\n".join([f"{x} {n - y - h} {w} {h} re" for x, y, w, h in rects]) + "\nf")
    t_one = time.perf_counter() - t0
    same_ops = sum(a == b for a, b in zip(bulk, one, strict=True))

    same = sum(a == b for a, b in zip(ref, ours, strict=True))
    runs = sum(len(qr.qr_path_runs(m)) for m in ours) / N
    rects = sum(len(qr.qr_rects(m)) for m in ours) / N
    versions = sorted({len(m) for m in ours})

    print(f"payloads: {N} distinct URLs, ec={ec}, sides {versions} modules")
    print(f"qrcode automatic mask : {t_ref / N * 1e3:7.3f} ms per code")
    print(f"printkit qr_matrix    : {t_ours / N * 1e3:7.3f} ms per code (cold cache)")
    print(f"speed-up              : {t_ref / t_ours:7.1f} x")
    print(f"identical matrices    : {same / N * 100:.1f} %")
    print(f"cached lookup         : {t_cached / N * 1e6:7.3f} us per code")
    print(f"printkit qr_rects     : {t_rects / N * 1e3:7.3f} ms per code")
    print(f"path operators, bulk  : {t_bulk / N * 1e3:7.3f} ms per code (qr_ops.rect_ops)")
    print(f"  one rect at a time  : {t_one / N * 1e3:7.3f} ms per code (qr_rects + f-strings)")
    print(f"identical operators   : {same_ops / N * 100:.1f} %")
    print(f"drawing ops per code  : {runs:.1f} runs -> {rects:.1f} rectangles")


if __name__ == "__main__":
    main()
