"""How a French, Chinese and Arabic door sign and booklet page look, against reference PNGs.

The references live in tests/reference/ (i18n-*.png); regenerate them only on purpose with
PRINTKIT_UPDATE_REFERENCES=1 pytest tests/test_i18n_reference.py (then LOOK at them).
Renders are compared in grey, tolerantly (mean absolute difference), so a new font
rasterizer does not fail the test while a missing translation, a wrong direction or a
lost script does (test_references_tell_languages_apart).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat

from printkit import i18n
from printkit.errors import Problems
from printkit.load import load_event
from printkit.products.booklet.command import build as booklet
from printkit.products.signs.command import build as signs
from printkit.resources import sample_event_dir

REFERENCE = Path(__file__).parent / "reference"
UPDATE = os.environ.get("PRINTKIT_UPDATE_REFERENCES") == "1"
LANGS = ("fr", "zh-Hans", "ar")
SCALE = 0.75  # 54 dpi: enough to see layout, direction and script
TOLERANCE = 1.0  # mean grey difference (0-255); same rendering gives 0

# The program as a local organizer would write it: titles and one abstract in the language
# (our own wording), so the pages show CJK line breaking and right-to-left running text.
TEXTS = {
    "fr": ("L'IA open source au service de tous, pour un accès inclusif et des données équitables",
           "Bonnes pratiques pour entraîner et servir des modèles sur Ascend CANN",
           "Des LLM sans serveur",
           "Une présentation de l'architecture de calcul CANN et de la manière dont elle "
           "accélère l'entraînement et l'inférence des modèles d'IA, avec des exemples tirés "
           "de PyTorch et de vLLM."),
    "zh-Hans": ("开源人工智能造福社会：包容的访问、公平的数据与普惠的算力",
                "在昇腾 CANN 上训练与推理的最佳实践",
                "无服务器大语言模型",
                "本演讲介绍 CANN 计算架构，以及它如何加速人工智能模型的训练与推理，并结合 PyTorch "
                "与 vLLM 的实例进行说明。"),
    "ar": ("ذكاء اصطناعي مفتوح المصدر للجميع: وصول شامل وبيانات منصفة",
           "أفضل الممارسات للتدريب والاستدلال على Ascend CANN",
           "نماذج لغوية كبيرة بلا خوادم",
           "عرض لمعمارية الحوسبة CANN وكيف تسرّع تدريب نماذج الذكاء الاصطناعي والاستدلال بها، "
           "مع أمثلة من PyTorch و vLLM."),
}  # fmt: skip


def _event(lang: str):
    """Three sessions of one room on the sample's first day, with their speakers, titled in
    `lang`; a fixed "as of" stamp."""
    ev = load_event(sample_event_dir(), Problems())
    day = ev.days[0]
    keep = [s for s in ev.sessions if s.day == day and s.room == "ai-infra-stage"][:3]
    *titles, abstract = TEXTS[lang]
    keep = [dataclasses.replace(s, title=t, abstract=abstract if i == 1 else None)
            for i, (s, t) in enumerate(zip(keep, titles, strict=True))]  # fmt: skip
    ids = {sp for s in keep for sp in s.speakers}
    speakers = tuple(sp for sp in ev.speakers if sp.id in ids)
    return dataclasses.replace(ev, sessions=tuple(keep), speakers=speakers, language=lang,
                               version="2025-05-01")  # fmt: skip


def _raster(pdf: Path, page: int) -> Image.Image:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc[page].render(scale=SCALE, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


def _page_with(pdf: Path, *texts: str) -> int:
    doc = pdfium.PdfDocument(str(pdf))
    pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    return next(i for i, t in enumerate(pages) if all(x in t for x in texts))


def _render(kind: str, lang: str, tmp: str) -> Image.Image:
    ev = _event(lang)
    pdf = Path(tmp) / f"{kind}-{lang}.pdf"
    if kind == "door":
        signs(ev, pdf, problems=Problems(), kind="door", offline=True)
        return _raster(pdf, 0)
    booklet(ev, pdf, problems=Problems(), offline=True)
    with i18n.use(lang):
        heading = i18n.tr("Sessions")
    # the sessions section's first page: its heading and the first session card's title
    return _raster(pdf, _page_with(pdf, heading, ev.sessions[0].title[:20]))


@pytest.fixture(scope="module")
def tmp(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("i18n-ref"))


def _diff(a: Image.Image, b: Image.Image) -> float:
    return ImageStat.Stat(ImageChops.difference(a, b)).mean[0]


@pytest.mark.parametrize("kind", ["door", "booklet"])
@pytest.mark.parametrize("lang", LANGS)
def test_matches_reference_image(kind, lang, tmp):
    img = _render(kind, lang, tmp)
    path = REFERENCE / f"i18n-{kind}-{lang}.png"
    if UPDATE:
        img.save(path, optimize=True)
    if not path.exists():
        pytest.fail(f"{path} missing; run with PRINTKIT_UPDATE_REFERENCES=1 and look at it")
    ref = Image.open(path).convert("L")
    assert ref.size == img.size
    assert _diff(img, ref) <= TOLERANCE


@pytest.mark.parametrize("kind", ["door", "booklet"])
def test_references_tell_languages_apart(kind):
    """Each reference differs from the others by far more than the tolerance (the test can fail)."""
    refs = {lang: Image.open(REFERENCE / f"i18n-{kind}-{lang}.png").convert("L") for lang in LANGS}
    for a in LANGS:
        for b in LANGS:
            if a < b and refs[a].size == refs[b].size:
                assert _diff(refs[a], refs[b]) > 2 * TOLERANCE, (a, b)
