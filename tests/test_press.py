"""press: page boxes, crop marks, CMYK-only shop output, n-up duplex, links, forms, determinism."""

from __future__ import annotations

import io

import pikepdf
import pypdf
import pytest
from reportlab.lib.colors import Color

from printkit.errors import PrintkitError, Problems
from printkit.layout import load_sheet
from printkit.press import TARGETS, Press, Surface
from printkit.press.color import tint, to_color
from printkit.units import INCH, MM

A6 = (105 * MM, 148 * MM)
CARD = (86 * MM, 55 * MM)


def _make(path, trim=A6, target="shop", n=1, front=None, back=None, **kw):
    problems = kw.pop("problems", Problems())
    with Press(path, trim, target, title="Test", problems=problems, **kw) as press:
        for i in range(n):
            press.add(front(i) if front else _plain, back(i) if back else None)
    return press


def _plain(s: Surface) -> None:
    s.rect(10, 10, s.width - 20, s.height - 20, stroke="#1F3A93", line_width=1)


def _box(page, name):
    x0, y0, x1, y1 = (float(v) for v in page[name])
    return x0, y0, x1, y1


# -- shop: boxes and marks -------------------------------------------------


@pytest.mark.parametrize("trim, bleed", [(A6, 3 * MM), ((4 * INCH, 3 * INCH), 0.125 * INCH)])
def test_shop_page_boxes(tmp_path, trim, bleed):
    out = tmp_path / "shop.pdf"
    _make(out, trim=trim, n=2)
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 2
    for page in reader.pages:
        tx0, ty0, tx1, ty1 = _box(page, "/TrimBox")
        bx0, by0, bx1, by1 = _box(page, "/BleedBox")
        mx0, my0, mx1, my1 = _box(page, "/MediaBox")
        assert (tx1 - tx0, ty1 - ty0) == pytest.approx(trim, abs=0.01)
        assert (tx0 - bx0, ty0 - by0, bx1 - tx1, by1 - ty1) == pytest.approx((bleed,) * 4, abs=0.01)
        # room for crop marks beyond the bleed on every side
        assert min(bx0 - mx0, by0 - my0, mx1 - bx1, my1 - by1) >= 8 * MM


def _page_level_segments(page: pikepdf.Page) -> list[tuple[float, float, float, float]]:
    """Line segments drawn with the identity CTM (the marks; pieces are drawn inside a `cm`)."""
    segs, depth_cm, stack, cur = [], 0, [], None
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "q":
            stack.append(depth_cm)
        elif op == "Q":
            depth_cm = stack.pop()
        elif op == "cm" and [float(v) for v in operands] != [1, 0, 0, 1, 0, 0]:
            depth_cm += 1
        elif op == "m":
            cur = tuple(float(v) for v in operands)
        elif op == "l" and depth_cm == 0 and cur is not None:
            end = tuple(float(v) for v in operands)
            segs.append((*cur, *end))
            cur = end
    return segs


def test_crop_marks_stay_outside_the_bleed(tmp_path):
    out = tmp_path / "shop.pdf"
    _make(out)
    with pikepdf.open(out) as pdf:
        page = pdf.pages[0]
        bx0, by0, bx1, by1 = (float(v) for v in page.BleedBox)
        tx0, ty0, tx1, ty1 = (float(v) for v in page.TrimBox)
        segs = _page_level_segments(page)
    assert len(segs) == 8
    for x1, y1, x2, y2 in segs:
        length = abs(x2 - x1) + abs(y2 - y1)
        assert 5 * MM <= length <= 7 * MM
        for x, y in ((x1, y1), (x2, y2)):
            inside = bx0 - 0.01 < x < bx1 + 0.01 and by0 - 0.01 < y < by1 + 0.01
            assert not inside, (x, y)
        # each mark lies on a trim line
        on_x = any(abs(x1 - t) < 0.01 and abs(x2 - t) < 0.01 for t in (tx0, tx1))
        on_y = any(abs(y1 - t) < 0.01 and abs(y2 - t) < 0.01 for t in (ty0, ty1))
        assert on_x or on_y


