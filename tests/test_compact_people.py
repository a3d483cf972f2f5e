"""Compact per-person state: packed attendee rows, packed sort keys, badge lists, the streamed page tree."""

from __future__ import annotations

import io
import random

import pypdf
import pytest

from printkit.attendee_columns import column_map
from printkit.attendees import AttendeeRows, _lines, load_attendees
from printkit.errors import PrintkitError, Problems
from printkit.model import Attendee, Src
from printkit.press import Press
from printkit.products.badges.people import (
    BadgeList,
    collect,
    packed_key,
    select,
    sort_badges,
)
from printkit.units import MM


class _Ev:
    speakers = ()

    def sessions_of(self, _):
        return ()


def test_attendee_rows_rebuild_each_row_as_read(tmp_path):
    p = tmp_path / "people.csv"
    p.write_text(
        "\ufeffname,organization,role,pronouns,id,email,qr\r\n"
        '"Ada\nLovelace",GOSIM,STAFF,she/her,T-1,ada@example.org,email\r\n'
        "\r\n"
        "  Zoë  ,GOSIM,,,T-2,,https://x.example/z\r\n"
        "李静怡,,press,,,,\r\n",
        encoding="utf-8",
    )
    rows = load_attendees(p, Problems())
    assert isinstance(rows, AttendeeRows) and len(rows) == 3
    f = str(p)
    assert list(rows) == [
        Attendee("Ada\nLovelace", "GOSIM", "staff", "she/her", "T-1", "ada@example.org", "email"),
        Attendee("Zoë", "GOSIM", "attendee", None, "T-2", None, "https://x.example/z"),
        Attendee("李静怡", None, "press", None, None, None, None),
    ]  # src takes no part in equality: checked below
    assert [a.src for a in rows] == [Src(f, 2), Src(f, 5), Src(f, 6)]
    assert rows[-1].name == "李静怡" and [a.name for a in rows[1:]] == ["Zoë", "李静怡"]


def test_attendee_rows_through_a_column_map(tmp_path):
    p = tmp_path / "eb.csv"
    p.write_text("First Name;Last Name;Company;Attendee #\nAda;Lovelace;X;7\n", encoding="utf-8")
    (a,) = load_attendees(p, Problems(), column_map("eventbrite"))
    assert (a.name, a.organization, a.id, a.src.line) == ("Ada Lovelace", "X", "7", 2)


def test_packed_keys_sort_as_the_tuples_do():
    rng = random.Random(5)
    alphabet = ["", "a", "b", "\0", "\1", "\2", "é", "\uffff", "😀", " ", "A"]

    def text():
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(4)))

    keys = [
        (rng.choice([0, 1, -3, 99, 2**40]), (text(), text()), text(), (rng.randrange(3), text()))
        for _ in range(3000)
    ]
    assert sorted(keys, key=packed_key) == sorted(keys)
    assert packed_key(("ab",)) > packed_key(("a",)) < packed_key(("a\0",))


def test_sorting_a_badge_list_is_sorting_its_badges(tmp_path):
    names = ["Émile Zola", "Emma Adams", "Ada Young", "李静怡", "Ada Young", "ada young", "Zoë"]
    roles = ["press", "staff", "staff", "staff", "sponsor", "staff", "attendee"]
    orgs = ["B", "A", None, None, "B", "A", None]
    people = [
        Attendee(name=n, role=r, organization=o, id=f"T-{i}")
        for i, (n, r, o) in enumerate(zip(names, roles, orgs, strict=True))
    ]
    badges, _ = collect(_Ev(), people)
    assert isinstance(badges, BadgeList)
    plain = list(badges)
    for how in ("name", "surname", "organization", "role", "none"):
        got = sort_badges(badges, how)
        assert isinstance(got, BadgeList)
        assert [b.ids for b in got] == [b.ids for b in sort_badges(plain, how)], how
    staff = select(badges, roles=["staff"])
    assert [b.ids for b in staff] == [("T-1",), ("T-2",), ("T-3",), ("T-5",)]
    assert [b.ids for b in staff[1:3]] == [("T-2",), ("T-3",)]
    ids = [b.ids for b in sort_badges(plain, "name")]
    assert ids.index(("T-2",)) < ids.index(("T-4",)) < ids.index(("T-5",))  # stable on equal keys


def test_page_tree_of_many_pages_is_written_in_chunks(tmp_path):
    out = tmp_path / "many.pdf"
    n = 4100  # more than one chunk of page references
    with Press(out, (20 * MM, 20 * MM), "screen", title="t", problems=Problems()) as press:
        for _ in range(n):
            press.add(lambda s: s.rect(1, 1, 5, 5, fill="#000000"))
    reader = pypdf.PdfReader(out)
    kids = reader.trailer["/Root"]["/Pages"]["/Kids"]
    assert len(reader.pages) == n == len(kids) == len({k.idnum for k in kids})
    assert [k.idnum for k in kids] == sorted(k.idnum for k in kids)  # written in page order


def test_csv_lines_split_as_stringio_does():
    rng = random.Random(1)
    alphabet = ["a", ",", '"', "\r", "\n", "\r\n", " ", "é", "\x0b", "\x1c", "\u2028", "\x85"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(30)))
        assert list(_lines(text)) == list(io.StringIO(text, newline="")), repr(text)


def test_whitespace_only_csv_is_empty(tmp_path):
    p = tmp_path / "blank.csv"
    p.write_text(" \r\n\t\n", encoding="utf-8")
    with pytest.raises(PrintkitError, match="the file is empty"):
        load_attendees(p, Problems())
