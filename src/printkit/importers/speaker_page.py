"""A Markdown speaker page (host intro, track, session, biography) → one session, its speaker, track.

The page shape is the one MOFA's gosim-pedia writes: `## Host Introduction`,
`## Track Information`, `## Event and Session Details` (`### Conference
Overview`, `### Session Details`) and `## Speaker Biography` with its `###`
sections. Ids follow the GOSIM importer (session: slug of the title; track:
slug of its name; speaker: the profile URL's last path part, else slug of the
name), so `--into` updates what an earlier import wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlparse

from printkit.errors import PrintkitError
from printkit.importers.build import Report, session_type
from printkit.importers.common import clean_line, fmt_time, http_url, slugify
from printkit.importers.gosim import _MONTHS
from printkit.importers.options import ImportOptions
from printkit.importers.text import markdown_to_text

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_KV = re.compile(r"^\s*[-*]\s+\*\*(.+?)\*\*\s*:?\s*(.*)$")
_LINK = re.compile(r"\[([^\]]*)\]\((\S+?)\)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\((\S+?)\)")
_YEAR_PAREN = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")

_DATE = re.compile(
    r"([A-Za-z]+)\.?\s+(\d{1,2})(?:\s*[-–]\s*(?:([A-Za-z]+)\.?\s+)?(\d{1,2}))?,?\s+(\d{4})"
)
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})")
_LINK_NAMES = {
    "github": "github",
    "linkedin": "linkedin",
    "twitter": "twitter",
    "x": "twitter",
    "personal website": "website",
    "website": "website",
    "homepage": "website",
    "blog": "blog",
    "google scholar": "scholar",
    "youtube": "youtube",
}


@dataclass
class Section:
    level: int
    title: str
    lines: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def walk(self):
        for child in self.children:
            yield child
            yield from child.walk()

    def find(self, *words: str) -> Section | None:
        """Descendant titled exactly `words`, else the first whose title holds them all."""
        wanted = " ".join(words)
        nodes = list(self.walk())
        exact = [n for n in nodes if n.title.lower().strip() == wanted]
        if exact:
            return exact[0]
        return next((n for n in nodes if all(w in n.title.lower() for w in words)), None)

    def text(self) -> str:
        return "\n".join(self.lines)


def sections(markdown: str) -> Section:
    """Markdown → a heading tree (a root at level 0); a `---` rule closes the open sections."""
    root = Section(0, "")
    stack = [root]
    for raw in markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        m = _HEADING.match(raw)
        if m:
            level = len(m.group(1))
            while stack[-1].level >= level:
                stack.pop()
            node = Section(level, m.group(2).strip())
            stack[-1].children.append(node)
            stack.append(node)
        elif re.match(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", raw):
            # a rule closes every open section; what follows is a page trailer
            trailer = Section(1, "")
            root.children.append(trailer)
            stack = [root, trailer]
        else:
            stack[-1].lines.append(raw.rstrip())
    return root


def key_values(section: Section | None) -> dict[str, str]:
    """`- **Key**: value` bullets (with indented continuation lines) → {key lowercased: value}."""
    out: dict[str, str] = {}
    if section is None:
        return out
    current = None
    for line in section.lines:
        m = _KV.match(line)
        if m:
            current = m.group(1).strip().rstrip(":").lower()
            out[current] = m.group(2).strip()
        elif current and line.strip() and line.startswith((" ", "\t")):
            out[current] = (out[current] + "\n" + line.strip()).strip()
        elif not line.strip() and current and out.get(current):
            out[current] += "\n"
    return {k: v.strip() for k, v in out.items()}


def _plain(md: str | None) -> str | None:
    if not md or not md.strip():
        return None
    lines = []
    for line in markdown_to_text(md).split("\n"):
        line = line.strip()
        if line.startswith("*") and not line.startswith("* "):
            line = line.lstrip("*")
        line = line.rstrip("*").strip()
        lines.append(line)
    text = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text) or None


def _bullets(section: Section | None) -> list[str]:
    if section is None:
        return []
    items = []
    for line in section.lines:
        m = re.match(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$", line)
        if m:
            items.append(_plain(m.group(1)) or "")
    return [i for i in items if i]


def parse(data: bytes, options: ImportOptions, report: Report) -> dict:
    """Speaker page bytes → event data dict holding one track, session and speaker."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PrintkitError(f"{options.source_name}: not UTF-8 text") from None
    root = sections(text)
    details = key_values(root.find("session details"))
    overview = key_values(root.find("conference overview"))
    title = clean_line(_plain(details.get("title")))
    if not title:
        raise PrintkitError(f"{options.source_name}: no '- **Title**:' under '### Session Details'")
    year = options.year
    day = _date(details.get("date"), year)
    event_days = _date_range(overview.get("dates"), year)
    if day is None and event_days:
        day = event_days[0]
        report.guess("session date taken from the conference dates")
    if day is None:
        raise PrintkitError(f"{options.source_name}: no session '- **Date**:' I can read")
    t = _TIME.search(details.get("time") or "")
    if not t:
        raise PrintkitError(f"{options.source_name}: no session '- **Time**: HH:MM - HH:MM'")
    h1, m1, h2, m2 = (int(x) for x in t.groups())
    start = datetime(day.year, day.month, day.day, h1, m1)
    end = datetime(day.year, day.month, day.day, h2, m2)
    if end < start:
        end += timedelta(days=1)

    track, tracks = _track(root.find("track information"))
    base = options.base_url or options.fetched_url
    speaker = _speaker(root.find("speaker biography"), report, base)
    session = {"id": slugify(title) or "session", "title": title}
    session["type"] = session_type(None, title)
    if session["type"] not in ("keynote", "panel", "workshop", "lightning"):
        session["type"] = "talk"
    if track:
        session["track"] = track
    session["start"] = fmt_time(start)
    session["end"] = fmt_time(end)
    if speaker:
        session["speakers"] = [speaker["id"]]
    abstract = _plain(details.get("content"))
    if abstract:
        session["abstract"] = abstract
    host = root.find("host introduction")
    intro = _plain(re.sub(r"\*\*Host'?s Introduction:?\*\*:?", "", host.text())) if host else None
    if intro:
        intro = re.sub(r'^["“]\s*', "", intro)
        intro = re.sub(r'(?m)(?<=[.!?])["”](?=\s*(?:\n|$))', "", intro, count=0)
        session["host"] = {"introduction": intro}
        report.keep("host introduction")

    event = _event(overview, event_days, options, root, report)
    event.setdefault("start", day)
    event.setdefault("end", max(day, end.date()))
    return {
        "event": event,
        "tracks": tracks,
        "rooms": [],
        "speakers": [speaker] if speaker else [],
        "sessions": [session],
    }


