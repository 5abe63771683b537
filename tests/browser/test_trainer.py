"""Trainer features in real Chromium: presentation mode, trainer view, print and the trainers' page."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.conftest import Site, Watch, lecture_count

LECTURE = "lectures/lecture-04"


def open_presentation(page: Page, site: Site) -> None:
    page.goto(site.url(LECTURE))
    page.locator(".trainer-bar__present").click()
    expect(page.locator(".present")).to_have_attribute("data-layout", "1280x900")


def test_presentation_opens_and_moves_with_the_keyboard(site: Site, page: Page, watch: Watch) -> None:
    open_presentation(page, site)
    total = page.evaluate("window.CourseSlides.count()")
    assert total >= page.locator("article .quiz fieldset").count() + page.locator("article h2").count() - 3
    counter = page.locator(".present__counter")
    expect(counter).to_have_text(f"1 / {total}")
    expect(page.locator(".present__slide h1")).to_contain_text("全体会议与常委会")
    for key in ("ArrowRight", "PageDown", " "):
        page.keyboard.press(key)
    expect(counter).to_have_text(f"4 / {total}")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("PageUp")
    expect(counter).to_have_text(f"2 / {total}")
    expect(page.locator(".present__clock")).to_have_text(__import__("re").compile(r"^\d\d:\d\d$"))
    assert watch.errors == []


def test_shortcut_opens_the_presentation_and_quiz_answers_are_revealed_on_demand(site: Site, page: Page) -> None:
    page.goto(site.url(LECTURE))
    page.keyboard.press("Shift+P")
    expect(page.locator(".present")).to_be_visible()
    expect(page.locator(".present")).to_have_attribute("data-layout", "1280x900")
    page.keyboard.press("End")
    question = page.locator(".present__slide fieldset.quiz-q")
    expect(question).to_be_visible()
    expect(question.locator(".quiz-q__explanation")).to_be_hidden()
    page.keyboard.press("a")
    expect(question.locator(".quiz-q__explanation")).to_be_visible()
    right = question.get_attribute("data-correct") or ""
    marked = question.locator(".quiz-q__option--correct")
    expect(marked).to_have_count(len(right.split(",")))


def test_escape_returns_to_the_section_of_the_current_slide(site: Site, page: Page) -> None:
    open_presentation(page, site)
    target = None
    for _ in range(30):
        page.keyboard.press("ArrowRight")
        heading = page.locator(".present__slide h2")
        if heading.count() and "案例" in heading.first.inner_text():
            target = heading.first.inner_text()
            break
    assert target, "no case slide found"
    page.keyboard.press("Escape")
    expect(page.locator(".present")).to_have_count(0)
    expect(page.locator("h2#case")).to_be_in_viewport()


def test_speaker_notes_show_the_trainer_notes(site: Site, page: Page) -> None:
    open_presentation(page, site)
    notes = page.locator(".present__notes")
    expect(notes).to_be_hidden()
    page.keyboard.press("n")
    expect(notes).to_be_visible()
    expect(notes).to_contain_text("45 分钟")


def test_trainer_view_shows_notes_and_is_remembered(site: Site, page: Page) -> None:
    page.goto(site.url(LECTURE))
    notes = page.locator("article .trainer-notes").last
    expect(notes).to_be_hidden()
    toggle = page.locator(".trainer-bar__view")
    toggle.click()
    expect(notes).to_be_visible()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    page.goto(site.url("lectures/lecture-09"))
    expect(page.locator("article .trainer-notes").last).to_be_visible()
    page.locator(".trainer-bar__view").click()
    page.reload()
    expect(page.locator("article .trainer-notes").last).to_be_hidden()


def test_printed_lecture_is_a_clean_handout(site: Site, page: Page) -> None:
    page.goto(site.url(LECTURE))
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".trainer-bar", ".md-footer", ".quiz-q__answer"):
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()


def test_trainers_page_collects_every_lecture(site: Site, page: Page) -> None:
    page.goto(site.url("trainers"))
    expect(page.locator(".trainer-digest > h2")).to_have_count(lecture_count())
    expect(page.locator(".trainer-digest")).to_contain_text("45 分钟教学安排")
    assert page.locator(".trainer-digest__section").count() >= lecture_count()  # notes written for a section
    page.goto(site.url("en/trainers"))
    expect(page.locator(".trainer-digest")).to_contain_text("45-minute plan")
