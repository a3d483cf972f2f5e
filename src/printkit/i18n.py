"""A BCP 47 tag (`fr`, `zh-Hans`, `pt-BR`) → the active Language: gettext labels and a Babel locale.

Every fixed string printkit prints is wrapped in ``tr()`` (``_()`` under the name
products use, see below) or ``ngettext``; module-level
tables mark theirs with ``N_()`` and translate at use. The messages live in gettext
catalogs, ``locale/<ll[_Script][_RR]>/LC_MESSAGES/printkit.po``, compiled to ``.mo`` beside
them (committed; ``tools/i18n.py compile`` rebuilds them, a test checks they match).

One Language is active at a time (a context variable): a product's ``build`` runs under
``@localized``, which activates ``--lang`` when given (``requested``), else
``event.language``, else English. A tag resolves to the closest shipped catalog
(``pt-BR`` → ``pt``, ``zh``/``zh-CN`` → ``zh_Hans`` through CLDR's likely subtags); labels
fall back to English when there is none, while dates still follow the tag's locale.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from printkit import quotes

DOMAIN = "printkit"
LOCALE_DIR = Path(__file__).parent / "locale"
# Catalog folders shipped, as gettext names them (zh_Hans, not zh-Hans).
SHIPPED = ("en", "fr", "de", "es", "it", "pt", "nl", "zh_Hans", "ja", "ko", "ar", "he")
ENGLISH = "en"

# Quotation marks by language, from CLDR's <delimiters> (Babel does not expose them).
# French sets its guillemets off with thin no-break spaces (U+202F).


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now (tables read at import)."""
    return message


def parse_tag(tag: str) -> Locale:
    """BCP 47 tag → Babel Locale; ValueError with a readable reason when it is not one."""
    text = str(tag).strip()
    if not text or any(c.isspace() for c in text):
        raise ValueError(f"{tag!r} is not a BCP 47 language tag (e.g. fr, de, zh-Hans, pt-BR)")
    try:
        return Locale.parse(text.replace("_", "-"), sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(f"unknown language tag {tag!r} (e.g. fr, de, zh-Hans, pt-BR)") from None


def catalog_candidates(locale: Locale) -> list[str]:
    """Catalog folder names to try, most specific first (its maximized form included)."""
    out: list[str] = []

    def add(loc: Locale) -> None:
        lang, script, region = loc.language, loc.script, loc.territory
        for parts in (
            (lang, script, region),
            (lang, script),
            (lang, region),
            (lang,),
        ):
            if None in parts:
                continue
            name = "_".join(parts)
            if name not in out:
                out.append(name)

    add(locale)
    likely = get_global("likely_subtags")
    for key in (str(locale), locale.language):
        full = likely.get(key)
        if full:
            with contextlib.suppress(UnknownLocaleError, ValueError):
                add(Locale.parse(full))
            break
    return out


@dataclass(frozen=True)
class Language:
    """The tag as written, its Babel locale and the catalog found for it (None: English)."""

    tag: str
    locale: Locale
    catalog: str | None
    translations: gettext.NullTranslations

    @property
    def english_formats(self) -> bool:
        """Plain `en` keeps printkit's own English wording of dates (`Tue 6 May`, 24-hour)."""
        return self.tag.replace("_", "-").lower() == "en"

    @property
    def rtl(self) -> bool:
        return self.locale.character_order == "right-to-left"

    @property
    def code(self) -> str:
        """Short upper-case code for a language tag on print ("EN", "FR", "ZH")."""
        return self.locale.language.upper()

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def quote(self, text: str) -> str:
        """`text` in the language's quotation marks (« … » with thin no-break spaces in French);
        straight quotes inside become the language's inner marks (quotes.py)."""
        loc = self.locale
        return quotes.quote(text, "-".join(p for p in (loc.language, loc.territory) if p))


@functools.lru_cache(maxsize=64)
def language(tag: str | None) -> Language:
    """Tag (None → English) → Language; ValueError for a tag that is not a language."""
    tag = (tag or ENGLISH).strip()
    locale = parse_tag(tag)
    for name in catalog_candidates(locale):
        mo = LOCALE_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if mo.is_file():
            with mo.open("rb") as f:
                return Language(tag, locale, name, gettext.GNUTranslations(f))
    return Language(tag, locale, None, gettext.NullTranslations())


_active: ContextVar[Language | None] = ContextVar("printkit_language", default=None)
_requested: ContextVar[str | None] = ContextVar("printkit_requested_language", default=None)


def current() -> Language:
    """The active Language (English outside any `use`)."""
    return _active.get() or language(None)


@contextlib.contextmanager
def use(tag: str | None):
    """Make `tag` the active language inside the block."""
    token = _active.set(language(tag))
    try:
        yield current()
    finally:
        _active.reset(token)


@contextlib.contextmanager
def requested(tag: str | None):
    """`--lang`: a language that wins over event.language for builds inside the block."""
    token = _requested.set(tag)
    try:
        yield
    finally:
        _requested.reset(token)


def localized(build):
    """Decorate a product's build(event, ...): run it in --lang, else event.language."""

    @functools.wraps(build)
    def wrapper(event, *args, **kwargs):
        tag = kwargs.pop("lang", None) or _requested.get() or getattr(event, "language", None)
        with use(tag):
            return build(event, *args, **kwargs)

    return wrapper


def _(message: str) -> str:
    """The active language's translation of `message` (English msgid when there is none)."""
    return current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return current().ngettext(singular, plural, n)


# Product code calls `tr()`: `_` is also Python's throwaway name (`_, h = frame()`), and a
# function that assigns it would shadow the translator without any linter noticing.
tr = _


def quote(text: str) -> str:
    return current().quote(text)


def _tag_locale(text: str) -> Locale | None:
    """A session's `language` → a Locale: a BCP 47 tag, else a language's English name ("German")."""
    with contextlib.suppress(ValueError):
        return parse_tag(text)
    name = text.strip().casefold()
    for code, label in language(ENGLISH).locale.languages.items():
        if label.casefold() == name:
            with contextlib.suppress(ValueError):
                return parse_tag(code)
    return None


def session_tag(tag: str | None) -> str | None:
    """A session's language as a small print tag ("EN" on a French program), or None when it is
    the active language (or not given). Same language, other script: "ZH-HANT" beside "zh-Hans"."""
    text = (tag or "").strip()
    if not text:
        return None
    loc, here = _tag_locale(text), current().locale
    if loc is None:  # not a language we can name: printed as given, unless it reads as ours
        return None if text.casefold() == current().tag.casefold() else text
    if loc.language != here.language:
        return loc.language.upper()
    if loc.script and here.script and loc.script != here.script:
        return f"{loc.language}-{loc.script}".upper()
    return None
