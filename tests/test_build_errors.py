"""Bad input stops the real make targets with clear messages, and the previous site stays as it was.

Every test runs the Makefile target itself in a copy of the project (sharing this checkout's .venv),
so what is proven is what a contributor gets from `make check`, `make build` and `make offline`.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ENV, ROOT

COPIED = ("docs", "lectures", "quizzes", "overrides", "scripts", "tests", "deploy")
COPIED_FILES = ("mkdocs.yml", "VERSION", "Makefile", "pyproject.toml", "requirements.txt")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    for name in COPIED:
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    for name in COPIED_FILES:
        shutil.copy(ROOT / name, copy / name)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    return copy


def make(project: Path, target: str) -> subprocess.CompletedProcess[str]:
    """`make TARGET` in the copy; `-o` keeps make from reinstalling the shared virtual environment."""
    env = {k: v for k, v in ENV.items() if not k.startswith("MAKE")}
    return subprocess.run(["make", "-s", "-o", ".venv/.installed", target], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


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


def test_a_missing_translation_stops_the_check(project: Path) -> None:
    (project / "docs" / "guide.en.md").unlink()
    result = make(project, "check")
    assert result.returncode != 0
    assert "docs/guide.md:1: no English version" in result.stderr
