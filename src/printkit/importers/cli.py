"""`printkit import FORMAT SOURCE` → an event directory in our format, and a summary of the import."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import click

from printkit.errors import PrintkitError, Problem, Problems
from printkit.importers import (
    frab_xml,
    gosim,
    indico,
    pretix,
    schedule_json,
    sessionize,
    speaker_page,
)
from printkit.importers.build import Report
from printkit.importers.common import slugify
from printkit.importers.detect import FORMATS, decode_json, detect
from printkit.importers.merge import merge, place_roomless
from printkit.importers.options import ImportOptions
from printkit.importers.pretix_run import run_pretix
from printkit.importers.source import is_url, read_source
from printkit.importers.writer import read_dir, update_dir, write_dir

_JSON = {"schedule-json": schedule_json, "sessionize": sessionize, "gosim": gosim, "indico": indico}
INDICO_TOKEN = "INDICO_TOKEN"


def secret_headers(fmt: str, source: str) -> dict[str, str]:
    """The Indico API token (from INDICO_TOKEN) as a header for a URL source; never stored."""
    token = os.environ.get(INDICO_TOKEN, "").strip()
    if fmt in ("indico", "auto") and token and is_url(source):
        return {"Authorization": f"Bearer {token}"}
    return {}


def import_data(fmt: str, data: bytes, options: ImportOptions, report: Report) -> dict:
    """Source bytes in a named format (or `auto`) → event data dict."""
    if fmt == "auto":
        fmt = detect(data, options.source_name)
        report.note(f"detected format: {fmt}")
    if fmt == "frab-xml":
        return frab_xml.parse(data, options, report)
    if fmt == "speaker-page":
        return speaker_page.parse(data, options, report)
    if fmt in _JSON:
        return _JSON[fmt].parse(decode_json(data, options.source_name), options, report)
    raise PrintkitError(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}, auto")


def run_import(fmt: str, source: str, output: Path | None = None, into: Path | None = None,
               force: bool = False, options: ImportOptions | None = None,
               timeout: float = 30.0, validate: bool = False) -> tuple[Path, dict, Report]:  # fmt: skip
    """Read SOURCE, convert it, write (or merge into) an event directory → (dir, data, report).

    With `validate`, the result is built in a temporary folder and loaded
    with printkit's own loader first; it moves into place only when it
    loads without errors (its warnings go into `report.loaded`).
    """
    options = options or ImportOptions()
    options.source_name = source
    report = Report()
    raw, fetched = read_source(source, timeout=timeout, secret_headers=secret_headers(fmt, source))
    options.fetched_url = fetched
    data = import_data(fmt, raw, options, report)
    report.problems.raise_if_errors()
    check = (lambda folder, shown: _loads(folder, shown, report)) if validate else None
    if into is not None:
        if output is not None:
            raise PrintkitError("use either -o DIR (new directory) or --into DIR (merge), not both")
        old = read_dir(Path(into))
        data = merge(old, data, report)
        target = Path(into)
        if check is not None:
            _check_merge(old, data, target, Path(source).name, check)
        written = update_dir(old, data, target, Path(source).name)
        for name, had_comments in written:
            report.note(
                f"rewrote {name}"
                + (": its comments could not be kept (PyYAML drops them)" if had_comments else "")
            )
        if not written:
            report.note("nothing changed: no file rewritten")
    else:
        place_roomless(data, report)
        target = output if output is not None else Path.cwd() / data["event"]["id"]
        target = Path(target)
        staged = None if check is None else lambda folder: check(folder, target)
        target = write_dir(data, target, force=force, check=staged)
    return target, data, report


def _check_merge(old: dict, data: dict, target: Path, source: str, check) -> None:
    """Try a merge on a copy of the event folder (its YAML files only) and load the copy."""
    with tempfile.TemporaryDirectory(prefix=f".{target.name}.", dir=target.parent) as tmp:
        stage = Path(tmp)
        for item in target.iterdir():
            if item.suffix in (".yaml", ".yml") and item.is_file():
                shutil.copy2(item, stage / item.name)
            elif not (stage / item.name).exists():
                (stage / item.name).symlink_to(item.resolve())  # photos, logo: as they are
        update_dir(old, data, stage, source)
        check(stage, target)


def _loads(folder: Path, shown: Path | None, report: Report) -> None:
    """Load an imported folder with printkit's loader: its errors → a PrintkitError, nothing written.

    Messages name the files as they would be in `shown`, the folder asked for.
    """
    from printkit.load import load_event

    def moved(p: Problem) -> Problem:
        file = p.file
        if file and shown is not None and file.startswith(str(folder)):
            file = str(shown) + file[len(str(folder)) :]
        return replace(p, file=file)

    problems = Problems()
    try:
        load_event(folder, problems)
    except PrintkitError as exc:
        bad = [moved(p) for p in exc.problems]
        bad.append(Problem("the imported event does not load (see above): nothing written"))
        raise PrintkitError(bad) from None
    report.loaded = [moved(p) for p in problems.warnings]


def summary(target: Path, data: dict, report: Report, overlaps: int) -> list[str]:
    """What was imported, kept, guessed and dropped → lines for the terminal."""
    ev = data["event"]
    counts = ", ".join(f"{len(data[k])} {k}" for k in ("sessions", "speakers", "rooms", "tracks"))
    lines = [str(p) for p in report.problems.warnings]
    lines += [
        f"wrote {target}",
        f"  {ev.get('name')} ({ev.get('id')}): {ev.get('start')} … {ev.get('end')}"
        + (f", {ev['timezone']}" if ev.get("timezone") else ""),
        f"  imported: {counts}",
    ]
    if overlaps:
        lines.append(f"  kept: same-room overlaps (as in the source): {overlaps}")
    return lines + report.lines()


def _overlaps(data: dict) -> int:
    by_room: dict = {}
    for s in data["sessions"]:
        if s.get("room") and s.get("type") != "poster":  # posters share their room on purpose
            by_room.setdefault(s["room"], []).append((str(s["start"]), str(s["end"])))
    count = 0
    for items in by_room.values():
        items.sort()
        for i, (_, end) in enumerate(items):
            for start2, _end2 in items[i + 1 :]:
                if start2 >= end:
                    break
                count += 1
    return count


@click.command("import")
@click.argument("fmt", metavar="FORMAT", type=click.Choice([*FORMATS, "pretix", "auto"]))
@click.argument("source")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Directory to write (default ./<event-id>/); for pretix, the CSV file.")  # fmt: skip
@click.option("--into", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Merge into this existing event directory (update by id, else add).")  # fmt: skip
@click.option("--force", is_flag=True, help="Replace a non-empty output directory.")
@click.option("--base-url", help="Resolve relative avatars/photos/links against this URL.")
@click.option("--timezone", help="IANA zone of the times (overrides the source's).")
@click.option("--event-id", help="Event id (slug) to write.")
@click.option("--event-name", help="Event name (Sessionize and GOSIM have none).")
@click.option("--year", type=int, default=2025, show_default=True,
              help="Year for sources without one (GOSIM, speaker pages).")  # fmt: skip
@click.option("--timeout", type=float, default=30.0, show_default=True,
              help="Seconds to wait for a URL.")  # fmt: skip
@click.option("--no-validate", is_flag=True, help="Skip loading the result with the validator.")
@click.option("--role-map", multiple=True, metavar='"ITEM=ROLE"',
              help='pretix: badge role of an item, e.g. "Speaker ticket=speaker" (repeatable).')  # fmt: skip
@click.option("--status", "statuses", default="paid", show_default=True,
              help="pretix: order statuses that get badges, e.g. paid,pending.")  # fmt: skip
@click.option("--unnamed", type=click.Choice(pretix.UNNAMED), default="invoice", show_default=True,
              help="pretix: a position without attendee name takes the invoice name, "
              "or prints 'Guest' (warned), or is skipped.")  # fmt: skip
@click.option("--items", "items_file", metavar="FILE|URL",
              help="pretix: the event's items (GET .../items/) for names and admission.")  # fmt: skip
def command(fmt, source, output, into, force, base_url, timezone, event_id, event_name, year,
            timeout, no_validate, role_map, statuses, unnamed, items_file):  # fmt: skip
    """Convert a schedule export (FORMAT: frab-xml, schedule-json, sessionize, gosim,
    speaker-page, indico or auto) from a file or http(s) URL into an event directory;
    or pretix orders into an attendee CSV (-o people.csv).

    API tokens are read from INDICO_TOKEN and PRETIX_TOKEN, never from the command line."""
    if fmt == "pretix":
        _pretix(source, output, force, timeout, role_map, statuses, unnamed, items_file)
        return
    options = ImportOptions(
        base_url=base_url, timezone=timezone, event_id=event_id, event_name=event_name, year=year
    )
    try:
        if output is not None and output.exists() and not output.is_dir():
            raise PrintkitError(f"{output}: exists and is not a directory")
        if event_id is not None and not slugify(event_id):
            raise PrintkitError(f"--event-id {event_id!r}: needs letters or digits")
        options.event_id = slugify(event_id) if event_id else None
        target, data, report = run_import(
            fmt, source, output, into, force, options, timeout, validate=not no_validate
        )
    except PrintkitError as exc:
        for problem in exc.warnings + exc.problems:
            click.echo(f"error: {problem}" if not problem.file else str(problem), err=True)
        raise SystemExit(1) from None
    for line in summary(target, data, report, _overlaps(data)):
        click.echo(line)
    if not no_validate:
        _said(report.loaded)


def _pretix(source, output, force, timeout, role_map, statuses, unnamed, items_file) -> None:
    """`import pretix`: orders → attendee CSV; problems as `error:` lines and exit status 1."""
    try:
        if output is None:
            raise PrintkitError("pretix writes an attendee CSV: name it with -o people.csv")
        opts = pretix.PretixOptions(statuses=pretix.parse_statuses(statuses),
                                    role_map=pretix.parse_role_map(role_map), unnamed=unnamed)  # fmt: skip
        count, report = run_pretix(source, output, items_file=items_file, opts=opts,
                                   timeout=timeout, force=force)  # fmt: skip
    except PrintkitError as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}" if not problem.file else str(problem), err=True)
        raise SystemExit(1) from None
    click.echo(f"wrote {output}: {count} attendees")
    for line in report.lines():
        click.echo(line)
    click.echo(f"use it with: printkit badges EVENT --attendees {output}")


def _said(warnings: list) -> None:
    """The loader's warnings about the written folder → the first ten, and a count."""
    for problem in warnings[:10]:
        click.echo(str(problem))
    more = f" (first 10 shown of {len(warnings)})" if len(warnings) > 10 else ""
    click.echo(f"validate: ok, {len(warnings)} warnings{more}")
