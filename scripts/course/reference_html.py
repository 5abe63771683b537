"""Markup for reference data: the glossary, procedure steps with a flow diagram drawn at build time, the timeline.

The diagram is inline SVG: it costs no request and no script, works offline, and
repeats the numbered steps, which stay on the page as the text equivalent. It is drawn
narrow (WIDTH user units, lines wrapped to fit) and shown no wider than WIDTH CSS pixels
times the reader's text size, so its 15-unit text is 15 px on a phone instead of being
scaled down to fit a wide drawing.
"""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as etree
from itertools import groupby

from .html_tree import add
from .labels import label
from .reference import Event, Procedure, Term

WIDTH, MARGIN, LINE, PAD, GAP = 320, 8, 21, 10, 24
CHARS = {"zh": 18, "en": 36}  # characters per line that fit WIDTH - 2 * (MARGIN + PAD) at 15 px


NO_LINE_START = "，。、；：！？）》」』”’"  # Chinese punctuation that must not begin a line (it ends the one before)


def _wrap(text: str, lang: str, width: int) -> list[str]:
    if lang != "zh":
        return textwrap.wrap(text, width) or [""]
    lines, start = [], 0
    while start < len(text):
        end = start + width
        if end < len(text) and text[end] in NO_LINE_START:
            end += 1  # a full-width mark's right half is blank: it fits
        lines.append(text[start:end])
        start = end
    return lines or [""]


def render_procedure(parent: etree.Element, procedure: Procedure, lang: str) -> etree.Element:
    """Numbered steps (who acts, what they do, what comes out) followed by the same flow as a diagram."""
    wrapper = add(parent, "div", class_="procedure")
    steps = add(wrapper, "ol", class_="procedure__steps")
    for step in procedure.steps:
        item = add(steps, "li")
        add(item, "strong", step.actor[lang])
        add(item, "span", ("：" if lang == "zh" else ": ") + step.action[lang])
        result = add(item, "span", class_="procedure__output")
        add(result, "span", label(lang, "result"))
        add(result, "em", step.output[lang])
    figure = add(wrapper, "figure", class_="procedure__flow")
    title_id = f"flow-{procedure.name}"
    boxes: list[tuple[int, list[tuple[str, str]]]] = []
    y = MARGIN
    for number, step in enumerate(procedure.steps, start=1):
        chars = CHARS.get(lang, CHARS["en"])
        lines = [("actor", text) for text in _wrap(f"{number}. {step.actor[lang]}", lang, chars)]
        lines += [("action", text) for text in _wrap(step.action[lang], lang, chars)]
        lines += [("output", "→ " + text) for text in _wrap(step.output[lang], lang, chars - 2)]
        boxes.append((y, lines))
        y += len(lines) * LINE + 2 * PAD + GAP
    height = y - GAP + MARGIN
    svg = add(figure, "svg", xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {WIDTH} {height}", role="img",
              aria_labelledby=title_id, class_="procedure__svg")
    add(svg, "title", label(lang, "flow_title"), id=title_id)
    for index, (top, lines) in enumerate(boxes):
        box_height = len(lines) * LINE + 2 * PAD
        add(svg, "rect", x=str(MARGIN), y=str(top), width=str(WIDTH - 2 * MARGIN), height=str(box_height), rx="6",
            class_="procedure__box")
        for row, (kind, text) in enumerate(lines):
            add(svg, "text", text, x=str(MARGIN + PAD), y=str(top + PAD + (row + 1) * LINE - 6),
                class_=f"flow__{kind}")
        if index + 1 < len(boxes):
            start, end = top + box_height, boxes[index + 1][0]
            middle = WIDTH // 2
            add(svg, "line", x1=str(middle), y1=str(start), x2=str(middle), y2=str(end - 6), class_="procedure__arrow")
            add(svg, "polygon", points=f"{middle - 6},{end - 8} {middle + 6},{end - 8} {middle},{end}",
                class_="procedure__head")
    add(figure, "figcaption", label(lang, "flow_caption"))
    return wrapper


def _initial(term: Term, lang: str) -> str:
    return (term.pinyin if lang == "zh" else term.en)[:1].upper()


def sort_terms(terms: list[Term], lang: str) -> list[Term]:
    """Chinese by pinyin, English alphabetically by the English rendering."""
    return sorted(terms, key=lambda t: (t.pinyin, t.term) if lang == "zh" else (t.en.lower(), t.pinyin))


def render_glossary(parent: etree.Element, terms: list[Term], lang: str, href_to: object) -> etree.Element:
    wrapper = add(parent, "div", class_="glossary")
    ordered = sort_terms(terms, lang)
    groups = [(letter, list(items)) for letter, items in groupby(ordered, key=lambda t: _initial(t, lang))]
    index = add(wrapper, "p", class_="glossary__index")
    for letter, _ in groups:
        add(index, "a", letter, href=f"#initial-{letter.lower()}")
    for letter, items in groups:
        add(wrapper, "h2", letter, id=f"initial-{letter.lower()}")
        entries = add(wrapper, "div", class_="glossary__entries")
        for term in items:
            # One heading per term: each entry is its own search result and link target (not listed in the
            # table of contents: scripts/course/page_toc.py). No wrapper around the paragraphs: fewer nodes.
            head = add(entries, "h3", id=term.anchor, class_="glossary__head")
            parts = [(term.term, "glossary__term", "zh"), (term.pinyin, "glossary__pinyin", ""),
                     (term.en, "glossary__en", "en")] if lang == "zh" else [
                     (term.en, "glossary__term", "en"), (term.term, "glossary__zh", "zh"),
                     (term.pinyin, "glossary__pinyin", "")]
            for text, css, part_lang in parts:
                span = add(head, "span", text, class_=css, **({"lang": part_lang} if part_lang != lang and part_lang else {}))
                span.tail = " "  # so the heading reads "term pinyin English" in search results
            add(entries, "p", term.definition[lang])
            aliases = term.aliases if lang == "zh" else term.en_aliases
            if aliases:
                add(entries, "p", label(lang, "aliases") + ("、" if lang == "zh" else ", ").join(aliases),
                    class_="glossary__aliases")
            source = label(lang, "source") + term.source
            meta = add(entries, "p", source + " · " if term.see else source, class_="glossary__meta")
            if term.see:  # text around the one link, no wrapper elements: 139 entries, so every node counts
                add(meta, "a", label(lang, "see"), href=href_to(term.see))  # type: ignore[operator]
    return wrapper


def render_timeline(parent: etree.Element, events: list[Event], lang: str) -> etree.Element:
    items = add(parent, "ol", class_="timeline")
    for event in events:
        item = add(items, "li")
        add(item, "time", event.date, datetime=event.date)
        add(item, "strong", event.title[lang])
        add(item, "p", event.purpose[lang])
        add(item, "p", label(lang, "source") + event.source, class_="timeline__source")
    return items
