"""Bad input stops the real make targets with clear messages, and the previous site stays as it was.

Every test runs the Makefile target itself in a copy of the project (sharing this checkout's .venv),
so what is proven is what a contributor gets from `make check`, `make build` and `make offline`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_project, make


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def append(page: Path, text: str) -> None:
    page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize("target", ["check", "build", "offline"])
def test_a_broken_link_fails_every_strict_target(project: Path, target: str) -> None:
    append(project / "docs" / "guide.md", "\n[坏链接](no-such-page.md)\n")
    result = make(project, target)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "contains a link 'no-such-page.md'" in result.stderr
    assert not list(project.glob("dist/*.zip")), "a failed offline build must not leave a zip"


def test_a_broken_anchor_fails_make_check(project: Path) -> None:
    append(project / "docs" / "guide.en.md", "\n[x](outline.md#no-such-anchor)\n")
    result = make(project, "check")
    assert result.returncode != 0
    assert "'#no-such-anchor'" in result.stderr and "guide.en.md" in result.stderr


def test_a_page_left_out_of_the_navigation_fails_make_check(project: Path) -> None:
    for name, text in (("stray.md", "# 游离页\n"), ("stray.en.md", "# Stray page\n")):
        (project / "docs" / name).write_text(text, encoding="utf-8")
    result = make(project, "check")
    assert result.returncode != 0
    assert "stray.md" in result.stderr and "not included in the \"nav\"" in result.stderr


def test_a_failed_make_build_keeps_the_previous_site(project: Path) -> None:
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    quiz = project / "quizzes" / "lecture-03.yml"
    lines = quiz.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.strip().startswith("answer:"))
    lines[number - 1] = lines[number - 1].split("answer:")[0] + "answer: 9"
    quiz.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = make(project, "build")
    assert result.returncode != 0
    assert f"quizzes/lecture-03.yml:{number}: question " in result.stderr
    assert "answer 9 is not among the options" in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_make_build_replaces_the_site_whole_with_compressed_copies(project: Path) -> None:
    site = project / "site"
    site.mkdir()
    (site / "stale.html").write_text("from an older build", encoding="utf-8")
    result = make(project, "build")
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists()
    assert (site / "index.html").is_file() and (site / "index.html.gz").is_file()
    assert (project / "build" / "nginx.conf").is_file()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_make_build_with_site_url_gives_absolute_links_and_a_sitemap_and_a_bad_one_stops_it(project: Path) -> None:
    result = make(project, "build", "SITE_URL=course.example.org")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "SITE_URL must be the site's public address, starting with https://" in result.stderr
    assert not (project / "site").exists()
    result = make(project, "build", "SITE_URL=https://course.example.org/")
    assert result.returncode == 0, result.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://course.example.org/">' in home
    assert '<link rel="alternate" href="https://course.example.org/en/" hreflang="en">' in home
    assert "<loc>https://course.example.org/en/lectures/lecture-04/</loc>" in (
        project / "site" / "sitemap.xml").read_text(encoding="utf-8")


def test_a_missing_translation_stops_the_check(project: Path) -> None:
    (project / "docs" / "guide.en.md").unlink()
    result = make(project, "check")
    assert result.returncode != 0
    assert "docs/guide.md:1: no English version" in result.stderr


def test_a_bad_date_in_an_edition_stops_make_check_with_its_line(project: Path) -> None:
    edition = project / "editions" / "example-county" / "edition.yml"
    lines = edition.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.strip().startswith("to:"))
    lines[number - 1] = lines[number - 1].replace("2026-12-10", "2026-12-32")
    edition.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert make(project, "check").returncode == 0, "the national check does not read an edition"
    result = make(project, "check", "EDITION=example-county")
    assert result.returncode != 0
    assert f"editions/example-county/edition.yml:{number}: 2026-12-32 is not a real date" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("target", ["build", "offline"])
def test_an_unknown_edition_stops_build_and_offline(project: Path, target: str) -> None:
    result = make(project, target, "EDITION=exmaple-county")
    assert result.returncode != 0
    assert "editions/exmaple-county/edition.yml: no such edition (EDITION=exmaple-county); editions: " \
           "example-county; did you mean example-county?" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(project.glob("dist/*.zip")) and not (project / "site").exists()
