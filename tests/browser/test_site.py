"""The site in real Chromium, online (served over HTTP) and offline (the unzipped copy from file://)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import RECORD_VIOLATIONS, page_path, search, switch_language
from tests.conftest import Site, Watch, lecture_count, open_page


def test_home_page_renders_with_the_course_outline(site: Site, page: Page, watch: Watch) -> None:
    page.goto(site.url())
    expect(page.locator("h1")).to_contain_text("政协委员履职培训课程")
    expect(page.locator("ol.course-outline > li")).to_have_count(lecture_count())
    assert watch.errors == []


def test_navigation_leads_to_a_lecture(site: Site, page: Page) -> None:
    page.goto(site.url())
    page.locator(".md-nav--primary a", has_text="第五讲").first.click()
    expect(page.locator("h1")).to_contain_text("政协协商与社会主义协商民主")
    assert page_path(page.url, site.base) == "lectures/lecture-05"


@pytest.mark.parametrize(("query", "expected"), [("文史", "lectures/lecture-13"), ("文史资料", "lectures/lecture-13")])
def test_chinese_search_finds_the_right_page_first(site: Site, page: Page, query: str, expected: str) -> None:
    page.goto(site.url())
    results = search(page, query)
    assert results, f"no results for {query}"
    assert page_path(results[0], site.base) == expected


def test_english_search_on_english_pages_returns_english_pages(site: Site, page: Page) -> None:
    page.goto(site.url("en"))
    results = search(page, "proposal")
    assert len(results) >= 3
    assert all(page_path(url, site.base).startswith("en") for url in results), results
    pages = list(dict.fromkeys(page_path(url, site.base) for url in results))[:3]
    assert {"en/lectures/lecture-09", "en/procedures/proposals"} & set(pages), pages


def test_chinese_search_on_chinese_pages_returns_no_english_pages(site: Site, page: Page) -> None:
    page.goto(site.url("lectures/lecture-02"))
    results = search(page, "协商")
    assert results and not any(page_path(url, site.base).startswith("en") for url in results)


@pytest.mark.parametrize("path", ["lectures/lecture-04", "guide", ""])
def test_language_switch_keeps_the_page_both_ways(site: Site, page: Page, path: str) -> None:
    page.goto(site.url(path))
    switch_language(page, "en")
    assert page_path(page.url, site.base) == ("en/" + path).rstrip("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switch_language(page, "zh")
    assert page_path(page.url, site.base) == path
    expect(page.locator("html")).to_have_attribute("lang", "zh")


@pytest.mark.parametrize("path", ["", "lectures/lecture-07", "en/lectures/lecture-07", "answer-key", "en/progress"])
def test_phone_screen_has_no_sideways_scrolling(site: Site, browser: object, watch: Watch, path: str) -> None:
    page = open_page(browser, watch, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(site.url(path))
    expect(page.locator("h1").first).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.context.close()
    assert overflow <= 0


def test_every_offline_page_loads_without_leaving_the_disk_missing_files_or_console_errors(offline_site: Site,
                                                                                          browser: object) -> None:
    """From disk: no console error or warning, no missing file, no request for a sitemap (the copy has no
    address, so nothing points Material at one), nothing outside the copy. Online, every page is opened
    behind nginx with its address by test_nginx.py; without an address, below."""
    site = offline_site
    pages = site.pages()
    assert len(pages) >= 2 * (lecture_count() + 5)
    watch = Watch([], [])
    page = open_page(browser, watch)
    page.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    current = [""]
    page.on("console", lambda message: console.append(f"{current[0]}: {message.type}: {message.text}")
            if message.type in ("error", "warning") else None)
    foreign: dict[str, list[str]] = {}
    violations: dict[str, list[str]] = {}
    failed: list[str] = []  # a missing file (what online answers 404); a favicon cut off by the next page is not
    page.on("requestfailed", lambda request: failed.append(f"{current[0]}: {request.url}")
            if "ERR_FILE_NOT_FOUND" in (request.failure or "") else None)
    for path in pages:
        current[0] = path
        watch.requests.clear()
        page.goto(site.url(path))
        page.wait_for_load_state("load")
        outside = [url for url in watch.requests if not site.own(url) or "sitemap" in url]
        if outside:
            foreign[path] = outside
        found = page.evaluate("window.__cspViolations")
        if found:
            violations[path] = found
    page.context.close()
    assert foreign == {} and violations == {} and console == [] and failed == []
    assert watch.errors == []


@pytest.mark.parametrize("path", ["", "lectures/lecture-04", "procedures/proposals", "reference/glossary",
                                  "en/reference/faq"])
def test_searching_and_reading_a_glossary_mark_keep_the_console_clean(site: Site, page: Page, path: str) -> None:
    console: list[str] = []
    failed: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}")
            if message.type in ("error", "warning") else None)
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(site.url(path))
    assert search(page, "proposal" if path.startswith("en/") else "提案")
    page.keyboard.press("Escape")
    marks = page.locator("article a.gloss")
    if marks.count():
        marks.first.click()
        expect(page.locator(".gloss-tip")).to_be_visible()
    assert console == [] and failed == []


def test_the_offline_copy_carries_its_policy_and_search_runs_under_it(offline_site: Site, page: Page) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(offline_site.url("lectures/lecture-03"))
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "default-src 'self'" in policy and "object-src 'none'" in policy and "unsafe-inline" not in policy
    assert search(page, "提案")
    assert page.evaluate("window.__cspViolations") == [] and blocked == []


def test_the_search_index_loads_when_search_is_first_opened_not_with_every_page(site: Site, page: Page,
                                                                                 watch: Watch) -> None:
    page.goto(site.url("lectures/lecture-04"))
    page.goto(site.url("reference/glossary"))
    page.wait_for_load_state("networkidle") if site.kind == "online" else page.wait_for_load_state("load")
    assert [url for url in watch.requests if "search_index" in url] == []
    assert search(page, "提案")
    assert [url for url in watch.requests if "search_index" in url]


def test_a_page_opened_from_a_search_result_highlights_the_words_searched(site: Site, page: Page) -> None:
    page.goto(site.url())
    results = search(page, "提案")
    target = next(href for href in results if "h=%" in href and "#" not in href)  # a whole page, words to mark
    page.locator(f'.md-search-result__item > a[href="{target}"]').click()
    expect(page.locator("article mark").first).to_have_text("提案")
