"""Slides a trainer can project, in real Chromium: every slide of every lecture fits three projector
sizes in both languages; the presenter window follows and drives the projection, online and from
file://; notes per section stay off the projection unless asked; summaries, title slide, continuation
slides, quiz options, glossary tooltips on slides; no presentation on a phone."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from scripts.course.lectures import lecture_paths
from scripts.course.slide_fit import SIZES, measure_deck, missing_text, present
from tests.conftest import Site, Watch, open_page

ROOT = Path(__file__).resolve().parents[2]
STEMS = sorted(lecture_paths(ROOT))
LECTURE = "lectures/lecture-04"
GO_TO_CASE = """() => {
  for (let i = 0; i < 200; i++) {
    const title = document.querySelector('.present__title');
    if (title && /^(案例|Case)/.test(title.textContent)) return title.textContent;
    document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight'}));
  }
  return null;
}"""
SUMMARISED_SECTION = """() => {
  const summary = document.querySelector('article .slide-summary');
  let node = summary.previousElementSibling;
  while (node.tagName !== 'H2') node = node.previousElementSibling;
  const texts = [];
  for (let el = node.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
    const first = el.querySelector('p:not(.trainer-notes__title)');
    if (el.classList.contains('trainer-notes')) texts.push(['note', first.textContent]);
    else if (el.classList.contains('slide-summary')) texts.push(['summary', el.querySelector('li').textContent]);
    else if (el.tagName === 'P') texts.push(['text', el.textContent]);
  }
  return texts;
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("stem", STEMS)
def test_every_slide_fits_every_projector_size(online_site: Site, browser: object, watch: Watch, stem: str,
                                               lang: str) -> None:
    page = open_page(browser, watch, viewport={"width": 1920, "height": 1080})
    try:
        page.goto(online_site.url(("en/" if lang == "en" else "") + f"lectures/{stem}"))
        for width, height in SIZES:
            deck = measure_deck(page, width, height)
            where = f"{stem} ({lang}) at {width}x{height}"
            assert [(s.title, s.past) for s in deck.overflowing] == [], f"{where}: slides reach past the screen"
            assert deck.smallest_font >= deck.readable_floor() - 0.5, f"{where}: text below the readable floor"
            revealed = [s.revealed["font"] for s in deck.slides if s.revealed]
            assert min(revealed, default=99) >= deck.readable_floor() - 0.5, f"{where}: quiz answers too small"
            assert missing_text(page, deck) == [], f"{where}: text of the lecture that no slide shows"
        assert watch.errors == []
    finally:
        page.context.close()


def start(page: Page) -> None:
    page.keyboard.press("Shift+P")
    expect(page.locator(".present")).to_have_attribute("data-layout", re.compile(r"^\d+x\d+$"))


def test_presenter_window_follows_and_drives_the_projection(site: Site, page: Page, watch: Watch) -> None:
    page.goto(site.url(LECTURE))
    page.keyboard.press("Shift+P")
    expect(page.locator(".present")).to_have_attribute("data-layout", "1280x900")
    total = page.evaluate("window.CourseSlides.count()")
    with page.expect_popup() as opened:
        page.locator(".present__presenter").click()
    presenter = opened.value
    presenter.on("pageerror", lambda error: watch.errors.append(str(error)))
    counter, projected = presenter.locator(".presenter__counter"), page.locator(".present__counter")
    expect(counter).to_have_text(f"1 / {total}")
    expect(presenter.locator(".presenter__title")).to_contain_text("全体会议与常委会")
    expect(presenter.locator(".presenter__notes")).to_contain_text("45 分钟教学安排")  # the plan: title slide
    expect(presenter.locator(".presenter__upcoming-title")).to_have_text("为什么要学这一讲")
    expect(presenter.locator(".presenter__clock")).to_have_text(re.compile(r"^\d\d:\d\d$"))
    expect(presenter.locator(".presenter__elapsed")).to_have_text(re.compile(r"^0:0[1-9]$"))  # it runs
    presenter.keyboard.press("ArrowRight")  # a clicker on the laptop
    expect(projected).to_have_text(f"2 / {total}")
    presenter.locator(".presenter__next").click()
    expect(projected).to_have_text(f"3 / {total}")
    page.keyboard.press("End")  # the projection moves: the presenter follows
    expect(counter).to_have_text(f"{total} / {total}")
    expect(presenter.locator(".presenter__upcoming-title")).to_have_text("（最后一页）")
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text(f"{total - 1} / {total}")
    expect(page.locator(".present__notes")).to_be_hidden()
    page.keyboard.press("Escape")
    expect(presenter.locator(".presenter__status")).to_have_text("演示已结束。")
    assert watch.errors == []


def test_notes_follow_the_section_and_stay_off_the_projection(online_site: Site, page: Page) -> None:
    page.goto(online_site.url(LECTURE))
    page.locator(".trainer-bar__view").click()  # trainer view on: the projection still shows no notes
    start(page)
    notes = page.locator(".present__notes")
    expect(notes).to_be_hidden()
    page.keyboard.press("n")
    expect(notes).to_be_visible()
    expect(notes).to_contain_text("45 分钟教学安排")  # the lecture's plan belongs to the title slide
    page.keyboard.press("ArrowRight")
    expect(notes).not_to_contain_text("45 分钟教学安排")
    expect(notes).to_contain_text("本页没有培训者提示。")


def test_a_summary_is_projected_and_the_full_text_goes_to_the_notes(online_site: Site, page: Page) -> None:
    page.goto(online_site.url(LECTURE))
    parts = page.evaluate(SUMMARISED_SECTION)
    note, point = next(t for k, t in parts if k == "note"), next(t for k, t in parts if k == "summary")
    story = [t for k, t in parts if k == "text"]
    expect(page.locator("article .slide-summary")).to_be_hidden()  # readers never see it
    page.locator(".trainer-bar__view").click()
    expect(page.locator("article .slide-summary")).to_be_visible()
    start(page)
    assert page.evaluate(GO_TO_CASE)
    slide, notes = page.locator(".present__slide"), page.locator(".present__notes")
    expect(slide).to_contain_text(point)
    for text in story:
        expect(slide).not_to_contain_text(text)
        expect(notes).to_contain_text(text)
    expect(notes).to_contain_text(note)
    page.keyboard.press("Escape")
    page.emulate_media(media="print")
    expect(page.locator("article .slide-summary")).to_be_hidden()


def test_title_slide_has_number_title_duration_and_objectives(site: Site, page: Page) -> None:
    page.goto(site.url("en/" + LECTURE))
    objectives = page.locator("#objectives + ul > li").count()
    start(page)
    slide = page.locator(".present__slide")
    expect(slide.locator(".present__kicker")).to_have_text("Lecture 4")
    expect(slide.locator("h1")).to_have_text(re.compile(r"^Plenary and Standing Committee sessions"))
    expect(slide.locator(".present__meta")).to_have_text("45 minutes")
    expect(slide).to_contain_text("Learning objectives")
    expect(slide.locator(".present__body li")).to_have_count(objectives)


def test_long_sections_continue_on_slides_with_the_same_title(online_site: Site, page: Page) -> None:
    for lang, mark in (("", "（续）"), ("en/", " (cont.)")):
        page.goto(online_site.url(lang + LECTURE))
        deck = measure_deck(page, 1024, 768)
        titles = [s.title for s in deck.slides]
        continued = [i for i, title in enumerate(titles) if title.endswith(mark)]
        assert continued, f"no continuation slide in {LECTURE} ({lang or 'zh'}) at 1024x768"
        first = continued[0]
        assert titles[first] == titles[first - 1].removesuffix(mark) + mark


def test_quiz_options_are_large_enough_to_read_and_click(online_site: Site, page: Page) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(online_site.url(LECTURE))
    present(page, 1920, 1080)
    page.keyboard.press("End")
    option = page.locator(".present__slide .quiz-q__option").first
    box = option.locator("input").bounding_box()
    assert box and box["width"] >= 26 and box["height"] >= 26
    text_box = option.locator(".quiz-q__option-text").bounding_box()
    assert text_box and box["y"] < text_box["y"] + text_box["height"] / 2  # beside the first line, not above it
    assert float(option.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px")) >= 28
    option.locator(".quiz-q__option-text").click()
    expect(option.locator("input")).to_be_checked()


def test_glossary_terms_explain_themselves_on_slides(site: Site, page: Page) -> None:
    page.goto(site.url(LECTURE))
    start(page)
    term = page.locator(".present__slide abbr[data-gloss]").first
    for _ in range(10):
        if term.count():
            break
        page.keyboard.press("ArrowRight")
    definition = term.get_attribute("data-gloss")
    term.hover()
    tip = page.locator(".present__tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(definition or "?")
    box = tip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1280 and box["y"] + box["height"] <= 900
    page.keyboard.press("ArrowRight")
    expect(tip).to_be_hidden()


def test_no_presentation_on_a_phone(online_site: Site, browser: object, watch: Watch) -> None:
    phone = open_page(browser, watch, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        phone.goto(online_site.url(LECTURE))
        expect(phone.locator(".trainer-bar__view")).to_be_visible()
        expect(phone.locator(".trainer-bar__present")).to_be_hidden()
        phone.keyboard.press("Shift+P")
        phone.locator(".trainer-bar__view").click()  # a round trip to the page's scripts
        expect(phone.locator(".present")).to_have_count(0)
    finally:
        phone.context.close()


def swipe(page: Page, start_x: int, end_x: int, y: int) -> None:
    """A finger moving sideways and resting before it lifts (timestamps 0.1 s apart): a swipe, not a fling,
    so the next tap is a tap (Chromium spends a tap on stopping a fling)."""
    cdp = page.context.new_cdp_session(page)
    steps = [("touchStart", start_x), ("touchMove", (start_x + end_x) // 2), ("touchMove", end_x),
             ("touchMove", end_x), ("touchMove", end_x), ("touchEnd", end_x)]
    started = time.time()
    for number, (kind, x) in enumerate(steps):
        points = [] if kind == "touchEnd" else [{"x": x, "y": y}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points, "timestamp": started + 0.1 * number})


def test_a_tablet_presents_with_swipe_and_an_exit_on_screen(online_site: Site, browser: object, watch: Watch) -> None:
    tablet = open_page(browser, watch, viewport={"width": 768, "height": 1024}, is_mobile=True, has_touch=True)
    try:
        tablet.goto(online_site.url(LECTURE))
        tablet.locator(".trainer-bar__present").tap()
        counter = tablet.locator(".present__counter")
        expect(counter).to_have_text(re.compile(r"^1 / "))
        swipe(tablet, 600, 150, 500)
        expect(counter).to_have_text(re.compile(r"^2 / "))
        swipe(tablet, 150, 600, 500)
        expect(counter).to_have_text(re.compile(r"^1 / "))
        close = tablet.locator(".present__close")
        box = close.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 768 and box["y"] + box["height"] <= 1024
        close.tap()
        expect(tablet.locator(".present")).to_have_count(0)
        assert watch.errors == []
    finally:
        tablet.context.close()
