"""Lecture files: read their front matter and skeleton (anchors, blocks, length) without rendering them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import Problem
from .yamlfile import LineMap, load_yaml

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
LECTURE_NAME = re.compile(r"^lecture-(\d{2})(?:\.(en))?\.md$")
HEADING = re.compile(r"^(#{2,3})\s+(.*?)\s*(?:\{\s*:?\s*#([A-Za-z0-9_-]+)[^}]*\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+\S")
HAN = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
BLOCK_START = re.compile(r"^///\s*([a-z-]+)\s*(?:\|\s*(.*?))?\s*$")
BLOCK_END = re.compile(r"^///\s*$")


@dataclass
class Heading:
    level: int
    title: str
    anchor: str | None
    line: int
    list_items: int = 0


@dataclass
class Lecture:
    """What the checks and the site need to know about one language version of a lecture."""

    path: str
    lang: str
    meta: LineMap
    meta_problems: list[Problem]
    headings: list[Heading] = field(default_factory=list)
    blocks: list[tuple[str, str, int]] = field(default_factory=list)  # (name, argument, line)
    han_chars: int = 0
    words: int = 0
    trainer_markdown: str = ""
    section_markdown: dict[str, str] = field(default_factory=dict)  # h2 anchor -> its Markdown body

    @property
    def id(self) -> str:
        return str(self.meta.get("id", ""))

    @property
    def number(self) -> int:
        value = self.meta.get("number")
        return value if isinstance(value, int) else 0

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def stage(self) -> str:
        return str(self.meta.get("stage", "draft"))

    @property
    def is_final(self) -> bool:
        return self.stage == "final"

    def sections(self) -> list[Heading]:
        return [h for h in self.headings if h.level == 2]

    def anchors(self) -> set[str]:
        return {h.anchor for h in self.headings if h.anchor}

    def block_line(self, name: str) -> int | None:
        return next((line for n, _, line in self.blocks if n == name), None)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (front matter, body, line number where the body starts)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            front = text[4:end]
            body = text[end + 5 :]
            return front, body, front.count("\n") + 4
    return "", text, 1


def parse_lecture(text: str, path: str, lang: str) -> Lecture:
    """Read one lecture file's metadata and skeleton; problems with the front matter are kept, not raised."""
    front, body, body_line = split_front_matter(text)
    meta: Any = LineMap()
    meta_problems: list[Problem] = []
    if front:
        loaded, meta_problems = load_yaml("\n" + front, path)
        if isinstance(loaded, LineMap):
            meta = loaded
        elif not meta_problems:
            meta_problems = [Problem(path, 1, "front matter is not a mapping")]
    else:
        meta_problems = [Problem(path, 1, "missing front matter (--- id, number, title, ... ---)")]
    lecture = Lecture(path=path, lang=lang, meta=meta, meta_problems=meta_problems)

    in_fence = False
    in_trainer = False
    counted: list[str] = []
    trainer: list[str] = []
    current: Heading | None = None
    section_lines: list[str] | None = None
    for offset, line in enumerate(body.splitlines()):
        lineno = body_line + offset
        if section_lines is not None and not in_trainer and not BLOCK_START.match(line) and not BLOCK_END.match(line) \
                and not line.startswith("## "):
            section_lines.append(line)
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        start = BLOCK_START.match(line)
        if start and not BLOCK_END.match(line):
            lecture.blocks.append((start.group(1), (start.group(2) or "").strip(), lineno))
            in_trainer = start.group(1) == "trainer"
            continue
        if BLOCK_END.match(line):
            in_trainer = False
            continue
        if in_trainer:
            trainer.append(line)
        heading = HEADING.match(line)
        if heading:
            current = Heading(len(heading.group(1)), heading.group(2).strip(), heading.group(3), lineno)
            lecture.headings.append(current)
            if current.level == 2:
                section_lines = []
                lecture.section_markdown[current.anchor or current.title] = section_lines  # type: ignore[assignment]
        elif current is not None and LIST_ITEM.match(line) and not in_trainer:
            section = next(h for h in reversed(lecture.headings) if h.level == 2) if lecture.sections() else None
            if section is not None:
                section.list_items += 1
        if not in_trainer:
            counted.append(line)
    lecture.trainer_markdown = "\n".join(trainer).strip()
    lecture.section_markdown = {k: "\n".join(v).strip() for k, v in lecture.section_markdown.items()}  # type: ignore[arg-type]
    text_counted = "\n".join(counted)
    lecture.han_chars = len(HAN.findall(text_counted))
    lecture.words = len(WORD.findall(re.sub(r"\{[^}]*\}|\([^)]*\.md[^)]*\)", " ", text_counted)))
    return lecture


def lecture_paths(root: Path) -> dict[str, dict[str, Path]]:
    """Map lecture file stem (`lecture-01`) to its files per language."""
    found: dict[str, dict[str, Path]] = {}
    folder = root / "lectures"
    for path in sorted(folder.glob("lecture-*.md")) if folder.is_dir() else []:
        match = LECTURE_NAME.match(path.name)
        if match:
            found.setdefault(f"lecture-{match.group(1)}", {})[match.group(2) or DEFAULT_LANG] = path
    return found


def load_lectures(root: Path) -> dict[str, dict[str, Lecture]]:
    """Parse every lecture file under `root/lectures`, keyed by file stem and language."""
    result: dict[str, dict[str, Lecture]] = {}
    for stem, files in lecture_paths(root).items():
        for lang, path in files.items():
            rel = path.relative_to(root).as_posix()
            result.setdefault(stem, {})[lang] = parse_lecture(path.read_text(encoding="utf-8"), rel, lang)
    return result
