"""Command line → one call per command; PrintkitError → messages on stderr and exit status 1.

Commands load lazily so `printkit --help` stays fast and a command's heavy
imports (ReportLab, pikepdf) are paid only when it runs.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import signal
import sys
import tempfile
from collections import Counter
from pathlib import Path

import click

from printkit import __version__
from printkit.attendee_columns import column_map
from printkit.attendees import load_attendees
from printkit.cli_options import (
    attendee_columns_options,
    event_argument,
    jobs_option,
    jobs_value,
    load,
    output_folder,
    output_option,
    report,
    resolve_event_path,
    strict_option,
    target_option,
)
from printkit.errors import PrintkitError, Problems
from printkit.load import load_event
from printkit.resources import sample_event_dir

LAZY = {
    "badges": ("printkit.products.badges.command:command", "Speaker and attendee badges."),
    "signs": ("printkit.products.signs.command:command", "Room day signs and session door signs."),
    "cards": (
        "printkit.products.cards.command:command",
        "Host cue cards from each session's introduction.",
    ),
    "booklet": ("printkit.products.booklet.command:command", "The program booklet."),
    "import": (
        "printkit.importers.cli:command",
        "Convert pretalx/frab/Sessionize/GOSIM/Indico exports; pretix orders.",
    ),
    "check": ("printkit.check:command", "Preflight any PDF: boxes, fonts, colour, images, QR."),
    "preview": ("printkit.preview:command", "Render PDF pages to PNG."),
}
PRODUCTS = ("badges", "signs", "cards", "booklet")
READ_ONLY = (
    "validate",
    "check",
    "preview",
    "layouts",
)  # commands whose errors need no "nothing written"


class LazyGroup(click.Group):
    """A click group whose product commands are imported on first use."""

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY))

    def get_command(self, ctx, name):
        if name in self.commands:
            return self.commands[name]
        if name not in LAZY:
            return None
        module, attr = LAZY[name][0].split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as e:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            help_text, reason = LAZY[name][1], str(e)

            @click.command(name, help=f"{help_text} (not available: {reason})")
            def unavailable(**_):
                raise PrintkitError(f"'printkit {name}' is not available in this build: {reason}")

            return unavailable

    def invoke(self, ctx):
        """Run the command; user errors become messages and exit 1, bugs exit 3."""
        debug = "--debug" in sys.argv[1:]
        try:
            return super().invoke(ctx)
        except PrintkitError as e:
            if debug or (ctx.obj or {}).get("debug"):
                raise
            for p in e.problems + e.warnings:
                click.echo(str(p), err=True)
            n = len(e.problems)
            writes = ctx.invoked_subcommand not in READ_ONLY
            tail = "; nothing written." if writes else "."
            click.echo(f"{n} error{'s' if n != 1 else ''}{tail}", err=True)
            ctx.exit(1)
        except OSError as e:  # the file system said no: a user's environment, not a bug
            if debug or (ctx.obj or {}).get("debug") or e.errno is None:
                raise
            where = e.filename or ""
            click.echo(f"{where}: cannot write: {e.strerror}" if where else str(e), err=True)
            ctx.exit(1)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted; nothing written.", err=True)
            ctx.exit(130)
        except Exception as e:
            if debug or (ctx.obj or {}).get("debug"):
                raise
            click.echo(f"printkit: internal error: {type(e).__name__}: {e}", err=True)
            click.echo(
                "This is a bug in printkit; run again with --debug for the traceback.", err=True
            )
            ctx.exit(3)

    def format_commands(self, ctx, formatter):
        rows = []
        for name in self.list_commands(ctx):
            if name in LAZY:
                rows.append((name, LAZY[name][1]))
            else:
                rows.append((name, self.commands[name].get_short_help_str(60)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="printkit")
@click.option("--debug", is_flag=True, help="Show a traceback for any failure.")
@click.pass_context
def cli(ctx, debug):
    """printkit: conference data → print-ready PDFs.

    EVENT is an event YAML file or directory (see docs/data-format.md). Without
    it, ./event.yaml or ./event/ is used, else the bundled sample event.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@cli.command(short_help="Check EVENT and print a one-screen summary.")
@event_argument
@strict_option
@click.option("--attendees", metavar="CSV", help="Also check an attendee CSV.")
@attendee_columns_options
def validate(event, strict, attendees, columns, maps):
    """Check EVENT (and an attendee CSV) and print a one-screen summary."""
    problems = Problems()
    path = resolve_event_path(event)
    ev = people = None
    with contextlib.suppress(PrintkitError):  # problems stay in `problems`: report all together
        ev = load_event(path, problems)
    if attendees:
        try:
            people = load_attendees(attendees, problems, column_map(columns, maps))
        except PrintkitError as e:
            problems.extend(e.problems)
    problems.raise_if_errors(strict=strict)
    report(problems)
    click.echo(summary(ev, problems, people))


