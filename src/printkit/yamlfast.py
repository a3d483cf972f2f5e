"""YAML text → LineDict/LineList data in one pass over libyaml's event stream (no node tree).

What `yamlsafe`'s constructor would build from libyaml's composed nodes,
built straight from the parser's events: the same values, lines, raw texts,
duplicate keys (same order: each key before what its value holds) and node
count. Whatever it does not build the same way raises `Fallback`, and the
caller takes the node path instead: an anchor or alias, an explicit tag, a
second document, a collection as a key, a lone surrogate, a plain scalar
holding '?' inside a flow collection (PyYAML ends it there), nesting deeper
than MAX_DEPTH, any error.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from printkit.yamllines import LineDict, LineList

STR = "tag:yaml.org,2002:str"
# Deeper nesting goes to the node path: its recursive constructor and checks decide
# (deep enough, they report "nesting too deep"), so the result is the same either way.
MAX_DEPTH = 100
_SURROGATE = re.compile("[\ud800-\udfff]")
_NO_KEY = object()


class Fallback(Exception):
    """Not built here: the node path decides."""


def build(
    text: str,
    resolve: Callable[[str], str],
    may_resolve: frozenset[str] | None,
    construct: Callable[[str, object], object],
) -> tuple[object, list[tuple[str, int, int]], int]:
    """(data, duplicates as (key, line, first line), node count) of a one-document text.

    `resolve(plain scalar) → tag`, called only for scalars whose first character
    (or '' when empty) is in `may_resolve` (None: all); others are str.
    `construct(tag, scalar node) → value` for tags other than str. Raises
    `Fallback` (or the parser's error).
    """
    parser = yaml.cyaml.CParser(text)
    try:
        return _events_to_data(parser.get_event, text, resolve, may_resolve, construct)
    finally:
        parser.dispose()


def _events_to_data(get, text, resolve, may_resolve, construct):  # noqa: C901, PLR0912 - one tight loop
    scalar_event = yaml.ScalarEvent
    map_start, map_end = yaml.MappingStartEvent, yaml.MappingEndEvent
    seq_start, seq_end = yaml.SequenceStartEvent, yaml.SequenceEndEvent
    scalar_node = yaml.ScalarNode
    # libyaml refuses a text holding a surrogate (it cannot be UTF-8 encoded), so a
    # lone surrogate can only come from an escape
    surrogates = "\\u" in text or "\\U" in text
    duplicates: list[tuple[str, int, int]] = []
    resolved: dict[str, str] = {}
    if get().__class__ is not yaml.StreamStartEvent:
        raise Fallback
    event = get()
    if event.__class__ is yaml.StreamEndEvent:
        return None, duplicates, 0
    if event.__class__ is not yaml.DocumentStartEvent:
        raise Fallback
    # The open collection's state is in locals (`into`, `is_map`, `at_lines`, `at_raw`,
    # `key`, `key_line`, `in_flow`); each enclosing one's is saved on `stack`.
    stack: list[tuple] = []
    into = None  # the open collection (None: the document's root comes next)
    is_map = False
    at_lines = at_raw = None
    key, key_line = _NO_KEY, 0
    in_flow = False
    root = None
    count = 0
    while True:
        event = get()
        cls = event.__class__
        if cls is scalar_event:
            if event.anchor is not None or event.tag is not None:
                raise Fallback
            count += 1
            value = event.value
            if surrogates and _SURROGATE.search(value):
                raise Fallback
            line = event.start_mark.line + 1
            obj = value
            if event.implicit[0]:
                if in_flow and "?" in value and not event.style:
                    raise Fallback
                if may_resolve is None or value[:1] in may_resolve:
                    tag = resolved.get(value)
                    if tag is None:
                        tag = resolve(value)
                        if len(value) < 40:  # keys and short values repeat
                            resolved[value] = tag
                    if tag != STR:
                        node = scalar_node(
                            tag, value, event.start_mark, event.end_mark, event.style
                        )
                        obj = construct(tag, node)
            # attach the scalar to the open collection
            if is_map:
                if key is _NO_KEY:  # obj is the next key
                    if obj in at_lines and at_lines[obj] != line:
                        duplicates.append((str(obj), line, at_lines[obj]))
                    key, key_line = obj, line
                else:  # obj is the value of `key`
                    into[key] = obj
                    at_lines[key] = key_line
                    at_raw[key] = value
                    key = _NO_KEY
            elif into is not None:
                into.append(obj)
                at_lines.append(line)
                at_raw.append(value)
            else:
                root = obj
                break  # a scalar document
        elif cls is map_start or cls is seq_start:
            if event.anchor is not None or event.tag is not None:
                raise Fallback
            count += 1
            line = event.start_mark.line + 1
            if cls is map_start:
                obj = LineDict()
                obj.line = line
                lines = obj.key_lines = {}
                raws = obj.raw = {}
            else:
                obj = LineList()
                obj.line = line
                lines = obj.item_lines = []
                raws = obj.raw = []
            # attach the collection to the open one, then open it
            if is_map:
                if key is _NO_KEY:
                    raise Fallback  # a collection as a key: unhashable, the node path words it
                into[key] = obj
                at_lines[key] = key_line
                key = _NO_KEY
            elif into is not None:
                into.append(obj)
                at_lines.append(line)
                at_raw.append(None)
            else:
                root = obj
            if len(stack) >= MAX_DEPTH:
                raise Fallback
            stack.append((into, is_map, at_lines, at_raw, key, key_line, in_flow))
            into, is_map, at_lines, at_raw = obj, cls is map_start, lines, raws
            key, key_line = _NO_KEY, 0
            in_flow = in_flow or bool(event.flow_style)
        elif cls is map_end or cls is seq_end:
            into, is_map, at_lines, at_raw, key, key_line, in_flow = stack.pop()
            if not stack:
                break
        else:  # an alias, or anything unexpected
            raise Fallback
    if get().__class__ is not yaml.DocumentEndEvent or get().__class__ is not yaml.StreamEndEvent:
        raise Fallback  # a second document: the node path reports it
    return root, duplicates, count