def _track(section: Section | None) -> tuple[str | None, list]:
    if section is None:
        return None, []
    name = tagline = None
    rest = []
    for line in section.lines:
        s = line.strip()
        m = re.match(r"^\*\*Track:?\s*(.+?)\*\*$", s)
        if m and not name:
            name = m.group(1).strip()
        elif name and not tagline and re.match(r"^\*[^*].*\*$", s):
            tagline = s.strip("*").strip()
        elif s:
            rest.append(s)
    if not name:
        return None, []
    track = {"id": slugify(name) or "track", "name": name}
    if tagline:
        track["tagline"] = tagline
    if rest:
        track["description"] = _plain("\n".join(rest))
    return track["id"], [track]


def _speaker(bio: Section | None, report: Report, base: str | None = None) -> dict | None:
    if bio is None:
        return None
    profile = key_values(bio.find("professional profile"))
    name = clean_line(_plain(profile.get("full name")))
    if not name:
        return None
    sp: dict = {"id": "", "name": name}
    position = _plain(profile.get("current position"))
    if position:
        m = re.match(r"^(.*\S)\s+at\s+(\S.*)$", position)
        if m:
            sp["position"], sp["organization"] = m.group(1), m.group(2)
        else:
            sp["position"] = position
    for key in ("location", "specialization"):
        if profile.get(key):
            sp[key] = _plain(profile[key])
    education = []
    for part in re.split(r";\s*", _plain(profile.get("education")) or ""):
        if not part.strip():
            continue
        m = _YEAR_PAREN.match(part)
        school, year = (m.group(1), _year(m.group(2))) if m else (part, None)
        item = {"school": school.strip()}
        if year:
            item["year"] = year
        education.append(item)
    if education:
        sp["education"] = education
    career = _career(bio.find("career"))
    if career:
        sp["career"] = career
    for key, words in (("contributions", ("contribution",)), ("interests", ("thought",))):
        items = _bullets(bio.find(*words))
        if items:
            sp[key] = items
    pubs = _entries(bio.find("publication"))
    if pubs:
        sp["publications"] = pubs
    rec = _entries(bio.find("recognition"))
    if rec:
        sp["recognition"] = [
            {k: v for k, v in r.items() if k in ("title", "year", "note")} for r in rec
        ]
    known = {p.get(k) for p in pubs for k in ("video", "url") if p.get(k)}
    links, profile_url = _links(bio, report, known)
    if links:
        sp["links"] = links
    media = bio.find("media")
    if media:
        img = _IMAGE.search(media.text())
        photo = http_url(img.group(2), base) if img else None
        if photo:
            sp["photo"] = photo
            report.keep("speaker photo (URL)")
        elif img:
            report.drop("speaker photo with a relative path (pass --base-url)")
        credit = [_plain(x) for x in media.lines if x.strip() and not _IMAGE.search(x)]
        if credit and credit[0]:
            sp["photo_credit"] = credit[0]
    if profile_url:
        sp["profile_url"] = profile_url
    path_id = ""
    if profile_url:
        parts = [p for p in urlparse(profile_url).path.split("/") if p]
        if len(parts) >= 2 and parts[-2] in ("speakers", "speaker", "people"):
            path_id = slugify(parts[-1])
    sp["id"] = path_id or slugify(name) or "speaker"
    return sp


