"""GOSIM Paris 2025 program JSON + Xiyuan Wang seed page → the bundled sample event directory.

Kept for reproducibility of data/gosim-ai-paris-2025/. Usage:

    python tools/build_sample.py --json ../shared/realdata/gosim-paris2025-schedule.json \
        --seed ../shared/seed/000_966a4c3629b07ec0.txt --out data/gosim-ai-paris-2025
    python tools/build_sample.py --check data/gosim-ai-paris-2025

Only facts are taken from the program JSON (titles, days, times, tracks, speaker
names, role and organization, image file names); its abstracts are not copied.
The seed page supplies everything about Xiyuan Wang, his session's abstract and
host introduction, and the AI Infra tagline and description. See NOTES.md for
every decision made on top of the sources.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

SITE = "https://paris2025.gosim.org"
YEAR = 2025
MONTHS = {"May": 5}

# Program track name → (id, tagline, description, colour). Ids are the program's own speaker tags.
TRACKS = {
    "AI Model": ("ai-model", "#1F5FA8"),
    "AI Infra": ("ai-infra", "#2E7D32"),
    "AI Apps": ("ai-apps", "#00838F"),
    "Embodied AI": ("embodied-ai", "#6A1B9A"),
    "PyTorch Day France": ("pytorch", "#D9480F"),
}

ROOMS = [
    ("main-hall", "Main Hall"),
    ("ai-model-stage", "AI Model Stage"),
    ("ai-infra-stage", "AI Infra Stage"),
    ("ai-apps-stage", "AI Apps Stage"),
    ("embodied-ai-stage", "Embodied AI Stage"),
    ("pytorch-stage", "PyTorch Stage"),
]
TRACK_ROOM = {
    "ai-model": "ai-model-stage",
    "ai-infra": "ai-infra-stage",
    "ai-apps": "ai-apps-stage",
    "embodied-ai": "embodied-ai-stage",
    "pytorch": "pytorch-stage",
}

# Slots repeated in every track: merged into one session each (type, room or None).
PLENARY = {
    "Keynote": ("keynote", "main-hall"),
    "Morning Coffee": ("break", None),
    "Lunch Break": ("break", None),
    "Afternoon Coffee": ("break", None),
    "Spotlight Talks": ("lightning", "main-hall"),
    "Spotlight Demos": ("lightning", "main-hall"),
}
DROPPED_TITLES = {"To Be Announced"}  # an empty placeholder slot; see NOTES.md

# Session id overrides (the spec's own example id for the seed session).
SESSION_ID_OVERRIDES = {
    "The Best Practice of Training and Inferencing on Ascend CANN": "ascend-cann-best-practice",
}

# roleOrg strings that "<position> at <organization>" does not split well.
ROLE_ORG_OVERRIDES = {
    "Executive Director, PyTorch Foundation. GM of AI, Linux Foundation.": (
        "Executive Director, PyTorch Foundation; GM of AI",
        "Linux Foundation",
    ),
    "Co-Founder of DeepWisdom, MetaGPT/OpenManus Team Leader": (
        "Co-Founder; MetaGPT/OpenManus Team Leader",
        "DeepWisdom",
    ),
    "R&D Software Engineer at Spring team at Broadcom": (
        "R&D Software Engineer, Spring team",
        "Broadcom",
    ),
    "Dora Project Lead": ("Project Lead", "Dora"),
    "Deep Learning Expert": ("Deep Learning Expert", None),
}
# Obvious typos an organizer fixes before printing (listed in NOTES.md).
ROLE_FIXES = {"NPL Researcher": "NLP Researcher"}
ORG_FIXES = {"RedHat": "Red Hat"}

XIYUAN = {
    "position": "Senior Software Engineer",
    "organization": "Huawei",
    "location": "Beijing, China",
    "specialization": "Open-source AI software development",
    "photo": f"{SITE}/images/speakers/xiyuan-wang.jpeg",
    "photo_credit": "Source: GOSIM AI Paris 2025",
    "profile_url": f"{SITE}/speakers/xiyuan-wang/",
    "bio": (
        "Xiyuan Wang is a Senior Software Engineer at Huawei in Beijing, working on "
        "open-source AI software. He maintains vllm-project/vllm-ascend, was a "
        "maintainer of OpenStack Keystone, and contributes to China's National Key "
        "R&D Program in AI. Before joining Huawei in 2019 he was a research intern at "
        "Microsoft Research Asia and Huawei Cloud. He studied at the University of "
        "California, Berkeley (2019) and is an IEEE Senior Member.\n"
    ),
    "education": [{"school": "University of California, Berkeley", "year": 2019}],
    "career": [
        {
            "org": "Huawei",
            "period": "2019–Present",
            "items": [
                "Maintainer of vllm-project/vllm-ascend (AI acceleration framework)",
                "Former maintainer of OpenStack Keystone (identity service)",
                "Contributor to China's National Key R&D Program in AI",
            ],
        },
        {"org": "Huawei Cloud", "role": "Research Intern", "period": "2017–2019"},
        {"org": "Microsoft Research Asia", "role": "Research Intern", "period": "2015–2017"},
    ],
    "contributions": [
        "Developed scalable AI infrastructure solutions",
        "Advanced open-source AI software ecosystems",
        "Bridged ONNX and Spark for enhanced deep learning workflows",
    ],
    "publications": [
        {
            "title": "Bring the Power of ONNX to Spark",
            "year": 2022,
            "video": "https://www.youtube.com/watch?v=Oam09dMKPPk",
        },
        {
            "title": "China's Manufacturing Transformation",
            "year": 2020,
            "note": "Analysis of IT-driven industrial innovation",
        },
    ],
    "recognition": [
        {
            "title": "IEEE Senior Member",
            "year": 2022,
            "note": "For contributions to AI software engineering",
        }
    ],
    "interests": [
        "Open-source AI democratization",
        "Practical, scalable AI implementations",
    ],
    "links": {
        "github": "https://github.com/wangxiyuan",
        "linkedin": "https://www.linkedin.com/in/xiyuan-wang",
        "website": "https://horanny.github.io/",
    },
}

SPEAKER_KEYS = [
    "id", "name", "pronouns", "position", "organization", "location", "specialization",
    "photo", "photo_credit", "profile_url", "bio", "education", "career", "contributions",
    "publications", "recognition", "interests", "links", "role",
]  # fmt: skip
SESSION_KEYS = [
    "id", "title", "subtitle", "type", "track", "room", "start", "end", "language",
    "speakers", "abstract", "url", "video", "slides", "host",
]  # fmt: skip


# ---------------------------------------------------------------- seed page


def read_seed(text: str) -> dict:
    """Seed markdown → host introduction, abstract, AI Infra tagline and description."""
    intro = text.split("**Host's Introduction:**", 1)[1].split("\n---", 1)[0]
    paragraphs = []
    for block in re.split(r"\n\s*\n", intro.strip()):
        line = " ".join(part.strip() for part in block.splitlines()).strip()
        line = line.replace("*", "")  # markdown emphasis only; the words stay as written
        paragraphs.append(line)
    # Drop the quotation marks that wrap the spoken text; resolve the time-of-day choice
    # (the session starts at 11:10).
    paragraphs[0] = paragraphs[0].removeprefix('"')
    paragraphs[-2] = paragraphs[-2].removesuffix('"')
    paragraphs[0] = paragraphs[0].replace("good [morning/afternoon]!", "good morning!")
    introduction = "\n\n".join(paragraphs) + "\n"

    content = text.split("- **Content**:", 1)[1].split("\n---", 1)[0]
    abstract = " ".join(line.strip() for line in content.strip().splitlines()) + "\n"

    track = text.split("**Track: AI Infra**", 1)[1].strip().splitlines()
    tagline = track[0].strip().strip("*").strip()
    description = track[1].strip()
    return {
        "introduction": introduction,
        "abstract": abstract,
        "tagline": tagline,
        "description": description,
    }


# ---------------------------------------------------------------- program JSON


def slug(text: str, limit: int = 60) -> str:
    """Title → lowercase ASCII slug, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0]
    return s


