"""Problems found in a user's input → one-line messages `file:line: field: message`.

Every stage collects problems instead of raising on the first one; the CLI
prints them all together and exits 1 when any is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

SHOWN = 80  # characters of a quoted value a message repeats
LONGEST = 400  # characters of a whole message
_QUOTED = re.compile(rf"'[^'\n]{{{SHOWN},}}'" + rf'|"[^"\n]{{{SHOWN},}}"')


def quote(value, limit: int = SHOWN) -> str:
    """A value echoed in a message → its repr, cut to about `limit` characters with `…`."""
    text = (
        repr(value) if isinstance(value, str) else repr(str(value)) if value is not None else "null"
    )
    if len(text) > limit:
        text = text[: limit - 2] + "…" + text[0]
    return text


def _shorten(message: str) -> str:
    """Quoted values over SHOWN characters cut with `…`; the whole message kept under LONGEST."""
    if len(message) <= SHOWN:
        return message
    message = _QUOTED.sub(lambda m: m.group()[: SHOWN - 2] + "…" + m.group()[0], message)
    return message if len(message) <= LONGEST else message[: LONGEST - 1] + "…"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as known."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [p for p in (where, self.field) if p]
        prefix = ": ".join(parts)
        tag = "warning: " if self.severity is Severity.WARNING else ""
        message = _shorten(self.message)
        prefix = _shorten(prefix)
        return f"{prefix}: {tag}{message}" if prefix else f"{tag}{message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass
class Problems:
    """A collector of problems, passed through a stage and checked at its end."""

    items: list[Problem] = field(default_factory=list)

    def error(self, message: str, file=None, line=None, field=None) -> None:
        self.items.append(Problem(message, _s(file), line, field, Severity.ERROR))

    def warn(self, message: str, file=None, line=None, field=None) -> None:
        self.items.append(Problem(message, _s(file), line, field, Severity.WARNING))

    def extend(self, other: Problems | list[Problem]) -> None:
        self.items.extend(other.items if isinstance(other, Problems) else other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if not p.is_error]

    def raise_if_errors(self, strict: bool = False) -> None:
        # Problems may arrive twice (a stage's error list also raised): report each once.
        self.items = list(dict.fromkeys(self.items))
        """Raise PrintkitError when any error (or, when strict, any warning) was found."""
        bad = self.items if strict else self.errors
        if bad:
            if strict:
                bad = [Problem(p.message, p.file, p.line, p.field, Severity.ERROR) for p in bad]
            raise PrintkitError(bad, warnings=[] if strict else self.warnings)


def _s(file) -> str | None:
    return None if file is None else str(file)


class PrintkitError(Exception):
    """A user-facing failure: bad data, a bad option, an unusable file.

    Carries one or more problems; the CLI prints each on its own line and
    exits with status 1. Never a bug in printkit itself.
    """

    def __init__(self, problems: list[Problem] | str, warnings: list[Problem] | None = None):
        if isinstance(problems, str):
            problems = [Problem(problems)]
        self.problems = sorted(problems, key=_order)
        self.warnings = sorted(warnings or [], key=_order)
        super().__init__("\n".join(str(p) for p in self.problems))


def _order(p: Problem):
    return (p.file or "", p.line or 0)
