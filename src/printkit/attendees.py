"""Attendee CSV (UTF-8, BOM accepted, header row) → Attendee objects + problems with file:line."""

from __future__ import annotations

import csv
import difflib
import io
import re
from pathlib import Path

from printkit.attendee_columns import ColumnMap, record, resolve
from printkit.errors import PrintkitError, Problems, quote
from printkit.model import ATTENDEE_ROLES, Attendee, Src
from printkit.yamlsafe import read_text

# A QR payload is an http(s) link or plain text (a ticket code). Anything that starts
# like another scheme (intent:, tel:, sms:, mailto:, WIFI:, javascript:) is refused: a
# phone would act on it instead of showing it (docs/data-format.md, Attendees).
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
COLUMNS = ("name", "organization", "role", "pronouns", "id", "email", "qr")


def load_attendees(
    path: Path | str, problems: Problems, columns: ColumnMap | None = None
) -> tuple[Attendee, ...]:
    """Read an attendee CSV. Raise PrintkitError listing every error; warnings go to problems.

    `columns` reads another system's export (`--columns` preset or `--map`) instead of our header.
    """
    path = Path(path)
    local = Problems()
    text = read_text(path, local)
    if text is None:
        raise PrintkitError(local.errors)
    if not text.strip():
        raise PrintkitError([_p(local, "the file is empty", path)])
    file = str(path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as e:
        raise PrintkitError(f"{file}:1: not a CSV file ({e})") from None
    names = [h.strip().lower() for h in header]
    index = resolve(columns, header, file, local) if columns else None
    if local.errors:
        raise PrintkitError(local.errors)
    if index is None and "name" not in names:
        hint = difflib.get_close_matches("name", names, n=1)
        tip = f"; did you mean '{hint[0]}'?" if hint else ""
        local.error(
            f"the header has no 'name' column{tip} (columns: {', '.join(COLUMNS)}; another "
            'system\'s export: --columns eventbrite|tito|pretix-csv, or --map name="Column")',
            file,
            1,
        )
        raise PrintkitError(local.errors)
    dupes = sorted({h for h in names if h and names.count(h) > 1})
    if dupes and index is None:
        local.error(
            f"column{'s' if len(dupes) > 1 else ''} named twice: {', '.join(dupes)}", file, 1
        )
        raise PrintkitError(local.errors)
    unknown = [h for h in names if h and h not in COLUMNS]
    if unknown and index is None:
        local.warn(
            f"ignored unknown column{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}",
            file,
            1,
        )
    out = []
    seen_ids: dict[str, int] = {}
    shared: dict[str, str] = {}  # one copy of each repeated value (organization, role, ...)
    one = lambda v: shared.setdefault(v, v) if v else None  # noqa: E731
    line = 1  # the last line read: a broken record starts on the next one
    try:
        for row in reader:
            first, line = line + 1, reader.line_num  # a record may span lines: name its first
            if not any(c.strip() for c in row):
                continue
            if index is not None:
                rec = record(index, row)
            else:
                rec = {names[i]: c.strip() for i, c in enumerate(row) if i < len(names)}
            name = rec.get("name", "")
            if not name:
                local.error("required field is missing", file, first, "name")
                continue
            ident = rec.get("id") or None
            if ident:
                if ident in seen_ids:
                    local.error(
                        f"duplicate ticket id '{ident}' (first on line {seen_ids[ident]})",
                        file,
                        first,
                        "id",
                    )
                    continue
                seen_ids[ident] = first
            qr = rec.get("qr") or None
            scheme = _SCHEME.match(qr or "")
            if scheme and scheme.group(1).lower() not in ("http", "https"):
                local.error(
                    f"QR payload {quote(qr, 40)} is a {scheme.group(1)}: link; only http(s) "
                    "links (or plain text such as a ticket code) are encoded",
                    file,
                    first,
                    "qr",
                )
                continue
            role = (rec.get("role") or "attendee").lower()
            if role not in ATTENDEE_ROLES:
                hint = difflib.get_close_matches(role, ATTENDEE_ROLES, n=1)
                tip = f"did you mean '{hint[0]}'? " if hint else ""
                local.error(
                    f"unknown role '{role}'; {tip}one of {', '.join(ATTENDEE_ROLES)}",
                    file,
                    first,
                    "role",
                )
                continue
            out.append(
                Attendee(
                    name=name,
                    organization=one(rec.get("organization")),
                    role=one(role),
                    pronouns=one(rec.get("pronouns")),
                    id=ident,
                    email=rec.get("email") or None,
                    qr=rec.get("qr") or None,
                    src=Src(file, first),
                )
            )
    except csv.Error as e:
        start = line + 1
        if "end of data" in str(e) or "EOF" in str(e):
            msg = 'a quoted field (starting with ") is never closed; the rest of the file is one field'
        else:
            msg = f"CSV syntax: {e}"
        local.error(msg, file, start)
    problems.extend(local.warnings)
    if local.errors:
        raise PrintkitError(local.errors)
    return tuple(out)


def _p(problems: Problems, msg: str, path: Path):
    problems.error(msg, path)
    return problems.items[-1]
