"""Chunk PDFs written by the press (in order) → one PDF: every page, one page tree, one outline.

A big run is drawn as fixed-size chunks, each by its own press (in a worker
process, see press/parallel.py). This joins their files in one linear pass,
reading each object once and writing it once, so time and memory stay flat
in the number of pages (qpdf's page copying took 4 s and 230 MB for 10,000
A6 badge pages; this takes a fraction of that and holds only offsets).

Chunks are added one at a time (Joiner.add), so a run's parent joins each
chunk as soon as it is drawn while workers draw the next ones; the page
tree, outline and catalog are written when the last one is in.

It reads what printkit's own writer (press/output.py) writes: a classic
cross-reference table, a flat page tree, streams with a direct /Length.
Objects reachable from the pages (and, in the first chunk, the catalog and
Info) are renumbered densely, chunk after chunk; their dictionaries get the
new numbers (strings are left alone) and stream data is copied byte for
byte. The first chunk gives the document its catalog: Info, XMP metadata and
the PDF/X output intent; the other chunks' catalogs, page trees and output
intents are left out. Each chunk's fonts carry their own subset tags (the
press seeds them with the chunk's number). The outline is built from the
presses' records with the press's rules. The trailer /ID is a hash of the
bytes written, so the same chunks give the same file.
"""

from __future__ import annotations

import hashlib
import os
import re
from array import array
from collections.abc import Sequence
from pathlib import Path

from printkit.press.output import AtomicFile

__all__ = ["JoinError", "Joiner", "join_pdfs", "nest_outline"]

PAGES_NO = 1  # the joined file's page tree

OutlineEntry = tuple[str, int, int]  # (title, level asked for, 0-based page in the joined file)

# a literal string (escapes kept), a hex string, or an indirect reference "12 0 R"
_TOKENS = re.compile(
    rb"\((?:[^\\()]|\\.)*\)|<[0-9A-Fa-f\s]*>|(?<![\d.])(\d+) 0 R(?![A-Za-z])", re.S
)
_REF = re.compile(rb"(?<![\d.])(\d+) 0 R(?![A-Za-z])")
_STREAM = b"\nstream\n"
_PEEK = 8192  # bytes read to find where an object's stream data starts


def _plain(head: bytes) -> bool:
    """True when `head` has no string (no "(", no "<" but in "<<"): "n 0 R" is then always a
    reference, and the simpler pattern finds the same ones as _TOKENS (page dictionaries)."""
    return b"(" not in head and b"<" not in head.replace(b"<<", b"")


class JoinError(RuntimeError):
    """A chunk file is not in the form printkit's press writes (a printkit bug)."""


def nest_outline(entries: Sequence[OutlineEntry]) -> list[tuple[str, int, int]]:
    """Entries with their levels clamped as the press does: (title, level, page)."""
    out, last = [], -1
    for title, level, page in entries:
        level = max(0, min(int(level), last + 1))
        out.append((title, level, page))
        last = level
    return out


class _Chunk:
    """One chunk file: its objects' extents, trailer references and pages (read with pread:
    nothing of the file stays in memory but its offsets)."""

    def __init__(self, path: Path):
        self.fd = os.open(path, os.O_RDONLY)
        size = os.fstat(self.fd).st_size
        tail = os.pread(self.fd, min(size, 1024), max(0, size - 1024))
        at = tail.rfind(b"startxref")
        xref = int(tail[at + 9 : tail.find(b"%%EOF", at)].strip())
        table = os.pread(self.fd, size - xref, xref)
        if not table.startswith(b"xref"):
            raise JoinError(f"{path}: no cross-reference table")
        trailer = table[table.find(b"trailer") :]
        self.root = int(re.search(rb"/Root (\d+) 0 R", trailer).group(1))
        self.info = int(re.search(rb"/Info (\d+) 0 R", trailer).group(1))
        start = os.pread(self.fd, 256, 0)
        self.header = start[: start.find(b"\n", start.find(b"\n") + 1) + 1]
        lines = table[: table.find(b"trailer")].split(b"\n")
        first, count = (int(v) for v in lines[1].split())
        if first != 0:
            raise JoinError(f"{path}: cross-reference table not from object 0")
        offsets = array("q", [0] * count)
        for n, line in enumerate(lines[2 : 2 + count]):
            if line[17:18] == b"n":
                offsets[n] = int(line[:10])
        del lines, table
        self.offsets = offsets
        order = sorted(range(count), key=offsets.__getitem__)
        self.ends = array("q", [0] * count)  # object n spans offsets[n]:ends[n]
        for a, b in zip(order, order[1:], strict=False):
            self.ends[a] = offsets[b]
        self.ends[order[-1]] = xref
        self.pages_obj = int(re.search(rb"/Pages (\d+) 0 R", self.head(self.root)).group(1))
        kids = re.search(rb"/Kids \[([^\]]*)\]", self.head(self.pages_obj)).group(1)
        self.pages = array("q", (int(n) for n in _REF.findall(kids)))

    def head(self, n: int) -> bytes:
        """Object n up to its stream data (the whole object when it has none)."""
        o, end = self.offsets[n], self.ends[n]
        if not o:
            raise JoinError(f"object {n} missing")
        data = os.pread(self.fd, min(end - o, _PEEK), o)
        s = data.find(_STREAM)
        if s < 0 and end - o > _PEEK:  # a long object: stream or not, read its start whole
            data = os.pread(self.fd, end - o, o)
            s = data.find(_STREAM)
        return data if s < 0 else data[: s + len(_STREAM)]

    def copy(self, start: int, end: int, write) -> None:
        """Bytes start:end of the file to `write`, a block at a time."""
        while start < end:
            block = os.pread(self.fd, min(end - start, 1 << 20), start)
            if not block:
                raise JoinError("chunk file shorter than its cross-reference table says")
            write(block)
            start += len(block)

    def refs(self, head: bytes) -> list[int]:
        if b" R" not in head:  # a content stream's dictionary
            return []
        if _plain(head):
            return list(map(int, _REF.findall(head)))
        return [int(m.group(1)) for m in _TOKENS.finditer(head) if m.group(1)]

    def close(self) -> None:
        os.close(self.fd)