def summary(ev, problems: Problems, attendees=None) -> str:
    """An Event → the lines `printkit validate` prints."""
    kinds = Counter(s.type for s in ev.sessions)
    by_kind = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda x: -x[1]))
    days = ev.days
    lines = [
        f"{ev.name} ({ev.id})",
        f"  dates     {ev.start:%a %d %b %Y} – {ev.end:%a %d %b %Y}, {ev.timezone}",
    ]
    if ev.venue.name:
        place = ", ".join(x for x in (ev.venue.name, ev.venue.city, ev.venue.country) if x)
        lines.append(f"  venue     {place}")
    for d in days:
        n = sum(1 for s in ev.sessions if s.day == d)
        lines.append(f"  {d:%a %d %b}  {n} sessions")
    lines += [
        f"  sessions  {len(ev.sessions)} ({by_kind})" if ev.sessions else "  sessions  0",
        f"  speakers  {len(ev.speakers)}",
        f"  tracks    {len(ev.tracks)}"
        + (f": {', '.join(t.name for t in ev.tracks)}" if ev.tracks else ""),
        f"  rooms     {len(ev.rooms)}",
    ]
    if attendees is not None:
        roles = Counter(a.role for a in attendees)
        detail = ", ".join(f"{n} {k}" for k, n in sorted(roles.items(), key=lambda x: -x[1]))
        lines.append(f"  attendees {len(attendees)} ({detail})")
    lines += [
        f"  warnings  {len(problems.warnings)}",
        "OK",
    ]
    return "\n".join(lines)


@cli.command(short_help="Write a starter event directory to edit.")
@click.argument("directory", required=False, default="event", metavar="[DIR]")
@click.option("--force", is_flag=True, help="Overwrite files in an existing directory.")
def init(directory, force):
    """Write a starter event directory (a copy of the sample) to edit."""
    target = Path(directory)
    if target.exists() and not target.is_dir():
        raise PrintkitError(f"{target}: exists and is not a directory")
    if target.exists() and any(target.iterdir()) and not force:
        raise PrintkitError(f"{target}: directory exists and is not empty (use --force)")
    try:
        target.mkdir(parents=True, exist_ok=True)
        for f in sorted(sample_event_dir().iterdir()):
            if f.is_file():
                shutil.copy2(f, target / f.name)
    except OSError as e:
        raise PrintkitError(f"{target}: cannot write: {e.strerror or e}") from None
    click.echo(
        f"Wrote a starter event to {target}/ — edit it, then run: printkit validate {target}"
    )


LAYOUT_KINDS = ("badges", "signs", "cards", "booklet", "sheets")


@cli.command(short_help="List the bundled layouts, or print one to copy.")
@click.argument("kind", required=False, type=click.Choice(LAYOUT_KINDS))
@click.argument("name", required=False)
def layouts(kind, name):
    """List bundled layouts (of KIND), or print layout NAME of KIND as YAML.

    To make your own: printkit layouts badges a6 > my-badge.yaml, edit it,
    then printkit badges --layout my-badge.yaml.
    """
    from printkit.layout import find_layout, layout_names

    if name:
        if not kind:
            raise click.UsageError("give the KIND before the NAME, e.g. printkit layouts badges a6")
        click.echo(find_layout(name, kind).read_text(encoding="utf-8"), nl=False)
        return
    for k in [kind] if kind else LAYOUT_KINDS:
        click.echo(f"{k:8}  {', '.join(layout_names(k))}")


@cli.command("all")
@event_argument
@output_option("all four PDFs")
@target_option("shop")
@click.option("--attendees", metavar="CSV", help="Attendee CSV for the badges.")
@click.option("--offline", is_flag=True, envvar="PRINTKIT_OFFLINE", help="Do not fetch photos.")
@attendee_columns_options
@jobs_option
def all_products(event, output, target, attendees, offline, columns, maps, jobs):
    """Render badges, signs, cards and the booklet into one folder."""
    from printkit.products.badges.command import default_attendees

    problems = Problems()
    event_path = resolve_event_path(event)
    attendees = attendees or default_attendees(event_path)
    ev = load(event_path, problems, jobs=jobs_value(jobs))
    folder = output_folder(output)
    from printkit.press.images import PhotoStore

    photos = PhotoStore(problems=problems, offline=offline)  # fetched and decoded once for all four
    lines = []
    # The four PDFs are made in a temporary folder and moved into place only when all
    # four are done: a failure in any leaves nothing behind.
    near = folder.parent if folder.parent.is_dir() else None
    stage = Path(tempfile.mkdtemp(prefix=".printkit-all-", dir=near))
    try:
        try:
            for name in PRODUCTS:
                module = importlib.import_module(f"printkit.products.{name}.command")
                opts = {"target": target, "offline": offline, "jobs": jobs_value(jobs)}
                if name != "cards":
                    opts["photos"] = photos
                if name == "badges" and attendees:
                    opts["attendees"] = attendees
                    opts["columns"] = column_map(columns, maps)
                line = module.build(ev, stage / f"{name}.pdf", problems=problems, **opts)
                lines.append(line.replace(str(stage / name), str(folder / name)))
        finally:
            report(problems)
        problems.raise_if_errors()
        folder.mkdir(parents=True, exist_ok=True)
        for name in PRODUCTS:
            shutil.move(stage / f"{name}.pdf", folder / f"{name}.pdf")
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    click.echo("\n".join(lines))


def _terminate(signum, frame):
    raise KeyboardInterrupt  # unwinds like Ctrl-C: temp files removed, nothing half-written


def main(argv=None) -> None:
    """Entry point for the console script and `python -m printkit`."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli.main(args=argv, prog_name="printkit")
    except BrokenPipeError:  # `printkit validate | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
