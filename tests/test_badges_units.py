"""Badges without rendering: layouts, merging and sorting people, geometry, gLabels templates."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from printkit import glabels
from printkit.errors import PrintkitError, Problems
from printkit.layout import layout_names, parse_layout
from printkit.load import load_event
from printkit.model import Attendee
from printkit.products.badges.geometry import Block, Box, baselines, face, front_boxes, stack_height
from printkit.products.badges.layout import BadgeLayout, load_badge_layout
from printkit.products.badges.people import collation_key, collect, select, sort_badges
from printkit.resources import sample_event_dir
from printkit.units import MM

FIXTURES = Path(__file__).parent / "fixtures" / "glabels"
LAYOUTS = ("a6", "4x3in", "cr80", "a7", "foldover-a5")


@pytest.fixture(scope="module")
def sample():
    return load_event(sample_event_dir(), Problems())


def test_bundled_layouts_load_with_their_sizes():
    assert set(LAYOUTS) <= set(layout_names("badges"))
    sizes = {n: tuple(round(v / MM, 1) for v in load_badge_layout(n).piece) for n in LAYOUTS}
    assert sizes == {
        "a6": (105.0, 148.0),
        "4x3in": (101.6, 76.2),
        "cr80": (85.6, 54.0),
        "a7": (74.0, 105.0),
        "foldover-a5": (148.0, 210.0),  # A5: two A6 landscape faces
    }


def test_layout_unknown_key_is_an_error_naming_it():
    with pytest.raises(PrintkitError) as e:
        parse_layout({"name": "x", "names": {"frist_cap": "8mm"}}, BadgeLayout, "my.yaml")
    assert "names.frist_cap" in str(e.value) and "first_cap" in str(e.value)


@pytest.mark.parametrize("name", LAYOUTS)
@pytest.mark.parametrize("photo", [True, False])
@pytest.mark.parametrize("qr", [True, False])
def test_front_boxes_stay_in_the_safe_zone_and_apart(name, photo, qr):
    lay = load_badge_layout(name)
    f = face(lay)
    boxes = front_boxes(lay, f, photo and lay.photo.show, qr)
    placed = [b for b in (boxes.photo, boxes.qr, boxes.text) if b is not None]
    for b in placed:
        assert b.inside(f.safe) and b.inside(f.content)
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            overlap_w = min(a.right, b.right) - max(a.x, b.x)
            overlap_h = min(a.top, b.top) - max(a.y, b.y)
            assert overlap_w <= 1e-6 or overlap_h <= 1e-6
    if qr:
        assert boxes.qr is not None and 20 * MM - 1e-6 <= boxes.qr.w <= 25 * MM


@given(
    sizes=st.lists(st.floats(5, 40), min_size=1, max_size=4),
    lines=st.lists(st.integers(1, 3), min_size=4, max_size=4),
    slack=st.floats(0, 200),
)
def test_stacked_blocks_stay_inside_a_box_that_holds_them(sizes, lines, slack):
    cap = lambda size, bold: 0.7 * size  # noqa: E731
    blocks = [
        Block(("x",) * n, s, False, "black", 1.2, 3.0) for s, n in zip(sizes, lines, strict=False)
    ]
    h = stack_height(blocks, cap)
    box = Box(10, 20, 100, h + slack)
    for valign in ("top", "middle"):
        ys = baselines(blocks, box, cap, valign)
        assert ys[0][0] + cap(blocks[0].size, False) <= box.top + 1e-6
        assert ys[-1][-1] >= box.y - 1e-6
        flat = [y for b in ys for y in b]
        assert flat == sorted(flat, reverse=True)


def test_speaker_in_the_csv_gets_one_badge(sample):
    sp = sample.speakers[0]
    rows = [
        Attendee(name=sp.name.upper().replace(" ", "  "), id="T-1", pronouns="they/them"),
        Attendee(name="Someone Else", id=sample.speakers[1].id),  # same id as a speaker
        Attendee(name="New Person", id="T-3"),
    ]
    badges, merged = collect(sample, rows)
    assert merged == 2
    assert len(badges) == len(sample.speakers) + 1
    first = next(b for b in badges if b.speaker_id == sp.id)
    assert first.qr == sp.profile_url and "T-1" in first.ids
    assert first.pronouns == (sp.pronouns or "they/them")


def test_attendee_qr_is_the_qr_column_else_ticket_never_email(sample):
    rows = [
        Attendee(name="A", id="T-1", email="a@example.org"),
        Attendee(name="B", email="b@example.org"),
        Attendee(name="C", id="T-3", email="c@example.org", qr="https://x.example/c"),
        Attendee(name="D", id="T-4", email="d@example.org", qr="email"),
    ]
    badges, _ = collect(sample, rows)
    qrs = {b.name: b.qr for b in badges if not b.is_speaker}
    assert qrs == {"A": "T-1", "B": None, "C": "https://x.example/c", "D": "d@example.org"}


def test_only_role_and_sort(sample):
    rows = [
        Attendee(name="Émile Zola", organization="B", role="press", id="T-1"),
        Attendee(name="Emma Adams", organization="A", role="staff", id="T-2"),
        Attendee(name="Ada Young", organization=None, role="staff", id="T-3"),
        Attendee(name="李静怡", role="staff", id="T-4"),
    ]
    badges, _ = collect(sample, rows)
    staff = select(badges, roles=["staff"])
    assert [b.name for b in sort_badges(staff, "name")] == ["Ada Young", "Emma Adams", "李静怡"]
    assert [b.name for b in sort_badges(staff, "surname")][:2] == ["Emma Adams", "Ada Young"]
    assert [b.name for b in sort_badges(staff, "organization")][0] == "Emma Adams"
    assert [b.name for b in sort_badges(staff, "none")] == ["Emma Adams", "Ada Young", "李静怡"]
    two = select(badges, only=["T-1", sample.speakers[2].id])
    assert {b.name for b in two} == {"Émile Zola", sample.speakers[2].name}
    by_role = sort_badges(select(badges, only=["T-1", "T-2", sample.speakers[0].id]), "role")
    assert [b.role for b in by_role] == ["speaker", "staff", "press"]
    with pytest.raises(PrintkitError, match="no speaker or ticket id 'nope'"):
        select(badges, only=["nope"])


def test_collation_puts_accents_with_their_letters():
    names = ["Zoë", "Émile", "Emma", "elodie", "Ólafur", "Oscar"]
    assert sorted(names, key=collation_key) == ["elodie", "Émile", "Emma", "Ólafur", "Oscar", "Zoë"]


def test_glabels_lengths():
    assert glabels.parse_length("1in") == 72
    assert glabels.parse_length("25.4mm") == pytest.approx(72)
    assert glabels.parse_length("12") == 12
    with pytest.raises(ValueError):
        glabels.parse_length("3 furlongs")


def test_glabels_fixture_template_and_equiv(monkeypatch):
    monkeypatch.setenv("PRINTKIT_GLABELS_DIR", str(FIXTURES))
    sheet = glabels.find_template("testco-nb-8x")  # an equiv of NB-8
    assert sheet is not None and sheet.size() == (612.0, 792.0)
    slots = sheet.slots(3.5 * 72, 2.25 * 72)
    assert len(slots) == 8
    # first label: 19.05 mm = 0.75 in from the left, 1 in from the top (PDF y from the bottom)
    assert slots[0].x == pytest.approx(54) and slots[0].y == pytest.approx(792 - 72 - 162)
    assert slots[1].x == pytest.approx(54 + 252) and slots[2].y == pytest.approx(792 - 72 - 324)
    a6 = glabels.find_template("testco-a6-2")
    assert a6.size() == pytest.approx((210 * MM, 148 * MM))
    assert len(a6.slots(105 * MM, 148 * MM)) == 2
    assert a6.slots(120 * MM, 148 * MM) == []  # does not fit
    assert glabels.find_template("testco-nothing") is None


def test_glabels_file_loads_its_first_template():
    sheet = glabels.load_template(FIXTURES / "testco-templates.xml")
    assert sheet.name == "testco-nb-8" and sheet.label_width == pytest.approx(252)


def test_system_glabels_database_when_installed():
    if not glabels.template_dirs():
        pytest.skip("no gLabels template database installed")
    sheet = glabels.find_template("avery-5395")
    assert sheet is not None and len(sheet.slots(3.375 * 72, 2.3333 * 72)) == 8


@pytest.mark.parametrize("name", ["a6", "a7"])
@given(frac=st.floats(0, 1), photo=st.booleans())
def test_stacked_front_sets_photo_and_name_as_one_group_above_the_qr(name, frac, photo):
    from printkit.products.badges.geometry import GROUP_GAP

    lay = load_badge_layout(name)
    f = face(lay)
    room = front_boxes(lay, f, photo, True).text.h
    text_h = frac * room
    boxes = front_boxes(lay, f, photo, True, text_h)
    assert boxes.qr is not None and abs(boxes.qr.y - f.content.y) < 1e-6  # on the role band
    t = boxes.text
    assert abs(t.h - text_h) < 1e-6 and t.inside(f.content)
    top = t.top
    if boxes.photo is not None:  # the name right under the photo: no dead gap between them
        assert abs(boxes.photo.y - t.top - GROUP_GAP * lay.gap) < 1e-6
        top = boxes.photo.top
    above = f.content.top - top
    below = t.y - (boxes.qr.top + lay.gap)
    assert -1e-6 <= above <= below + 1e-6  # at or a little above the middle


@pytest.mark.parametrize("name", ["4x3in", "cr80", "foldover-a5"])
def test_side_front_keeps_a_gutter_between_name_and_qr(name):
    lay = load_badge_layout(name)
    boxes = front_boxes(lay, face(lay), lay.photo.show, True)
    assert boxes.qr is not None and boxes.qr.x - boxes.text.right >= 1.5 * lay.gap - 1e-6


def _a6_with(tmp_path, name, old, new):
    from printkit.products.badges.layout import layout_path

    text = layout_path("a6").read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / name
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


def test_layout_size_errors_name_their_key_and_line(tmp_path):
    lay = _a6_with(tmp_path, "unit.yaml", "margin: 7mm", "margin: 7cm")
    with pytest.raises(PrintkitError) as e:
        load_badge_layout(lay)
    assert f"{lay}:8: margin: 7cm leaves no room for the name" in str(e.value)


@pytest.mark.parametrize(("key", "value", "line"), [("qr.size", "400mm", 37),
                                                     ("photo.size", "120mm", 34)])  # fmt: skip
def test_layout_blocks_that_do_not_fit_are_errors_at_their_key(tmp_path, key, value, line):
    old = {"qr.size": "  size: 22mm", "photo.size": "  size: 26mm"}[key]
    lay = _a6_with(tmp_path, "big.yaml", old, f"  size: {value}")
    with pytest.raises(PrintkitError) as e:
        load_badge_layout(lay)
    assert f"{lay}:{line}: {key}: {value} " in str(e.value)


def test_stacked_qr_and_photo_that_crowd_out_the_name_are_an_error(tmp_path):
    lay = _a6_with(tmp_path, "crowd.yaml", "  size: 22mm", "  size: 60mm")
    with pytest.raises(PrintkitError, match=r"crowd.yaml:37: qr.size: 60mm leaves no room"):
        load_badge_layout(lay)


def test_ink_below_a_line_pushes_the_next_line_down():
    cap = lambda size, bold: 0.7 * size  # noqa: E731
    plain = [Block(("a", "b"), 20, False, "black", 1.1, 4.0), Block(("c",), 10, False, "k", 1.1, 0)]
    deep = [Block(("a", "b"), 20, False, "black", 1.1, 4.0, (14, 18), (9, 9)),
            Block(("c",), 10, False, "k", 1.1, 0, (9,), (0,))]  # fmt: skip
    ys = baselines(plain, Box(0, 0, 100, 200), cap, "top")
    assert ys[0][0] - ys[0][1] == pytest.approx(22) and ys[0][1] - ys[1][0] == pytest.approx(11)
    ys = baselines(deep, Box(0, 0, 100, 200), cap, "top")
    assert ys[0][0] - ys[0][1] >= 9 + 18  # the first line's descent + the second's ascent
    assert ys[0][1] - ys[1][0] >= 9 + 9


class _QRSurface:
    """Just enough of a Surface for BadgeArt.qr: the target, problems and the codes drawn."""

    def __init__(self):
        from printkit.press.page import TARGETS

        self.target, self.problems, self.drawn = TARGETS["shop"], Problems(), []

    def qr(self, x, y, size, payload, ec="M"):
        self.drawn.append(ec)


def test_a_qr_falls_back_to_ec_l_before_it_is_dropped_and_the_need_rounds_up(sample):
    from printkit.press import qr as _qr
    from printkit.products.badges.draw import BadgeArt

    art = BadgeArt(sample, load_badge_layout("a6"))
    box = Box(0, 0, 20 * MM, 20 * MM)
    short, mid, long_ = ("https://example.org/" + "x" * n for n in (30, 100, 200))
    need = {u: _qr.min_size_for(u, "M", 0.4 * MM) / MM for u in (mid, long_)}
    assert 20 < need[mid] < 21.5 and need[long_] > 22  # M is too big for both (0.4 mm modules)
    s = _QRSurface()
    assert art.qr(s, box, short, None) and s.drawn == ["M"]  # M stays the default
    assert art.qr(s, box, mid, None) and s.drawn == ["M", "L"]  # L fits: kept, not dropped
    assert not art.qr(s, box, long_, None) and s.drawn == ["M", "L"]
    (w,) = [str(p) for p in s.problems.warnings]
    assert "too long for a 20 mm code (it needs 25 mm)" in w, w  # L's 24.4 mm, rounded up


def test_sort_by_surname_ignores_nicknames_and_reads_surname_comma_given():
    from printkit.model import Attendee
    from printkit.products.badges.people import collect, sort_badges

    class _Ev:
        speakers = ()

        def sessions_of(self, _):
            return ()

    people = [
        Attendee(name=n) for n in ('Loïc Tosser "wowi42"', "Smith, John", "Shane Kerr (he/him)")
    ]
    badges, _ = collect(_Ev(), people)
    assert [b.name for b in sort_badges(badges, "surname")] == [
        "Shane Kerr (he/him)",
        "Smith, John",
        'Loïc Tosser "wowi42"',
    ]
