"""PDF/X-4 finishing (output intent, XMP, determinism) and atomic file output."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path

import pikepdf
import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from printkit.press import fonts
from printkit.press.output import atomic_target, write_atomic
from printkit.press.pdfx import finish_pdfx, finish_screen
from printkit.resources import asset

PDFXID = "{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion"


def _font() -> str:
    """The bundled Noto Sans, registered the way products register it."""
    fonts.register_fonts()
    return fonts.REGULAR


def shop_pdf(boxes: bool = True, text: str = "Ada Lovelace", pages: int = 1) -> bytes:
    """An A6 piece with 3 mm bleed and a 10 mm mark area, CMYK only, embedded font."""
    w, h, bleed, margin = 105 * mm, 148 * mm, 3 * mm, 10 * mm
    extra = {}
    if boxes:
        extra = {
            "trimBox": (margin, margin, margin + w, margin + h),
            "bleedBox": (margin - bleed, margin - bleed, margin + w + bleed, margin + h + bleed),
        }
    buf = io.BytesIO()
    c = canvas.Canvas(
        buf,
        pagesize=(w + 2 * margin, h + 2 * margin),
        invariant=1,
        initialFontName=_font(),
        **extra,
    )
    for _ in range(pages):
        c.setFillColorCMYK(0.9, 0.6, 0, 0)
        c.rect(margin - bleed, margin - bleed, w + 2 * bleed, 30 * mm, fill=1, stroke=0)
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFont(_font(), 20)
        c.drawString(margin + 15 * mm, margin + h / 2, text)
        c.showPage()
    c.save()
    return buf.getvalue()


_PLAIN = shop_pdf(boxes=False)


@pytest.fixture(scope="module")
def finished() -> bytes:
    return finish_pdfx(shop_pdf(), title="Badges", subject="GOSIM badges")


def test_output_intent_carries_the_cmyk_profile(finished):
    with pikepdf.open(io.BytesIO(finished)) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFX
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        assert str(intent.RegistryName) == "http://www.color.org"
        profile = intent.DestOutputProfile
        assert int(profile.N) == 4
        icc = profile.read_bytes()
        assert icc[36:40] == b"acsp" and icc[12:16] == b"prtr" and icc[16:20] == b"CMYK"
        assert icc == asset("icc", "printkit-fogra39.icc").read_bytes()


def test_info_and_version(finished):
    with pikepdf.open(io.BytesIO(finished)) as pdf:
        assert pdf.pdf_version == "1.6"
        info = pdf.docinfo
        assert str(info.GTS_PDFXVersion) == "PDF/X-4"
        assert info.Trapped == pikepdf.Name("/False")
        assert str(info.Title) == "Badges"
        assert str(info.Subject) == "GOSIM badges"
        assert str(info.Creator) == "printkit"
        assert str(info.CreationDate) == str(info.ModDate) == "D:20000101000000+00'00'"
        assert "Helvetica" not in repr(info)


def test_xmp_parses_and_names_pdfx4(finished):
    with pikepdf.open(io.BytesIO(finished)) as pdf:
        raw = pdf.Root.Metadata.read_bytes()
        assert "/Filter" not in pdf.Root.Metadata  # readable without inflating
        meta = pdf.open_metadata()
        assert meta[PDFXID] == "PDF/X-4"
        assert meta["dc:title"] == "Badges"
        assert meta["pdf:Trapped"] == "False"
        assert meta["xmp:CreateDate"] == "2000-01-01T00:00:00Z"
        assert meta["xmpMM:DocumentID"].startswith("uuid:")
    root = ET.fromstring(raw[raw.index(b"<x:xmpmeta") : raw.index(b"</x:xmpmeta>") + 12])
    assert root.find(f".//{PDFXID}").text == "PDF/X-4"


def test_fonts_stay_embedded_and_text_survives(finished):
    reader = pypdf.PdfReader(io.BytesIO(finished))
    assert "Ada Lovelace" in reader.pages[0].extract_text()
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        descriptor = ref.get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor


def test_same_input_gives_same_bytes_and_content_changes_the_id():
    a = finish_pdfx(shop_pdf(), title="Badges")
    b = finish_pdfx(shop_pdf(), title="Badges")
    assert a == b
    other = finish_pdfx(shop_pdf(text="Grace Hopper"), title="Badges")
    ids = [[bytes(v) for v in pikepdf.open(io.BytesIO(x)).trailer.ID] for x in (a, other)]
    assert ids[0][0] != ids[1][0] and ids[0][1] != ids[1][1]


def test_dates_from_source_date_epoch_else_argument(monkeypatch):
    when = datetime(2025, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with pikepdf.open(io.BytesIO(finish_pdfx(shop_pdf(), title="T", date=when))) as pdf:
        assert str(pdf.docinfo.ModDate) == "D:20250506070809+00'00'"
        assert pdf.open_metadata()["xmp:ModifyDate"] == "2025-05-06T07:08:09Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00:00 UTC
    for date in (None, when):  # SOURCE_DATE_EPOCH wins over the product's date
        with pikepdf.open(io.BytesIO(finish_pdfx(shop_pdf(), title="T", date=date))) as pdf:
            assert str(pdf.docinfo.CreationDate) == "D:20260101000000+00'00'"
            assert pdf.open_metadata()["xmp:ModifyDate"] == "2026-01-01T00:00:00Z"


def _press_info(tmp_path, target="shop", **kw):
    from printkit.errors import Problems
    from printkit.press import Press

    path = tmp_path / f"{target}.pdf"
    with Press(path, (105 * mm, 148 * mm), target, title="T", problems=Problems(), **kw) as p:
        p.add(lambda s: s.rect(10, 10, 20, 20, stroke="#1F3A93"))
    with pikepdf.open(path) as pdf:
        info = {k: str(v) for k, v in pdf.docinfo.items()}
        return info, pdf.open_metadata()["xmp:CreateDate"], path.read_bytes()


def test_press_dates_and_author_come_from_the_event(tmp_path, monkeypatch):
    from printkit.model import Organizer

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    class Ev:  # the two Event fields the press reads
        modified = datetime(2025, 4, 30, 18, 5, 0, tzinfo=timezone.utc)
        organizers = (Organizer(name=""), Organizer(name="GOSIM Foundation"))

    for target in ("shop", "screen"):
        info, xmp, data = _press_info(tmp_path, target, event=Ev())
        assert info["/CreationDate"] == info["/ModDate"] == "D:20250430180500+00'00'"
        assert xmp == "2025-04-30T18:05:00Z"
        assert info["/Author"] == "GOSIM Foundation"
        assert _press_info(tmp_path, target, event=Ev())[2] == data  # same input, same bytes
    info, _, _ = _press_info(tmp_path, date=datetime(2024, 1, 2), author="Org")
    assert info["/ModDate"] == "D:20240102000000+00'00'" and info["/Author"] == "Org"
    info, _, _ = _press_info(tmp_path)
    assert info["/Author"] == "printkit" and info["/ModDate"].startswith("D:2000")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    info, _, _ = _press_info(tmp_path, event=Ev())
    assert info["/ModDate"] == "D:20260101000000+00'00'"


def test_author_goes_to_info_and_dc_creator():
    out = finish_pdfx(shop_pdf(), title="T", creator="printkit badges", author="GOSIM")
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert str(pdf.docinfo.Author) == "GOSIM"
        meta = pdf.open_metadata()
        assert meta["dc:creator"] == ["GOSIM"]
        assert meta["xmp:CreatorTool"] == "printkit badges"


@settings(max_examples=25, deadline=None)
@given(title=st.text(max_size=40))
def test_any_title_gives_parseable_xmp(title):
    out = finish_screen(_PLAIN, title=title)
    with pikepdf.open(io.BytesIO(out)) as pdf:
        raw = pdf.Root.Metadata.read_bytes()
        assert str(pdf.docinfo.Title) == title
    root = ET.fromstring(raw[raw.index(b"<x:xmpmeta") : raw.index(b"</x:xmpmeta>") + 12])
    li = root.find(".//{http://purl.org/dc/elements/1.1/}title//{*}li")
    kept = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", title)
    assert (li.text or "") == kept.replace("\r\n", "\n").replace("\r", "\n")


def test_refinishing_keeps_one_output_intent(finished):
    twice = finish_pdfx(finished, title="Badges")
    with pikepdf.open(io.BytesIO(twice)) as pdf:
        assert len(pdf.Root.OutputIntents) == 1


def test_page_without_trim_box_is_a_bug():
    with pytest.raises(ValueError, match="page 1 has no BleedBox"):
        finish_pdfx(shop_pdf(boxes=False), title="x")


def test_screen_finish_sets_metadata_without_pdfx():
    out = finish_screen(shop_pdf(boxes=False), title="Programme")
    assert out == finish_screen(shop_pdf(boxes=False), title="Programme")
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert "/OutputIntents" not in pdf.Root
        assert "/GTS_PDFXVersion" not in pdf.docinfo
        meta = pdf.open_metadata()
        assert meta["dc:title"] == "Programme"
        assert PDFXID not in meta


def test_bundled_profile_is_small_cmyk_output_profile():
    data = asset("icc", "printkit-fogra39.icc").read_bytes()
    assert len(data) < 1_000_000
    assert int.from_bytes(data[:4], "big") == len(data)
    assert data[12:16] == b"prtr" and data[16:20] == b"CMYK" and data[20:24] == b"Lab "


# ---------------------------------------------------------------- atomic output


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_write_atomic_creates_parents_and_leaves_no_temp(tmp_path):
    target = tmp_path / "a" / "b" / "out.pdf"
    write_atomic(target, b"%PDF-1.6 new")
    assert target.read_bytes() == b"%PDF-1.6 new"
    assert _leftovers(target.parent) == []
    write_atomic(target, [b"one ", b"two"])
    assert target.read_bytes() == b"one two"


def test_failed_writer_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old complete file")

    def chunks():
        yield b"%PDF-1.6 half of a "
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_atomic(target, chunks())
    assert target.read_bytes() == b"old complete file"
    assert _leftovers(tmp_path) == []


def test_atomic_target_removes_temp_on_keyboard_interrupt(tmp_path):
    target = tmp_path / "out.pdf"
    with pytest.raises(KeyboardInterrupt), atomic_target(target) as tmp:
        tmp.write_bytes(b"partial")
        assert tmp.parent == tmp_path and tmp.name.startswith(".out.pdf.")
        raise KeyboardInterrupt
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_atomic_target_renames_with_normal_permissions(tmp_path):
    target = tmp_path / "out.pdf"
    with atomic_target(target) as tmp:
        tmp.write_bytes(b"done")
    assert target.read_bytes() == b"done"
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("existing", [None, b"old complete file"])
def test_sigkill_mid_write_never_leaves_a_partial_target(tmp_path, existing):
    target = tmp_path / "out.pdf"
    if existing is not None:
        target.write_bytes(existing)
    script = textwrap.dedent(
        f"""
        import sys, time
        from printkit.press.output import atomic_target
        with atomic_target({str(target)!r}) as tmp:
            with open(tmp, "wb") as f:
                f.write(b"%PDF-1.6 half written" * 1000)
                f.flush()
                print("writing", flush=True)
                time.sleep(120)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == b"writing"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    if existing is None:
        assert not target.exists()
    else:
        assert target.read_bytes() == existing
    # The killed writer may leave its hidden temp file, never the target itself.
    assert all(name.startswith(".out.pdf.") for name in _leftovers(tmp_path))
