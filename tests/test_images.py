"""Photos: crop geometry, 300 ppi preparation, CMYK in the PDF, load failures, URL cache, offline."""

from __future__ import annotations

import http.server
import io
import socket
import threading
import urllib.error
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from reportlab.lib.colors import CMYKColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printkit.errors import Problems
from printkit.press import images
from printkit.press.images import PhotoStore, crop_box, draw_photo, prepare
from printkit.press.text import initials

PHOTOS = Path(__file__).parent / "fixtures" / "photos"
WHERE = ("event/speakers.yaml", 12)


@pytest.fixture(autouse=True)
def _no_offline_env(monkeypatch):
    monkeypatch.delenv("PRINTKIT_OFFLINE", raising=False)


def store(tmp_path, **kw) -> PhotoStore:
    kw.setdefault("problems", Problems())
    return PhotoStore(cache_dir=tmp_path / "cache", **kw)


# -- crop geometry -------------------------------------------------------------

sizes = st.integers(min_value=8, max_value=6000)
frames = st.floats(min_value=5, max_value=600)


@given(sizes, sizes, frames, frames, st.floats(min_value=0, max_value=1))
def test_crop_box_has_frame_aspect_and_stays_inside(iw, ih, fw, fh, focus):
    left, top, right, bottom = crop_box(iw, ih, fw, fh, focus)
    cw, ch = right - left, bottom - top
    assert 0 <= left < right <= iw and 0 <= top < bottom <= ih
    # the frame's aspect ratio, to within one pixel on either side
    assert abs(cw - ch * fw / fh) <= 1 or abs(ch - cw * fh / fw) <= 1
    # the largest such region: it spans the whole image in one direction
    assert cw == iw or ch == ih
    # horizontally centred
    assert abs(left - (iw - right)) <= 1


@given(sizes, sizes, frames, frames, st.floats(min_value=0, max_value=1))
def test_crop_box_keeps_focus_near_upper_third(iw, ih, fw, fh, focus):
    left, top, right, bottom = crop_box(iw, ih, fw, fh, focus)
    ch = bottom - top
    wanted = focus * ih - ch / 3  # top that puts the focus on the frame's upper third
    if 0 <= wanted <= ih - ch:
        assert abs(top - wanted) <= 1
    else:  # clamped to the nearer image edge
        assert top == (0 if wanted < 0 else ih - ch)


def test_crop_box_portrait_into_square_keeps_upper_part():
    # 300 x 900 portrait into a square: 300 x 300 box whose upper third holds y = 300
    assert crop_box(300, 900, 30, 30) == (0, 200, 300, 500)
    # landscape into a square: centred, full height
    assert crop_box(900, 300, 30, 30) == (300, 0, 600, 300)


def test_crop_box_rejects_empty_sizes():
    with pytest.raises(ValueError):
        crop_box(0, 10, 10, 10)


# -- prepare ---------------------------------------------------------------------


def test_prepare_downsamples_to_300_ppi_at_placed_size():
    big = Image.new("RGB", (2000, 3000), (10, 120, 200))
    out = prepare(big, 30 * mm, 30 * mm, cmyk=False)
    assert out.size == (354, 354)  # 30 mm = 1.181 in x 300 ppi
    assert out.mode == "RGB"


def test_prepare_never_upsamples():
    small = Image.new("RGB", (120, 160), (10, 120, 200))
    out = prepare(small, 30 * mm, 40 * mm, cmyk=False)
    assert out.size == (120, 160)


def test_prepare_cmyk_mode_and_colour():
    red = Image.new("RGB", (400, 400), (220, 20, 30))
    out = prepare(red, 20 * mm, 20 * mm, cmyk=True)
    assert out.mode == "CMYK"
    c, m, y, k = out.getpixel((10, 10))
    assert m > 180 and y > 150 and c < 60  # red is magenta + yellow


def test_prepare_flattens_alpha_onto_white():
    clear = Image.new("RGBA", (100, 100), (255, 0, 0, 0))
    assert prepare(clear, 10 * mm, 10 * mm, cmyk=False).getpixel((50, 50)) == (255, 255, 255)
    c, m, y, k = prepare(clear, 10 * mm, 10 * mm, cmyk=True).getpixel((50, 50))
    assert max(c, m, y, k) <= 10  # paper white: no ink


