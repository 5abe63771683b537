"""Reference section: glossary, procedures, timeline and FAQ data and how they appear in the built pages."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from html import unescape as html_unescape
from pathlib import Path

import markdown
import pytest

from scripts.course.blocks import PageContext
from scripts.course.course import load_course
from scripts.course.glossary_tooltips import GlossaryTooltipExtension
from scripts.course.reference import Term, load_reference
from scripts.course.reference_html import CHARS, NO_LINE_START, WIDTH, render_procedure

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = load_reference(ROOT)


def test_reference_data_has_no_problems() -> None:
    assert [str(p) for p in REFERENCE.problems] == []


def test_glossary_has_at_least_sixty_complete_terms() -> None:
    assert len(REFERENCE.terms) >= 60
    for term in REFERENCE.terms:
        assert term.definition["zh"] and term.definition["en"] and term.en and term.source, term.term
    forms = [form for term in REFERENCE.terms for form in term.forms("zh")]
    assert len(forms) == len(set(forms))


def test_glossary_covers_the_terms_members_ask_about() -> None:
    forms = {form for term in REFERENCE.terms for form in term.forms("zh")}
    for needed in ("专门协商机构", "协商式监督", "界别", "两个薄弱", "直通车", "四项保障机制", "知情明政", "N个一"):
        assert needed in forms


def test_timeline_is_sorted_and_sourced() -> None:
    dates = [event.date for event in REFERENCE.timeline]
    assert len(dates) >= 15 and dates == sorted(dates)
    assert all(event.source for event in REFERENCE.timeline)


def test_five_procedures_each_with_steps() -> None:
    assert sorted(REFERENCE.procedures) == ["consultative-supervision", "cppcc-consultation-forms", "party-consultation",
                                            "proposals", "public-opinion-information"]
    assert all(len(p.steps) >= 4 for p in REFERENCE.procedures.values())


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


TERM = """\
- term: 界别
  pinyin: jie bie
  en: sector
  definition: {zh: 政协按界别组成。, en: The CPPCC is organised by sectors.}
  source: 《中国人民政治协商会议章程》
