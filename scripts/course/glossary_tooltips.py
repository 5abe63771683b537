"""Glossary tooltips in running text: the first occurrence of each term on a page explains itself.

Chinese has no spaces, so Markdown's `abbr` cannot find 政协 inside 政协委员; this
tree-processor does longest-match over text nodes instead, skipping headings,
links, code, quizzes and anything else where a tooltip would be in the way.

Each term becomes a link to its glossary entry with the definition as its title, so
it works without JavaScript; `glossary.js` turns the links into buttons that open a
tooltip at body size (term as heading, definition, link to the entry).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .reference import Term

SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "code", "pre", "kbd", "script", "style", "svg",
             "button", "summary", "legend", "label", "dt", "time", "figcaption"}
SKIP_CLASSES = ("quiz", "glossary", "procedure", "timeline", "course-outline", "trainer-notes", "slide-summary")
GLOSSARY_PAGE = "reference/glossary.md"


def build_matcher(terms: list[Term], lang: str) -> tuple[re.Pattern[str] | None, dict[str, Term]]:
    """One regular expression over every form of every term, longest first (so 政协委员 wins over 政协)."""
    forms: dict[str, Term] = {}
    for term in terms:
        for form in term.forms(lang):
            forms.setdefault(form if lang == "zh" else form.lower(), term)
    if not forms:
        return None, forms
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = f"(?:{alternatives})" if lang == "zh" else rf"\b(?:{alternatives})\b"
    return re.compile(pattern, 0 if lang == "zh" else re.IGNORECASE), forms


class TooltipProcessor(Treeprocessor):
    def __init__(self, md: Markdown, context: Any) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        course = self.context.course
        if course is None or not course.reference.terms or self.context.src_uri.startswith(GLOSSARY_PAGE.removesuffix(".md")):
            return
        lang = self.context.lang
        pattern, forms = build_matcher(course.reference.terms, lang)
        if pattern is None:
            return
        self.pattern, self.forms, self.lang, self.seen = pattern, forms, lang, set()
        self._walk(root)

    def _skipped(self, element: etree.Element) -> bool:
        classes = element.get("class", "")
        return element.tag in SKIP_TAGS or any(c.startswith(SKIP_CLASSES) for c in classes.split())

    def _walk(self, element: etree.Element) -> None:
        if self._skipped(element):
            return
        if element.text and not isinstance(element.text, AtomicString):
            element.text, nodes = self._split(element.text)
            for offset, node in enumerate(nodes):
                element.insert(offset, node)
            children = list(element)[len(nodes):]
        else:
            children = list(element)
        for child in children:
            self._walk(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, nodes = self._split(child.tail)
                position = list(element).index(child) + 1
                for offset, node in enumerate(nodes):
                    element.insert(position + offset, node)

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """Cut `text` at the first unseen term occurrences; returns the leading text and the new nodes."""
        nodes: list[etree.Element] = []
        lead, cursor, last = "", 0, None
        for match in self.pattern.finditer(text):
            key = match.group(0) if self.lang == "zh" else match.group(0).lower()
            term = self.forms[key]
            if term.anchor in self.seen:
                continue
            self.seen.add(term.anchor)
            before = text[cursor:match.start()]
            if last is None:
                lead = before
            else:
                last.tail = before
            name = term.term if self.lang == "zh" else term.en
            href = f"{self.context.href_to(GLOSSARY_PAGE)}#{term.anchor}"
            node = etree.Element("a", {"href": href, "title": term.definition[self.lang], "class": "gloss",
                                       "data-term": term.anchor, "data-name": name})
            node.text = AtomicString(match.group(0))
            nodes.append(node)
            last, cursor = node, match.end()
        if last is None:
            return text, []
        last.tail = text[cursor:]
        return lead, nodes


class GlossaryTooltipExtension(Extension):
    def __init__(self, context: Any, **kwargs: Any) -> None:
        self.context = context
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(TooltipProcessor(md, self.context), "course-glossary", 1)
