"""An event file or directory (YAML) → a frozen `Event` plus every problem found.

Implements the rules of docs/data-format.md: unknown keys warn with a
suggestion, references and ids are checked, times are wall-clock in the
event's IANA time zone, and all problems are reported together, each as
`file:line: field.path: message`.

The stages, in the order the data flows: `files` (which files; parsed YAML →
entries per section) → `event_section`, `tracks_rooms`, `speakers`,
`sessions` (field rules per entity) → `references` (cross-references and
schedule warnings) → `loader` (`load_event`, the orchestrator). Below them
all: `reader` (YAML nodes with marks → typed values, problems at file:line)
and the shared field rules `colors`, `values` and `sections`. A module
imports only modules below it; none imports `loader`.
"""

from __future__ import annotations

from printkit.load.colors import HEX, PALETTE, _luminance, palette_color
from printkit.load.event_section import EVENT_KEYS, ORGANIZER_KEYS, VENUE_KEYS
from printkit.load.files import SECTIONS, find_event_files
from printkit.load.loader import load_event
from printkit.load.reader import SLUG
from printkit.load.sessions import SESSION_KEYS
from printkit.load.speakers import SPEAKER_KEYS
from printkit.load.tracks_rooms import ROOM_KEYS, TRACK_KEYS

__all__ = [
    "EVENT_KEYS",
    "HEX",
    "ORGANIZER_KEYS",
    "PALETTE",
    "ROOM_KEYS",
    "SECTIONS",
    "SESSION_KEYS",
    "SLUG",
    "SPEAKER_KEYS",
    "TRACK_KEYS",
    "VENUE_KEYS",
    "_luminance",
    "find_event_files",
    "load_event",
    "palette_color",
]
