"""Attendee CSVs of other ticket systems → printkit's attendee columns: presets and `--map field="Column"`.

A preset names, for each of our fields, the columns the system's own export
writes (from its documentation), with alternatives where the export differs
by setting (a full-name column, else first and last name). Several columns
for one field are joined: names with a space, a ticket id's parts with "-".
"""

from __future__ import annotations

from dataclasses import dataclass

from printkit.errors import PrintkitError, Problems

FIELDS = ("name", "organization", "role", "pronouns", "id", "email", "qr")
_JOIN = {"id": "-"}

# Eventbrite: Reporting → Attendee summary (CSV). Tito: Attendees → Export (tickets CSV).
# pretix: Orders → Export → "Order data", the order positions table (CSV).
PRESETS: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {
    "eventbrite": {
        "name": (("First Name", "Last Name"),),
        "organization": (("Company",),),
        "id": (("Attendee #",),),
        "qr": (("Barcode #",),),
        "email": (("Email",),),
    },
    "tito": {
        "name": (("Ticket Full Name",), ("Ticket First Name", "Ticket Last Name")),
        "organization": (("Ticket Company Name",),),
        "id": (("Ticket Reference",),),
        "email": (("Ticket Email",),),
    },
    "pretix-csv": {
        "name": (("Attendee name",), ("Attendee name: Given name", "Attendee name: Family name")),
        "organization": (("Company",),),
        "id": (("Order code", "Position ID"),),
        "qr": (("Ticket secret",),),
        "email": (("Attendee email",),),
    },
}


@dataclass(frozen=True)
class ColumnMap:
    """Which source columns fill which of our fields; `label` names it in messages."""

    label: str
    fields: dict[str, tuple[tuple[str, ...], ...]]
    custom: frozenset[str] = frozenset()  # fields given by --map: their columns must exist


def column_map(preset: str | None, maps=()) -> ColumnMap | None:
    """`--columns PRESET` and `--map field="Column"` (repeatable; a field given twice joins) → a map."""
    if not preset and not maps:
        return None
    if preset and preset not in PRESETS:
        raise PrintkitError(f"--columns {preset!r}: one of {', '.join(PRESETS)}")
    fields = dict(PRESETS.get(preset or "", {}))
    custom: dict[str, list[str]] = {}
    for item in maps:
        field, sep, column = item.partition("=")
        field, column = field.strip().lower(), column.strip().strip('"').strip()
        if not sep or not column:
            raise PrintkitError(f'--map {item!r}: write field="Column name"')
        if field not in FIELDS:
            raise PrintkitError(f"--map {item!r}: field one of {', '.join(FIELDS)}")
        custom.setdefault(field, []).append(column)
    fields.update({f: (tuple(cols),) for f, cols in custom.items()})
    if "name" not in fields:
        raise PrintkitError('--map: say which column holds the name, e.g. --map name="Full Name"')
    label = " + ".join(x for x in (preset and f"--columns {preset}", custom and "--map") if x)
    return ColumnMap(label, fields, frozenset(custom))


def resolve(cmap: ColumnMap, header: list[str], file: str, problems: Problems) -> dict[str, tuple]:
    """The CSV header → {field: (column indices, joiner)}; missing columns are errors in `problems`."""
    where = {}
    for i, h in enumerate(header):
        where.setdefault(" ".join(h.split()).casefold(), i)
    out: dict[str, tuple] = {}
    for field, choices in cmap.fields.items():
        found = next((c for c in choices if all(col.casefold() in where for col in c)), None)
        if found is not None:
            out[field] = (tuple(where[col.casefold()] for col in found), _JOIN.get(field, " "))
        elif field == "name" or field in cmap.custom:
            wanted = " or ".join(" + ".join(f"'{c}'" for c in cols) for cols in choices)
            problems.error(f"{cmap.label}: no column {wanted} for {field} in the header", file, 1)
    return out


def record(index: dict[str, tuple], row: list[str]) -> dict[str, str]:
    """One CSV row → our fields, several columns joined."""
    out = {}
    for field, (cols, joiner) in index.items():
        parts = [row[i].strip() for i in cols if i < len(row) and row[i].strip()]
        out[field] = joiner.join(parts)
    return out
