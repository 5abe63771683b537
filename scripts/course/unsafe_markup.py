"""Content cannot carry code: raw scripts, event handlers, `javascript:` links or embedded frames.

Markdown passes raw HTML through to the page, and the offline copy opened from a USB stick runs
whatever a page contains. Lectures, pages and data files are text for members to read, so any of
these is refused at check time with `file:line`, before a page is built. Code fences and inline
code are exempt: the Markdown renderer escapes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .problems import Problem

RULES = (
    (re.compile(r"<\s*script\b", re.I), "a <script> element"),
    (re.compile(r"<\s*(iframe|object|embed|frame|frameset|applet|base|meta|link|form)\b", re.I),
     "an embedded <{0}> element"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "an on...= event handler attribute"),
    (re.compile(r"(javascript|vbscript)\s*:", re.I), "a {0}: URL"),
    (re.compile(r"data\s*:\s*text/html", re.I), "a data:text/html URL"),
)
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")


def content_files(root: Path) -> Iterable[Path]:
    """Every file an editor writes that ends up in a page."""
    for pattern in ("lectures/*.md", "quizzes/*.yml", "docs/**/*.md", "docs/_data/**/*.yml"):
        yield from sorted(root.glob(pattern))


def find_code(text: str, path: str) -> list[Problem]:
    """Every line of `text` that carries script or an embedded object, outside code."""
    problems: list[Problem] = []
    in_fence = False
    markdown = path.endswith(".md")
    for number, line in enumerate(text.splitlines(), start=1):
        if markdown and FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        visible = INLINE_CODE.sub("", line) if markdown else line
        for pattern, what in RULES:
            match = pattern.search(visible)
            if match:
                name = match.group(1).lower() if match.groups() else ""
                problems.append(Problem(path, number, f"{what.format(name)} is not allowed in content: "
                                        "pages are text; ask a developer for an interactive feature"))
                break
    return problems
