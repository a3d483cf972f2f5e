"""YAML text → plain data whose mappings and lists remember their line numbers.

Safe loading only: tags such as `!!python/object` are refused (never run),
aliases that would expand to an absurd size are refused, and `yes`/`no`/`on`/
`off` stay strings (only `true`/`false` are booleans), so a country code `NO`
is not read as False.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

import yaml

from printkit import yamlfast, yamlsplit
from printkit.errors import Problems
from printkit.yamllines import LineDict, LineList, paused_gc

__all__ = ["LineDict", "LineList", "load_yaml", "load_yaml_text", "paused_gc", "read_text"]

MAX_EXPANDED_NODES = (
    200_000  # nodes aliases may add to a document (its own size is capped in bytes)
)
MAX_FILE_BYTES = 50 * 1024 * 1024


class _Resolver(yaml.resolver.Resolver):
    pass


_NARROWED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


# PyYAML's implicit resolvers, narrowed: only true/false are booleans, integers are
# plain decimals (no octal 0123, hex 0x1F, base-60 1:20 or 1_000) and floats are
# plain decimals (no .nan/.inf), so text stays as written.
_Resolver.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in _NARROWED]
    for k, v in yaml.resolver.Resolver.yaml_implicit_resolvers.copy().items()
}
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)


class _Constructor(yaml.constructor.SafeConstructor):
    """Safe construction into LineDict/LineList; duplicate keys are collected, not merged."""

    def __init__(self):
        yaml.constructor.SafeConstructor.__init__(self)
        self.duplicates: list[tuple[str, int, int]] = []  # (key, line, first line)

    def construct_yaml_map(self, node):
        data = LineDict()
        data.line = node.start_mark.line + 1
        data.key_lines = {}
        data.raw = {}
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "found an unhashable key", key_node.start_mark
                ) from None
            line = key_node.start_mark.line + 1
            if key in data.key_lines and data.key_lines[key] != line:
                self.duplicates.append((str(key), line, data.key_lines[key]))
            data[key] = self.construct_object(value_node, deep=True)
            data.key_lines[key] = line
            if isinstance(value_node, yaml.ScalarNode):
                data.raw[key] = value_node.value

    def construct_yaml_seq(self, node):
        data = LineList()
        data.line = node.start_mark.line + 1
        data.item_lines = [n.start_mark.line + 1 for n in node.value]
        data.raw = [n.value if isinstance(n, yaml.ScalarNode) else None for n in node.value]
        yield data
        data.extend(self.construct_sequence(node, deep=True))


# Where libyaml accepts what PyYAML refuses or reads otherwise, the text goes straight
# to the pure-Python loader: characters PyYAML's reader refuses; a tab outside quotes
# (libyaml takes it as a space); a block scalar header touching a comment (`|#`); the
# bare non-specific tag `!` (libyaml reads an empty value as '' where PyYAML reads null).
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
_BLOCK_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*#")
_BANG_ALONE = re.compile(r"![\s\]},]|!\Z")


def _block_header_comment(text: str) -> bool:
    """`_BLOCK_HEADER_COMMENT.search(text)`, found from each '#' (far rarer than '|' or '>')."""
    if text.count("#") > 10_000:
        return _BLOCK_HEADER_COMMENT.search(text) is not None
    at = text.find("#")
    while at >= 0:
        before = at - 1
        while before >= 0 and text[before] in "-+0123456789":
            before -= 1
        if before >= 0 and text[before] in "|>":
            return True
        at = text.find("#", at + 1)
    return False


# The same test as `_NON_PRINTABLE` on the UTF-8 bytes: control bytes are single
# bytes; U+0080-U+0084 and U+0086-U+009F, surrogates, U+FFFE and U+FFFF have these
# sequences, which no other character's encoding contains.
_PRINTABLE_BYTES = bytes([9, 10, 13, *range(0x20, 0x7F), *range(0x80, 0x100)])
_NON_PRINTABLE_UTF8 = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]|\xed[\xa0-\xbf]|\xef\xbf[\xbe\xbf]")


def _non_printable(text: str) -> bool:
    """`_NON_PRINTABLE.search(text) is not None`, about twice as fast on a big text."""
    data = text.encode("utf-8", "surrogatepass")
    if data.translate(None, _PRINTABLE_BYTES):
        return True
    if text.isascii() or not (b"\xc2" in data or b"\xed" in data or b"\xef\xbf" in data):
        return False
    return _NON_PRINTABLE_UTF8.search(data) is not None


def _read_otherwise(text: str) -> bool:
    """True when libyaml might read the text differently from PyYAML (see above)."""
    if "\t" in text or _block_header_comment(text) or _non_printable(text):
        return True
    return any(
        m.start() == 0 or text[m.start() - 1] in " \t\r\n[{," for m in _BANG_ALONE.finditer(text)
    )


_Constructor.add_constructor("tag:yaml.org,2002:map", _Constructor.construct_yaml_map)
_Constructor.add_constructor("tag:yaml.org,2002:seq", _Constructor.construct_yaml_seq)


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Constructor,
    _Resolver,
):
    """The pure-Python loader: the reference for every value and every message."""

    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


if getattr(yaml, "__with_libyaml__", False):

    class _CLoader(yaml.cyaml.CParser, _Constructor, _Resolver):
        """libyaml's C scanner, parser and composer (same nodes, same line marks)."""

        def __init__(self, stream):
            yaml.cyaml.CParser.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)

