"""Small actions a reader performs, shared by the browser tests."""

from __future__ import annotations

from playwright.sync_api import Page

from scripts.course.search_eval import READY
from scripts.course.search_eval import page_of as page_path

__all__ = ["RECORD_VIOLATIONS", "page_path", "search", "switch_language"]

ANSWERED = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta && !/键入以开始搜索|Type to start searching/.test(meta.textContent);
}"""
PLACEHOLDER = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta && /键入以开始搜索|Type to start searching/.test(meta.textContent);
}"""
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def search(page: Page, query: str) -> list[str]:
    """Type a query in the search box as a reader would; return the result links, best first."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.click()
    # Typed before the index is ready, a query can be answered after the empty query Material sends when the
    # worker is ready, whose empty list the result line then labels "no results" for the query: type once the
    # box answers, and with a query from before cleared and its answer gone, so the next answer is this query's.
    page.wait_for_function(READY, timeout=20000)
    if box.input_value():
        box.fill("")
        box.press("End")
        page.wait_for_function(PLACEHOLDER, timeout=20000)
    box.fill(query)
    box.press("End")  # Material reacts to keyup
    page.wait_for_function(ANSWERED, timeout=20000)  # the result line is for a query, not the placeholder
    return [a.get_attribute("href") or "" for a in page.locator(".md-search-result__item > a").all()]


def switch_language(page: Page, lang: str) -> None:
    """Open the language menu in the header and choose a language."""
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={lang}]").click()
    page.wait_for_load_state()
