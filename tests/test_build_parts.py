"""Unit tests of the build parts that need no full build: search split, quiz markup, zip packing."""

from __future__ import annotations

import xml.etree.ElementTree as etree
import zipfile
from pathlib import Path

import markdown

from scripts.course.blocks import CourseBlocksExtension, PageContext
from scripts.course.course import load_course
from scripts.course.package import start_page, write_zip
from scripts.course.quizzes import parse_quiz
from scripts.course.search_index import split_index
from tests.quizdata import GOOD_QUIZ, write_project


def test_search_index_is_split_per_language() -> None:
    merged = {"config": {"lang": ["zh", "en"], "fields": {"title": {"boost": 1000}}}, "docs": [
        {"location": "", "title": "首页", "text": ""},
        {"location": "lectures/lecture-01/#why", "title": "为什么", "text": ""},
        {"location": "en/", "title": "Home", "text": ""},
        {"location": "en/lectures/lecture-01/#why", "title": "Why", "text": ""},
    ]}
    indexes = split_index(merged, "zh", ["en"])
    assert [d["location"] for d in indexes["zh"]["docs"]] == ["", "lectures/lecture-01/#why"]
    assert [d["location"] for d in indexes["en"]["docs"]] == ["", "lectures/lecture-01/#why"]
    assert [d["title"] for d in indexes["en"]["docs"]] == ["Home", "Why"]
    assert indexes["zh"]["config"]["lang"] == ["zh"] and indexes["en"]["config"]["lang"] == ["en"]
    assert indexes["en"]["config"]["fields"] == {"title": {"boost": 1000}}


def render(source: str, tmp_path: Path, quiz: str = GOOD_QUIZ, lang: str = "zh") -> str:
    context = PageContext(course=load_course(write_project(tmp_path, quiz=quiz)), lang=lang,
                          src_uri="lectures/lecture-01.md")
    return markdown.markdown(source, extensions=[CourseBlocksExtension(context)])


def test_quiz_text_is_escaped_never_run(tmp_path: Path) -> None:
    hostile = GOOD_QUIZ.replace("zh: 第一题题干", "zh: \"<script>alert(1)</script><b>粗</b>\"")
    html = render("/// quiz | lecture-01\n///\n", tmp_path, quiz=hostile)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;粗&lt;/b&gt;" in html


def test_quiz_markup_keeps_answers_reachable_without_javascript(tmp_path: Path) -> None:
    html = render("/// quiz | lecture-01\n///\n", tmp_path, lang="en")
    root = etree.fromstring(f"<root>{html}</root>")
    first = root.find(".//fieldset")
    assert first is not None and first.get("data-correct") == "2"
    details = first.find("details")
    assert details is not None and details.get("data-search-exclude") is not None
    assert "B. B one" in "".join(details.itertext())
    assert "Explanation one" in "".join(details.itertext())
    link = details.find(".//a")
    assert link is not None and link.get("href") == "#basics"
    assert [i.get("type") for i in root.findall(".//fieldset")[1].iter("input")] == ["checkbox"] * 3
    assert first.find(".//legend") is not None


def test_trainer_notes_are_marked_and_excluded_from_search(tmp_path: Path) -> None:
    html = render("/// trainer\n**45 分钟**\n///\n", tmp_path)
    assert 'class="trainer-notes"' in html and "data-search-exclude" in html and "培训者提示" in html


def test_zip_is_reproducible_with_a_start_page_beside_one_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<p>首页</p>", encoding="utf-8")
    (site / "en" / "index.html").write_text("<p>Home</p>", encoding="utf-8")
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    start = start_page("course-1.0", "1.0", "2026-11-29")
    write_zip(site, first, "course-1.0", 1_700_000_000, "note", start)
    (site / "index.html").touch()  # a newer mtime must not change the bytes
    write_zip(site, second, "course-1.0", 1_700_000_000, "note", start)
    assert first.read_bytes() == second.read_bytes()
    names = zipfile.ZipFile(first).namelist()
    assert names == sorted(names)
    assert {n.split("/")[0] for n in names} == {"index.html", "course-1.0"}
    assert "course-1.0/index.html" in names and "course-1.0/README.txt" in names
    assert zipfile.ZipFile(first).read("index.html").decode("utf-8") == start


def test_parse_quiz_accepts_the_real_quizzes() -> None:
    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "quizzes").glob("*.yml")):
        quiz, problems = parse_quiz(path.read_text(encoding="utf-8"), path.name)
        assert problems == [] and quiz is not None
