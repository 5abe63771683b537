"""Quiz files: the data model and the checks a single file must pass on its own.

A quiz file holds both languages side by side so that parity is checkable. Every
problem is reported as `quizzes/FILE.yml:LINE: message`; a file that fails to
load never raises, it only yields problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .lectures import LANGS
from .problems import Problem
from .sourcefile import read_source
from .yamlfile import LineList, LineMap, load_yaml

TYPES = ("single", "multiple", "truefalse")
QUESTION_KEYS = {"id", "type", "kind", "section", "stem", "options", "answer", "explanation"}
MAX_OPTIONS = 6  # the renderer letters options A-F; more would not fit a phone screen either
KINDS = ("scenario", "concept", "case")  # what a question tests: a situation a member meets, a national rule, a case
TOP_KEYS = {"quiz", "lecture", "questions"}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LANG_NAMES = {"zh": "Chinese", "en": "English"}


@dataclass
class Question:
    id: str
    type: str
    section: str
    stem: dict[str, str]
    options: list[dict[str, str]]
    correct: list[int]  # 1-based positions; for true/false 1 = true, 2 = false
    explanation: dict[str, str]
    line: int
    kind: str = ""  # scenario | concept | case (course rules count them per quiz)

    def option_count(self) -> int:
        return 2 if self.type == "truefalse" else len(self.options)


@dataclass
class Quiz:
    id: str
    lecture: str
    path: str
    questions: list[Question] = field(default_factory=list)
    id_line: int = 1
    lecture_line: int = 1


def _text_pair(value: Any, where: str, path: str, line: int, problems: list[Problem]) -> dict[str, str] | None:
    """A `{zh: ..., en: ...}` pair; reports which language is missing or empty."""
    if not isinstance(value, dict):
        problems.append(Problem(path, line, f"{where} must have zh and en text"))
        return None
    pair: dict[str, str] = {}
    vline = value.line if isinstance(value, LineMap) else line
    for lang in LANGS:
        text = value.get(lang)
        if text is None or (isinstance(text, str) and not text.strip()):
            problems.append(Problem(path, vline, f"{where} has no {LANG_NAMES[lang]} text ({lang})"))
        elif not isinstance(text, (str, int, float)) or isinstance(text, bool):
            problems.append(Problem(path, vline, f"{where}: {lang} text must be plain text"))
        else:
            pair[lang] = str(text).strip()
    extra = sorted(str(k) for k in value if k not in LANGS)
    if extra:
        problems.append(Problem(path, vline, f"{where}: unknown language key(s) {', '.join(extra)}"))
    return pair if len(pair) == len(LANGS) else None


def _positions(answer: Any) -> list[Any]:
    return list(answer) if isinstance(answer, list) else [answer]


def _read_question(raw: Any, number: int, path: str, line: int, problems: list[Problem]) -> Question | None:
    if not isinstance(raw, dict):
        problems.append(Problem(path, line, f"question {number} must be a mapping with id, type, stem, ..."))
        return None
    line = raw.line if isinstance(raw, LineMap) else line
    at = raw.line_of if isinstance(raw, LineMap) else (lambda _key: line)
    before = len(problems)
    qid = raw.get("id")
    label = f"question {qid}" if isinstance(qid, str) else f"question {number}"
    if not isinstance(qid, str) or not ID_PATTERN.match(qid):
        problems.append(Problem(path, at("id"), f"question {number}: id must be lower-case letters, digits and hyphens"))
    for key in sorted(str(k) for k in raw if k not in QUESTION_KEYS):
        problems.append(Problem(path, at(key), f"{label}: unknown field '{key}'"))
    qtype = raw.get("type")
    if qtype not in TYPES:
        problems.append(Problem(path, at("type"), f"{label}: type must be one of {', '.join(TYPES)}"))
    kind = raw.get("kind")
    if kind is not None and kind not in KINDS:
        problems.append(Problem(path, at("kind"), f"{label}: kind must be one of {', '.join(KINDS)}"))
    section = raw.get("section")
    if not isinstance(section, str) or not section.strip():
        problems.append(Problem(path, at("section"), f"{label}: section (the anchor that teaches this) is missing"))
    stem = _text_pair(raw.get("stem"), f"{label} stem", path, at("stem"), problems)
    explanation = _text_pair(raw.get("explanation"), f"{label} explanation", path, at("explanation"), problems)

    options: list[dict[str, str]] = []
    raw_options = raw.get("options")
    if qtype == "truefalse":
        if raw_options is not None:
            problems.append(Problem(path, at("options"), f"{label}: a truefalse question has no options"))
    elif qtype in ("single", "multiple"):
        if not isinstance(raw_options, list) or len(raw_options) < 2:
            problems.append(Problem(path, at("options"), f"{label}: needs at least two options"))
        elif len(raw_options) > MAX_OPTIONS:
            problems.append(Problem(path, at("options"), f"{label}: {len(raw_options)} options; a question has at "
                                    f"most {MAX_OPTIONS}"))
        else:
            for i, option in enumerate(raw_options, start=1):
                oline = raw_options.line_of(i - 1) if isinstance(raw_options, LineList) else at("options")
                if isinstance(option, dict) and any(lang not in option for lang in LANGS) and option:
                    missing = [lang for lang in LANGS if lang not in option]
                    problems.append(Problem(path, oline, f"{label}: zh and en option counts differ "
                                            f"(option {i} has no {'/'.join(missing)} text)"))
                    continue
                pair = _text_pair(option, f"{label} option {i}", path, oline, problems)
                if pair:
                    options.append(pair)
            for lang in LANGS:
                seen: dict[str, int] = {}
                for i, option in enumerate(options, start=1):
                    if option[lang] in seen:
                        problems.append(Problem(path, at("options"), f"{label}: options {seen[option[lang]]} and {i} "
                                                f"repeat the same {lang} text"))
                    seen.setdefault(option[lang], i)

    correct: list[int] = []
    answer = raw.get("answer")
    if answer is None:
        problems.append(Problem(path, at("answer"), f"{label}: answer is missing"))
    elif qtype == "truefalse":
        if not isinstance(answer, bool):
            problems.append(Problem(path, at("answer"), f"{label}: a truefalse answer is true or false"))
        else:
            correct = [1 if answer else 2]
    elif qtype in ("single", "multiple"):
        values = _positions(answer)
        count = len(raw_options) if isinstance(raw_options, list) else 0
        for value in values:
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= max(count, 1):
                problems.append(Problem(path, at("answer"), f"{label}: answer {value!r} is not among the options "
                                        f"(give the position, 1 to {count})"))
            elif value in correct:
                problems.append(Problem(path, at("answer"), f"{label}: answer {value} is given twice"))
            else:
                correct.append(value)
        if qtype == "single" and len(values) != 1:
            problems.append(Problem(path, at("answer"), f"{label}: a single-choice question needs exactly one answer, "
                                    f"found {len(values)}"))
        if qtype == "multiple" and len(values) < 2:
            problems.append(Problem(path, at("answer"), f"{label}: a multiple-choice question needs two or more "
                                    "answers (use type: single for one)"))
    if len(problems) > before:
        return None
    assert isinstance(qid, str) and isinstance(qtype, str) and isinstance(section, str)
    assert stem is not None and explanation is not None
    return Question(qid, qtype, section.strip(), stem, options, sorted(correct), explanation, line, str(kind or ""))


def parse_quiz(text: str, path: str) -> tuple[Quiz | None, list[Problem]]:
    """Load and check one quiz file on its own (cross-file checks live in `checks`)."""
    data, problems = load_yaml(text, path)
    if problems:
        return None, problems
    if not isinstance(data, LineMap):
        return None, [Problem(path, 1, "a quiz file is a mapping with quiz, lecture and questions")]
    for key in sorted(str(k) for k in data if k not in TOP_KEYS):
        problems.append(Problem(path, data.line_of(key), f"unknown field '{key}'"))
    quiz_id, lecture_id = data.get("quiz"), data.get("lecture")
    if not isinstance(quiz_id, str) or not ID_PATTERN.match(quiz_id):
        problems.append(Problem(path, data.line_of("quiz"), "quiz: the quiz id is missing or not lower-case-with-hyphens"))
    if not isinstance(lecture_id, str) or not lecture_id:
        problems.append(Problem(path, data.line_of("lecture"), "lecture: the lecture id is missing"))
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        problems.append(Problem(path, data.line_of("questions"), "questions: a list of questions is required"))
        raw_questions = []
    quiz = Quiz(str(quiz_id), str(lecture_id), path, id_line=data.line_of("quiz"), lecture_line=data.line_of("lecture"))
    for number, raw in enumerate(raw_questions, start=1):
        line = raw_questions.line_of(number - 1) if isinstance(raw_questions, LineList) else 1
        question = _read_question(raw, number, path, line, problems)
        if question:
            quiz.questions.append(question)
    _check_within_quiz(quiz, problems)
    return (quiz if not problems else None), problems


def _check_within_quiz(quiz: Quiz, problems: list[Problem]) -> None:
    seen_ids: dict[str, int] = {}
    for question in quiz.questions:
        if question.id in seen_ids:
            problems.append(Problem(quiz.path, question.line, f"duplicate question id {question.id} "
                                    f"(also at line {seen_ids[question.id]})"))
        seen_ids.setdefault(question.id, question.line)
    for lang in LANGS:
        stems: dict[str, int] = {}
        for question in quiz.questions:
            stem = question.stem[lang]
            if stem in stems:
                problems.append(Problem(quiz.path, question.line, f"question {question.id}: the same {lang} stem "
                                        f"already appears at line {stems[stem]}"))
            stems.setdefault(stem, question.line)
    singles = [q for q in quiz.questions if q.type == "single"]
    if len(singles) >= 2 and len({q.correct[0] for q in singles}) == 1:
        problems.append(Problem(quiz.path, singles[0].line, f"every single-choice answer sits in position "
                                f"{singles[0].correct[0]}; vary the position of the correct option"))


def load_quiz_file(path: Path, root: Path) -> tuple[Quiz | None, list[Problem]]:
    rel = path.relative_to(root).as_posix()
    text, problems = read_source(root, rel)
    if text is None:
        return None, problems
    return parse_quiz(text, rel)
