"""Event speakers + attendee CSV + a badge layout → a badge PDF (shop pages, office sheets, screen).

`printkit badges [EVENT] [--attendees CSV] [--layout NAME|FILE] [--sheet NAME|FILE] ...`

Target: without --sheet the default is `shop` (one badge per page with
bleed and crop marks); with --sheet it is `office` (n-up on that sheet with
cut lines, backs mirrored for duplex); `--sheet X --target shop` is a gang
run on that sheet with crop marks for a print shop's cutter. --sheet takes a preset from
layouts/sheets, a sheet YAML file, a gLabels template name from the
installed database (`avery-5395`) or a gLabels XML file.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from printkit.attendee_columns import column_map
from printkit.cli_options import (
    attendee_columns_options,
    event_argument,
    jobs_option,
    jobs_value,
    lang_option,
    layout_option,
    offline_option,
    output_option,
    paper_option,
    progress_bar,
    resolve_event_path,
    run_product,
    split_option,
    strict_option,
)
from printkit.errors import PrintkitError, Problems
from printkit.i18n import localized
from printkit.layout import Sheet, layout_names, load_sheet
from printkit.model import ATTENDEE_ROLES, Attendee, Event
from printkit.press.parallel import chunk_ranges
from printkit.products.badges.layout import BadgeLayout, key_line, layout_path, load_badge_layout
from printkit.products.badges.people import SORTS, collect, select, sort_badges
from printkit.products.parts import reading_order

DEFAULT_NAME = "badges.pdf"
LIST_MAX = 12  # names listed in the summary before "and N more"
PROGRESS_MIN = 300  # badges; smaller runs take well under a second


def resolve_sheet(ref: str | Path) -> Sheet:
    """--sheet value → Sheet: preset name, sheet YAML file, gLabels template name or XML file."""
    from printkit import glabels

    p = Path(ref)
    if p.suffix.lower() == ".xml":
        if not p.is_file():
            raise PrintkitError(f"{p}: gLabels template file not found")
        return glabels.load_template(p)
    if p.suffix.lower() in (".yaml", ".yml") or len(p.parts) > 1:
        return load_sheet(p)
    if str(ref) in layout_names("sheets"):
        return load_sheet(str(ref))
    tpl = glabels.find_template(str(ref))
    if tpl is not None:
        return tpl
    hints = glabels.close_names(str(ref))
    hint = f" (gLabels templates like it: {', '.join(hints)})" if hints else ""
    where = glabels.template_dirs()
    db = "" if where else "; no gLabels template database is installed (Debian: glabels-data)"
    raise PrintkitError(
        f"--sheet: no sheet named {str(ref)!r}; presets: {', '.join(layout_names('sheets'))}, "
        f"or a gLabels template name{hint}{db}"
    )


@localized
def build(
    event: Event,
    out: Path,
    *,
    problems: Problems,
    target: str | None = None,
    layout: str | Path | None = None,
    sheet: str | Path | Sheet | None = None,
    duplex: bool | None = None,
    start_at: int = 1,
    only: Sequence[str] = (),
    roles: Sequence[str] = (),
    sort: str = "name",
    offline: bool = False,
    photos=None,
    attendees: str | Path | Sequence[Attendee] | None = None,
    progress: bool | None = None,
    columns=None,  # an attendee_columns.ColumnMap: the CSV is another system's export
    split: int = 0,
    jobs: int = 1,
) -> str:
    """Render the badges into `out`; return the summary line(s). Raises PrintkitError on bad input."""
    from printkit.attendees import load_attendees
    from printkit.press import Press
    from printkit.press.images import PhotoStore
    from printkit.products.badges.draw import BadgeArt

    sheet_obj = resolve_sheet(sheet) if isinstance(sheet, (str, Path)) else sheet
    if layout is None and sheet_obj is not None:
        layout = layout_for_sheet(sheet_obj)
    lay = load_badge_layout(layout, problems)
    target = target or ("office" if sheet_obj is not None else "shop")
    if sheet_obj is not None and target == "screen":
        raise PrintkitError(
            "--sheet lays badges out n-up for printing: use --target office "
            "(cut lines) or shop (a gang run with crop marks), not screen"
        )
    if start_at != 1 and not (target == "office" or sheet_obj is not None):
        raise PrintkitError("--start-at applies to sheets (--sheet or --target office) only")
    people: Sequence[Attendee] = ()
    if isinstance(attendees, (str, Path)):
        people = load_attendees(attendees, problems, columns)
    elif attendees:
        people = attendees
    badges, _merged = collect(event, people)
    del people  # the badges hold what is printed; the CSV rows can go before sorting
    badges = sort_badges(select(badges, only, roles), sort)
    if not badges:
        raise PrintkitError("no badges to print (no speakers or attendees match)")

    art = BadgeArt(event, lay)
    fold = lay.fold != "none"
    if duplex is None:  # label stock has a backing: fronts only unless asked
        duplex = not is_label_stock(sheet_obj)
    with_back = duplex and lay.back.show and not fold
    check_qr_sizes(lay, layout_path(layout), target, badges, art.schedule, with_back or fold)
    photos = photos or PhotoStore(problems=problems, offline=offline)
    total = len(badges)
    speakers = sum(1 for b in badges if b.is_speaker)

    def make_press(path: Path, count: int, first_slot: int, part: int | None = None) -> Press:
        try:
            return Press(
                path,
                lay.piece,
                target,
                title=f"{event.name}: badges",
                problems=problems,
                event=event,
                sheet=sheet_obj,
                duplex=with_back,
                photos=photos,
                subject=f"{count} badges, layout {lay.name}",
                start_at=first_slot,
                folds=(lay.face[1],) if fold else (),
                part=part,
            )
        except PrintkitError as e:
            raise _explain(e, lay, start_at) from None

    def render(items, path: Path, count: int, first_slot: int, part: int | None = None):
        """Badges → one PDF at `path` (streamed; each badge dropped once drawn)."""
        press = make_press(path, count, first_slot, part)
        collecting = gc.isenabled()
        gc.disable()  # thousands of live page objects: cyclic GC passes cost ~25 % and free nothing
        try:
            for b in items:
                cut = len(art.notes.cut)
                press.add(
                    lambda s, b=b: art.front_piece(s, b),
                    (lambda s, b=b: art.back(reading_order(s), b)) if with_back else None,
                )
                if len(art.notes.cut) > cut:
                    src = b.src
                    problems.warn(
                        f'"{b.name}" does not fit on the badge even at the smallest size '
                        f"({lay.name} layout); it was shortened with …",
                        src.file if src else None,
                        src.line if src else None,
                        "name",
                    )
            photos.finish()
            return press.close()
        except BaseException:
            press._discard()
            raise
        finally:
            if collecting:
                gc.enable()

    if progress is None:
        progress = total >= PROGRESS_MIN and sys.stderr.isatty()
    if split:
        return _render_split(render, badges, out, split, jobs, progress, problems, art, speakers,
                             start_at - 1)  # fmt: skip
    probe = make_press(out, total, start_at - 1)
    per_page = len(probe.slots) if probe.nup else 1
    probe._discard()
    chunks = chunk_ranges(total, per_page, start_at - 1)
    if len(chunks) > 1:
        return _render_joined(render, badges, out, chunks, jobs, progress, problems, art, speakers,
                              start_at - 1)  # fmt: skip
    with _progress(_consume(badges), progress, total) as items:
        result = render(items, out, total, start_at - 1)
    return _summary(
        total, speakers, f"on {_n(result.pages, 'page')} → {result.path}", problems, art
    )


def _render_split(render, badges, out: Path, size: int, jobs: int, progress: bool,
                  problems: Problems, art, speakers: int, first_slot: int) -> str:  # fmt: skip
    """--split: one PDF per `size` badges (in `jobs` workers) and a manifest; the summary."""
    from printkit.press.parallel import parts, run_parts, write_manifest

    total = len(badges)
    found = parts(Path(out), total, size)
    labels = [(badges[p.first - 1].name, badges[p.last - 1].name) for p in found]

    def task(i: int):
        part = found[i]
        n0, f0 = len(problems.items), len(art.notes.fitted)
        chunk = badges[part.first - 1 : part.last]
        result = render(chunk, part.path, part.count, first_slot if i == 0 else 0)
        new, fitted = problems.items[n0:], art.notes.fitted[f0:]
        del problems.items[n0:], art.notes.fitted[f0:]
        return result.pages, (new, fitted)  # the same from a worker as from here

    with progress_bar("badges", total, PROGRESS_MIN, progress) as bar:
        done = (lambda i: bar.update(found[i].count)) if bar is not None else None
        results = run_parts(task, len(found), jobs, done)
    pages = sum(n_pages for n_pages, _ in results)
    _merge(problems, art, [extra for _, extra in results])
    manifest = Path(out).with_name(f"{Path(out).stem}-manifest.csv")
    write_manifest(manifest, found, labels)
    where = (
        f"on {_n(pages, 'page')} in {_n(len(found), 'file')} → {found[0].path} … "
        f"{found[-1].path.name}; ranges in {manifest.name}"
    )
    return _summary(total, speakers, where, problems, art)


def _render_joined(render, badges, out: Path, chunks, jobs: int, progress: bool,
                   problems: Problems, art, speakers: int, first_slot: int) -> str:  # fmt: skip
    """A big single-file run: chunks drawn in `jobs` workers, joined into `out`; the summary."""
    from printkit.press.parallel import run_joined

    total = len(badges)

    def draw(i: int, path: Path):
        n0, f0 = len(problems.items), len(art.notes.fitted)
        chunk = badges[chunks[i].start : chunks[i].stop]
        result = render(chunk, path, total, first_slot if i == 0 else 0, part=i)
        new, fitted = problems.items[n0:], art.notes.fitted[f0:]
        del problems.items[n0:], art.notes.fitted[f0:]
        return result, (new, fitted)  # the same from a worker as from here

    with progress_bar("badges", total, PROGRESS_MIN, progress) as bar:
        done = (lambda i: bar.update(len(chunks[i]))) if bar is not None else None
        pages, extras = run_joined(draw, len(chunks), Path(out), jobs, done)
    _merge(problems, art, extras)
    return _summary(total, speakers, f"on {_n(pages, 'page')} → {out}", problems, art)


def _merge(problems: Problems, art, extras) -> None:
    """Each chunk's problems and fitted names, in order; a warning met in several chunks once."""
    seen = set(problems.items)
    for new, fitted in extras:
        for p in new:
            if p not in seen:
                seen.add(p)
                problems.items.append(p)
        art.notes.fitted.extend(fitted)


