"""Attendee CSV rules through `printkit validate --attendees`."""

from __future__ import annotations

from conftest import MINIMAL, invoke

from printkit.attendees import load_attendees
from printkit.errors import Problems
from printkit.resources import sample_event_dir


def csv_file(tmp_path, text: str, encoding="utf-8", name="people.csv"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_sample_attendees_load():
    people = load_attendees(sample_event_dir() / "attendees.csv", Problems())
    assert len(people) == 20
    assert {a.role for a in people} >= {"staff", "volunteer", "press", "sponsor", "organizer"}


def test_bom_and_semicolons_are_accepted(tmp_path):
    p = csv_file(tmp_path, "\ufeffname;organization;role\n胡玮文;FOSDEM;staff\n")
    (a,) = load_attendees(p, Problems())
    assert (a.name, a.organization, a.role) == ("胡玮文", "FOSDEM", "staff")


def test_unknown_columns_warn_once(tmp_path):
    problems = Problems()
    p = csv_file(tmp_path, "name,shirt,diet\nAda,M,veg\nBob,L,\n")
    assert len(load_attendees(p, problems)) == 2
    assert [str(w) for w in problems.warnings] == [
        f"{p}:1: warning: ignored unknown columns: shirt, diet"
    ]


def test_bad_rows_are_all_reported_with_lines(runner, write_event, tmp_path):
    event = write_event(MINIMAL)
    p = csv_file(tmp_path, "name,role,id\nAda,speeker,1\n,staff,2\nBob,staff,1\n")
    r = invoke(runner, "validate", event, "--attendees", p)
    assert r.exit_code == 1
    assert f"{p}:2: role: unknown role 'speeker'; did you mean 'speaker'?" in r.stderr
    assert f"{p}:3: name: required field is missing" in r.stderr
    assert f"{p}:4: id: duplicate ticket id '1' (first on line 2)" in r.stderr
    assert r.stderr.rstrip().endswith("3 errors.")


def test_not_utf8_and_no_name_column(runner, write_event, tmp_path):
    event = write_event(MINIMAL)
    p = csv_file(tmp_path, "name\nJosé\n", encoding="latin-1")
    r = invoke(runner, "validate", event, "--attendees", p)
    assert r.exit_code == 1 and "not UTF-8 text" in r.stderr
    q = csv_file(tmp_path, "nmae,org\nAda,X\n", name="q.csv")
    r = invoke(runner, "validate", event, "--attendees", q)
    assert r.exit_code == 1
    assert f"{q}:1: the header has no 'name' column; did you mean 'nmae'?" in r.stderr


def test_duplicate_columns_are_an_error(tmp_path):
    p = csv_file(tmp_path, "name,name,org\nJane,Janet,X\n")
    import pytest

    from printkit.errors import PrintkitError

    with pytest.raises(PrintkitError, match="column named twice: name"):
        load_attendees(p, Problems())


def test_event_and_csv_problems_are_reported_together(runner, write_event, tmp_path):
    event = write_event(MINIMAL.replace("track: main", "track: nope"))
    p = csv_file(tmp_path, "name,role\nAda,speeker\n")
    r = invoke(runner, "validate", event, "--attendees", p)
    assert r.exit_code == 1
    assert "sessions[0].track: no track with id 'nope'" in r.stderr
    assert f"{p}:2: role: unknown role 'speeker'" in r.stderr


def test_unterminated_quote_is_an_error_at_its_line(tmp_path):
    import pytest

    from printkit.errors import PrintkitError

    p = csv_file(tmp_path, 'name,organization,role\nDan,"unterminated,attendee\nEve,Z,attendee\n')
    with pytest.raises(PrintkitError) as e:
        load_attendees(p, Problems())
    assert str(e.value.problems[0]).startswith(f"{p}:2: a quoted field")


def test_qr_with_a_script_link_is_refused(tmp_path):
    import pytest

    from printkit.errors import PrintkitError

    p = csv_file(tmp_path, "name,qr\nAda,javascript:alert(1)\nBob,https://example.org/t/1\n")
    with pytest.raises(PrintkitError) as e:
        load_attendees(p, Problems())
    assert str(e.value.problems[0]).startswith(f"{p}:2: qr: QR payload 'javascript:alert(1)'")
    ok = csv_file(tmp_path, "name,qr\nBob,https://example.org/t/1\nCy,TICKET-42\n", name="ok.csv")
    assert [a.qr for a in load_attendees(ok, Problems())] == [
        "https://example.org/t/1",
        "TICKET-42",
    ]
