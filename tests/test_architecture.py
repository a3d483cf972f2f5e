"""The house rules of docs/ARCHITECTURE.md, read from the code's own imports.

- no import circle between printkit's modules (imports under TYPE_CHECKING count too);
- no import runs up a floor: each layer imports only the layers listed below it;
- a product package imports no other product (shared parts live in products/parts.py, style.py);
- no module is over 600 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PKG = SRC / "printkit"
MAX_LINES = 600
PRODUCTS = ("badges", "signs", "cards", "booklet")

# Floors from the top down; a module may import its own floor and any floor below it.
FLOORS = (
    ("cli", {"printkit.__main__", "printkit.cli"}),
    ("products", {"printkit.products"}),
    ("commands", {"printkit.cli_options", "printkit.preview", "printkit.importers"}),
    ("press", {"printkit.press", "printkit.glabels"}),
    ("data", {"printkit.load", "printkit.layout", "printkit.attendees", "printkit.attendee_columns",
              "printkit.check"}),
    ("reading", {"printkit.yamlsafe", "printkit.yamlfast", "printkit.yamlsplit",
                 "printkit.yamllines", "printkit.dump"}),
    ("ground", {"printkit.model", "printkit.errors", "printkit.units", "printkit.resources",
                "printkit.fit", "printkit.hyphenate", "printkit.quotes", "printkit.names",
                "printkit.collation", "printkit.impose",
                "printkit.saddle", "printkit.colorspec", "printkit.i18n", "printkit.localdates",
                "printkit.__init__", "printkit"}),
)  # fmt: skip


def module_name(path: Path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PKG.rglob("*.py")}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """printkit modules that `path` imports anywhere (top level, in functions, under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")
                base = ".".join(up[: len(up) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name and t.startswith("printkit"):
                out.add(t)
    return out


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    g = {m: imports_of(m, p, known) for m, p in mods.items()}
    # a package's __init__ that only names its modules is no edge back into them
    return {m: {t for t in ts if not m.startswith(t + ".") or t == "printkit"} - {"printkit"}
            for m, ts in g.items()}  # fmt: skip


def floor_of(mod: str) -> int:
    best, depth = None, -1
    for i, (_, prefixes) in enumerate(FLOORS):
        for p in prefixes:
            if (mod == p or mod.startswith(p + ".")) and len(p) > depth:
                best, depth = i, len(p)
    assert best is not None, f"{mod} is on no floor: add it to FLOORS"
    return best


def test_no_import_circle():
    g = graph()
    state: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(g.get(m, ())):
            if state.get(t) == 1:
                circles.append(stack[stack.index(t) :] + [t])
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(g):
        if m not in state:
            visit(m)
    assert circles == []


def test_no_import_runs_up_a_floor():
    up = [
        f"{m} ({FLOORS[floor_of(m)][0]}) imports {t} ({FLOORS[floor_of(t)][0]})"
        for m, ts in graph().items()
        for t in ts
        if floor_of(t) < floor_of(m)
    ]
    assert up == []


@pytest.mark.parametrize("product", PRODUCTS)
def test_a_product_imports_no_other_product(product):
    others = [f"printkit.products.{p}" for p in PRODUCTS if p != product]
    bad = [
        f"{m} imports {t}"
        for m, ts in graph().items()
        if m.startswith(f"printkit.products.{product}")
        for t in ts
        if any(t == o or t.startswith(o + ".") for o in others)
    ]
    assert bad == []


def test_shared_parts_import_no_product():
    g = graph()
    for shared in ("printkit.products.parts", "printkit.products.style"):
        assert not [t for t in g[shared] if t.count(".") >= 2 and t.startswith("printkit.products.")
                    and t not in ("printkit.products.parts", "printkit.products.style")]  # fmt: skip


def test_no_module_over_600_lines():
    long = {
        m: n for m, p in modules().items() if (n := len(p.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_floors_name_real_modules():
    mods = set(modules())
    for _, prefixes in FLOORS:
        for p in prefixes:
            assert any(m == p or m.startswith(p + ".") for m in mods) or p == "printkit.__init__", p
