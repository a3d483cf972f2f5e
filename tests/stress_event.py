"""A stress event for prepress tests: long names and URLs, Arabic, Hebrew, Devanagari and CJK names, a long program."""

from __future__ import annotations

from pathlib import Path

NAMES = [
    ("arabic", "محمد عبد الله"),
    ("hebrew", "נועה כהן"),
    ("devanagari", "अनन्या शर्मा"),
    ("cjk", "王小明"),
    ("japanese", "山田 花子"),
    ("long", "Maximiliane Alexandra Konstanze von Hohenzollern-Sigmaringen-Württemberg"),
    ("latin", "Ada Lovelace"),
    ("mixed", "محمد عبد الله, Müller & Söhne GmbH <Research>"),
]
LONG_URL = "https://example.org/speakers/" + "very-long-profile-path-segment/" * 9 + "end"
TRACKS = [("core", "Core Systems", "#1F5FA8"), ("apps", "Applications", "#C0392B"),
          ("data", "Data & Models", "#1E8449")]  # fmt: skip
ROOMS = 5


def write_stress_event(folder: Path) -> Path:
    """Write the stress event as one event.yaml in `folder`; return its path."""
    lines = [
        "event:",
        "  id: stress-conf",
        "  name: Stress Conference on Internationalised Open Infrastructure 2025",
        "  start: 2025-05-06",
        "  end: 2025-05-08",
        "  timezone: Europe/Paris",
        f"  url: {LONG_URL}",
        "  colors:",
        "    primary: '#1D3A5F'",
        "    accent: '#E0A030'",
        "tracks:",
    ]
    for tid, name, color in TRACKS:
        lines += [f"  - id: {tid}", f"    name: {name}", f"    color: '{color}'"]
    lines.append("rooms:")
    for r in range(ROOMS):
        lines += [f"  - id: r{r}", f"    name: Hall {chr(65 + r)} (Level {r})"]
    lines.append("speakers:")
    for i, (sid, name) in enumerate(NAMES):
        lines += [
            f"  - id: {sid}",
            f'    name: "{name}"',
            "    position: Principal Engineer for Distributed Systems Reliability",
            f"    organization: Organisation Number {i} for Very Long Organisation Names e.V.",
            f"    profile_url: {LONG_URL}/{sid}" + ("x" * 40 if sid == "long" else ""),
            "    role: speaker",
        ]
    lines.append("sessions:")
    n = 0
    for day in (6, 7, 8):
        for slot in range(7):
            hour = 9 + slot
            for r in range(ROOMS):
                sp = NAMES[n % len(NAMES)][0]
                tid = TRACKS[n % len(TRACKS)][0]
                lines += [
                    f"  - id: s{n}",
                    f"    title: Session {n} on resilient, observable and internationalised "
                    "systems at planetary scale",
                    f"    track: {tid}",
                    f"    room: r{r}",
                    f"    start: 2025-05-{day:02d} {hour:02d}:00",
                    f"    end: 2025-05-{day:02d} {hour:02d}:45",
                    f"    speakers: [{sp}]",
                    f"    url: {LONG_URL}/talks/{n}",
                    f"    video: https://video.example.org/watch/{n}?list=stress-conf-2025",
                ]
                n += 1
    path = folder / "event.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
