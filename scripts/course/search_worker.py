"""The search worker the browser runs: Material's, behind the course's query layer, under its own name.

- Material's worker cuts a Chinese query against the index's words but never lets a word end at
  the last character, so 提案办理 was searched as 提案 alone: one comparison is corrected (upstream
  `query/segment/index.ts`, where a "@todo ... hotfix" sits next to it).
- In front of it goes `overrides/assets/course/search-worker.js` with the question and function
  words of `query_words.yml`: questions are searched as their words, every word must be found
  (with a fallback to the most words), whole words rank above longer words that start with them.
- The result is written as `assets/javascripts/workers/search.<hash>.min.js`, the hash taken from
  its content, and `overrides/main.html` points Material's config at it. nginx keeps fingerprinted
  bundles for a year (`immutable`), so a changed worker must never reuse a name; Material's own
  worker (and its source map, which no longer matches) is removed from the built site.

Every assumption about Material's worker is checked by tests/test_material_contract.py.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import material

from .problems import Problem
from .yamlfile import load_yaml

ROOT = Path(__file__).resolve().parents[2]
WORDS_FILE = Path(__file__).with_name("query_words.yml")
LAYER_FILE = ROOT / "overrides" / "assets" / "course" / "search-worker.js"
MATERIAL_WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
SITE_WORKERS = "assets/javascripts/workers"
WORKER_BUG = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
WORKER_FIX = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"
SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")
LANGS = ("zh", "en")


class WorkerChanged(RuntimeError):
    """Material's worker no longer has the code the course corrects: review this module."""


@dataclass(frozen=True)
class Worker:
    """The course's search worker: its file name under assets/javascripts/workers/ and its code."""

    material_name: str
    name: str
    code: str


def load_query_words(path: Path = WORDS_FILE) -> tuple[dict[str, list[str]], list[Problem]]:
    """The question and function words per language, or located problems."""
    rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    data, problems = load_yaml(path.read_text(encoding="utf-8"), rel)
    if problems:
        return {}, problems
    if not isinstance(data, dict) or set(data) != set(LANGS):
        return {}, [Problem(rel, getattr(data, "line", 1), "expected exactly two lists, zh: and en:")]
    words: dict[str, list[str]] = {}
    for lang in LANGS:
        entries = data[lang]
        if not isinstance(entries, list):
            return {}, [Problem(rel, data.line_of(lang), f"{lang}: must be a list of words")]
        for i, word in enumerate(entries):
            line = entries.line_of(i) if hasattr(entries, "line_of") else data.line_of(lang)
            if not isinstance(word, str) or not word.strip() or word != word.strip() or " " in word:
                problems.append(Problem(rel, line, f"{lang}: {word!r} is not a single word"))
            elif lang == "en" and word != word.lower():
                problems.append(Problem(rel, line, f"en: write {word!r} in lower case ({word.lower()})"))
        words[lang] = [w for w in entries if isinstance(w, str)]
    return words, problems


def material_worker() -> Path:
    """Material's search worker as installed (one fingerprinted file)."""
    (worker,) = sorted(MATERIAL_WORKERS.glob("search.*.min.js"))
    return worker


def build_worker(material_code: str, words: dict[str, list[str]], layer: str, material_name: str) -> Worker:
    """The corrected Material worker behind the query layer, named after its content."""
    if WORKER_BUG not in material_code:
        raise WorkerChanged("Material's search worker has changed: review scripts/course/search_worker.py")
    listed = sorted({word for lang in LANGS for word in words.get(lang, [])})
    code = "\n".join([
        '"use strict";',  # first in the file, so Material's code stays strict as it was written
        "/* Course search layer (overrides/assets/course/search-worker.js) in front of Material for MkDocs' search"
        " worker; built by scripts/course/search_worker.py. */",
        f"var QUERY_WORDS = {json.dumps(listed, ensure_ascii=False)};",
        layer.strip(),
        SOURCE_MAP.sub("", material_code.replace(WORKER_BUG, WORKER_FIX)).strip(),
        "",
    ])
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:8]
    return Worker(material_name, f"search.{digest}.min.js", code)


def course_worker() -> Worker:
    """The worker for the installed Material, the current layer and the current word list."""
    words, problems = load_query_words()
    if problems:
        raise ValueError("\n".join(str(p) for p in problems))
    worker = material_worker()
    return build_worker(worker.read_text(encoding="utf-8"), words, LAYER_FILE.read_text(encoding="utf-8"), worker.name)


def replace_material_script(folder: Path, name: str, code: str, material_name: str) -> Path:
    """Write a changed copy of one of Material's scripts under its own name into `folder`; Material's file and
    its source map (which no longer matches) go, so no page can load the unchanged one."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    target.write_text(code, encoding="utf-8")
    for stale in (folder / material_name, folder / f"{material_name}.map"):
        stale.unlink(missing_ok=True)
    return target


def install_worker(site_dir: Path, worker: Worker) -> Path:
    """Write the course's worker into a built site; Material's own (and its stale source map) go."""
    target = replace_material_script(site_dir / SITE_WORKERS, worker.name, worker.code, worker.material_name)
    layer_copy = site_dir / "assets" / "course" / LAYER_FILE.name  # only meaningful inside the worker
    layer_copy.unlink(missing_ok=True)
    return target
