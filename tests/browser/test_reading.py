"""Reading on a phone (390×844) in real Chromium, online and from the unzipped offline copy: text size,
glossary tooltips, diagrams and wide tables, progress and "continue", read aloud (with a stub of the
speech API: headless Chromium has no voices), the language switch that keeps the place, and the
page's contents one tap away."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from scripts.course.slide_fit import FLOOR_PX_AT_1080
from tests.conftest import Site, Watch, lecture_count, open_page

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
BODY_PX = {1: 16, 2: 18, 3: 20, 4: 24}  # body text at each text-size step on a phone
FONT = "selector => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)"
# Before the first frame is drawn: what the text size is then (textsize.js runs in <head>).
FIRST_FRAME = ("requestAnimationFrame(() => { "
               "window.__textAtFirstFrame = document.documentElement.getAttribute('data-course-text'); });")
SPEECH_STUB = """
(() => {
  const voices = %s;
  const queue = [];
  const synth = {
    log: [], getVoices: () => voices, addEventListener() {},
    speak(u) { queue.push(u); this.log.push("speak:" + u.text); },
    cancel() { queue.length = 0; this.log.push("cancel"); },
    pause() { this.log.push("pause"); },
    resume() { this.log.push("resume"); },
  };
  window.__speech = { synth, queue, finish() { const u = queue.shift(); if (u && u.onend) u.onend({}); return !!u; } };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""
ZH_VOICE = [{"lang": "zh-CN", "name": "Stub Chinese", "voiceURI": "stub-zh", "localService": True, "default": True}]
EN_VOICE = [{"lang": "en-GB", "name": "Stub English", "voiceURI": "stub-en", "localService": True, "default": False}]


def phone(browser: object, watch: Watch) -> Page:
    return open_page(browser, watch, **PHONE)


def scroll_to_top_of(page: Page, selector: str) -> None:
    """Scroll as a reader does until `selector` reaches the top of the screen."""
    page.evaluate("selector => document.querySelector(selector).scrollIntoView()", selector)
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def answer_quiz(page: Page, wrong: int) -> None:
    """Check every question of the lecture's self-test, all correct except question number `wrong`."""
    questions = page.locator("fieldset.quiz-q")
    for index in range(questions.count()):
        fieldset = questions.nth(index)
        correct = (fieldset.get_attribute("data-correct") or "1").split(",")
        if index + 1 == wrong:
            options = fieldset.locator("input").count()
            correct = [next(str(n) for n in range(1, options + 1) if str(n) not in correct)]
        for position in correct:
            fieldset.locator(f"input[value='{position}']").check()
        fieldset.locator(".quiz-q__check").click()


# --- text size ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "larger"), [("lectures/lecture-03", "放大字号"), ("en/reference/faq", "Larger text")])
def test_the_text_size_control_has_four_steps_and_never_makes_the_page_scroll_sideways(
        site: Site, browser: object, watch: Watch, path: str, larger: str) -> None:
    page = phone(browser, watch)
    page.goto(site.url(path))
    button = page.locator("header").get_by_role("button", name=larger)
    header_px = page.evaluate(FONT, ".md-header__topic")
    for step, px in BODY_PX.items():
        assert page.evaluate(FONT, "article p") == px, f"step {step}"
        assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0, f"step {step}"
        if step < len(BODY_PX):
            button.click()
    expect(button).to_have_attribute("aria-disabled", "true")
    expect(page.locator(".course-textsize__status")).to_have_text(re.compile(r"(4 / 4|4 of 4)"))
    assert page.evaluate(FONT, ".md-header__topic") == header_px  # the header keeps its size
    page.context.close()
    assert watch.errors == []


def test_the_chosen_size_is_remembered_and_applied_before_the_first_paint(site: Site, browser: object,
                                                                         watch: Watch) -> None:
    page = phone(browser, watch)
    page.add_init_script(FIRST_FRAME)
    page.goto(site.url("lectures/lecture-01"))
    assert page.evaluate("window.__textAtFirstFrame") is None
    page.get_by_role("button", name="放大字号").click()
    page.get_by_role("button", name="放大字号").click()
    for path in ("en/reference/glossary", "procedures/proposals", ""):
        page.goto(site.url(path))
        assert page.evaluate("window.__textAtFirstFrame") == "3", path
        assert page.evaluate(FONT, "article p") == BODY_PX[3]
    page.get_by_role("button", name="缩小字号").focus()  # and by keyboard
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert page.evaluate(FONT, "article p") == BODY_PX[1]
    page.context.close()


def test_print_and_slides_follow_the_chosen_size(online_site: Site, page: Page) -> None:
    page.goto(online_site.url("lectures/lecture-03"))
    page.emulate_media(media="print")
    printed = page.evaluate(FONT, "article p")
    page.emulate_media(media="screen")
    page.locator(".trainer-bar__present").click()
    expect(page.locator(".present__slide")).to_be_visible()  # present.js loads on first use
    height = page.viewport_size["height"]
    floor = math.ceil(FLOOR_PX_AT_1080 * height / 1080 - 0.01)  # present.js's readable floor at this screen height
    expect(page.locator(".present")).to_have_attribute("data-floor", str(floor))  # once the slides are laid out
    page.keyboard.press("Escape")
    page.get_by_role("button", name="放大字号").click()
    page.get_by_role("button", name="放大字号").click()  # step 3: 1.25 times
    page.emulate_media(media="print")
    assert page.evaluate(FONT, "article p") == pytest.approx(printed * 1.25, abs=0.1)
    page.emulate_media(media="screen")
    page.locator(".trainer-bar__present").click()
    expect(page.locator(".present__slide")).to_be_visible()
    # Slides are fitted to the screen: the readable floor they may shrink to rises with the chosen size.
    raised = math.ceil(FLOOR_PX_AT_1080 * 1.25 * height / 1080 - 0.01)
    expect(page.locator(".present")).to_have_attribute("data-floor", str(raised))


# --- glossary tooltips -------------------------------------------------------------------------------

def test_a_glossary_tooltip_opens_by_tap_at_body_size_with_the_term_and_a_link_to_its_entry(
        site: Site, browser: object, watch: Watch) -> None:
    page = phone(browser, watch)
    page.goto(site.url("lectures/lecture-03"))
    term = page.locator("article p a.gloss").nth(2)
    name, anchor = term.get_attribute("data-name") or "", term.get_attribute("data-term") or ""
    expect(term).to_have_attribute("role", "button")
    term.tap()
    tip = page.get_by_role("dialog", name=name)
    expect(tip).to_be_visible()
    expect(term).to_have_attribute("aria-expanded", "true")
    expect(tip.get_by_role("heading", name=name)).to_be_visible()
    body = page.evaluate(FONT, "article p")
    assert page.evaluate(FONT, ".gloss-tip__definition") >= body >= 16
    box = tip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.locator("article h1").tap()  # a tap outside closes it
    expect(tip).to_have_count(0)
    term.tap()
    tip.get_by_role("link", name="在术语表中查看").tap()
    expect(page.locator(f"[id='{anchor}']")).to_be_in_viewport()
    assert "/reference/glossary" in page.url
    page.context.close()
    assert watch.errors == []


def test_a_glossary_tooltip_works_from_the_keyboard(online_site: Site, page: Page) -> None:
    page.goto(online_site.url("en/lectures/lecture-05"))
    term = page.locator("article p a.gloss").first
    name = term.get_attribute("data-name") or ""
    term.focus()
    page.keyboard.press("Enter")
    tip = page.get_by_role("dialog", name=name)
    expect(tip).to_be_focused()
    page.keyboard.press("Tab")
    expect(tip.get_by_role("link", name="See the glossary entry")).to_be_focused()
    page.keyboard.press("Tab")
    expect(tip.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("Escape")
    expect(tip).to_have_count(0)
    expect(term).to_be_focused()
    page.keyboard.press(" ")
    expect(page.get_by_role("dialog", name=name)).to_be_visible()
    page.keyboard.press("Enter")  # on the dialog: nothing else happens
    page.get_by_role("button", name="Close").click()
    expect(page.locator(".gloss-tip")).to_have_count(0)


def test_without_javascript_a_term_links_to_its_entry_and_shows_its_definition(online_site: Site,
                                                                             browser: object) -> None:
    page = open_page(browser, Watch([], []), java_script_enabled=False, **PHONE)
    page.goto(online_site.url("lectures/lecture-03"))
    term = page.locator("article p a.gloss").first
    assert len(term.get_attribute("title") or "") > 10
    anchor = term.get_attribute("data-term")
    term.click()
    expect(page.locator(f"[id='{anchor}']")).to_be_in_viewport()
    page.context.close()


# --- diagrams and tables -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["", "en/"])
def test_flow_diagram_text_is_at_least_14px_on_a_phone(online_site: Site, browser: object, lang: str) -> None:
    page = phone(browser, Watch([], []))
    names = [p.name for p in (online_site.root / "procedures").iterdir() if p.is_dir()]
    assert len(names) >= 5
    for name in names:
        page.goto(online_site.url(f"{lang}procedures/{name}"))
        sizes = page.evaluate("""[...document.querySelectorAll('.procedure__svg')].map(svg =>
          parseFloat(getComputedStyle(svg.querySelector('text')).fontSize) * svg.getBoundingClientRect().width
          / svg.viewBox.baseVal.width)""")
        assert sizes and min(sizes) >= 14, (name, sizes)
    page.context.close()


def test_a_table_wider_than_the_phone_scrolls_with_a_visible_hint(site: Site, browser: object, watch: Watch) -> None:
    page = phone(browser, watch)
    page.goto(site.url("reference/sources"))
    hint = page.locator(".course-wide--on .course-wide__hint")
    expect(hint).to_have_count(1)
    expect(hint).to_contain_text("左右滑动")
    hint.scroll_into_view_if_needed()
    expect(hint).to_be_visible()
    wrap = page.locator(".course-wide--on .md-typeset__scrollwrap")
    assert wrap.evaluate("el => el.scrollWidth > el.clientWidth")
    expect(page.locator(".course-wide--more")).to_have_count(1)  # the shade on the side with more
    wrap.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    expect(page.locator(".course-wide--more")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    page.goto(site.url("lectures/lecture-03"))  # tables that fit get no hint
    page.wait_for_load_state("load")
    expect(page.locator(".course-wide--on")).to_have_count(0)
    page.context.close()


# --- progress and "continue" -------------------------------------------------------------------------

def test_home_shows_continue_and_progress_after_reading_two_lectures_and_taking_one_quiz(
        site: Site, browser: object, watch: Watch) -> None:
    page = phone(browser, watch)
    total = lecture_count()
    page.goto(site.url())
    link = page.locator(".course-continue__link")
    expect(link).to_contain_text("开始学习")
    expect(page.locator(".course-continue__overall")).to_have_count(0)
    link.click()
    expect(page.locator("h1")).to_contain_text("第一讲")
    answer_quiz(page, wrong=4)
    expect(page.locator(".quiz__score")).to_contain_text("答对 11 题")
    page.goto(site.url("lectures/lecture-02"))
    scroll_to_top_of(page, "h2#case")
    case_title = page.locator(".course-toc__current").inner_text()
    assert case_title.startswith("案例")
    page.wait_for_function("JSON.parse(localStorage.getItem('cppcc-course:reading')).lectures['lecture-02'].section"
                           " === 'case'")
    page.goto(site.url())
    expect(link).to_contain_text("继续学习")
    expect(link).to_contain_text("第二讲")
    expect(link).to_contain_text("上次读到：" + case_title)
    overall = page.locator(".course-continue__overall")
    expect(overall).to_contain_text(f"学习进度：共 {total} 讲，已完成 1 讲，正在学习 1 讲。")
    assert overall.locator("progress").evaluate("el => [el.value, el.max]") == [1, total]
    status = page.locator(".course-outline > li .course-status")
    expect(status).to_have_count(total)
    expect(status.nth(0)).to_have_text("已完成 · 自测答对 11/12 题")
    expect(status.nth(1)).to_have_text("学习中")
    expect(status.nth(2)).to_have_text("未开始")
    marks = page.locator(".md-nav--primary .course-mark")  # the menu
    expect(marks).to_have_count(total)
    expect(marks.nth(0)).to_have_attribute("data-status", "done")
    expect(marks.nth(0).locator(".course-mark__score")).to_have_text("11/12")
    expect(marks.nth(1)).to_have_attribute("data-status", "in-progress")
    expect(page.locator(".md-nav--primary .course-mark[data-status=not-started]")).to_have_count(total - 2)
    link.click()
    assert page.url.split("#")[1] == "case"
    heading = page.locator("h2#case")
    expect(heading).to_be_in_viewport()
    bar_bottom = page.evaluate("document.querySelector('.course-bar').getBoundingClientRect().bottom")
    assert (heading.bounding_box() or {"y": 0})["y"] >= bar_bottom  # not hidden under the reading bar
    page.goto(site.url("en"))
    expect(link).to_contain_text("Continue")
    expect(link).to_contain_text("Lecture 2")
    expect(page.locator(".course-continue__overall")).to_contain_text(f"1 of {total} lectures done, 1 in progress")
    expect(page.locator(".course-outline > li .course-status").first).to_have_text("Done · self-test 11/12 correct")
    page.context.close()
    assert watch.errors == []


# --- read aloud --------------------------------------------------------------------------------------

def test_read_aloud_is_hidden_where_the_browser_has_no_voice(online_site: Site, browser: object) -> None:
    page = phone(browser, Watch([], []))
    page.goto(online_site.url("lectures/lecture-03"))
    assert page.evaluate("speechSynthesis.getVoices().length") == 0  # headless Chromium on Linux
    expect(page.locator(".course-speech")).to_be_hidden()
    page.context.close()
    page = phone(browser, Watch([], []))
    page.add_init_script(SPEECH_STUB % json.dumps(ZH_VOICE))  # a Chinese voice only
    page.goto(online_site.url("en/lectures/lecture-03"))
    expect(page.locator(".course-speech")).to_be_hidden()
    page.goto(online_site.url("lectures/lecture-03"))
    expect(page.get_by_role("button", name="朗读")).to_be_visible()
    page.context.close()


def spoken(page: Page) -> list[str]:
    return [entry[6:] for entry in page.evaluate("__speech.synth.log") if entry.startswith("speak:")]


def test_read_aloud_reads_from_the_current_section_with_pause_resume_and_stop(site: Site, browser: object,
                                                                              watch: Watch) -> None:
    page = phone(browser, watch)
    page.add_init_script(SPEECH_STUB % json.dumps(ZH_VOICE))
    page.goto(site.url("lectures/lecture-03"))
    read = page.get_by_role("button", name="朗读")
    expect(read).to_be_visible()
    expect(page.get_by_role("button", name="停止")).to_be_hidden()
    scroll_to_top_of(page, "h2#case")
    read.click()
    heading = page.locator("h2#case").evaluate("h => h.firstChild.textContent.trim()")
    assert spoken(page) == [heading]
    page.evaluate("__speech.finish()")
    first = page.locator("h2#case ~ p").first
    assert spoken(page)[-1] == first.evaluate("p => p.textContent.replace(/\\s+/g, ' ').trim()")[:180]
    expect(first).to_have_class(re.compile("course-speaking"))
    pause = page.get_by_role("button", name="暂停")
    pause.click()
    assert page.evaluate("__speech.synth.log.slice(-1)") == ["pause"]
    page.get_by_role("button", name="继续").click()
    assert page.evaluate("__speech.synth.log.slice(-1)") == ["resume"]
    page.get_by_role("button", name="停止").click()
    assert page.evaluate("__speech.synth.log.slice(-1)") == ["cancel"]
    expect(read).to_be_visible()
    expect(page.locator(".course-speaking")).to_have_count(0)
    page.evaluate("window.scrollTo(0, 0)")
    read.click()  # from the top: the title first, then on to the end of the lecture, not its sources or quiz
    assert spoken(page)[-1] == re.sub(r"\s+", " ", page.locator("article h1").inner_text()).strip()
    for _ in range(2000):
        if not page.evaluate("__speech.finish()"):
            break
    texts = spoken(page)
    sources = page.locator("h2#sources").evaluate("h => h.firstChild.textContent.trim()")
    key_points = page.locator("h2#key-points").evaluate("h => h.firstChild.textContent.trim()")
    assert key_points in texts and sources not in texts
    assert not any(page.locator("fieldset.quiz-q legend").first.inner_text()[:20] in t for t in texts)
    expect(read).to_be_visible()  # finished: back to the start state
    page.context.close()
    assert watch.errors == []


# --- language switch and contents --------------------------------------------------------------------

def switch_to(page: Page, lang: str) -> None:
    """Choose a language in the header menu (a click on the link, without scrolling the page first)."""
    page.locator(f"a.md-select__link[hreflang={lang}]").dispatch_event("click")
    page.wait_for_url(re.compile(r"/en/" if lang == "en" else r"^(?!.*/en/)"))
    page.wait_for_load_state()


def test_the_language_switch_keeps_the_section_and_the_quiz_question(site: Site, browser: object,
                                                                     watch: Watch) -> None:
    page = phone(browser, watch)
    page.goto(site.url("lectures/lecture-04"))
    question = page.locator("fieldset.quiz-q").nth(5)
    qid = question.get_attribute("id")
    scroll_to_top_of(page, f"[id='{qid}']")
    switch_to(page, "en")
    assert page.url.endswith(f"#{qid}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(f"[id='{qid}']")).to_be_in_viewport()
    scroll_to_top_of(page, "h2#case")
    page.evaluate("window.scrollBy(0, 200)")  # reading inside the case
    switch_to(page, "zh")
    assert page.url.endswith("#case")
    expect(page.locator("h2#case")).to_be_in_viewport()
    page.context.close()
    assert watch.errors == []


def test_the_page_contents_are_one_tap_away_on_a_phone(site: Site, browser: object, watch: Watch) -> None:
    page = phone(browser, watch)
    page.goto(site.url("lectures/lecture-05"))
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    summary = page.locator(".course-toc__summary")
    expect(summary).to_be_in_viewport()  # stays under the header while reading
    expect(page.locator(".course-toc__current")).not_to_have_text("")
    summary.tap()
    contents = page.get_by_role("navigation", name="本页目录")
    target = page.locator("h2#key-points")
    contents.get_by_role("link", name=target.evaluate("h => h.firstChild.textContent.trim()")).tap()
    expect(target).to_be_in_viewport()
    bar_bottom = page.evaluate("document.querySelector('.course-bar').getBoundingClientRect().bottom")
    assert (target.bounding_box() or {"y": 0})["y"] >= bar_bottom
    expect(contents).to_be_hidden()  # closed after the choice
    assert not page.locator("#__drawer").is_checked()  # the main menu was never needed
    page.context.close()


def test_on_a_wide_screen_the_contents_stay_beside_the_text(online_site: Site, page: Page) -> None:
    page.goto(online_site.url("lectures/lecture-05"))
    expect(page.locator(".course-toc")).to_be_hidden()
    expect(page.locator(".md-sidebar--secondary .md-nav--secondary")).to_be_visible()


def test_the_start_page_at_the_top_of_the_zip_opens_the_course(offline_unzipped: Path, offline_root: Path,
                                                               page: Page) -> None:
    assert sorted(p.name for p in offline_unzipped.iterdir()) == sorted(["index.html", offline_root.name])
    page.goto((offline_unzipped / "index.html").as_uri())
    page.wait_for_url(lambda url: url.endswith(f"/{offline_root.name}/index.html"))
    expect(page.locator("h1")).to_contain_text("政协委员履职培训课程")
    expect(page.locator(".course-continue__link")).to_be_visible()
