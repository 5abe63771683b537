"""Bad input from an editor gets one clear `file:line: what is wrong` and never a traceback.

Each case is one mistake the reliability review tried (or its family), applied to a small valid
project; the test asserts the exact message a contributor reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.course.course import load_course
from tests.quizdata import write_project

GLOSSARY = """\
- term: 参政党
  pinyin: can zheng dang
  en: participating party
  definition: {zh: 参加政权的政党。, en: A party that takes part in state power.}
  source: 《中国人民政治协商会议章程》
"""
TIMELINE = """\
- date: 1994-03-19
  title: {zh: 章程修正, en: Charter amended}
  purpose: {zh: 修正, en: Amended}
  source: 章程题注
- date: 1994-13-45
  title: {zh: 错误日期, en: A bad date}
  purpose: {zh: 无, en: None}
  source: 无
"""
PROCEDURE = """\
procedure: proposals
steps:
  - {actor: {zh: 委员, en: Member}, action: {zh: 写, en: Writes}, output: {zh: 提案, en: Proposal}}
  - {actor: {zh: 政协, en: CPPCC}, action: {zh: 审查, en: Reviews}, output: {zh: 立案, en: Registered}}
"""


def problems_after(tmp_path: Path, change: Callable[[Path], None]) -> list[str]:
    write_project(tmp_path)
    change(tmp_path)
    return [str(p) for p in load_course(tmp_path).problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def lecture(root: Path) -> Path:
    return root / "lectures" / "lecture-01.md"


def quiz(root: Path) -> Path:
    return root / "quizzes" / "lecture-01.yml"


def data(root: Path, name: str, text: str) -> Path:
    path = root / "docs" / "_data" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def gbk_in(path: Path, marker: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace(marker, "\x00MARK\x00").encode("utf-8").replace(b"\x00MARK\x00", "政协".encode("gbk")))


CASES: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "GBK bytes in a lecture": (
        lambda root: gbk_in(lecture(root), "## 1 { #basics }"),
        ["lectures/lecture-01.md:20: not UTF-8 text (byte 0xD5 at column 1): save the file as UTF-8"]),
    "GBK bytes in a lecture the glossary links to, reported once": (
        lambda root: (data(root, "glossary.yml", GLOSSARY + "  see: lectures/lecture-01.md#basics\n"),
                      gbk_in(lecture(root), "## 1 { #basics }")),
        ["lectures/lecture-01.md:20: not UTF-8 text (byte 0xD5 at column 1): save the file as UTF-8"]),
    "an unclosed code fence before the sections quizzes point at, reported once": (
        lambda root: edit(lecture(root), "## 1 { #basics }", "```\n\n## 1 { #basics }"),
        ["lectures/lecture-01.md:20: this code fence is never closed: add a line with ``` after the code "
         "(everything below it is shown as code)"]),
    "GBK bytes in the glossary": (
        lambda root: gbk_in(data(root, "glossary.yml", GLOSSARY), "参加政权"),
        ["docs/_data/glossary.yml:4: not UTF-8 text (byte 0xD5 at column 20): save the file as UTF-8"]),
    "GBK bytes in a procedure": (
        lambda root: (gbk_in(data(root, "procedures/proposals.yml", PROCEDURE), "审查"),
                      (root / "docs" / "p.md").write_text("/// procedure | proposals\n///\n", encoding="utf-8"),
                      (root / "docs" / "p.en.md").write_text("/// procedure | proposals\n///\n", encoding="utf-8")),
        ["docs/_data/procedures/proposals.yml:4: not UTF-8 text (byte 0xD5 at column 51): save the file as UTF-8"]),
    "a bad date in the timeline, on its own line": (
        lambda root: data(root, "timeline.yml", TIMELINE),
        ["docs/_data/timeline.yml:5: 1994-13-45 is not a real date (month must be in 1..12)"]),
    "YAML aliases in a quiz": (
        lambda root: edit(quiz(root), "      zh: 解析一\n", "      zh: &long 解析一\n    other: *long\n"),
        ["quizzes/lecture-01.yml:19: YAML anchors and aliases (&name, *name) are not allowed in content: "
         "write the text out"]),
    "YAML aliases in a lecture's front matter": (
        lambda root: edit(lecture(root), "title: 第一讲", "title: &t 第一讲\nshort: *t"),
        ["lectures/lecture-01.md:4: YAML anchors and aliases (&name, *name) are not allowed in content: "
         "write the text out"]),
    "a second answer line in a quiz": (
        lambda root: edit(quiz(root), "    answer: 2\n", "    answer: 2\n    answer: 3\n"),
        ["quizzes/lecture-01.yml:18: 'answer' is given twice in one entry (also at line 17): keep one"]),
    "a second definition in the glossary": (
        lambda root: data(root, "glossary.yml", GLOSSARY + "  definition: {zh: 另一个, en: Another}\n"),
        ["docs/_data/glossary.yml:6: 'definition' is given twice in one entry (also at line 4): keep one"]),
    "more options than a question may have": (
        lambda root: edit(quiz(root), "      - zh: 丙\n        en: C one\n", "".join(
            f"      - zh: 丙{i}\n        en: C {i}\n" for i in range(5))),
        ["quizzes/lecture-01.yml:10: question t-q1: 7 options; a question has at most 6"]),
    "two glossary entries with the same pinyin": (
        lambda root: data(root, "glossary.yml", GLOSSARY + GLOSSARY.replace("参政党", "惨政党").replace(
            "participating party", "another party")),
        ["docs/_data/glossary.yml:7: term 惨政党: pinyin 'can zheng dang' is also the pinyin of 参政党 (line 1); "
         "each entry needs its own"]),
    "a quiz file far too large": (
        lambda root: edit(quiz(root), "      zh: 解析一", "      zh: " + "很长" * 80_000),
        ["quizzes/lecture-01.yml:1: 469 KB is more than the 150 KB a file of this kind may have: split it, "
         "or remove pasted material"]),
    "an unclosed code fence": (
        lambda root: edit(lecture(root), "## 2 { #more }", "```\ncode\n\n## 2 { #more }"),
        ["lectures/lecture-01.md:24: this code fence is never closed: add a line with ``` after the code "
         "(everything below it is shown as code)"]),
    "an unclosed trainer block": (
        lambda root: edit(lecture(root), "**45**\n///\n", "**45**\n"),
        ["lectures/lecture-01.md:48: the /// trainer block opened here is never closed: add a line with /// "
         "where it ends"]),
    "two headings with one anchor": (
        lambda root: edit(lecture(root), "{ #last }", "{ #more }"),
        ["lectures/lecture-01.en.md:28: sections differ from the Chinese version: expected #more, found #last",
         "lectures/lecture-01.md:28: anchor #more is already used by the heading at line 24"]),
    "a near miss in a quiz's section": (
        lambda root: edit(quiz(root), "section: why", "section: whyy"),
        ["quizzes/lecture-01.yml:31: question t-q3: section #whyy does not exist in lectures/lecture-01.en.md; "
         "did you mean #why?",
         "quizzes/lecture-01.yml:31: question t-q3: section #whyy does not exist in lectures/lecture-01.md; "
         "did you mean #why?"]),
    "a broken quiz file, reported once": (
        lambda root: edit(quiz(root), "answer: [1, 3]", "answer: [1, 3"),
        ["quizzes/lecture-01.yml:30: not valid YAML: did not find expected ',' or ']'"]),
    "a script in a lecture": (
        lambda root: edit(lecture(root), "## 2 { #more }", "<script>alert(1)</script>\n\n## 2 { #more }"),
        ["lectures/lecture-01.md:24: a <script> element is not allowed in content: pages are text; "
         "ask a developer for an interactive feature"]),
    "an event handler in a docs page": (
        lambda root: edit(root / "docs" / "index.en.md", "# Home", '# Home\n\n<img src="x" onerror="alert(1)">'),
        ["docs/index.en.md:3: an on...= event handler attribute is not allowed in content: pages are text; "
         "ask a developer for an interactive feature"]),
    "a javascript: link in a quiz": (
        lambda root: edit(quiz(root), "zh: 解析一", "zh: 见[此处](javascript:alert(1))"),
        ["quizzes/lecture-01.yml:19: a javascript: URL is not allowed in content: pages are text; "
         "ask a developer for an interactive feature"]),
    "an iframe in a lecture": (
        lambda root: edit(lecture(root), "## 2 { #more }", '<iframe src="https://example.org"></iframe>\n\n## 2 { #more }'),
        ["lectures/lecture-01.md:24: an embedded <iframe> element is not allowed in content: pages are text; "
         "ask a developer for an interactive feature"]),
    "a lecture summary on two lines": (
        lambda root: both_summaries(root, "|\n  第一行\n  第二行", "One line"),
        ["lectures/lecture-01.md:7: front matter: summary is one line; write it without line breaks"]),
    "a lecture summary wider than a search result": (
        lambda root: both_summaries(root, "政协" * 45, "One line"),
        ["lectures/lecture-01.md:7: front matter: summary is 180 columns wide, more than a search result shows "
         "(160; a Chinese character takes 2): shorten it"]),
    "a lecture summary that is a list": (
        lambda root: both_summaries(root, "[甲, 乙]", "One line"),
        ["lectures/lecture-01.md:7: front matter: summary is one line of text (or leave it out)"]),
    "a lecture summary in one language only": (
        lambda root: edit(lecture(root), "last_reviewed:", "summary: 一句话概括本讲。\nlast_reviewed:"),
        ["lectures/lecture-01.en.md:2: front matter: no summary, but lecture-01.md has one: "
         "give both languages a summary or neither"]),
}


def both_summaries(root: Path, zh: str, en: str) -> None:
    edit(lecture(root), "last_reviewed:", f"summary: {zh}\nlast_reviewed:")
    edit(root / "lectures" / "lecture-01.en.md", "last_reviewed:", f"summary: {en}\nlast_reviewed:")


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_bad_input_gets_one_clear_located_message(tmp_path: Path, case: str) -> None:
    change, expected = CASES[case]
    assert problems_after(tmp_path, change) == expected


def test_a_one_line_summary_in_both_languages_is_accepted(tmp_path: Path) -> None:
    assert problems_after(tmp_path, lambda root: both_summaries(root, "本讲讲怎样写提案。", "How to write a proposal.")) == []


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    def add_bom(root: Path) -> None:
        for path in (lecture(root), quiz(root), data(root, "glossary.yml", GLOSSARY)):
            path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problems_after(tmp_path, add_bom) == []


def test_code_in_fences_and_inline_code_is_text(tmp_path: Path) -> None:
    def document_markup(root: Path) -> None:
        edit(lecture(root), "## 2 { #more }", "```html\n<script>x()</script>\n```\n\n`<iframe>`\n\n## 2 { #more }")
    assert problems_after(tmp_path, document_markup) == []


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    bomb = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
    problems = problems_after(tmp_path, lambda root: quiz(root).write_text('l0: &l0 "lol"\n' + bomb, encoding="utf-8"))
    assert problems[0].startswith("quizzes/lecture-01.yml:1: YAML anchors and aliases")
