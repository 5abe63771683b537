"""Page fragments of a county edition: a local rule where a page marks it, and the edition's box on the home page.

A rule's text is Markdown written by the county: it is split into paragraphs and lists here and left to
the page's own Markdown for inline formatting, so glossary tooltips and escaping work as in any lesson.
"""

from __future__ import annotations

import calendar
import datetime as dt
import xml.etree.ElementTree as etree
from collections.abc import Callable

import markdown

from .html_tree import add
from .labels import label
from .local_edition import Edition, Rule
from .local_rules import LocalRules


def title(edition: Edition | None, lang: str) -> str:
    """The course's name in the header, the print header and the offline note: the committee's name first."""
    course = label(lang, "course")
    return label(lang, "edition_title", committee=edition.committee[lang], course=course) if edition else course


def date_range(start: dt.date, end: dt.date | None, lang: str) -> str:
    """`2026年12月8日至10日` / `8–10 December 2026`, and the longer forms across months and years."""
    values = {"y": start.year, "m": start.month, "d": start.day, "month": calendar.month_name[start.month]}
    if end is None or end == start:
        return label(lang, "date", **values)
    values |= {"y2": end.year, "m2": end.month, "d2": end.day, "month2": calendar.month_name[end.month]}
    if end.year != start.year:
        return label(lang, "date_range", **values)
    return label(lang, "date_range_day" if end.month == start.month else "date_range_month", **values)


def _rule_text(parent: etree.Element, text: str) -> None:
    """Block-level Markdown (paragraphs, lists) of a rule; inline Markdown is left to the page's renderer."""
    root = markdown.Markdown().parser.parseDocument(text.strip().split("\n")).getroot()
    for child in list(root):
        parent.append(child)


def render_local_rule(parent: etree.Element, name: str, rules: LocalRules, edition: Edition | None,
                      lang: str, href_to: Callable[[str], str]) -> etree.Element:
    """The edition's rule under its label; without one, the label and the neutral line (kept out of search)."""
    rule: Rule | None = edition.rules.get(name) if edition else None
    rule_label = rules.labels[name][lang]
    if edition is None or rule is None:
        box = add(parent, "div", class_="local-rule local-rule--neutral", data_local_rule=name,
                  data_search_exclude="true")
        line = add(box, "p")
        add(line, "strong", rule_label + label(lang, "label_sep"), class_="local-rule__label")
        add(line, "span", rules.neutral[lang])
        return box
    box = add(parent, "aside", class_="local-rule", data_local_rule=name)
    add(box, "p", label(lang, "local_rule", committee=edition.committee[lang], label=rule_label),
        class_="local-rule__title")
    _rule_text(box, rule.text[lang])
    page = edition.page(rule.see) if rule.see else None
    if page is not None:
        see = add(box, "p", label(lang, "see_local"), class_="local-rule__see")
        add(see, "a", page.titles[lang], href=href_to(page.src_uri("zh")))
    return box


def render_edition(parent: etree.Element, edition: Edition, lang: str, href_to: Callable[[str], str]) -> etree.Element:
    """The home page's box: which committee this copy is for, its training, contacts and pages."""
    box = add(parent, "section", class_="course-edition-info", aria_label=edition.committee[lang])
    add(box, "p", edition.committee[lang], class_="course-edition-info__name")
    subtitle = " ".join(part[lang] for part in (edition.full_name, edition.term) if part)
    if subtitle:
        add(box, "p", subtitle, class_="course-edition-info__term")
    if edition.example:
        add(box, "p", label(lang, "example_edition"), class_="course-edition-info__example")
    facts = add(box, "dl", class_="course-edition-info__facts")
    if edition.training_from:
        add(facts, "dt", label(lang, "training_dates"))
        add(facts, "dd", date_range(edition.training_from, edition.training_to, lang))
    if edition.place:
        add(facts, "dt", label(lang, "training_place"))
        add(facts, "dd", edition.place[lang])
    if edition.contacts:
        add(facts, "dt", label(lang, "contacts"))
        for contact in edition.contacts:
            entry = add(facts, "dd", contact.who[lang] + label(lang, "label_sep"))
            ways = [("tel:" + contact.phone.replace(" ", ""), contact.phone)] if contact.phone else []
            ways += [("mailto:" + contact.email, contact.email)] if contact.email else []
            for index, (href, text) in enumerate(ways):
                link = add(entry, "a", text, href=href)
                if index < len(ways) - 1:
                    link.tail = label(lang, "list_sep")
    if len(facts) == 0:
        box.remove(facts)
    if edition.pages:
        pages = add(box, "p", label(lang, "local_pages") + label(lang, "label_sep"), class_="course-edition-info__pages")
        for index, page in enumerate(edition.pages):
            link = add(pages, "a", page.titles[lang], href=href_to(page.src_uri("zh")))
            if index < len(edition.pages) - 1:
                link.tail = " · "
    return box
