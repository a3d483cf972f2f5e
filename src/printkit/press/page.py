"""Pieces (draw functions) → pages of one PDF per target: boxes, bleed, crop marks, n-up sheets, duplex.

Targets:
- shop: one piece per page; MediaBox = trim + bleed + mark area, BleedBox,
  TrimBox, registration crop marks outside the bleed (dashed fold marks on
  the `folds` lines), CMYK only, PDF/X-4.
  With a `sheet`, pieces are ganged n-up on it instead: gutters keep
  neighbours' art 2 x bleed apart and hold each piece's short crop marks.
- office: pieces n-up on a sheet (A4 by default) with light cut lines, art
  inside the printer's printable area and a little bleed into the gutters
  between pieces (none on die-cut labels); pieces that touch (no gutter) keep
  their art 1 mm (`cut_clearance`) inside every cut line they share; with duplex, each sheet of fronts is followed by a sheet of backs
  in mirrored slots (long-edge flip) so every back lands behind its front.
- screen: page = trim, RGB, links and bookmarks, no marks.

Each piece may have its own trim (`add(..., trim=(w, h))`, a landscape door
sign among portrait room signs): a single-piece page (shop, screen) then
takes that piece's size, boxes, bleed and marks. An n-up sheet holds pieces
of one trim only; a piece of another trim starts a new sheet.

Pages are drawn as pieces arrive and streamed into a temp file beside the
target (memory stays flat in the number of pages); `close()` writes the
rest and renames it into place. An exception inside a `with Press(...)`
block (or `_discard()`) leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab import rl_config
from reportlab.lib.colors import CMYKColor, toColor
from reportlab.pdfgen.canvas import Canvas

from printkit import impose
from printkit.errors import PrintkitError, Problems
from printkit.press import fonts, pdfx
from printkit.press.color import to_color
from printkit.press.marks import (
    CUT_GREY,
    CUT_WIDTH,
    FOLD_DASH,
    MARK_AREA,
    MARK_GAP,
    MARK_LENGTH,
    MARK_WIDTH,
    crop_mark_segments,
    fold_mark_segments,
    gang_gutter,
    gang_mark_segments,
    stroke_segments,
)
from printkit.press.output import AtomicFile, stream_pages
from printkit.press.surface import Surface
from printkit.press.target import TARGETS, Target  # noqa: F401  (re-exported)
from printkit.units import INCH, MM, is_inch_based

if TYPE_CHECKING:
    from printkit.layout import Sheet
    from printkit.model import Event
    from printkit.press.images import PhotoStore

rl_config.useA85 = 0  # binary streams: smaller files, and ASCII85 is slow without C help

Draw = Callable[[Surface], None]


class SheetError(PrintkitError):
    """A sheet refused: carries the sheet (and its slot count) so a command can reword it."""

    def __init__(self, message: str, *, sheet, slots: int = 0):
        super().__init__(message)
        self.sheet = sheet
        self.slots = slots


class StartAtOutOfRange(SheetError):
    """start_at (0-based) is not a slot of the sheet."""


class PieceDoesNotFit(SheetError):
    """The piece is larger than every slot of the sheet."""


@dataclass(frozen=True)
class PressResult:
    """What `Press.close()` wrote."""

    path: Path
    pages: int
    pieces: int
    outline: tuple[tuple[str, int, int], ...] = ()  # (title, level, 0-based page)


def default_bleed(trim: tuple[float, float]) -> float:
    """3 mm, or 0.125 in when the trim is an inch size."""
    return 0.125 * INCH if is_inch_based(trim) else 3 * MM


def event_author(event: Event | None) -> str | None:
    """The event's first organizer name, or None."""
    for org in getattr(event, "organizers", None) or ():
        name = (getattr(org, "name", "") or "").strip()
        if name:
            return name
    return None


def _cmyk_only(c):
    """Canvas colour guard for print targets: CMYK (and separations) pass, anything else raises."""
    tc = toColor(c)
    if isinstance(tc, CMYKColor):
        return tc
    raise ValueError(f"RGB colour {c!r} used on a CMYK (shop) page; use Surface.color()")