def _summary(total: int, speakers: int, where: str, problems: Problems, art) -> str:
    """Counts, where they went, warnings and the names set smaller → the command's closing lines."""
    n_warn = len(problems.warnings)
    line = f"{_n(total, 'badge')} ({_n(speakers, 'speaker')}, {_n(total - speakers, 'attendee')}) {where}"
    if n_warn:
        line += f"; {n_warn} warning{'s' if n_warn != 1 else ''}"
    lines = [line]
    if art.notes.fitted:
        lines.append(_listing("Names set smaller or on two lines", art.notes.fitted))
    return "\n".join(lines)


def fitting_layouts(sheet: Sheet) -> list[tuple[float, str]]:
    """(area, name) of every bundled badge layout whose piece fits a slot of `sheet`."""
    fits = []
    for name in layout_names("badges"):
        try:
            piece = load_badge_layout(name).piece
        except PrintkitError:
            continue
        if sheet.slots(*piece):
            fits.append((piece[0] * piece[1], name))
    return fits


def layout_for_sheet(sheet: Sheet) -> str | None:
    """The layout for a sheet when none is asked for: the default when it fits, else the
    largest bundled layout that does (said in one stderr line); None for the default."""
    default = load_badge_layout(None)
    if sheet.slots(*default.piece):
        return None
    fits = fitting_layouts(sheet)
    if not fits:
        return None  # the press says it does not fit
    name = max(fits)[1]
    click.echo(f"Layout {default.name} does not fit on sheet {sheet.name!r}: using --layout {name}",
               err=True)  # fmt: skip
    return name


