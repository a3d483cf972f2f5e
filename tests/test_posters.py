"""Poster grouping (products/posters.py): one stand-in per room and start time, board numbers in order."""

from __future__ import annotations

from datetime import datetime

from printkit.model import Session
from printkit.products.posters import fold_posters, poster_groups

T0, T1 = datetime(2026, 6, 8, 16, 0), datetime(2026, 6, 8, 18, 0)


def poster(i, room="hall", board=None, start=T0, end=T1):
    return Session(id=f"p{i}", title=f"Poster {i}", start=start, end=end, type="poster", room=room,
                   extra={"board_number": board} if board else None)  # fmt: skip


def test_posters_of_one_room_and_time_fold_into_one_stand_in():
    talk = Session(
        id="t",
        title="Talk",
        start=datetime(2026, 6, 8, 9),
        end=datetime(2026, 6, 8, 10),
        room="hall",
    )
    items = [talk] + [poster(i, board=f"B{i}") for i in (10, 2, 1)] + [poster(9, room="foyer")]
    folded = fold_posters(items)
    assert [s.id for s in folded] == ["t", "p1", "p9"]  # the stand-in takes the first board's id
    stand_in = folded[1]
    assert stand_in.title == "Poster session: 3 posters, boards B1, B2, B10"
    assert (stand_in.start, stand_in.end, stand_in.speakers, stand_in.type) == (
        T0,
        T1,
        (),
        "poster",
    )
    assert folded[2].title == "Poster 9"  # a lone poster stays itself


def test_groups_order_boards_naturally_and_span_the_latest_end():
    items = [poster(i, board=str(i)) for i in range(1, 68)] + [
        poster(99, end=datetime(2026, 6, 8, 19))
    ]
    (group,) = poster_groups(items)
    assert [s.id for s in group.posters][:3] == ["p1", "p2", "p3"] and group.posters[-1].id == "p99"
    assert group.label == "Poster session: 68 posters, boards 1–67"
    assert group.end == datetime(2026, 6, 8, 19)


def test_different_start_times_are_different_sessions():
    later = datetime(2026, 6, 9, 16, 0)
    items = [
        poster(1),
        poster(2),
        poster(3, start=later, end=later.replace(hour=18)),
        poster(4, start=later, end=later.replace(hour=18)),
    ]
    assert [g.label for g in poster_groups(items)] == ["Poster session: 2 posters"] * 2
    assert len(fold_posters(items)) == 2
