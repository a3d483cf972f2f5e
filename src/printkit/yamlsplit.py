"""A big YAML event text → chunks parsed side by side in forked workers → one merged mapping.

An event file is a top-level mapping whose big lists (`speakers:`, `sessions:`)
are block sequences with their `- ` items at column 0. Such a text is cut
before item lines into chunks of about equal size; every chunk after the
first starts with its list's key on the line just above its first item and is
padded with empty lines, so the parser's line marks are the file's lines.
Each chunk parses on its own (`parse(chunk_text) → (mapping, node count)`),
and `merge` joins them: the continued lists are extended (items, item lines,
raw texts), the other keys are added in order.

Only what is safely cut is cut (`plan` returns None otherwise): the text's
column-0 lines must all be comments, `key:` lines or list items under a
`key:` with nothing after it, and it must hold no line break other than
`\\n`. A cut inside a multi-line quoted scalar or flow collection leaves the
chunk before it unterminated, a parse error; the caller treats any error,
and any case `merge` refuses, by parsing the whole text instead.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
from collections.abc import Callable

MIN_SPLIT_CHARS = 1_000_000  # below this, one parse is about as fast as forking
MIN_CHUNK_CHARS = 500_000
MAX_CHUNKS = 4
JOBS: int | None = None  # processes to parse in (None: every usable CPU; 1: never split)

_COLUMN0 = re.compile(r"\n(?=[^ \n])")
_KEY_LINE = re.compile(
    r"([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(#.*)?|[ ]*)$|([A-Za-z_][A-Za-z0-9_-]*): "
)
_FIRST_ITEM = re.compile(
    r"(?:\n[ ]*(?:#[^\n]*)?(?=\n))*\n([ ]*)-[ \n]"
)  # blank/comment lines, item
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")  # line breaks to YAML besides \n


def chunk_count(size: int) -> int:
    """How many chunks to parse a text of `size` characters in (1: a single parse).

    `JOBS` when set; else one per idle processor: a forked parse only pays
    where a processor is free (on a busy machine it is slower than one parse).
    """
    if size < MIN_SPLIT_CHARS:
        return 1
    if JOBS is not None:
        cpus = JOBS
    else:
        try:
            cpus = len(os.sched_getaffinity(0))
        except AttributeError:  # not Linux
            cpus = os.cpu_count() or 1
        with contextlib.suppress(OSError):  # OSError: no load average here
            cpus = min(cpus, int(cpus - os.getloadavg()[0] + 0.5))
    return max(1, min(cpus, MAX_CHUNKS, size // MIN_CHUNK_CHARS))


def plan(text: str, chunks: int) -> list[tuple[int, int, str]] | None:
    """Where to cut: [(offset, line, key)] of the item lines starting chunks 2..n, or None.

    `line` is the 1-based line of the cut, `key` the top-level key whose list
    continues there.
    """
    if chunks < 2 or len(text) < MIN_SPLIT_CHARS or any(b in text for b in _OTHER_BREAKS):
        return None
    sections = _sections(text)
    if not sections:
        return None
    cuts: list[tuple[int, int, str]] = []
    step = len(text) // chunks
    target = step
    for key, start, end, item in sections:
        start = text.find(item, start, end) + 1  # never before the first item
        while len(cuts) < chunks - 1 and target < end:
            at = text.find(item, max(start, target), end)
            while at >= 0 and text[at + len(item) : at + len(item) + 1] not in (" ", "\n"):
                at = text.find(item, at + 1, end)
            if at < 0:
                break
            cuts.append((at + 1, 0, key))
            target = at + 1 + step
    if not cuts:
        return None
    found, previous, line = [], 0, 1
    for offset, _, key in cuts:
        line += text.count("\n", previous, offset)
        previous = offset
        found.append((offset, line, key))
    return found


def _sections(text: str) -> list[tuple[str, int, int, str]] | None:
    """The top-level block lists: [(key, start, end, "\n" + item indentation + "-")], or None.

    None when any column-0 line is something other than a comment, a
    `key:` line or a list item under a `key:` line with nothing after it.
    """
    found: list[tuple[str, int, int, str]] = []
    section = None  # (key, offset after its line) of the `key:` line the items belong to
    starts = [0] if text[:1] not in ("", " ", "\n") else []
    starts += [m.start() + 1 for m in _COLUMN0.finditer(text)]
    starts.append(len(text))
    for start in starts:
        head = text[start : start + 1]
        if head == "#":
            continue
        if head == "-" and text[start + 1 : start + 2] in (" ", "\n"):
            if section is None:
                return None  # a list item not under a `key:` line (or a bare list)
            continue
        if section is not None:  # the list under `key:` ends here
            m = _FIRST_ITEM.match(text, section[1], start)
            if m:
                found.append((section[0], section[1], start, "\n" + m.group(1) + "-"))
            section = None
        if start == len(text):
            break
        end = text.find("\n", start)
        m = _KEY_LINE.match(text, start, len(text) if end < 0 else end)
        if m is None:
            return None  # anything else at column 0: read the whole text at once
        if m.group(1):
            section = (m.group(1), len(text) if end < 0 else end)
    return found


def chunk_texts(text: str, cuts: list[tuple[int, int, str]]) -> list[str]:
    """The text cut at `cuts`; chunks 2..n padded so each line keeps its number."""
    out = [text[: cuts[0][0]]]
    for i, (offset, line, key) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        out.append("\n" * (line - 2) + f"{key}:\n" + text[offset:end])
    return out


class NotMerged(Exception):
    """The chunks do not join into what one parse would give: parse the whole text."""


def merge(results: list, cuts: list[tuple[int, int, str]]) -> tuple[object, int]:
    """[(mapping, node count)] per chunk → (the mapping of the whole text, its node count).

    A continued list is extended; any other key must be new (a repeated
    top-level key is left to the whole parse, which reports it).
    """
    whole, count = results[0]
    if not isinstance(whole, dict):
        raise NotMerged
    for (part, n), (_, line, key) in zip(results[1:], cuts, strict=True):
        if not isinstance(part, dict) or not part or next(iter(part)) != key:
            raise NotMerged
        if part.key_lines[key] != line - 1 or next(reversed(whole)) != key:
            raise NotMerged
        head, tail = whole[key], part[key]
        if not (isinstance(head, list) and isinstance(tail, list) and hasattr(tail, "item_lines")):
            raise NotMerged
        head.extend(tail)
        head.item_lines.extend(tail.item_lines)
        head.raw.extend(tail.raw)
        for k, v in part.items():
            if k == key:
                continue
            if k in whole:
                raise NotMerged
            whole[k] = v
            whole.key_lines[k] = part.key_lines[k]
            if k in part.raw:
                whole.raw[k] = part.raw[k]
        count += n - 3  # the chunk's own mapping, its copy of the key, the list node
    return whole, count


_PARSE: Callable | None = None
_TEXTS: list[str] = []


def _parse_in_worker(i: int, send) -> None:
    """In a forked worker: parse chunk i and send ("ok", result) or ("failed", why)."""
    assert _PARSE is not None
    try:
        result = ("ok", _PARSE(_TEXTS[i]))
    except Exception as exc:  # noqa: BLE001 - any failure: the whole text is parsed instead
        result = ("failed", repr(exc))
    try:
        send.send(result)
    except Exception as exc:  # noqa: BLE001 - e.g. a value that does not pickle
        send.send(("failed", repr(exc)))
    send.close()


def parse_chunks(texts: list[str], parse: Callable[[str], object]) -> list:
    """[parse(t) for t in texts]: the first here, the others in forked workers meanwhile.

    Any failure in a worker (a worker that dies is seen at once: its pipe
    closes), or no fork on this system, raises NotMerged.
    """
    global _PARSE, _TEXTS
    if "fork" not in multiprocessing.get_all_start_methods():
        raise NotMerged
    context = multiprocessing.get_context("fork")
    _PARSE, _TEXTS = parse, texts
    workers = []
    try:
        for i in range(1, len(texts)):
            receive, send = context.Pipe(duplex=False)
            worker = context.Process(target=_parse_in_worker, args=(i, send), daemon=True)
            workers.append((worker, receive))
            worker.start()
            send.close()  # the worker's end; closed here before the next fork
        found = [parse(texts[0])]
        for _, receive in workers:
            try:
                status, value = receive.recv()
            except (EOFError, OSError) as exc:  # the worker died
                raise NotMerged from exc
            if status != "ok":
                raise NotMerged
            found.append(value)
        return found
    finally:
        _PARSE, _TEXTS = None, []
        for worker, receive in workers:
            receive.close()
            if worker.pid is not None:
                worker.join(timeout=1)
                if worker.is_alive():
                    worker.kill()
                    worker.join()