def test_prepare_crops_instead_of_stretching():
    img = Image.open(PHOTOS / "portrait.jpg")  # 240 x 320, face disc centred at (120, 100)
    out = prepare(img, 30 * mm, 30 * mm, cmyk=False)
    assert out.size == (240, 240)  # the full width, not upsampled to 354
    r, g, b = out.getpixel((120, 80))  # the face sits in the upper part of the square
    assert b > 150 and r < 100


# -- drawing into a PDF ------------------------------------------------------------


def _image_colour_spaces(path: Path) -> list:
    """The colour space of every image XObject: a name, or (family, components)."""
    out = []
    with pikepdf.open(path) as pdf:
        for o in pdf.objects:
            if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image":
                cs = o.ColorSpace
                if isinstance(cs, pikepdf.Array):  # [/ICCBased stream]
                    out.append((str(cs[0]), int(cs[1].N)))
                else:
                    out.append(str(cs))
    return out


def _render(path: Path, scale: float = 2.0):
    page = pypdfium2.PdfDocument(str(path))[0]
    return page.render(scale=scale).to_pil().convert("RGB")


def test_cmyk_photo_drawn_many_times_is_one_cmyk_image(tmp_path):
    photo = prepare(Image.open(PHOTOS / "portrait.jpg"), 30 * mm, 40 * mm, cmyk=True)
    out = tmp_path / "p.pdf"
    c = Canvas(str(out), pagesize=(200 * mm, 100 * mm))
    for i in range(4):
        draw_photo(c, photo, 10 * mm + i * 45 * mm, 50 * mm, 30 * mm, 40 * mm)
        draw_photo(c, photo, 10 * mm + i * 45 * mm, 5 * mm, 30 * mm, 40 * mm, circle=True)
    c.showPage()
    draw_photo(c, photo, 10 * mm, 50 * mm, 30 * mm, 40 * mm)
    c.save()
    spaces = _image_colour_spaces(out)
    assert len(spaces) == 1  # drawn nine times, embedded once
    assert spaces[0] in ("/DeviceCMYK", ("/ICCBased", 4))
    assert "/DeviceRGB" not in spaces and ("/ICCBased", 3) not in spaces


def test_different_photos_are_different_images_equal_ones_shared(tmp_path):
    red = prepare(Image.new("RGB", (100, 100), (220, 20, 30)), 10 * mm, 10 * mm, cmyk=True)
    red_again = prepare(Image.new("RGB", (100, 100), (220, 20, 30)), 10 * mm, 10 * mm, cmyk=True)
    blue = prepare(Image.new("RGB", (100, 100), (20, 20, 230)), 10 * mm, 10 * mm, cmyk=True)
    out = tmp_path / "two.pdf"
    c = Canvas(str(out), pagesize=(50 * mm, 20 * mm))
    for i, photo in enumerate((red, blue, red_again)):
        draw_photo(c, photo, 5 * mm + i * 15 * mm, 5 * mm, 10 * mm, 10 * mm)
    c.save()
    assert _image_colour_spaces(out) == ["/DeviceCMYK", "/DeviceCMYK"]
    page = _render(out, scale=1.0)
    y = round(10 * mm)
    assert page.getpixel((round(10 * mm), y))[0] > 150  # red
    assert page.getpixel((round(25 * mm), y))[2] > 150  # blue, not the red one reused
    assert page.getpixel((round(40 * mm), y))[0] > 150


def test_drawn_photo_has_its_colours_and_circle_clips(tmp_path):
    photo = prepare(Image.new("RGB", (400, 400), (220, 20, 30)), 30 * mm, 30 * mm, cmyk=True)
    out = tmp_path / "c.pdf"
    c = Canvas(str(out), pagesize=(100 * mm, 50 * mm))
    draw_photo(c, photo, 10 * mm, 10 * mm, 30 * mm, 30 * mm)
    draw_photo(c, photo, 60 * mm, 10 * mm, 30 * mm, 30 * mm, circle=True)
    c.save()
    page = _render(out, scale=1.0)  # 1 px per point; y measured from the top

    def px(x_mm, y_mm):
        return page.getpixel((round(x_mm * mm), round((50 - y_mm) * mm)))

    r, g, b = px(25, 25)  # square photo centre: red, not inverted
    assert r > 150 and g < 90 and b < 90
    assert px(12, 12)[1] < 90  # the square's corner is painted
    r, g, b = px(75, 25)  # circle centre painted
    assert r > 150 and g < 90
    assert px(61, 11) == (255, 255, 255)  # the circle's corner is clipped away


