"""Small actions a reader performs, shared by the browser tests."""

from __future__ import annotations

from playwright.sync_api import Page

from scripts.course.search_eval import READY
from scripts.course.search_eval import page_of as page_path

__all__ = ["page_path", "search", "switch_language"]


def search(page: Page, query: str) -> list[str]:
    """Type a query in the search box as a reader would; return the result links, best first."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.click()
    box.fill(query)
    box.press("End")  # Material reacts to keyup
    page.wait_for_function(READY, timeout=20000)
    page.wait_for_timeout(200)
    return [a.get_attribute("href") or "" for a in page.locator(".md-search-result__item > a").all()]


def switch_language(page: Page, lang: str) -> None:
    """Open the language menu in the header and choose a language."""
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={lang}]").click()
    page.wait_for_load_state()
