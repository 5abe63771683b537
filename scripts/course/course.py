"""The whole course as the build sees it: lectures, quizzes and every consistency problem between them."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .content_rules import (
    check_case_figures,
    check_discouraged,
    check_quiz_kinds,
    check_repeated_questions,
    check_termbase,
    load_rules,
)
from .handout import check_key_terms
from .lectures import DEFAULT_LANG, LANGS, PLAN_SECTION, Lecture, NoteBlock, load_lectures
from .local_edition import Edition, load_edition
from .local_rules import LocalRules, check_local_markers, load_local_rules
from .page_meta import WIDTH, width
from .problems import Problem
from .quizzes import Quiz, load_quiz_file
from .reference import Pages, Reference, load_reference
from .sourcefile import read_source
from .unsafe_markup import content_files, find_code

FIXED_BEFORE = ("why", "objectives")
FIXED_AFTER = ("case", "discussion", "key-points", "sources", "quiz")
BODY_SECTIONS = (3, 6)
MIN_LIST_ITEMS = {"objectives": 3, "discussion": 3, "key-points": 3, "sources": 1}
ZH_LENGTH = (3000, 6000)
EN_WORDS_PER_HAN = 0.4  # below this the English is a summary, not a translation
MIN_QUESTIONS_FINAL = 10
NO_SUMMARY = ("objectives", "quiz")  # shown as they are: the title slide and the questions
REQUIRED_META = ("id", "number", "title", "teaching_minutes", "stage", "last_reviewed")
OPTIONAL_META = ("summary",)  # one line for search results and link previews; without it, #why's first sentence


@dataclass
class Course:
    root: Path
    lectures: dict[str, dict[str, Lecture]] = field(default_factory=dict)
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    reference: Reference = field(default_factory=Reference)
    problems: list[Problem] = field(default_factory=list)
    broken_quizzes: set[str] = field(default_factory=set)  # quiz files that exist but did not load
    local_rules: LocalRules = field(default_factory=LocalRules)  # places a lesson leaves to each committee
    edition: Edition | None = None  # the county edition being built; None for the national edition

    def lecture(self, lecture_id: str, lang: str) -> Lecture | None:
        return self.lectures.get(lecture_id, {}).get(lang) or self.lectures.get(lecture_id, {}).get(DEFAULT_LANG)

    def ordered_lectures(self) -> list[str]:
        return sorted(self.lectures, key=lambda stem: (self.lectures[stem].get(DEFAULT_LANG) or
                                                       next(iter(self.lectures[stem].values()))).number)

    def quiz_for(self, lecture_id: str) -> Quiz | None:
        return next((q for q in self.quizzes.values() if q.lecture == lecture_id), None)


def load_course(root: Path, edition: str | None = None) -> Course:
    """Load lectures and quizzes (and the county edition `editions/EDITION/`, if given) and run every check;
    never raises on bad content."""
    lectures, problems = load_lectures(root)
    course = Course(root=root, lectures=lectures, problems=problems)
    texts, read_problems = read_content(root)
    problems.extend(read_problems)
    problems.extend(check_twins(root))
    pages = Pages(root, texts)  # docs pages parsed once, for their syntax here and for links and markers later
    problems.extend(check_pages(texts, pages))
    loaded: list[Quiz] = []
    for path in sorted((root / "quizzes").glob("*.yml")) if (root / "quizzes").is_dir() else []:
        quiz, quiz_problems = load_quiz_file(path, root)
        problems.extend(quiz_problems)
        if quiz is None:
            course.broken_quizzes.add(path.stem)  # its own errors are reported; no "not found" cascade
        else:
            loaded.append(quiz)
    # A quiz in the file named after its lecture is the lecture's quiz; any other one is the extra.
    for quiz in sorted(loaded, key=lambda q: (Path(q.path).stem != q.lecture, q.path)):
        if quiz.id in course.quizzes:
            problems.append(Problem(quiz.path, quiz.id_line, f"quiz id {quiz.id} is also used by "
                                    f"{course.quizzes[quiz.id].path}"))
            continue
        other = course.quiz_for(quiz.lecture)
        if other is not None:
            problems.append(Problem(quiz.path, quiz.lecture_line, f"{quiz.lecture} already has its quiz in "
                                    f"{other.path}: one quiz per lecture (merge the questions into it)"))
            continue
        course.quizzes[quiz.id] = quiz
    for stem, versions in course.lectures.items():
        problems.extend(check_lecture(stem, versions, course))
    problems.extend(check_quizzes_against_lectures(course))
    course.reference = load_reference(root, pages)
    problems.extend(course.reference.problems)
    if course.reference.terms:  # an unreadable glossary is reported once, not as every lecture's key terms
        for versions in course.lectures.values():
            problems.extend(p for lecture in versions.values() if not lecture.meta_problems
                            for p in check_key_terms(lecture, course.reference.terms, versions.get("zh")))
    rules = load_rules(root, problems)
    problems.extend(check_discouraged(texts, rules))
    problems.extend(check_case_figures(course.lectures, texts, rules))
    problems.extend(check_quiz_kinds(course.quizzes, course.lectures, rules))
    problems.extend(check_repeated_questions(course.quizzes))
    problems.extend(check_termbase(texts, course.reference.terms))
    course.local_rules = load_local_rules(root, problems)
    check_local_markers(root, course.local_rules, course.lectures, pages, problems)
    if edition is not None:
        course.edition = load_edition(root, edition, course.local_rules)
        problems.extend(course.edition.problems)
        edition_texts = course.edition.texts
        problems.extend(p for rel, text in edition_texts.items() for p in find_code(text, rel))
        problems.extend(check_discouraged(edition_texts, rules))
        problems.extend(check_termbase(edition_texts, course.reference.terms))
    course.problems = sorted(set(problems))
    return course


def check_twins(root: Path) -> list[Problem]:
    """Every page exists in both languages: no silent fallback to Chinese."""
    problems: list[Problem] = []
    for folder in ("docs", "lectures"):
        base = root / folder
        if not base.is_dir():
            continue
        pages = {p.relative_to(root).as_posix() for p in base.rglob("*.md")}
        for page in sorted(pages):
            if page.endswith(".en.md"):
                if page[: -len(".en.md")] + ".md" not in pages:
                    problems.append(Problem(page, 1, "no Chinese version"))
            elif page[: -len(".md")] + ".en.md" not in pages:
                problems.append(Problem(page, 1, "no English version"))
    return problems


def read_content(root: Path) -> tuple[dict[str, str], list[Problem]]:
    """The text of every file an editor writes, read once for the checks that scan them all."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for path in content_files(root):
        rel = path.relative_to(root).as_posix()
        text, read_problems = read_source(root, rel)
        if text is not None:
            texts[rel] = text
        elif rel.startswith("docs/") and not rel.startswith("docs/_data/"):  # data and lecture loaders report theirs
            problems.extend(read_problems)
    return texts, problems


