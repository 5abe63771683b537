"""The one-page handout of each lecture (A4, zh and en): what a member takes home from a session.

It is a plain HTML page written next to the built site at the end of every build (so the lecture
page's link "本讲要点（A4）" works online and from the offline zip, and the browser's own Print gives
the sheet); `make slides` prints each one to a one-page PDF through the course's Chromium PDF path.
A handout holds the lecture's key points, its three key terms with their glossary definitions (the
lecture's `key_terms` front matter, checked against the glossary), its checklist or template if it
has one, a QR code to the online lecture (made here with segno, no service) and the edition stamp.
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import segno
from lxml import etree

from .labels import label
from .lectures import Lecture
from .problems import Problem
from .reference import Term
from .sitemaps import X_DEFAULT, PageAddresses

KEY_TERMS = "key_terms"
COUNT = 3
FOLDER = "handouts"
TOOL = {"zh": re.compile(r"清单|模板"), "en": re.compile(r"checklist|template", re.I)}
NOT_TOOLS = {"case", "key-points", "discussion", "sources", "quiz", "objectives", "why"}
DROP = ("trainer-notes", "slide-summary", "headerlink", "quiz")  # classes of what paper does not show


def _with_class(node: etree._Element, *names: str) -> list[etree._Element]:
    test = " or ".join(f'contains(concat(" ", normalize-space(@class), " "), " {name} ")' for name in names)
    return node.xpath(f".//*[{test}]")


def check_key_terms(lecture: Lecture, terms: list[Term], zh: Lecture | None) -> list[Problem]:
    """`key_terms`: three glossary entries (by their Chinese term or another name), the same in both languages."""
    meta = lecture.meta
    if KEY_TERMS not in meta:
        return [Problem(lecture.path, meta.line or 1, f"front matter: missing {KEY_TERMS} (the handout's three "
                        "terms, e.g. key_terms: [提案, 立案, 承办单位])")] if lecture.is_final else []
    line = meta.line_of(KEY_TERMS)
    value = meta[KEY_TERMS]
    if not isinstance(value, list) or len(value) != COUNT or not all(isinstance(x, str) for x in value):
        return [Problem(lecture.path, line, f"front matter: {KEY_TERMS} is a list of {COUNT} glossary terms")]
    known = {form for term in terms for form in term.forms("zh")}
    problems = [Problem(lecture.path, line, f"front matter: {KEY_TERMS}: '{name}' is not a term of the glossary "
                        "(docs/_data/glossary.yml)") for name in value if name not in known]
    if len(set(value)) != len(value):
        problems.append(Problem(lecture.path, line, f"front matter: {KEY_TERMS} names a term twice"))
    if zh is not None and zh is not lecture and zh.meta.get(KEY_TERMS) != value:
        problems.append(Problem(lecture.path, line, f"front matter: {KEY_TERMS} differs from the Chinese version"))
    return problems


def find_terms(names: list[str], terms: list[Term]) -> list[Term]:
    found = []
    for name in names:
        term = next((t for t in terms if name in t.forms("zh")), None)
        if term is not None:
            found.append(term)
    return found


@dataclass
class HandoutParts:
    title: str
    key_points: str  # HTML
    tool_title: str
    tool: str  # HTML, or "" when the lecture has no checklist or template
    description: str = ""  # the lecture page's own one-line description


def _plain(node: etree._Element) -> str:
    """A fragment for paper: no notes, no permalinks, links as text, no ids."""
    node = copy.deepcopy(node)
    for drop in _with_class(node, *DROP) + node.xpath(".//script"):
        drop.drop_tree()
    for link in node.iter("a"):
        link.attrib.clear()
        link.tag = "span"
    for element in node.iter():
        for attribute in ("id", "title", "data-definition", "class", "href"):
            element.attrib.pop(attribute, None)
    return lxml.html.tostring(node, encoding="unicode")


def _heading_text(heading: etree._Element) -> str:
    node = copy.deepcopy(heading)
    for link in _with_class(node, "headerlink"):
        link.drop_tree()
    return re.sub(r"[ \t\r\n]+", " ", node.text_content()).strip()  # keeps the ideographic space of a title


def read_lecture_page(page_html: str, lang: str) -> HandoutParts:
    """The key points and the checklist (or template) of a built lecture page."""
    root = lxml.html.fromstring(page_html)
    article = _with_class(root, "md-content__inner")[0]
    title = _heading_text(article.xpath(".//h1")[0])
    children = list(article)
    points: list[str] = []
    for index, child in enumerate(children):
        if child.tag == "h2" and child.get("id") == "key-points":
            for node in children[index + 1:]:
                if node.tag == "h2":
                    break
                if node.tag in ("ul", "ol"):
                    points.append(_plain(node))
    headings = [c for c in children if c.tag in ("h2", "h3")]
    section = None
    candidates = [h for h in headings if h.tag == "h3"] + [h for h in headings if h.tag == "h2"]
    for heading in candidates:
        anchor = heading.get("id") or ""
        if anchor not in NOT_TOOLS and TOOL[lang].search(_heading_text(heading)):
            section = heading
            break
    tool, tool_title = "", ""
    if section is not None:
        tool_title = _heading_text(section)
        parts = []
        for node in children[children.index(section) + 1:]:
            if node.tag in ("h2", "h3"):
                break
            bold_lead = node.tag == "p" and len(node) == 1 and node[0].tag in ("strong", "b") and \
                node[0].text_content().strip() == node.text_content().strip()
            if node.tag in ("ul", "ol", "table") or bold_lead:
                parts.append(_plain(node))
        tool = "".join(parts)
    described = root.xpath('//meta[@name="description"]/@content')
    return HandoutParts(title, "".join(points), tool_title, tool, described[0] if described else "")


def qr_svg(text: str) -> str:
    """A QR code as inline SVG, made locally (segno), no request to any service."""
    return segno.make(text, error="m").svg_inline(scale=3, border=2, dark="#222222")


def online_path(stem: str, lang: str) -> str:
    return f"{'en/' if lang == 'en' else ''}lectures/{stem}/"


def stamp_text(edition: dict, lang: str) -> str:
    """The edition stamp, worded as in every page's footer: the course's name (a county's: with its committee's
    name first), online or offline, version and date."""
    kind = ("Offline edition" if edition["offline"] else "Online edition") if lang == "en" else \
        ("离线版" if edition["offline"] else "在线版")
    sep = ", " if lang == "en" else "，"
    return f"{edition['titles'][lang]} · {kind} {edition['version']}{sep}{edition['date']}"


def _term_name(term: Term, lang: str) -> str:
    if lang == "zh":
        return html.escape(term.term)
    return f'{html.escape(term.en)} <span lang="zh">{html.escape(term.term)}</span>'


def handout_html(parts: HandoutParts, terms: list[Term], lang: str, edition: dict, public_url: str | None,
                 stem: str, css_href: str, csp: str | None, links: PageAddresses | None = None) -> str:
    address = f"{public_url.rstrip('/')}/{online_path(stem, lang)}" if public_url else None
    online = (f'<div class="handout__qr">{qr_svg(address)}</div><div class="handout__where">'
              f'<p>{html.escape(label(lang, "handout_online"))}</p><p class="handout__url">{html.escape(address)}</p>'
              if address else '<div class="handout__where">')  # no address: no code that leads nowhere
    term_items = "".join(f"<dt>{_term_name(t, lang)}</dt><dd>{html.escape(t.definition[lang])}</dd>" for t in terms)
    tool = (f'<section class="handout__tool"><h2>{html.escape(parts.tool_title)}</h2>{parts.tool}</section>'
            if parts.tool else "")
    policy = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">\n' if csp else ""
    root = css_href.removesuffix("assets/course/handout.css")
    head = f'<link rel="icon" href="{root}assets/images/favicon.png">\n'
    if parts.description:
        head += f'<meta name="description" content="{html.escape(parts.description)}">\n'
    if links is not None:  # online, with an address: as every page of the site
        head += f'<link rel="canonical" href="{html.escape(dict(links.links)[lang])}">\n'
        head += "".join(f'<link rel="alternate" hreflang="{code}" href="{html.escape(href)}">\n'
                        for code, href in links.links)
    stamp = html.escape(stamp_text(edition, lang))
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
{policy}<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(label(lang, "handout"))} · {html.escape(parts.title)}</title>
{head}<link rel="stylesheet" href="{css_href}">
</head>
<body class="handout">
<header class="handout__head">
<p class="handout__course">{html.escape(edition['titles'][lang])} · {html.escape(label(lang, "handout"))}</p>
<h1>{html.escape(parts.title)}</h1>
</header>
<section class="handout__points"><h2>{html.escape(label(lang, "handout_points"))}</h2>{parts.key_points}</section>
<section class="handout__terms"><h2>{html.escape(label(lang, "handout_terms"))}</h2><dl>{term_items}</dl></section>
{tool}
<footer class="handout__foot">
{online}
<p class="handout__stamp">{stamp}</p></div>
</footer>
</body>
</html>
"""


