"""Self-test quizzes in real Chromium, online and from the unzipped offline copy."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.conftest import Site, Watch, lecture_count, open_page

LECTURE = "lectures/lecture-01"


def question(page: Page, index: int) -> Locator:
    return page.locator("fieldset.quiz-q").nth(index)


def correct_positions(fieldset: Locator) -> list[int]:
    return [int(x) for x in (fieldset.get_attribute("data-correct") or "").split(",")]


def choose(fieldset: Locator, positions: list[int]) -> None:
    for position in positions:
        fieldset.locator(f"input[value='{position}']").check()


def wrong_position(fieldset: Locator) -> int:
    count = fieldset.locator("input").count()
    return next(p for p in range(1, count + 1) if p not in correct_positions(fieldset))


def answer_first_two(page: Page) -> tuple[Locator, Locator]:
    """Answer question 1 correctly and question 2 wrongly, checking each."""
    first, second = question(page, 0), question(page, 1)
    choose(first, correct_positions(first))
    first.locator(".quiz-q__check").click()
    choose(second, [wrong_position(second)])
    second.locator(".quiz-q__check").click()
    return first, second


def test_right_and_wrong_answers_get_feedback_explanation_and_score(site: Site, page: Page, watch: Watch) -> None:
    page.goto(site.url(LECTURE))
    total = page.locator("fieldset.quiz-q").count()
    assert total >= 10
    first, second = answer_first_two(page)
    expect(first.locator(".quiz-q__feedback")).to_have_text("回答正确。")
    expect(first.locator(".quiz-q__explanation")).to_be_visible()
    expect(first.locator("a.quiz-q__section")).to_be_visible()
    correct_text = second.locator(".quiz-q__correct span").inner_text()
    expect(second.locator(".quiz-q__feedback")).to_have_text(f"回答错误。正确答案：{correct_text}")
    expect(second.locator(".quiz-q__explanation")).to_be_visible()
    expect(page.locator(".quiz__score")).to_have_text(f"已核对 2 / {total} 题，答对 1 题。")
    assert watch.errors == []


def test_the_section_link_leads_to_the_part_of_the_lecture(site: Site, page: Page) -> None:
    page.goto(site.url(LECTURE))
    first = question(page, 0)
    choose(first, correct_positions(first))
    first.locator(".quiz-q__check").click()
    link = first.locator("a.quiz-q__section")
    target = (link.get_attribute("href") or "").lstrip("#")
    link.click()
    expect(page.locator(f"h2#{target}, h3#{target}")).to_be_in_viewport()


def test_answers_survive_a_reload_and_reset_clears_them(site: Site, page: Page) -> None:
    page.goto(site.url(LECTURE))
    total = page.locator("fieldset.quiz-q").count()
    first, second = answer_first_two(page)
    page.reload()
    first, second = question(page, 0), question(page, 1)
    for position in correct_positions(first):
        expect(first.locator(f"input[value='{position}']")).to_be_checked()
    expect(second.locator(f"input[value='{wrong_position(second)}']")).to_be_checked()
    expect(first.locator(".quiz-q__feedback")).to_have_text("回答正确。")
    expect(page.locator(".quiz__score")).to_have_text(f"已核对 2 / {total} 题，答对 1 题。")
    page.locator(".quiz__reset").click()
    expect(page.locator("fieldset.quiz-q input:checked")).to_have_count(0)
    expect(page.locator(".quiz__score")).to_have_text("")
    page.reload()
    expect(page.locator("fieldset.quiz-q input:checked")).to_have_count(0)


def test_progress_page_shows_quizzes_in_progress_and_done(site: Site, page: Page) -> None:
    page.goto(site.url("progress"))
    row = page.locator("tr[data-quiz-id='lecture-01']")
    expect(row.locator(".quiz-progress__status")).to_have_text("尚未作答")
    page.goto(site.url(LECTURE))
    total = page.locator("fieldset.quiz-q").count()
    answer_first_two(page)
    page.goto(site.url("progress"))
    expect(row.locator(".quiz-progress__status")).to_have_text(f"进行中：已核对 2 / {total} 题")
    page.goto(site.url(LECTURE))
    for index in range(2, total):
        fieldset = question(page, index)
        choose(fieldset, correct_positions(fieldset))
        fieldset.locator(".quiz-q__check").click()
    page.goto(site.url("progress"))
    expect(row.locator(".quiz-progress__status")).to_have_text(f"已完成：答对 {total - 1} / {total} 题")
    expect(page.locator("tr[data-quiz-id='lecture-02'] .quiz-progress__status")).to_have_text("尚未作答")
    expect(page.locator(".quiz-progress tbody tr")).to_have_count(lecture_count())


def test_progress_is_shared_between_languages(site: Site, page: Page) -> None:
    page.goto(site.url(LECTURE))
    answer_first_two(page)
    page.goto(site.url("en/" + LECTURE))
    expect(question(page, 0).locator(".quiz-q__feedback")).to_have_text("Correct.")
    expect(page.locator(".quiz__score")).to_contain_text("2 of")


def test_corrupt_or_foreign_saved_data_is_ignored(site: Site, page: Page, watch: Watch) -> None:
    page.goto(site.url(LECTURE))
    page.evaluate("""() => {
      localStorage.setItem('cppcc-course:quiz:lecture-01', '{not json');
      localStorage.setItem('cppcc-course:quiz:lecture-02', JSON.stringify({v: 1, answers: {'x': 'oops'}, best: 'a'}));
      localStorage.setItem('cppcc-course:quiz:lecture-03', JSON.stringify([1, 2, 3]));
    }""")
    for path in (LECTURE, "lectures/lecture-02", "lectures/lecture-03", "progress"):
        page.goto(site.url(path))
    expect(page.locator("tr[data-quiz-id='lecture-02'] .quiz-progress__status")).to_have_text("尚未作答")
    page.goto(site.url(LECTURE))
    first = question(page, 0)
    choose(first, correct_positions(first))
    first.locator(".quiz-q__check").click()
    expect(first.locator(".quiz-q__feedback")).to_have_text("回答正确。")
    assert watch.errors == []


def test_another_versions_saved_data_is_left_alone(site: Site, page: Page) -> None:
    """Two offline copies of different versions share one browser storage: neither wipes the other."""
    page.goto(site.url(LECTURE))
    future = '{"v": 2, "answers": {"l01-x": {"kept": true}}}'
    page.evaluate("data => localStorage.setItem('cppcc-course:quiz:lecture-01', data)", future)
    page.reload()
    first = question(page, 0)
    choose(first, correct_positions(first))
    first.locator(".quiz-q__check").click()
    assert page.evaluate("localStorage.getItem('cppcc-course:quiz:lecture-01')") == future
    page.reload()
    expect(question(page, 0).locator(".quiz-q__feedback")).to_have_text("回答正确。")


def test_answers_to_questions_that_no_longer_exist_do_not_count_and_are_kept(site: Site, page: Page) -> None:
    page.goto(site.url(LECTURE))
    old = {"v": 1, "answers": {"l01-old": [1]}, "checked": {"l01-old": True}, "right": {"l01-old": True}}
    page.evaluate("data => localStorage.setItem('cppcc-course:quiz:lecture-01', JSON.stringify(data))", old)
    page.goto(site.url("progress"))
    expect(page.locator("tr[data-quiz-id='lecture-01'] .quiz-progress__status")).to_have_text("尚未作答")
    page.goto(site.url(LECTURE))
    expect(page.locator(".quiz__score")).to_have_text("")
    first = question(page, 0)
    choose(first, correct_positions(first))
    first.locator(".quiz-q__check").click()
    saved = page.evaluate("JSON.parse(localStorage.getItem('cppcc-course:quiz:lecture-01'))")
    assert saved["answers"]["l01-old"] == [1]


def test_full_storage_keeps_what_is_shown_and_says_so(site: Site, page: Page) -> None:
    page.goto(site.url(LECTURE))
    answer_first_two(page)
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    page.reload()
    expect(question(page, 0).locator(".quiz-q__feedback")).to_have_text("回答正确。")
    third = question(page, 2)
    choose(third, correct_positions(third))
    third.locator(".quiz-q__check").click()
    expect(third.locator(".quiz-q__feedback")).to_have_text("回答正确。")
    expect(page.locator(".quiz__unsaved")).to_contain_text("无法保存")
    page.goto(site.url("progress"))
    expect(page.locator("tr[data-quiz-id='lecture-01'] .quiz-progress__status")).to_contain_text("已核对 2")


def test_keyboard_alone_can_answer(site: Site, page: Page) -> None:
    page.goto(site.url(LECTURE))
    first = question(page, 0)
    first.locator("input").first.focus()
    target = correct_positions(first)[0]
    for _ in range(target - 1):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    expect(first.locator(".quiz-q__check")).to_be_focused()
    page.keyboard.press("Enter")
    expect(first.locator(".quiz-q__feedback")).to_have_text("回答正确。")
    expect(first.locator(".quiz-q__feedback")).to_have_attribute("aria-live", "polite")


def test_without_javascript_answers_are_in_a_details_element(site: Site, browser: object, watch: Watch) -> None:
    page = open_page(browser, watch, java_script_enabled=False)
    page.goto(site.url(LECTURE))
    first = question(page, 0)
    expect(first.locator(".quiz-q__text")).to_be_visible()
    expect(first.locator(".quiz-q__check")).to_be_hidden()
    expect(first.locator(".quiz-q__explanation")).to_be_hidden()
    first.locator("details.quiz-q__answer summary").click()
    expect(first.locator(".quiz-q__explanation")).to_be_visible()
    expect(first.locator(".quiz-q__correct")).to_contain_text("正确答案：")
    page.context.close()


def test_printing_shows_questions_without_answers(site: Site, page: Page) -> None:
    page.goto(site.url(LECTURE))
    page.emulate_media(media="print")
    first = question(page, 0)
    expect(first.locator(".quiz-q__text")).to_be_visible()
    expect(first.locator("details.quiz-q__answer")).to_be_hidden()
    expect(first.locator(".quiz-q__check")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_answer_key_lists_every_quiz_with_answers(site: Site, page: Page) -> None:
    page.goto(site.url("answer-key"))
    expect(page.locator(".quiz-key-all > h2")).to_have_count(lecture_count())
    assert page.locator(".quiz-key > li").count() >= 180
    expect(page.locator(".quiz-key > li").first).to_contain_text("答案：")
