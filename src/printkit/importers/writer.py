"""Event data dict → an event directory (event.yaml + four list files), written atomically.

The directory is built in a temporary sibling and renamed into place, so a
failed import never leaves a half-written event behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import yaml

from printkit.errors import PrintkitError

LIST_FILES = ("tracks", "rooms", "speakers", "sessions")


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes multi-line text as a `|` block (readable abstracts and bios)."""


def _str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data) -> str:
    """Plain data → YAML text (safe dumper; the options of yaml.safe_dump the project uses)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def read_dir(path: Path) -> dict:
    """An event directory → the same plain-data shape the importers produce."""
    out: dict = {"event": {}, **{k: [] for k in LIST_FILES}}
    event_file = path / "event.yaml"
    if not event_file.is_file():
        raise PrintkitError(f"{path}: no event.yaml in this directory")
    data = _load(event_file)
    if isinstance(data, dict):
        out["event"] = data.get("event", data) or {}
        for key in LIST_FILES:  # single-file events may hold the lists too
            if isinstance(data.get(key), list):
                out[key] = list(data[key])
    for key in LIST_FILES:
        f = path / f"{key}.yaml"
        if f.is_file():
            data = _load(f)
            items = data.get(key) if isinstance(data, dict) else data
            out[key] = list(items or [])
    return out


def _load(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PrintkitError(f"{path}: cannot read: {exc}") from None


def write_dir(data: dict, target: Path, force: bool = False, replace: bool = False) -> Path:
    """Event data → `target/` directory; refuses a non-empty target unless force/replace."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise PrintkitError(f"{target}: exists and is not a directory")
    if target.is_dir() and any(target.iterdir()) and not (force or replace):
        raise PrintkitError(f"{target}: directory exists and is not empty (use --force)")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        (tmp / "event.yaml").write_text(dump({"event": data["event"]}), encoding="utf-8")
        for key in LIST_FILES:
            (tmp / f"{key}.yaml").write_text(dump({key: data.get(key) or []}), encoding="utf-8")
        if replace and target.is_dir():
            _copy_other_files(target, tmp)
        os.chmod(tmp, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            old.rmdir()
            target.rename(old)
            tmp.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.rename(target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise PrintkitError(f"{target}: cannot write: {exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _copy_other_files(src: Path, dst: Path) -> None:
    """Keep the files we do not write (photos, assets) when updating a directory."""
    ours = {"event.yaml", *(f"{k}.yaml" for k in LIST_FILES)}
    for item in src.iterdir():
        if item.name in ours:
            continue
        if item.is_dir():
            shutil.copytree(item, dst / item.name, symlinks=True)
        else:
            shutil.copy2(item, dst / item.name, follow_symlinks=False)
