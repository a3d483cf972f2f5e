"""Event speakers + attendee CSV rows → one Badge per person: merged, filtered, sorted.

A speaker who is also in the CSV (same name after NFKC + casefold, or the
CSV id equal to the speaker id) gets one badge: the speaker's, completed
with the CSV's pronouns and organization when the event lacks them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
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


@dataclass(frozen=True, slots=True)  # slots: one per person, all held until drawn
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


def collect(event: Event, attendees: Iterable[Attendee] = ()) -> tuple[list[Badge], int]:
    """Speakers first (event order), then CSV rows that are not speakers; returns (badges, merged)."""
    by_name: dict[str, Speaker] = {}
    by_id: dict[str, Speaker] = {}
    for sp in event.speakers:
        by_name.setdefault(name_key(sp.name), sp)
        by_id[sp.id] = sp
    rows: dict[str, Attendee] = {}
    others: list[Attendee] = []
    for a in attendees:
        sp = (by_id.get(a.id) if a.id else None) or by_name.get(name_key(a.name))
        if sp is not None and sp.id not in rows:
            rows[sp.id] = a
        elif sp is None:
            others.append(a)
        # a second CSV row for the same speaker is the same person again: dropped
    badges = [from_speaker(event, sp, rows.get(sp.id)) for sp in event.speakers]
    badges += [from_attendee(a) for a in others]
    return badges, len(rows)


def select(
    badges: Sequence[Badge], only: Sequence[str] = (), roles: Sequence[str] = ()
) -> list[Badge]:
    """Keep badges whose id (speaker id or ticket id) is in `only` and whose role is in `roles`."""
    out = list(badges)
    if only:
        wanted = list(dict.fromkeys(only))
        known = {i for b in out for i in b.ids}
        missing = [i for i in wanted if i not in known]
        if missing:
            raise PrintkitError(
                f"--only: no speaker or ticket id {', '.join(repr(m) for m in missing)}"
            )
        keep = set(wanted)
        out = [b for b in out if keep.intersection(b.ids)]
    if roles:
        keep_roles = set(roles)
        out = [b for b in out if b.role in keep_roles]
    return out


def sort_badges(badges: Sequence[Badge], how: str = "name") -> list[Badge]:
    """Stable sort by name, surname, organization or role (then name); `none` keeps the order."""
    if how == "none":
        return list(badges)
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
    return sorted(badges, key=key)
