"""The example county edition, made by `make publish EDITION=example-county` in a copy of the project,
in real Chromium: the unzipped copy from file:// and the online site, next to the national copy, and its
slide deck and handout (`make slides`, which `make publish` runs)."""

from __future__ import annotations

import hashlib
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pptx import Presentation

from scripts.course.course import load_course
from scripts.course.serving import http_server
from tests.browser.helpers import RECORD_VIOLATIONS, switch_language
from tests.browser.test_quiz import choose, correct_positions, question, wrong_position
from tests.conftest import ROOT, Site, Watch, copy_project, lecture_count, make, open_page

VERSION = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
ZIP = f"cppcc-course-example-county-{VERSION}.zip"
LECTURE = "lectures/lecture-09"
NEUTRAL = "闭会期间提交提案的时间：本级政协的具体安排，可向政协办公室了解。"


@pytest.fixture(scope="session")
def edition_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("edition") / "project")
    result = make(project, "publish", "EDITION=example-county", "LECTURES=lecture-09")  # decks of one lecture suffice
    if result.returncode != 0:
        pytest.fail(f"make publish EDITION=example-county failed:\n{result.stderr}")
    return project


@pytest.fixture(scope="session")
def edition_zip(edition_project: Path) -> Path:
    return edition_project / "dist" / ZIP