else:  # PyYAML built without libyaml: the pure-Python path only
    _CLoader = None


def _expanded_size(node, memo: dict) -> int:
    """Count nodes as they would be after alias expansion, without expanding."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # guards against recursive aliases
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(n, memo) for n in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    memo[key] = size
    return size


MAX_FLOW_DEPTH = 200  # PyYAML's composer recurses: far fewer levels than it can scan
_BRACKETS = re.compile(r"[\[\]{}]")


def too_deep(text: str) -> int | None:
    """The line where `[`/`{` nesting first exceeds MAX_FLOW_DEPTH, else None.

    PyYAML's pure-Python scanner slows down quadratically with the nesting
    depth (100,000 levels: seconds), so such text is refused before parsing.
    Brackets inside quoted strings count too: only hundreds of unmatched
    ones could trip this.
    """
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return None
    depth = 0
    for m in _BRACKETS.finditer(text):
        if m.group() in "[{":
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                return text.count("\n", 0, m.start()) + 1
        elif depth:
            depth -= 1
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(node) -> int | None:
    """The line of the first scalar holding a lone surrogate (a `"\\uD800"` escape), else None.

    A lone surrogate is no character: no file, PDF or QR code can hold it,
    so it is refused here, once, where YAML text becomes values.
    """
    todo, seen = [node], set()
    while todo:
        n = todo.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if isinstance(n, yaml.ScalarNode):
            if isinstance(n.value, str) and _SURROGATE.search(n.value):
                return n.start_mark.line + 1
        elif isinstance(n, yaml.SequenceNode):
            todo.extend(reversed(n.value))
        elif isinstance(n, yaml.MappingNode):
            for k, v in reversed(n.value):
                todo.extend((v, k))
    return None


def _tab_hint(what: str, text: str, line: int | None) -> str:
    """PyYAML's "found character '\\t'" → a message saying YAML indents with spaces."""
    if "'\\t'" not in what:
        return what
    lines = text.splitlines()
    shown = lines[line - 1].replace("\t", "→") if line and line <= len(lines) else ""
    return "a tab used for indentation; YAML indents with spaces" + (
        f" (the line: {shown.strip()[:60]!r}, → is the tab)" if shown else ""
    )


class _ReadOtherwise(Exception):
    """libyaml composed what PyYAML reads otherwise: the pure-Python loader decides."""


def _question_in_flow(root) -> bool:
    """True when a plain scalar inside a flow collection holds '?' (libyaml keeps it)."""
    seen = set()
    stack = [(root, False)]
    while stack:
        node, in_flow = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if in_flow and not node.style and "?" in node.value:  # plain style
                return True
        elif isinstance(node, yaml.SequenceNode):
            flow = in_flow or bool(node.flow_style)
            stack.extend((n, flow) for n in node.value)
        else:
            flow = in_flow or bool(node.flow_style)
            stack.extend((n, flow) for pair in node.value for n in pair)
    return False


