"""Event + sign layout → one PDF of room day signs (portrait) and session door signs (landscape).

Room signs come first (by day, then room), then door signs (by day, room,
time). Each door sign is a piece with the landscape trim, so its page is a
real landscape page (no /Rotate); on the office target it is turned onto
the portrait sheet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from printkit.cli_options import (
    event_argument,
    jobs_option,
    jobs_value,
    lang_option,
    layout_option,
    offline_option,
    output_option,
    progress_bar,
    run_product,
    strict_option,
    target_option,
)
from printkit.errors import PrintkitError, Problems
from printkit.i18n import localized
from printkit.model import Event, Room
from printkit.press.surface import Surface
from printkit.products import style
from printkit.products.parts import fonts_ready
from printkit.products.signs.door import door_sessions, draw_door
from printkit.products.signs.layout import SignLayout, load_sign_layout
from printkit.products.signs.room import (
    draw_room_page,
    plan_sign,
    room_days,
    room_name_setting,
)

KINDS = ("room", "door", "all")


PROGRESS_MIN = 200  # pieces: about 2 s of drawing


def select(event: Event, days=(), rooms=()) -> tuple[list[date], list[Room]]:
    """--day and --room values → the schedule days and rooms to print (PrintkitError if unknown)."""
    known_days = list(event.days)
    if days:
        wanted = [_as_date(d) for d in days]
        bad = [d for d in wanted if d not in known_days]
        if bad:
            have = ", ".join(f"{d:%Y-%m-%d}" for d in known_days) or "none"
            raise PrintkitError(f"--day {bad[0]:%Y-%m-%d}: no sessions that day (days: {have})")
        known_days = [d for d in known_days if d in wanted]
    all_rooms = list(event.rooms)
    if rooms:
        ids = {r.id for r in all_rooms}
        bad = [r for r in rooms if r not in ids]
        if bad:
            raise PrintkitError(
                f"--room {bad[0]}: no such room (rooms: {', '.join(sorted(ids)) or 'none'})"
            )
        all_rooms = [r for r in all_rooms if r.id in rooms]
    return known_days, all_rooms


def _as_date(d) -> date:
    """A date, datetime or YYYY-MM-DD text → date."""
    if isinstance(d, str):
        try:
            return date.fromisoformat(d)
        except ValueError:
            raise PrintkitError(f"--day {d}: not a date (use YYYY-MM-DD)") from None
    return d.date() if hasattr(d, "date") else d


@localized
def build(
    event: Event,
    out: Path,
    *,
    problems: Problems,
    target: str = "shop",
    kind: str = "all",
    days=(),
    rooms=(),
    layout: str | None = None,
    offline: bool = False,
    photos=None,
    jobs: int = 1,
    **_ignored,
) -> str:
    """Render the signs into `out` (a big run in chunks on `jobs` workers); return the summary line."""
    from printkit.layout import Sheet
    from printkit.press.images import PhotoStore
    from printkit.press.page import Press
    from printkit.press.parallel import draw_pieces

    if kind not in KINDS:
        raise PrintkitError(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    lay = load_sign_layout(layout, problems)
    fonts_ready()
    sel_days, sel_rooms = select(event, days, rooms)
    room_ids = {r.id for r in sel_rooms}
    trim = lay.landscape if kind == "door" else lay.portrait
    sheet = Sheet(
        name=f"{lay.name}-1up",
        paper=None,
        width=trim[0],
        height=trim[1],
        margin_top=0,
        margin_right=0,
        margin_bottom=0,
        margin_left=0,
        cut_lines=False,
    )
    photos = photos or PhotoStore(problems=problems, offline=offline)

    def make_press(path, part):
        return Press(path, trim, target, title=f"{event.name}: signs", problems=problems,
                     sheet=sheet if target == "office" else None, event=event, photos=photos,
                     subject="Room day signs and session door signs", part=part)  # fmt: skip

    pieces: list[tuple] = []  # (front, back, trim): planned here, drawn by draw_pieces
    n_room = n_door = 0
    if kind in ("room", "all"):
        rds = room_days(event, sel_rooms, sel_days)
        names = room_name_setting(event, rds, lay, *trim)
        for rd in rds:
            n_room += _add_room_sign(pieces, trim, event, rd, lay, problems, names[rd.room.id])
    if kind in ("door", "all"):
        sessions = [s for s in event.sessions if s.day in sel_days and s.room in room_ids]
        order = {r.id: i for i, r in enumerate(event.rooms)}
        sessions.sort(key=lambda s: (s.day, order.get(s.room, 0), s.start, s.end))
        for ses in door_sessions(event, sessions):
            pieces.append((_door_page(event, ses, lay), None, lay.landscape))
            n_door += 1
    if n_room + n_door == 0:
        raise PrintkitError("nothing to print: no sessions match the --day/--room filters")
    with progress_bar("signs", len(pieces), PROGRESS_MIN) as bar:
        advance = bar.update if bar is not None else None
        pages, path = draw_pieces(make_press, pieces, out, jobs, problems, advance)
    photos.finish()
    parts = []
    if kind in ("room", "all"):
        parts.append(f"{n_room} room sign page{'s' if n_room != 1 else ''}")
    if kind in ("door", "all"):
        parts.append(f"{n_door} door sign{'s' if n_door != 1 else ''}")
    return f"{path}: {' and '.join(parts)}, {pages} pages ({target})"


def _add_room_sign(pieces: list, trim, event: Event, rd, lay: SignLayout, problems: Problems,
                   name=None) -> int:  # fmt: skip
    """Plan one room's day sign (one or more pages) into `pieces`; return the number of pages."""
    W, H = trim
    name_fit, pages = plan_sign(event, rd, lay, W, H, name)
    for row in (r for page in pages for r in page):
        if row.title.truncated:
            src = row.session.src
            problems.warn(
                f'title shortened to two lines on the room sign of "{rd.room.name}"',
                src.file if src else None,
                src.line if src else None,
                "title",
            )
    for i, page_rows in enumerate(pages, 1):

        def draw(s: Surface, page_rows=page_rows, i=i) -> None:
            if i == 1:
                s.bookmark(f"{rd.room.name} · {style.day_label(rd.day)}")
            draw_room_page(s, event, rd, page_rows, name_fit, lay, i, len(pages))

        pieces.append((draw, None, None))
    return len(pages)


def _door_page(event: Event, ses, lay: SignLayout):
    def draw(s: Surface) -> None:
        s.bookmark(f"{style.time_label(ses.start)} {ses.title}"[:80], level=0)
        draw_door(s, event, ses, lay)

    return draw


@click.command("signs")
@event_argument
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="all",
    show_default=True,
    help="room: one day sign per room and day; door: one sign per session; all: both.",
)
@click.option(
    "--day",
    "days",
    multiple=True,
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="DATE",
    help="Only this schedule day (YYYY-MM-DD); repeatable.",
)
@click.option("--room", "rooms", multiple=True, metavar="ID", help="Only this room id; repeatable.")
@layout_option("Sign layout: a4 (default), a3, letter, tabloid, or a YAML file.")
@target_option("shop")
@output_option("signs.pdf")
@jobs_option
@offline_option
@lang_option
@strict_option
def command(event, kind, days, rooms, layout, target, output, offline, strict, jobs):  # fmt: skip
    """Room day signs and session door signs."""
    run_product(
        build,
        event,
        output,
        "signs.pdf",
        target=target,
        kind=kind,
        days=tuple(d.date() for d in days),
        rooms=tuple(rooms),
        layout=layout,
        offline=offline,
        strict=strict,
        jobs=jobs_value(jobs),
    )
