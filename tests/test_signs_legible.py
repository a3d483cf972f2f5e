"""Signs read from a step away: footer "next" line, panel speakers, one room-name setting per room."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from printkit.errors import Problems
from printkit.load import load_event
from printkit.products.signs import command as signs

TITLE = (
    "The Future of Open Source AI Governance, Safety, Licensing, Funding, Community "
    "Stewardship and Everything Else We Could Not Fit Into Other Sessions"
)
EVENT = f"""\
event: {{id: late, name: Late Conf, start: 2025-05-06, end: 2025-05-07, timezone: Europe/Paris,
         schedule_url: 'https://example.org/schedule'}}
rooms:
  - {{id: hall, name: 多功能厅 第三会议室}}
speakers:
  - {{id: p1, name: Alexandra Montgomery-Whitfield, pronouns: she/her, position: Principal Research
      Scientist, organization: Institute for Very Long Organization Names,
      profile_url: 'https://example.org/p1'}}
  - {{id: p2, name: Bartholomew Okonkwo, pronouns: he/him, position: CTO, organization: Open Robotics}}
  - {{id: p3, name: Chen Xiaoming, pronouns: he/him, position: Professor, organization: Tsinghua}}
  - {{id: p4, name: Dagny Fjellström-Larsen, pronouns: they/them, organization: Nordic Alliance}}
  - {{id: p5, name: Emmanuel Rodríguez Castillo, pronouns: he/him, organization: Latin AI Network}}
  - {{id: p6, name: Fatima Al-Rashidi, pronouns: she/her, position: Head of Policy,
      organization: European Digital Rights Collective}}
sessions:
  - {{id: before, title: Late talk, room: hall, start: '2025-05-06 22:30', duration: 45,
      speakers: [p2]}}
  - id: panel
    title: '{TITLE}'
    type: panel
    room: hall
    start: 2025-05-06 23:30
    end: 2025-05-07 00:45
    schedule_day: 2025-05-06
    speakers: [p1, p2, p3, p4, p5, p6]
