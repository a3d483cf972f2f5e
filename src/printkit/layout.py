"""layouts/<kind>/<name>.yaml (or a file path) → frozen, typed layout objects; unknown keys are errors.

A layout schema is a (nested) frozen dataclass. Field types understood:
`Length` (a float in points, written `85mm`, `4in`, `12pt`), `Color`
(`#RRGGBB` / `#RGB` / `black` / `white`), str, int, float, bool,
`Literal[...]`, `tuple[str, ...]`, nested dataclasses and `X | None`.
Defaults come from the dataclass. Every problem in a file is reported at
once as `file:line: key: message`, with a "did you mean" for typos.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from printkit import impose
from printkit.colorspec import is_color
from printkit.errors import PrintkitError, Problems
from printkit.resources import resource_dir
from printkit.units import MM, paper_size, parse_length

Length = Annotated[float, "length"]
Color = Annotated[str, "color"]

T = TypeVar("T")
_MISSING = object()


# -- finding and loading ---------------------------------------------------


def layout_names(kind: str) -> list[str]:
    """Names of the bundled layouts of one kind (`sheets`, `badges`, ...)."""
    folder = resource_dir("layouts") / kind
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def find_layout(ref: str | Path, kind: str) -> Path:
    """A layout name or a file path → the YAML file (PrintkitError when there is none)."""
    p = Path(ref)
    if isinstance(ref, Path) or p.suffix in (".yaml", ".yml") or len(p.parts) > 1:
        if p.is_file():
            return p
        raise PrintkitError(f"{p}: layout file not found")
    path = resource_dir("layouts") / kind / f"{ref}.yaml"
    if path.is_file():
        return path
    names = layout_names(kind)
    close = difflib.get_close_matches(str(ref), names, n=1)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    known = f"; known: {', '.join(names)}" if names else ""
    raise PrintkitError(f"no {kind} layout named {str(ref)!r}{hint}{known}")


def load_layout(ref: str | Path, kind: str, schema: type[T], problems: Problems | None = None) -> T:
    """Load and check a layout; raise PrintkitError listing every problem found in it."""
    from printkit.yamlsafe import load_yaml

    path = find_layout(ref, kind)
    local = Problems()
    data = load_yaml(path, local)
    if data is None and not local.errors:
        data = {}
    result = None
    if data is not None:
        result = _convert(data, schema, _Where(str(path), getattr(data, "line", 1), ""), local)
    if problems is not None:
        problems.extend(local.warnings)
    if local.errors or result is None:
        raise PrintkitError(local.errors or [_problem(str(path), f"cannot read {kind} layout")])
    return result


def parse_layout(data: Any, schema: type[T], file: str = "<layout>") -> T:
    """Plain data (already loaded) → a layout object, or PrintkitError."""
    local = Problems()
    result = _convert(data, schema, _Where(file, getattr(data, "line", None), ""), local)
    local.raise_if_errors()
    return result


def _problem(file, message):
    from printkit.errors import Problem

    return Problem(message, file)


# -- conversion ------------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    file: str
    line: int | None
    field: str

    def at(self, key, line) -> _Where:
        name = f"{self.field}.{key}" if self.field else str(key)
        return _Where(self.file, line if line is not None else self.line, name)


def _line_of(container, key, default):
    getter = getattr(container, "line_of", None)
    if getter is None:
        return default
    line = getter(key)
    return default if line is None else line


def _describe(tp) -> str:
    origin, args = get_origin(tp), get_args(tp)
    if origin is Annotated:
        return {"length": "a length like 85mm, 4in or 12pt", "color": "a colour like #1F3A93"}.get(
            args[1], _describe(args[0])
        )
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in args)
    if dataclasses.is_dataclass(tp):
        return "a mapping of keys"
    if origin is tuple:
        return "a list"
    return {str: "text", int: "a whole number", float: "a number", bool: "true or false"}.get(
        tp, str(tp)
    )


def _convert(value, tp, where: _Where, problems: Problems):
    """Return the converted value, or _MISSING after recording a problem."""
    origin, args = get_origin(tp), get_args(tp)

    def bad(msg=None):
        got = "nothing" if value is None else repr(value)
        problems.error(
            msg or f"expected {_describe(tp)}, got {got}", where.file, where.line, where.field
        )
        return _MISSING

    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return _convert(value, inner[0], where, problems)
        for a in inner:
            trial = Problems()
            out = _convert(value, a, where, trial)
            if out is not _MISSING:
                return out
        return bad()
    if origin is Annotated:
        base, tag = args[0], args[1]
        if tag == "length":
            try:
                v = parse_length(value)
            except (ValueError, TypeError):
                return bad()
            if v < 0:
                return bad(f"length must not be negative, got {value!r}")
            return v
        if tag == "color":
            if not is_color(value) or str(value).strip().lower() == "registration":
                return bad()
            return str(value).strip()
        return _convert(value, base, where, problems)
    if origin is Literal:
        if value in args:
            return value
        close = difflib.get_close_matches(str(value), [str(a) for a in args], n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        return bad(f"expected one of {', '.join(str(a) for a in args)}, got {value!r}{hint}")
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            return bad()
        item_tp = args[0] if args else Any
        out = []
        for i, item in enumerate(value):
            line = _line_of(value, i, where.line)
            v = _convert(item, item_tp, _Where(where.file, line, f"{where.field}[{i}]"), problems)
            out.append(v)
        return _MISSING if any(v is _MISSING for v in out) else tuple(out)
    if dataclasses.is_dataclass(tp):
        if value is None:
            value = {}
        if not isinstance(value, dict):
            return bad()
        return _dataclass(value, tp, where, problems)
    if tp is Any:
        return value
    if tp is bool:
        return value if isinstance(value, bool) else bad()
    if tp is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else bad()
    if tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        return bad()
    if tp is str:
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return bad()
    raise TypeError(f"layout field type {tp!r} is not supported")


def _dataclass(data: dict, tp, where: _Where, problems: Problems):
    hints = get_type_hints(tp, include_extras=True)
    fields = {f.name: f for f in dataclasses.fields(tp) if f.init}
    ok = True
    for key in data:
        if key not in fields:
            close = difflib.get_close_matches(str(key), list(fields), n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            w = where.at(key, _line_of(data, key, where.line))
            problems.error(f"unknown key{hint}", w.file, w.line, w.field)
            ok = False
    kwargs = {}
    for name, f in fields.items():
        if name in data:
            w = where.at(name, _line_of(data, name, where.line))
            v = _convert(data[name], hints[name], w, problems)
            if v is _MISSING:
                ok = False
            else:
                kwargs[name] = v
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            w = where.at(name, where.line)
            problems.error("required key is missing", w.file, w.line, w.field)
            ok = False
    if not ok:
        return _MISSING
    try:
        return tp(**kwargs)
    except (ValueError, TypeError) as e:  # a schema's __post_init__ check
        problems.error(str(e), where.file, where.line, where.field or None)
        return _MISSING


# -- paper -----------------------------------------------------------------


def check_paper(what: str, paper: str | None, width: float | None, height: float | None,
                key: str = "paper") -> None:  # fmt: skip
    """A layout's `paper` (or `size`) and `width`/`height` → ValueError unless one size is given.

    `what` names the layout in the message ("a badge layout"); an unknown
    paper name raises paper_size's ValueError, which lists the known ones.
    """
    if paper is None and (width is None or height is None):
        raise ValueError(f"{what} needs `{key}` or both `width` and `height`")
    if paper is not None:
        paper_size(paper)


def resolve_size(paper: str | None, width: float | None, height: float | None,
                 orientation: str = "portrait") -> tuple[float, float]:  # fmt: skip
    """A paper name or width/height (these win) → (width, height) in points, turned to `orientation`."""
    if width is not None and height is not None:
        w, h = width, height
    elif paper is not None:
        w, h = paper_size(paper)
    else:
        raise ValueError("needs a paper name or both width and height")
    if (orientation == "landscape") != (w > h):
        w, h = h, w
    return w, h


# -- sheets ----------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """A sheet of paper or label stock that pieces are laid out on (office target).

    With `label_width`/`label_height` the sheet is die-cut stock: labels sit
    at the published offsets (margins from the top-left, gaps between) and
    each piece is centred on its label. Without them the pieces themselves
    are laid out, as many as fit (`cols`/`rows` unset) and centred.
    """

    name: str = "a4"
    paper: str | None = "A4"
    width: Length | None = None
    height: Length | None = None
    orientation: Literal["portrait", "landscape"] = "portrait"
    margin_top: Length = 10 * MM
    margin_right: Length = 10 * MM
    margin_bottom: Length = 10 * MM
    margin_left: Length = 10 * MM
    cols: int | None = None
    rows: int | None = None
    gap_x: Length = 0.0
    gap_y: Length = 0.0
    label_width: Length | None = None
    label_height: Length | None = None
    corner_radius: Length = 0.0
    rotate: bool = True
    cut_lines: bool = True
    source: str = ""
    # office printing on plain paper: art stays this far inside the sheet edge (printers clip
    # there), and pieces you cut apart get a gutter holding `bleed` of art on each side
    printable_margin: Length = 5 * MM
    bleed: Length = 1.5 * MM
    die_cut: bool = False  # label stock cut by the die, label edge to edge: no gutter, no bleed
    # pieces that touch (no gutter) keep their art this far inside every shared cut line, so a
    # cut that far off leaves white, not the neighbour's colour; unset: 1 mm, 0 on die-cut stock
    cut_clearance: Length | None = None

    def __post_init__(self):
        check_paper("a sheet", self.paper, self.width, self.height)
        if (self.label_width is None) != (self.label_height is None):
            raise ValueError("give both label_width and label_height, or neither")
        for n in (self.cols, self.rows):
            if n is not None and n < 1:
                raise ValueError("cols and rows must be at least 1")
        if self.cut_clearance is not None and self.cut_clearance < 0:
            raise ValueError("cut_clearance must not be negative")

    def size(self) -> tuple[float, float]:
        """(width, height) of the sheet in points, turned for the orientation."""
        return resolve_size(self.paper, self.width, self.height, self.orientation)

    @property
    def margins(self) -> impose.Margins:
        return (self.margin_top, self.margin_right, self.margin_bottom, self.margin_left)

    @property
    def cut_bleed(self) -> float:
        """Art past each piece's trim into the gutter: `bleed` on paper, 0 on die-cut labels."""
        return 0.0 if self.die_cut else self.bleed

    @property
    def shared_cut_clearance(self) -> float:
        """How far art stays inside a cut line two touching pieces share (0 on die-cut labels)."""
        if self.die_cut:
            return 0.0
        return 1 * MM if self.cut_clearance is None else self.cut_clearance

    def printable(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) of the area an office printer prints: the sheet less `printable_margin`."""
        w, h = self.size()
        m = self.printable_margin
        return m, m, w - m, h - m

    def slots(self, piece_w: float, piece_h: float) -> list[impose.Slot]:
        """Where pieces of this size go on the sheet ([] when they do not fit).

        On paper (not die-cut) neighbours stay at least two bleeds apart: the
        gutter holds a little of each piece's art, so a cut a little off the
        line shows the piece's own colour, not its neighbour's.
        """
        w, h = self.size()
        fixed = self.cols is not None and self.rows is not None
        gap = (max(self.gap_x, 2 * self.cut_bleed), max(self.gap_y, 2 * self.cut_bleed))
        if self.label_width is None or self.label_height is None:
            return impose.grid(
                w, h, piece_w, piece_h, margin=self.margins, gap=gap,
                cols=self.cols, rows=self.rows, rotate_allowed=self.rotate,
            )  # fmt: skip
        cells = impose.grid(
            w, h, self.label_width, self.label_height, margin=self.margins,
            gap=gap, cols=self.cols, rows=self.rows,
            rotate_allowed=False, centre=not fixed,
        )  # fmt: skip
        eps = 0.5
        if piece_w <= self.label_width + eps and piece_h <= self.label_height + eps:
            pw, ph, rot = piece_w, piece_h, 0
        elif (
            self.rotate and piece_h <= self.label_width + eps and piece_w <= self.label_height + eps
        ):
            pw, ph, rot = piece_h, piece_w, 90
        else:
            return []
        return [impose.Slot(c.x + (c.w - pw) / 2, c.y + (c.h - ph) / 2, pw, ph, rot) for c in cells]


def load_sheet(ref: str | Path, problems: Problems | None = None) -> Sheet:
    """A sheet preset name (layouts/sheets/<name>.yaml) or file → Sheet."""
    return load_layout(ref, "sheets", Sheet, problems)


def default_sheet() -> Sheet:
    """Plain A4 with an automatic grid, used when no sheet is given."""
    try:
        return load_sheet("a4")
    except PrintkitError:
        return Sheet()


__all__ = [
    "Color",
    "Length",
    "Sheet",
    "default_sheet",
    "find_layout",
    "layout_names",
    "load_layout",
    "load_sheet",
    "parse_layout",
]
