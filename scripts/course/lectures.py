"""Lecture files: read their front matter and skeleton (anchors, blocks, length) without rendering them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import Problem
from .sourcefile import read_source
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
    syntax_problems: list[Problem] = field(default_factory=list)  # unclosed fences and blocks, repeated anchors
    unclosed: bool = False  # an open fence or block swallowed the rest: its skeleton cannot be judged
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

    fence_line = 0  # where the open code fence started; 0 when none is open
    open_blocks: list[tuple[str, int]] = []
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
            fence_line = 0 if fence_line else lineno
            continue
        if fence_line:
            continue
        start = BLOCK_START.match(line)
        if start and not BLOCK_END.match(line):
            lecture.blocks.append((start.group(1), (start.group(2) or "").strip(), lineno))
            open_blocks.append((start.group(1), lineno))
            in_trainer = start.group(1) == "trainer"
            continue
        if BLOCK_END.match(line):
            if open_blocks:
                open_blocks.pop()
            in_trainer = any(name == "trainer" for name, _ in open_blocks)
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
    if fence_line:
        lecture.syntax_problems.append(Problem(path, fence_line, "this code fence is never closed: add a line "
                                               "with ``` after the code (everything below it is shown as code)"))
    lecture.unclosed = bool(fence_line or open_blocks)
    for name, line in open_blocks:
        lecture.syntax_problems.append(Problem(path, line, f"the /// {name} block opened here is never closed: "
                                               "add a line with /// where it ends"))
    first_use: dict[str, int] = {}
    for heading in lecture.headings:
        if heading.anchor and heading.anchor in first_use:
            lecture.syntax_problems.append(Problem(path, heading.line, f"anchor #{heading.anchor} is already used "
                                                   f"by the heading at line {first_use[heading.anchor]}"))
        elif heading.anchor:
            first_use[heading.anchor] = heading.line
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


def load_lectures(root: Path) -> tuple[dict[str, dict[str, Lecture]], list[Problem]]:
    """Parse every lecture file under `root/lectures`, keyed by file stem and language.

    A file that cannot be read (not UTF-8, far too large) is reported and left out, so its twin's
    checks still run and nothing downstream meets a half-read lecture.
    """
    result: dict[str, dict[str, Lecture]] = {}
    problems: list[Problem] = []
    for stem, files in lecture_paths(root).items():
        for lang, path in files.items():
            rel = path.relative_to(root).as_posix()
            text, read_problems = read_source(root, rel)
            problems.extend(read_problems)
            if text is not None:
                result.setdefault(stem, {})[lang] = parse_lecture(text, rel, lang)
    return result, problems