def join_pdfs(paths: Sequence[Path], out: Path, outline: Sequence[OutlineEntry] = ()) -> int:
    """Write the pages of `paths` in order to `out` (atomically); return the page count."""
    if not paths:
        raise ValueError("nothing to join")
    joiner = Joiner(out)
    try:
        for path in paths:
            joiner.add(path)
        return joiner.finish(outline)
    finally:
        joiner.abort()  # nothing left to remove once committed


def _reachable(chunk: _Chunk, first: bool) -> list[int]:
    """The chunk's objects the joined file needs, in number order (its page tree left out)."""
    todo = list(chunk.pages) + ([chunk.root, chunk.info] if first else [])
    seen = set(todo)
    seen.add(chunk.pages_obj)
    while todo:
        for n in chunk.refs(chunk.head(todo.pop())):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    seen.discard(chunk.pages_obj)
    return sorted(seen)


class Joiner:
    """Chunk files added one at a time, in order → one PDF written to `out` atomically by finish().

    Each chunk is copied out as it is added (a big run's parent joins chunks
    while workers still draw later ones). Object 1 is the new page tree; each
    chunk's objects follow, chunk by chunk; the page tree, the outline and the
    first chunk's catalog (which points at the outline) are written last.
    """

    def __init__(self, out: Path):
        self.target = AtomicFile(out)
        self.fh = self.target.file
        self.offsets = array("q", [0, 0])  # object number → offset
        self.page_numbers = array("q")
        self.digest = hashlib.sha256()
        self.pos = 0
        self.n = 1  # the last object number given out; 1 is the page tree
        self.root = self.info = 0
        self.catalog = b""  # the first chunk's catalog, written by finish()

    def _write(self, data: bytes) -> None:
        self.fh.write(data)
        self.digest.update(data)
        self.pos += len(data)

    def add(self, path: Path) -> None:
        """Copy the objects of the next chunk file that its pages need."""
        first = self.root == 0
        c = _Chunk(Path(path))
        try:
            if first:
                self._write(c.header)
            m = {}
            for old in _reachable(c, first):
                self.n += 1
                m[old] = self.n
            if first:
                self.root, self.info = m[c.root], m[c.info]
            self.page_numbers.extend(m[p] for p in c.pages)
            self.offsets.extend([0] * (self.n + 1 - len(self.offsets)))
            m[c.pages_obj] = PAGES_NO

            def renumber(match, m=m):
                g = match.group(1)
                return match.group(0) if g is None else b"%d 0 R" % m[int(g)]

            def renumber_ref(match, m=m):
                return b"%d 0 R" % m[int(match.group(1))]

            for old, new in m.items():
                if new == PAGES_NO:
                    continue
                head = c.head(old)
                body = head[head.index(b" obj\n") + 5 :]
                if b" R" not in body:
                    pass
                elif _plain(body):
                    body = _REF.sub(renumber_ref, body)
                else:
                    body = _TOKENS.sub(renumber, body)
                if first and old == c.root:
                    self.catalog = body  # a catalog has no stream
                    continue
                self.offsets[new] = self.pos
                self._write(b"%d 0 obj\n" % new + body)
                c.copy(c.offsets[old] + len(head), c.ends[old], self._write)
        finally:
            c.close()

    def finish(self, outline: Sequence[OutlineEntry] = ()) -> int:
        """The page tree, outline, catalog, cross-reference table and trailer; commit. → pages."""
        if not self.root:
            raise ValueError("nothing to join")
        outline = nest_outline(outline)
        write, offsets, page_numbers = self._write, self.offsets, self.page_numbers
        offsets[PAGES_NO] = self.pos
        write(b"%d 0 obj\n<<\n/Count %d /Kids [ " % (PAGES_NO, len(page_numbers)))
        for at in range(0, len(page_numbers), 4096):
            write(b"".join(b"%d 0 R " % p for p in page_numbers[at : at + 4096]))
        write(b"] /Type /Pages\n>>\nendobj\n")
        outline_no = self.n + 1
        objs = _outline_objects(outline, page_numbers, outline_no)
        offsets.extend([0] * len(objs))
        for k, obj in enumerate(objs, start=outline_no):
            offsets[k] = self.pos
            write(b"%d 0 obj\n%s\nendobj\n" % (k, obj))
        offsets[self.root] = self.pos
        write(b"%d 0 obj\n" % self.root + _catalog(self.catalog, outline_no if objs else None))
        size = len(offsets)
        xref_at = self.pos
        write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        for at in range(1, size, 4096):
            write(b"".join(b"%010d 00000 n \n" % o for o in offsets[at : at + 4096]))
        file_id = self.digest.hexdigest()[:32].encode()
        self.fh.write(
            b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\n"
            b"startxref\n%d\n%%%%EOF\n" % (size, self.root, self.info, file_id, file_id, xref_at)
        )
        self.target.commit()
        return len(page_numbers)

    def abort(self) -> None:
        """Remove the unfinished output (nothing once finished)."""
        self.target.abort()


