"""Text glyphs on a page → words inside the trim but within 3 mm of it (or across it); judged:
failures on a shop file (the cutter may take them), warnings for office and screen."""

from __future__ import annotations

from printkit.check.facts import CheckReport, Finding, TextNearEdge
from printkit.check.geometry import MM, Rect, inner_distance, intersects, normalize

SAFE_MM = 3.0


def _text_near_edge(page, number: int, trim: Rect, safe_mm: float = SAFE_MM):
    """Words whose glyphs touch the trim but leave the safe zone (trim inset by `safe_mm`)."""
    text = page.get_textpage()
    try:
        chars = [text.get_text_range(i, 1) for i in range(text.count_chars())]
        worst: float | None = None
        hits: list[int] = []
        for i, ch in enumerate(chars):
            if not ch.strip():
                continue
            glyph = normalize(text.get_charbox(i))
            if glyph[2] - glyph[0] <= 0 and glyph[3] - glyph[1] <= 0:
                continue
            if not intersects(glyph, trim):
                continue  # slug text outside the trim is deliberate
            distance = inner_distance(trim, glyph)
            if distance < safe_mm * MM - 0.01:
                hits.append(i)
                worst = distance if worst is None else min(worst, distance)
    finally:
        text.close()
    if worst is None:
        return []
    sample = " ".join(_words_at(chars, hits))
    sample = sample if len(sample) <= 60 else sample[:57] + "..."
    return [TextNearEdge(number, sample, worst / MM)]


def _words_at(chars: list[str], hits: list[int]) -> list[str]:
    """The whole words (runs of non-space characters) that contain the hit indices."""
    words: list[str] = []
    seen: set[int] = set()
    for i in hits:
        if i in seen:
            continue
        start = end = i
        while start > 0 and chars[start - 1].strip():
            start -= 1
        while end + 1 < len(chars) and chars[end + 1].strip():
            end += 1
        seen.update(range(start, end + 1))
        words.append("".join(chars[start : end + 1]))
    return words


def judge_safe_zone(report: CheckReport, shop: bool) -> list[Finding]:
    """One finding per page with text too close to the trim (or page edge) or across it:
    FAIL on a shop file, WARN otherwise."""
    out: list[Finding] = []
    for near in report.text_near_edge:
        where = "crosses the trim" if near.distance_mm < 0 else f"{near.distance_mm:.1f} mm from it"
        out.append(
            Finding(
                "FAIL" if shop else "WARN",
                "safe zone",
                f"page {near.page}: text within {SAFE_MM:g} mm of the "
                f"{'trim' if shop else 'page edge'} ({where}): {near.text!r}",
            )
        )
    return out
