"""Sessions → what a host reads aloud, and wrapped lines → cards (pure planning for cue cards).

`cue_sessions` picks the sessions that get cards, `spoken_text` gives the
host's introduction or one built from the speakers' position, organization
and the talk title, `split_lines` spreads wrapped lines over cards in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from babel.lists import format_list

from printkit import fit as _fit
from printkit.fit import Measure
from printkit.i18n import N_, current, quote, tr
from printkit.model import Event, Session, Speaker

SPOKEN_TYPES = ("talk", "keynote", "panel", "workshop", "lightning")


def has_introduction(s: Session) -> bool:
    return bool(s.host and s.host.introduction and s.host.introduction.strip())


def cue_sessions(event: Event) -> list[Session]:
    """Sessions with a host introduction, and talks/keynotes/panels/workshops with speakers.

    In order of day, room (as listed in the event) and time, so a host
    working one room holds the cards in running order.
    """
    order = {r.id: i for i, r in enumerate(event.rooms)}
    out = [
        s
        for s in event.sessions
        if has_introduction(s) or (s.type in SPOKEN_TYPES and event.session_speakers(s))
    ]
    return sorted(out, key=lambda s: (s.day, order.get(s.room, len(order)), s.start, s.end))


def _who(sp: Speaker) -> str:
    role = sp.position
    org = sp.organization
    if role and org:
        return tr("{name}, {role} at {org}").format(name=sp.name, role=role, org=org)
    if role or org:
        return tr("{name}, {what}").format(name=sp.name, what=role or org)
    return sp.name


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    lang = current()
    if not lang.english_formats:
        return format_list(items, locale=lang.locale)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return "; ".join(items[:-1]) + "; and " + items[-1]


# The host's suggested words, one sentence per kind so each language can inflect it.
WELCOME_ONE = {
    "keynote": N_("Please welcome {who}, with the keynote {title}."),
    "workshop": N_("Please welcome {who}, with the workshop {title}."),
    "talk": N_("Please welcome {who}, with the talk {title}."),
}
WELCOME_MANY = {
    "keynote": N_("Please welcome {who}, with their keynote: {title}."),
    "workshop": N_("Please welcome {who}, with their workshop: {title}."),
    "talk": N_("Please welcome {who}, with their talk: {title}."),
}


def spoken_text(event: Event, s: Session) -> tuple[str, bool]:
    """(text to read, True when it is the host's own introduction)."""
    if has_introduction(s):
        return s.host.introduction.strip(), True
    speakers = event.session_speakers(s)
    who = _join([_who(sp) for sp in speakers])
    kind = s.type if s.type in WELCOME_ONE else "talk"
    title = quote(s.title)
    if s.type == "panel":
        text = tr("Our panel, {title}, brings together {who}. Please welcome them.")
        return text.format(title=title, who=who), False
    table = WELCOME_MANY if len(speakers) > 1 else WELCOME_ONE
    return tr(table[kind]).format(who=who, title=title), False


def split_lines(lines: Sequence[str], first: int, rest: int) -> list[list[str]]:
    """Lines in order onto cards holding `first` (0: header only), then `rest` lines each.

    A card never starts with a blank line (a paragraph break at a card edge
    is dropped); every non-blank line appears exactly once, in order.
    """
    first, rest = max(0, first), max(1, rest)
    cards: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        cap = first if not cards else rest
        if not current and not line.strip():
            continue
        if len(current) == cap:
            cards.append(current)
            current = []
            if not line.strip():
                continue
        current.append(line)
    while current and not current[-1].strip():
        current.pop()
    if current:
        cards.append(current)
    return cards or [[]]


def _wrap_units(units: Sequence[str], width: float, size: float, measure: Measure,
                sep: str) -> list[str]:  # fmt: skip
    """Greedy lines of whole units joined by `sep`; a unit wider than a line is wrapped alone."""
    lines: list[str] = []
    current = ""
    for i, unit in enumerate(units):
        piece = unit + (sep.rstrip() if i < len(units) - 1 else "")
        candidate = f"{current}{' ' if current else ''}{piece}"
        if not current or measure(candidate.rstrip(","), size) <= width:
            current = candidate  # a trailing comma may hang into the margin
        else:
            lines.append(current)
            current = piece
        if measure(current.rstrip(","), size) > width:  # one unit alone is too wide: break it
            parts = _fit.wrap(current, width, size, measure)
            lines.extend(parts[:-1])
            current = parts[-1]
    if current:
        lines.append(current)
    return lines


def fit_whole(wrap: Callable[[float], list[str]], max_size: float, min_size: float,
              max_lines: int) -> _fit.Fit:  # fmt: skip
    """The largest size (0.25 pt steps) whose `wrap(size)` has at most `max_lines` lines.

    Never cuts: when even `min_size` needs more lines, it takes them all at
    `min_size` (a host reads every word aloud).
    """
    size = max_size
    while size >= min_size - 1e-9:
        lines = wrap(size)
        if len(lines) <= max_lines and not any(ln.endswith(_fit.ELLIPSIS) for ln in lines):
            return _fit.Fit(size, tuple(lines), size < max_size, len(lines) > 1, False)
        size -= 0.25
    lines = wrap(min_size)
    return _fit.Fit(min_size, tuple(lines), min_size < max_size, len(lines) > 1, False)


def fit_title(text: str, width: float, max_size: float, min_size: float, max_lines: int,
              measure: Measure, lang: str | None = None) -> _fit.Fit:  # fmt: skip
    """A title on as many lines as it takes (more lines, then smaller to `min_size`), long
    words hyphenated in `lang`; "…" only for a word with no legal break even at `min_size`."""
    return fit_whole(lambda s: _fit.wrap(text, width, s, measure, lang), max_size, min_size,
                     max_lines)  # fmt: skip


def fit_names(units: Sequence[str], width: float, max_size: float, min_size: float,
              max_lines: int, measure: Measure) -> _fit.Fit:  # fmt: skip
    """'Name (pronouns)' units joined by commas, each kept on one line; no ellipsis."""
    units = [" ".join(u.split()) for u in units if u.strip()]
    if not units:
        return _fit.Fit(max_size, (), False, False, False)
    return fit_whole(lambda s: _wrap_units(units, width, s, measure, ", "), max_size, min_size,
                     max_lines)  # fmt: skip
