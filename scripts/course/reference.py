"""Reference data shared by both languages: glossary terms, procedure steps and the documents timeline.

Each file lives in `docs/_data/`; loading never raises, every problem is a
located `file:line: message` like the quiz checks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .lectures import LANGS, Lecture, parse_lecture
from .problems import Problem
from .sourcefile import read_source
from .yamlfile import LineList, LineMap, load_yaml

DATA = Path("docs") / "_data"
TERM_KEYS = {"term", "pinyin", "en", "aliases", "en_aliases", "en_avoid", "definition", "source", "see"}
PINYIN = re.compile(r"^[a-z]+( [a-z]+)*$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Term:
    term: str
    pinyin: str
    en: str
    definition: dict[str, str]
    source: str
    aliases: list[str] = field(default_factory=list)
    en_aliases: list[str] = field(default_factory=list)
    see: str | None = None
    line: int = 1
    en_avoid: list[str] = field(default_factory=list)  # renderings English pages must not use (the termbase)

    @property
    def anchor(self) -> str:
        """Stable id of the entry, the same on the Chinese and the English glossary page."""
        return "term-" + self.pinyin.replace(" ", "-")

    def forms(self, lang: str) -> list[str]:
        """The literal forms that get a tooltip in running text of that language."""
        return [self.term, *self.aliases] if lang == "zh" else [self.en, *self.en_aliases]


@dataclass
class Step:
    actor: dict[str, str]
    action: dict[str, str]
    output: dict[str, str]


@dataclass
class Procedure:
    name: str
    path: str
    steps: list[Step] = field(default_factory=list)


@dataclass
class Event:
    date: str
    title: dict[str, str]
    purpose: dict[str, str]
    source: str
    line: int = 1


@dataclass
class Reference:
    terms: list[Term] = field(default_factory=list)
    procedures: dict[str, Procedure] = field(default_factory=dict)
    timeline: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # procedure files reported as unreadable: no cascade


def _pair(value: Any, where: str, path: str, line: int, problems: list[Problem]) -> dict[str, str] | None:
    if not isinstance(value, dict):
        problems.append(Problem(path, line, f"{where} needs zh and en text"))
        return None
    pair = {lang: str(value[lang]).strip() for lang in LANGS if isinstance(value.get(lang), (str, int, float))
            and str(value[lang]).strip()}
    for lang in LANGS:
        if lang not in pair:
            problems.append(Problem(path, value.line if isinstance(value, LineMap) else line,
                                    f"{where} has no {lang} text"))
    return pair if len(pair) == len(LANGS) else None


def _text(entry: LineMap, key: str, where: str, path: str, problems: list[Problem]) -> str | None:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(path, entry.line_of(key), f"{where}: {key} is missing"))
        return None
    return value.strip()


def _strings(value: Any) -> list[str]:
    return [str(v).strip() for v in value if str(v).strip()] if isinstance(value, list) else []


def _load_list(root: Path, rel: Path, problems: list[Problem]) -> tuple[list[Any], str]:
    path = rel.as_posix()
    file = root / rel
    if not file.is_file():
        return [], path
    text, read_problems = read_source(root, path)
    problems.extend(read_problems)
    if text is None:
        return [], path
    data, load_problems = load_yaml(text, path)
    problems.extend(load_problems)
    if data is None:
        return [], path
    if not isinstance(data, list):
        problems.append(Problem(path, 1, "expected a list of entries"))
        return [], path
    return data, path


def load_glossary(root: Path, problems: list[Problem], pages: Pages) -> list[Term]:
    entries, path = _load_list(root, DATA / "glossary.yml", problems)
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        line = entries.line_of(index) if isinstance(entries, LineList) else 1
        if not isinstance(entry, LineMap):
            problems.append(Problem(path, line, "each glossary entry is a mapping with term, pinyin, en, ..."))
            continue
        name = _text(entry, "term", f"entry {index + 1}", path, problems)
        where = f"term {name or index + 1}"
        for key in sorted(str(k) for k in entry if k not in TERM_KEYS):
            problems.append(Problem(path, entry.line_of(key), f"{where}: unknown field '{key}'"))
        pinyin = _text(entry, "pinyin", where, path, problems)
        if pinyin and not PINYIN.match(pinyin):
            problems.append(Problem(path, entry.line_of("pinyin"), f"{where}: pinyin is lower-case syllables "
                                    "separated by single spaces, no tones"))
            pinyin = None
        english = _text(entry, "en", where, path, problems)
        source = _text(entry, "source", where, path, problems)
        definition = _pair(entry.get("definition"), f"{where}: definition", path, entry.line_of("definition"), problems)
        see = entry.get("see")
        if see is not None and not pages.exists(str(see)):
            problems.append(Problem(path, entry.line_of("see"), f"{where}: see: {see} does not exist"))
        if not (name and pinyin and english and source and definition):
            continue
        term = Term(name, pinyin, english, definition, source, _strings(entry.get("aliases")),
                    _strings(entry.get("en_aliases")), str(see) if see else None, entry.line,
                    _strings(entry.get("en_avoid")))
        same_id = next((t for t in terms if t.anchor == term.anchor), None)
        if same_id is not None:  # one HTML id for two entries: the second's tooltips and links would be lost
            problems.append(Problem(path, entry.line_of("pinyin"), f"{where}: pinyin '{pinyin}' is also the pinyin of "
                                    f"{same_id.term} (line {same_id.line}); each entry needs its own"))
        for form in term.forms("zh") + [f"en:{f.lower()}" for f in term.forms("en")]:
            if form in seen:
                problems.append(Problem(path, entry.line, f"{where}: '{form.removeprefix('en:')}' is already "
                                        f"used by the entry at line {seen[form]}"))
            seen.setdefault(form, entry.line)
        terms.append(term)
    return terms


class Pages:
    """Course Markdown pages parsed once each, by the lecture parser that owns the syntax."""

    def __init__(self, root: Path, texts: dict[str, str] | None = None) -> None:
        self.root = root
        self.texts = texts or {}  # texts the caller has already read, keyed by path from the root
        self._parsed: dict[str, Lecture | None] = {}

    def get(self, rel: str) -> Lecture | None:
        if rel not in self._parsed:
            text = self.texts.get(rel)
            if text is None and (self.root / rel).is_file():
                text = read_source(self.root, rel)[0]
            self._parsed[rel] = parse_lecture(text, rel, "zh") if text is not None else None
        return self._parsed[rel]

    def exists(self, target: str) -> bool:
        """Whether `lectures/x.md#anchor` or `docs/y.md` names a page (and an anchor in it) that exists.

        A page that exists but cannot be read, or whose headings an unclosed fence swallowed, counts as
        existing: its own problem is reported on its own line, and links to it would only repeat it.
        """
        page, _, anchor = target.partition("#")
        if not page.startswith(("lectures/", "docs/")) or not (self.root / page).is_file():
            return False
        parsed = self.get(page)
        return parsed is None or parsed.unclosed or not anchor or anchor in parsed.anchors()


def load_procedures(root: Path, problems: list[Problem], unreadable: set[str]) -> dict[str, Procedure]:
    procedures: dict[str, Procedure] = {}
    folder = root / DATA / "procedures"
    for file in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        path = file.relative_to(root).as_posix()
        text, read_problems = read_source(root, path)
        problems.extend(read_problems)
        data, load_problems = load_yaml(text, path) if text is not None else (None, [])
        problems.extend(load_problems)
        if data is None:
            unreadable.add(file.stem)
            continue
        if not isinstance(data, LineMap):
            problems.append(Problem(path, 1, "a procedure file is a mapping with procedure and steps"))
            continue
        if data.get("procedure") != file.stem:
            problems.append(Problem(path, data.line_of("procedure"), f"procedure: must be {file.stem} (the file name)"))
        raw_steps = data.get("steps")
        if not isinstance(raw_steps, list) or len(raw_steps) < 2:
            problems.append(Problem(path, data.line_of("steps"), "steps: a procedure has at least two steps"))
            continue
        procedure = Procedure(file.stem, path)
        for number, raw in enumerate(raw_steps, start=1):
            line = raw_steps.line_of(number - 1) if isinstance(raw_steps, LineList) else 1
            if not isinstance(raw, LineMap):
                problems.append(Problem(path, line, f"step {number} needs actor, action and output"))
                continue
            parts = [_pair(raw.get(key), f"step {number} {key}", path, raw.line_of(key), problems)
                     for key in ("actor", "action", "output")]
            if all(parts):
                procedure.steps.append(Step(*parts))  # type: ignore[arg-type]
        procedures[file.stem] = procedure
    return procedures


def _date_text(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    return text if DATE.match(text) else None


def load_timeline(root: Path, problems: list[Problem]) -> list[Event]:
    entries, path = _load_list(root, DATA / "timeline.yml", problems)
    events: list[Event] = []
    for index, entry in enumerate(entries):
        line = entries.line_of(index) if isinstance(entries, LineList) else 1
        if not isinstance(entry, LineMap):
            problems.append(Problem(path, line, "each timeline entry is a mapping with date, title, purpose, source"))
            continue
        date = _date_text(entry.get("date"))
        if date is None:
            problems.append(Problem(path, entry.line_of("date"), "date is YYYY-MM-DD, YYYY-MM or YYYY"))
        title = _pair(entry.get("title"), "title", path, entry.line_of("title"), problems)
        purpose = _pair(entry.get("purpose"), "purpose", path, entry.line_of("purpose"), problems)
        source = _text(entry, "source", f"entry {index + 1}", path, problems)
        if date and title and purpose and source:
            if events and date < events[-1].date:
                problems.append(Problem(path, entry.line, f"{date} comes after {events[-1].date}: keep entries "
                                        "in date order"))
            events.append(Event(date, title, purpose, source, entry.line))
    return events


def check_markers(root: Path, reference: Reference, problems: list[Problem], pages: Pages) -> None:
    """Every `/// procedure | NAME` names a procedure file, and every procedure is used by its page."""
    used: set[str] = set()
    for page in sorted((root / "docs").rglob("*.md")) if (root / "docs").is_dir() else []:
        rel = page.relative_to(root).as_posix()
        parsed = pages.get(rel)
        for name, argument, number in parsed.blocks if parsed else []:
            if name == "procedure":
                used.add(argument)
                if argument not in reference.procedures and argument not in reference.unreadable:
                    problems.append(Problem(rel, number, f"procedure {argument} not found in "
                                            f"{(DATA / 'procedures').as_posix()}/"))
    for name, procedure in sorted(reference.procedures.items()):
        if name not in used:
            problems.append(Problem(procedure.path, 1, f"no page shows this procedure (/// procedure | {name})"))


def load_reference(root: Path, pages: Pages | None = None) -> Reference:
    reference = Reference()
    pages = pages or Pages(root)
    reference.terms = load_glossary(root, reference.problems, pages)
    reference.procedures = load_procedures(root, reference.problems, reference.unreadable)
    reference.timeline = load_timeline(root, reference.problems)
    check_markers(root, reference, reference.problems, pages)
    return reference
