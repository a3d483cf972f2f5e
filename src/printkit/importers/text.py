"""HTML or Markdown abstracts → plain text with paragraphs and bullet lines."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_HINT = re.compile(
    r"<(?:p|br|div|ul|ol|li|a|em|strong|b|i|u|h[1-6]|blockquote|pre|code|span|img|table|tr|td)\b[^>]*>"
    r"|</[a-z][a-z0-9]*>",
    re.IGNORECASE,
)
_BLOCK = {
    "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "table", "section", "article", "header", "footer", "figure", "hr", "dl",
}  # fmt: skip
_LINE = {"br", "tr", "dt", "dd"}
_SKIP = {"script", "style", "head", "title"}
_BULLET = re.compile(r"^(?:[-*+•‣◦▪●–]\s+|\d{1,3}[.)]\s+|[a-z][.)]\s+)")


class _Stripper(HTMLParser):
    """Collects text; block tags become blank lines, `<li>` becomes a `- ` line."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.out.append("\n\n")
        elif tag in _LINE:
            self.out.append("\n")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.out.append(alt)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.out.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            # whitespace inside HTML text (including newlines) is just a space
            self.out.append(re.sub(r"\s+", " ", data))


def looks_like_html(text: str) -> bool:
    """True when the text holds HTML tags (not just a stray `<` or `&`)."""
    return bool(_HTML_HINT.search(text))


def html_to_text(html: str) -> str:
    """HTML → plain text: entities decoded, tags dropped, paragraphs kept."""
    parser = _Stripper()
    parser.feed(html)
    parser.close()
    return tidy("".join(parser.out))


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))+(?:\s+\"[^\"]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=\S)_(?![\w_])")
_MD_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MD_EM_MULTI = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*]+?)(?<=[^\s\\])\*(?![\w*])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_MD_QUOTE = re.compile(r"^\s*>\s?")


def markdown_to_text(md: str, keep_lines: bool = False) -> str:
    """Markdown (or plain text) → plain text: emphasis and link syntax removed, paragraphs kept."""
    lines: list[str] = []
    for raw in md.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _MD_FENCE.match(raw) or _MD_RULE.match(raw) or _MD_REF_DEF.match(raw):
            lines.append("")
            continue
        line = _MD_QUOTE.sub("", raw.strip())  # exports often keep pretty-print indentation
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
        elif re.match(r"^[*+]\s+", line):
            line = "- " + line[2:].lstrip()
        line = _inline(line)
        lines.extend(["", line, ""] if heading else [line])
    paragraphs = tidy("\n".join(lines), keep_lines).split("\n\n")
    # emphasis opened on one line and closed on another, then backslash escapes
    paragraphs = [_MD_EM_MULTI.sub(lambda m: m.group(1), p) for p in paragraphs]
    return _MD_ESCAPE.sub(lambda m: m.group(1), "\n\n".join(paragraphs))


def _inline(line: str) -> str:
    """One Markdown line → its text: images, links, emphasis, code and hard breaks unwrapped."""
    line = _MD_IMAGE.sub(lambda m: m.group(1), line)
    line = _MD_LINK.sub(lambda m: m.group(1), line)
    line = _MD_REF_LINK.sub(lambda m: m.group(1), line)
    line = _MD_AUTOLINK.sub(lambda m: m.group(1), line)
    line = _MD_BOLD.sub(lambda m: m.group(2), line)
    line = _MD_STRIKE.sub(lambda m: m.group(1), line)
    line = _MD_EM_STAR.sub(lambda m: m.group(1), line)
    line = _MD_EM_UNDER.sub(lambda m: m.group(1), line)
    line = _MD_CODE.sub(lambda m: m.group(1), line)
    return re.sub(r"\s{2,}$|\\$", "", line)  # hard-break markers


def tidy(text: str, keep_lines: bool = False) -> str:
    """Plain text → paragraphs separated by one blank line; bullet items on their own lines.

    Lines of one paragraph are joined with spaces (source line wrapping is not
    kept), except that a line starting with a bullet or number marker starts a
    new line. With keep_lines every source line stays a line (plain-text
    sources such as Sessionize write lists as one item per line).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        rows: list[str] = []
        for line in block.split("\n"):
            line = " ".join(line.split())
            if not line:
                continue
            if rows and not keep_lines and not _BULLET.match(line):
                rows[-1] += " " + line
            else:
                rows.append(line)
        if rows:
            paragraphs.append("\n".join(rows))
    return "\n\n".join(paragraphs)


def to_plain(text: str | None, keep_lines: bool = False) -> str | None:
    """An abstract in HTML, Markdown or plain text → plain text; None when empty.

    keep_lines: the source is plain text whose single line breaks mean something.
    """
    if text is None:
        return None
    text = str(text).replace("\\r\\n", "\n")  # literal "\r\n" left by some exports
    if not text.strip():
        return None
    plain = html_to_text(text) if looks_like_html(text) else markdown_to_text(text, keep_lines)
    return plain or None


_SUB = dict(
    zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True)
)
_SUP = dict(zip("0123456789+-=()in", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ", strict=True))
_SCRIPT_MATH = re.compile(r"\$((?:[_^](?:\{[^{}$]*\}|[^{}$\s\\]))+)\$")
_SCRIPT = re.compile(r"([_^])(?:\{([^{}$]*)\}|([^{}$\s\\]))")


def script_math(text: str) -> str:
    """TeX sub- and superscripts between dollars, as Indico shows them with MathJax
    ("(TaSe$_4$)$_2$I" → "(TaSe₄)₂I"), in Unicode; a span with any other TeX, or a
    character Unicode has no sub- or superscript of, is left as written."""

    def one(m: re.Match) -> str:
        out = []
        for kind, braced, single in _SCRIPT.findall(m.group(1)):
            table = _SUB if kind == "_" else _SUP
            chars = braced if braced else single
            if not chars or any(c not in table for c in chars):
                return m.group(0)
            out.append("".join(table[c] for c in chars))
        return "".join(out)

    return _SCRIPT_MATH.sub(one, text) if "$" in text else text
