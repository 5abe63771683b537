"""The handout's three key terms come from each lecture's front matter and are checked against the glossary
(`file:line: what is wrong`); the handout page is built from the lecture page with its link at the right depth."""

from __future__ import annotations

from pathlib import Path

from scripts.course.course import load_course
from scripts.course.handout import HandoutParts, handout_html, handout_link, qr_svg, read_lecture_page
from tests.quizdata import write_project

GLOSSARY = """\
- term: 参政党
  pinyin: can zheng dang
  en: participating party
  definition: {zh: 参加政权的政党。, en: A party that takes part in state power.}
  source: 《中国人民政治协商会议章程》
- term: 提案
  pinyin: ti an
  en: proposal
  definition: {zh: 书面意见和建议。, en: Written opinions and suggestions.}
  source: 《政协全国委员会提案工作条例》
- term: 立案
  pinyin: li an
  en: registration
  definition: {zh: 提案经审查后作为提案办理。, en: A proposal taken up after review.}
  source: 《政协全国委员会提案工作条例》
"""


def problems_with(tmp_path: Path, zh_terms: str, en_terms: str, stage: str = "draft") -> list[str]:
    write_project(tmp_path, stage=stage)
    (tmp_path / "docs" / "_data").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "_data" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    for name, terms in (("lecture-01.md", zh_terms), ("lecture-01.en.md", en_terms)):
        path = tmp_path / "lectures" / name
        text = path.read_text(encoding="utf-8")
        if terms:
            text = text.replace("last_reviewed: 2026-11-22\n", f"last_reviewed: 2026-11-22\nkey_terms: {terms}\n", 1)
        path.write_text(text, encoding="utf-8")
    return [str(p) for p in load_course(tmp_path).problems if "key_terms" in str(p)]


def test_three_glossary_terms_pass(tmp_path: Path) -> None:
    assert problems_with(tmp_path, "[参政党, 提案, 立案]", "[参政党, 提案, 立案]") == []


def test_a_term_missing_from_the_glossary_is_named_with_file_and_line(tmp_path: Path) -> None:
    assert problems_with(tmp_path, "[参政党, 提案, 议案]", "[参政党, 提案, 议案]") == [
        "lectures/lecture-01.en.md:8: front matter: key_terms: '议案' is not a term of the glossary "
        "(docs/_data/glossary.yml)",
        "lectures/lecture-01.md:8: front matter: key_terms: '议案' is not a term of the glossary "
        "(docs/_data/glossary.yml)"]


def test_two_terms_or_a_different_english_list_are_refused(tmp_path: Path) -> None:
    assert problems_with(tmp_path, "[参政党, 提案]", "[参政党, 立案, 提案]") == [
        "lectures/lecture-01.en.md:8: front matter: key_terms differs from the Chinese version",
        "lectures/lecture-01.md:8: front matter: key_terms is a list of 3 glossary terms"]


def test_a_final_lecture_needs_its_key_terms(tmp_path: Path) -> None:
    found = problems_with(tmp_path, "", "", stage="final")
    assert "lectures/lecture-01.md:2: front matter: missing key_terms (the handout's three terms, e.g. " \
           "key_terms: [提案, 立案, 承办单位])" in found


def test_the_handout_link_climbs_to_the_language_root_online_and_offline() -> None:
    assert handout_link("lectures/lecture-04/", "lecture-04", "zh") == "../../handouts/lecture-04/"
    assert handout_link("en/lectures/lecture-04/", "lecture-04", "en") == "../../handouts/lecture-04/"
    assert handout_link("lectures/lecture-04.html", "lecture-04", "zh") == "../handouts/lecture-04.html"
    assert handout_link("en/lectures/lecture-04.html", "lecture-04", "en") == "../handouts/lecture-04.html"


def test_the_handout_takes_key_points_and_the_checklist_without_trainer_notes() -> None:
    page = """<html><body><article class="md-content__inner md-typeset"><h1>第四讲　题目</h1>
    <h2 id="tools">五、清单与模板<a class="headerlink" href="#tools">¶</a></h2>
    <h3 id="list">首次全体会议清单</h3><p><strong>会前</strong></p><ul><li>读报告</li></ul><p>说明文字。</p>
    <h3 id="x">其他</h3><ul><li>不要</li></ul>
    <h2 id="key-points">要点回顾</h2><ul><li>要点一 <a class="gloss" href="../g/#a">提案</a></li></ul>
    <div class="trainer-notes"><p>备注</p></div><h2 id="sources">资料来源</h2><ul><li>来源</li></ul>
    </article></body></html>"""
    parts = read_lecture_page(page, "zh")
    assert parts.title == "第四讲\u3000题目"
    assert "要点一" in parts.key_points and "提案" in parts.key_points and "href" not in parts.key_points
    assert "备注" not in parts.key_points and "来源" not in parts.key_points
    assert parts.tool_title == "首次全体会议清单"
    assert "读报告" in parts.tool and "会前" in parts.tool and "说明文字" not in parts.tool and "不要" not in parts.tool
    assert qr_svg("https://example.org/lectures/lecture-04/").startswith("<svg")


EDITION = {"titles": {"zh": "政协委员履职培训课程", "en": "CPPCC Members' Training Course"}, "offline": True,
           "version": "0.2.0", "date": "2026-11-29"}
PARTS = HandoutParts("第四讲　题目", "<ul><li>要点</li></ul>", "", "")


def test_the_qr_code_leads_to_the_lecture_online_when_the_site_has_an_address() -> None:
    page = handout_html(PARTS, [], "en", EDITION, "https://course.example.org/", "lecture-04", "h.css", None)
    assert "<svg" in page and "https://course.example.org/en/lectures/lecture-04/" in page
    assert "Offline edition 0.2.0" in page


def test_without_an_address_the_handout_has_no_code_that_leads_nowhere() -> None:
    page = handout_html(PARTS, [], "zh", EDITION, None, "lecture-04", "h.css", None)
    assert "<svg" not in page and "扫码" not in page and "离线版 0.2.0" in page
