"""`make pdf`: the course and the answer key printed by headless Chromium, checked by extracting text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from scripts.course.course import load_course
from tests.conftest import ENV, ROOT, lecture_count


@pytest.fixture(scope="module")
def pdfs(online_root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    dist = tmp_path_factory.mktemp("pdf")
    subprocess.run([sys.executable, "-m", "scripts.course.pdf", "--site", str(online_root), "--dist", str(dist)],
                   cwd=ROOT, env=ENV, check=True, capture_output=True)
    return {path.name: path for path in dist.glob("*.pdf")}


def text_of(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)


def titles(lang: str) -> list[str]:
    course = load_course(ROOT)
    return [course.lectures[stem][lang].title for stem in course.ordered_lectures()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_course_pdf_has_every_lecture_in_order_with_real_text(pdfs: dict[str, Path], lang: str) -> None:
    path = next(p for name, p in pdfs.items() if name.endswith(f"-{lang}.pdf") and "answer-key" not in name)
    reader = PdfReader(path)
    assert len(reader.pages) > lecture_count()
    text = "".join(re.sub(r"\s", "", page.extract_text() or "") for page in reader.pages)
    positions = [text.find(re.sub(r"\s", "", title)) for title in titles(lang)]
    assert -1 not in positions, positions
    assert positions == sorted(positions)
    if lang == "zh":
        assert "为什么要学这一讲" in text and "核对答案" not in text and "查看答案与解析" not in text


def test_answer_key_pdf_has_answers(pdfs: dict[str, Path]) -> None:
    path = next(p for name, p in pdfs.items() if name.endswith("answer-key-zh.pdf"))
    text = re.sub(r"\s", "", text_of(path))
    assert "答案：" in text and re.sub(r"\s", "", titles("zh")[0]) in text
