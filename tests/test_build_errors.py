"""Bad input stops the real build with file:line messages and leaves the previous site untouched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    for name in ("docs", "lectures", "quizzes", "overrides", "scripts"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "VERSION"):
        shutil.copy(ROOT / name, copy / name)
    return copy


def build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)


def test_a_bad_quiz_stops_the_build_and_keeps_the_old_site(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    quiz = project / "quizzes" / "lecture-03.yml"
    lines = quiz.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.strip().startswith("answer:"))
    lines[number - 1] = lines[number - 1].split("answer:")[0] + "answer: 9"
    quiz.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(project, site)
    assert result.returncode != 0
    assert f"quizzes/lecture-03.yml:{number}: question " in result.stderr
    assert "answer 9 is not among the options" in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"


def test_a_missing_translation_stops_the_build(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "guide.en.md").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/guide.md:1: no English version" in result.stderr


def test_a_broken_link_stops_the_build_naming_file_and_target(project: Path, tmp_path: Path) -> None:
    page = project / "docs" / "guide.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[坏链接](no-such-page.md)\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "'guide.md' contains a link 'no-such-page.md'" in result.stderr


def test_a_broken_anchor_stops_the_build(project: Path, tmp_path: Path) -> None:
    page = project / "docs" / "guide.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](outline.md#no-such-anchor)\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "'#no-such-anchor'" in result.stderr and "guide.en.md" in result.stderr