def handout_path(stem: str, lang: str, directories: bool) -> str:
    """Where a handout sits, as the site's pages do: `handouts/lecture-04/` online, `handouts/lecture-04.html` offline."""
    base = f"{'en/' if lang == 'en' else ''}{FOLDER}/{stem}"
    return f"{base}/index.html" if directories else f"{base}.html"


def page_file(site: Path, url: str) -> Path:
    return site / url / "index.html" if url.endswith("/") or not url else site / url


def handout_link(page_url: str, stem: str, lang: str) -> str:
    """The handout's address relative to its lecture page (`lectures/lecture-04/` or `lectures/lecture-04.html`)."""
    depth = page_url.count("/") - (1 if page_url.startswith("en/") else 0)
    return "../" * depth + (f"{FOLDER}/{stem}/" if page_url.endswith("/") else f"{FOLDER}/{stem}.html")


def handout_addresses(stem: str, langs: list[str], default: str, site_url: str) -> dict[str, PageAddresses]:
    """Each language's handout of a lecture with its twins' absolute addresses (x-default: the default language)."""
    urls = {lang: f"{'' if lang == default else lang + '/'}{FOLDER}/{stem}/" for lang in langs}
    ordered = sorted(urls, key=lambda lang: (lang != default, lang))
    links = (*((lang, urljoin(site_url, urls[lang])) for lang in ordered), (X_DEFAULT, urljoin(site_url, urls[default])))
    return {lang: PageAddresses(urls[lang], links) for lang in langs}


def write_handouts(site: Path, lecture_urls: dict[tuple[str, str], str], key_terms: dict[str, list[str]],
                   terms: list[Term], edition: dict, public_url: str | None, csp: str | None,
                   site_url: str | None = None, default: str = "zh") -> list[PageAddresses]:
    """One handout per lecture page built; returns their addresses for the sitemaps when the site has one
    (`site_url`: the online build; the offline copy's handouts have no address of their own)."""
    written = []
    langs = sorted({lang for lang, _ in lecture_urls})
    for (lang, stem), url in sorted(lecture_urls.items()):
        source = page_file(site, url)
        if not source.is_file():
            continue
        parts = read_lecture_page(source.read_text(encoding="utf-8"), lang)
        rel = handout_path(stem, lang, url.endswith("/"))
        target = site / rel
        css = "../" * rel.count("/") + "assets/course/handout.css"
        links = handout_addresses(stem, langs, default, site_url)[lang] if site_url else None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(handout_html(parts, find_terms(key_terms.get(stem, []), terms), lang, edition, public_url,
                                       stem, css, csp, links), encoding="utf-8")
        if links is not None:
            written.append(links)
    return written
