"""The rules that keep the course teaching the job, as an editor meets them in `make check`."""

from __future__ import annotations

from pathlib import Path

from scripts.course.course import load_course
from tests.quizdata import GOOD_QUIZ, write_project

RULES = """\
sources_pages: [docs/reference/sources.md, docs/reference/sources.en.md]
discouraged: [不是全国统一, the source does not say]
case_figures: [特约信息员]
case_figures_max_lectures: 1
quiz_kinds: {scenario_at_least: 0.5, case_at_most: 1}
"""
GLOSSARY = """\
- term: 换届
  pinyin: huan jie
  en: change of term
  en_avoid: [re-election, re-elected]
  definition: {zh: 政协委员会任期届满后组成新一届委员会。, en: A new committee is formed when a term ends.}
  source: 《中国人民政治协商会议章程》
"""


def project(tmp_path: Path, quiz: str = GOOD_QUIZ, stage: str = "draft") -> Path:
    write_project(tmp_path, quiz=quiz, stage=stage, zh_text="政" * 700, en_text="word " * 300)
    data = tmp_path / "docs" / "_data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "content-rules.yml").write_text(RULES, encoding="utf-8")
    (data / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_course(root).problems]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_remark_about_the_sources_is_refused_except_on_the_sources_page(tmp_path: Path) -> None:
    root = project(tmp_path)
    append(root / "lectures" / "lecture-01.md", "\n这不是全国统一的规定。\n")
    append(root / "docs" / "index.en.md", "\nThe source does not say when.\n")
    reference = root / "docs" / "reference"
    reference.mkdir()
    (reference / "sources.md").write_text("# 资料\n\n案例做法不是全国统一的规定。\n", encoding="utf-8")
    (reference / "sources.en.md").write_text("# Sources\n\nThe source does not say more.\n", encoding="utf-8")
    assert problems(root) == [
        "docs/index.en.md:3: 'The source does not say' talks about the sources: teach the rule, or leave out "
        "what cannot be confirmed (the sources page explains the cases)",
        "lectures/lecture-01.md:61: '不是全国统一' talks about the sources: teach the rule, or leave out what "
        "cannot be confirmed (the sources page explains the cases)",
    ]


def test_an_avoided_english_rendering_names_the_glossary_term(tmp_path: Path) -> None:
    root = project(tmp_path)
    append(root / "lectures" / "lecture-01.en.md", "\nAfter the re-election, members meet.\n")
    append(root / "lectures" / "lecture-01.md", "\nre-election 出现在中文页里不算。\n")
    assert problems(root) == ["lectures/lecture-01.en.md:61: 're-election' is not the course's English for 换届: "
                              "write 'change of term' (glossary)"]


def test_a_case_figure_in_a_second_lecture(tmp_path: Path) -> None:
    root = project(tmp_path)
    append(root / "lectures" / "lecture-01.md", "\n县里有特约信息员。\n")
    for name in ("lecture-01.md", "lecture-01.en.md"):
        text = (root / "lectures" / name).read_text(encoding="utf-8")
        (root / "lectures" / name.replace("01", "02")).write_text(
            text.replace("lecture-01", "lecture-02").replace("number: 1", "number: 2"), encoding="utf-8")
    assert "lectures/lecture-02.md:61: '特约信息员' is a figure from a case already given in lecture-01: tell a " \
           "case once and link to it" in problems(root)


def test_a_final_quiz_needs_kinds_and_mostly_scenarios(tmp_path: Path) -> None:
    quiz = GOOD_QUIZ.replace("    type: single\n    section: basics\n    stem:\n",
                             "    type: single\n    kind: case\n    section: basics\n    stem:\n")
    quiz = quiz.replace("type: multiple\n", "type: multiple\n    kind: case\n")
    quiz = quiz.replace("type: truefalse\n", "type: truefalse\n    kind: concept\n")
    quiz = quiz.replace("    stem: {zh: 第四题题干", "    kind: scenario\n    stem: {zh: 第四题题干")
    found = [p for p in problems(project(tmp_path, quiz=quiz, stage="final")) if "questions" not in p.split(": ")[1]
             or "scenario" in p or "case" in p]
    assert "quizzes/lecture-01.yml:1: 1 scenario questions of 4; at least 2 put the member in a situation" in found
    assert "quizzes/lecture-01.yml:22: 2 case questions; at most 1 (test the lesson of a case, not the case)" in found


def test_a_case_question_may_not_ask_for_a_number(tmp_path: Path) -> None:
    quiz = GOOD_QUIZ.replace("type: single\n", "type: single\n    kind: scenario\n", 1)
    quiz = quiz.replace("type: multiple\n", "type: multiple\n    kind: scenario\n")
    quiz = quiz.replace("type: truefalse\n", "type: truefalse\n    kind: concept\n")
    quiz = quiz.replace("- {zh: 甲四, en: A four}", "- {zh: 9名, en: nine}").replace(
        "    stem: {zh: 第四题题干", "    kind: case\n    stem: {zh: 第四题题干")
    found = problems(project(tmp_path, quiz=quiz, stage="final"))
    assert any(p.endswith("question t-q4: its answer is a number from a case; ask what the case teaches instead")
               for p in found)


def test_the_same_question_in_two_lectures(tmp_path: Path) -> None:
    root = project(tmp_path)
    for name in ("lecture-01.md", "lecture-01.en.md"):
        text = (root / "lectures" / name).read_text(encoding="utf-8")
        (root / "lectures" / name.replace("01", "02")).write_text(
            text.replace("lecture-01", "lecture-02").replace("number: 1", "number: 2"), encoding="utf-8")
    copy = GOOD_QUIZ.replace("lecture-01", "lecture-02").replace("t-q", "u-q").replace("第一题题干", "第一题的题干")
    (root / "quizzes" / "lecture-02.yml").write_text(copy, encoding="utf-8")
    found = problems(root)
    assert "quizzes/lecture-02.yml:4: question u-q1 asks what t-q1 already asks (quizzes/lecture-01.yml:4): ask it " \
           "in one lecture" in found
