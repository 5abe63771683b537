"""County editions and local rules without a build: the data, the checks' `file:line` messages, the blocks."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
import yaml

from scripts.course.blocks import CourseBlocksExtension, PageContext
from scripts.course.content_rules import load_rules
from scripts.course.course import load_course
from scripts.course.edition import folder_name, zip_name
from scripts.course.labels import label
from scripts.course.local_edition import selected, storage_prefix
from scripts.course.local_html import date_range
from tests.conftest import ENV, ROOT
from tests.quizdata import write_project

VERSION = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
NATIONAL = load_course(ROOT)
EXAMPLE = load_course(ROOT, "example-county")


def test_the_example_edition_is_complete_and_marked_as_an_example() -> None:
    assert [str(p) for p in EXAMPLE.problems] == []
    edition = EXAMPLE.edition
    assert edition is not None and edition.example
    assert edition.committee == {"zh": "示例县政协", "en": "Example County CPPCC"}
    assert [p.stem for p in edition.pages] == ["about", "schedule", "proposals"]
    assert set(edition.rules) == set(NATIONAL.local_rules.labels), "the example shows every named rule"
    for page in edition.pages:
        for lang in ("zh", "en"):
            assert "示例" in edition.texts[page.files[lang]] or "example" in edition.texts[page.files[lang]]


def test_every_named_rule_is_marked_by_a_lecture_in_both_languages() -> None:
    rules = NATIONAL.local_rules
    assert len(rules.labels) >= 7
    for name in rules.labels:
        pages = {m.page for m in rules.markers if m.name == name}
        assert any(p.startswith("lectures/") and p.endswith(".en.md") for p in pages), name
        assert any(p.startswith("lectures/") and not p.endswith(".en.md") for p in pages), name
    procedures = {m.page for m in rules.markers if m.page.startswith("docs/procedures/")}
    assert {"docs/procedures/proposals.md", "docs/procedures/public-opinion-information.md"} <= procedures


def test_the_neutral_line_is_allowed_wording() -> None:
    rules = load_rules(ROOT, [])
    neutral = NATIONAL.local_rules.neutral
    assert neutral["zh"] and neutral["en"]
    for phrase in rules.discouraged:
        assert phrase.lower() not in neutral["zh"].lower() and phrase.lower() not in neutral["en"].lower()


def test_national_progress_keys_and_zip_name_are_unchanged() -> None:
    assert storage_prefix(None) == storage_prefix("national") == "cppcc-course:"
    assert storage_prefix("example-county") == "cppcc-course:example-county:"
    assert zip_name(ROOT) == f"cppcc-course-{VERSION}.zip" and folder_name(ROOT) == f"cppcc-course-{VERSION}"
    assert zip_name(ROOT, "example-county") == f"cppcc-course-example-county-{VERSION}.zip"
    assert selected({}) is None and selected({"EDITION": " "}) is None
    assert selected({"EDITION": "example-county"}) == "example-county"


def test_the_course_title_in_labels_is_the_site_name_of_mkdocs_yml() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    site_names = [line.split(":", 1)[1].strip() for line in text.splitlines() if line.strip().startswith("site_name:")]
    assert site_names == [label("zh", "course"), label("en", "course")]


@pytest.mark.parametrize(("start", "end", "zh", "en"), [
    ("2026-12-08", "2026-12-10", "2026年12月8日至10日", "8–10 December 2026"),
    ("2026-11-30", "2026-12-02", "2026年11月30日至12月2日", "30 November – 2 December 2026"),
    ("2026-12-31", "2027-01-01", "2026年12月31日至2027年1月1日", "31 December 2026 – 1 January 2027"),
    ("2026-12-08", None, "2026年12月8日", "8 December 2026"),
])
def test_training_dates_read_naturally(start: str, end: str | None, zh: str, en: str) -> None:
    import datetime as dt

    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end) if end else None
    assert date_range(first, last, "zh") == zh and date_range(first, last, "en") == en


def render(course: object, source: str, lang: str = "zh", src_uri: str = "lectures/lecture-09.md") -> str:
    context = PageContext(course=course, lang=lang, src_uri=src_uri)  # type: ignore[arg-type]
    return markdown.markdown(source, extensions=[CourseBlocksExtension(context)])


def test_a_marker_shows_the_edition_rule_or_the_neutral_line() -> None:
    marker = "/// local | proposal-deadline\n///\n"
    national = render(NATIONAL, marker)
    assert "闭会期间提交提案的时间：" in national and NATIONAL.local_rules.neutral["zh"] in national
    assert "local-rule--neutral" in national and "示例县" not in national
    county = render(EXAMPLE, marker)
    assert "示例县政协 · 本地规定：闭会期间提交提案的时间" in county and "10 月 31 日" in county
    assert 'href="../local/proposals.md"' in county and "本地提案办法" in county
    english = render(EXAMPLE, marker, "en", "lectures/lecture-09.en.md")
    assert "Example County CPPCC · local rule: When to submit proposals between sessions" in english
    assert "31 October" in english


def test_the_edition_box_is_empty_in_the_national_edition() -> None:
    assert render(NATIONAL, "# 首页\n\n/// edition\n///\n\n正文\n", src_uri="index.md") == "<h1>首页</h1>\n<p>正文</p>"
    county = render(EXAMPLE, "/// edition\n///\n", src_uri="index.md")
    for text in ("示例县政协", "这是示例版本", "2026年12月8日至10日", "示例县政协机关三楼会议室", "tel:0000-0000000",
                 'href="local/schedule.md"'):
        assert text in county, text


# --- bad editions: one clear `file:line: message` each ------------------------------------------------------------

RULES = """\
neutral: {zh: 本级政协的具体安排，可向政协办公室了解。, en: Your committee's office can tell you how this is arranged locally.}
rules:
  proposal-deadline: {zh: 闭会期间提交提案的时间, en: When to submit proposals between sessions}
  sectors: {zh: 界别设置, en: The committee's sectors}
"""
EDITION = """\
committee: {zh: 测试县政协, en: Test County CPPCC}
training:
  from: 2026-12-08
  to: 2026-12-10
  place: {zh: 会议室, en: Meeting room}
contacts:
  - who: {zh: 办公室, en: Office}
    phone: 0000-0000000
pages: [about]
rules:
  proposal-deadline:
    zh: 每年10月31日前提交。
    en: By 31 October each year.
    see: about
"""
FOLDER = "editions/test-county"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def edition_project(root: Path) -> Path:
    """A small valid project whose lecture marks two local rules, with a small valid edition."""
    write_project(root)
    write(root, "docs/_data/local-rules.yml", RULES)
    for name in ("lecture-01.md", "lecture-01.en.md"):
        edit(root / "lectures" / name, "## 2 { #more }", "/// local | proposal-deadline\n///\n\n/// local | sectors\n"
             "///\n\n## 2 { #more }")
    write(root, f"{FOLDER}/edition.yml", EDITION)
    write(root, f"{FOLDER}/pages/about.md", "# 本县政协简介\n\n内容。\n")
    write(root, f"{FOLDER}/pages/about.en.md", "# About the county committee\n\nText.\n")
    return root


def problems_after(tmp_path: Path, change: Callable[[Path], object]) -> list[str]:
    root = edition_project(tmp_path)
    change(root)
    return [str(p) for p in load_course(root, "test-county").problems]


def test_the_small_edition_is_valid(tmp_path: Path) -> None:
    assert problems_after(tmp_path, lambda root: None) == []


EDITION_FILE = f"{FOLDER}/edition.yml"
CASES: dict[str, tuple[Callable[[Path], object], str]] = {
    "unknown field": (
        lambda r: edit(r / EDITION_FILE, "pages:", "colour: red\npages:"),
        f"{EDITION_FILE}:9: unknown field 'colour' (fields: committee, contacts, example, full_name, pages, rules, "
        "term, training)"),
    "misspelt field": (
        lambda r: edit(r / EDITION_FILE, "    phone: 0000-0000000", "    phone: 0000-0000000\n    emial: a@example.org"),
        f"{EDITION_FILE}:9: contacts: entry 1: unknown field 'emial'; did you mean email?"),
    "missing translation of a name": (
        lambda r: edit(r / EDITION_FILE, "committee: {zh: 测试县政协, en: Test County CPPCC}", "committee: {zh: 测试县政协}"),
        f"{EDITION_FILE}:1: committee has no en text"),
    "missing translation of a rule": (
        lambda r: edit(r / EDITION_FILE, "    en: By 31 October each year.\n", ""),
        f"{EDITION_FILE}:12: rules: proposal-deadline has no en text"),
    "missing translation of a page": (
        lambda r: (r / FOLDER / "pages" / "about.en.md").unlink(),
        f"{FOLDER}/pages/about.md:1: no English version: add {FOLDER}/pages/about.en.md"),
    "a date that does not exist": (
        lambda r: edit(r / EDITION_FILE, "from: 2026-12-08", "from: 2026-02-30"),
        f"{EDITION_FILE}:3: 2026-02-30 is not a real date (day is out of range for month)"),
    "a date in words": (
        lambda r: edit(r / EDITION_FILE, "from: 2026-12-08", "from: 12月8日"),
        f"{EDITION_FILE}:3: training: from: '12月8日' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-08"),
    "an end before the start": (
        lambda r: edit(r / EDITION_FILE, "to: 2026-12-10", "to: 2026-12-01"),
        f"{EDITION_FILE}:4: training: ends (2026-12-01) before it begins (2026-12-08)"),
    "a rule no page uses": (
        lambda r: edit(r / EDITION_FILE, "  proposal-deadline:", "  proposal-deadlines:"),
        f"{EDITION_FILE}:11: rules: no page marks a local rule 'proposal-deadlines', so it would be shown nowhere; "
        "did you mean proposal-deadline? (rules pages mark: proposal-deadline, sectors)"),
    "a see link to no page": (
        lambda r: edit(r / EDITION_FILE, "see: about", "see: abuot"),
        f"{EDITION_FILE}:14: rules: proposal-deadline: see: 'abuot' is not one of this edition's pages; "
        "did you mean about?"),
    "a page not listed": (
        lambda r: (write(r, f"{FOLDER}/pages/extra.md", "# 另一页\n"), write(r, f"{FOLDER}/pages/extra.en.md", "# More\n")),
        f"{FOLDER}/pages/extra.md:1: not listed under pages: in {EDITION_FILE} (list it where it belongs in "
        "the menu, or delete the file)"),
    "a contact without phone or email": (
        lambda r: edit(r / EDITION_FILE, "    phone: 0000-0000000\n", ""),
        f"{EDITION_FILE}:7: contacts: entry 1: give a phone or an email"),
    "a page with a script": (
        lambda r: write(r, f"{FOLDER}/pages/about.md", "# 简介\n\n<script>alert(1)</script>\n"),
        f"{FOLDER}/pages/about.md:3: a <script> element is not allowed in content: pages are text; ask a developer "
        "for an interactive feature"),
    "a marker naming no rule": (
        lambda r: edit(r / "lectures" / "lecture-01.md", "/// local | sectors", "/// local | sector"),
        "lectures/lecture-01.md:27: local rule 'sector' is not in docs/_data/local-rules.yml; did you mean sectors?"),
    "markers differing between languages": (
        lambda r: edit(r / "lectures" / "lecture-01.en.md", "/// local | sectors\n///\n", ""),
        "lectures/lecture-01.en.md:1: local rules differ from the Chinese version (lectures/lecture-01.md): "
        "expected /// local | sectors in #basics, found none"),
    "a named rule no page marks": (
        lambda r: edit(r / "docs/_data/local-rules.yml", "  sectors:", "  reply-deadline: {zh: 答复时限, en: "
                       "Time limit for replies}\n  sectors:"),
        "docs/_data/local-rules.yml:4: no page marks this rule (/// local | reply-deadline): mark the place in a "
        "lecture or procedure page, or remove the rule"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_bad_edition_gets_one_located_message(tmp_path: Path, case: str) -> None:
    change, expected = CASES[case]
    assert problems_after(tmp_path, change) == [expected]


def test_an_unknown_edition_is_named_with_the_ones_there_are(tmp_path: Path) -> None:
    root = edition_project(tmp_path)
    assert [str(p) for p in load_course(root, "test-conty").problems] == [
        "editions/test-conty/edition.yml:1: no such edition (EDITION=test-conty); editions: test-county; did you mean "
        "test-county?"]


def test_make_check_reads_the_edition_from_the_environment(tmp_path: Path) -> None:
    root = edition_project(tmp_path)
    edit(root / EDITION_FILE, "to: 2026-12-10", "to: 2026-12-01")
    command = [sys.executable, "-m", "scripts.course.check", str(root)]
    national = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True)
    assert national.returncode == 0, national.stderr
    county = subprocess.run(command, cwd=ROOT, env={**ENV, "EDITION": "test-county"}, capture_output=True, text=True)
    assert county.returncode == 1
    assert f"{EDITION_FILE}:4: training: ends (2026-12-01) before it begins (2026-12-08)" in county.stderr
    assert "Traceback" not in county.stderr


def test_the_example_edition_file_is_plain_yaml_with_comments_for_the_county() -> None:
    text = (ROOT / "editions" / "example-county" / "edition.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["example"] is True and "删去" in text and "make offline EDITION=example-county" in text
    assert os.path.isdir(ROOT / "editions" / "example-county" / "pages")
