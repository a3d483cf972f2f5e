"""Poster sessions → groups (one room, one start time): one block on grids and signs, a list in the booklet.

A poster session of an academic conference holds dozens of contributions
that share one room and one start time. Drawn as sessions they would be
dozens of overlapping blocks; `fold_posters` puts one stand-in session in
their place ("Poster session: 67 posters, boards 1–67"), which the
at-a-glance grid, the room signs and the door signs draw like any session.
The booklet lists every poster of a `PosterGroup` by its board number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from printkit.i18n import ngettext, tr
from printkit.model import Session

POSTER = "poster"


def board_number(s: Session) -> str | None:
    """A poster's board number (`extra.board_number`, as imported from Indico), or None."""
    value = (s.extra or {}).get("board_number")
    text = str(value).strip() if value not in (None, "") else ""
    return text or None


def _natural(text: str) -> tuple:
    """'P2' before 'P10': digits compare as numbers."""
    return tuple(int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", text) if p)


def _poster_order(s: Session) -> tuple:
    board = board_number(s)
    return (board is None, _natural(board) if board else (), s.title.casefold(), s.id)


@dataclass(frozen=True)
class PosterGroup:
    """The posters shown in one room from one start time, in board-number order."""

    room: str | None
    day: date
    start: datetime
    posters: tuple[Session, ...]

    @property
    def end(self) -> datetime:
        return max(s.end for s in self.posters)

    @property
    def boards(self) -> list[str]:
        return sorted({b for s in self.posters if (b := board_number(s))}, key=_natural)

    @property
    def label(self) -> str:
        """'Poster session: 67 posters', with the board numbers where they are known."""
        n = len(self.posters)
        text = ngettext("Poster session: {n} poster", "Poster session: {n} posters", n).format(n=n)
        boards = self.boards
        if len(boards) > 3:
            text += ", " + tr("boards {first}–{last}").format(first=boards[0], last=boards[-1])
        elif boards:
            text += ", " + ngettext("board {boards}", "boards {boards}", len(boards)).format(
                boards=", ".join(boards)
            )
        return text

    def as_session(self) -> Session:
        """One stand-in session for the whole group (the first poster's id, so links land on the list)."""
        first = self.posters[0]
        return replace(first, title=self.label, end=self.end, subtitle=None, speakers=(),
                       abstract=None, url=None, video=None, slides=None, host=None, links=(),
                       track=_common(s.track for s in self.posters))  # fmt: skip


def _common(values):
    found = set(values)
    return found.pop() if len(found) == 1 else None


def poster_groups(sessions) -> list[PosterGroup]:
    """The poster sessions among `sessions`, grouped by room, day and start time, in time order."""
    groups: dict[tuple, list[Session]] = {}
    for s in sessions:
        if s.type == POSTER:
            groups.setdefault((s.room or "", s.day, s.start), []).append(s)
    out = [PosterGroup(room or None, day, start, tuple(sorted(items, key=_poster_order)))
           for (room, day, start), items in groups.items()]  # fmt: skip
    return sorted(out, key=lambda g: (g.start, g.room or ""))


def fold_posters(sessions) -> list[Session]:
    """Sessions with every group of two or more posters replaced by one stand-in session,
    at the place of the group's first poster; all else unchanged and in order."""
    stand_in: dict[str, Session] = {}
    member: set[str] = set()
    for g in poster_groups(sessions):
        if len(g.posters) < 2:
            continue
        member.update(s.id for s in g.posters)
        stand_in[g.posters[0].id] = g.as_session()
    if not member:
        return list(sessions)
    return [stand_in.get(s.id, s) for s in sessions if s.id in stand_in or s.id not in member]
