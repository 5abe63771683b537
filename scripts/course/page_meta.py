"""Each page's meta description, in the page's language, for search results and link previews.

A page's front matter may give `description:` (Material uses it as it is); a lecture may give a
one-line `summary:`. Otherwise the description is the first sentence of the lecture's
"why this lecture matters" section, or of the page's first paragraph, read from the rendered page
so links, emphasis and glossary marks come out as plain text. A sentence wider than a search
result shows is cut at a pause and ends with "…"; the site description stays the last resort.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

WIDTH = 160  # columns a search result shows; a Chinese character takes two
WHY = "why"  # the lecture section whose first sentence stands for the lecture
CHUNK = 4096
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
ZH_END = re.compile(r"^(.+?[。！？])")
EN_END = re.compile(r"^(.+?[.!?])(?=\s+[A-Z\"“‘(0-9]|$)")
PAUSE = {"zh": "，、；：", "en": ",;:"}


def width(text: str) -> int:
    """Columns the text takes in a search result: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class _Paragraphs(HTMLParser):
    """The text of each top-level `<p>` of a rendered page, with the id of the heading above it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.section: str | None = None
        self.current: list[str] | None = None
        self.found: list[tuple[str | None, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        if not self.stack:
            if tag in HEADINGS:
                self.section = dict(attrs).get("id")
            elif tag == "p":
                self.current = []
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self.stack:
            return
        while self.stack and self.stack.pop() != tag:
            pass
        if not self.stack and tag == "p" and self.current is not None:
            self.found.append((self.section, "".join(self.current)))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def plain(text: str) -> str:
    """Whitespace folded; no space left between two Chinese characters (soft line breaks in the source)."""
    text = " ".join(text.split())
    return re.sub(rf"(?<=[{CJK}]) (?=[{CJK}])", "", text)


def first_sentence(text: str, lang: str) -> str:
    """The first sentence, cut at a pause (and "…" added) where it is wider than `WIDTH`."""
    text = plain(text)
    match = (ZH_END if lang == "zh" else EN_END).match(text)
    sentence = match.group(1) if match else text
    if width(sentence) <= WIDTH:
        return sentence
    cut, used = 0, 0
    for index, ch in enumerate(sentence):
        used += width(ch)
        if used > WIDTH - 2:
            break
        if ch in PAUSE.get(lang, PAUSE["en"]) or (lang != "zh" and ch == " "):
            cut = index
    return sentence[: cut or index].rstrip(" ,;:，、；：") + "…"


def description(html: str, lang: str, summary: object = None) -> str | None:
    """The page's description: the summary if given, else the first sentence of #why or of the first paragraph."""
    if isinstance(summary, str) and summary.strip():
        return plain(summary)
    parser = _Paragraphs()
    wants_why = f'id="{WHY}"' in html
    for start in range(0, len(html), CHUNK):  # read only as far as the paragraph wanted: builds stay fast
        parser.feed(html[start:start + CHUNK])
        if any(plain(text) and (section == WHY or not wants_why) for section, text in parser.found):
            break
    paragraphs = [(section, text) for section, text in parser.found if plain(text)]
    chosen = next((text for section, text in paragraphs if section == WHY), None)
    if chosen is None and paragraphs:
        chosen = paragraphs[0][1]
    return first_sentence(chosen, lang) if chosen else None
