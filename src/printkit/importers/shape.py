"""Decoded JSON + the shape an importer reads → the same data with checked types, or one error per misfit.

Each JSON importer declares the fields it reads (a nested spec of dicts,
one-item lists, `Map`, `Either` and the leaf kinds below) and conforms the
document once, before reading it; after that its code can trust every type.
A null counts as absent everywhere (a null list item is left out); a number where text is expected becomes
its text (ids and versions are often numbers); any other misfit is an error
naming its JSON path (`sessions[3].title: expected text, found a list`).
Keys the spec does not name are left as they are: the importer never reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from printkit.errors import PrintkitError, Problem

MAX_SHOWN = 20
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Leaf:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


TEXT = _Leaf("text")  # a string; a number becomes its text
SCALAR = _Leaf("a single value")  # a string, number or true/false (ids, flags)
ANY = _Leaf("anything")  # only counted or dropped, never read


@dataclass(frozen=True)
class Map:
    """A JSON object with free keys, every value of one shape (`{room name: [events]}`)."""

    value: object


@dataclass(frozen=True)
class Either:
    """The first of several shapes the value fits (a speaker reference: an id or an object)."""

    options: tuple


def kind(value) -> str:
    """A JSON value → the words for its type in a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def conform(doc, spec, source_name: str):
    """`doc` checked against `spec` → the conformed document; a PrintkitError listing every misfit."""
    errors: list[tuple[str, str]] = []
    out = _walk(doc, spec, "", errors)
    if errors:
        shown = [Problem(msg, source_name, None, path or None) for path, msg in errors[:MAX_SHOWN]]
        if len(errors) > MAX_SHOWN:
            shown.append(Problem(f"… and {len(errors) - MAX_SHOWN} more", source_name))
        raise PrintkitError(shown)
    return out


def _walk(value, spec, path: str, errors: list):
    if value is None or spec is ANY:
        return value
    if isinstance(value, str) and _SURROGATE.search(value):
        errors.append((path, "holds a lone surrogate (a \\uD800-style escape), not a character"))
        return None
    if spec is TEXT:
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        errors.append((path, f"expected text, found {kind(value)}"))
        return None
    if spec is SCALAR:
        if isinstance(value, (str, int, float, bool)):
            return value
        errors.append((path, f"expected a single value, found {kind(value)}"))
        return None
    if isinstance(spec, Either):
        for option in spec.options:
            trial: list = []
            out = _walk(value, option, path, trial)
            if not trial:
                return out
        errors.append((path, f"expected {_describe(spec)}, found {kind(value)}"))
        return None
    if isinstance(spec, list):
        if not isinstance(value, list):
            errors.append((path, f"expected a list, found {kind(value)}"))
            return None
        items = [_walk(item, spec[0], f"{path}[{i}]", errors) for i, item in enumerate(value)]
        return [item for item in items if item is not None]
    if isinstance(spec, Map):
        if not isinstance(value, dict):
            errors.append((path, f"expected an object, found {kind(value)}"))
            return None
        return {k: _walk(v, spec.value, _join(path, k), errors) for k, v in value.items()}
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            errors.append((path, f"expected an object, found {kind(value)}"))
            return None
        out = dict(value)
        for key, sub in spec.items():
            if key in out:
                out[key] = _walk(out[key], sub, _join(path, key), errors)
        return out
    raise TypeError(f"bad shape spec at {path or 'top'}: {spec!r}")  # a bug in an importer


def _describe(spec) -> str:
    if isinstance(spec, Either):
        return " or ".join(_describe(o) for o in spec.options)
    if isinstance(spec, (dict, Map)):
        return "an object"
    if isinstance(spec, list):
        return "a list"
    return repr(spec)


def _join(path: str, key) -> str:
    key = str(key)
    if len(key) > 40:
        key = key[:39] + "…"
    return f"{path}.{key}" if path else key