def parse_slot(date: str, slot: str) -> tuple[str, str]:
    """'May 6', '9:30 - 10:00' → ('2025-05-06 09:30', '2025-05-06 10:00')."""
    month, day = date.split()
    day_iso = dt.date(YEAR, MONTHS[month], int(day)).isoformat()
    a, b = (part.strip() for part in slot.split("-"))
    return tuple(f"{day_iso} {int(t.split(':')[0]):02d}:{t.split(':')[1]}" for t in (a, b))


def split_role_org(role_org: str) -> tuple[str, str | None]:
    """'Senior Software Engineer at Huawei' → ('Senior Software Engineer', 'Huawei')."""
    role_org = role_org.strip()
    if role_org in ROLE_ORG_OVERRIDES:
        return ROLE_ORG_OVERRIDES[role_org]
    for sep in (" at ", " of "):
        if sep in role_org:
            position, org = role_org.rsplit(sep, 1) if sep == " at " else role_org.split(sep, 1)
            return ROLE_FIXES.get(position, position), ORG_FIXES.get(org, org)
    return role_org, None


def build(program: dict, seed: dict) -> dict:
    """Program JSON + seed facts → {'tracks': [...], 'rooms': [...], ...} in spec key order."""
    tracks = []
    for name, (tid, color) in TRACKS.items():
        track = {"id": tid, "name": name}
        if tid == "ai-infra":
            track["tagline"] = seed["tagline"]
            track["description"] = seed["description"]
        track["color"] = color
        tracks.append(track)
    rooms = [{"id": rid, "name": name} for rid, name in ROOMS]

    speakers: dict[str, dict] = {}
    sessions: dict[tuple, dict] = {}
    used_ids: set[str] = set()
    for track_name, slots in program["sessions"].items():
        tid = TRACKS[track_name][0]
        for slot in slots:
            title = slot["title"].strip()
            if title in DROPPED_TITLES:
                continue
            start, end = parse_slot(slot["date"], slot["timeSlot"])
            if title in PLENARY:
                key = (title, start)
                if key in sessions:
                    continue
                kind, room = PLENARY[title]
                month_day = slot["date"].lower().replace(" ", "-")
                sid = f"{slug(title)}-{month_day}"
                session = {"id": sid, "title": title, "type": kind}
                if room:
                    session["room"] = room
                session |= {"start": start, "end": end}
            else:
                key = (title, start, tid)
                sid = SESSION_ID_OVERRIDES.get(title) or slug(title)
                kind = "panel" if "panel" in title.lower() else "talk"
                session = {"id": sid, "title": title, "type": kind, "track": tid}
                session |= {"room": TRACK_ROOM[tid], "start": start, "end": end}
                session["speakers"] = FlowList(p["id"] for p in slot["speakers"])
                for person in slot["speakers"]:
                    speakers.setdefault(person["id"], make_speaker(person))
            if sid in used_ids:
                raise SystemExit(f"duplicate session id {sid}")
            used_ids.add(sid)
            sessions[key] = session

    cann = next(s for s in sessions.values() if s["id"] == "ascend-cann-best-practice")
    cann["abstract"] = seed["abstract"]
    cann["host"] = {"introduction": seed["introduction"]}
    speakers["xiyuan-wang"] |= XIYUAN

    track_order = [t["id"] for t in tracks]
    ordered = sorted(
        sessions.values(),
        key=lambda s: (s["start"], track_order.index(s["track"]) if "track" in s else -1),
    )
    return {
        "tracks": tracks,
        "rooms": rooms,
        "speakers": [order(speakers[k], SPEAKER_KEYS) for k in sorted(speakers)],
        "sessions": [order(s, SESSION_KEYS) for s in ordered],
    }