def default_attendees(event_path: Path) -> Path | None:
    """EVENT folder holding attendees.csv → that file (said in one stderr line), else None.

    The bundled sample keeps its speakers-only badges (its attendees.csv is a demo for --attendees).
    """
    from printkit.resources import sample_event_dir

    csv = event_path / "attendees.csv"
    if not (event_path.is_dir() and csv.is_file()):
        return None
    if event_path.resolve() == Path(sample_event_dir()).resolve():
        return None
    click.echo(f"Using {csv} for attendee badges; pass --attendees to choose another", err=True)
    return csv


def is_label_stock(sheet: Sheet | None) -> bool:
    """Die-cut label stock (label sizes and no cut lines, or any gLabels template): fronts only.

    A sheet with label sizes that you cut yourself (a4-4up-a6 has cut lines) is paper.
    """
    from printkit import glabels

    if sheet is None:
        return False
    if isinstance(sheet, glabels.LabelSheet):
        return True
    return sheet.label_width is not None and not sheet.cut_lines


def _typical(payloads: Sequence[str]) -> str | None:
    """The median-length payload (None when there is none)."""
    ps = sorted((p for p in payloads if p), key=len)
    return ps[len(ps) // 2] if ps else None


def check_qr_sizes(
    lay: BadgeLayout, path: Path, target: str, badges, schedule: str | None, back: bool
) -> None:
    """Raise one located error per layout QR size too small for a typical payload on `target`,
    even grown to the layout's `qr.max`."""
    from printkit.press import qr as _qr
    from printkit.units import MM

    module = _qr.MIN_MODULE_MM.get(target, 0.0) * MM
    if not module:
        return
    checks = []
    qrs: tuple[list, list] = ([], [])  # speakers', others'
    urls = []
    for b in badges:  # one pass: an attendee's badge is made from its CSV row each time
        qrs[b.is_speaker].append(b.qr)
        if b.is_speaker:
            urls.extend(x.url or x.video for x in b.sessions)
    if lay.qr.show:
        p = _typical(qrs[True]) or _typical(qrs[False])
        what = "profile URL" if p and p.startswith(("http:", "https:")) else "ticket id"
        checks.append(("qr.size", lay.qr.size, p, what))
    del qrs
    if back and lay.back.show:
        checks.append(("back.session_qr", lay.back.session_qr, _typical(urls), "talk page URL"))
        checks.append(("back.schedule_qr", lay.back.schedule_qr, schedule, "schedule URL"))
    errs = Problems()
    for key, size, payload, what in checks:
        if not payload:
            continue
        try:
            need = _qr.min_size_for(payload, "M", module)
        except Exception:  # a payload too long for any QR: warned per person while drawing
            continue
        if need > max(size, lay.qr.max) + 1e-6:  # codes grow up to qr.max for long payloads
            line, raw = key_line(path, key)
            shown = raw or f"{size / MM:g}mm"
            errs.error(f"{shown} is below the printable minimum for this target (needs "
                       f"≥ {need / MM:.0f} mm for a typical {what})", str(path), line, key)  # fmt: skip
    errs.raise_if_errors()


def _explain(e: PrintkitError, lay: BadgeLayout, start_at: int) -> PrintkitError:
    """The press's sheet refusals in the command's words: slots from 1, layouts that fit."""
    from printkit.press.page import PieceDoesNotFit, StartAtOutOfRange

    if isinstance(e, StartAtOutOfRange):
        return PrintkitError(f"--start-at {start_at}: must be between 1 and {e.slots} "
                             f"(the label slots on sheet {e.sheet.name!r})")  # fmt: skip
    if isinstance(e, PieceDoesNotFit):
        fits = [name for _, name in fitting_layouts(e.sheet) if name != lay.name]
        if fits:
            alts = " or ".join(f"--layout {n}" for n in fits)
            return PrintkitError(f"{e} (layout {lay.name}); use {alts}")
    return e


def _listing(label: str, names: list[str]) -> str:
    shown = ", ".join(names[:LIST_MAX])
    more = f" and {len(names) - LIST_MAX} more" if len(names) > LIST_MAX else ""
    return f"{label} ({len(names)}): {shown}{more}"


def _consume(items: Sequence):
    """Yield the items of a list, dropping each from the list once the next is asked for,
    so memory held for people already drawn is freed during the run. A BadgeList makes
    each badge when asked for and holds none: it is only iterated."""
    if not isinstance(items, list):
        yield from items
        return
    for i in range(len(items)):
        yield items[i]
        items[i] = None


class _progress:
    """click.progressbar on stderr when wanted, else the plain sequence."""

    def __init__(self, items, show: bool, length: int | None = None):
        self.items, self.show, self.bar, self.length = items, show, None, length

    def __enter__(self):
        if not self.show:
            return self.items
        self.bar = click.progressbar(
            self.items, length=self.length, label="badges", file=sys.stderr
        )
        return self.bar.__enter__()

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


@click.command("badges")
@event_argument
@click.option("--attendees", metavar="CSV", help="Attendee CSV (name, organization, role, ...).")
@layout_option("Badge layout: a6 (default), 4x3in, cr80, a7, foldover-a5, or a YAML file.")
@paper_option
@click.option(
    "--sheet",
    metavar="NAME|FILE",
    help="Lay badges out n-up: a4, letter, a4-4up-a6, avery-5392, avery-5390, avery-l7418, "
    "any installed gLabels template (avery-5395), or a sheet YAML / gLabels XML file.",
)
@click.option(
    "--target",
    type=click.Choice(("shop", "office", "screen")),
    default=None,
    help="shop: one badge a page, bleed, crop marks, CMYK (default without --sheet); "
    "office: n-up sheets with cut lines (default with --sheet); screen: RGB.",
)
@click.option(
    "--duplex/--front-only",
    default=None,
    help="Print backs (sessions or schedule QR); on sheets, back sheets are mirrored. "
    "Default: duplex, but front-only on adhesive label stock (label presets such as "
    "avery-5392 or avery-l7418, and gLabels templates), whose backing would take the backs.",
)
@click.option(
    "--start-at",
    type=int,
    default=1,
    show_default=True,
    metavar="N",
    help="First label slot to use on the first sheet (skips used labels).",
)
@click.option(
    "--only", multiple=True, metavar="ID", help="Only these speaker or ticket ids (repeatable)."
)
@click.option(
    "--role", "roles", multiple=True, type=click.Choice(ATTENDEE_ROLES), help="Only these roles."
)
@click.option("--sort", type=click.Choice(SORTS), default="name", show_default=True)
@output_option(DEFAULT_NAME)
@split_option("badges")
@jobs_option
@offline_option
@lang_option
@attendee_columns_options
@strict_option
def command(event, attendees, layout, paper, sheet, target, duplex, start_at, only, roles, sort,
            output, offline, columns, maps, strict, split, jobs):  # fmt: skip
    """Speaker and attendee badges: shop pages, or n-up sheets and label stock."""
    if paper and sheet:
        raise PrintkitError("--paper and --sheet both choose the paper: give one of them")
    if paper and target in ("shop", "screen"):
        raise PrintkitError(
            f"--paper chooses the office printer's paper; not for --target {target}"
        )
    sheet = sheet or (paper.lower() if paper else None)
    event_path = resolve_event_path(event)
    if not attendees:
        attendees = default_attendees(event_path)
    run_product(
        build,
        str(event_path),
        output,
        DEFAULT_NAME,
        target=target,
        layout=layout,
        sheet=sheet,
        duplex=duplex,
        start_at=start_at,
        only=_split(only),
        roles=tuple(roles),
        sort=sort,
        offline=offline,
        attendees=attendees,
        columns=column_map(columns, maps),
        strict=strict,
        split=split or 0,
        jobs=jobs_value(jobs),
    )


def _n(count: int, word: str) -> str:
    """3, 'badge' → '3 badges'; 1 → '1 badge'."""
    return f"{count} {word}{'' if count == 1 else 's'}"
