"""`printkit import pretix SOURCE -o people.csv`: read every page of orders (and the items), write the attendee CSV.

A URL is read with the API token from `PRETIX_TOKEN` (sent as
`Authorization: Token …` to the pretix host only; never written or printed),
and its `next` pages are followed on the same host. Item names come from
`--items FILE`, the export itself, or the event's `items/` endpoint next to
the orders URL. The CSV is written to a temporary sibling and renamed into
place, so a failed import leaves no half-written file.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlparse

from printkit.errors import PrintkitError
from printkit.importers import pretix
from printkit.importers.build import Report
from printkit.importers.detect import decode_json
from printkit.importers.source import is_url, read_source

TOKEN_ENV = "PRETIX_TOKEN"
COLUMNS = ("name", "organization", "role", "id", "qr", "email")
MAX_PAGES = 1000


def _headers(url: str) -> dict[str, str]:
    token = os.environ.get(TOKEN_ENV, "").strip()
    return {"Authorization": f"Token {token}"} if token and is_url(url) else {}


def read_pages(source: str, timeout: float, report: Report) -> list:
    """SOURCE and, for a URL, every `next` page after it on the same host → decoded documents."""
    docs, url, seen = [], source, set()
    while url:
        raw, _ = read_source(url, timeout=timeout, secret_headers=_headers(url))
        doc = decode_json(raw, _shown(url))
        docs.append(doc)
        seen.add(url)
        nxt = doc.get("next") if isinstance(doc, dict) else None
        if not nxt:
            break
        if not is_url(source):
            report.note(f"warning: {source} is one page of {doc.get('count', 'more')} results: "
                        "the next pages were not read (give the API URL to follow them)")  # fmt: skip
            break
        nxt = urljoin(url, nxt)
        if urlparse(nxt).netloc != urlparse(source).netloc or nxt in seen or len(docs) >= MAX_PAGES:
            raise PrintkitError(f"{_shown(url)}: its next page {_shown(nxt)} is not on the same "
                                "server or repeats a page: stopped")  # fmt: skip
        url = nxt
    if len(docs) > 1:
        report.note(f"read {len(docs)} pages")
    return docs


def _shown(url: str) -> str:
    """A URL for a message: without its query's credentials (a token pasted into the URL)."""
    return re.sub(r"(?i)([?&](?:token|ak|signature|key|api_key)=)[^&]*", r"\1…", url)


def items_url(orders_url: str) -> str | None:
    """`…/events/EVENT/orders/…` or `…/orderpositions/…` → `…/events/EVENT/items/`."""
    m = re.match(r"^(https?://.+?/events/[^/]+/)(?:orders|orderpositions)(?:/|\?|$)", orders_url)
    return m.group(1) + "items/" if m else None


def run_pretix(source: str, output: Path, *, items_file: str | None, opts: pretix.PretixOptions,
               timeout: float = 30.0, force: bool = False) -> tuple[int, Report]:  # fmt: skip
    """Read SOURCE (and the items), write the attendee CSV → (rows written, report)."""
    output = Path(output)
    if output.exists() and (output.is_dir() or not force):
        raise PrintkitError(f"{output}: exists (use --force to replace a file)")
    report = Report()
    opts.source_name = _shown(source)
    orders, items = [], None
    for doc in read_pages(source, timeout, report):
        more, found = pretix.orders_and_positions(doc, opts.source_name)
        orders += more
        items = found if found is not None else items
    if items_file:
        items = _items_from(items_file, timeout, report)
    elif items is None and is_url(source) and items_url(source):
        items = _items_from(items_url(source), timeout, report)
    people = pretix.rows(orders, items, opts, report)
    if not people:
        raise PrintkitError(f"{opts.source_name}: no position gets a badge "
                            f"(statuses {', '.join(opts.statuses)}; try --status paid,pending)")  # fmt: skip
    write_csv(people, output)
    return len(people), report


def _items_from(source: str, timeout: float, report: Report) -> dict:
    table: dict = {}
    for doc in read_pages(source, timeout, report):
        table.update(pretix.item_table(doc))
    return table


def write_csv(people: list[dict], target: Path) -> None:
    """Attendee rows → a UTF-8 CSV in printkit's attendee format, replaced atomically."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: p.get(k, "") for k in COLUMNS} for p in people)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PrintkitError(f"{target}: cannot write: {exc.strerror or exc}") from None
