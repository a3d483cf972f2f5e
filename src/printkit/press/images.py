"""Photo path or URL → cropped, 300 ppi, CMYK (or RGB) image on the canvas; initials disc fallback.

- `PhotoStore` loads photos once per process: local files against a base
  directory, http(s) URLs fetched once into a disk cache. Failures are
  warnings, never exceptions: a missing photo becomes an initials disc.
- `crop_box` is pure geometry (property-tested): the frame's aspect ratio,
  faces kept near the frame's upper third, never stretched.
- `prepare` crops, downsamples to 300 ppi at placed size and converts colour.
- `draw_photo` / `draw_initials` are the only functions touching the canvas.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import http.client
import io
import os
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError
from reportlab.lib.utils import ImageReader

from printkit.errors import Problems
from printkit.resources import asset

_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".bmp"}
_MAX_DOWNLOAD = 30 * 1024 * 1024  # bytes; a photo larger than this is not a speaker photo
_USER_AGENT = "printkit (conference print; photo fetch)"
_JPEG_QUALITY = 92
# Decoded photos are kept in memory at most this long on their long side:
# 25 cm at 300 ppi, larger than any photo frame we print.
MAX_SIDE = 3000
_open_lock = threading.Lock()


def default_cache_dir() -> Path:
    """$PRINTKIT_CACHE/photos when set, else ~/.cache/printkit/photos."""
    root = os.environ.get("PRINTKIT_CACHE")
    if root:
        return Path(root).expanduser() / "photos"
    return Path.home() / ".cache" / "printkit" / "photos"


def _offline_env() -> bool:
    return os.environ.get("PRINTKIT_OFFLINE", "").strip().lower() in {"1", "true", "yes"}


class PhotoStore:
    """Photo references → decoded, EXIF-upright PIL images, each loaded once.

    Thread-safe. Call `finish()` when a run is done: it records one summary
    warning for every URL that could not be fetched.
    """

    def __init__(
        self,
        cache_dir: Path | None = None,
        problems: Problems | None = None,
        offline: bool = False,
        timeout: float = 5.0,
    ):
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.problems = problems if problems is not None else Problems()
        self.offline = offline or _offline_env()
        self.timeout = timeout
        self._lock = threading.Lock()
        self._key_locks: dict[str, threading.Lock] = {}
        self._images: dict[str, Image.Image | None] = {}
        self._prepared: dict[tuple, Image.Image | None] = {}
        self._down_hosts: set[str] = set()
        self._network_down = False
        self._unfetched: dict[str, tuple[str, tuple]] = {}  # url → (reason, where)
        self._soft: set[str] = set()  # photos already warned about as low resolution

    # -- loading -----------------------------------------------------------

    def load(
        self,
        ref: str | None,
        base_dir: Path | None = None,
        where: tuple[str | None, int | None] = (None, None),
    ) -> Image.Image | None:
        """The image `ref` names (path or http(s) URL), or None with a warning."""
        if ref is None or not str(ref).strip():
            return None
        ref = str(ref).strip()
        key = self._key(ref, base_dir)
        with self._lock:
            if key in self._images:
                return self._images[key]
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:  # one thread loads a given photo; the others wait for it
            with self._lock:
                if key in self._images:
                    return self._images[key]
            img = self._load_uncached(ref, key, where)
            with self._lock:
                self._images[key] = img
        return img

    def prepared(
        self,
        ref: str | None,
        frame_w_pt: float,
        frame_h_pt: float,
        cmyk: bool,
        base_dir: Path | None = None,
        where: tuple[str | None, int | None] = (None, None),
        ppi: int = 300,
        min_ppi: float | None = None,
    ) -> Image.Image | None:
        """`load` then `prepare`, cached by (photo, frame size, colour, ppi).

        With `min_ppi` (print targets), a photo whose pixels give less than that
        at the frame's size gets one warning per photo, at `where`.
        """
        if ref is None or not str(ref).strip():
            return None
        photo = self._key(str(ref).strip(), base_dir)
        key = (
            photo,
            round(frame_w_pt, 2),
            round(frame_h_pt, 2),
            cmyk,
            ppi,
        )
        with self._lock:
            if key in self._prepared:
                return self._prepared[key]
        img = self.load(ref, base_dir, where)
        out = None
        if img is not None and min_ppi:
            self._check_ppi(photo, img, frame_w_pt, frame_h_pt, min_ppi, ppi, where)
        if img is not None:
            try:
                out = prepare(img, frame_w_pt, frame_h_pt, cmyk, ppi)
            except (ValueError, OSError, ImageCms.PyCMSError) as exc:
                self.problems.warn(f"photo cannot be converted ({exc}): {ref}", *where, "photo")
        with self._lock:
            return self._prepared.setdefault(key, out)

    def _check_ppi(self, photo: str, img, frame_w_pt, frame_h_pt, min_ppi, ppi, where) -> None:
        """Warn once per photo that prints below `min_ppi` at this frame's size."""
        got = placed_ppi(img.width, img.height, frame_w_pt, frame_h_pt)
        if got >= min_ppi:
            return
        with self._lock:
            if photo in self._soft:
                return
            self._soft.add(photo)
        self.problems.warn(
            f"photo is {got:.0f} ppi at its printed size ({ppi} recommended); it will print soft",
            *where,
            "photo",
        )

    def finish(self) -> None:
        """Record one warning for all URLs that could not be fetched (once)."""
        with self._lock:
            failed, self._unfetched = self._unfetched, {}
        if not failed:
            return
        n = len(failed)
        url, (reason, (file, line)) = next(iter(failed.items()))
        what = "photo could not be fetched" if n == 1 else "photos could not be fetched"
        self.problems.warn(  # located at the first failing photo
            f"{n} {what} ({reason}); initials are drawn instead (first: {url})",
            file,
            line,
            "photo",
        )

    summary = finish

    # -- internals -----------------------------------------------------------

    @staticmethod
    def _key(ref: str, base_dir: Path | None) -> str:
        if _is_url(ref) or _scheme(ref):
            return ref
        path = Path(ref).expanduser()
        if not path.is_absolute() and base_dir is not None:
            path = Path(base_dir) / path
        return str(path)

    def _load_uncached(self, ref: str, key: str, where) -> Image.Image | None:
        file, line = where
        if _is_url(ref):
            fetched = self._fetch(ref, where)
            if fetched is None:
                return None
            data, cached = fetched
            img = self._decode(io.BytesIO(data), ref, where)
            if img is not None and not cached:
                self._store(self._cache_path(ref), data)
            return img
        scheme = _scheme(ref)
        if scheme:
            self.problems.warn(
                f"photo {ref!r}: only local paths and http(s) URLs are read, not {scheme}:",
                file,
                line,
                "photo",
            )
            return None
        path = Path(key)
        if not path.is_file():
            self.problems.warn(f"photo not found: {path}", file, line, "photo")
            return None
        return self._decode(path, str(path), where)

    def _decode(self, source, name: str, where) -> Image.Image | None:
        file, line = where
        try:
            with _open_lock, warnings.catch_warnings():  # the warning filter is process-wide
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                im = Image.open(source)
            with im:
                if im.format == "JPEG":  # decode big JPEGs at 1/2, 1/4 or 1/8 scale
                    im.draft(im.mode, (MAX_SIDE, MAX_SIDE))
                im.load()
                img = ImageOps.exif_transpose(im)
                if img is im:
                    img = im.copy()
            if max(img.size) > MAX_SIDE:
                img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            self.problems.warn(
                f"photo too large to decode safely (over {Image.MAX_IMAGE_PIXELS} pixels): {name}",
                file,
                line,
                "photo",
            )
            return None
        except UnidentifiedImageError:
            self.problems.warn(f"not an image: {name}", file, line, "photo")
            return None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            self.problems.warn(f"corrupt image ({exc}): {name}", file, line, "photo")
            return None
        return img

    def _cache_path(self, url: str) -> Path:
        suffix = Path(urllib.parse.urlsplit(url).path).suffix.lower()
        if suffix not in _IMAGE_SUFFIXES:
            suffix = ".img"
        return self.cache_dir / (hashlib.sha256(url.encode("utf-8")).hexdigest() + suffix)

    def _fetch(self, url: str, where) -> tuple[bytes, bool] | None:
        """(bytes at `url`, whether they came from the disk cache), or None on failure."""
        cached = self._cache_path(url)
        with contextlib.suppress(OSError):
            return cached.read_bytes(), True
        host = (urllib.parse.urlsplit(url).hostname or "").lower()
        with self._lock:
            if self.offline:
                reason = "offline mode"
            elif self._network_down:
                reason = "network unreachable"
            elif host in self._down_hosts:
                reason = f"host {host} unreachable"
            else:
                reason = None
            if reason:
                self._unfetched.setdefault(url, (reason, where))
                return None
        try:
            data = _download(url, self.timeout)
        except urllib.error.HTTPError as exc:
            self._failed(url, f"HTTP {exc.code}", where)
            return None
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
            # A failure to connect marks the host down (and the whole network
            # when name lookup or routing fails), so further URLs skip at once.
            reason = getattr(exc, "reason", exc)
            network = isinstance(reason, socket.gaierror) or (
                isinstance(reason, OSError)
                and reason.errno in (errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTUNREACH)
            )
            with self._lock:
                self._down_hosts.add(host)
                if network or len(self._down_hosts) >= 2:
                    self._network_down = True
            self._failed(url, "offline?" if network else f"{reason}", where)
            return None
        return data, False

    def _failed(self, url: str, reason: str, where) -> None:
        with self._lock:
            self._unfetched.setdefault(url, (reason, where))

    def _store(self, path: Path, data: bytes) -> None:
        """Write the cache file atomically (temp file beside it, then rename)."""
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:  # an unwritable cache only costs a refetch next run
            with contextlib.suppress(OSError):
                tmp.unlink()