def _career(section: Section | None) -> list:
    if section is None:
        return []
    out = []
    for child in section.children:
        bullets = _bullets(child)
        if "previous" in child.title.lower() or "earlier" in child.title.lower():
            for line in child.lines:  # "- **Org** (Role, 2017–2019)"
                m = re.match(r"^\s*[-*]\s+\*\*(.+?)\*\*\s*(?:\((.*)\))?", line)
                if not m:
                    continue
                item = {"org": m.group(1).strip()}
                if m.group(2):
                    bits = [b.strip() for b in m.group(2).split(",")]
                    if bits and re.search(r"\d{4}", bits[-1]):
                        item["period"] = bits.pop()
                    if bits:
                        item["role"] = ", ".join(bits)
                out.append(item)
            continue
        m = _YEAR_PAREN.match(child.title)
        item = {"org": (m.group(1) if m else child.title).strip()}
        if m:
            item["period"] = m.group(2).strip()
        if bullets:
            item["items"] = bullets
        out.append(item)
    return out


def _entries(section: Section | None) -> list:
    """Numbered or bulleted `**Title** (year)` entries with indented detail lines."""
    if section is None:
        return []
    out: list[dict] = []
    for line in section.lines:
        m = re.match(r"^\s{0,1}(?:\d+[.)]|[-*])\s+(.*)$", line)
        if m:
            head = m.group(1).strip()
            t = re.match(r"^\*\*(.+?)\*\*\s*(?:\((\d{4})\))?\s*(.*)$", head)
            entry = {"title": _plain(t.group(1) if t else head) or head}
            if t and t.group(2):
                entry["year"] = int(t.group(2))
            if t and t.group(3).strip():
                entry["note"] = _plain(t.group(3))
            out.append(entry)
        elif out and line.strip():
            link = _LINK.search(line)
            url = http_url(link.group(2)) if link else None
            if url:
                low = (link.group(1) + url).lower()
                key = "video" if ("video" in low or "youtu" in low) else "url"
                out[-1].setdefault(key, url)
            else:
                note = _plain(line)
                if note:
                    out[-1]["note"] = f"{out[-1]['note']} {note}" if out[-1].get("note") else note
    return out