_SCALAR_TAGS = ("null", "bool", "int", "float", "timestamp")
_SCALARS = {  # the scalar constructors (plain functions, not generators) the fast path calls
    f"tag:yaml.org,2002:{name}": _Constructor.yaml_constructors[f"tag:yaml.org,2002:{name}"]
    for name in _SCALAR_TAGS
}
_FIRST_CHAR = {  # the narrowed implicit resolvers by a plain scalar's first character
    first: tuple(found + _Resolver.yaml_implicit_resolvers.get(None, []))
    for first, found in _Resolver.yaml_implicit_resolvers.items()
    if first is not None
}
_ANY_FIRST = tuple(_Resolver.yaml_implicit_resolvers.get(None, []))
_MAY_RESOLVE = None if _ANY_FIRST else frozenset(_FIRST_CHAR)  # other first characters: str
_SCALAR_CONSTRUCTOR = _Constructor()


def _resolve_plain(value: str) -> str:
    """A plain scalar's tag, as `_Resolver.resolve` gives it (there are no path resolvers)."""
    for tag, regexp in _FIRST_CHAR.get(value[:1], _ANY_FIRST):
        if regexp.match(value):
            return tag
    return yamlfast.STR


def _construct_scalar(tag: str, node) -> object:
    return _SCALARS[tag](_SCALAR_CONSTRUCTOR, node)  # KeyError for another tag: the node path


def load_yaml_text(
    text: str, file: str, problems: Problems, *, fast: bool = True, split: bool = True
):
    """Parse YAML text; on failure record one problem naming file:line and return None.

    libyaml does the work where it is installed: its events go straight into
    data (`yamlfast`), a big text perhaps in chunks side by side (`yamlsplit`).
    What those leave (anchors, explicit tags, merge keys…) goes to libyaml's
    composer and the constructor below, and any error to the pure-Python
    loader, which parses again and words it, so every value, line and message
    is the same on every path. `fast=False` forces the pure-Python path and
    `split=False` one parse of the whole text (the tests compare them all).
    """
    if (line := too_deep(text)) is not None:
        problems.error(f"not valid YAML: nested more than {MAX_FLOW_DEPTH} levels deep", file, line)
        return None
    with paused_gc():
        if fast and _CLoader is not None and split and len(text) >= yamlsplit.MIN_SPLIT_CHARS:
            try:
                return _load_split(text)  # each chunk checks `_read_otherwise` on its own
            except Exception:  # noqa: BLE001 - one parse of the whole text decides
                pass
        if fast and _CLoader is not None and not _read_otherwise(text):
            try:
                return _load_direct(text, file, problems)
            except Exception:  # noqa: BLE001 - the paths below decide
                pass
            try:
                return _load(_CLoader, text, file, problems)
            except Exception:  # noqa: BLE001 - the reference loader words it (or raises it)
                pass
    try:
        return _load(_Loader, text, file, problems)
    except yaml.reader.ReaderError as e:
        line = text[: e.position].count("\n") + 1 if e.position is not None else None
        char = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        problems.error(f"not valid YAML: control character {char} is not allowed", file, line)
    except yaml.constructor.ConstructorError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        msg = e.problem or str(e)
        if "could not determine a constructor" in msg:
            tag = msg.split("tag", 1)[-1].strip(" '") if "tag" in msg else ""
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            msg = (
                f"unsupported YAML tag {tag}; printkit reads plain YAML only (nothing is executed)"
            )
        problems.error(msg, file, line)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(e, "problem", None) or str(e).splitlines()[0]
        if "expected a single document" in str(e):
            what = "more than one document (a second '---'); put everything in one document"
        what = _tab_hint(what, text, line)
        problems.error(f"not valid YAML: {what}", file, line)
    except RecursionError:
        problems.error("not valid YAML: nesting too deep", file)
    except (OverflowError, ValueError) as e:
        problems.error(f"not valid YAML: {e}", file)
    return None


