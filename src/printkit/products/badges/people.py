"""Event speakers + attendee CSV rows → one Badge per person: merged, filtered, sorted.

A speaker who is also in the CSV (same name after NFKC + casefold, or the
CSV id equal to the speaker id) gets one badge: the speaker's, completed
with the CSV's pronouns and organization when the event lacks them.

The badges of a run are a `BadgeList`: speakers' badges are held, an
attendee's is made from its CSV row when asked for; selecting and sorting
reorder positions, so memory holds a few bytes a person, not a Badge.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from printkit import names
from printkit.errors import PrintkitError
from printkit.model import Attendee, Event, Session, Speaker, Src
from printkit.products.style import split_name

SORTS = ("name", "surname", "organization", "role", "none")
ROLE_ORDER = {
    r: i
    for i, r in enumerate(
        ("speaker", "organizer", "staff", "volunteer", "press", "sponsor", "attendee")
    )
}


@dataclass(frozen=True, slots=True)  # slots: speakers' badges are held for the whole run
class Badge:
    """Everything one badge prints, decided before drawing."""

    name: str
    role: str
    pronouns: str | None = None
    organization: str | None = None
    qr: str | None = None
    photo: str | None = None
    base_dir: Path | None = None
    speaker_id: str | None = None
    ids: tuple[str, ...] = ()
    sessions: tuple[Session, ...] = ()
    src: Src | None = None

    @property
    def first(self) -> str:
        """The given name (with any title), printed large: split_name's first part."""
        return split_name(self.name)[0]

    @property
    def rest(self) -> str:
        """The rest of the name, printed below the given name (computed, not stored)."""
        return split_name(self.name)[1]

    @property
    def is_speaker(self) -> bool:
        return self.speaker_id is not None


