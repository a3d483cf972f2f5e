"""Drawing speed shortcuts give what the general paths give: same PDF bytes, same lines, same keys."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from printkit import collation, names
from printkit.errors import Problems
from printkit.fit import wrap
from printkit.press import qr
from printkit.press import text as ptext
from printkit.press.page import Press
from printkit.products.booklet import parts
from printkit.units import MM

COLOURS = ["#1F3A93", "black", "white", "#C0392B", "#777777"]
WORDS = ["Ada", "Lovelace", "naïve", "café", "Zoë", "Ünal", "Ελληνικά", "Русский", "(2025)",
         "Nguyễn", "Thị", "x", "supercalifragilistic", "a-b", "€5", "—", "Łódź"]  # fmt: skip


def _draw(surface, rnd: random.Random) -> None:
    """A page of plain and non-plain lines, in several colours and sizes, through every text call."""
    for i in range(40):
        s = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 5)))
        if i % 3 == 0:
            s = "Plain ASCII (with) \\ escapes"
        colour, size = rnd.choice(COLOURS), rnd.choice([6, 7.5, 9, 11, 14])
        y = 20 + i * 9
        if i % 4 == 0:
            surface.text(10, y, s, size, bold=i % 8 == 0, color=colour)
        elif i % 4 == 1:
            surface.fit(s, 10, y, 120, 9, size, 5, max_lines=2, color=colour)
        else:
            parts.draw_text(surface, 10, y, s, size, bold=i % 2 == 0, color=colour,
                            align=rnd.choice(["left", "center", "right"]))  # fmt: skip
    surface.paragraph(" ".join(WORDS * 3), 10, 400, 200, 8, color="black")
    for i, colour in enumerate(COLOURS[:3]):  # QR codes take the fill state from the same cache
        surface.qr(200, 20 + i * 60, 50, f"https://example.org/{rnd.random()}", color=colour)


def _pdf(path, target: str, fast: bool, monkeypatch) -> bytes:
    with monkeypatch.context() as m:
        if not fast:  # ReportLab's own calls every time: no ASCII string ops, no state cache
            from printkit.press.surface import Surface

            m.setattr(ptext, "ascii_string_ops", lambda *a, **k: None)
            cached = Surface.text_state_ops

            def uncached(self, color, size):
                self.canvas.__dict__.pop("_printkit_text_state", None)
                return cached(self, color, size)

            m.setattr(Surface, "text_state_ops", uncached)
        date = datetime(2025, 5, 6, 12, 0)
        with Press(path, (148 * MM, 210 * MM), target, title="t", problems=Problems(),
                   date=date) as press:  # fmt: skip
            for page in range(3):  # a new page starts a new table of graphics state names
                press.add(lambda s, page=page: _draw(s, random.Random(page)))
    return path.read_bytes()


@pytest.mark.parametrize("target", ["shop", "office", "screen"])
def test_text_state_and_ascii_shortcuts_write_the_same_pdf(tmp_path, target, monkeypatch):
    fast = _pdf(tmp_path / "fast.pdf", target, True, monkeypatch)
    slow = _pdf(tmp_path / "slow.pdf", target, False, monkeypatch)
    assert fast == slow
    assert b"/ExtGState" in fast or target != "shop"  # overprinting black text


def test_word_sums_wrap_as_the_general_wrap():
    rnd = random.Random(11)
    for _ in range(2000):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(1, 25))]
        text = " ".join(words)
        bold = rnd.random() < 0.3
        width, size = rnd.uniform(20, 300), rnd.choice([6.5, 8, 9.5, 12])
        got = parts._wrap_words(words, width / size, bold)
        if got is None:
            continue
        assert ptext.one_run(text, bold)
        expected = wrap(text, width, size, lambda t, z, b=bold: ptext.measure(t, z, b))
        assert got == expected, (text, width, size)


def test_one_run_lines_are_measured_as_the_sum_of_their_words():
    for s in ("Zoë Ünal", "Ελληνικά Русский", "Ada Lovelace", "naïve café (2025)"):
        words = s.split(" ")
        for bold in (False, True):
            assert ptext.one_run(s, bold)
            total = sum(ptext.measure(w, 1, bold) for w in words)
            total += (len(words) - 1) * ptext.measure(" ", 1, bold)
            assert ptext.measure(s, 1, bold) == pytest.approx(total, abs=1e-9)
    for s in ("北京 大学", "שלום world", "a\tb", "x\u00ady", "नमस्ते"):
        assert not ptext.one_run(s)


def _fold_reference(s: str) -> str:
    import unicodedata

    out = []
    for ch in unicodedata.normalize("NFC", s).casefold():
        if names.script(ch) in ("LATIN", "GREEK"):
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not names._is_mark(c))
            out.append(base.translate(names._FOLD))
        else:
            out.append(ch)
    return "".join(out)


def test_fold_is_the_character_by_character_fold():
    rnd = random.Random(2)
    alphabet = [chr(c) for c in range(0x20, 0x2000) if chr(c).isprintable()] + ["ß", "Ø", "İ"]
    samples = ["".join(map(chr, range(128)))] + [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 20))) for _ in range(5000)
    ]
    for s in samples:
        assert names._fold(s) == _fold_reference(s), s


def test_cached_sort_keys_are_the_computed_ones():
    for name in ("Zoë Ünal", "Ada Lovelace", "Åsa Öberg", "胡玮文", "van der Berg, Jan"):
        for lang in ("en", "sv", "de", None):
            assert collation.sort_key(name, None, lang) == collation.sort_key.__wrapped__(
                name, None, lang
            )


def test_module_count_from_the_version_is_the_matrix_size():
    rnd = random.Random(4)
    payloads = ["https://example.org/" + "x" * rnd.randint(0, 400) + str(i) for i in range(400)]
    payloads += ["", "12345678901234567890", "HELLO WORLD 123", "Zoë → 北京"]
    for p in payloads:
        for ec in "LMQH":
            assert qr.module_count(p, ec) == qr._matrix_int(p, ec)[0].n