def _load_direct(text: str, file: str, problems: Problems):
    """libyaml's parser straight into data (`yamlfast`); anything unusual raises."""
    # no aliases on this path (they fall back), so nothing expands beyond what is written
    data, duplicates, _count = yamlfast.build(text, _resolve_plain, _MAY_RESOLVE, _construct_scalar)
    for key, line, first in duplicates:
        problems.error(
            f"duplicate key '{key}' (first at line {first}); the later one would "
            "silently replace it",
            file,
            line,
            key,
        )
    return None if duplicates else data


def _parse_chunk(text: str):
    """One chunk of a split text → (data, node count); anything to report raises."""
    if _read_otherwise(text):  # of the whole text, when of any of its chunks
        raise yamlfast.Fallback
    data, duplicates, count = yamlfast.build(text, _resolve_plain, _MAY_RESOLVE, _construct_scalar)
    if duplicates or data is None:
        raise yamlfast.Fallback
    return data, count


def _load_split(text: str) -> LineDict:
    """A big text parsed in chunks side by side (`yamlsplit`); raises where it cannot be."""
    cuts = yamlsplit.plan(text, yamlsplit.chunk_count(len(text)))
    if cuts is None:
        raise yamlfast.Fallback
    results = yamlsplit.parse_chunks(yamlsplit.chunk_texts(text, cuts), _parse_chunk)
    data, _count = yamlsplit.merge(results, cuts)
    return data


def _load(loader_class, text: str, file: str, problems: Problems):
    """Compose, check the alias expansion, construct, report duplicate keys; errors raise."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if loader_class is _CLoader and _question_in_flow(node):
            raise _ReadOtherwise  # PyYAML ends a plain scalar at '?' in [...] and {...}
        if (line := lone_surrogate(node)) is not None:
            problems.error(
                "a lone surrogate (an escape like \\uD800 on its own) is not a character; "
                "write the character itself",
                file,
                line,
            )
            return None
        memo: dict = {}
        if _expanded_size(node, memo) - len(memo) > MAX_EXPANDED_NODES:  # what aliases add
            problems.error(
                f"refused: aliases expand to more than {MAX_EXPANDED_NODES:,} nodes "
                "(a 'billion laughs' document?)",
                file,
            )
            return None
        data = loader.construct_document(node)
        for key, line, first in loader.duplicates:
            problems.error(
                f"duplicate key '{key}' (first at line {first}); the later one would "
                "silently replace it",
                file,
                line,
                key,
            )
        return None if loader.duplicates else data
    finally:
        loader.dispose()


def read_text(path: Path, problems: Problems) -> str | None:
    """Read a UTF-8 text file (BOM accepted); record a clear problem for anything else."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError()
        if not stat.S_ISREG(info.st_mode):
            problems.error("not a regular file (a device, pipe or socket), expected a file", path)
            return None
        if info.st_size > MAX_FILE_BYTES:
            problems.error(f"file too large ({info.st_size:,} bytes)", path)
            return None
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        problems.error("no such file", path)
        return None
    except IsADirectoryError:
        problems.error("is a directory, expected a file", path)
        return None
    except (OSError, ValueError) as e:  # ValueError: a NUL in the name
        problems.error(f"cannot read: {getattr(e, 'strerror', None) or e}", path)
        return None
    if len(data) > MAX_FILE_BYTES:
        problems.error(f"file too large (over {MAX_FILE_BYTES:,} bytes)", path)
        return None
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        column = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        problems.error(
            f"a NUL byte at line {line}, column {column}: binary data, not a UTF-8 text file",
            path,
            line,
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        problems.error(
            f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); save the file as UTF-8",
            path,
            line,
        )
        return None
    return text


def load_yaml(path: Path, problems: Problems):
    """Read and parse a YAML file → data with line numbers, or None after recording problems."""
    text = read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.error("the file is empty", path)
        return None
    return load_yaml_text(text, str(path), problems)
