"""Small actions a reader performs, shared by the browser tests."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page

SEARCH_DONE = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta && meta.textContent.trim() && !/初始化|Initializing/.test(meta.textContent);
}"""


def search(page: Page, query: str) -> list[str]:
    """Type a query in the search box as a reader would; return the result links, best first."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.click()
    box.fill(query)
    box.press("End")  # Material reacts to keyup
    page.wait_for_function(SEARCH_DONE, timeout=20000)
    page.wait_for_timeout(200)
    return [a.get_attribute("href") or "" for a in page.locator(".md-search-result__item > a").all()]


def page_path(url: str, base: str) -> str:
    """The page part of a URL relative to the site root, without query, anchor or index.html."""
    path = urlsplit(url).path
    root = urlsplit(base).path
    rel = path[len(root):] if path.startswith(root) else path
    return rel.strip("/").removesuffix("index.html").removesuffix(".html").rstrip("/")


def switch_language(page: Page, lang: str) -> None:
    """Open the language menu in the header and choose a language."""
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={lang}]").click()
    page.wait_for_load_state()