@pytest.fixture(scope="session")
def edition_offline(edition_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Site:
    target = tmp_path_factory.mktemp("usb") / "示例县 培训 U盘"
    with zipfile.ZipFile(edition_zip) as archive:
        archive.extractall(target)
    (folder,) = [path for path in target.iterdir() if path.is_dir()]  # beside the start page
    return Site("offline", folder, folder.as_uri())


@pytest.fixture(scope="session")
def edition_online(edition_project: Path) -> Iterator[Site]:
    with http_server(edition_project / "site") as base:
        yield Site("online", edition_project / "site", base)


def test_the_zip_is_named_after_the_edition_and_its_note_says_which(edition_zip: Path) -> None:
    assert edition_zip.is_file(), sorted(p.name for p in edition_zip.parent.iterdir())
    names = zipfile.ZipFile(edition_zip).namelist()
    folder = edition_zip.stem
    assert {name.split("/")[0] for name in names} == {folder, "index.html"}  # the start page and one folder
    for page in ("index.html", "local/about.html", "local/schedule.html", "en/local/proposals.html"):
        assert f"{folder}/{page}" in names, page
    note = zipfile.ZipFile(edition_zip).read(f"{folder}/README.txt").decode("utf-8")
    assert note.startswith("示例县政协·政协委员履职培训课程（离线版）")
    assert "Example County CPPCC · CPPCC Members' Training Course (offline edition)" in note
    sums = (edition_zip.parent / "SHA256SUMS").read_text(encoding="utf-8")
    assert f"{hashlib.sha256(edition_zip.read_bytes()).hexdigest()}  {ZIP}\n" in sums


def test_every_page_of_the_edition_opens_from_the_folder_with_no_request_leaving_it(edition_offline: Site,
                                                                                     browser: object) -> None:
    site = edition_offline
    pages = site.pages()
    assert len(pages) >= 2 * (lecture_count() + 5) + 6  # the course and the edition's three pages in two languages
    assert {"local/about", "local/schedule", "local/proposals", "en/local/about"} <= set(pages)
    watch = Watch([], [])
    page = open_page(browser, watch)
    page.add_init_script(RECORD_VIOLATIONS)
    foreign: dict[str, list[str]] = {}
    violations: dict[str, list[str]] = {}
    for path in pages:
        watch.requests.clear()
        page.goto(site.url(path))
        page.wait_for_load_state("load")
        outside = [url for url in watch.requests if not url.startswith(site.base + "/") and
                   not url.startswith(("data:", "blob:"))]
        if outside:
            foreign[path] = outside
        found = page.evaluate("window.__cspViolations")
        if found:
            violations[path] = found
    page.context.close()
    assert foreign == {} and violations == {}
    assert watch.errors == []


@pytest.mark.parametrize("kind", ["offline", "online"])
def test_home_page_header_and_menu_name_the_committee(request: pytest.FixtureRequest, page: Page, kind: str) -> None:
    site: Site = request.getfixturevalue(f"edition_{kind}")
    page.goto(site.url())
    expect(page.locator(".md-header__topic").first).to_contain_text("示例县政协·政协委员履职培训课程")
    box = page.locator(".course-edition-info")
    expect(box.locator(".course-edition-info__name")).to_have_text("示例县政协")
    expect(box).to_contain_text("这是示例版本")
    expect(box).to_contain_text("2026年12月8日至10日")
    expect(box).to_contain_text("示例县政协办公室：0000-0000000，office@example.org")
    expect(page.locator(".course-edition")).to_contain_text("示例县政协 · " + ("离线版" if kind == "offline" else "在线版"))
    page.locator(".md-nav--primary a", has_text="培训日程").first.click()
    expect(page.locator("h1")).to_contain_text("培训日程")
    switch_language(page, "en")
    expect(page.locator("h1")).to_contain_text("Training programme")
    expect(page.locator(".md-header__topic").first).to_contain_text("Example County CPPCC · CPPCC Members' Training Course")
    expect(page.locator(".md-nav--primary")).to_contain_text("Example County CPPCC")
    switch_language(page, "zh")
    expect(page.locator("h1")).to_contain_text("培训日程")


SECTION_OF = """el => { let node = el.previousElementSibling;
  while (node && node.tagName !== 'H2') node = node.previousElementSibling;
  return node ? node.id : null; }"""


def test_the_local_rule_appears_where_marked_and_the_national_copy_shows_the_neutral_line(
        edition_offline: Site, offline_site: Site, page: Page) -> None:
    page.goto(edition_offline.url(LECTURE))
    rule = page.locator('[data-local-rule="proposal-deadline"]')
    expect(rule).to_have_count(1)
    assert rule.evaluate(SECTION_OF) == "process"
    expect(rule.locator(".local-rule__title")).to_have_text("示例县政协 · 本地规定：闭会期间提交提案的时间")
    expect(rule).to_contain_text("每年 10 月 31 日前提交的提案，列入当年交办")
    rule.locator("a", has_text="本地提案办法").click()
    expect(page.locator("h1")).to_contain_text("本地提案办法")
    page.goto(edition_offline.url("en/" + LECTURE))
    expect(page.locator('[data-local-rule="proposal-deadline"] .local-rule__title')).to_have_text(
        "Example County CPPCC · local rule: When to submit proposals between sessions")

    page.goto(offline_site.url(LECTURE))
    neutral = page.locator('[data-local-rule="proposal-deadline"]')
    expect(neutral).to_have_text(NEUTRAL)
    assert neutral.evaluate(SECTION_OF) == "process"
    expect(page.locator("aside.local-rule")).to_have_count(0)
    expect(page.locator(".course-edition-info")).to_have_count(0)
    assert "示例县" not in page.content()


def offline_file(root: Path, page: str) -> Path:
    """The offline copy's file for a source page (lectures/x.en.md -> en/lectures/x.html)."""
    rel = page.removeprefix("docs/")
    lang = "en/" if rel.endswith(".en.md") else ""
    return root / f"{lang}{rel.removesuffix('.md').removesuffix('.en')}.html"


def test_every_marked_place_shows_the_rule_in_the_edition_and_the_neutral_line_nationally(
        edition_offline: Site, offline_site: Site) -> None:
    course = load_course(ROOT, "example-county")
    assert course.edition is not None
    markers = course.local_rules.markers
    assert len(markers) >= 14
    for marker in markers:
        count = sum(m.name == marker.name for m in markers if m.page == marker.page)
        county = offline_file(edition_offline.root, marker.page).read_text(encoding="utf-8")
        national = offline_file(offline_site.root, marker.page).read_text(encoding="utf-8")
        lang = "en" if marker.page.endswith(".en.md") else "zh"
        assert county.count(f'<aside class="local-rule" data-local-rule="{marker.name}">') == count, marker
        first_line = course.edition.rules[marker.name].text[lang].split("\n")[0].lstrip("- ")[:20]
        assert first_line in re.sub(r"<[^>]+>", "", county), marker  # glossary tooltips wrap some terms
        assert national.count(f'class="local-rule local-rule--neutral" data-local-rule="{marker.name}"') == count
        assert course.local_rules.neutral[lang] in national


def test_two_editions_on_one_device_keep_their_progress_apart(edition_offline: Site, offline_site: Site,
                                                             page: Page) -> None:
    page.goto(offline_site.url(LECTURE))
    first = question(page, 0)
    choose(first, correct_positions(first))
    first.locator(".quiz-q__check").click()
    expect(first.locator(".quiz-q__feedback")).to_have_text("回答正确。")

    page.goto(edition_offline.url(LECTURE))
    first = question(page, 0)
    expect(first.locator(".quiz-q__feedback")).to_have_text("")
    choose(first, [wrong_position(first)])
    first.locator(".quiz-q__check").click()
    expect(first.locator(".quiz-q__feedback")).to_contain_text("回答错误")
    quiz_id = page.locator(".quiz").first.get_attribute("data-quiz-id") or ""
    keys = page.evaluate("Object.keys(localStorage)")
    assert f"cppcc-course:quiz:{quiz_id}" in keys, keys  # the national key, as it always was
    assert f"cppcc-course:example-county:quiz:{quiz_id}" in keys, keys

    page.goto(offline_site.url(LECTURE))
    expect(question(page, 0).locator(".quiz-q__feedback")).to_have_text("回答正确。")
    page.goto(edition_offline.url(LECTURE))
    expect(question(page, 0).locator(".quiz-q__feedback")).to_contain_text("回答错误")


def test_printed_pages_carry_the_edition_name(edition_offline: Site, offline_site: Site, page: Page) -> None:
    page.emulate_media(media="print")
    page.goto(edition_offline.url(LECTURE))
    expect(page.locator(".course-print-title")).to_be_visible()
    expect(page.locator(".course-print-title")).to_have_text("示例县政协·政协委员履职培训课程")
    page.emulate_media(media="screen")
    expect(page.locator(".course-print-title")).to_be_hidden()
    page.goto(offline_site.url(LECTURE))
    expect(page.locator(".course-print-title")).to_have_count(0)


def test_the_online_edition_links_to_its_own_zip(edition_online: Site, page: Page) -> None:
    page.goto(edition_online.url(LECTURE))
    for name, file in (("下载离线版", ZIP), ("下载课件和讲义（PPT、A4）", ZIP.removesuffix(".zip") + "-slides.zip")):
        link = page.locator(".course-edition").get_by_role("link", name=name)
        href = link.get_attribute("href") or ""
        assert re.search(rf"download/{re.escape(file)}$", href), href
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.status == 200 and response.body()[:2] == b"PK"
    prefix = page.locator('meta[name="course-storage-prefix"]').get_attribute("content")
    assert prefix == "cppcc-course:example-county:"


def test_the_edition_deck_and_handout_carry_the_committee_and_ship_beside_the_zip(edition_project: Path) -> None:
    dist = edition_project / "dist"
    zh = Presentation(str(dist / "slides/zh/lecture-09.pptx")).slides[0]
    en = Presentation(str(dist / "slides/en/lecture-09.pptx")).slides[0]
    assert "示例县政协" in "".join(s.text_frame.text for s in zh.shapes if s.has_text_frame)
    assert "Example County CPPCC" in "".join(s.text_frame.text for s in en.shapes if s.has_text_frame)
    text = subprocess.run(["pdftotext", str(dist / "handouts/zh/lecture-09.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "示例县政协" in text
    decks = ZIP.replace(".zip", "-slides.zip")
    assert (edition_project / "site" / "download" / decks).read_bytes() == (dist / decks).read_bytes()
