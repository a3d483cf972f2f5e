"""Source bytes → the name of the import format they hold (for `printkit import auto`)."""

from __future__ import annotations

import json
import re

from printkit.errors import PrintkitError

FORMATS = ("frab-xml", "schedule-json", "sessionize", "gosim", "speaker-page", "indico")


def decode_json(data: bytes, source_name: str):
    """JSON bytes (UTF-8, BOM accepted) → Python data, or a PrintkitError naming the line."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise PrintkitError(f"{source_name}: not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise PrintkitError(f"{source_name}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise PrintkitError(f"{source_name}: JSON nested too deeply to be a schedule") from None
    except ValueError:  # an integer beyond Python's 4,300-digit limit
        raise PrintkitError(
            f"{source_name}: not usable JSON: it holds a number of more than 4,300 digits"
        ) from None


def detect(data: bytes, source_name: str = "<source>") -> str:
    """Look at the content (not the file name) and name its format."""
    head = data[:4096].decode("utf-8-sig", errors="replace").lstrip()
    if head.startswith("<"):
        if re.search(r"<schedule[\s>]", data[:200_000].decode("utf-8", errors="replace")):
            return "frab-xml"
        raise PrintkitError(f"{source_name}: XML, but not a frab/pretalx schedule.xml")
    if head.startswith(("{", "[")):
        doc = decode_json(data, source_name)
        return detect_json(doc, source_name)
    if (
        re.search(r"^#{1,3} .*(Session|Speaker)", head, re.MULTILINE)
        or "## Session Details" in head
    ):
        return "speaker-page"
    text = data.decode("utf-8", errors="replace")
    if "### Session Details" in text or "## Speaker Biography" in text:
        return "speaker-page"
    raise PrintkitError(f"{source_name}: cannot tell the format; name it: " + ", ".join(FORMATS))


def detect_json(doc, source_name: str = "<source>") -> str:
    """Decoded JSON → format name."""
    if isinstance(doc, dict):
        sched = doc.get("schedule")
        if isinstance(sched, dict) and isinstance(sched.get("conference"), dict):
            return "schedule-json"
        sessions = doc.get("sessions")
        if isinstance(sessions, list) and ("speakers" in doc or "rooms" in doc):
            return "sessionize"
        if isinstance(sessions, dict) and all(isinstance(v, list) for v in sessions.values()):
            return "gosim"
        results = doc.get("results")
        first = results[0] if isinstance(results, list) and results else None
        if isinstance(first, dict) and (
            "contributions" in first or doc.get("_type") == "HTTPAPIResult"
        ):
            return "indico"
        if isinstance(first, dict) and ("positions" in first or "positionid" in first):
            raise PrintkitError(
                f"{source_name}: pretix orders are an attendee list: "
                "printkit import pretix SOURCE -o people.csv"
            )
    raise PrintkitError(
        f"{source_name}: JSON, but not a known schedule shape; name the format: "
        + ", ".join(FORMATS)
    )
