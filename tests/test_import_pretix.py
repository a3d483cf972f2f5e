"""printkit import pretix: pretix orders → attendee CSV → badges whose QR codes are the ticket secrets."""

from __future__ import annotations

import csv
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from click.testing import CliRunner
from json_server import serve

from printkit.cli import cli
from printkit.errors import PrintkitError
from printkit.importers.cli import command
from printkit.importers.pretix import names_of, parse_role_map, parse_statuses
from printkit.importers.pretix_run import items_url
from printkit.resources import sample_event_dir

FIX = Path(__file__).parent / "fixtures" / "import"
PAGE1, PAGE2 = FIX / "pretix_orders_page1.json", FIX / "pretix_orders_page2.json"
ITEMS = FIX / "pretix_items.json"
EVENT = "/api/v1/organizers/democon/events/2026/"
ROUTES = {f"{EVENT}orders/": PAGE1, f"{EVENT}orders/?page=2": PAGE2, f"{EVENT}items/": ITEMS}
TOKEN = "pretix-SECRET-token-abcdef0123456789"


def run(*args, env=None):
    return CliRunner().invoke(command, [str(a) for a in args], catch_exceptions=False, env=env)


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def from_api(tmp_path_factory):
    """Both pages and the items read from a local pretix-like server, with a token."""
    out = tmp_path_factory.mktemp("pretix") / "people.csv"
    with serve(ROUTES) as (base, seen):
        result = run("pretix", f"{base}{EVENT}orders/", "-o", out,
                     "--role-map", "Speaker ticket=speaker", env={"PRETIX_TOKEN": TOKEN})  # fmt: skip
    assert result.exit_code == 0, result.output
    return out, result.output, seen


def test_every_page_and_the_items_are_read_with_the_token(from_api):
    _, output, seen = from_api
    assert [path for path, _ in seen] == [f"{EVENT}orders/", f"{EVENT}orders/?page=2",
                                          f"{EVENT}items/"]  # fmt: skip
    assert all(h.get("Authorization") == f"Token {TOKEN}" for _, h in seen)
    assert "read 2 pages" in output


def test_the_token_is_never_written_or_printed(from_api):
    out, output, _ = from_api
    assert TOKEN not in output
    assert TOKEN not in out.read_text("utf-8")


def test_paid_admission_positions_become_rows(from_api):
    out, output, _ = from_api
    people = {r["id"]: r for r in rows(out)}
    assert list(people) == ["ABC12-1", "ABC12-3", "GHI56-1", "JKL78-1", "PQR12-1"]
    ada = people["ABC12-1"]
    assert (ada["name"], ada["organization"], ada["role"], ada["qr"]) == (
        "Ada Lovelace", "Analytical Engines", "attendee", "k7dq2mzv9xw4hbn3t8yc6fpr")  # fmt: skip
    assert people["ABC12-3"]["name"] == "Grace Hopper"  # from attendee_name_parts
    assert people["ABC12-3"]["role"] == "speaker"  # item name through --role-map
    assert people["PQR12-1"]["name"] == "Dr. Katherine G. Johnson"  # parts in their order
    assert people["GHI56-1"]["name"] == "Margaret Hamilton"  # the invoice name
    assert people["GHI56-1"]["organization"] == "Apollo Guidance"
    assert people["JKL78-1"]["name"] == "Guest"
    assert "warning:" in output and "JKL78-1 has no attendee name" in output
    for dropped in ("add-on positions (no badge): 1", "positions of items without admission",
                    "status 'n'", "status 'c'"):  # fmt: skip
        assert dropped in output


def test_status_and_unnamed_options(tmp_path):
    out = tmp_path / "p.csv"
    result = run("pretix", PAGE1, "-o", out, "--items", ITEMS, "--status", "paid,pending",
                 "--unnamed", "guest")  # fmt: skip
    assert result.exit_code == 0, result.output
    people = {r["id"]: r for r in rows(out)}
    assert people["DEF34-1"]["name"] == "Linus Pending"
    assert people["GHI56-1"]["name"] == "Guest"
    assert "one page of 6 results" in result.output  # a file's `next` is not followed


def test_localized_item_names_map_in_any_language(tmp_path):
    out = tmp_path / "p.csv"
    result = run(
        "pretix", PAGE1, "-o", out, "--items", ITEMS, "--role-map", "Sprecherticket=speaker"
    )
    assert result.exit_code == 0, result.output
    assert {r["id"]: r["role"] for r in rows(out)}["ABC12-3"] == "speaker"
    assert names_of({"de": "Konferenzdinner"}) == ["Konferenzdinner"]
    assert names_of({"de": "Sprecherticket", "en": "Speaker ticket"})[0] == "Speaker ticket"


def test_order_data_export_and_orderpositions(tmp_path):
    result = run("pretix", FIX / "pretix_export.json", "-o", tmp_path / "a.csv")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in rows(tmp_path / "a.csv")] == ["ABC12-1", "ABC12-3"]
    result = run("pretix", FIX / "pretix_orderpositions.json", "-o", tmp_path / "b.csv")
    assert result.exit_code == 0, result.output
    assert [r["qr"] for r in rows(tmp_path / "b.csv")] == ["k7dq2mzv9xw4hbn3t8yc6fpr"]
    assert "no order status" in result.output


def test_refusals_write_nothing(tmp_path):
    out = tmp_path / "p.csv"
    assert "name it with -o" in run("pretix", PAGE1).output
    bad = run("pretix", PAGE1, "-o", out, "--role-map", "Speaker ticket=king")
    assert bad.exit_code == 1 and "role one of" in bad.output
    bad = run("pretix", PAGE1, "-o", out, "--status", "paid,lost")
    assert bad.exit_code == 1 and "--status 'lost'" in bad.output
    bad = run("pretix", FIX / "indico_sessions.json", "-o", out)
    assert bad.exit_code == 1 and "not pretix orders" in bad.output
    assert not out.exists()
    out.write_text("keep me", "utf-8")
    assert run("pretix", PAGE1, "-o", out).exit_code == 1
    assert out.read_text("utf-8") == "keep me"


def test_parsers():
    assert parse_statuses("paid, pending") == ("p", "n")
    assert parse_role_map(["Speaker = ticket=speaker"]) == {"speaker = ticket": "speaker"}
    with pytest.raises(PrintkitError):
        parse_role_map(["speaker"])
    assert items_url("https://p.example/api/v1/organizers/o/events/e/orders/?page=3") == (
        "https://p.example/api/v1/organizers/o/events/e/items/")  # fmt: skip
    assert items_url("/tmp/orders.json") is None


def test_badges_from_pretix_decode_to_the_ticket_secrets(from_api, tmp_path):
    out, _, _ = from_api
    pdf = tmp_path / "badges.pdf"
    result = CliRunner().invoke(cli, ["badges", str(sample_event_dir()), "--attendees", str(out),
                                      "--target", "screen", "-o", str(pdf)],
                                catch_exceptions=False)  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = pdfium.PdfDocument(str(pdf))
    found = set()
    for i in range(len(doc)):
        img = doc[i].render(scale=150 / 72).to_pil()
        found |= {r.text for r in zxingcpp.read_barcodes(img)}
    secrets = {r["qr"] for r in rows(out)}
    assert secrets <= found, secrets - found
    text = " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert "Hopper" in text and "Margaret" in text
