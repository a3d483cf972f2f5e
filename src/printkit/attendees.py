"""Attendee CSV (UTF-8, BOM accepted, header row) → Attendee objects + problems with file:line.

The valid rows are kept packed, their fields in one UTF-8 buffer (`AttendeeRows`);
an Attendee is made again from its fields each time it is asked for, so 50,000
attendees hold about 4 MB instead of one object graph per person.
"""

from __future__ import annotations

import csv
import difflib
import re
from array import array
from collections.abc import Iterator, Sequence
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
_PACKED = COLUMNS  # the fields AttendeeRows keeps, in this order (read_text refuses NUL)
# One line as io.StringIO(text, newline="") yields it: up to and including \r\n, \r or \n.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def load_attendees(
    path: Path | str, problems: Problems, columns: ColumnMap | None = None
) -> AttendeeRows:
    """Read an attendee CSV. Raise PrintkitError listing every error; warnings go to problems.

    `columns` reads another system's export (`--columns` preset or `--map`) instead of our header.
    """
    path = Path(path)
    local = Problems()
    text = read_text(path, local)
    if text is None:
        raise PrintkitError(local.errors)
    if not text or text.isspace():  # not text.strip(): no copy of a big file
        raise PrintkitError([_p(local, "the file is empty", path)])
    file = str(path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(_lines(text), dialect, strict=True)
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
    packed = bytearray()  # the fields of each valid row, NUL-separated (text has no NUL)
    ends = array("q")  # where each valid row's fields end in `packed`
    firsts = array("q")  # the line each valid row starts on
    seen_ids: dict[str, int] = {}
    fields = _Fields(names, index)
    line = 1  # the last line read: a broken record starts on the next one
    try:
        for row in reader:
            first, line = line + 1, reader.line_num  # a record may span lines: name its first
            if not any(c.strip() for c in row):
                continue
            rec = fields(row)
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
            packed += "\0".join(rec.get(f) or "" for f in _PACKED).encode("utf-8", "surrogatepass")
            ends.append(len(packed))
            firsts.append(first)
    except csv.Error as e:
        if "end of data" in str(e) or "EOF" in str(e):
            msg = 'a quoted field (starting with ") is never closed; the rest of the file is one field'
        else:
            msg = f"CSV syntax: {e}"
        local.error(msg, file, line + 1)
    problems.extend(local.warnings)
    if local.errors:
        raise PrintkitError(local.errors)
    return AttendeeRows(bytes(packed), ends, firsts, file)


class AttendeeRows(Sequence[Attendee]):
    """The valid rows of an attendee CSV; each Attendee is made from its packed fields when asked for.

    Holds one buffer of NUL-separated fields, an offset and a line number per
    row (about 80 bytes a person) instead of the objects. The Attendees made
    are short-lived (one badge at a time), so their values are not shared.
    """

    def __init__(self, packed: bytes, ends: array, firsts: array, file: str):
        self._packed, self._ends, self._firsts, self._file = packed, ends, firsts, file

    def __len__(self) -> int:
        return len(self._firsts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = range(len(self._firsts))[i]  # negative indices; IndexError past the end
        start = self._ends[i - 1] if i else 0
        text = self._packed[start : self._ends[i]].decode("utf-8", "surrogatepass")
        name, organization, role, pronouns, ident, email, qr = text.split("\0")
        return Attendee(
            name=name,
            organization=organization or None,
            role=role.lower() or "attendee",
            pronouns=pronouns or None,
            id=ident or None,
            email=email or None,
            qr=qr or None,
            src=Src(self._file, self._firsts[i]),
        )

    def __iter__(self) -> Iterator[Attendee]:
        for i in range(len(self._firsts)):
            yield self[i]


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` for csv.reader, as io.StringIO(text, newline="") gives them, without
    StringIO's copy of the whole text (4 bytes a character: 13 MB for 50,000 attendees)."""
    return (m.group() for m in _LINE.finditer(text))


class _Fields:
    """One CSV row → our fields: by the header's names, or through a column map's index."""

    def __init__(self, names: list[str], index: dict[str, tuple] | None):
        self.names, self.index = names, index

    def __call__(self, row: list[str]) -> dict[str, str]:
        if self.index is not None:
            return record(self.index, row)
        names = self.names
        return {names[i]: c.strip() for i, c in enumerate(row) if i < len(names)}


def _p(problems: Problems, msg: str, path: Path):
    problems.error(msg, path)
    return problems.items[-1]
