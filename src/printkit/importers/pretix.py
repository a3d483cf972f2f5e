"""pretix orders (REST API pages, the orderpositions endpoint, or the "Order data" JSON export) → attendee rows.

One row per admission position of an order whose status is chosen
(`--status`, paid only by default): name from `attendee_name`, else the
`attendee_name_parts` joined in their own order; organization from
`company`; role from the item's name through `--role-map`; the badge QR is
the position's `secret` (what pretix's check-in apps scan); the ticket id is
`ORDERCODE-positionid`. Add-on positions and items without admission get no
badge. An unnamed admission position takes the order's invoice name, or
becomes "Guest" with a warning (`--unnamed`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from printkit.errors import PrintkitError
from printkit.importers.build import Report
from printkit.importers.common import clean_line
from printkit.model import ATTENDEE_ROLES

STATUS = {"paid": "p", "pending": "n", "expired": "e", "canceled": "c", "cancelled": "c"}
UNNAMED = ("invoice", "guest", "skip")
GUEST = "Guest"
_NOT_NAME_PARTS = ("_scheme", "salutation")


@dataclass
class PretixOptions:
    """What the command line says about which positions get a badge and how."""

    statuses: tuple[str, ...] = ("p",)
    role_map: dict[str, str] = field(default_factory=dict)  # casefolded item name → role
    unnamed: str = "invoice"
    source_name: str = "<source>"


def parse_statuses(text: str) -> tuple[str, ...]:
    """`paid,pending` → ('p', 'n'); a PrintkitError naming an unknown word."""
    out = []
    for word in (w.strip().lower() for w in text.split(",") if w.strip()):
        code = STATUS.get(word, word if word in STATUS.values() else None)
        if code is None:
            raise PrintkitError(
                f"--status {word!r}: one of {', '.join(sorted(set(STATUS) - {'cancelled'}))}"
            )
        out.append(code)
    return tuple(dict.fromkeys(out)) or ("p",)


def parse_role_map(pairs) -> dict[str, str]:
    """`("Speaker ticket=speaker", ...)` → {casefolded item name: role}, every role checked."""
    out: dict[str, str] = {}
    for pair in pairs or ():
        item, sep, role = pair.rpartition("=")
        role = role.strip().lower()
        if not sep or not item.strip():
            raise PrintkitError(f'--role-map {pair!r}: write "Item name=role"')
        if role not in ATTENDEE_ROLES:
            raise PrintkitError(f"--role-map {pair!r}: role one of {', '.join(ATTENDEE_ROLES)}")
        out[item.strip().casefold()] = role
    return out


def orders_and_positions(doc, source: str) -> tuple[list[dict], dict | None]:
    """Any of pretix's JSON shapes → (orders, each with its `positions`; the export's items or None).

    An orderpositions page becomes one pseudo-order per order code (no status known).
    """
    items = None
    if isinstance(doc, dict) and isinstance(doc.get("event"), dict):  # "Order data" JSON export
        items = {x.get("id"): x for x in doc["event"].get("items") or [] if isinstance(x, dict)}
        doc = doc["event"].get("orders")
    elif isinstance(doc, dict) and isinstance(doc.get("results"), list):
        doc = doc["results"]
    elif isinstance(doc, dict) and ("positions" in doc or "positionid" in doc):
        doc = [doc]
    if not isinstance(doc, list):
        raise PrintkitError(f"{source}: not pretix orders (no results[], orders or positions)")
    orders: list[dict] = []
    by_code: dict[str, dict] = {}
    for x in doc:
        if not isinstance(x, dict):
            continue
        if isinstance(x.get("positions"), list):
            orders.append(x)
        elif "positionid" in x:  # an order position from /orderpositions/
            code = str(x.get("order") or "")
            if code not in by_code:
                by_code[code] = {"code": code, "status": x.get("order__status"), "positions": []}
                orders.append(by_code[code])
            by_code[code]["positions"].append(x)
    if doc and not orders:
        raise PrintkitError(f"{source}: not pretix orders (no order has positions)")
    return orders, items


def item_table(doc) -> dict:
    """An items page, a list of items or an "Order data" export → {item id: item}."""
    if isinstance(doc, dict) and isinstance(doc.get("event"), dict):
        doc = doc["event"].get("items")
    elif isinstance(doc, dict) and isinstance(doc.get("results"), list):
        doc = doc["results"]
    if not isinstance(doc, list):
        raise PrintkitError("items: not a pretix items list (results[] of items)")
    return {x.get("id"): x for x in doc if isinstance(x, dict)}


def names_of(value) -> list[str]:
    """An item name (a string, or a language dictionary) → its names, English first."""
    if isinstance(value, dict):
        first = [value[k] for k in ("en", "en-us", "en-gb") if value.get(k)]
        return [
            clean_line(str(v))
            for v in dict.fromkeys([*first, *value.values()])
            if clean_line(str(v or ""))
        ]
    text = clean_line(str(value)) if value not in (None, "") else None
    return [text] if text else []


def joined_parts(parts) -> str | None:
    """`attendee_name_parts` → the parts joined in the order they come (scheme and salutation left out)."""
    if not isinstance(parts, dict):
        return None
    words = [clean_line(str(v)) for k, v in parts.items() if k not in _NOT_NAME_PARTS and v]
    return " ".join(w for w in words if w) or None


def rows(orders: list[dict], items: dict | None, opts: PretixOptions, report: Report) -> list[dict]:
    """Orders → attendee rows (dicts with the attendee CSV's columns), in order and position order."""
    out: list[dict] = []
    unknown_status = 0
    for order in orders:
        status = order.get("status")
        if status is None:
            unknown_status += 1
        elif status not in opts.statuses:
            report.drop(f"positions of orders with status '{status}' (--status)")
            continue
        for pos in order.get("positions") or []:
            row = _row(order, pos, items, opts, report)
            if row:
                out.append(row)
    if unknown_status:
        report.note("warning: order positions carry no order status: all are kept "
                    "(filter the URL with ?order__status=p)")  # fmt: skip
    if items is None:
        report.note("warning: item names unknown (pass --items items.json): no roles from items, "
                    "every position counted as an admission")  # fmt: skip
    return out


def _row(order: dict, pos: dict, items: dict | None, opts: PretixOptions, report: Report):
    if pos.get("canceled"):
        report.drop("canceled positions")
        return None
    if pos.get("addon_to") not in (None, ""):
        report.drop("add-on positions (no badge)")
        return None
    item = (items or {}).get(pos.get("item"), {})
    if items is not None and item and item.get("admission") is False:
        report.drop("positions of items without admission (no badge)")
        return None
    code, pid = order.get("code") or pos.get("order"), pos.get("positionid")
    ident = f"{code}-{pid}" if pid not in (None, "") else str(code)
    name = clean_line(pos.get("attendee_name")) or joined_parts(pos.get("attendee_name_parts"))
    company = clean_line(pos.get("company"))
    if not name:
        name, company = _unnamed(order, ident, company, opts, report)
        if not name:
            return None
    role = "attendee"
    for item_name in names_of(item.get("name")):
        if item_name.casefold() in opts.role_map:
            role = opts.role_map[item_name.casefold()]
            break
    report.keep(f"badges ({role})")
    return {
        "name": name,
        "organization": company or "",
        "role": role,
        "id": ident,
        "qr": clean_line(pos.get("secret")) or "",
        "email": clean_line(pos.get("attendee_email")) or "",
    }


def _unnamed(order: dict, ident: str, company, opts: PretixOptions, report: Report):
    """An admission position without a name → (name, company) as `--unnamed` chooses."""
    if opts.unnamed == "skip":
        report.drop("unnamed admission positions (--unnamed skip)")
        return None, company
    if opts.unnamed == "invoice":
        inv = order.get("invoice_address") if isinstance(order.get("invoice_address"), dict) else {}
        name = clean_line(inv.get("name")) or joined_parts(inv.get("name_parts"))
        if name:
            report.guess("unnamed positions named after the order's invoice address")
            return name, company or clean_line(inv.get("company"))
    report.note(f"warning: {opts.source_name}: position {ident} has no attendee name: "
                f"its badge says {GUEST!r}")  # fmt: skip
    report.guess(f"unnamed positions printed as {GUEST!r}")
    return GUEST, company
