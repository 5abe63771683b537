"""`make slides`: an editable deck and a one-page handout per lecture and language, read back as a trainer and a
member get them. The decks are made once per session (the real command, real Chromium); each is opened with
python-pptx, one is converted by LibreOffice, every handout PDF is counted, and a second run gives the same bytes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect
from pptx import Presentation
from pypdf import PdfReader

from scripts.course.lectures import lecture_paths, split_front_matter
from scripts.course.slide_deck import HEIGHT, WIDTH
from scripts.course.slide_fit import present
from tests.conftest import ENV, Site, Watch, open_page

ROOT = Path(__file__).resolve().parents[2]
STEMS = sorted(lecture_paths(ROOT))
VERSION = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
EA = "{http://schemas.openxmlformats.org/drawingml/2006/main}ea"
RUN = "{http://schemas.openxmlformats.org/drawingml/2006/main}r"
PLAN = {"zh": "45 分钟教学安排", "en": "45-minute plan"}
ANSWER = {"zh": "答案与解析", "en": "Answer and explanation"}
HANDOUT = {"zh": "本讲要点（A4）", "en": "Key points (A4)"}


def run_slides(dist: Path, work: Path, *only: str, edition: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**ENV, **({"EDITION": edition} if edition else {})}
    args = ["--only", *only] if only else []
    return subprocess.run([sys.executable, "-m", "scripts.course.slides", "--dist", str(dist), "--work", str(work),
                           *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)


@pytest.fixture(scope="session")
def slides_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("slides-dist")
    result = run_slides(dist, tmp_path_factory.mktemp("slides-work") / "site")
    if result.returncode != 0:
        pytest.fail(f"make slides failed:\n{result.stdout}\n{result.stderr}")
    return dist


def meta(stem: str, lang: str) -> dict:
    path = lecture_paths(ROOT)[stem][lang]
    return yaml.safe_load(split_front_matter(path.read_text(encoding="utf-8"))[0])


def questions(stem: str) -> list[dict]:
    return yaml.safe_load((ROOT / "quizzes" / f"{stem}.yml").read_text(encoding="utf-8"))["questions"]


def texts(slide: object) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)  # type: ignore[attr-defined]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def presentation_counts(online_site: Site, browser: object, watch: Watch) -> dict[tuple[str, str], int]:
    """How many slides presentation mode shows for each lecture at 1920x1080 (counted in the browser, not the decks)."""
    page = open_page(browser, watch, viewport={"width": WIDTH, "height": HEIGHT})
    counts = {}
    for lang in ("zh", "en"):
        for stem in STEMS:
            page.goto(online_site.url(("en/" if lang == "en" else "") + f"lectures/{stem}"))
            present(page, WIDTH, HEIGHT)
            counts[(stem, lang)] = page.evaluate("window.CourseSlides.count()")
    page.context.close()
    return counts


def test_every_deck_is_the_presentation_with_notes_quiz_answers_and_chinese_fonts(
        slides_dist: Path, online_site: Site, browser: object, watch: Watch) -> None:
    counts = presentation_counts(online_site, browser, watch)
    for lang in ("zh", "en"):
        for stem in STEMS:
            where = f"{stem} ({lang})"
            deck = Presentation(str(slides_dist / "slides" / lang / f"{stem}.pptx"))
            asked = questions(stem)
            # one slide per presentation slide, plus each question's answer on the slide after it
            assert len(deck.slides) == counts[(stem, lang)] + len(asked), where
            assert round(deck.slide_width / deck.slide_height, 2) == round(16 / 9, 2), where
            slides = list(deck.slides)
            title = meta(stem, lang)["title"]
            first = squash(texts(slides[0]))
            assert squash(title.split("\u3000")[-1].split(" · ")[-1]) in first, where
            assert PLAN[lang] in slides[0].notes_slide.notes_text_frame.text, where  # the lecture plan, in the notes pane
            everything = [texts(s) for s in slides]
            for number, question in enumerate(asked):
                stem_text = squash(question["stem"][lang])
                at = next(i for i, text in enumerate(everything) if stem_text in squash(text))
                assert ANSWER[lang] in everything[at + 1], f"{where}: question {number + 1} has no answer after it"
                assert squash(question["explanation"][lang]) in squash(everything[at + 1]), where
            assert sum(bool(s.has_notes_slide and s.notes_slide.notes_text_frame.text.strip()) for s in slides) >= 2
            for slide in slides:
                runs = list(slide._element.iter(RUN))
                assert runs and all(r.find(".//" + EA) is not None and r.find(".//" + EA).get("typeface") ==
                                    "Microsoft YaHei" for r in runs), f"{where}: a run without its East Asian font"
    zh = squash("".join(texts(s) for s in Presentation(str(slides_dist / "slides/zh/lecture-04.pptx")).slides))
    assert "全体会议与常委会" in zh and "政协章程" in zh  # Chinese text intact, not escaped or boxed
    assert watch.errors == []


def test_a_deck_opens_in_libreoffice_with_its_chinese_title(slides_dist: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: run `make system` (installs libreoffice-impress-nogui)"
    deck = tmp_path / "第四讲.pptx"  # a Chinese file name, as a trainer may save it
    shutil.copy(slides_dist / "slides/zh/lecture-04.pptx", deck)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck)], check=True, capture_output=True,
                   timeout=300)
    pdf = tmp_path / "第四讲.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "全体会议与常委会：委员怎样参加会议履职" in squash(text)
    pages = len(PdfReader(str(pdf)).pages)
    assert pages == len(Presentation(str(deck)).slides)


def test_every_handout_is_one_a4_page_with_points_terms_and_stamp(slides_dist: Path) -> None:
    glossary = {t["term"]: t for t in yaml.safe_load((ROOT / "docs/_data/glossary.yml").read_text(encoding="utf-8"))}
    for lang in ("zh", "en"):
        for stem in STEMS:
            pdf = slides_dist / "handouts" / lang / f"{stem}.pdf"
            reader = PdfReader(str(pdf))
            assert len(reader.pages) == 1, f"{stem} ({lang}): {len(reader.pages)} pages"
            box = reader.pages[0].mediabox
            assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
            text = squash(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
            for name in meta(stem, lang)["key_terms"]:
                term = glossary[name]
                assert squash(term["term"] if lang == "zh" else term["en"]) in text, f"{stem} ({lang}): {name}"
            assert ("在线版" + VERSION if lang == "zh" else "Onlineedition" + VERSION) in text
    text = subprocess.run(["pdftotext", str(slides_dist / "handouts/zh/lecture-04.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "要点回顾" in text and "三个关键术语" in text and "首次全体会议清单" in text  # lecture 4's checklist


def test_the_decks_zip_holds_every_deck_and_handout_and_its_checksum(slides_dist: Path) -> None:
    archive = slides_dist / f"cppcc-course-{VERSION}-slides.zip"
    names = zipfile.ZipFile(archive).namelist()
    folder = archive.stem
    for lang in ("zh", "en"):
        for stem in STEMS:
            assert f"{folder}/slides/{lang}/{stem}.pptx" in names and f"{folder}/handouts/{lang}/{stem}.pdf" in names
    assert f"{folder}/README.txt" in names
    assert archive.name in (slides_dist / "SHA256SUMS").read_text(encoding="utf-8")


def test_the_same_commit_gives_byte_identical_decks_and_handouts(slides_dist: Path, tmp_path: Path) -> None:
    result = run_slides(tmp_path / "dist", tmp_path / "work", "lecture-04")
    assert result.returncode == 0, result.stderr
    for name in ("slides/zh/lecture-04.pptx", "slides/en/lecture-04.pptx", "handouts/zh/lecture-04.pdf",
                 "handouts/en/lecture-04.pdf"):
        assert (tmp_path / "dist" / name).read_bytes() == (slides_dist / name).read_bytes(), name


def test_publish_ships_the_decks_zip_beside_the_offline_zip(slides_dist: Path, offline_zip: Path,
                                                          tmp_path: Path) -> None:
    decks = slides_dist / f"cppcc-course-{VERSION}-slides.zip"
    result = subprocess.run([sys.executable, "-m", "scripts.course.sitebuild", "--into", str(tmp_path / "site"),
                             "--download", str(offline_zip), "--ship", str(decks)], cwd=ROOT, env=ENV,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    shipped = tmp_path / "site" / "download"
    assert (shipped / decks.name).read_bytes() == decks.read_bytes()
    assert (shipped / offline_zip.name).is_file()
    assert decks.stat().st_size > offline_zip.stat().st_size / 10  # the decks are their own zip, not in the offline one
    assert not any(name.endswith(".pptx") for name in zipfile.ZipFile(offline_zip).namelist())
    footer = (tmp_path / "site" / "en" / "lectures" / "lecture-04" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="([^"]+)" download>Download slide decks and handouts', footer)
    assert link and (tmp_path / "site" / "en" / "lectures" / "lecture-04" / link.group(1)).resolve() == \
        (shipped / decks.name).resolve()  # every page of the published site links to the decks zip


def test_an_unknown_lecture_is_refused_with_a_message(tmp_path: Path) -> None:
    result = run_slides(tmp_path / "dist", tmp_path / "work", "lecture-99")
    assert result.returncode == 2 and "no such lecture: lecture-99" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_lecture_page_links_its_handout_which_opens_from_the_offline_copy(offline_site: Site, page: Page,
                                                                               lang: str) -> None:
    page.goto(offline_site.url(("en/" if lang == "en" else "") + "lectures/lecture-04"))
    link = page.get_by_role("link", name=HANDOUT[lang])
    expect(link).to_be_visible()
    link.click()
    title = meta("lecture-04", lang)["title"]
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".handout__qr")).to_have_count(0)  # this copy was built without SITE_URL
    expect(page.locator(".handout__stamp")).to_contain_text(("离线版 " if lang == "zh" else "Offline edition ") + VERSION)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
