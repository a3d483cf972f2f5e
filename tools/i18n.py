"""printkit's gettext catalogs: extract → update → compile, with Babel's own machinery.

    python tools/i18n.py extract   # source strings → src/printkit/locale/printkit.pot
    python tools/i18n.py update    # .pot → every locale's printkit.po (new msgids added, old kept obsolete)
    python tools/i18n.py compile   # every printkit.po → printkit.mo beside it (committed, shipped)
    python tools/i18n.py all       # the three in order
    python tools/i18n.py check     # exit 1 when a catalog misses a string or a .mo is stale

The .po files are the translators' source of truth; the .mo files are committed so that
an editable install and a wheel find them without a build step.
"""

from __future__ import annotations

import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "printkit"
LOCALE_DIR = SRC / "locale"
POT = LOCALE_DIR / "printkit.pot"
KEYWORDS = {"_": None, "tr": None, "N_": None, "ngettext": (1, 2)}
FIXED_DATE = datetime(2025, 5, 6, tzinfo=timezone.utc)  # keeps the .pot stable between runs
HEADER = "printkit's printed labels. See docs/translating.md."


def po_files() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/printkit.po"))


def extract() -> Catalog:
    with open(ROOT / "babel.cfg") as f:
        method_map, options_map = parse_mapping_cfg(f)
    method_map = [(pattern.replace("src/printkit/", ""), m) for pattern, m in method_map]
    catalog = Catalog(project="printkit", header_comment=f"# {HEADER}", creation_date=FIXED_DATE)
    for filename, lineno, message, comments, context in extract_from_dir(
        SRC, method_map, options_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        catalog.add(message, None, [(f"src/printkit/{filename}", lineno)],
                    auto_comments=comments, context=context)  # fmt: skip
    return catalog


def write_catalog(catalog: Catalog, path: Path) -> None:
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, omit_header=False, sort_output=False, include_lineno=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


def load_po(path: Path) -> Catalog:
    locale = path.parent.parent.name
    with path.open("rb") as f:
        return read_po(f, locale=locale, domain="printkit")


def mo_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def update(template: Catalog) -> None:
    for po in po_files():
        cat = load_po(po)
        cat.update(template, no_fuzzy_matching=True)
        write_catalog(cat, po)


def compile_all() -> None:
    for po in po_files():
        po.with_suffix(".mo").write_bytes(mo_bytes(load_po(po)))


def problems(template: Catalog) -> list[str]:
    """Catalog gaps and stale .mo files, one line each."""
    out = []
    wanted = {m.id for m in template if m.id}
    for po in po_files():
        cat = load_po(po)
        rel = po.relative_to(ROOT)
        for mid in sorted(wanted, key=str):
            m = cat.get(mid)
            if m is None or not m.string or (isinstance(m.string, tuple) and not all(m.string)):
                out.append(f"{rel}: missing translation of {mid!r}")
            elif m.fuzzy:
                out.append(f"{rel}: fuzzy translation of {mid!r}")
        mo = po.with_suffix(".mo")
        if not mo.is_file() or mo.read_bytes() != mo_bytes(cat):
            out.append(
                f"{mo.relative_to(ROOT)}: out of date with its .po (run tools/i18n.py compile)"
            )
    return out


def main(argv: list[str]) -> int:
    cmd = argv[1] if len(argv) > 1 else "all"
    template = extract()
    if cmd in ("extract", "all"):
        write_catalog(template, POT)
    if cmd in ("update", "all"):
        update(template)
    if cmd in ("compile", "all"):
        compile_all()
    if cmd == "check":
        found = problems(template)
        for line in found:
            print(line)
        return 1 if found else 0
    if cmd not in ("extract", "update", "compile", "all", "check"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
