"""An EVENT argument (a file or a directory) → its YAML files, parsed → entries per section.

The first stage: which files make up an event (`event.yaml` plus `tracks`,
`rooms`, `speakers`, `sessions` beside it), each parsed by `yamlsafe` into
nodes that remember their lines, then sorted into
`{section: [(file, container, value)]}` with the spec's shape rules.
"""

from __future__ import annotations

import difflib
from datetime import datetime
from pathlib import Path

from printkit.errors import Problems
from printkit.load.reader import _kind
from printkit.yamlsafe import load_yaml

SECTIONS = ("event", "tracks", "rooms", "speakers", "sessions")


def find_event_files(path: Path, problems: Problems) -> list[tuple[Path, object]]:
    """An EVENT argument → [(file, parsed data)] for the single-file or directory form."""
    if path.is_dir():
        main = path / "event.yaml"
        if not main.exists():
            alt = path / "event.yml"
            main = alt if alt.exists() else main
        if not main.exists():
            problems.error("no event.yaml in this directory", path)
            return []
        files = [main]
        for name in SECTIONS[1:]:
            for ext in ("yaml", "yml"):
                f = path / f"{name}.{ext}"
                if f.exists():
                    files.append(f)
                    break
        return [(f, load_yaml(f, problems)) for f in files]
    if not path.exists():
        problems.error("no such file or directory", path)
        return []
    return [(path, load_yaml(path, problems))]


def _collect(path: Path, problems: Problems) -> dict[str, list[tuple[str, object, object]]]:
    """Parsed files → {section: [(file, container, value)]} with the spec's shape rules."""
    found: dict[str, list] = {k: [] for k in SECTIONS}
    for f, data in find_event_files(path, problems):
        name = str(f)
        stem = f.stem if f.stem in SECTIONS[1:] else None
        if data is None:
            if stem and not any(p.file == name and p.is_error for p in problems.items):
                problems.warn(f"no {stem} in this file", name)
            continue
        if stem and isinstance(data, list):
            found[stem].append((name, None, data))
            continue
        if stem and isinstance(data, dict) and stem not in data:
            keys = ", ".join(str(k) for k in data)
            found_what = f"found the keys: {keys}" if keys else "found an empty mapping ({})"
            problems.error(
                f"expected a list of {stem} under '{stem}:' (or a bare list), {found_what}",
                name,
                data.line,
            )
            continue
        if stem and not isinstance(data, dict):
            problems.error(
                f"expected a list of {stem} under '{stem}:' (or a bare list), got {_kind(data)}",
                name,
                getattr(data, "line", 1),
            )
            continue
        if not isinstance(data, dict):
            problems.error(
                f"expected a mapping with the keys {', '.join(SECTIONS)}, got {_kind(data)}",
                name,
                getattr(data, "line", 1),
            )
            continue
        for key in data:
            if key in SECTIONS:
                found[key].append((name, data, data[key]))
            else:
                hint = difflib.get_close_matches(str(key), SECTIONS, n=1, cutoff=0.6)
                tip = f"; did you mean '{hint[0]}'?" if hint else ""
                problems.warn(f"unknown top-level key{tip}", name, data.line_of(key), str(key))
    return found


def _modified(path: Path) -> datetime | None:
    files = [p for p in path.iterdir() if p.is_file()] if path.is_dir() else [path]
    try:
        return datetime.fromtimestamp(max(p.stat().st_mtime for p in files))
    except (ValueError, OSError):
        return None
