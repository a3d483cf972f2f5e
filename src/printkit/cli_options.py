"""Product options (EVENT, -o, --target…) → one path from EVENT to a written PDF, shared by the product commands.

A product module exposes `build(event, out, *, target, layout, problems, **options) -> str`
(the summary line) and a click `command` decorated with the options below.
"""

from __future__ import annotations

import functools
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from printkit.errors import PrintkitError, Problems
from printkit.resources import sample_event_dir

TARGETS = ("shop", "office", "screen")
DEFAULT_OUT_DIR = Path("printkit-out")


def resolve_event_path(event: str | None) -> Path:
    """EVENT argument → path: given, else ./event.yaml or ./event/, else the bundled sample."""
    if event:
        return Path(event)
    for candidate in (Path("event.yaml"), Path("event.yml"), Path("event")):
        if candidate.exists():
            return candidate
    click.echo(
        "No EVENT given and no ./event.yaml or ./event/: using the bundled sample, "
        "GOSIM AI Paris 2025.",
        err=True,
    )
    return sample_event_dir()


def output_path(out: str | None, default_name: str) -> Path:
    """-o value → the PDF path: `x.pdf` as given; a folder (existing, `x/` or `x`) gets default_name.

    A name with another extension (`cards.png`) is refused rather than made a folder.
    """
    if out is None:
        return DEFAULT_OUT_DIR / default_name
    p = Path(out)
    if p.is_dir() or out.endswith(("/", "\\")):
        return p / default_name
    if p.suffix.lower() == ".pdf":
        return p
    if p.suffix:
        raise PrintkitError(
            f"{out}: -o takes a .pdf file name or a folder (printkit writes PDF, not {p.suffix})"
        )
    return p / default_name


def output_folder(out: str | None) -> Path:
    """-o value of a command that writes several files → the folder (default ./printkit-out/)."""
    if out is None:
        return DEFAULT_OUT_DIR
    p = Path(out)
    if p.suffix.lower() == ".pdf" and not p.is_dir():  # `some/folder.with.dot` is a folder
        raise PrintkitError(f"{out}: -o takes a folder here (several PDFs are written into it)")
    if p.exists() and not p.is_dir():
        raise PrintkitError(f"{out}: exists and is not a folder")
    return p


def load(event_path: Path, problems: Problems, strict: bool = False, jobs: int | None = None):
    """Load the event, raising PrintkitError on errors (or on warnings when strict).

    `jobs` (--jobs) also caps the processes a big event file is parsed in (1: one).
    """
    from printkit import yamlsplit
    from printkit.load import load_event

    if jobs is not None:
        yamlsplit.JOBS = jobs

    event = load_event(event_path, problems)
    problems.raise_if_errors(strict=strict)
    return event


def event_argument(f):
    return click.argument("event", required=False, metavar="[EVENT]")(f)


def output_option(default_name: str):
    return click.option(
        "-o",
        "--output",
        "output",
        metavar="PATH",
        help=f"PDF file, or folder for {default_name} (default: ./printkit-out/).",
    )


def target_option(default: str):
    return click.option(
        "--target",
        type=click.Choice(TARGETS),
        default=default,
        show_default=True,
        help="shop: trim+bleed, crop marks, CMYK, PDF/X-4; office: n-up on A4/Letter with cut "
        "lines; screen: RGB with links and bookmarks.",
    )


def layout_option(help_text: str):
    return click.option("--layout", metavar="NAME|FILE", default=None, help=help_text)


PAPERS = ("a4", "letter")


def paper_option(f):
    return click.option(
        "--paper",
        type=click.Choice(PAPERS, case_sensitive=False),
        default=None,
        help="Office printer paper for pieces laid n-up (default: the layout's sheet, else A4).",
    )(f)


