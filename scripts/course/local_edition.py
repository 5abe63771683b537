"""A county's edition of the course: its committee, training, contacts, local rules and pages.

An edition is data that a county's CPPCC office writes, never code: `editions/NAME/edition.yml` and
optional pages `editions/NAME/pages/PAGE.md` + `PAGE.en.md`. `make offline EDITION=NAME` (and `make
build`, `make check`) select it through the `EDITION` environment variable; without it the build is
the national edition, exactly as before. Loading never raises: every mistake is a `file:line` problem.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .lectures import LANGS, parse_lecture, split_front_matter
from .local_rules import LocalRules, close_match
from .problems import Problem
from .reference import _pair
from .sourcefile import read_source
from .yamlfile import LineList, LineMap, load_yaml

EDITIONS = "editions"
ENV = "EDITION"
FILE = "edition.yml"
PAGES = "pages"
SITE_FOLDER = "local"  # edition pages are published under local/ in both languages
NATIONAL = "national"
STORAGE = "cppcc-course:"  # the national prefix of everything kept in a browser's localStorage
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED = {NATIONAL, "quiz", "trainer-view", "probe"}  # would collide with keys of the national edition
KEYS = {"example", "committee", "full_name", "term", "training", "contacts", "pages", "rules"}
TRAINING_KEYS = {"from", "to", "place"}
CONTACT_KEYS = {"who", "phone", "email"}
RULE_KEYS = {"zh", "en", "see"}
PHONE = re.compile(r"^[0-9+()\- ]{3,30}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")


@dataclass
class Contact:
    who: dict[str, str]
    phone: str = ""
    email: str = ""


@dataclass
class Rule:
    text: dict[str, str]  # Markdown (paragraphs, lists, emphasis) in each language
    see: str | None = None  # an edition page that tells more
    line: int = 1


@dataclass
class EditionPage:
    stem: str
    files: dict[str, str] = field(default_factory=dict)  # lang -> path from the project root
    titles: dict[str, str] = field(default_factory=dict)

    def src_uri(self, lang: str) -> str:
        """Where MkDocs sees the page (`local/about.md`, `local/about.en.md`)."""
        return f"{SITE_FOLDER}/{self.stem}.md" if lang == "zh" else f"{SITE_FOLDER}/{self.stem}.{lang}.md"


@dataclass
class Edition:
    id: str
    folder: str  # editions/NAME, from the project root
    committee: dict[str, str] = field(default_factory=lambda: {"zh": "", "en": ""})
    example: bool = False
    full_name: dict[str, str] | None = None
    term: dict[str, str] | None = None
    training_from: dt.date | None = None
    training_to: dt.date | None = None
    place: dict[str, str] | None = None
    contacts: list[Contact] = field(default_factory=list)
    pages: list[EditionPage] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)  # page names under pages:, loaded or not
    rules: dict[str, Rule] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # every file read, for the content checks
    problems: list[Problem] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"{self.folder}/{FILE}"

    @property
    def storage_prefix(self) -> str:
        return storage_prefix(self.id)

    def page(self, stem: str) -> EditionPage | None:
        return next((p for p in self.pages if p.stem == stem), None)

    def source(self, src_uri: str) -> str | None:
        """The file behind a `local/...` page MkDocs asks for, from the project root."""
        for page in self.pages:
            for lang, rel in page.files.items():
                if page.src_uri(lang) == src_uri:
                    return rel
        return None


def selected(environ: Mapping[str, str] | None = None) -> str | None:
    """The edition a build is for (`EDITION=NAME`); None for the national edition."""
    value = (os.environ if environ is None else environ).get(ENV, "").strip()
    return value or None


def storage_prefix(edition_id: str | None) -> str:
    """Where learners' progress is kept in the browser: national keys stay as they always were, so nobody
    loses progress; each county edition gets its own, so two copies on one device keep theirs apart."""
    return STORAGE if not edition_id or edition_id == NATIONAL else f"{STORAGE}{edition_id}:"


def available(root: Path) -> list[str]:
    folder = root / EDITIONS
    return sorted(p.parent.name for p in folder.glob(f"*/{FILE}")) if folder.is_dir() else []


def unknown(root: Path, name: str) -> str | None:
    """Why `EDITION=name` cannot be built, or None when it can."""
    if (root / EDITIONS / name / FILE).is_file():
        return None
    choices = available(root)
    listed = ", ".join(choices) if choices else "none yet"
    return (f"{EDITIONS}/{name}/{FILE}: no such edition (EDITION={name}); editions: {listed}"
            f"{close_match(name, choices)}")


def _date(entry: LineMap, key: str, path: str, problems: list[Problem]) -> dt.date | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    problems.append(Problem(path, entry.line_of(key), f"training: {key}: '{value}' is not a date; write it as "
                            "YYYY-MM-DD, e.g. 2026-12-08"))
    return None


def _unknown_fields(entry: LineMap, allowed: set[str], where: str, path: str, problems: list[Problem]) -> None:
    for key in sorted(str(k) for k in entry if k not in allowed):
        hint = close_match(key, allowed)
        problems.append(Problem(path, entry.line_of(key), f"{where}unknown field '{key}'"
                                f"{hint or ' (fields: ' + ', '.join(sorted(allowed)) + ')'}"))


def _optional_pair(data: LineMap, key: str, where: str, path: str, problems: list[Problem]) -> dict[str, str] | None:
    if data.get(key) is None:
        return None
    return _pair(data.get(key), where, path, data.line_of(key), problems)


def _training(edition: Edition, data: LineMap, problems: list[Problem]) -> None:
    training = data.get("training")
    if training is None:
        return
    path = edition.path
    if not isinstance(training, LineMap):
        problems.append(Problem(path, data.line_of("training"), "training: a mapping with from, to and place"))
        return
    _unknown_fields(training, TRAINING_KEYS, "training: ", path, problems)
    edition.training_from = _date(training, "from", path, problems)
    edition.training_to = _date(training, "to", path, problems)
    if edition.training_to and training.get("from") is None:
        problems.append(Problem(path, training.line_of("to"), "training: 'to' needs a 'from' date"))
    if edition.training_from and edition.training_to and edition.training_to < edition.training_from:
        problems.append(Problem(path, training.line_of("to"), f"training: ends ({edition.training_to}) before it "
                                f"begins ({edition.training_from})"))
    edition.place = _optional_pair(training, "place", "training: place", path, problems)


def _contacts(edition: Edition, data: LineMap, problems: list[Problem]) -> None:
    entries = data.get("contacts")
    if entries is None:
        return
    path = edition.path
    if not isinstance(entries, LineList):
        problems.append(Problem(path, data.line_of("contacts"), "contacts: a list of entries with who, phone, email"))
        return
    for index, entry in enumerate(entries):
        where = f"contacts: entry {index + 1}: "
        if not isinstance(entry, LineMap):
            problems.append(Problem(path, entries.line_of(index), f"{where}a mapping with who, phone and email"))
            continue
        _unknown_fields(entry, CONTACT_KEYS, where, path, problems)
        who = _pair(entry.get("who"), f"{where}who", path, entry.line_of("who"), problems)
        phone, email = str(entry.get("phone") or "").strip(), str(entry.get("email") or "").strip()
        if phone and not PHONE.match(phone):
            problems.append(Problem(path, entry.line_of("phone"), f"{where}phone '{phone}': digits, spaces, "
                                    "+, - and brackets only"))
        if email and not EMAIL.match(email):
            problems.append(Problem(path, entry.line_of("email"), f"{where}email '{email}' is not an address"))
        if not phone and not email:
            problems.append(Problem(path, entry.line, f"{where}give a phone or an email"))
        if who:
            edition.contacts.append(Contact(who, phone, email))


def _page_title(text: str) -> str | None:
    front, body, _ = split_front_matter(text)
    if front:
        meta, _problems = load_yaml(front, "")
        if isinstance(meta, dict) and isinstance(meta.get("title"), str) and meta["title"].strip():
            return meta["title"].strip()
    for line in body.splitlines():
        match = H1.match(line)
        if match:
            return match.group(1)
    return None


def _page_file(edition: Edition, stem: str, lang: str) -> str:
    return f"{edition.folder}/{PAGES}/{stem}.md" if lang == "zh" else f"{edition.folder}/{PAGES}/{stem}.{lang}.md"


def _read_page(edition: Edition, root: Path, page: EditionPage, lang: str, problems: list[Problem]) -> None:
    rel = _page_file(edition, page.stem, lang)
    text, read_problems = read_source(root, rel)
    problems.extend(read_problems)
    if text is None:
        return
    edition.texts[rel] = text
    problems.extend(parse_lecture(text, rel, lang).syntax_problems)
    title = _page_title(text)
    if title is None:
        problems.append(Problem(rel, 1, "no title: start the page with a heading '# 标题' (or title: in its "
                                "front matter)"))
        return
    page.files[lang] = rel
    page.titles[lang] = title


def _pages(edition: Edition, root: Path, data: LineMap, problems: list[Problem]) -> None:
    folder = root / edition.folder / PAGES
    on_disk = {p.relative_to(root).as_posix() for p in folder.glob("*.md")} if folder.is_dir() else set()
    listed = data.get("pages")
    if listed is not None and not isinstance(listed, LineList):
        problems.append(Problem(edition.path, data.line_of("pages"), "pages: a list of page names (the files "
                                f"{edition.folder}/{PAGES}/NAME.md and NAME.en.md), in the order of the menu"))
    listed = listed if isinstance(listed, LineList) else []
    expected: set[str] = set()
    for index, stem in enumerate(listed):
        line = listed.line_of(index)
        if not isinstance(stem, str) or not NAME.match(stem):
            problems.append(Problem(edition.path, line, f"pages: '{stem}' is not a page name (lower-case letters, "
                                    "digits and hyphens: the file name without .md)"))
            continue
        if edition.page(stem) is not None:
            problems.append(Problem(edition.path, line, f"pages: {stem} is listed twice"))
            continue
        edition.listed.append(stem)
        zh, en = _page_file(edition, stem, "zh"), _page_file(edition, stem, "en")
        expected |= {zh, en}
        if zh not in on_disk:
            problems.append(Problem(edition.path, line, f"pages: {stem}: there is no {zh}"))
            continue
        if en not in on_disk:
            problems.append(Problem(zh, 1, f"no English version: add {en}"))
            continue
        page = EditionPage(stem)
        for lang in LANGS:
            _read_page(edition, root, page, lang, problems)
        if len(page.files) == len(LANGS):
            edition.pages.append(page)
    unlisted = sorted(on_disk - expected)
    for rel in unlisted:  # a page and its twin are one entry of the menu: one message
        if rel.endswith(".en.md") and rel[: -len(".en.md")] + ".md" in unlisted:
            continue
        problems.append(Problem(rel, 1, f"not listed under pages: in {edition.path} (list it where it belongs "
                                "in the menu, or delete the file)"))


def _rules(edition: Edition, data: LineMap, local: LocalRules, problems: list[Problem]) -> None:
    entries = data.get("rules")
    if entries is None:
        return
    path = edition.path
    if not isinstance(entries, LineMap):
        problems.append(Problem(path, data.line_of("rules"), "rules: a mapping of rule names to their zh and en text"))
        return
    used = local.used()
    for name in entries:
        line, entry = entries.line_of(name), entries[name]
        if name not in used:
            problems.append(Problem(path, line, f"rules: no page marks a local rule '{name}', so it would be shown "
                                    f"nowhere{close_match(str(name), used)} (rules pages mark: "
                                    f"{', '.join(sorted(used))})"))
            continue
        if not isinstance(entry, LineMap):
            problems.append(Problem(path, line, f"rules: {name}: needs zh and en text"))
            continue
        _unknown_fields(entry, RULE_KEYS, f"rules: {name}: ", path, problems)
        text = _pair(entry, f"rules: {name}", path, line, problems)
        see = entry.get("see")
        if see is not None and str(see) not in edition.listed:
            problems.append(Problem(path, entry.line_of("see"), f"rules: {name}: see: '{see}' is not one of this "
                                    f"edition's pages{close_match(str(see), edition.listed)}"))
        if see is not None and edition.page(str(see)) is None:
            see = None
        for lang, value in (text or {}).items():
            if "](" in value:
                problems.append(Problem(path, entry.line_of(lang), f"rules: {name}: no links in a rule's text (it "
                                        "is shown on several pages); name an edition page with see: instead"))
        if text:
            edition.rules[str(name)] = Rule(text, str(see) if see else None, line)


def load_edition(root: Path, name: str, local: LocalRules) -> Edition:
    """Read and check `editions/NAME/`; `local` is the course's fixed set of rules and the pages marking them."""
    edition = Edition(name, f"{EDITIONS}/{name}")
    problems = edition.problems
    reason = unknown(root, name)
    if reason is not None:
        problems.append(Problem(f"{EDITIONS}/{name}/{FILE}", 1, reason.split(": ", 1)[1]))
        return edition
    if not NAME.match(name) or name in RESERVED:
        problems.append(Problem(edition.path, 1, f"the edition's folder name '{name}' must be lower-case letters, "
                                "digits and hyphens (like example-county), and not " + ", ".join(sorted(RESERVED))))
    text, read_problems = read_source(root, edition.path)
    problems.extend(read_problems)
    data: Any = None
    if text is not None:
        edition.texts[edition.path] = text
        data, load_problems = load_yaml(text, edition.path)
        problems.extend(load_problems)
    if data is None:
        return edition
    if not isinstance(data, LineMap):
        problems.append(Problem(edition.path, 1, "edition.yml is a mapping: committee, training, contacts, pages, "
                                "rules"))
        return edition
    _unknown_fields(data, KEYS, "", edition.path, problems)
    example = data.get("example", False)
    if not isinstance(example, bool):
        problems.append(Problem(edition.path, data.line_of("example"), "example: true or false"))
    edition.example = example is True
    if data.get("committee") is None:
        problems.append(Problem(edition.path, data.line or 1, "committee: missing (the committee's name in zh and "
                                "en, shown in the header and on the home page)"))
    else:
        committee = _pair(data.get("committee"), "committee", edition.path, data.line_of("committee"), problems)
        if committee:
            edition.committee = committee
    edition.full_name = _optional_pair(data, "full_name", "full_name", edition.path, problems)
    edition.term = _optional_pair(data, "term", "term", edition.path, problems)
    _training(edition, data, problems)
    _contacts(edition, data, problems)
    _pages(edition, root, data, problems)
    _rules(edition, data, local, problems)
    return edition