def name_key(name: str) -> str:
    """The identity of a name for matching: NFKC, casefolded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def collation_key(text: str | None) -> tuple:
    """A locale-independent sort key: accents ignored first, then used to break ties.

    'Élodie' sorts with 'Elodie', before 'Emma'; Latin before Greek, Cyrillic,
    Arabic, Devanagari and CJK (code point order of the base letters).
    """
    if not text:
        return (1, "", "")
    folded = unicodedata.normalize("NFKD", text).casefold()
    base = "".join(c for c in folded if not unicodedata.combining(c))
    base = "".join(c for c in base if c.isalnum() or c.isspace()).strip()
    return (0, " ".join(base.split()), folded)


def attendee_qr(a: Attendee) -> str | None:
    """The CSV `qr` column (the word `email` means the e-mail column), else the ticket id, else none."""
    if a.qr:
        if a.qr.strip().lower() == "email":
            return a.email or None
        return a.qr
    return a.id or None


def from_speaker(event: Event, sp: Speaker, row: Attendee | None = None) -> Badge:
    ids = tuple(i for i in (sp.id, row.id if row else None) if i)
    qr = sp.profile_url or (attendee_qr(row) if row else None)
    return Badge(
        name=sp.name.strip(),
        role=sp.role or "speaker",
        pronouns=sp.pronouns or (row.pronouns if row else None),
        organization=sp.organization or (row.organization if row else None),
        qr=qr,
        photo=sp.photo,
        base_dir=sp.base_dir,
        speaker_id=sp.id,
        ids=ids,
        sessions=event.sessions_of(sp.id),
        src=sp.src,
    )


def from_attendee(a: Attendee) -> Badge:
    name = " ".join(a.name.split())
    return Badge(
        name=a.name if name == a.name else name,
        role=a.role,
        pronouns=a.pronouns,
        organization=a.organization,
        qr=attendee_qr(a),
        ids=(a.id,) if a.id else (),
        src=a.src,
    )


class BadgeList(Sequence[Badge]):
    """Badges in print order, each made when asked for: speakers' badges are held, attendees'
    are made from their rows (`attendees.AttendeeRows` keeps only each row's text)."""

    def __init__(self, held: Sequence[Badge], rows: Sequence[Attendee], order: array):
        self._held, self._rows, self._order = held, rows, order  # order: < len(held) held, else row

    def __len__(self) -> int:
        return len(self._order)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.pick(range(len(self._order))[i])
        k = self._order[i]
        n = len(self._held)
        return self._held[k] if k < n else from_attendee(self._rows[k - n])

    def __iter__(self) -> Iterator[Badge]:
        for i in range(len(self._order)):
            yield self[i]

    def pick(self, positions: Iterable[int]) -> BadgeList:
        """The badges at these positions, in this order."""
        order = self._order
        return BadgeList(self._held, self._rows, array("q", (order[p] for p in positions)))


def _pick(badges: Sequence[Badge], positions: Iterable[int]) -> Sequence[Badge]:
    if isinstance(badges, BadgeList):
        return badges.pick(positions)
    return [badges[p] for p in positions]


def collect(event: Event, attendees: Iterable[Attendee] = ()) -> tuple[BadgeList, int]:
    """Speakers first (event order), then CSV rows that are not speakers; returns (badges, merged)."""
    by_name: dict[str, Speaker] = {}
    by_id: dict[str, Speaker] = {}
    for sp in event.speakers:
        by_name.setdefault(name_key(sp.name), sp)
        by_id[sp.id] = sp
    if not isinstance(attendees, Sequence):
        attendees = tuple(attendees)
    rows: dict[str, Attendee] = {}
    others = array("q")  # positions in `attendees` of the rows that are not speakers
    for i, a in enumerate(attendees):
        sp = (by_id.get(a.id) if a.id else None) or by_name.get(name_key(a.name))
        if sp is not None and sp.id not in rows:
            rows[sp.id] = a
        elif sp is None:
            others.append(i)
        # a second CSV row for the same speaker is the same person again: dropped
    held = [from_speaker(event, sp, rows.get(sp.id)) for sp in event.speakers]
    n = len(held)
    order = array("q", range(n))
    order.extend(n + i for i in others)
    return BadgeList(held, attendees, order), len(rows)


def select(
    badges: Sequence[Badge], only: Sequence[str] = (), roles: Sequence[str] = ()
) -> Sequence[Badge]:
    """Keep badges whose id (speaker id or ticket id) is in `only` and whose role is in `roles`."""
    keep: Iterable[int] = range(len(badges))
    if only:
        wanted = list(dict.fromkeys(only))
        known = {i for b in badges for i in b.ids}
        missing = [i for i in wanted if i not in known]
        if missing:
            raise PrintkitError(
                f"--only: no speaker or ticket id {', '.join(repr(m) for m in missing)}"
            )
        ids = set(wanted)
        keep = [p for p in keep if ids.intersection(badges[p].ids)]
    if roles:
        keep_roles = set(roles)
        keep = [p for p in keep if badges[p].role in keep_roles]
    return _pick(badges, keep)


def sort_badges(badges: Sequence[Badge], how: str = "name") -> Sequence[Badge]:
    """Stable sort by name, surname, organization or role (then name); `none` keeps the order.

    Each badge's key is packed into one bytes object (`packed_key`) ending with its
    position, so the sort holds one small object a person and stays stable.
    """
    if how == "none":
        return _pick(badges, range(len(badges)))
    if how == "name":  # given name first, nicknames and pronouns ignored
        key = lambda b: collation_key(names.core(b.name))  # noqa: E731
    elif how == "surname":  # family name first, as the booklet's index sorts
        key = lambda b: (names.sort_key(b.name), collation_key(b.name))  # noqa: E731
    elif how == "organization":
        key = lambda b: (collation_key(b.organization), collation_key(b.name))  # noqa: E731
    elif how == "role":
        key = lambda b: (ROLE_ORDER.get(b.role, 99), collation_key(b.name))  # noqa: E731
    else:
        raise PrintkitError(f"--sort must be one of {', '.join(SORTS)}, not {how!r}")
    keys = [packed_key(key(b)) + p.to_bytes(4, "big") for p, b in enumerate(badges)]
    keys.sort()
    order = array("q", (int.from_bytes(k[-4:], "big") for k in keys))
    del keys
    return _pick(badges, order)


def packed_key(key) -> bytes:
    """A sort key of ints and strings (nested tuples) → bytes that sort as the tuples do.

    Strings are UTF-8 (code point order) with NUL written as NUL 2 and ended by NUL 1,
    so no packed string is a prefix of another; ints are 8 bytes, offset to sort signed.
    """
    if isinstance(key, tuple):
        return b"".join(packed_key(k) for k in key)
    if isinstance(key, str):
        return key.encode("utf-8", "surrogatepass").replace(b"\0", b"\0\2") + b"\0\1"
    if isinstance(key, int):
        return (key + (1 << 63)).to_bytes(8, "big")
    raise TypeError(f"cannot pack a sort key part of type {type(key).__name__}")
