"""Reading a content file: size limits, UTF-8 and the byte-order mark, each a located problem.

Every loader reads through `read_source`, so a file saved in GBK by a word processor, or a
multi-megabyte paste, is reported as `file:line: what is wrong` instead of a traceback or a
page of ten megabytes. A UTF-8 byte-order mark is accepted and dropped (editors on Windows add it).
"""

from __future__ import annotations

from pathlib import Path

from .problems import Problem

KB = 1024
LIMITS = {  # bytes; the authoring guide states the same limits
    "lectures": 200 * KB,  # a 6,000-character lecture with its trainer notes is about 40 KB
    "quizzes": 150 * KB,
    "docs/_data/glossary.yml": 400 * KB,
}
DEFAULT_LIMIT = 200 * KB
BOM = "\ufeff"


def size_limit(rel: str) -> int:
    for prefix, limit in LIMITS.items():
        if rel == prefix or rel.startswith(prefix + "/"):
            return limit
    return DEFAULT_LIMIT


def read_source(root: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """The text of `root/rel`, or None with the reason it cannot be used."""
    data = (root / rel).read_bytes()
    limit = size_limit(rel)
    if len(data) > limit:
        return None, [Problem(rel, 1, f"{len(data) // KB} KB is more than the {limit // KB} KB a file of this "
                              "kind may have: split it, or remove pasted material")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [Problem(rel, line, f"not UTF-8 text (byte 0x{data[err.start]:02X} at column {column}): "
                              "save the file as UTF-8")]
    return text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n"), []
