"""Command-line choices for one import → a small options record every importer reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ImportOptions:
    """What the user told us beyond the source file."""

    source_name: str = "<source>"
    base_url: str | None = None  # --base-url: relative avatars / photos / URLs resolve here
    fetched_url: str | None = None  # where the source was downloaded from, if it was
    timezone: str | None = None  # overrides or supplies the source's zone
    event_id: str | None = None
    event_name: str | None = None
    year: int = 2025  # GOSIM JSON has no year
