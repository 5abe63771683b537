"""axe-core in real Chromium on every page type, both languages: no serious or critical violation."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.test_reading import EN_VOICE, PHONE, SPEECH_STUB, ZH_VOICE, answer_quiz, scroll_to_top_of
from tests.conftest import Site, Watch, open_page

PAGE_TYPES = ["", "lectures/lecture-03", "procedures/proposals", "reference/glossary", "reference/faq"]
AXE = Axe()


SETTLED = """() => Promise.all(document.getAnimations()
  .filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime)).map(a => a.finished.catch(() => null)))"""


def serious(page: Page) -> list[str]:
    """Axe on what the reader sees once transitions end (a fading header title is not a contrast fault)."""
    page.evaluate(SETTLED)
    results = AXE.run(page)
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])} node(s), e.g. {v['nodes'][0]['target']}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", PAGE_TYPES + [f"en/{p}" if p else "en" for p in PAGE_TYPES])
def test_page_types_have_no_serious_violations(online_site: Site, page: Page, path: str) -> None:
    page.goto(online_site.url(path))
    assert serious(page) == []


def test_presentation_mode_has_no_serious_violations(online_site: Site, page: Page) -> None:
    page.goto(online_site.url("lectures/lecture-03"))
    page.locator(".trainer-bar__present").click()
    expect(page.locator(".present")).to_be_visible()
    assert serious(page) == []


@pytest.mark.parametrize("path", ["", "lectures/lecture-03", "procedures/proposals", "en/reference/glossary"])
def test_text_zoomed_to_200_percent_loses_nothing(online_site: Site, browser: object, path: str) -> None:
    page = open_page(browser, Watch([], []), viewport={"width": 1280, "height": 900})
    page.goto(online_site.url(path))
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")  # laid out again
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    clipped = page.evaluate("""() => [...document.querySelectorAll('article p, article li, article h1, article h2')]
      .filter(el => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden').length""")
    page.context.close()
    assert overflow <= 0 and clipped == 0


@pytest.mark.parametrize("lang", ["", "en/"])
def test_reading_aids_at_phone_size_have_no_serious_violations(online_site: Site, browser: object, lang: str) -> None:
    page = open_page(browser, Watch([], []), **PHONE)
    page.add_init_script(SPEECH_STUB % json.dumps(ZH_VOICE + EN_VOICE))
    page.goto(online_site.url(f"{lang}lectures/lecture-01"))
    answer_quiz(page, wrong=2)
    page.goto(online_site.url(f"{lang}lectures/lecture-03"))
    scroll_to_top_of(page, "h2#case")
    page.locator(".course-textsize__button").last.click()  # text size, its status message
    page.locator(".course-speech__main").click()  # read aloud: pause and stop shown
    expect(page.locator(".course-speech__stop")).to_be_visible()
    page.locator(".course-toc__summary").click()  # the contents, open
    expect(page.locator(".course-toc__nav")).to_be_visible()
    assert serious(page) == []
    page.locator(".course-toc__summary").click()
    page.locator("article p a.gloss").first.click()  # a glossary tooltip, open
    expect(page.locator(".gloss-tip")).to_be_visible()
    assert serious(page) == []
    page.goto(online_site.url(lang.rstrip("/")))  # home: continue, overall progress, marks
    expect(page.locator(".course-continue__overall")).to_be_visible()
    assert serious(page) == []
    page.locator(".md-header label[for=__drawer]").click()  # the menu with its marks
    expect(page.locator(".md-nav--primary .course-mark").first).to_be_attached()
    assert serious(page) == []
    page.context.close()
