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
NOTE_BLOCKS = ("trainer", "slide")  # written for the person teaching: not body text, not shown to readers
PLAN_SECTION = "key-points"  # the lecture-wide trainer notes (the 45-minute plan) close this section


@dataclass
class Heading:
    level: int
    title: str
    anchor: str | None
    line: int
    list_items: int = 0


@dataclass
class NoteBlock:
    """A `/// trainer` or `/// slide` block and the part of the lecture it belongs to.

    Trainer notes belong to their `##` section (shown with each of its slides); a slide summary
    belongs to the slide its heading starts (the `##` section's opening, or a `###` sub-section).
    """

    kind: str  # "trainer" or "slide"
    line: int
    section: str | None  # anchor (or title) of the ## section it sits in; None before the first one
    section_title: str = ""
    heading_line: int = 0  # line of the ## or ### heading that starts its slide
    markdown: str = ""


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
    notes: list[NoteBlock] = field(default_factory=list)  # /// trainer and /// slide blocks, in order
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

    def trainer_blocks(self) -> list[NoteBlock]:
        return [note for note in self.notes if note.kind == "trainer"]

    def slide_blocks(self) -> list[NoteBlock]:
        return [note for note in self.notes if note.kind == "slide"]

    @property
    def plan(self) -> NoteBlock | None:
        """The lecture-wide trainer notes: the last trainer block of #key-points (it goes to the title slide)."""
        return next((n for n in reversed(self.trainer_blocks()) if n.section == PLAN_SECTION), None)

    @property
    def plan_index(self) -> int | None:
        """The plan's position among the page's trainer blocks (the blocks extension counts them as it renders)."""
        plan = self.plan
        return self.trainer_blocks().index(plan) if plan is not None else None

    @property
    def trainer_markdown(self) -> str:
        plan = self.plan
        return plan.markdown if plan is not None else ""

    def section_notes(self) -> list[NoteBlock]:
        """Trainer notes written for one section (every trainer block but the plan)."""
        plan = self.plan
        return [n for n in self.trainer_blocks() if n is not plan]


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
    note: NoteBlock | None = None  # the trainer or slide block being read
    note_depth = 0  # how many blocks are open inside it
    note_lines: list[str] = []
    counted: list[str] = []
    current: Heading | None = None
    section: Heading | None = None
    section_lines: list[str] | None = None
    for offset, line in enumerate(body.splitlines()):
        lineno = body_line + offset
        if section_lines is not None and note is None and not BLOCK_START.match(line) and not BLOCK_END.match(line) \
                and not line.startswith("## "):
            section_lines.append(line)
        if FENCE.match(line):
            fence_line = 0 if fence_line else lineno
            if note is not None:
                note_lines.append(line)
            continue
        if fence_line:
            if note is not None:
                note_lines.append(line)
            continue
        start = BLOCK_START.match(line)
        if start and not BLOCK_END.match(line):
            name = start.group(1)
            lecture.blocks.append((name, (start.group(2) or "").strip(), lineno))
            open_blocks.append((name, lineno))
            if note is not None:
                note_depth += 1
                if name in NOTE_BLOCKS:
                    lecture.syntax_problems.append(Problem(path, lineno, f"a /// {name} block cannot go inside "
                                                           f"the /// {note.kind} block opened at line {note.line}"))
            elif name in NOTE_BLOCKS:
                note = NoteBlock(name, lineno, section.anchor or section.title if section else None,
                                 section.title if section else "", current.line if current else 0)
                note_depth, note_lines = 0, []
            continue
        if BLOCK_END.match(line):
            if open_blocks:
                open_blocks.pop()
            if note is not None:
                if note_depth:
                    note_depth -= 1
                else:
                    note.markdown = "\n".join(note_lines).strip()
                    lecture.notes.append(note)
                    note = None
            continue
        if note is not None:
            note_lines.append(line)
        heading = HEADING.match(line)
        if heading:
            current = Heading(len(heading.group(1)), heading.group(2).strip(), heading.group(3), lineno)
            lecture.headings.append(current)
            if current.level == 2:
                section = current
                section_lines = []
                lecture.section_markdown[current.anchor or current.title] = section_lines  # type: ignore[assignment]
        elif section is not None and LIST_ITEM.match(line) and note is None:
            section.list_items += 1
        if note is None:
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
