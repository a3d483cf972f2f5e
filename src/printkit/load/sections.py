"""Section entries from every file → (reader, mapping, path) per item; unique ids.

Also the rule the `{id, name, ...}` sections (tracks, rooms, speakers) share:
unknown keys warn, id and name are required, ids are unique across files.
"""

from __future__ import annotations

from printkit.errors import Problems
from printkit.load.reader import _kind, _Reader
from printkit.yamlsafe import LineDict


def _section_items(entries, key: str, problems: Problems):
    """Yield (reader, item, path) over every file's list for a section."""
    index = 0
    for file, container, value in entries:
        r = _Reader(file, problems)
        if value is None:
            continue
        if not isinstance(value, list):
            line = container.line_of(key) if isinstance(container, LineDict) else None
            problems.error(f"expected a list of {key}, got {_kind(value)}", file, line, key)
            continue
        for i, item in enumerate(value):
            path = f"{key}[{index}]"
            index += 1
            if not isinstance(item, dict):
                problems.error(
                    f"expected a mapping, got {_kind(item)}", file, value.line_of(i), path
                )
                continue
            yield r, item, path


def _unique(r: _Reader, d, path, ident, seen: dict, what: str) -> bool:
    if ident is None:
        return False
    if ident in seen:
        r.err(
            d, "id", f"{path}.id", f"duplicate {what} id '{ident}' (first defined at {seen[ident]})"
        )
        return False
    seen[ident] = f"{r.file}:{d.line_of('id')}"
    return True


def _named_section(entries, problems, key: str, known: list[str], what: str, build) -> tuple:
    """Read a list of {id, name, ...} entries: unknown keys, required id and name, unique ids.

    `build(r, d, path, ident, name, count)` makes the object from one entry;
    entries with errors are left out (their problems are recorded).
    """
    out, seen = [], {}
    for r, d, path in _section_items(entries, key, problems):
        r.unknown(d, known, path)
        ident = r.ident(d, "id", path)
        name = r.text(d, "name", path, required=True)
        obj = build(r, d, path, ident or "", name or "", len(out))
        if _unique(r, d, path, ident, seen, what) and name:
            out.append(obj)
    return tuple(out)
