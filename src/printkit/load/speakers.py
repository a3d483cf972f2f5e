"""`speakers:` entries → `Speaker`s with their photo, education, career, publications, recognition."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from printkit.errors import quote
from printkit.load.local_file import regular_file
from printkit.load.reader import _Reader
from printkit.load.sections import _named_section
from printkit.load.values import _is_image, _links
from printkit.model import Career, Education, Publication, Recognition, Speaker, Src

SPEAKER_KEYS = [
    "id",
    "name",
    "reading",
    "pronouns",
    "position",
    "organization",
    "location",
    "specialization",
    "photo",
    "photo_credit",
    "profile_url",
    "bio",
    "education",
    "career",
    "contributions",
    "publications",
    "recognition",
    "interests",
    "links",
    "role",
]


def _speakers(entries, problems) -> tuple[Speaker, ...]:
    def build(r, d, path, sid, name, count):
        base = r.base
        photo = _photo(r, d, path, base)
        role = (r.text(d, "role", path) or "speaker").lower()
        return Speaker(
            id=sid,
            name=name,
            reading=r.text(d, "reading", path),
            pronouns=r.text(d, "pronouns", path),
            position=r.text(d, "position", path),
            organization=r.text(d, "organization", path),
            location=r.text(d, "location", path),
            specialization=r.text(d, "specialization", path),
            photo=photo,
            photo_credit=r.text(d, "photo_credit", path),
            profile_url=r.url(d, "profile_url", path),
            bio=r.text(d, "bio", path),
            education=tuple(_education(r, d, path)),
            career=tuple(_career(r, d, path)),
            contributions=r.strings(d, "contributions", path),
            publications=tuple(_publications(r, d, path)),
            recognition=tuple(_recognition(r, d, path)),
            interests=r.strings(d, "interests", path),
            links=_links(r, d, path),
            role=role,
            base_dir=base,
            src=Src(r.file, d.line),
        )

    return _named_section(entries, problems, "speakers", SPEAKER_KEYS, "speaker", build)


def _photo(r: _Reader, d, path: str, base: Path) -> str | None:
    """A photo reference: an http(s) URL or a local image; problems only warn (initials)."""
    photo = r.text(d, "photo", path)
    if not photo:
        return None
    where = f"{path}.photo"
    try:
        parts = urlsplit(photo)
    except ValueError:  # "Invalid IPv6 URL"
        r.warn(
            d, "photo", where, f"photo URL {quote(photo)} is not valid; initials are drawn instead"
        )
        return None
    scheme = parts.scheme
    if scheme and not re.match(r"^[A-Za-z]:[\\/]", photo):  # C:\photos is a path
        if scheme.lower() in ("http", "https") and parts.netloc:
            return photo
        r.warn(d, "photo", where, f"photo URL {photo!r} is not http(s); initials are drawn instead")
        return None
    local, why = regular_file(base, photo)
    if local is None:
        what = (
            f"photo not found: {photo}"
            if why == "file not found"
            else f"photo {quote(photo)}: {why}"
        )
        r.warn(d, "photo", where, f"{what}; initials are drawn instead")
        return None
    if not _is_image(local):
        r.warn(d, "photo", where, f"photo is not an image: {photo}; initials are drawn instead")
        return None
    return photo


def _education(r, d, path):
    for _, e, p in r.items(d, "education", path):
        r.unknown(e, ["school", "year", "degree"], p)
        school = r.text(e, "school", p, required=True)
        if school:
            yield Education(school, r.integer(e, "year", p), r.text(e, "degree", p))


def _career(r, d, path):
    for _, c, p in r.items(d, "career", path):
        r.unknown(c, ["org", "role", "period", "items"], p)
        org = r.text(c, "org", p, required=True)
        if org:
            yield Career(
                org, r.text(c, "role", p), r.text(c, "period", p), r.strings(c, "items", p)
            )


def _publications(r, d, path):
    for _, c, p in r.items(d, "publications", path):
        r.unknown(c, ["title", "year", "video", "url", "note"], p)
        title = r.text(c, "title", p, required=True)
        if title:
            yield Publication(
                title,
                r.integer(c, "year", p),
                r.url(c, "video", p),
                r.url(c, "url", p),
                r.text(c, "note", p),
            )


def _recognition(r, d, path):
    for _, c, p in r.items(d, "recognition", path):
        r.unknown(c, ["title", "year", "note"], p)
        title = r.text(c, "title", p, required=True)
        if title:
            yield Recognition(title, r.integer(c, "year", p), r.text(c, "note", p))