"""


@pytest.mark.parametrize(("data", "expected"), [
    (TERM.replace("  en: sector\n", ""), "docs/_data/glossary.yml:1: term 界别: en is missing"),
    (TERM.replace("jie bie", "Jie2 bie"), "docs/_data/glossary.yml:2: term 界别: pinyin is lower-case syllables "
                                          "separated by single spaces, no tones"),
    (TERM + TERM.replace("sector", "circle"), "docs/_data/glossary.yml:6: term 界别: '界别' is already used by the "
                                              "entry at line 1"),
    (TERM + "  see: lectures/lecture-99.md\n",
     "docs/_data/glossary.yml:6: term 界别: see: lectures/lecture-99.md does not exist"),
    (TERM.replace("en: The CPPCC is organised by sectors.", "en: ''"),
     "docs/_data/glossary.yml:4: term 界别: definition has no en text"),
])
def test_bad_glossary_data_is_located(tmp_path: Path, data: str, expected: str) -> None:
    write(tmp_path, "docs/_data/glossary.yml", data)
    assert expected in [str(p) for p in load_reference(tmp_path).problems]


def test_bad_procedure_and_timeline_data_is_located(tmp_path: Path) -> None:
    write(tmp_path, "docs/_data/procedures/steps.yml", "procedure: other\nsteps:\n  - actor: {zh: 委员}\n    action: x\n")
    write(tmp_path, "docs/procedures/steps.md", "/// procedure | steps\n///\n/// procedure | missing\n///\n")
    write(tmp_path, "docs/_data/timeline.yml", "- date: 2020-01-01\n  title: {zh: 乙, en: B}\n  purpose: {zh: 乙, en: B}\n"
                    "  source: x\n- date: 2019\n  title: {zh: 甲, en: A}\n  purpose: {zh: 甲, en: A}\n  source: x\n"
                    "- date: soon\n  title: {zh: 丙, en: C}\n  purpose: {zh: 丙, en: C}\n")
    problems = [str(p) for p in load_reference(tmp_path).problems]
    assert "docs/_data/procedures/steps.yml:1: procedure: must be steps (the file name)" in problems
    assert "docs/_data/procedures/steps.yml:2: steps: a procedure has at least two steps" in problems
    assert "docs/procedures/steps.md:3: procedure missing not found in docs/_data/procedures/" in problems
    assert "docs/_data/timeline.yml:5: 2019 comes after 2020-01-01: keep entries in date order" in problems
    assert "docs/_data/timeline.yml:9: date is YYYY-MM-DD, YYYY-MM or YYYY" in problems
    assert "docs/_data/timeline.yml:9: entry 3: source is missing" in problems


def tooltips(source: str, lang: str = "zh") -> str:
    course = load_course(ROOT)
    course.reference.terms = [
        Term("政协", "zheng xie", "CPPCC", {"zh": "中国人民政治协商会议的简称。", "en": "Short for the CPPCC."}, "章程"),
        Term("政协委员", "zheng xie wei yuan", "CPPCC member", {"zh": "政协的成员。", "en": "A member."}, "章程"),
    ]
    context = PageContext(course=course, lang=lang, src_uri="guide.md")
    return markdown.markdown(source, extensions=["attr_list", GlossaryTooltipExtension(context)])


def test_tooltips_match_the_longest_term_once_per_page_and_skip_headings_and_links() -> None:
    html = tooltips("## 政协委员\n\n[政协](x.md)里有政协委员，政协委员来自界别；政协开会。\n")
    assert "<h2>政协委员</h2>" in html
    assert '<a href="x.md">政协</a>' in html
    assert len(re.findall(r'<a class="gloss"[^>]*data-term="term-zheng-xie-wei-yuan"', html)) == 1
    assert len(re.findall(r'<a class="gloss"[^>]*data-term="term-zheng-xie"[^-]', html)) == 1
    assert re.search(r'<a class="gloss"[^>]*title="政协的成员。"[^>]*>政协委员</a>', html)


def test_a_tooltip_term_links_to_its_glossary_entry_and_names_the_term() -> None:
    html = tooltips("会上，政协委员发言。\n")
    term = re.search(r'<a class="gloss"([^>]*)>政协委员</a>', html)
    assert term, html
    assert 'href="reference/glossary.md#term-zheng-xie-wei-yuan"' in term.group(1)
    assert 'data-name="政协委员"' in term.group(1)
    english = tooltips("A CPPCC member spoke.\n", lang="en")
    assert re.search(r'<a class="gloss"[^>]*data-name="CPPCC member"[^>]*>CPPCC member</a>', english)


def test_english_tooltips_respect_word_boundaries() -> None:
    html = tooltips("The CPPCCs and a CPPCC member met.\n", lang="en")
    assert re.search(r">CPPCC member</a>", html) and "CPPCCs" in html and ">CPPCCs<" not in html


def test_built_pages_carry_tooltips_procedures_timeline_and_faq(online_root: Path) -> None:
    lecture = (online_root / "lectures" / "lecture-06" / "index.html").read_text(encoding="utf-8")
    assert 'class="gloss"' in lecture
    body = lecture[lecture.index('<article'):]
    assert not re.search(r'<h[1-6][^>]*>[^<]*<a class="gloss"', body)
    # each tooltip links to an entry that exists on the glossary page of the same language
    for lang_dir in ("", "en/"):
        glossary = (online_root / lang_dir / "reference" / "glossary" / "index.html").read_text(encoding="utf-8")
        page = (online_root / lang_dir / "lectures" / "lecture-06" / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a class="gloss"[^>]*href="\.\./\.\./reference/glossary/#(term-[a-z-]+)"', page)
        assert links and all(f'id="{anchor}"' in glossary for anchor in links)
    for name, procedure in REFERENCE.procedures.items():
        for lang_dir in ("", "en/"):
            page = (online_root / lang_dir / "procedures" / name / "index.html").read_text(encoding="utf-8")
            steps = re.search(r'<ol class="procedure__steps">(.*?)</ol>', page, re.S)
            assert steps and steps.group(1).count("<li>") == len(procedure.steps)
            assert page.count('<rect ') == len(procedure.steps) and 'role="img"' in page
    glossary = (online_root / "reference" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert glossary.count('class="glossary__head"') == len(REFERENCE.terms)
    timeline = (online_root / "en" / "reference" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert timeline.count("<time ") == len(REFERENCE.timeline)
    for lang_dir in ("", "en/"):
        faq = (online_root / lang_dir / "reference" / "faq" / "index.html").read_text(encoding="utf-8")
        assert len(re.findall(r'<h3 id="q-', faq)) >= 25


def test_flow_diagrams_are_drawn_narrow_so_their_text_is_not_scaled_down() -> None:
    assert WIDTH <= 320  # at most the width of a 360 px phone's text column: 15-unit text stays 15 px there
    for procedure in REFERENCE.procedures.values():
        for lang in ("zh", "en"):
            html = etree.tostring(render_procedure(etree.Element("div"), procedure, lang), encoding="unicode")
            assert f'viewBox="0 0 {WIDTH} ' in html
            lines = [html_unescape(t) for t in re.findall(r"<text [^>]*>([^<]*)</text>", html)]
            assert lines and max(len(line.rstrip(NO_LINE_START)) for line in lines) <= CHARS[lang], (procedure.name, lang)
            assert not any(line[0] in NO_LINE_START for line in lines if line)


def test_the_course_map_lists_every_lecture_with_its_pages_and_quiz(online_root: Path) -> None:
    text = (online_root / "assets" / "course" / "course-map.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("=") + 1:].rstrip().rstrip(";"))
    course = load_course(ROOT)
    assert [lecture["id"] for lecture in data["lectures"]] == course.ordered_lectures()
    for lecture in data["lectures"]:
        quiz = course.quiz_for(lecture["id"])
        assert lecture["qids"] == ([q.id for q in quiz.questions] if quiz else [])
        assert set(lecture["url"]) == {"zh", "en"} and set(lecture["title"]) == {"zh", "en"}
        for url in lecture["url"].values():
            assert (online_root / url / "index.html").is_file(), url