"""


@pytest.fixture(scope="module")
def event(tmp_path_factory):
    path = tmp_path_factory.mktemp("ev") / "event.yaml"
    path.write_text(EVENT, encoding="utf-8")
    problems = Problems()
    ev = load_event(path, problems)
    assert not problems.errors, [str(p) for p in problems.errors]
    return ev


def _chars(page):
    """(char, font size, box) for every character on a page."""
    tp = page.get_textpage()
    out = []
    for i in range(tp.count_chars()):
        ch = chr(pdfium_c.FPDFText_GetUnicode(tp.raw, i))
        out.append((ch, pdfium_c.FPDFText_GetFontSize(tp.raw, i), tp.get_charbox(i)))
    return tp.get_text_range(), out


def _sizes_of(text, chars, word):
    i = text.find(word)
    assert i >= 0, word
    return [chars[j][1] for j in range(i, i + len(word))]


@pytest.fixture(scope="module")
def doors(event, tmp_path_factory):
    out = tmp_path_factory.mktemp("door") / "door.pdf"
    signs.build(event, out, problems=Problems(), target="screen", kind="door")
    return pdfium.PdfDocument(str(out))


def test_next_in_room_is_set_at_the_label_size_and_cut_not_shrunk(doors):
    text, chars = _chars(doors[0])
    label = _sizes_of(text, chars, "Next in this room")
    nxt = _sizes_of(text, chars, "Future of Open")
    assert min(nxt) >= 10 and abs(min(nxt) - min(label)) < 0.2, (nxt[0], label[0])
    assert "…" in text[text.find("Future of Open") :], "a long title is cut with …, not shrunk"


def test_a_room_name_is_set_alike_on_all_its_days(tmp_path):
    """'Embodied AI Stage' was 2 lines large on Tuesday, 1 line on Wednesday."""
    from printkit.resources import sample_event_dir

    event = load_event(sample_event_dir(), Problems())
    out = tmp_path / "rooms.pdf"
    signs.build(event, out, problems=Problems(), target="screen", kind="room")
    sizes: dict[str, set] = {}
    for page in pdfium.PdfDocument(str(out)):
        text, chars = _chars(page)
        biggest = round(max(c[1] for c in chars), 1)
        flat = " ".join(text.split())
        room = next(r.name for r in event.rooms if r.name in flat)
        sizes.setdefault(room, set()).add(biggest)
    assert len(sizes) >= 3
    for room, s in sizes.items():
        assert len(s) == 1, f"{room}: room name at {sorted(s)} pt on different days"


PANEL = ["p1", "p2", "p3", "p4", "p5", "p6"]


def _footer_rule(page):
    """Top of the footer rule: the long thin horizontal line in the lower third."""
    W, H = page.get_size()
    rules = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = obj.get_bounds()
        if right - left > 0.8 * W and top - bottom < 3 and top < H / 3:
            rules.append(top)
    assert len(rules) == 1, rules
    return rules[0]


def _qr_rects(page):
    """(left, bottom, right, top) in points of every QR decoded at 150 dpi."""
    import zxingcpp

    k = 72 / 150
    H = page.get_size()[1]
    img = page.render(scale=150 / 72).to_pil()
    out = []
    for b in zxingcpp.read_barcodes(img):
        p = b.position
        xs = [pt.x for pt in (p.top_left, p.top_right, p.bottom_left, p.bottom_right)]
        ys = [pt.y for pt in (p.top_left, p.top_right, p.bottom_left, p.bottom_right)]
        out.append((min(xs) * k, H - max(ys) * k, max(xs) * k, H - min(ys) * k))
    return out


def _speaker_chars(event, text, chars):
    """{speaker id: (name chars, organization chars)}; each as (size, box), spaces left out."""
    starts = []
    for sid in PANEL:
        sp = event.speaker(sid)
        i = text.rfind(sp.name.split()[0])  # the first name (the QR note comes earlier)
        j = text.find((sp.position or sp.organization).split()[0], i)
        assert 0 <= i < j, sp.name
        starts.append((sid, i, j))
    out = {}
    for k, (sid, i, j) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else len(text)
        pick = lambda a, b: [chars[n][1:] for n in range(a, b) if not chars[n][0].isspace()]  # noqa: E731
        out[sid] = (pick(i, j), pick(j, end))
    return out


@pytest.mark.parametrize("layout, name_min, org_min", [("a4", 12, 9), ("a3", 17, 12.5)])
def test_panel_speakers_are_legible_and_clear_of_the_qr_codes_and_footer(
    event, tmp_path, layout, name_min, org_min
):
    out = tmp_path / "door.pdf"
    signs.build(event, out, problems=Problems(), target="screen", kind="door", layout=layout)
    doc = pdfium.PdfDocument(str(out))
    page = next(p for p in doc if "Fjellstr" in p.get_textpage().get_text_range())
    text, chars = _chars(page)
    rule = _footer_rule(page)
    qrs = _qr_rects(page)
    assert len(qrs) == 2, "the talk and the speaker-profile QR codes both decode"
    speakers = _speaker_chars(event, text, chars)
    # one size for every name on the sign, one for every organization
    assert len({round(s, 2) for name, _ in speakers.values() for s, _ in name}) == 1
    # (an organization's run also holds the next speaker's initials disc: compare its smallest)
    assert len({round(min(s for s, _ in org), 2) for _, org in speakers.values()}) == 1
    for sid, (name, org) in speakers.items():
        assert name and org, sid
        assert min(s for s, _ in name) >= name_min - 0.05, (sid, min(s for s, _ in name))
        assert min(s for s, _ in org) >= org_min - 0.05, (sid, min(s for s, _ in org))
        for _, (left, bottom, right, top) in name + org:
            assert bottom > rule, f"{sid}: text below the footer rule"
            for ql, qb, qr, qt in qrs:
                clear = right <= ql or left >= qr or top <= qb or bottom >= qt
                assert clear, f"{sid}: text over a QR code"


def test_grid_rows_hold_photo_and_text_at_the_floor():
    """Every option's rows are at least the photo and the tallest text block at the minimum type."""
    from printkit.products.signs.door import cell_text, grid_options
    from printkit.products.signs.layout import load_sign_layout

    st = load_sign_layout("a4").door
    texts = [(f"Speaker With A Rather Long Name {i}", "Organisation " * (i + 1)) for i in range(6)]
    options = grid_options(texts, st, 760, 560, 1000)
    assert options[0].wide and options[0].cols == 3
    assert [g.cols for g in options if not g.wide][:3] == [3, 2, 1]
    for g in options:
        assert g.name_size == st.speaker_name_min and g.org_size == st.speaker_org_min
        for r, row_h in enumerate(g.rows):
            cells = texts[r * g.cols : (r + 1) * g.cols]
            need = [cell_text(n, o, g.text_width, g.name_size, g.org_size, st) for n, o in cells]
            assert row_h >= g.photo and row_h >= max(c.height for c in need) - 1e-6
            assert all(not c.name.truncated for c in need)
    assert not grid_options(texts, st, 760, 560, 10)[0].wide, "no room under the QR column"
    cut = cell_text("A Name", "Very Long Organisation " * 9, 150, 16, 11.5, st).org
    assert cut.truncated and cut.lines[-1].endswith("…") and cut.size == st.speaker_org_min
