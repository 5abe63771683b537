"""Rules that keep the course teaching the job: no talk about sources, cases told once, quizzes that
test what a member will do, one English rendering per term.

The phrases, case figures and quiz shares live in `docs/_data/content-rules.yml` (an editor changes
them there); the preferred and avoided English renderings live in the glossary, which is the termbase.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .lectures import Lecture
from .problems import Problem
from .quizzes import Question, Quiz
from .reference import DATA, Term
from .sourcefile import read_source
from .yamlfile import LineMap, load_yaml

RULES_FILE = (DATA / "content-rules.yml").as_posix()
SIMILAR_STEMS = 0.6  # two questions whose stems are this alike and whose answers match ask the same thing


@dataclass
class Rules:
    sources_pages: list[str] = field(default_factory=list)
    discouraged: list[str] = field(default_factory=list)
    case_figures: list[str] = field(default_factory=list)
    case_figures_max_lectures: int = 2
    scenario_at_least: float = 0.5
    case_at_most: int = 1


def load_rules(root: Path, problems: list[Problem]) -> Rules:
    rules = Rules()
    if not (root / RULES_FILE).is_file():
        return rules
    text, read_problems = read_source(root, RULES_FILE)
    data, load_problems = load_yaml(text, RULES_FILE) if text is not None else (None, [])
    problems.extend(read_problems + load_problems)
    if not isinstance(data, LineMap):
        return rules
    strings = {"sources_pages", "discouraged", "case_figures"}
    for key in strings:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(Problem(RULES_FILE, data.line_of(key), f"{key}: a list of texts"))
        else:
            setattr(rules, key, [v.strip() for v in value])
    kinds = data.get("quiz_kinds", {})
    if isinstance(kinds, dict):
        rules.scenario_at_least = float(kinds.get("scenario_at_least", rules.scenario_at_least))
        rules.case_at_most = int(kinds.get("case_at_most", rules.case_at_most))
    rules.case_figures_max_lectures = int(data.get("case_figures_max_lectures", rules.case_figures_max_lectures))
    return rules


def check_discouraged(texts: dict[str, str], rules: Rules) -> list[Problem]:
    """A remark about the sources anywhere but on the sources page."""
    if not rules.discouraged:
        return []
    pattern = re.compile("|".join(re.escape(p) for p in sorted(rules.discouraged, key=len, reverse=True)), re.I)
    problems: list[Problem] = []
    for rel, text in texts.items():
        if rel in rules.sources_pages or rel == RULES_FILE:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            for match in pattern.finditer(line):
                problems.append(Problem(rel, number, f"'{match.group(0)}' talks about the sources: teach the rule, "
                                        "or leave out what cannot be confirmed (the sources page explains the cases)"))
    return problems


def check_case_figures(lectures: dict[str, dict[str, Lecture]], texts: dict[str, str], rules: Rules) -> list[Problem]:
    """A figure from a case belongs to the lecture that tells the case (and at most one that links to it)."""
    problems: list[Problem] = []
    for figure in rules.case_figures:
        seen: list[str] = []
        for stem in sorted(lectures):
            lecture = lectures[stem].get("zh")
            if lecture is None:
                continue
            text = texts.get(lecture.path, "")
            if figure in text:
                seen.append(stem)
                if len(seen) > rules.case_figures_max_lectures:
                    line = text[: text.index(figure)].count("\n") + 1
                    problems.append(Problem(lecture.path, line, f"'{figure}' is a figure from a case already given in "
                                            f"{', '.join(seen[:-1])}: tell a case once and link to it"))
    return problems


def check_quiz_kinds(quizzes: dict[str, Quiz], lectures: dict[str, dict[str, Lecture]], rules: Rules) -> list[Problem]:
    """Mostly situations a member will meet, at most one question on a case, never a case's numbers."""
    problems: list[Problem] = []
    for quiz in sorted(quizzes.values(), key=lambda q: q.path):
        zh = lectures.get(quiz.lecture, {}).get("zh")
        if zh is None or not zh.is_final:
            continue
        missing = [q for q in quiz.questions if not q.kind]
        for question in missing:
            problems.append(Problem(quiz.path, question.line, f"question {question.id}: kind is missing "
                                    "(scenario, concept or case)"))
        if missing:
            continue
        scenarios = sum(q.kind == "scenario" for q in quiz.questions)
        need = math.ceil(rules.scenario_at_least * len(quiz.questions))
        if scenarios < need:
            problems.append(Problem(quiz.path, quiz.id_line, f"{scenarios} scenario questions of "
                                    f"{len(quiz.questions)}; at least {need} put the member in a situation"))
        cases = [q for q in quiz.questions if q.kind == "case"]
        if len(cases) > rules.case_at_most:
            problems.append(Problem(quiz.path, cases[rules.case_at_most].line, f"{len(cases)} case questions; "
                                    f"at most {rules.case_at_most} (test the lesson of a case, not the case)"))
        for question in cases:
            if any(re.search(r"\d", _answer_text(question, lang)) for lang in ("zh", "en")):
                problems.append(Problem(quiz.path, question.line, f"question {question.id}: its answer is a number "
                                        "from a case; ask what the case teaches instead"))
    return problems


def _answer_text(question: Question, lang: str) -> str:
    if question.type == "truefalse":
        return "true" if question.correct == [1] else "false"
    return " / ".join(question.options[p - 1][lang] for p in question.correct)


def check_repeated_questions(quizzes: dict[str, Quiz]) -> list[Problem]:
    """The same point asked in two lectures: keep it in the lecture that teaches it."""
    problems: list[Problem] = []
    asked: list[tuple[Quiz, Question]] = []
    for quiz in sorted(quizzes.values(), key=lambda q: q.path):
        for question in quiz.questions:
            for other_quiz, other in asked:
                if other_quiz.id == quiz.id or _answer_text(other, "zh") != _answer_text(question, "zh"):
                    continue
                ratio = difflib.SequenceMatcher(None, other.stem["zh"], question.stem["zh"]).ratio()
                if ratio >= SIMILAR_STEMS:
                    problems.append(Problem(quiz.path, question.line, f"question {question.id} asks what {other.id} "
                                            f"already asks ({other_quiz.path}:{other.line}): ask it in one lecture"))
            asked.append((quiz, question))
    return problems


def check_termbase(texts: dict[str, str], terms: list[Term]) -> list[Problem]:
    """An English rendering the glossary rules out, anywhere in English text."""
    avoided = [(re.compile(r"(?<![A-Za-z])" + re.escape(form) + r"(?![A-Za-z])", re.I), term, form)
               for term in terms for form in term.en_avoid]
    if not avoided:
        return []
    problems: list[Problem] = []
    for rel, text in texts.items():
        if rel.endswith(".md") and not rel.endswith(".en.md"):
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if line.lstrip().startswith("en_avoid:"):
                continue
            for pattern, term, form in avoided:
                if pattern.search(line):
                    problems.append(Problem(rel, number, f"'{form}' is not the course's English for {term.term}: "
                                            f"write '{term.en}' (glossary)"))
    return problems
