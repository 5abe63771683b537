"""The named local rules: places where a lesson leaves a rule to each committee (`/// local | NAME`).

The fixed set of names, their labels and the neutral line shown without an edition live in
`docs/_data/local-rules.yml`, so an editor adds a rule without code. Pages mark the places; a county
edition (`local_edition.py`) fills them in. Checked here: every marker names a rule of the file, every
rule is marked somewhere, and a page marks the same rules in the same sections in both languages.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .lectures import LANGS, Lecture
from .problems import Problem
from .reference import DATA, Pages, _pair
from .sourcefile import read_source
from .yamlfile import LineMap, load_yaml

RULES_FILE = (DATA / "local-rules.yml").as_posix()
MARKER = "local"
KEYS = {"neutral", "rules"}


@dataclass
class Marker:
    """One `/// local | NAME` in a page."""

    name: str
    page: str
    line: int
    section: str  # the anchor of the level-2 section it sits in ("" before the first)


@dataclass
class LocalRules:
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # rule name -> {zh, en}
    neutral: dict[str, str] = field(default_factory=lambda: {"zh": "", "en": ""})
    lines: dict[str, int] = field(default_factory=dict)  # where each rule is in the file
    markers: list[Marker] = field(default_factory=list)

    def used(self) -> set[str]:
        """The rule names some page marks: the only names an edition may fill in."""
        return {m.name for m in self.markers}


def close_match(name: str, choices: set[str] | list[str]) -> str:
    """`; did you mean proposal-deadline?` for a near miss, or nothing."""
    close = difflib.get_close_matches(name, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


def load_local_rules(root: Path, problems: list[Problem]) -> LocalRules:
    """The fixed set of named local rules; a missing file means no rules (every marker is then reported)."""
    rules = LocalRules()
    if not (root / RULES_FILE).is_file():
        return rules
    text, read_problems = read_source(root, RULES_FILE)
    data, load_problems = load_yaml(text, RULES_FILE) if text is not None else (None, [])
    problems.extend(read_problems + load_problems)
    if data is None:
        return rules
    if not isinstance(data, LineMap):
        problems.append(Problem(RULES_FILE, 1, "expected a mapping with neutral and rules"))
        return rules
    for key in sorted(str(k) for k in data if k not in KEYS):
        problems.append(Problem(RULES_FILE, data.line_of(key), f"unknown field '{key}' (neutral, rules)"))
    neutral = _pair(data.get("neutral"), "neutral", RULES_FILE, data.line_of("neutral"), problems)
    if neutral:
        rules.neutral = neutral
    entries = data.get("rules")
    if not isinstance(entries, LineMap) or not entries:
        problems.append(Problem(RULES_FILE, data.line_of("rules"), "rules: a mapping of rule names to their "
                                "zh and en labels"))
        return rules
    for name in entries:
        label = _pair(entries[name], f"rule {name}", RULES_FILE, entries.line_of(name), problems)
        if label:
            rules.labels[str(name)] = label
            rules.lines[str(name)] = entries.line_of(name)
    return rules


def _markers(parsed: Lecture) -> list[Marker]:
    found: list[Marker] = []
    for name, argument, line in parsed.blocks:
        if name != MARKER:
            continue
        section = next((h.anchor or h.title for h in reversed(parsed.headings) if h.level == 2 and h.line < line), "")
        found.append(Marker(argument, parsed.path, line, section))
    return found


def _twin_problems(zh: list[Marker], en: list[Marker], en_path: str) -> list[Problem]:
    """The English page marks the same rules, in the same order and sections, as the Chinese one."""
    for index in range(max(len(zh), len(en))):
        want = zh[index] if index < len(zh) else None
        got = en[index] if index < len(en) else None
        if want and got and (want.name, want.section) == (got.name, got.section):
            continue
        expected = f"/// local | {want.name} in #{want.section}" if want else "no more local rules"
        found = f"/// local | {got.name} in #{got.section}" if got else "none"
        return [Problem(en_path, got.line if got else 1, f"local rules differ from the Chinese version "
                        f"({want.page if want else 'zh'}): expected {expected}, found {found}")]
    return []


def check_local_markers(root: Path, rules: LocalRules, lectures: dict[str, dict[str, Lecture]], pages: Pages,
                        problems: list[Problem]) -> None:
    """Every marker names a rule, every rule is marked, and both languages mark the same places."""
    twins: list[dict[str, Lecture]] = [versions for _, versions in sorted(lectures.items())]
    docs = root / "docs"
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        rel = page.relative_to(root).as_posix()
        if rel.startswith(f"{DATA.as_posix()}/") or rel.endswith(".en.md"):
            continue
        versions = {"zh": pages.get(rel), "en": pages.get(rel[: -len(".md")] + ".en.md")}
        twins.append({lang: parsed for lang, parsed in versions.items() if parsed is not None})
    for versions in twins:
        found = {lang: _markers(parsed) for lang, parsed in versions.items() if not parsed.unclosed}
        for lang in LANGS:
            for marker in found.get(lang, []):
                rules.markers.append(marker)
                if not marker.name:
                    problems.append(Problem(marker.page, marker.line, "a local rule marker needs the rule's name: "
                                            f"/// local | NAME (names: {', '.join(sorted(rules.labels))})"))
                elif marker.name not in rules.labels:
                    problems.append(Problem(marker.page, marker.line, f"local rule '{marker.name}' is not in "
                                            f"{RULES_FILE}{close_match(marker.name, rules.labels)}"))
        names = [m.name for markers in found.values() for m in markers]
        if "zh" in found and "en" in found and all(name in rules.labels for name in names):  # else reported above
            problems.extend(_twin_problems(found["zh"], found["en"], versions["en"].path))
    used = rules.used()
    for name, line in sorted(rules.lines.items()):
        if name not in used:
            problems.append(Problem(RULES_FILE, line, f"no page marks this rule (/// local | {name}): mark the "
                                    "place in a lecture or procedure page, or remove the rule"))