# -- loading local files ------------------------------------------------------------


def test_load_local_relative_to_base_dir_and_cached_in_memory(tmp_path):
    s = store(tmp_path)
    a = s.load("portrait.jpg", base_dir=PHOTOS, where=WHERE)
    assert a is not None and a.size == (240, 320)
    assert s.load("portrait.jpg", base_dir=PHOTOS) is a
    assert s.problems.items == []


def test_huge_photo_is_kept_small_in_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(images, "MAX_SIDE", 500)
    Image.new("RGB", (2400, 1200), (50, 90, 130)).save(tmp_path / "big.jpg")
    Image.new("RGB", (1200, 2400), (50, 90, 130)).save(tmp_path / "tall.png")
    s = store(tmp_path)
    assert s.load("big.jpg", tmp_path).size == (500, 250)
    assert s.load("tall.png", tmp_path).size == (250, 500)


def test_exif_orientation_is_applied(tmp_path):
    img = store(tmp_path).load(str(PHOTOS / "portrait-exif6.jpg"))
    assert img.size == (240, 320)  # stored as 320 x 240 sideways
    r, g, b = img.getpixel((120, 100))
    assert b > 150 and r < 100  # the face is up top again


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    good = io.BytesIO()
    Image.new("RGB", (200, 200), (90, 90, 90)).save(good, "JPEG")
    corrupt = tmp_path / "corrupt.jpg"
    corrupt.write_bytes(good.getvalue()[:300])
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture\n")
    return {"missing": tmp_path / "nobody.jpg", "corrupt": corrupt, "not an image": text}


@pytest.mark.parametrize("kind", ["missing", "corrupt", "not an image"])
def test_bad_local_photo_gives_one_warning_with_location(tmp_path, kind):
    path = _bad_files(tmp_path)[kind]
    s = store(tmp_path)
    assert s.load(path.name, base_dir=tmp_path, where=WHERE) is None
    assert s.load(path.name, base_dir=tmp_path, where=WHERE) is None  # used twice, told once
    s.finish()
    [problem] = s.problems.items
    assert not problem.is_error
    line = str(problem)
    assert line.startswith("event/speakers.yaml:12: photo: warning: ")
    assert str(path) in line


def test_other_schemes_are_refused(tmp_path):
    s = store(tmp_path)
    assert s.load("ftp://example.org/a.jpg", where=WHERE) is None
    assert s.load(f"file://{PHOTOS / 'portrait.jpg'}", where=WHERE) is None
    assert len(s.problems.warnings) == 2
    assert all("event/speakers.yaml:12" in str(p) for p in s.problems.items)


def test_empty_reference_is_no_photo_and_no_warning(tmp_path):
    s = store(tmp_path)
    assert s.load(None) is None and s.load("  ") is None
    assert s.problems.items == []


def test_decompression_bomb_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    Image.new("RGB", (40, 40)).save(tmp_path / "warn.png")  # 1600 px: over the limit
    Image.new("RGB", (100, 100)).save(tmp_path / "bomb.png")  # over twice the limit
    s = store(tmp_path)
    assert s.load("warn.png", tmp_path, WHERE) is None
    assert s.load("bomb.png", tmp_path, WHERE) is None
    assert len(s.problems.items) == 2
    assert all("too large" in str(p) and "speakers.yaml:12" in str(p) for p in s.problems.items)


def test_prepared_is_cached_per_size_and_colour(tmp_path):
    s = store(tmp_path)
    a = s.prepared("portrait.jpg", 20 * mm, 20 * mm, True, base_dir=PHOTOS)
    assert s.prepared("portrait.jpg", 20 * mm, 20 * mm, True, base_dir=PHOTOS) is a
    b = s.prepared("portrait.jpg", 20 * mm, 20 * mm, False, base_dir=PHOTOS)
    assert a.mode == "CMYK" and b.mode == "RGB"


