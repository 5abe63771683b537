"""The glossary page stays light as it grows (few nodes per entry, no tooltips inside its own definitions,
definitions laid out only near the screen), and a link to any term, the last one too, lands on it."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from scripts.course.reference import load_reference
from scripts.course.reference_html import sort_terms
from tests.conftest import ROOT, Site, Watch, open_page

NODES_PER_ENTRY = 9  # heading with term, pinyin, English and permalink; definition; other names; source and link


def test_the_glossary_has_few_nodes_per_entry_and_no_tooltips_in_its_own_definitions(site: Site, page: Page) -> None:
    terms = load_reference(ROOT).terms
    for path in ("reference/glossary", "en/reference/glossary"):
        page.goto(site.url(path))
        counts = page.evaluate("""() => ({
            entries: document.querySelectorAll('.glossary__entries *').length,
            heads: document.querySelectorAll('.glossary__entries > h3').length,
            marks: document.querySelectorAll('article a.gloss, article abbr').length,
            all: document.getElementsByTagName('*').length})""")
        assert counts["heads"] == len(terms)
        assert counts["entries"] <= NODES_PER_ENTRY * len(terms), counts
        assert counts["marks"] == 0, counts
        assert counts["all"] <= counts["entries"] + 700, counts  # header, menus and footer: about 600


def test_a_link_to_the_last_term_lands_on_it_with_its_definition_shown(site: Site, browser: object) -> None:
    watch = Watch([], [])
    page = open_page(browser, watch, viewport={"width": 360, "height": 740}, is_mobile=True)
    anchor = sort_terms(load_reference(ROOT).terms, "zh")[-1].anchor
    page.goto(site.url("reference/glossary") + f"#{anchor}")
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()
    definition = page.locator(f"#{anchor} + p")
    expect(definition).to_be_visible()
    assert definition.evaluate("p => p.getBoundingClientRect().height > 0 && p.innerText.length > 10")
    page.context.close()
    assert watch.errors == []