def check_pages(texts: dict[str, str], pages: Pages) -> list[Problem]:
    """Unclosed fences and blocks, repeated anchors and embedded code, in every file an editor writes."""
    problems: list[Problem] = []
    for rel, text in texts.items():
        problems.extend(find_code(text, rel))
        parsed = pages.get(rel) if rel.startswith("docs/") and rel.endswith(".md") else None
        if parsed is not None:
            problems.extend(parsed.syntax_problems)
    return problems


def did_you_mean(name: str, choices: set[str] | list[str]) -> str:
    """`; did you mean #case?` for a near miss, or nothing."""
    close = difflib.get_close_matches(name, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean #{close[0]}?" if close else ""


def _check_meta(stem: str, lecture: Lecture) -> list[Problem]:
    problems = list(lecture.meta_problems)
    meta = lecture.meta
    if lecture.meta_problems:
        return problems
    for key in REQUIRED_META:
        if key not in meta:
            problems.append(Problem(lecture.path, meta.line or 1, f"front matter: missing {key}"))
    if "id" in meta and meta["id"] != stem:
        problems.append(Problem(lecture.path, meta.line_of("id"), f"front matter: id must be {stem} (the file name)"))
    if "number" in meta and meta["number"] != int(stem.split("-")[1]):
        problems.append(Problem(lecture.path, meta.line_of("number"), f"front matter: number does not match {stem}"))
    if "stage" in meta and meta["stage"] not in ("draft", "final"):
        problems.append(Problem(lecture.path, meta.line_of("stage"), "front matter: stage is draft or final"))
    if "teaching_minutes" in meta and not isinstance(meta["teaching_minutes"], int):
        problems.append(Problem(lecture.path, meta.line_of("teaching_minutes"), "front matter: teaching_minutes is a number"))
    if "last_reviewed" in meta and not isinstance(meta["last_reviewed"], dt.date):
        problems.append(Problem(lecture.path, meta.line_of("last_reviewed"),
                                "front matter: last_reviewed is a date (YYYY-MM-DD)"))
    if "summary" in meta:
        problems.extend(_check_summary(lecture))
    return problems


def _check_summary(lecture: Lecture) -> list[Problem]:
    """The optional one-line summary: the page's description in search results and link previews."""
    summary, line = lecture.meta["summary"], lecture.meta.line_of("summary")
    if not isinstance(summary, str) or not summary.strip():
        return [Problem(lecture.path, line, "front matter: summary is one line of text (or leave it out)")]
    if "\n" in summary.strip():
        return [Problem(lecture.path, line, "front matter: summary is one line; write it without line breaks")]
    if width(summary.strip()) > WIDTH:
        return [Problem(lecture.path, line, f"front matter: summary is {width(summary.strip())} columns wide, "
                        f"more than a search result shows ({WIDTH}; a Chinese character takes 2): shorten it")]
    return []


def _check_skeleton(lecture: Lecture, course: Course) -> list[Problem]:
    problems: list[Problem] = list(lecture.syntax_problems)
    if lecture.unclosed:
        return problems  # everything after the open fence or block is swallowed: say only that
    path = lecture.path
    sections = lecture.sections()
    for heading in sections:
        if not heading.anchor:
            problems.append(Problem(path, heading.line, f"heading '{heading.title}' has no anchor; add {{ #an-anchor }}"))
    anchors = [h.anchor for h in sections if h.anchor]
    for name in FIXED_BEFORE + FIXED_AFTER:
        if name not in anchors:
            hint = did_you_mean(name, [a for a in anchors if a not in FIXED_BEFORE + FIXED_AFTER])
            problems.append(Problem(path, 1, f"missing section {{ #{name} }}{hint}"))
    if all(name in anchors for name in FIXED_BEFORE + FIXED_AFTER):
        positions = [anchors.index(name) for name in FIXED_BEFORE + FIXED_AFTER]
        body = anchors[anchors.index("objectives") + 1 : anchors.index("case")]
        if positions != sorted(positions) or positions[:2] != [0, 1] or positions[2:] != list(
            range(len(anchors) - len(FIXED_AFTER), len(anchors))
        ):
            problems.append(Problem(path, 1, "sections out of order: why, objectives, body sections, case, "
                                    "discussion, key-points, sources, quiz"))
        elif not BODY_SECTIONS[0] <= len(body) <= BODY_SECTIONS[1]:
            problems.append(Problem(path, 1, f"{len(body)} body sections; a lecture has "
                                    f"{BODY_SECTIONS[0]} to {BODY_SECTIONS[1]}"))
    for heading in sections:
        need = MIN_LIST_ITEMS.get(heading.anchor or "")
        if need and heading.list_items < need:
            problems.append(Problem(path, heading.line, f"section #{heading.anchor} lists {heading.list_items} "
                                    f"item(s); it needs at least {need}"))
    problems.extend(_check_note_blocks(lecture))
    quiz_blocks = [(arg, line) for name, arg, line in lecture.blocks if name == "quiz"]
    if not quiz_blocks:
        problems.append(Problem(path, 1, "missing quiz marker (/// quiz | QUIZ-ID)"))
    for quiz_id, line in quiz_blocks:
        quiz = course.quizzes.get(quiz_id)
        if quiz is None:
            if quiz_id not in course.broken_quizzes:
                problems.append(Problem(path, line, f"quiz {quiz_id or '(no id)'} not found in quizzes/"))
        elif lecture.id and quiz.lecture != lecture.id:
            problems.append(Problem(path, line, f"quiz {quiz_id} belongs to {quiz.lecture}, not {lecture.id}"))
    return problems


def _check_note_blocks(lecture: Lecture) -> list[Problem]:
    """Trainer notes: one lecture-wide plan closing #key-points, any number inside sections;
    slide summaries: inside a section, at most one per slide, never empty."""
    path = lecture.path
    problems: list[Problem] = []
    trainer = lecture.trainer_blocks()
    if not trainer:
        problems.append(Problem(path, 1, "missing trainer notes (/// trainer ... ///)"))
    elif lecture.plan is None:
        problems.append(Problem(path, trainer[-1].line, f"the lecture's trainer notes (its 45-minute plan) go at "
                                f"the end of section #{PLAN_SECTION}, before ## sources; notes for one section "
                                "go inside that section"))
    first_slide: dict[int, int] = {}
    section_lines = {h.anchor or h.title: h.line for h in lecture.sections()}
    for note in lecture.notes:
        if note.section is None:
            problems.append(Problem(path, note.line, f"this /// {note.kind} block is not inside a ## section: "
                                    "put it in the section it is about"))
            continue
        if note.kind != "slide":
            continue
        if not note.markdown:
            problems.append(Problem(path, note.line, "this /// slide block is empty: write the few short points "
                                    "the slide shows instead of the section's text"))
        if note.section in NO_SUMMARY:
            problems.append(Problem(path, note.line, f"section #{note.section} is projected as it is: "
                                    "a /// slide summary cannot go there"))
        whole = first_slide.get(section_lines.get(note.section, -1))  # a summary for the whole section
        if note.heading_line in first_slide:
            problems.append(Problem(path, note.line, "a second /// slide block for the same slide (the first is "
                                    f"at line {first_slide[note.heading_line]}): keep one summary per heading"))
        elif whole is not None:
            problems.append(Problem(path, note.line, f"the /// slide block at line {whole} already stands for the "
                                    f"whole section #{note.section}, its sub-sections included"))
        first_slide.setdefault(note.heading_line, note.line)
    return problems


def _note_parity(zh: Lecture, en: Lecture) -> list[Problem]:
    """Trainer notes and slide summaries sit in the same sections in both languages."""
    problems: list[Problem] = []
    for kind in ("trainer", "slide"):
        zh_notes = [n for n in zh.notes if n.kind == kind]
        en_notes = [n for n in en.notes if n.kind == kind]
        zh_places, en_places = [n.section for n in zh_notes], [n.section for n in en_notes]
        if zh_places == en_places:
            continue
        index = next((i for i, (a, b) in enumerate(zip(zh_places, en_places, strict=False)) if a != b),
                     min(len(zh_places), len(en_places)))
        line = en_notes[index].line if index < len(en_notes) else 1
        problems.append(Problem(en.path, line, f"/// {kind} blocks differ from the Chinese version: expected "
                                f"{_placed(zh_notes, index)}, found {_placed(en_notes, index)}"))
    return problems


def _placed(notes: list[NoteBlock], index: int) -> str:
    if index >= len(notes):
        return "no more"
    return f"one in #{notes[index].section}" if notes[index].section else "one before the first section"


def _check_length(lecture: Lecture, zh: Lecture | None) -> list[Problem]:
    if lecture.lang == "zh":
        low, high = ZH_LENGTH
        if not low <= lecture.han_chars <= high:
            return [Problem(lecture.path, 1, f"{lecture.han_chars} Chinese characters in the body; "
                            f"a final lecture has {low} to {high}")]
    elif zh is not None and lecture.words < zh.han_chars * EN_WORDS_PER_HAN:
        return [Problem(lecture.path, 1, f"{lecture.words} English words for {zh.han_chars} Chinese characters: "
                        "translate the whole lecture, not a summary")]
    return []


def check_lecture(stem: str, versions: dict[str, Lecture], course: Course) -> list[Problem]:
    """Front matter, skeleton, zh/en parity and length of one lecture."""
    problems: list[Problem] = []
    zh = versions.get("zh")
    for lecture in versions.values():
        problems.extend(_check_meta(stem, lecture))
        problems.extend(_check_skeleton(lecture, course))
        if lecture.is_final and not lecture.meta_problems and not lecture.unclosed:
            problems.extend(_check_length(lecture, zh))
    en = versions.get("en")
    if zh is not None and en is not None and not (zh.meta_problems or en.meta_problems or zh.unclosed or en.unclosed):
        for key in ("id", "number", "stage", "teaching_minutes"):
            if zh.meta.get(key) != en.meta.get(key):
                problems.append(Problem(en.path, en.meta.line_of(key), f"front matter: {key} differs from the Chinese version"))
        for key in OPTIONAL_META:
            if (key in zh.meta) != (key in en.meta):
                has, lacks = (zh, en) if key in zh.meta else (en, zh)
                problems.append(Problem(lacks.path, lacks.meta.line or 1, f"front matter: no {key}, but "
                                        f"{Path(has.path).name} has one: give both languages a {key} or neither"))
        zh_anchors = [h.anchor for h in zh.sections()]
        en_sections = en.sections()
        en_anchors = [h.anchor for h in en_sections]
        if zh_anchors != en_anchors:
            index = next((i for i, (a, b) in enumerate(zip(zh_anchors, en_anchors, strict=False)) if a != b),
                         min(len(zh_anchors), len(en_anchors)))
            line = en_sections[index].line if index < len(en_sections) else 1
            problems.append(Problem(en.path, line, "sections differ from the Chinese version: "
                                    f"expected {_shown(zh_anchors, index)}, found {_shown(en_anchors, index)}"))
        else:
            problems.extend(_note_parity(zh, en))
    return problems


def _shown(anchors: list[str | None], index: int) -> str:
    if index >= len(anchors):
        return "(none)"
    return f"#{anchors[index]}" if anchors[index] else "a heading without anchor"


def check_quizzes_against_lectures(course: Course) -> list[Problem]:
    """Each quiz belongs to a lecture, points at sections that exist, and is long enough once final."""
    problems: list[Problem] = []
    question_ids: dict[str, str] = {}
    for quiz in sorted(course.quizzes.values(), key=lambda q: q.path):
        versions = course.lectures.get(quiz.lecture)
        for question in quiz.questions:
            where = f"{quiz.path}:{question.line}"
            if question.id in question_ids and question_ids[question.id] != where:
                problems.append(Problem(quiz.path, question.line, f"question id {question.id} is also used at "
                                        f"{question_ids[question.id]}"))
            question_ids.setdefault(question.id, where)
        if not versions:
            problems.append(Problem(quiz.path, quiz.lecture_line, f"lecture {quiz.lecture} does not exist in lectures/"))
            continue
        for question in quiz.questions:
            for lang in LANGS:
                lecture = versions.get(lang)
                if lecture is not None and not lecture.unclosed and question.section not in lecture.anchors():
                    problems.append(Problem(quiz.path, question.line, f"question {question.id}: section "
                                            f"#{question.section} does not exist in {lecture.path}"
                                            f"{did_you_mean(question.section, lecture.anchors())}"))
        zh = versions.get("zh")
        if zh is not None and zh.is_final and len(quiz.questions) < MIN_QUESTIONS_FINAL:
            problems.append(Problem(quiz.path, quiz.id_line, f"{len(quiz.questions)} questions; the quiz of a final "
                                    f"lecture has at least {MIN_QUESTIONS_FINAL}"))
    return problems