def _links(bio: Section, report: Report, known: set) -> tuple[dict, str | None]:
    links: dict = {}
    profile_url = None
    contact = bio.find("contact")
    for line in contact.lines if contact else []:
        m = _KV.match(line)
        if not m:
            continue
        label, value = m.group(1).strip().rstrip(":"), m.group(2)
        link = _LINK.search(value)
        url = http_url(link.group(2) if link else value.strip())
        if not url:
            report.drop("speaker contact entries that are not http(s) URLs (e.g. email)")
            continue
        key = _LINK_NAMES.get(label.lower(), slugify(label, 30) or "link")
        links.setdefault(key, url)
    refs = bio.find("references")
    known = known | set(links.values())
    for line in refs.lines if refs else []:
        link = _LINK.search(line)
        url = http_url(link.group(2)) if link else None
        if not url:
            continue
        label = link.group(1)
        if profile_url is None and ("profile" in label.lower() or "/speakers/" in url):
            profile_url = url
        elif url not in known:
            report.keep("speaker reference links")
            links.setdefault(slugify(label, 30) or "reference", url)
        known.add(url)
    return links, profile_url


def _event(overview: dict, days, options: ImportOptions, root: Section, report: Report) -> dict:
    name = options.event_name or clean_line(_plain(overview.get("conference name")))
    if not name:
        heading = root.children[0].title if root.children else ""
        name = heading.split(":")[0].strip() or "Imported event"
    event: dict = {"id": options.event_id or slugify(name) or "event", "name": name}
    if overview.get("theme"):
        event["theme"] = _plain(overview["theme"])
    if days:
        event["start"], event["end"] = days[0], days[-1]
    if options.timezone:
        event["timezone"] = options.timezone
    location = _plain(overview.get("location"))
    if location:
        parts = [p.strip() for p in location.split(",") if p.strip()]
        venue = {"name": parts[0]}
        if len(parts) >= 3:
            venue["city"], venue["country"] = parts[-2], parts[-1]
            report.guess("venue name, city, country split from 'Location'")
        elif len(parts) == 2:
            venue["city"] = parts[1]
        event["venue"] = venue
    organizers = _plain(overview.get("organizers"))
    if organizers:
        m = re.match(r"^Hosted by (.+?)(?:,)? and co-organized by (.+)$", organizers, re.I)
        if m:
            event["organizers"] = [
                {"name": m.group(1).strip(), "role": "host"},
                {"name": m.group(2).strip(), "role": "co-organizer"},
            ]
        else:
            event["organizers"] = [{"name": organizers}]
    tail = root.children[-1].lines if root.children else []
    for line in tail:
        m = re.search(r"Content Source:?\s*\[([^\]]+)\]", line, re.I)
        if m:
            event["credits"] = f"Content source: {m.group(1)}"
    return event


def _year(text: str | None) -> int | None:
    m = re.search(r"\b(19|20)\d{2}\b", text or "")
    return int(m.group(0)) if m else None


def _date(text: str | None, year: int) -> date | None:
    days = _date_range(text, year)
    return days[0] if days else None


def _date_range(text: str | None, year: int) -> list[date]:
    """`May 6-7, 2025`, `May 6, 2025`, `2025-05-06` → [first day, last day]."""
    text = (text or "").strip()
    iso = re.findall(r"\d{4}-\d{2}-\d{2}", text)
    if iso:
        return [date.fromisoformat(iso[0]), date.fromisoformat(iso[-1])]
    m = _DATE.search(text)
    if not m:
        return []
    month1 = _MONTHS.get(m.group(1)[:3].lower())
    month2 = _MONTHS.get((m.group(3) or m.group(1))[:3].lower())
    y = int(m.group(5)) if m.group(5) else year
    if not month1 or not month2:
        return []
    try:
        first = date(y, month1, int(m.group(2)))
        last = date(y, month2, int(m.group(4))) if m.group(4) else first
    except ValueError:
        return []
    return [first, last]
