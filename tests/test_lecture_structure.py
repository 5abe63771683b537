"""Lecture structure: the real course passes every check; broken skeletons are named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.course.course import load_course
from scripts.course.lectures import parse_lecture
from scripts.course.site_files import add_lectures_to_nav
from tests.quizdata import write_project

ROOT = Path(__file__).resolve().parents[1]
COURSE = load_course(ROOT)
STEMS = COURSE.ordered_lectures()


def test_the_course_has_no_content_problems() -> None:
    assert [str(p) for p in COURSE.problems] == []


def test_the_navigation_lists_every_lecture_in_file_order() -> None:
    nav: list[object] = [{"课程": ["outline.md", "progress.md", "lectures/lecture-02.md"]}, "trainers.md"]
    assert add_lectures_to_nav(nav, ROOT)
    assert nav[0] == {"课程": ["outline.md", "progress.md", *[f"lectures/{stem}.md" for stem in STEMS]]}


def test_a_draft_lecture_19_joins_the_navigation_without_other_edits(tmp_path: Path) -> None:
    write_project(tmp_path)
    (tmp_path / "lectures" / "lecture-19.md").write_text("---\nid: lecture-19\n---\n", encoding="utf-8")
    nav: list[object] = [{"Course": ["outline.md"]}]
    assert add_lectures_to_nav(nav, tmp_path)
    assert nav[0] == {"Course": ["outline.md", "lectures/lecture-01.md", "lectures/lecture-19.md"]}


@pytest.mark.parametrize("stem", [s for s in STEMS if COURSE.lectures[s]["zh"].is_final])
def test_each_final_lecture_is_complete_in_both_languages(stem: str) -> None:
    zh, en = COURSE.lectures[stem]["zh"], COURSE.lectures[stem]["en"]
    assert en.is_final
    anchors = [h.anchor for h in zh.sections()]
    assert anchors[:2] == ["why", "objectives"]
    assert anchors[-5:] == ["case", "discussion", "key-points", "sources", "quiz"]
    assert 3 <= len(anchors) - 7 <= 6
    assert anchors == [h.anchor for h in en.sections()]
    assert 3000 <= zh.han_chars <= 6000
    assert en.words >= 0.4 * zh.han_chars
    assert zh.block_line("trainer") and en.block_line("trainer")
    sources = next(h for h in zh.sections() if h.anchor == "sources")
    assert sources.list_items >= 1
    quiz = COURSE.quiz_for(stem)
    assert quiz is not None and len(quiz.questions) >= 10
    assert {q.section for q in quiz.questions} <= zh.anchors()


def test_a_docs_page_without_its_english_twin(tmp_path: Path) -> None:
    write_project(tmp_path)
    (tmp_path / "docs" / "faq.md").write_text("# 问答\n", encoding="utf-8")
    assert "docs/faq.md:1: no English version" in [str(p) for p in load_course(tmp_path).problems]


def test_a_lecture_without_its_english_twin(tmp_path: Path) -> None:
    write_project(tmp_path)
    (tmp_path / "lectures" / "lecture-01.en.md").unlink()
    assert "lectures/lecture-01.md:1: no English version" in [str(p) for p in load_course(tmp_path).problems]


def test_sections_that_differ_between_languages(tmp_path: Path) -> None:
    write_project(tmp_path)
    en = tmp_path / "lectures" / "lecture-01.en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("{ #more }", "{ #other }"), encoding="utf-8")
    problems = [str(p) for p in load_course(tmp_path).problems]
    assert "lectures/lecture-01.en.md:24: sections differ from the Chinese version: expected #more, found #other" in problems


def test_a_missing_section_and_trainer_notes(tmp_path: Path) -> None:
    write_project(tmp_path)
    zh = tmp_path / "lectures" / "lecture-01.md"
    text = zh.read_text(encoding="utf-8").replace("## Key points { #key-points }", "## Key points")
    zh.write_text(text.replace("/// trainer\n**45**\n///\n", ""), encoding="utf-8")
    problems = [str(p) for p in load_course(tmp_path).problems]
    assert "lectures/lecture-01.md:42: heading 'Key points' has no anchor; add { #an-anchor }" in problems
    assert "lectures/lecture-01.md:1: missing section { #key-points }" in problems
    assert "lectures/lecture-01.md:1: missing trainer notes (/// trainer ... ///)" in problems


def test_a_final_lecture_that_is_too_short_or_only_summarised(tmp_path: Path) -> None:
    write_project(tmp_path, stage="final", zh_text="政" * 700, en_text="word " * 10)
    problems = [str(p) for p in load_course(tmp_path).problems]
    assert "lectures/lecture-01.en.md:1: 69 English words for 3505 Chinese characters: translate the whole " \
           "lecture, not a summary" in problems


def test_trainer_notes_do_not_count_towards_length() -> None:
    text = "---\nid: x\n---\n\n## A { #a }\n\n政协\n\n/// trainer\n委员委员\n///\n"
    assert parse_lecture(text, "x.md", "zh").han_chars == 2
