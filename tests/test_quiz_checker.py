"""The quiz checker: one fixture per error class, each asserting the exact `file:line: message`."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.course.course import load_course
from scripts.course.quizzes import parse_quiz
from tests.quizdata import GOOD_QUIZ, write_project

PATH = "quizzes/lecture-01.yml"


def messages(text: str) -> list[str]:
    return [str(p) for p in parse_quiz(text, PATH)[1]]


def test_a_good_quiz_has_no_problems() -> None:
    quiz, problems = parse_quiz(GOOD_QUIZ, PATH)
    assert problems == []
    assert quiz is not None and [q.correct for q in quiz.questions] == [[2], [1, 3], [2], [1]]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    answer: 2\n", "    answer: 5\n",
     f"{PATH}:17: question t-q1: answer 5 is not among the options (give the position, 1 to 3)"),
    ("    answer: 2\n", "    answer: [1, 2]\n",
     f"{PATH}:17: question t-q1: a single-choice question needs exactly one answer, found 2"),
    ("    answer: 2\n", "    answer: []\n",
     f"{PATH}:17: question t-q1: a single-choice question needs exactly one answer, found 0"),
    ("    answer: [1, 3]\n", "    answer: [1]\n",
     f"{PATH}:29: question t-q2: a multiple-choice question needs two or more answers (use type: single for one)"),
    ("    type: single\n    section: basics\n    stem:\n", "    type: essay\n    section: basics\n    stem:\n",
     f"{PATH}:5: question t-q1: type must be one of single, multiple, truefalse"),
    ("      en: First stem\n", "",
     f"{PATH}:8: question t-q1 stem has no English text (en)"),
    ("    explanation:\n      zh: 解析一\n      en: Explanation one\n", "",
     f"{PATH}:4: question t-q1 explanation must have zh and en text"),
    ("      - zh: 丙\n        en: C one\n", "      - zh: 丙\n",
     f"{PATH}:15: question t-q1: zh and en option counts differ (option 3 has no en text)"),
    ("      - zh: 乙\n        en: B one\n", "      - zh: 甲\n        en: B one\n",
     f"{PATH}:10: question t-q1: options 1 and 2 repeat the same zh text"),
    ("    stem: {zh: 第二题题干, en: Second stem}", "    stem: {zh: 第一题题干, en: Second stem}",
     f"{PATH}:21: question t-q2: the same zh stem already appears at line 4"),
    ("  - id: t-q2\n", "  - id: t-q1\n",
     f"{PATH}:21: duplicate question id t-q1 (also at line 4)"),
    ("    answer: 1\n", "    answer: 2\n",
     f"{PATH}:4: every single-choice answer sits in position 2; vary the position of the correct option"),
    ("    section: why\n", "",
     f"{PATH}:31: question t-q3: section (the anchor that teaches this) is missing"),
    ("    answer: false\n", "    answer: maybe\n",
     f"{PATH}:35: question t-q3: a truefalse answer is true or false"),
    ("    type: truefalse\n", "    type: truefalse\n    options: [{zh: 对, en: yes}]\n",
     f"{PATH}:33: question t-q3: a truefalse question has no options"),
    ("    section: basics\n    stem:\n", "    section: basics\n    hint: x\n    stem:\n",
     f"{PATH}:7: question t-q1: unknown field 'hint'"),
])
def test_each_error_class_names_file_and_line(old: str, new: str, expected: str) -> None:
    assert old in GOOD_QUIZ
    assert expected in messages(GOOD_QUIZ.replace(old, new, 1))


def test_broken_yaml_is_reported_with_its_line() -> None:
    assert messages("quiz: a\nquestions:\n  - id: [unclosed\n") == [
        f"{PATH}:4: not valid YAML: did not find expected ',' or ']'"
    ]


def test_a_quiz_that_is_not_a_mapping() -> None:
    assert messages("- just\n- a list\n") == [f"{PATH}:1: a quiz file is a mapping with quiz, lecture and questions"]


def test_missing_questions_list() -> None:
    assert f"{PATH}:1: questions: a list of questions is required" in messages("quiz: a\nlecture: b\n")


# Checks that need the lecture next to the quiz.

def course_problems(tmp_path: Path, **kwargs: str) -> list[str]:
    return [str(p) for p in load_course(write_project(tmp_path, **kwargs)).problems]


def test_the_sample_project_is_clean(tmp_path: Path) -> None:
    assert course_problems(tmp_path) == []


def test_a_question_pointing_at_a_missing_section(tmp_path: Path) -> None:
    quiz = GOOD_QUIZ.replace("    section: why\n", "    section: nowhere\n")
    assert course_problems(tmp_path, quiz=quiz) == [
        f"{PATH}:31: question t-q3: section #nowhere does not exist in lectures/lecture-01.en.md",
        f"{PATH}:31: question t-q3: section #nowhere does not exist in lectures/lecture-01.md",
    ]


def test_a_quiz_for_a_lecture_that_does_not_exist(tmp_path: Path) -> None:
    quiz = GOOD_QUIZ.replace("lecture: lecture-01", "lecture: lecture-99")
    assert f"{PATH}:2: lecture lecture-99 does not exist in lectures/" in course_problems(tmp_path, quiz=quiz)


def test_a_final_lecture_needs_ten_questions(tmp_path: Path) -> None:
    problems = course_problems(tmp_path, stage="final", zh_text="政" * 700, en_text="word " * 300)
    assert f"{PATH}:1: 4 questions; the quiz of a final lecture has at least 10" in problems


def test_duplicate_question_ids_across_files(tmp_path: Path) -> None:
    write_project(tmp_path)
    for name in ("lecture-01.md", "lecture-01.en.md"):
        text = (tmp_path / "lectures" / name).read_text(encoding="utf-8")
        text = text.replace("lecture-01", "lecture-02").replace("number: 1", "number: 2")
        (tmp_path / "lectures" / name.replace("01", "02")).write_text(text, encoding="utf-8")
    other = GOOD_QUIZ.replace("quiz: lecture-01", "quiz: lecture-02").replace("lecture: lecture-01", "lecture: lecture-02")
    (tmp_path / "quizzes" / "lecture-02.yml").write_text(other, encoding="utf-8")
    problems = [str(p) for p in load_course(tmp_path).problems]
    assert "quizzes/lecture-02.yml:4: question id t-q1 is also used at quizzes/lecture-01.yml:4" in problems


def test_duplicate_quiz_ids_across_files(tmp_path: Path) -> None:
    write_project(tmp_path)
    (tmp_path / "quizzes" / "copy.yml").write_text(GOOD_QUIZ, encoding="utf-8")
    problems = [str(p) for p in load_course(tmp_path).problems]
    assert "quizzes/copy.yml:1: quiz id lecture-01 is also used by quizzes/lecture-01.yml" in problems


def test_a_second_quiz_file_for_one_lecture(tmp_path: Path) -> None:
    write_project(tmp_path)
    other = GOOD_QUIZ.replace("quiz: lecture-01", "quiz: lecture-01-extra").replace("t-q", "x-q")
    (tmp_path / "quizzes" / "extra.yml").write_text(other, encoding="utf-8")
    problems = [str(p) for p in load_course(tmp_path).problems]
    assert problems == ["quizzes/extra.yml:2: lecture-01 already has its quiz in quizzes/lecture-01.yml: "
                        "one quiz per lecture (merge the questions into it)"]