class Press:
    """Collects pieces and lays them out on pages for one target; `close()` writes the PDF."""

    def __init__(
        self,
        path: Path | str,
        trim: tuple[float, float],
        target: Target | str,
        *,
        title: str,
        problems: Problems,
        sheet: Sheet | None = None,
        duplex: bool = False,
        bleed: float | None = None,
        photos: PhotoStore | None = None,
        author: str | None = None,
        subject: str | None = None,
        start_at: int = 0,
        date: datetime | None = None,
        event: Event | None = None,
        folds: tuple[float, ...] = (),
        part: int | None = None,
    ):
        self.path = Path(path)
        # a chunk of a joined run (press/join.py): its own font subset tags; the outline is
        # only recorded (the join writes one for the whole file)
        self.part = part
        self.trim = (float(trim[0]), float(trim[1]))
        if isinstance(target, str):
            if target not in TARGETS:
                raise PrintkitError(f"unknown target {target!r}; use one of {', '.join(TARGETS)}")
            target = TARGETS[target]
        self.target = target
        self.title = title
        self.problems = problems
        self.author = author or event_author(event) or "printkit"
        self.subject = subject
        self.date = date if date is not None else getattr(event, "modified", None)
        self.duplex = duplex
        self.folds = tuple(folds)  # horizontal fold lines, heights above the trim's foot
        self._bleed_arg = bleed
        self.bleed = self.bleed_for(self.trim)
        self._page_trim: tuple[float, float] | None = None  # trim of the page geometry set
        self.fitted_notes: list[str] = []
        self._photos = photos
        self._canvas: Canvas | None = None
        self._out: AtomicFile | None = None
        self._pages = 0
        self._pieces = 0
        self._forms: dict[str, str] = {}
        self._marks: dict[tuple[float, float], tuple[tuple[str, ...], dict]] = {}
        self._in_form = False
        self._bookmarks = 0
        self._outline: list[tuple[str, int, int]] = []
        self._outline_level = -1
        self._closed = False
        # office: always n-up; shop: n-up ("gang run") only when a sheet is given
        self.nup = target.name == "office" or (target.name == "shop" and sheet is not None)
        self.sheet = sheet
        if self.nup:
            self._setup_sheet(sheet, start_at)
        elif start_at:
            raise PrintkitError("start_at only applies to sheets of several pieces (office target)")

    # -- geometry ----------------------------------------------------------

    def _setup_sheet(self, sheet: Sheet | None, start_at: int) -> None:
        from printkit.layout import default_sheet

        sheet = sheet or default_sheet()
        self.sheet = sheet
        self.sheet_size = sheet.size()
        self._sheet_trim = self.trim
        self._use_sheet_trim(self.trim)
        if not 0 <= start_at < len(self.slots):
            raise StartAtOutOfRange(
                f"start_at must be between 0 and {len(self.slots) - 1} for sheet {sheet.name!r}",
                sheet=sheet,
                slots=len(self.slots),
            )
        self._slot = start_at
        self._backs: list[tuple[int, Draw | None]] = []
        self._sheet_open = False

    def _use_sheet_trim(self, trim: tuple[float, float]) -> None:
        """Lay the sheet out for pieces of `trim` (slots, mirrored back slots, bleed)."""
        sheet = self.sheet
        self._sheet_trim = trim
        self._sheet_bleed = self.bleed_for(trim)
        slots = self._gang_slots(sheet, trim) if self.target.marks else sheet.slots(*trim)
        if not slots:
            raise PieceDoesNotFit(
                f"a {trim[0] / MM:.0f} x {trim[1] / MM:.0f} mm piece does not fit "
                f"on sheet {sheet.name!r}",
                sheet=sheet,
            )
        self.slots = slots
        self.back_slots = impose.mirror_slots(slots, self.sheet_size[0])
        # office: pieces that touch keep their art clear of the cut lines they share
        clearance = 0.0 if self.target.marks else sheet.shared_cut_clearance
        self.art_clips = impose.art_clips(self.slots, clearance)
        self.back_art_clips = impose.art_clips(self.back_slots, clearance)

    def bleed_for(self, trim: tuple[float, float]) -> float:
        """The bleed of a piece of this trim: the one given, else 3 mm or 0.125 in (0 unless shop)."""
        if not self.target.bleed:
            return 0.0
        return default_bleed(trim) if self._bleed_arg is None else self._bleed_arg

    def _gang_slots(self, sheet: Sheet, trim: tuple[float, float]) -> list[impose.Slot]:
        """Shop sheet: trim-size slots with gutters that keep neighbours' art apart and hold marks.

        Each gutter holds both bleeds, a clear band (art ≥ 2 x bleed apart, so
        a cut a little off never shows the neighbour) and every piece's own
        short crop marks; the sheet's own gaps count when they are wider.
        """
        b = self.bleed_for(trim)
        room = b + MARK_GAP + MARK_LENGTH + 1 * MM
        margin = tuple(max(m, room) for m in sheet.margins)
        gutter = max(gang_gutter(b), 4 * b)
        gap = (max(sheet.gap_x, gutter), max(sheet.gap_y, gutter))
        w, h = sheet.size()
        return impose.grid(w, h, *trim, margin=margin, gap=gap, rotate_allowed=sheet.rotate)

    def _gang_marks(self, slots) -> list:
        """Short crop marks at every slot of the sheet, outside its bleed."""
        return gang_mark_segments(slots, self._sheet_bleed)

    @property
    def page_size(self) -> tuple[float, float]:
        """The page size for pieces of the press's own trim."""
        return self.page_size_for(self.trim)

    def page_size_for(self, trim: tuple[float, float]) -> tuple[float, float]:
        """The page size for a piece of `trim`: the sheet when n-up, else trim (+ bleed and marks)."""
        if self.nup:
            return self.sheet_size
        extra = 2 * (self.bleed_for(trim) + MARK_AREA) if self.target.marks else 0.0
        return trim[0] + extra, trim[1] + extra

    @property
    def trim_origin(self) -> tuple[float, float]:
        """Bottom-left corner of the trim on a single-piece page of the press's own trim."""
        return self.trim_origin_for(self.trim)

    def trim_origin_for(self, trim: tuple[float, float]) -> tuple[float, float]:
        """Bottom-left corner of the trim on a single-piece page for a piece of `trim`."""
        m = self.bleed_for(trim) + MARK_AREA if self.target.marks else 0.0
        return m, m

    def _page_boxes(self, trim: tuple[float, float]) -> tuple[tuple | None, tuple | None]:
        """(TrimBox, BleedBox) of a single-piece page for `trim`; None off the shop target."""
        if not self.target.marks:
            return None, None
        if self.nup:  # a shop sheet: the printer trims each piece
            return (0, 0, *self.page_size), (0, 0, *self.page_size)
        ox, oy = self.trim_origin_for(trim)
        w, h = trim
        b = self.bleed_for(trim)
        return (ox, oy, ox + w, oy + h), (ox - b, oy - b, ox + w + b, oy + h + b)

    def _set_page_trim(self, trim: tuple[float, float]) -> None:
        """Give the coming single-piece page the size and boxes of a piece of `trim`."""
        if trim == self._page_trim:
            return
        c = self._canvas
        c.setPageSize(self.page_size_for(trim))
        if self.target.marks:
            c._trimBox, c._bleedBox = self._page_boxes(trim)
        self._page_trim = trim

    # -- canvas ------------------------------------------------------------

    @property
    def photos(self) -> PhotoStore:
        if self._photos is None:
            from printkit.press.images import PhotoStore

            self._photos = PhotoStore(problems=self.problems)
        return self._photos

    def _ensure_canvas(self) -> Canvas:
        if self._closed:
            raise RuntimeError("Press is closed")
        if self._canvas is not None:
            return self._canvas
        fonts.register_fonts()
        kw: dict = {}
        if self.target.cmyk:
            kw["enforceColorSpace"] = _cmyk_only
        if self.target.marks:
            kw["trimBox"], kw["bleedBox"] = self._page_boxes(self.trim)
        self._out = AtomicFile(self.path)
        c = Canvas(
            self._out.file,
            pagesize=self.page_size,
            invariant=1,
            pageCompression=1,
            initialFontName=fonts.REGULAR,
            **kw,
        )
        c.setTitle(self.title)
        c.setAuthor(self.author)
        c.setCreator("printkit")
        if self.subject:
            c.setSubject(self.subject)
        doc = stream_pages(c, self._out.file)
        pdfx.add_pdfx_parts(
            doc,
            title=self.title,
            creator="printkit",
            author=self.author,
            subject=self.subject,
            date=self.date,
            pdfx=self.target.name == "shop",
            digest=doc.content_digest,
        )
        # seeds the font subset tags (fonts.py); each chunk of a joined run has its own
        c._doc.printkit_title = self.title if self.part is None else f"{self.title}\0{self.part}"
        self._canvas = c
        self._page_trim = self.trim
        return c

    def _show_page(self) -> None:
        self._canvas.showPage()
        self._pages += 1

    def _draw_piece(
        self,
        draw: Draw,
        x: float,
        y: float,
        rotate: int,
        clip: bool,
        trim: tuple[float, float],
        bleed: float | None = None,
    ) -> None:
        """Run `draw` on a Surface whose origin is the trim corner placed at (x, y).

        `bleed` (default: the target's) is how far art may run past the trim.
        """
        c = self._canvas
        w, h = trim
        b = self.bleed_for(trim) if bleed is None else bleed
        c.saveState()
        c.translate(x, y)
        if rotate:
            c.rotate(rotate)
        if clip:
            path = c.beginPath()
            path.rect(-b, -b, w + 2 * b, h + 2 * b)
            c.clipPath(path, stroke=0, fill=0)
        draw(Surface(self, c, w, h, b))
        c.restoreState()

    # -- adding pieces -------------------------------------------------------

    def add(
        self, front: Draw, back: Draw | None = None, *, trim: tuple[float, float] | None = None
    ) -> None:
        """Add one piece: `front` draws its front, `back` (optional) its back.

        `trim` (width, height) gives this piece its own size; default the press's trim.
        """
        self._ensure_canvas()
        trim = self.trim if trim is None else (float(trim[0]), float(trim[1]))
        if trim[0] <= 0 or trim[1] <= 0:
            raise ValueError(f"a piece's trim must be positive, not {trim!r}")
        self._pieces += 1
        if self.nup:
            self._add_nup(front, back, trim)
            return
        self._set_page_trim(trim)
        ox, oy = self.trim_origin_for(trim)
        for side in (front, back):
            if side is None:
                continue
            self._draw_piece(side, ox, oy, 0, clip=self.target.marks, trim=trim)
            if self.target.marks:
                self._crop_marks(trim)
            self._show_page()

    def _crop_marks(self, trim: tuple[float, float]) -> None:
        """The page's crop marks: operators made once, then appended to every page.

        (Not a form: ReportLab drops a form's separation colour spaces, so the
        registration colour would lose its /All resource inside one.)
        """
        c = self._canvas
        made = self._marks.get(trim)
        if made is None:
            ox, oy = self.trim_origin_for(trim)
            segs = crop_mark_segments(
                ox, oy, *trim, offset=self.bleed_for(trim) + MARK_GAP, length=MARK_LENGTH
            )
            page_colors, c._colorsUsed = c._colorsUsed, {}
            at = len(c._code)
            try:
                stroke_segments(c, segs, to_color("registration", True), MARK_WIDTH)
                if self.folds and trim == self.trim:
                    folds = fold_mark_segments(ox, oy, *trim, self.folds,
                                               offset=self.bleed_for(trim) + MARK_GAP)  # fmt: skip
                    stroke_segments(c, folds, to_color("registration", True), MARK_WIDTH,
                                    FOLD_DASH)  # fmt: skip
                self._marks[trim] = (tuple(c._code[at:]), dict(c._colorsUsed))
            finally:
                page_colors.update(c._colorsUsed)
                c._colorsUsed = page_colors
            return
        code, colors = made
        c._code.extend(code)
        c._colorsUsed.update(colors)

    def _add_nup(self, front: Draw, back: Draw | None, trim: tuple[float, float]) -> None:
        if trim != self._sheet_trim:  # one trim per sheet: another size starts a new sheet
            if self._sheet_open:
                self._finish_sheet()
            self._use_sheet_trim(trim)
            if self._slot >= len(self.slots):
                self._slot = 0
        self._sheet_open = True
        slot = self.slots[self._slot]
        self._draw_slot(front, slot, self.art_clips[self._slot])
        self._backs.append((self._slot, back))
        self._slot += 1
        if self._slot == len(self.slots):
            self._finish_sheet()

    def _draw_slot(self, draw: Draw, slot: impose.Slot, art: impose.Rect | None = None) -> None:
        """Draw a piece in its slot; `art` (office) clips it clear of the cut lines it shares."""
        if slot.rotate == 90:
            x, y = slot.x + slot.w, slot.y
        elif slot.rotate == 270:
            x, y = slot.x, slot.y + slot.h
        else:
            x, y = slot.x, slot.y
        if self.target.marks:
            self._draw_piece(draw, x, y, slot.rotate, clip=True, trim=self._sheet_trim)
            return
        # office: art inside the printer's printable area, with the sheet's bleed into the gutter
        c = self._canvas
        c.saveState()
        x0, y0, x1, y1 = self.sheet.printable()
        path = c.beginPath()
        path.rect(x0, y0, x1 - x0, y1 - y0)
        c.clipPath(path, stroke=0, fill=0)
        if art is not None:
            path = c.beginPath()
            path.rect(art[0], art[1], art[2] - art[0], art[3] - art[1])
            c.clipPath(path, stroke=0, fill=0)
        self._draw_piece(draw, x, y, slot.rotate, clip=True, trim=self._sheet_trim,
                         bleed=self.sheet.cut_bleed)  # fmt: skip
        c.restoreState()

    def _cut_lines(self, slots) -> None:
        if self.target.marks:
            marks = self._gang_marks(slots)
            stroke_segments(self._canvas, marks, to_color("registration", True), MARK_WIDTH)
            return
        if not getattr(self.sheet, "cut_lines", True):
            return
        segs = impose.cut_lines(slots, *self.sheet_size)
        stroke_segments(self._canvas, segs, to_color(CUT_GREY, self.target.cmyk), CUT_WIDTH)

    def _finish_sheet(self) -> None:
        self._cut_lines(self.slots)
        self._show_page()
        if self.duplex:
            for idx, back in self._backs:
                if back is not None:
                    self._draw_slot(back, self.back_slots[idx], self.back_art_clips[idx])
            self._cut_lines(self.back_slots)
            self._show_page()
        self._slot = 0
        self._backs = []
        self._sheet_open = False

    # -- bookmarks and forms (called by Surface) -----------------------------

    def add_bookmark(self, title: str, level: int = 0) -> None:
        c = self._ensure_canvas()
        if self.part is not None:
            self._outline.append((title, int(level), self._pages))
            return
        level = max(0, min(int(level), self._outline_level + 1))
        key = f"pk-bm-{self._bookmarks}"
        self._bookmarks += 1
        c.bookmarkPage(key, fit="Fit")
        c.addOutlineEntry(title, key, level=level, closed=level > 0)
        self._outline_level = level

    def place_form(self, surface: Surface, key: str, draw: Draw) -> None:
        c = self._ensure_canvas()
        name = self._forms.get(key)
        if name is None:
            if self._in_form:
                raise RuntimeError("Surface.form() cannot be called inside another form")
            name = f"PKForm{len(self._forms)}"
            w, h, b = surface.width, surface.height, surface.bleed
            self._in_form = True
            try:
                c.beginForm(name, -b, -b, w + b, h + b)
                draw(Surface(self, c, w, h, b))
                c.endForm()
            finally:
                self._in_form = False
            self._forms[key] = name
        c.doForm(name)

    # -- finishing -----------------------------------------------------------

    def close(self) -> PressResult:
        """Finish the last sheet, make the PDF (PDF/X-4 for shop) and write it atomically."""
        if self._closed:
            raise RuntimeError("Press is already closed")
        if self._pieces == 0:
            self._discard()
            raise PrintkitError(f"{self.path}: nothing to print (no pieces)")
        if self.nup and self._sheet_open:
            self._finish_sheet()
        if self._photos is not None:
            self._photos.finish()  # one summary warning for photos that could not be fetched
        c, out = self._canvas, self._out
        try:
            if self._bookmarks:
                c.showOutline()
            c._doc.finish(c)
            out.commit()
        finally:
            self._discard()
        return PressResult(self.path, self._pages, self._pieces, tuple(self._outline))

    def _discard(self) -> None:
        if self._out is not None:
            self._out.abort()  # no-op once committed
        self._canvas = None
        self._out = None
        self._closed = True

    def __enter__(self) -> Press:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self._discard()
        elif not self._closed:
            self.close()
