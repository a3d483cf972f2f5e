"""Attendee CSVs of other systems: --columns eventbrite|tito|pretix-csv and --map, for validate and badges."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from conftest import invoke

from printkit.attendee_columns import column_map
from printkit.attendees import load_attendees
from printkit.errors import PrintkitError, Problems
from printkit.resources import sample_event_dir

FIX = Path(__file__).parent / "fixtures" / "attendees"
EVENTBRITE = FIX / "eventbrite_attendees.csv"
TITO = FIX / "tito_tickets.csv"
PRETIX_CSV = FIX / "pretix_positions.csv"


def people(path, preset=None, maps=()):
    return load_attendees(path, Problems(), column_map(preset, maps))


def test_eventbrite_preset_badges_decode_to_the_barcodes(runner, tmp_path):
    pdf = tmp_path / "b.pdf"
    r = invoke(runner, "badges", sample_event_dir(), "--attendees", EVENTBRITE, "--columns",
               "eventbrite", "--target", "screen", "--role", "attendee", "-o", pdf)  # fmt: skip
    assert r.exit_code == 0, r.output
    doc = pdfium.PdfDocument(str(pdf))
    assert len(doc) == 6  # three badges, front and back
    found, text = set(), ""
    for i in range(len(doc)):
        found |= {x.text for x in zxingcpp.read_barcodes(doc[i].render(scale=150 / 72).to_pil())}
        text += " ".join(doc[i].get_textpage().get_text_range().split()) + " "
    assert {"223344550112345001", "223344550212345001", "223344550312345001"} <= found
    for words in ("Ada", "Lovelace", "Muñoz-García", "Analytical Engines"):
        assert words in text


def test_eventbrite_fields():
    ada, grace, jose = people(EVENTBRITE, "eventbrite")
    assert (ada.name, ada.organization, ada.id, ada.email) == (
        "Ada Lovelace", "Analytical Engines", "2233445501", "ada@example.org")  # fmt: skip
    assert grace.organization is None  # no company; the buyer's fields are not the attendee's
    assert jose.name == "José Muñoz-García"


def test_tito_preset_in_validate(runner):
    r = invoke(runner, "validate", sample_event_dir(), "--attendees", TITO, "--columns", "tito")
    assert r.exit_code == 0, r.output
    assert "attendees 2 (2 attendee)" in r.stdout
    mh, kj = people(TITO, "tito")
    assert (mh.name, mh.organization, mh.id) == ("Margaret Hamilton", "Apollo Guidance", "GIAO-1")
    assert kj.qr is None  # Tito's export has no check-in code column


def test_pretix_csv_joins_the_ticket_id_and_takes_the_first_company_column():
    ada, grace = people(PRETIX_CSV, "pretix-csv")
    assert (ada.id, ada.qr, ada.organization) == ("ABC12-1", "k7dq2mzv9xw4hbn3t8yc6fpr",
                                                  "Analytical Engines")  # fmt: skip
    assert grace.organization is None  # the second "Company" is the invoice's


def test_custom_map_joins_first_and_last_name(runner):
    maps = ("name=First Name", "name=Last Name", 'organization="Job Title"', "id=Order #")
    ada, grace, _ = people(EVENTBRITE, None, maps)
    assert (ada.name, ada.organization, ada.id) == ("Ada Lovelace", "Programmer", "1122334455")
    assert grace.qr is None
    args = [a for m in maps for a in ("--map", m)]
    r = invoke(runner, "validate", sample_event_dir(), "--attendees", EVENTBRITE, *args)
    assert r.exit_code == 0, r.output
    assert "attendees 3" in r.stdout


def test_a_map_overrides_its_presets_field():
    ada, *_ = people(EVENTBRITE, "eventbrite", ["qr=Order #"])
    assert ada.qr == "1122334455" and ada.id == "2233445501"


def test_missing_columns_are_errors_on_line_one(runner):
    r = invoke(
        runner, "validate", sample_event_dir(), "--attendees", EVENTBRITE, "--columns", "tito"
    )
    assert r.exit_code == 1
    assert (f"{EVENTBRITE}:1: --columns tito: no column 'Ticket Full Name' or 'Ticket First Name'"
            " + 'Ticket Last Name' for name in the header") in r.stderr  # fmt: skip
    r = invoke(runner, "validate", sample_event_dir(), "--attendees", EVENTBRITE, "--map",
               "name=Full Name", "--map", "email=E-mail")  # fmt: skip
    assert r.exit_code == 1
    assert r.stderr.count(f"{EVENTBRITE}:1: --map: no column") == 2


def test_without_a_preset_the_error_points_at_the_options(runner):
    r = invoke(runner, "validate", sample_event_dir(), "--attendees", EVENTBRITE)
    assert r.exit_code == 1 and "--columns eventbrite|tito|pretix-csv" in r.stderr


@pytest.mark.parametrize("preset,maps,message", [
    (None, ["organization=Company"], "say which column holds the name"),
    (None, ["colour=Company"], "field one of"),
    (None, ["name"], 'write field="Column name"'),
    ("ticketmaster", [], "--columns 'ticketmaster'"),
])  # fmt: skip
def test_bad_maps(preset, maps, message):
    with pytest.raises(PrintkitError, match=message):
        column_map(preset, maps)


def test_all_passes_the_columns_to_the_badges(runner, tmp_path):
    r = invoke(runner, "all", sample_event_dir(), "--attendees", EVENTBRITE, "--columns", "tito",
               "-o", tmp_path / "out")  # fmt: skip
    assert r.exit_code == 1
    assert f"{EVENTBRITE}:1: --columns tito: no column 'Ticket Full Name'" in r.stderr