# -- URLs ---------------------------------------------------------------------------


class _Server:
    """A local HTTP server on 127.0.0.1 serving one directory, counting requests."""

    def __init__(self, root: Path):
        self.requests: list[str] = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a, **kw):
                super().__init__(*a, directory=str(root), **kw)

            def do_GET(self):  # noqa: N802
                server.requests.append(self.path)
                super().do_GET()

            def log_message(self, *a):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    (root / "ada.jpg").write_bytes((PHOTOS / "portrait.jpg").read_bytes())
    (root / "page.html").write_text("<html>not a photo</html>")
    srv = _Server(root)
    yield srv
    srv.stop()


def test_url_is_fetched_once_then_read_from_cache(tmp_path, server):
    url = f"{server.url}/ada.jpg"
    first = store(tmp_path)
    img = first.load(url, where=WHERE)
    assert img is not None and img.size == (240, 320)
    assert first.load(url) is img
    assert server.requests == ["/ada.jpg"]
    cached = list((tmp_path / "cache").iterdir())
    assert [p.suffix for p in cached] == [".jpg"]
    assert len(cached[0].stem) == 64  # sha256 of the URL

    server.stop()
    second = store(tmp_path)  # a later run, the server gone
    again = second.load(url, where=WHERE)
    assert again is not None and again.size == (240, 320)
    second.finish()
    assert first.problems.items == [] and second.problems.items == []


def test_url_not_an_image_is_one_located_warning_and_not_cached(tmp_path, server):
    s = store(tmp_path)
    assert s.load(f"{server.url}/page.html", where=WHERE) is None
    [problem] = s.problems.items
    assert "not an image" in str(problem) and "speakers.yaml:12" in str(problem)
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())


def test_http_error_and_refused_host_go_into_one_summary(tmp_path, server):
    s = store(tmp_path)
    assert s.load(f"{server.url}/missing.jpg") is None  # 404
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    assert s.load(f"{dead}/a.jpg") is None
    assert s.problems.items == []  # nothing per URL
    s.finish()
    [summary] = s.problems.items
    assert "2 photos could not be fetched" in str(summary)
    s.finish()
    assert len(s.problems.items) == 1  # reported once


@pytest.mark.parametrize("how", ["argument", "env"])
def test_offline_returns_none_with_one_summary(tmp_path, monkeypatch, how):
    def no_network(*a, **kw):
        raise AssertionError("offline mode must not touch the network")

    monkeypatch.setattr(images, "_download", no_network)
    if how == "env":
        monkeypatch.setenv("PRINTKIT_OFFLINE", "1")
    s = store(tmp_path, offline=(how == "argument"))
    for i in range(12):
        assert s.load(f"https://photos.example.org/{i}.jpg", where=WHERE) is None
    assert s.problems.items == []
    s.finish()
    [summary] = s.problems.items
    assert str(summary).startswith(  # located at the first photo that failed
        "event/speakers.yaml:12: photo: warning: 12 photos could not be fetched (offline"
    )
    assert "initials are drawn instead" in str(summary)


def test_offline_still_reads_the_cache(tmp_path, server):
    url = f"{server.url}/ada.jpg"
    assert store(tmp_path).load(url) is not None
    s = store(tmp_path, offline=True)
    assert s.load(url) is not None
    s.finish()
    assert s.problems.items == []


def test_first_connection_failure_marks_host_down(tmp_path, monkeypatch):
    calls = []

    def refused(url, timeout):
        calls.append(url)
        raise urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))

    monkeypatch.setattr(images, "_download", refused)
    s = store(tmp_path)
    for i in range(65):
        assert s.load(f"https://cdn.example.org/{i}.jpg") is None
    assert len(calls) == 1
    s.finish()
    assert "65 photos could not be fetched" in str(s.problems.items[0])


def test_name_lookup_failure_marks_the_network_down(tmp_path, monkeypatch):
    calls = []

    def no_dns(url, timeout):
        calls.append(url)
        raise urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution"))

    monkeypatch.setattr(images, "_download", no_dns)
    s = store(tmp_path)
    for host in ("a.example", "b.example", "c.example"):
        assert s.load(f"https://{host}/x.jpg") is None
    assert len(calls) == 1
    s.finish()
    assert "offline?" in str(s.problems.items[0])