def test_marks_render_outside_bleed_only(tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    out = tmp_path / "shop.pdf"
    _make(out, front=lambda i: lambda s: None)  # an empty piece: only the marks are drawn
    pdf = pdfium.PdfDocument(str(out))
    scale = 300 / 72
    img = pdf[0].render(scale=scale).to_pil().convert("L")
    with pikepdf.open(out) as p:
        bx0, by0, bx1, by1 = (float(v) for v in p.pages[0].BleedBox)
        mw, mh = (float(v) for v in p.pages[0].MediaBox[2:])
    H = img.height

    def dark(x0, y0, x1, y1):  # PDF rectangle → any dark pixel?
        box = (int(x0 * scale), int(H - y1 * scale), int(x1 * scale) + 1, int(H - y0 * scale) + 1)
        return img.crop(box).getextrema()[0] < 128

    assert not dark(bx0 + 0.5, by0 + 0.5, bx1 - 0.5, by1 - 0.5)  # nothing inside the bleed
    assert dark(0, 0, bx0, by0 + 20 * MM)  # a mark near the bottom-left corner
    assert dark(bx1, by1 - 20 * MM, mw, mh)  # and near the top-right


# -- colour ------------------------------------------------------------------

RGB_OPS = {"rg", "RG", "g", "G"}


def _colour_ops(pdf: pikepdf.Pdf) -> set[str]:
    """Colour operators used in every page and form XObject, plus named device spaces."""
    found: set[str] = set()
    streams = list(pdf.pages)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form":
            streams.append(obj)
    for s in streams:
        for operands, op in pikepdf.parse_content_stream(s):
            op = str(op)
            if op in RGB_OPS | {"k", "K", "cs", "CS", "sc", "scn", "SC", "SCN"}:
                found.add(op)
            if op in ("cs", "CS") and str(operands[0]) in ("/DeviceRGB", "/DeviceGray"):
                found.add(str(operands[0]))
    for obj in pdf.objects:  # colour spaces of images and separations
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
            found.add(str(obj.get("/ColorSpace")))
    return found


def _rich_piece(i):
    def draw(s: Surface):
        s.form("bg", lambda f: f.bleed_rect(0, f.height - 30 * MM, f.width, 30 * MM, "#1F3A93"))
        s.rect(0, 0, s.width, 20 * MM, fill=tint("#E30613", 0.15))
        s.line(5 * MM, 25 * MM, s.width - 5 * MM, 25 * MM, "#808080", 0.5)
        s.text(8 * MM, s.height - 20 * MM, "SPEAKER", 14, bold=True, color="white")
        s.fit(f"Ada Lovelace {i}", 8 * MM, 60 * MM, s.width - 16 * MM, 25 * MM, 30, 12)
        s.qr(s.width - 30 * MM, 25 * MM, 24 * MM, f"https://example.org/{i}")
        s.photo(8 * MM, 25 * MM, 20 * MM, 20 * MM, None, "Ada Lovelace", "#0A7E8C")

    return draw


def test_shop_output_is_cmyk_only(tmp_path):
    out = tmp_path / "shop.pdf"
    _make(out, n=2, front=_rich_piece)
    with pikepdf.open(out) as pdf:
        ops = _colour_ops(pdf)
        assert "/OutputIntents" in pdf.Root
    assert not ops & (RGB_OPS | {"/DeviceRGB", "/DeviceGray"}), ops
    assert "k" in ops  # fills really are CMYK


def test_office_and_screen_are_rgb(tmp_path):
    out = tmp_path / "screen.pdf"
    _make(out, target="screen", front=_rich_piece)
    with pikepdf.open(out) as pdf:
        ops = _colour_ops(pdf)
    assert "rg" in ops and "k" not in ops


def test_rgb_on_shop_fails_loudly(tmp_path):
    def sneaky(_i):
        def draw(s: Surface):
            s.rect(0, 0, 10, 10, fill=Color(1, 0, 0))

        return draw

    with pytest.raises(ValueError, match="RGB"):
        _make(tmp_path / "bad.pdf", front=sneaky)
    assert not (tmp_path / "bad.pdf").exists()


def test_colour_conversion():
    assert to_color("black", True).cmyk() == (0, 0, 0, 1)
    grey = to_color("#808080", True)
    assert (grey.cyan, grey.magenta, grey.yellow) == (0, 0, 0) and 0.3 < grey.black < 0.7
    blue = to_color("#1F3A93", True)
    assert blue.cyan > 0.6 and blue.yellow < 0.1
    assert to_color("registration", True).spotName == "All"
    assert to_color("none", True) is None
    assert to_color("#fff", False).rgb() == (1, 1, 1)
    assert tint("#000000", 0.1) == "#E6E6E6"


# -- office n-up, duplex -------------------------------------------------------


def _text_positions(page) -> dict[str, tuple[float, float]]:
    found: dict[str, tuple[float, float]] = {}

    def visit(text, cm, tm, font, size):
        t = text.strip()
        if t:
            # device position = text matrix origin through the current matrix
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found[t] = (x, y)

    page.extract_text(visitor_text=visit)
    return found


def _label(prefix):
    def make(i):
        def draw(s: Surface):
            s.text(5 * MM, s.height / 2, f"{prefix}{i + 1}", 12)

        return draw

    return make


def test_office_duplex_backs_behind_fronts(tmp_path):
    out = tmp_path / "office.pdf"
    sheet = load_sheet("avery-l7418")
    press = _make(
        out, trim=CARD, target="office", n=8, front=_label("F"), back=_label("B"), sheet=sheet,
        duplex=True,
    )  # fmt: skip
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 2 and press._pages == 2
    fronts, backs = _text_positions(reader.pages[0]), _text_positions(reader.pages[1])
    sheet_w = float(reader.pages[0].mediabox.width)
    assert sheet_w == pytest.approx(210 * MM, abs=0.1)
    slots = sheet.slots(*CARD)
    for i in range(8):
        fx, fy = fronts[f"F{i + 1}"]
        bx, by = backs[f"B{i + 1}"]
        assert fy == pytest.approx(by, abs=0.5)
        # the back's left edge is at the mirror of the front's right edge
        front_slot = slots[i]
        assert fx == pytest.approx(front_slot.x + 5 * MM, abs=0.5)
        assert bx == pytest.approx(sheet_w - (front_slot.x + front_slot.w) + 5 * MM, abs=0.5)
    # back of piece 1 (top-left front) is top-right on the back sheet
    assert backs["B1"][0] > sheet_w / 2 > fronts["F1"][0]


def test_office_start_at_and_cut_lines(tmp_path):
    out = tmp_path / "office.pdf"
    _make(out, trim=CARD, target="office", n=3, front=_label("P"), start_at=9)
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 2  # A4 holds 10 cards: slot 10 on sheet 1, then sheet 2
    assert set(_text_positions(reader.pages[0])) == {"P1"}
    with pikepdf.open(out) as pdf:
        ops = [str(op) for _, op in pikepdf.parse_content_stream(pdf.pages[0])]
    assert "S" in ops  # cut lines stroked


def test_piece_larger_than_sheet_slot_is_an_error(tmp_path):
    with pytest.raises(PrintkitError, match="does not fit"):
        Press(
            tmp_path / "x.pdf", A6, "office", title="t", problems=Problems(),
            sheet=load_sheet("avery-5390"),
        )  # fmt: skip


# -- links, bookmarks, forms, fonts ------------------------------------------


def _linked(i):
    def draw(s: Surface):
        s.text(10, 10, "site", 10)
        s.link(0, 0, 50, 20, "https://example.org/talk")
        s.bookmark(f"Piece {i}")

    return draw


@pytest.mark.parametrize("target, links", [("screen", 1), ("shop", 0), ("office", 0)])
def test_links_only_on_screen(tmp_path, target, links):
    out = tmp_path / f"{target}.pdf"
    _make(out, target=target, front=_linked)
    reader = pypdf.PdfReader(out)
    annots = [a.get_object() for p in reader.pages for a in (p.get("/Annots") or [])]
    uris = [a["/A"]["/URI"] for a in annots if a.get("/Subtype") == "/Link"]
    assert len(uris) == links
    assert [o.title for o in reader.outline] == ["Piece 0"]


def test_form_drawn_once_for_many_pieces(tmp_path):
    out = tmp_path / "many.pdf"
    calls = []

    def bg(f: Surface):
        calls.append(1)
        f.bleed_rect(0, 0, f.width, f.height, "#F4F4F8")

    def piece(i):
        def draw(s: Surface):
            s.form("background", bg)
            s.text(10, 10, str(i), 8)

        return draw

    _make(out, n=100, front=piece)
    assert len(calls) == 1
    with pikepdf.open(out) as pdf:
        forms = [
            o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Form"
        ]
        assert len(pdf.pages) == 100
    assert len(forms) == 1


def test_fonts_embedded(tmp_path):
    out = tmp_path / "fonts.pdf"
    _make(out, front=_rich_piece)
    with pikepdf.open(out) as pdf:
        fonts = [
            o
            for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/Font"
        ]
        assert fonts
        for f in fonts:
            assert str(f.get("/BaseFont")) not in ("/Helvetica", "/Times-Roman", "/Courier")
            desc = f.get("/FontDescriptor") or f.DescendantFonts[0].FontDescriptor
            assert "/FontFile2" in desc


# -- text fitting and paragraphs ----------------------------------------------


def test_fit_and_paragraph(tmp_path):
    problems = Problems()
    results = {}

    def draw(s: Surface):
        results["short"] = s.fit("Ada", 0, 0, 60 * MM, 20 * MM, 40, 12, what="name")
        results["long"] = s.fit(
            "Wolfeschlegelsteinhausenbergerdorff " * 4, 0, 0, 40 * MM, 10 * MM, 20, 12, what="org"
        )
        results["para"] = s.paragraph("word " * 200, 0, s.height, 50 * MM, 10, max_height=30)

    _make(tmp_path / "fit.pdf", front=lambda i: draw, problems=problems)
    assert not results["short"].shrunk and not results["short"].truncated
    assert results["long"].truncated
    assert any(p.field == "org" and not p.is_error for p in problems.items)
    used, rest = results["para"]
    assert 0 < used <= 30 and rest.startswith("word") and len(rest) < len("word " * 200)


# -- files -----------------------------------------------------------------------


def test_deterministic_bytes(tmp_path):
    for target in ("shop", "office", "screen"):
        a, b = tmp_path / f"a-{target}.pdf", tmp_path / f"b-{target}.pdf"
        _make(a, target=target, n=3, front=_rich_piece)
        _make(b, target=target, n=3, front=_rich_piece)
        assert a.read_bytes() == b.read_bytes(), target


def test_exception_leaves_no_file(tmp_path):
    out = tmp_path / "boom.pdf"

    def boom(i):
        def draw(s):
            if i == 2:
                raise RuntimeError("bad piece")
            _plain(s)

        return draw

    with pytest.raises(RuntimeError):
        _make(out, n=5, front=boom)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []

    out.write_bytes(b"old")  # an existing file survives a failed run
    with pytest.raises(RuntimeError):
        _make(out, n=5, front=boom)
    assert out.read_bytes() == b"old"


def test_nothing_to_print(tmp_path):
    press = Press(tmp_path / "e.pdf", A6, "shop", title="t", problems=Problems())
    with pytest.raises(PrintkitError, match="nothing to print"):
        press.close()
    assert not (tmp_path / "e.pdf").exists()


def test_targets():
    assert set(TARGETS) == {"shop", "office", "screen"}
    assert TARGETS["shop"].cmyk and TARGETS["shop"].marks and not TARGETS["shop"].links
    assert TARGETS["screen"].links and not TARGETS["screen"].cmyk
    with pytest.raises(PrintkitError):
        Press("x.pdf", A6, "poster", title="t", problems=Problems())


def test_qr_decodes_from_shop_page(tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    zxing = pytest.importorskip("zxingcpp")
    out = tmp_path / "qr.pdf"
    _make(out, front=_rich_piece)
    img = pdfium.PdfDocument(str(out))[0].render(scale=150 / 72).to_pil()
    texts = [r.text for r in zxing.read_barcodes(img)]
    assert texts == ["https://example.org/0"]


def test_pdf_is_readable_in_memory(tmp_path):
    out = tmp_path / "shop.pdf"
    _make(out, front=_rich_piece)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().count("SPEAKER") == 1


def test_shop_sheet_gang_run(tmp_path):
    """Shop with a sheet: pieces n-up with bleed gutters, crop marks outside every bleed."""
    out = tmp_path / "gang.pdf"
    press = _make(out, trim=CARD, n=10, front=_label("C"), sheet=load_sheet("a4"))
    slots, bleed = press.slots, press.bleed
    assert len(slots) >= 8 and press._pages == 2
    for i, a in enumerate(slots):  # bleeds never overlap a neighbour's trim
        for c in slots[i + 1 :]:
            apart_x = a.x + a.w + 2 * bleed <= c.x + 0.01 or c.x + c.w + 2 * bleed <= a.x + 0.01
            apart_y = a.y + a.h + 2 * bleed <= c.y + 0.01 or c.y + c.h + 2 * bleed <= a.y + 0.01
            assert apart_x or apart_y
    with pikepdf.open(out) as pdf:
        assert "/OutputIntents" in pdf.Root
        segs = _page_level_segments(pdf.pages[0])
    assert segs
    for x1, y1, x2, y2 in segs:
        for s in slots:
            for x, y in ((x1, y1), (x2, y2)):
                inside = s.x - bleed < x < s.x + s.w + bleed and s.y - bleed < y < s.y + s.h + bleed
                assert not inside


@pytest.mark.parametrize("target, expected", [("shop", True), ("screen", False)])
def test_black_text_overprints_on_shop(tmp_path, target, expected):
    out = tmp_path / "op.pdf"
    _make(out, target=target, front=lambda i: lambda s: s.text(20, 20, "Black", 12))
    with pikepdf.open(out) as pdf:
        gs = pdf.pages[0].Resources.get("/ExtGState", {})
        states = [v for _, v in gs.items()]
        overprint = any(bool(s.get("/op", False)) for s in states) and any(
            int(s.get("/OPM", 0)) == 1 for s in states
        )
    assert overprint is expected


@pytest.mark.parametrize("valign", ["top", "middle", "bottom"])
def test_fit_valign_places_the_line_in_the_box(tmp_path, valign):
    from printkit.press import text

    box_y, box_h, size = 100.0, 60.0, 20
    out = tmp_path / "v.pdf"

    def draw(s: Surface):
        s.fit("Ada", 10, box_y, 200, box_h, size, size, valign=valign)

    _make(out, target="screen", trim=(300, 300), front=lambda i: draw)
    ((x, y),) = _text_positions(pypdf.PdfReader(out).pages[0]).values()
    cap = text.cap_height(size)
    expected = {
        "top": box_y + box_h - cap,
        "middle": box_y + (box_h - cap) / 2,
        "bottom": box_y,
    }[valign]
    assert y == pytest.approx(expected, abs=0.5)
    assert x == pytest.approx(10, abs=0.5)


def test_photo_is_cmyk_on_shop(tmp_path):
    from PIL import Image

    photo = tmp_path / "face.png"
    Image.new("RGB", (400, 400), (200, 120, 90)).save(photo)
    out = tmp_path / "p.pdf"

    def draw(s: Surface):
        s.photo(10, 10, 30 * MM, 30 * MM, str(photo), "Ada Lovelace", "#0A7E8C", circle=True)

    _make(out, front=lambda i: draw)
    with pikepdf.open(out) as pdf:
        spaces = {
            str(o.get("/ColorSpace"))
            for o in pdf.objects
            if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"
        }
    assert spaces == {"/DeviceCMYK"}


def test_qr_too_small_leaves_the_canvas_state_balanced(tmp_path):
    from printkit.press.qr import QRTooSmall

    seen = {}

    def tiny_qr(s: Surface) -> None:
        depth = len(s.canvas._code)  # noqa: SLF001 - the operator list shows unbalanced q/Q
        with pytest.raises(QRTooSmall):
            s.qr(10, 10, 5 * MM, "https://example.org/" + "x" * 200)
        code = s.canvas._code[depth:]
        seen["q"] = sum(op.count(" q") + op.startswith("q") for op in code)
        seen["Q"] = sum(op.count(" Q") + op.startswith("Q") for op in code)
        _plain(s)

    _make(tmp_path / "q.pdf", front=lambda i: tiny_qr)
    assert seen["q"] == seen["Q"]


def test_press_dropped_without_close_leaves_no_temp_file(tmp_path):
    import gc

    press = Press(tmp_path / "dropped.pdf", A6, "shop", title="t", problems=Problems())
    press.add(_plain)
    del press
    gc.collect()
    assert list(tmp_path.iterdir()) == []


# -- pieces of their own trim ------------------------------------------------

LANDSCAPE_A6 = (A6[1], A6[0])


def _mixed(path, target, **kw):
    seen = []

    def draw(s: Surface) -> None:
        seen.append((round(s.width), round(s.height), s.bleed))
        _plain(s)

    with Press(path, A6, target, title="Mixed", problems=Problems(), **kw) as press:
        press.add(draw)
        press.add(draw, trim=LANDSCAPE_A6)
        press.add(draw, trim=CARD)
        press.add(draw)
    return seen


def test_shop_pages_follow_each_pieces_trim(tmp_path):
    path = tmp_path / "mixed.pdf"
    seen = _mixed(path, "shop")
    sizes = [(round(w), round(h)) for w, h in (A6, LANDSCAPE_A6, CARD, A6)]
    assert [(w, h) for w, h, _ in seen] == sizes
    with pikepdf.open(path) as pdf:
        for page, (w, h) in zip(pdf.pages, sizes, strict=True):
            tx0, ty0, tx1, ty1 = _box(page, "/TrimBox")
            bx0, by0, bx1, by1 = _box(page, "/BleedBox")
            mx0, my0, mx1, my1 = _box(page, "/MediaBox")
            assert (round(tx1 - tx0), round(ty1 - ty0)) == (w, h)
            assert tx0 - bx0 == pytest.approx(3 * MM, abs=0.01)
            assert bx1 - tx1 == pytest.approx(3 * MM, abs=0.01)
            assert bx0 > mx0 and bx1 < mx1 and by0 > my0 and by1 < my1
            assert (mx1 - mx0 > my1 - my0) == (w > h)
            assert "/Rotate" not in page.obj
            marks = [op for _, op in pikepdf.parse_content_stream(page) if str(op) in ("m", "l")]
            assert len(marks) >= 16  # eight crop-mark segments on every page


def test_screen_pages_are_each_pieces_trim(tmp_path):
    path = tmp_path / "screen.pdf"
    _mixed(path, "screen")
    reader = pypdf.PdfReader(str(path))
    got = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert got == [(round(w), round(h)) for w, h in (A6, LANDSCAPE_A6, CARD, A6)]


def test_office_sheets_hold_one_trim_each(tmp_path):
    path = tmp_path / "office.pdf"
    seen = _mixed(path, "office")
    assert [s[2] for s in seen] == [pytest.approx(1.5 * MM)] * 4  # into the gutters
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) == 4  # A6 | landscape A6 | cards | A6: a new sheet per trim change


def test_a_piece_too_big_for_the_sheet_is_refused(tmp_path):
    with Press(tmp_path / "big.pdf", A6, "office", title="t", problems=Problems()) as press:
        with pytest.raises(PrintkitError, match="does not fit"):
            press.add(_plain, trim=(400 * MM, 400 * MM))
        press.add(_plain)


@pytest.mark.parametrize("sheet,trim", [("a4", A6), ("a4", (85.6 * MM, 54 * MM)),
                                        ("letter", (4 * INCH, 3 * INCH))])  # fmt: skip
def test_gang_run_keeps_art_apart_and_marks_every_piece(tmp_path, sheet, trim):
    from printkit.press.marks import GANG_MARK, MARK_GAP

    press = Press(tmp_path / "g.pdf", trim, "shop", title="t", problems=Problems(),
                  sheet=load_sheet(sheet))  # fmt: skip
    b, slots = press.bleed, press.slots
    assert len(slots) >= 2
    art = [(s.x - b, s.y - b, s.x + s.w + b, s.y + s.h + b) for s in slots]
    for i, p in enumerate(art):  # every pair of neighbours: art (bleed boxes) ≥ 2 x bleed apart
        for q in art[i + 1 :]:
            apart = max(q[0] - p[2], p[0] - q[2], q[1] - p[3], p[1] - q[3])
            assert apart >= 2 * b - 1e-6, (p, q)
    marks = press._gang_marks(slots)
    assert len(marks) == 8 * len(slots)  # each piece's own crop marks
    for i, s in enumerate(slots):  # each piece's marks lie on its own trim lines
        mine = marks[8 * i : 8 * i + 8]
        assert {round(m[0], 3) for m in mine if m[0] == m[2]} == {
            round(s.x, 3),
            round(s.x + s.w, 3),
        }
        assert all(abs(m[0] - m[2]) + abs(m[1] - m[3]) == pytest.approx(GANG_MARK) for m in mine)
    for x1, y1, x2, y2 in marks:  # no mark reaches into any piece's bleed (+ clearance)
        for a in art:
            inside = (min(x1, x2) < a[2] + MARK_GAP * 0.99 and max(x1, x2) > a[0] - MARK_GAP * 0.99
                      and min(y1, y2) < a[3] + MARK_GAP * 0.99
                      and max(y1, y2) > a[1] - MARK_GAP * 0.99)  # fmt: skip
            assert not inside, ((x1, y1, x2, y2), a)


def test_fold_marks_sit_on_the_fold_line_outside_the_bleed():
    from printkit.press.marks import MARK_GAP, MARK_LENGTH, fold_mark_segments

    segs = fold_mark_segments(10, 20, 100, 200, [100], offset=3 * MM + MARK_GAP)
    assert len(segs) == 2
    for x1, y1, x2, y2 in segs:
        assert y1 == y2 == 120  # horizontal, on the fold
        assert min(x1, x2) >= 110 + 3 * MM + MARK_GAP - 1e-9 or max(x1, x2) <= 10 - 3 * MM
        assert abs(x2 - x1) == pytest.approx(MARK_LENGTH)
