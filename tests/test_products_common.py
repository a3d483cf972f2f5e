"""Every product on the shop target: CMYK only, the same bytes twice, and a preflight without FAIL."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pikepdf
import pytest
from conftest import MINIMAL, invoke

from printkit.check import check_pdf, judge

RGB_OPS = {"rg", "RG", "g", "G"}
NOT_CMYK = {"/DeviceRGB", "/DeviceGray", "/CalRGB", "/CalGray", "/Lab"}

PHOTO = Path(__file__).parent / "fixtures" / "photos" / "portrait.jpg"

# Small runs of the sample event (a few speakers, one room on one day), and a tiny event with a
# local (RGB) photo so that a real image goes through the colour conversion.
PRODUCTS = {
    "badges": ["--only", "xiyuan-wang", "--only", "luca-antiga", "--only", "jenia-jitsev"],
    "signs": ["--room", "pytorch-stage", "--day", "2025-05-07"],
    "cards": [],
    "booklet": [],
    "photo-badges": ["badges"],
    "photo-booklet": ["booklet"],
}


def _space_name(cs) -> str:
    """A colour space object → a name that says whether it is CMYK ('/ICCBased3' for RGB ICC)."""
    if isinstance(cs, pikepdf.Array):
        kind = str(cs[0])
        if kind == "/ICCBased":
            return f"/ICCBased{int(cs[1].get('/N'))}"
        if kind in ("/Separation", "/DeviceN"):
            return _space_name(cs[2])  # the alternate space
        if kind == "/Indexed":
            return _space_name(cs[1])
        return kind
    return str(cs)


def colour_spaces(pdf: pikepdf.Pdf) -> set[str]:
    """Colour operators of every page and form XObject, named device spaces, resource colour
    spaces and image colour spaces (soft masks, which are grey by definition, left out)."""
    found: set[str] = set()
    streams = list(pdf.pages)
    masks = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            if obj.get("/Subtype") == "/Form":
                streams.append(obj)
            if "/SMask" in obj:
                masks.add(obj.SMask.objgen)
    for s in streams:
        for operands, op in pikepdf.parse_content_stream(s):
            op = str(op)
            if op in RGB_OPS | {"k", "K", "cs", "CS", "sc", "scn", "SC", "SCN"}:
                found.add(op)
            if op in ("cs", "CS") and str(operands[0]) in NOT_CMYK:
                found.add(str(operands[0]))
        res = s.get("/Resources") or {}
        for cs in (res.get("/ColorSpace") or {}).values():
            found.add(_space_name(cs))
    for obj in pdf.objects:
        image = isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"
        if image and obj.objgen not in masks and not obj.get("/ImageMask"):
            found.add("image " + _space_name(obj.get("/ColorSpace")))
    return found


def not_cmyk(spaces: set[str]) -> set[str]:
    bad = RGB_OPS | NOT_CMYK | {"/ICCBased3", "/ICCBased1"}
    return {s for s in spaces if s in bad or s.removeprefix("image ") in bad}


def _photo_event(d: Path) -> Path:
    path = d / "event.yaml"
    path.write_text(
        MINIMAL.replace("    organization: Analytical Engines\n",
                        f"    organization: Analytical Engines\n    photo: {PHOTO}\n"),
        encoding="utf-8",
    )  # fmt: skip
    return path


def _render(runner, product: str, out: Path, event: Path | None) -> bytes:
    args = [PRODUCTS[product][0], event] if event else [product, *PRODUCTS[product]]
    r = invoke(runner, *args, "--target", "shop", "--offline", "-o", out)
    assert r.exit_code == 0, r.output
    return out.read_bytes()


@pytest.fixture(scope="module", params=sorted(PRODUCTS))
def shop_file(request, tmp_path_factory):
    from click.testing import CliRunner

    product = request.param
    d = tmp_path_factory.mktemp(product)
    event = _photo_event(d) if product.startswith("photo-") else None  # written once: its
    first = _render(CliRunner(), product, d / "one.pdf", event)  # time is the 'as of' stamp
    second = _render(CliRunner(), product, d / "two.pdf", event)
    return product, d / "one.pdf", first, second


def test_shop_files_use_cmyk_only(shop_file):
    product, path, _, _ = shop_file
    with pikepdf.open(path) as pdf:
        spaces = colour_spaces(pdf)
    assert not not_cmyk(spaces), (product, spaces)
    assert "k" in spaces, product  # fills really are CMYK
    if product.startswith("photo-"):
        assert any(s.startswith("image ") for s in spaces), (product, spaces)


def test_rendering_twice_gives_the_same_bytes(shop_file):
    product, _, first, second = shop_file
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest(), product


def test_preflight_has_no_failure(shop_file):
    product, path, _, _ = shop_file
    report = check_pdf(path)
    failures = [f for f in judge(report, "shop") if f.level == "FAIL"]
    assert not failures, (product, failures)


def test_the_scan_sees_rgb_and_grey(tmp_path):
    """The helper itself: an RGB fill, a grey operator and an RGB image are all reported."""
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

    png = tmp_path / "rgb.png"
    Image.new("RGB", (4, 4), (200, 30, 30)).save(png)
    out = tmp_path / "rgb.pdf"
    c = Canvas(str(out), pagesize=(100, 100))
    c.setFillColorRGB(1, 0, 0)
    c.rect(0, 0, 10, 10, fill=1)
    c.setStrokeGray(0.5)
    c.line(0, 0, 10, 10)
    c.drawImage(str(png), 20, 20, 10, 10)
    c.save()
    with pikepdf.open(out) as pdf:
        bad = not_cmyk(colour_spaces(pdf))
    assert {"rg", "G", "image /DeviceRGB"} <= bad, bad
