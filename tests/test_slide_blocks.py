"""Trainer notes per section and slide summaries: what the checker accepts, refuses, and how they render."""

from __future__ import annotations

from pathlib import Path

import markdown

from scripts.course.blocks import CourseBlocksExtension, PageContext
from scripts.course.course import load_course
from scripts.course.lectures import parse_lecture
from tests.quizdata import write_project

ZH = "lectures/lecture-01.md"
EN = "lectures/lecture-01.en.md"
CASE_NOTES = "/// slide\n- 要点一\n- 要点二\n///\n\n/// trainer\n先讲要点。\n///\n\n"
CASE_NOTES_EN = "/// slide\n- point one\n- point two\n///\n\n/// trainer\nTell the points first.\n///\n\n"


def insert(root: Path, rel: str, after: str, block: str) -> int:
    """Put `block` after the line `after` (with a blank line); returns the line number of its first line."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    at = text.index(after + "\n") + len(after) + 1
    path.write_text(text[:at] + "\n" + block + text[at:], encoding="utf-8")
    return text[:at].count("\n") + 2


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_course(root).problems]


def test_notes_and_a_summary_in_a_section_are_accepted(tmp_path: Path) -> None:
    write_project(tmp_path)
    insert(tmp_path, ZH, "## Case { #case }", CASE_NOTES)
    insert(tmp_path, EN, "## Case { #case }", CASE_NOTES_EN)
    course = load_course(tmp_path)
    assert [str(p) for p in course.problems] == []
    zh = course.lectures["lecture-01"]["zh"]
    assert zh.plan is not None and zh.plan.section == "key-points" and zh.trainer_markdown == "**45**"
    assert zh.plan_index == 1
    assert [(n.section, n.markdown) for n in zh.section_notes()] == [("case", "先讲要点。")]
    assert [(n.section, n.markdown) for n in zh.slide_blocks()] == [("case", "- 要点一\n- 要点二")]


def test_summaries_and_section_notes_do_not_count_towards_length() -> None:
    text = "---\nid: x\n---\n\n## A { #a }\n\n政协\n\n/// slide\n- 委员委员\n///\n\n/// trainer\n委员\n///\n"
    lecture = parse_lecture(text, "x.md", "zh")
    assert lecture.han_chars == 2
    assert lecture.section_markdown["a"] == "政协"


def test_the_plan_must_close_the_key_points(tmp_path: Path) -> None:
    write_project(tmp_path)
    zh = tmp_path / ZH
    text = zh.read_text(encoding="utf-8").replace("/// trainer\n**45**\n///\n", "")
    zh.write_text(text, encoding="utf-8")
    line = insert(tmp_path, ZH, "## Case { #case }", "/// trainer\n**45**\n///\n\n")
    assert f"{ZH}:{line}: the lecture's trainer notes (its 45-minute plan) go at the end of section #key-points, " \
           "before ## sources; notes for one section go inside that section" in problems(tmp_path)


def test_bad_slide_summaries_are_named_by_line(tmp_path: Path) -> None:
    write_project(tmp_path)
    empty = insert(tmp_path, ZH, "## 1 { #basics }", "/// slide\n///\n\n")
    first = insert(tmp_path, ZH, "## 2 { #more }", "/// slide\n- a\n///\n\n")
    second = insert(tmp_path, ZH, "- a\n///\n", "/// slide\n- b\n///\n\n")
    quiz = insert(tmp_path, ZH, "## Quiz { #quiz }", "/// slide\n- a\n///\n\n")
    found = problems(tmp_path)
    assert f"{ZH}:{empty}: this /// slide block is empty: write the few short points the slide shows instead " \
           "of the section's text" in found
    assert f"{ZH}:{second}: a second /// slide block for the same slide (the first is at line {first}): " \
           "keep one summary per heading" in found
    assert f"{ZH}:{quiz}: section #quiz is projected as it is: a /// slide summary cannot go there" in found


def test_a_summary_for_a_section_covers_its_sub_sections(tmp_path: Path) -> None:
    write_project(tmp_path)
    first = insert(tmp_path, ZH, "## 3 { #last }", "/// slide\n- a\n///\n\n### 3.1\n\n内容。\n\n")
    sub = insert(tmp_path, ZH, "### 3.1", "/// slide\n- b\n///\n\n")
    assert f"{ZH}:{sub}: the /// slide block at line {first} already stands for the whole section #last, " \
           "its sub-sections included" in problems(tmp_path)


def test_blocks_outside_a_section_or_nested(tmp_path: Path) -> None:
    write_project(tmp_path)
    zh = tmp_path / ZH
    text = zh.read_text(encoding="utf-8")
    zh.write_text(text.replace("---\n\n## ", "---\n\n/// slide\n- a\n///\n\n## ", 1), encoding="utf-8")
    nested = insert(tmp_path, ZH, "**45**", "/// slide\n- a\n///\n")
    found = problems(tmp_path)
    assert f"{ZH}:10: this /// slide block is not inside a ## section: put it in the section it is about" in found
    assert f"{ZH}:{nested}: a /// slide block cannot go inside the /// trainer block opened at line " \
           f"{nested - 3}" in found


def test_summaries_and_notes_sit_in_the_same_sections_in_both_languages(tmp_path: Path) -> None:
    write_project(tmp_path)
    insert(tmp_path, ZH, "## Case { #case }", CASE_NOTES)
    en_line = insert(tmp_path, EN, "## 2 { #more }", CASE_NOTES_EN)
    found = problems(tmp_path)
    assert f"{EN}:{en_line}: /// slide blocks differ from the Chinese version: expected one in #case, " \
           "found one in #more" in found
    assert f"{EN}:{en_line + 5}: /// trainer blocks differ from the Chinese version: expected one in #case, " \
           "found one in #more" in found


def render(source: str, root: Path, src_uri: str = "lectures/lecture-01.md", lang: str = "zh") -> str:
    context = PageContext(course=load_course(root), lang=lang, src_uri=src_uri)
    return markdown.markdown(source, extensions=[CourseBlocksExtension(context)])


def test_a_summary_is_hidden_from_readers_and_search(tmp_path: Path) -> None:
    html = render("/// slide\n- 要点\n///\n", write_project(tmp_path))
    assert '<div class="slide-summary" data-search-exclude="true">' in html
    assert "幻灯片摘要" in html and "<li>要点</li>" in html


def test_the_lectures_plan_is_marked_for_the_title_slide(tmp_path: Path) -> None:
    write_project(tmp_path)
    insert(tmp_path, ZH, "## Case { #case }", "/// trainer\n分节提示\n///\n\n")
    html = render("/// trainer\n分节提示\n///\n\n/// trainer\n**45**\n///\n", tmp_path)
    section, plan = html.split("</aside>")[:2]
    assert "data-notes" not in section
    assert 'data-notes="plan"' in plan and 'data-minutes="45"' in plan
    assert "data-notes" not in render("/// trainer\n**45**\n///\n", tmp_path, src_uri="trainers.md")


def test_the_trainers_page_lists_notes_per_section(tmp_path: Path) -> None:
    write_project(tmp_path)
    insert(tmp_path, ZH, "## Case { #case }", CASE_NOTES)
    insert(tmp_path, EN, "## Case { #case }", CASE_NOTES_EN)
    context = PageContext(course=load_course(tmp_path), lang="en", src_uri="trainers.md")
    html = markdown.markdown("/// trainer-digest\n///\n", extensions=[CourseBlocksExtension(context)])
    assert "Section “Case”" in html and "Tell the points first." in html
