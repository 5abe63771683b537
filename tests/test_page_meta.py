"""What search engines and link previews read: titles, descriptions, canonical links, hreflang alternates,
sitemaps; and the light glossary page. Unit tests of the parts, then the built site with and without
its public address (SITE_URL)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

from mkdocs.structure.toc import get_toc

from scripts.course.lectures import parse_lecture
from scripts.course.page_meta import WIDTH, description, first_sentence, width
from scripts.course.page_toc import drop_entries
from scripts.course.reference import load_reference
from scripts.course.sitemaps import page_addresses, write_sitemaps
from tests.conftest import ROOT, Addressed

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


class Head(HTMLParser):
    """The head elements a crawler reads."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.description: str | None = None
        self.canonical: list[str] = []
        self.alternates: list[tuple[str, str]] = []
        self.lang = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and a.get("name") == "description":
            self.description = a.get("content")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a["href"])
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates.append((a["hreflang"], a["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(root: Path) -> dict[str, Path]:
    """Every page of a built online site by its address (`lectures/lecture-04/`), 404 pages left out."""
    return {p.relative_to(root).as_posix().removesuffix("index.html"): p
            for p in sorted(root.rglob("index.html"))}


# --- the parts ---------------------------------------------------------------------------------------

def test_first_sentence_in_both_languages_and_cut_at_a_pause_when_too_wide() -> None:
    assert first_sentence("换届以后，新委员\n接到通知。全体会议是大会。", "zh") == "换届以后，新委员接到通知。"
    assert first_sentence("The plenary, e.g. the annual one, is big. Members attend.", "en") == \
        "The plenary, e.g. the annual one, is big."
    long = "提案是委员履职的方式" * 10 + "，" + "还要经过审查" * 10 + "。"
    cut = first_sentence(long, "zh")
    assert cut.endswith("…") and width(cut) <= WIDTH and long.startswith(cut[:-1])


def test_description_is_the_summary_else_why_else_the_first_paragraph() -> None:
    html = ('<h2 id="why">为什么</h2>\n<p>先读这一句。再读<abbr title="定义">这一句</abbr>。</p>\n'
            '<h2 id="objectives">目标</h2>\n<p>别的。</p>')
    assert description(html, "zh") == "先读这一句。"
    assert description(html, "zh", summary="  本讲讲会议。 ") == "本讲讲会议。"
    page = ('<h1 id="t">Title</h1>\n<div class="admonition"><p>Inside a box.</p></div>\n'
            '<p>First <a href="x">real</a> one. Next.</p>')
    assert description(page, "en") == "First real one."
    assert description("<h1>Only a title</h1>", "en") is None


def test_glossary_terms_leave_the_table_of_contents_and_the_letters_stay() -> None:
    toc = get_toc([{"level": 1, "id": "t", "name": "术语表", "html": "", "data": {}, "children": [
        {"level": 2, "id": "initial-a", "name": "A", "html": "", "data": {}, "children": [
            {"level": 3, "id": "term-a", "name": "爱", "html": "", "data": {}, "children": []}]},
        {"level": 2, "id": "initial-b", "name": "B", "html": "", "data": {}, "children": [
            {"level": 3, "id": "term-b", "name": "表", "html": "", "data": {}, "children": []}]}]}])
    assert drop_entries(toc, {"term-a", "term-b"}) == 2
    (title,) = list(toc)
    assert [(item.id, item.children) for item in title.children] == [("initial-a", []), ("initial-b", [])]


def fake_page(url: str, twins: dict[str, str]) -> SimpleNamespace:
    return SimpleNamespace(url=url, file=SimpleNamespace(alternates={lang: SimpleNamespace(url=u) for lang, u in twins.items()}))


def test_alternates_are_absolute_with_x_default_and_none_without_an_address() -> None:
    page = fake_page("en/lectures/lecture-04/", {"en": "en/lectures/lecture-04/", "zh": "lectures/lecture-04/"})
    assert page_addresses(page, None, "zh") is None
    addresses = page_addresses(page, "https://course.example.org/sub/", "zh")
    assert addresses is not None and addresses.links == (
        ("zh", "https://course.example.org/sub/lectures/lecture-04/"),
        ("en", "https://course.example.org/sub/en/lectures/lecture-04/"),
        ("x-default", "https://course.example.org/sub/lectures/lecture-04/"))


def test_every_page_folder_gets_a_sitemap_of_the_pages_in_it(tmp_path: Path) -> None:
    site = "https://course.example.org/"
    twins = [("", "en/"), ("lectures/lecture-04/", "en/lectures/lecture-04/")]
    found = [page_addresses(fake_page(url, {"zh": zh, "en": en}), site, "zh")
             for zh, en in twins for url in (zh, en)]
    written = write_sitemaps(tmp_path, [a for a in found if a], site)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "en/lectures/lecture-04/sitemap.xml", "en/sitemap.xml", "lectures/lecture-04/sitemap.xml", "sitemap.xml"]

    def listed(path: str) -> list[str]:
        tree = etree.parse(tmp_path / path)
        return [loc.text or "" for loc in tree.findall("s:url/s:loc", SITEMAP_NS)]
    assert listed("sitemap.xml") == [site + u for u in ("", "en/", "en/lectures/lecture-04/", "lectures/lecture-04/")]
    assert listed("en/sitemap.xml") == [site + "en/", site + "en/lectures/lecture-04/"]
    assert listed("lectures/lecture-04/sitemap.xml") == [site + "lectures/lecture-04/"]
    robots = (tmp_path / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://course.example.org/sitemap.xml" in robots


def test_a_lecture_summary_is_read_from_the_front_matter() -> None:
    text = "---\nid: lecture-01\nsummary: 一句话。\n---\n\n## 为什么 { #why }\n\n正文。\n"
    assert parse_lecture(text, "lectures/lecture-01.md", "zh").meta["summary"] == "一句话。"


# --- the built site -------------------------------------------------------------------------------------

def test_without_an_address_no_page_claims_one_and_no_sitemap_is_written(online_root: Path) -> None:
    for path in pages(online_root).values():
        found = head(path)
        assert found.canonical == [] and found.alternates == [], path
    assert not list(online_root.rglob("sitemap.xml*")) and not (online_root / "robots.txt").exists()


def test_every_page_has_a_title_and_a_description_of_its_own_in_its_language(online_root: Path) -> None:
    site_descriptions = {"新一届地方政协委员学习政协知识、协商程序与履职方法的课程与资料库",
                         "A course and reference for newly elected members of local CPPCC committees"}
    found = {url: head(path) for url, path in pages(online_root).items()}
    titles = Counter(h.title for h in found.values())
    assert [t for t, n in titles.items() if n > 1] == []
    for url, h in found.items():
        assert h.description and h.description not in site_descriptions, url
        assert width(h.description) <= WIDTH + 1, url
        han, latin = (len(re.findall(pattern, h.description)) for pattern in (r"[\u4e00-\u9fff]", "[A-Za-z]"))
        assert (han > latin) == (h.lang == "zh"), (url, h.description)
    lecture = parse_lecture((ROOT / "lectures" / "lecture-04.md").read_text(encoding="utf-8"), "l.md", "zh")
    why = lecture.section_markdown["why"].split("\n\n")[0]
    assert found["lectures/lecture-04/"].description == why[: why.index("。") + 1]


def test_with_an_address_every_page_has_absolute_canonical_and_hreflang_links(addressed_site: Addressed) -> None:
    built = pages(addressed_site.root)
    assert len(built) >= 60
    for url, path in built.items():
        found = head(path)
        address = urljoin(addressed_site.url, url)
        assert found.canonical == [address], url
        links = dict(found.alternates)
        assert sorted(links) == ["en", "x-default", "zh"] and links[found.lang] == address, url
        assert links["x-default"] == links["zh"]
        for href in links.values():
            assert href.startswith(addressed_site.url) and href.removeprefix(addressed_site.url) in built, (url, href)


def test_the_sitemap_material_fetches_for_each_alternate_exists_and_lists_it(addressed_site: Addressed) -> None:
    root, site = addressed_site.root, addressed_site.url
    everything = etree.parse(root / "sitemap.xml").findall("s:url", SITEMAP_NS)
    assert len(everything) == len(pages(root))
    for url, path in pages(root).items():
        for _, href in head(path).alternates:
            sitemap = root / urljoin(href, "sitemap.xml").removeprefix(site)
            entries = etree.parse(sitemap).findall("s:url", SITEMAP_NS)
            locs = [e.findtext("s:loc", namespaces=SITEMAP_NS) for e in entries]
            assert href in locs, (url, sitemap)
            entry = entries[locs.index(href)]
            assert {x.get("hreflang") for x in entry.findall("x:link", SITEMAP_NS)} == {"zh", "en", "x-default"}
    assert f"Sitemap: {site}sitemap.xml" in (root / "robots.txt").read_text(encoding="utf-8")


def test_the_glossary_lists_letters_not_terms_in_its_table_of_contents_and_stays_one_result_per_term(
        online_root: Path) -> None:
    terms = load_reference(ROOT).terms
    for lang_dir in ("", "en/"):
        html = (online_root / lang_dir / "reference" / "glossary" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<a href="#initial-a" class="md-nav__link">', html)
        assert html.count('href="#term-') == len(terms)  # each term's own permalink and nothing else links it
        index = json.loads((online_root / lang_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
        found = Counter(d["location"].split("#")[1] for d in index["docs"]
                        if d["location"].startswith("reference/glossary/#term-"))
        assert set(found) == {t.anchor for t in terms} and set(found.values()) == {1}
