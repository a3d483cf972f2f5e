"""At a glance on a dense day: short slots get room, and blocks too short for a title go to a key."""

from __future__ import annotations

import re

import pypdf
import pytest
from conftest import MINIMAL
from hypothesis import given
from hypothesis import strategies as st

from printkit.errors import Problems
from printkit.load import load_event
from printkit.products.booklet import command as booklet
from printkit.products.booklet.glance import (
    GlanceMetrics,
    _span,
    dense_minute,
    glance_head,
    key_layout,
    legend_room,
    title_fits,
)
from printkit.products.booklet.layout import load_booklet_layout
from printkit.units import MM

ROOMS = 4


def dense_event_yaml() -> str:
    """A devroom day: 25-minute talks with runs of 5- and 10-minute lightning slots, four rooms."""
    rooms = "\n".join(f"  - id: d{i}\n    name: Devroom {i}" for i in range(ROOMS))
    sessions = []
    for r in range(ROOMS):
        t = 9 * 60 + 5 * r
        k = 0
        while t < 18 * 60:
            dur = (25, 5, 5, 10, 25, 5)[k % 6]
            sessions.append(
                f"  - id: r{r}k{k}\n    title: Talk {r}-{k} on distributed build caches and more\n"
                f"    track: main\n    room: d{r}\n"
                f"    start: 2026-01-31 {t // 60:02d}:{t % 60:02d}\n"
                f"    end: 2026-01-31 {(t + dur) // 60:02d}:{(t + dur) % 60:02d}\n"
            )
            t += dur
            k += 1
    head = MINIMAL.split("sessions:")[0].replace("2025-05-06", "2026-01-31")
    head = head.replace("2025-05-07", "2026-01-31")
    return head.replace("rooms:\n  - id: hall\n    name: Hall A\n", f"rooms:\n{rooms}\n") + (
        "sessions:\n" + "".join(sessions)
    )


@pytest.fixture
def dense(write_event):
    return load_event(write_event(dense_event_yaml()), Problems())


def _grids(ev):
    return [p.glance for p in booklet.plan_booklet(ev).pages if p.kind == "glance"]


def test_dense_day_every_session_has_a_title_or_a_key_entry(dense):
    L = load_booklet_layout("a5")
    fw, fh = L.frame()
    grid_h = fh - (L.h2 * 1.3 + 3 * MM) - legend_room(L) - glance_head(L)
    grids = _grids(dense)
    seen, keyed = set(), 0
    for g in grids:
        m = GlanceMetrics(L.glance_text, L.glance_min_text,
                          (fw - L.glance_time_column) / len(g.rooms), fw - L.glance_time_column)  # fmt: skip
        assert (g.end - g.start) * g.scale + g.key_height <= grid_h + 0.01  # grid and key fit
        for s in g.sessions:
            a, b = _span(s, g.day)
            h = (min(b, g.end) - max(a, g.start)) * g.scale - 1.2
            assert title_fits(s.title, h, m) == (s.id not in g.key), (s.id, h)
            seen.add(s.id)
        keyed += len(g.key)
    assert seen == {s.id for s in dense.sessions}
    assert keyed > 0  # the 5-minute slots are numbered bands
    # short slots got more room than the layout's floor: a 15-minute slot holds two title lines
    assert min(g.scale for g in grids) >= L.glance_dense_minute * 0.85
    assert all(title_fits("x " * 40, 15 * g.scale - 1.2, m) for g in grids)


def test_key_lists_the_numbered_sessions_under_the_grid(dense, tmp_path):
    path = tmp_path / "dense.pdf"
    booklet.build(dense, path, problems=Problems(), offline=True)
    book = booklet.plan_booklet(dense)
    reader = pypdf.PdfReader(path)
    by_id = {s.id: s for s in dense.sessions}
    checked = 0
    for n, dp in enumerate(book.pages, start=1):
        if dp.kind != "glance" or not dp.glance.key:
            continue
        text = re.sub(r"\s+", " ", reader.pages[n - 1].extract_text())
        for i, sid in enumerate(dp.glance.key, start=1):
            s = by_id[sid]
            assert f"{i} {s.start:%H:%M}" in text  # the band: its number and start time
            entry = f"{s.start:%H:%M}–{s.end:%H:%M} {s.title}"
            assert entry in text, entry  # the key: time range and the whole title
            checked += 1
    assert checked >= 10


def test_sparse_days_need_no_key():
    from printkit.resources import sample_event_dir

    sample = load_event(sample_event_dir(), Problems())
    # talks of 20 minutes and more: no key, every block holds its title
    assert all(not g.key for g in _grids(sample))


@given(st.lists(st.integers(5, 120), max_size=60), st.floats(0.5, 1.0), st.floats(1.0, 3.0))
def test_dense_minute_stays_between_floor_and_cap(durations, floor, cap):
    v = dense_minute(durations, 24.0, floor, cap)
    assert floor <= v <= max(floor, cap)
    if durations and min(durations) >= 30:
        assert v == pytest.approx(
            max(floor, min(cap, 24.0 / sorted(durations)[len(durations) // 10]))
        )


@given(st.lists(st.floats(5, 40), max_size=30), st.integers(1, 4))
def test_key_columns_keep_order_and_balance(heights, columns):
    cols, height = key_layout(heights, columns)
    assert len(cols) == columns
    assert [i for c in cols for i in c] == list(range(len(heights)))
    assert all(sum(heights[i] for i in c) <= height + 1e-6 for c in cols)
    if heights:
        assert height <= sum(heights) / columns + max(heights) + 1e-6


def test_a_late_session_alone_gets_only_its_room_not_empty_columns(write_event):
    text = dense_event_yaml().replace(
        "sessions:\n",
        "sessions:\n  - id: late\n    title: Late panel\n    track: main\n    room: d2\n"
        "    start: 2026-01-31 23:30\n    end: 2026-01-31 23:59\n",
        1,
    )
    grids = _grids(load_event(write_event(text), Problems()))
    late = [g for g in grids if any(s.id == "late" for s in g.sessions)]
    assert late and all(g.rooms == ("d2",) for g in late)
    assert any(len(g.rooms) == ROOMS for g in grids)  # the busy day keeps all its rooms


def test_sessions_at_once_in_one_room_get_lanes_side_by_side():
    from datetime import date, datetime

    from printkit.model import Session
    from printkit.products.booklet.glance import room_lanes

    def ses(sid, a, b, room="r"):
        return Session(sid, sid, datetime(2024, 12, 28, *a), datetime(2024, 12, 28, *b), room=room)

    day = date(2024, 12, 28)
    got = room_lanes([ses("long", (12, 30), (15, 30)), ses("short", (12, 30), (14, 30)),
                      ses("next", (14, 30), (15, 0)), ses("alone", (16, 0), (17, 0)),
                      ses("other", (12, 30), (15, 30), room="q")], day)  # fmt: skip
    assert got["alone"] == (0, 1) and got["other"] == (0, 1)
    assert {got["long"], got["short"]} == {(0, 2), (1, 2)}
    assert got["next"][1] == 2 and got["next"][0] != got["long"][0]  # in the lane that freed up