def test_concurrent_loads_fetch_once(tmp_path, server):
    url = f"{server.url}/ada.jpg"
    s = store(tmp_path)
    results = []
    threads = [threading.Thread(target=lambda: results.append(s.load(url))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 and all(r is results[0] and r is not None for r in results)
    assert server.requests == ["/ada.jpg"]


# -- initials -----------------------------------------------------------------------


def test_initials_disc_draws_letters_in_a_filled_disc(tmp_path):
    out = tmp_path / "i.pdf"
    c = Canvas(str(out), pagesize=(60 * mm, 40 * mm))
    fill = CMYKColor(0.9, 0.6, 0, 0)
    white = CMYKColor(0, 0, 0, 0)
    images.draw_initials(c, 10 * mm, 5 * mm, 30 * mm, 30 * mm, "Ada Lovelace", fill, white)
    c.save()
    assert initials("Ada Lovelace") in pikepdf_text(out)
    page = _render(out, scale=1.0)
    r, g, b = page.getpixel((round(12 * mm), round(20 * mm)))  # inside disc, left of letters
    assert b > 150 and r < 100
    assert page.getpixel((round(11 * mm), round(6 * mm))) == (255, 255, 255)  # outside


def test_name_without_letters_gets_a_figure_not_an_empty_disc(tmp_path):
    out = tmp_path / "s.pdf"
    c = Canvas(str(out), pagesize=(60 * mm, 40 * mm))
    fill, white = CMYKColor(0.9, 0.6, 0, 0), CMYKColor(0, 0, 0, 0)
    images.draw_initials(c, 10 * mm, 5 * mm, 30 * mm, 30 * mm, "-", fill, white)
    c.save()
    page = _render(out, scale=2.0)
    # the head sits just above the disc's centre: white there, brand colour beside it
    head = page.getpixel((round(25 * mm * 2), round((40 - 20 - 3.6) * mm * 2)))
    side = page.getpixel((round(13 * mm * 2), round((40 - 20) * mm * 2)))
    assert min(head) > 230
    assert side[2] > 150 and side[0] < 100


def pikepdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(p.extract_text() for p in PdfReader(str(path)).pages)


# -- low resolution warning ------------------------------------------------------


def _render_photo(tmp_path, target, photo, frames=((26, 26),), where=WHERE):
    from printkit.press import Press

    problems = Problems()
    photos = store(tmp_path, problems=problems, offline=True)

    def draw(s):
        for i, (w, h) in enumerate(frames):
            s.photo(5 * mm + i * 30 * mm, 40 * mm, w * mm, h * mm, str(photo), "Ada Lovelace",
                    "#1F3A93", where=where)  # fmt: skip

    out = tmp_path / f"{target}.pdf"
    with Press(out, (105 * mm, 148 * mm), target, title="t", problems=problems,
               photos=photos) as press:  # fmt: skip
        press.add(draw)
        press.add(draw)
    return [str(p) for p in problems.warnings if p.field == "photo"]


def test_a_low_resolution_photo_is_warned_once_at_its_speaker(tmp_path):
    small = tmp_path / "small.jpg"
    Image.new("RGB", (100, 100), (10, 120, 200)).save(small)
    for target in ("shop", "office"):
        warns = _render_photo(tmp_path, target, small, frames=((26, 26), (20, 20)))
        assert warns == [
            "event/speakers.yaml:12: photo: warning: photo is 98 ppi at its printed size "
            "(300 recommended); it will print soft"
        ], target
    assert _render_photo(tmp_path, "screen", small) == []  # screens show it fine


def test_a_photo_sharp_enough_at_its_size_is_not_warned(tmp_path):
    big = tmp_path / "big.jpg"
    Image.new("RGB", (240, 240), (10, 120, 200)).save(big)  # 234 ppi at 26 mm
    assert _render_photo(tmp_path, "shop", big) == []
    assert len(_render_photo(tmp_path, "shop", big, frames=((40, 40),))) == 1  # 152 ppi
    assert images.placed_ppi(100, 300, 26 / 25.4 * 72, 26 / 25.4 * 72) == pytest.approx(97.7, 0.01)