def _download(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data = response.read(_MAX_DOWNLOAD + 1)
    if len(data) > _MAX_DOWNLOAD:
        raise ValueError(f"larger than {_MAX_DOWNLOAD // (1024 * 1024)} MB")
    return data


def _is_url(ref: str) -> bool:
    return _scheme(ref) in {"http", "https"}


def _scheme(ref: str) -> str:
    """The URL scheme of `ref`, or "" for a path (a Windows drive letter is a path)."""
    scheme = urllib.parse.urlsplit(ref).scheme.lower()
    return scheme if len(scheme) > 1 else ""


# -- pure geometry ----------------------------------------------------------


def crop_box(
    img_w: int, img_h: int, frame_w: float, frame_h: float, focus_y: float = 1 / 3
) -> tuple[int, int, int, int]:
    """The largest image region with the frame's aspect ratio → (left, top, right, bottom).

    Horizontally centred; vertically placed so the image point at `focus_y`
    of its height lands as near the frame's upper third as the image allows.
    Pixel coordinates, top-left origin (PIL's convention).
    """
    if img_w <= 0 or img_h <= 0 or frame_w <= 0 or frame_h <= 0:
        raise ValueError("image and frame sizes must be positive")
    if img_w * frame_h >= img_h * frame_w:  # image wider than the frame: full height
        ch = img_h
        cw = max(1, min(img_w, round(img_h * frame_w / frame_h)))
    else:  # image taller: full width
        cw = img_w
        ch = max(1, min(img_h, round(img_w * frame_h / frame_w)))
    left = (img_w - cw) // 2
    top = round(focus_y * img_h - ch / 3)
    top = min(max(top, 0), img_h - ch)
    return left, top, left + cw, top + ch


def placed_ppi(img_w: int, img_h: int, frame_w_pt: float, frame_h_pt: float) -> float:
    """Pixels per inch a photo gives once cropped to the frame and printed at its size."""
    left, top, right, bottom = crop_box(img_w, img_h, frame_w_pt, frame_h_pt)
    return min((right - left) / (frame_w_pt / 72), (bottom - top) / (frame_h_pt / 72))


def target_pixels(frame_w_pt: float, frame_h_pt: float, ppi: int = 300) -> tuple[int, int]:
    """Pixels a frame of this size in points needs at `ppi`."""
    return max(1, round(frame_w_pt / 72 * ppi)), max(1, round(frame_h_pt / 72 * ppi))


# -- colour and resampling --------------------------------------------------


def prepare(
    img: Image.Image, frame_w_pt: float, frame_h_pt: float, cmyk: bool, ppi: int = 300
) -> Image.Image:
    """A decoded photo → cropped to the frame, at most `ppi` at placed size, CMYK or RGB.

    Never upsamples; transparency is flattened onto white.
    """
    icc = img.info.get("icc_profile")
    img = _flatten(img)
    box = crop_box(img.width, img.height, frame_w_pt, frame_h_pt)
    img = img.crop(box)
    tw, th = target_pixels(frame_w_pt, frame_h_pt, ppi)
    if img.width > tw:
        img = img.resize((tw, th), Image.Resampling.LANCZOS)
    return _to_cmyk(img, icc) if cmyk else _to_rgb(img, icc)


def _flatten(img: Image.Image) -> Image.Image:
    """Any mode → RGB or CMYK, transparency composited onto white."""
    if img.mode == "CMYK":
        return img
    has_alpha = img.mode in ("RGBA", "LA", "RGBa", "PA") or (
        img.mode == "P" and "transparency" in img.info
    )
    if has_alpha:
        rgba = img.convert("RGBA")
        out = Image.new("RGB", img.size, "white")
        out.paste(rgba, mask=rgba.getchannel("A"))
        return out
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        img = img.point(lambda v: v / 256).convert("L")
    elif img.mode == "F":
        img = img.convert("L")
    return img if img.mode == "RGB" else img.convert("RGB")


@cache
def _srgb_profile():
    path = asset("icc", "sRGB.icc")
    return ImageCms.getOpenProfile(str(path)) if path.is_file() else ImageCms.createProfile("sRGB")


@cache
def _cmyk_transform(path: str, mtime: float):
    """sRGB → the bundled CMYK profile (perceptual), built once per profile file."""
    return ImageCms.buildTransform(
        _srgb_profile(),
        ImageCms.getOpenProfile(path),
        "RGB",
        "CMYK",
        renderingIntent=ImageCms.Intent.PERCEPTUAL,
    )


def _embedded_to_srgb(img: Image.Image, icc: bytes | None) -> Image.Image:
    """Honour an RGB photo's own ICC profile (Adobe RGB, Display P3) by converting to sRGB."""
    if not icc or img.mode != "RGB":
        return img
    try:
        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if src.profile.xcolor_space.strip() != "RGB":
            return img
        return ImageCms.profileToProfile(img, src, _srgb_profile(), outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return img


def _to_rgb(img: Image.Image, icc: bytes | None) -> Image.Image:
    if img.mode == "CMYK":
        return img.convert("RGB")
    return _embedded_to_srgb(img, icc)


def _to_cmyk(img: Image.Image, icc: bytes | None) -> Image.Image:
    if img.mode == "CMYK":
        return img
    img = _embedded_to_srgb(img, icc)
    profile = asset("icc", "printkit-fogra39.icc")
    if profile.is_file():
        try:
            transform = _cmyk_transform(str(profile), profile.stat().st_mtime)
            return ImageCms.applyTransform(img, transform)
        except (ImageCms.PyCMSError, OSError):
            pass
    return img.convert("CMYK")


# -- drawing ----------------------------------------------------------------


class _JpegReader(ImageReader):
    """A prepared image for ReportLab: embedded as JPEG (DCT) once per PDF.

    ReportLab names an image XObject by a digest of `getRGBData()` and embeds
    a JPEG stream from `jpeg_fh()` as is. Returning a short content key makes
    each further drawing of the same photo a dictionary lookup.
    """

    def __init__(self, img: Image.Image):
        super().__init__(img)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=_JPEG_QUALITY, subsampling=0, optimize=True)
        self._jpeg = buf.getvalue()
        self._key = b"printkit-photo:" + hashlib.sha256(self._jpeg).hexdigest().encode()

    def getRGBData(self):  # noqa: N802 (ReportLab's name)
        self._dataA = None
        return self._key

    def jpeg_fh(self):
        return io.BytesIO(self._jpeg)


def _reader(img: Image.Image) -> _JpegReader:
    """One reader (one JPEG encoding) per prepared image object, kept on the image."""
    reader = getattr(img, "_printkit_reader", None)
    if reader is None:
        reader = _JpegReader(img)
        img._printkit_reader = reader
    return reader


def draw_photo(
    canvas, img: Image.Image, x: float, y: float, w: float, h: float, circle: bool = False
) -> None:
    """Draw a prepared image filling (x, y, w, h); `circle` clips to the inscribed circle."""
    reader = _reader(img)
    if not circle:
        canvas.drawImage(reader, x, y, w, h)
        return
    canvas.saveState()
    path = canvas.beginPath()
    path.circle(x + w / 2, y + h / 2, min(w, h) / 2)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.drawImage(reader, x, y, w, h)
    canvas.restoreState()


def draw_initials(
    canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    name: str,
    fill,
    text_fill,
    circle: bool = True,
    draw_text: Callable | None = None,
) -> None:
    """A disc (or rounded square) in `fill` with the name's initials centred in `text_fill`.

    `draw_text(canvas, x, y, s, size, bold=..., align=...)` draws the letters;
    it defaults to `printkit.press.text.draw_line`.
    """
    from printkit.press import text

    draw = draw_text or text.draw_line
    side = min(w, h)
    cx, cy = x + w / 2, y + h / 2
    canvas.saveState()
    canvas.setFillColor(fill)
    if circle:  # canvas.circle(cx, cy, side / 2, stroke=0, fill=1), its curves worked out once
        canvas._code.extend(_circle_path(cx, cy, side / 2))
        canvas._strokeAndFill(0, 1)
    else:
        canvas.roundRect(cx - side / 2, cy - side / 2, side, side, side * 0.12, stroke=0, fill=1)
    letters = text.initials(name or "")
    if letters:
        # capitals 36 % of the disc tall, letters at most 64 % of it wide
        size = text.size_for_cap_height(side * 0.36, bold=True)
        wide = text.measure(letters, size, bold=True)
        if wide > side * 0.64:
            size *= side * 0.64 / wide
        canvas.setFillColor(text_fill)
        base = cy - text.cap_height(size, bold=True) / 2
        draw(canvas, cx, base, letters, size, bold=True, align="center")
    else:  # a name without letters ("-", "?"): a neutral head-and-shoulders figure
        _silhouette(canvas, cx, cy, side, text_fill, circle)
    canvas.restoreState()


@lru_cache(maxsize=64)  # every badge of a layout has its disc in the same place
def _circle_path(cx: float, cy: float, r: float) -> tuple[str, ...]:
    """The path operators canvas.circle(cx, cy, r) writes before its fill or stroke."""
    from reportlab.pdfgen.pathobject import PDFPathObject

    code: list[str] = []
    x1, x2, y1, y2 = cx - r, cx + r, cy - r, cy + r  # as canvas.circle and ellipse compute them
    PDFPathObject(code=code).ellipse(x1, y1, x2 - x1, y2 - y1)
    return tuple(code)


def _silhouette(canvas, cx: float, cy: float, side: float, fill, circle: bool) -> None:
    """A plain person figure inside the disc (clipped to it), for a name with no initials."""
    p = canvas.beginPath()
    if circle:
        p.circle(cx, cy, side / 2)
    else:
        p.roundRect(cx - side / 2, cy - side / 2, side, side, side * 0.12)
    canvas.clipPath(p, stroke=0, fill=0)
    canvas.setFillColor(fill)
    canvas.circle(cx, cy + side * 0.12, side * 0.17, stroke=0, fill=1)  # head
    canvas.ellipse(
        cx - side * 0.33, cy - side * 0.62, cx + side * 0.33, cy - side * 0.02, stroke=0, fill=1
    )  # shoulders