def _lang_value(ctx, param, value):
    if value is None:
        return None
    from printkit.i18n import parse_tag

    try:
        parse_tag(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None
    return value


def lang_option(f):
    """--lang TAG: print labels and dates in this language instead of event.language."""

    @functools.wraps(f)
    def command(*args, lang=None, **kwargs):
        from printkit.i18n import requested

        with requested(lang):
            return f(*args, **kwargs)

    return click.option(
        "--lang",
        metavar="TAG",
        default=None,
        callback=_lang_value,
        help="Language of labels and dates, a BCP 47 tag: fr, de, zh-Hans, pt-BR... "
        "(default: event.language, else English).",
    )(command)


def split_option(what: str):
    """--split N: one PDF per N pieces (name-0001-1000.pdf, …) and a manifest CSV of the ranges."""
    return click.option(
        "--split",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help=f"Write one PDF per N {what} (NAME-0001-1000.pdf, …) and NAME-manifest.csv "
        "listing each file's range.",
    )


def jobs_option(f):
    """--jobs N: worker processes (default: all cores; 1 for none)."""
    return click.option(
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help="Worker processes: a big run is drawn in chunks on every core (default: all cores; 1 for none).",
    )(f)


def jobs_value(jobs: int | None) -> int:
    """--jobs as given, else every core this process may use."""
    if jobs is not None:
        return jobs
    from printkit.press.parallel import default_jobs

    return default_jobs()


def strict_option(f):
    return click.option(
        "--strict", is_flag=True, help="Treat every warning as an error (then nothing is written)."
    )(f)


def offline_option(f):
    return click.option(
        "--offline",
        is_flag=True,
        envvar="PRINTKIT_OFFLINE",
        help="Do not fetch photos over the network; use the cache or initials.",
    )(f)


def attendee_columns_options(f):
    """`--columns PRESET` and `--map field="Column"`: read another ticket system's attendee CSV."""
    from printkit.attendee_columns import FIELDS, PRESETS

    f = click.option("--map", "maps", multiple=True, metavar='FIELD="Column"',
                     help=f"Read FIELD ({', '.join(FIELDS)}) from this CSV column; give a field "
                     'twice to join columns (--map name="First Name" --map name="Last Name").')(f)  # fmt: skip
    return click.option("--columns", type=click.Choice(tuple(PRESETS)), default=None,
                        help="The attendee CSV is this system's export: its column names.")(f)  # fmt: skip


@contextmanager
def progress_bar(label: str, total: int, at_least: int, show: bool | None = None):
    """click's progress bar on stderr for `total` pieces, or None.

    Shown when stderr is a terminal and the run has at least `at_least` pieces
    (about 2 s of drawing); nothing extra when piped.
    """
    if show is None:
        show = total >= at_least and sys.stderr.isatty()
    if not show:
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar


def report(problems: Problems) -> None:
    """Print warnings (one line each) and a count on stderr."""
    for w in problems.warnings:
        click.echo(str(w), err=True)
    n = len(problems.warnings)
    if n:
        click.echo(f"{n} warning{'s' if n != 1 else ''}", err=True)


def run_product(
    build, event: str | None, output: str | None, default_name: str, strict: bool = False, **options
) -> Path:
    """Load EVENT, call a product's build function, print its summary. Returns the PDF path.

    With `strict`, a warning while loading or drawing (a QR code left out, a
    title shortened) is an error: nothing is written.
    """
    problems = Problems()
    ev = load(resolve_event_path(event), problems, strict, options.get("jobs"))
    out = output_path(output, default_name)
    try:
        summary = build(ev, out, problems=problems, **options)
    finally:
        if not (strict and problems.items):
            report(problems)
    if strict and problems.items:
        if out.is_file():
            out.unlink()
        problems.raise_if_errors(strict=True)
    problems.raise_if_errors(strict=False)
    click.echo(summary)
    return out


def fail(problems: list | PrintkitError) -> None:
    """Print problems on stderr; exit status 1."""
    items = problems.problems if isinstance(problems, PrintkitError) else problems
    for p in items:
        click.echo(str(p), err=True)
    sys.exit(1)