def _catalog(body: bytes, outline_root: int | None) -> bytes:
    """The first chunk's catalog, pointing at the joined file's outline when it has one."""
    if outline_root is None:
        return body
    first = body.index(b"<<") + 2
    body = body[:first] + b"\n/Outlines %d 0 R" % outline_root + body[first:]
    return body.replace(b"/PageMode /UseNone", b"/PageMode /UseOutlines")


def _outline_objects(entries, page_numbers: list[int], first_no: int) -> list[bytes]:
    """Outline dictionaries (root first) for entries (title, level, page), numbered from first_no."""
    if not entries:
        return []
    # tree: node = [title, page, level, children]
    root: list = [None, None, -1, []]
    stack = [root]
    for title, level, page in entries:
        del stack[level + 1 :]
        node = [title, page, level, []]
        stack[-1][3].append(node)
        stack.append(node)
    numbers: dict[int, int] = {}
    flat: list[list] = []

    def number(node) -> None:
        numbers[id(node)] = first_no + len(flat)
        flat.append(node)
        for child in node[3]:
            number(child)

    number(root)
    parent: dict[int, list] = {}
    for node in flat:
        for child in node[3]:
            parent[id(child)] = node

    def visible(node) -> int:  # descendants shown when this node is open
        return sum(1 + (visible(ch) if ch[2] <= 0 else 0) for ch in node[3])

    objs = []
    for node in flat:
        kids = node[3]
        parts = []
        if node is root:
            parts.append(b"/Type /Outlines")
        else:
            parts.append(b"/Title " + _text_string(node[0]))
            parts.append(b"/Parent %d 0 R" % numbers[id(parent[id(node)])])
            sibs = parent[id(node)][3]
            k = next(j for j, s in enumerate(sibs) if s is node)
            if k:
                parts.append(b"/Prev %d 0 R" % numbers[id(sibs[k - 1])])
            if k + 1 < len(sibs):
                parts.append(b"/Next %d 0 R" % numbers[id(sibs[k + 1])])
            parts.append(b"/Dest [ %d 0 R /Fit ]" % page_numbers[node[1]])
        if kids:
            count = visible(node)
            closed = node is not root and node[2] > 0
            parts.append(b"/First %d 0 R /Last %d 0 R /Count %d"
                         % (numbers[id(kids[0])], numbers[id(kids[-1])], -count if closed else count))  # fmt: skip
        objs.append(b"<< " + b" ".join(parts) + b" >>")
    return objs


def _text_string(text: str) -> bytes:
    """A PDF text string: PDFDocEncoding-safe ASCII as a literal, anything else UTF-16BE hex."""
    if text.isascii() and text.isprintable():
        return b"(" + re.sub(rb"([\\()])", rb"\\\1", text.encode("ascii")) + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"