def make_speaker(person: dict) -> dict:
    """Program speaker entry → speaker mapping (no bio)."""
    position, org = split_role_org(person["roleOrg"])
    speaker = {"id": person["id"], "name": person["name"].strip(), "position": position}
    if org:
        speaker["organization"] = org
    speaker["photo"] = f"{SITE}/images/speakers/{person['image']}"
    speaker["profile_url"] = f"{SITE}/speakers/{person['id']}/"
    speaker["role"] = "speaker"
    return speaker


def order(mapping: dict, keys: list[str]) -> dict:
    """Mapping → same mapping with keys in the spec's order."""
    unknown = set(mapping) - set(keys)
    if unknown:
        raise SystemExit(f"unexpected keys {sorted(unknown)}")
    return {k: mapping[k] for k in keys if k in mapping}


# ---------------------------------------------------------------- YAML output


class _Dumper(yaml.SafeDumper):
    """Block style, list items indented under their key, multi-line text as `|`."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


class FlowList(list):
    """A short list written on one line: `speakers: [a, b]`."""


def _str(dumper, value):
    # One paragraph: folded (`>`), wrapped in the file, loads unchanged. Several
    # paragraphs: literal (`|`), one line per paragraph, a blank line between them.
    style = None
    if "\n" in value:
        style = "|" if "\n\n" in value.strip() else ">"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _flow(dumper, value):
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(FlowList, _flow)


def dump(key: str, items: list, header: str, day_marks: dict | None = None) -> str:
    """List → commented YAML text, a blank line between items."""
    body = yaml.dump({key: items}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88)
    out = []
    for line in body.splitlines():
        if line.startswith("  - id: "):
            sid = line.removeprefix("  - id: ")
            if day_marks and sid in day_marks:
                out += ["", f"  # ---- {day_marks[sid]} ----"]
            elif out and out[-1] != f"{key}:":
                out.append("")
        out.append(line)
    return header + "\n" + "\n".join(out) + "\n"


EVENT = {
    "id": "gosim-ai-paris-2025",
    "name": "GOSIM AI Paris 2025",
    "theme": "Driving progress in global open-source AI collaboration",
    "start": dt.date(2025, 5, 6),
    "end": dt.date(2025, 5, 7),
    "timezone": "Europe/Paris",
    "url": f"{SITE}/",
    "schedule_url": f"{SITE}/schedule/",
    "venue": {
        "name": "Station F",
        "city": "Paris",
        "country": "France",
        "address": "5 Parvis Alan Turing, 75013 Paris",
    },
    "organizers": [
        {
            "name": "GOSIM (Global Open-Source Innovation Meetup)",
            "role": "host",
            "url": "https://gosim.org/",
        },
        {"name": "CSDN", "role": "co-organizer"},
    ],
    "colors": {"primary": "#1D3A5F", "accent": "#E0A030"},
    "welcome": (
        "Welcome to GOSIM AI Paris 2025 at Station F.\n"
        "\n"
        "For two days, developers, researchers and builders of open-source AI meet across "
        "five tracks: AI Model, AI Infra, AI Apps, Embodied AI and PyTorch Day France. "
        "Each day opens with a keynote in the Main Hall, where the GOSIM AI Spotlight "
        "finalists also present their projects at lunchtime and show demos in the evening.\n"
        "\n"
        "Ask questions, share what you build, and meet the people behind the projects you use.\n"
    ),
    "credits": "Content source: MOFA (https://github.com/moxin-org/mofa)",
}

HEADERS = {
    "event": (
        "# GOSIM AI Paris 2025: the bundled sample event (printkit event format, directory form).\n"
        "# Facts from the public program at https://paris2025.gosim.org/ ; welcome text and\n"
        "# brand colours written for this sample. Sources and decisions: NOTES.md.\n"
    ),
    "tracks": (
        "# The five tracks of the program. Ids are the program's own speaker tags.\n"
        "# Tagline and description of AI Infra come from the program; colours are chosen\n"
        "# for print (distinct hues, readable with white text).\n"
    ),
    "rooms": (
        "# ASSUMED ROOMS: the program names no rooms. One stage per track, plus a Main Hall\n"
        "# for the keynotes and the Spotlight talks and demos. No floors or capacities are\n"
        "# given because none are known. See NOTES.md.\n"
    ),
    "speakers": (
        "# Every speaker of the program (65), sorted by id. Names, positions, organizations\n"
        "# and photo file names from the program; Xiyuan Wang's full profile from his\n"
        "# speaker page. Photos are URLs on the event site. Bios are left out on purpose,\n"
        "# except Xiyuan Wang's (written for this sample from the facts of his page).\n"
    ),
    "sessions": (
        "# Sessions in time order; times are wall-clock Europe/Paris.\n"
        "# Slots the program repeats in every track (keynote, coffee, lunch, Spotlight\n"
        "# talks and demos) appear once. Breaks have no room. See NOTES.md for every fix.\n"
    ),
}


def write(data: dict, out: Path) -> None:
    """Built data → event.yaml, tracks.yaml, rooms.yaml, speakers.yaml, sessions.yaml."""
    out.mkdir(parents=True, exist_ok=True)
    event_text = yaml.dump(
        {"event": EVENT}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88
    )
    (out / "event.yaml").write_text(HEADERS["event"] + "\n" + event_text, encoding="utf-8")
    marks, seen = {}, set()
    for s in data["sessions"]:
        day = dt.date.fromisoformat(s["start"][:10])
        if day not in seen:
            seen.add(day)
            marks[s["id"]] = f"{day:%A} {day.day} {day:%B %Y}"
    for key in ("tracks", "rooms", "speakers", "sessions"):
        text = dump(key, data[key], HEADERS[key], marks if key == "sessions" else None)
        (out / f"{key}.yaml").write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- check


def check(directory: Path) -> list[str]:
    """Event directory → list of consistency problems (empty when fine)."""
    problems = []
    docs = {}
    for name in ("event", "tracks", "rooms", "speakers", "sessions"):
        docs[name] = yaml.safe_load((directory / f"{name}.yaml").read_text(encoding="utf-8"))
    event = docs["event"]["event"]
    ids = {}
    for key in ("tracks", "rooms", "speakers", "sessions"):
        items = docs[key][key]
        ids[key] = [item["id"] for item in items]
        if len(set(ids[key])) != len(ids[key]):
            problems.append(f"{key}: duplicate ids")
    first, last = event["start"], event["end"]
    by_room: dict[str, list] = {}
    for s in docs["sessions"]["sessions"]:
        start = dt.datetime.strptime(s["start"], "%Y-%m-%d %H:%M")
        end = dt.datetime.strptime(s["end"], "%Y-%m-%d %H:%M")
        if not end > start:
            problems.append(f"{s['id']}: end not after start")
        if not first <= start.date() <= last or not first <= end.date() <= last:
            problems.append(f"{s['id']}: outside the event dates")
        if "track" in s and s["track"] not in ids["tracks"]:
            problems.append(f"{s['id']}: unknown track {s['track']}")
        if "room" in s:
            if s["room"] not in ids["rooms"]:
                problems.append(f"{s['id']}: unknown room {s['room']}")
            by_room.setdefault(s["room"], []).append((start, end, s["id"]))
        elif s["type"] != "break":
            problems.append(f"{s['id']}: no room")
        for sp in s.get("speakers", []):
            if sp not in ids["speakers"]:
                problems.append(f"{s['id']}: unknown speaker {sp}")
    for room, spans in by_room.items():
        spans.sort()
        for (_a0, a1, a), (b0, _b1, b) in zip(spans, spans[1:], strict=False):
            if b0 < a1:
                problems.append(f"{room}: {a} overlaps {b}")
    used = {sp for s in docs["sessions"]["sessions"] for sp in s.get("speakers", [])}
    for sp in set(ids["speakers"]) - used:
        problems.append(f"speaker {sp} has no session")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="GOSIM program JSON")
    parser.add_argument("--seed", type=Path, help="Xiyuan Wang speaker page (markdown)")
    parser.add_argument("--out", type=Path, help="event directory to write")
    parser.add_argument("--check", type=Path, help="event directory to check")
    args = parser.parse_args(argv)
    if args.out:
        program = json.loads(args.json.read_text(encoding="utf-8"))
        seed = read_seed(args.seed.read_text(encoding="utf-8"))
        data = build(program, seed)
        write(data, args.out)
        print(
            f"{args.out}: {len(data['tracks'])} tracks, {len(data['rooms'])} rooms, "
            f"{len(data['speakers'])} speakers, {len(data['sessions'])} sessions"
        )
    target = args.check or args.out
    if target:
        problems = check(target)
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    parser.print_usage()
    return 2


if __name__ == "__main__":
    sys.exit(main())
