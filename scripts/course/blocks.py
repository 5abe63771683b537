"""Markdown blocks for course pages (pymdown-extensions Blocks API).

    /// trainer            notes for the person teaching; hidden from readers (the one closing
                           #key-points is the lecture's plan; others belong to their section)
    /// slide              a few short points projected instead of the section's text; hidden from readers
    /// quiz | lecture-04  the lecture's self-test, rendered from quizzes/
    /// course-outline     all lectures, in order, with teaching time
    /// quiz-progress      per lecture: not started, in progress or done (score), from this device
    /// course-continue    "start with lecture 1", which progress.js turns into "continue" and a progress line
    /// quiz-key           every quiz with answers and explanations, for trainers
    /// trainer-digest     per lecture: teaching time, objectives and trainer notes, for trainers
    /// procedure | NAME   numbered steps and a flow diagram from docs/_data/procedures/NAME.yml
    /// glossary           all terms of docs/_data/glossary.yml with an index of initials
    /// timeline           the documents timeline from docs/_data/timeline.yml
    /// local | NAME       where a lesson leaves a rule to each committee: the county edition's rule, or
                           a neutral line (names and labels: docs/_data/local-rules.yml)
    /// edition            the county edition's box on the home page (nothing in the national edition)

The blocks read the course and the current page's language from a shared
`PageContext` that the MkDocs hooks update before each page is rendered.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Any

import markdown
from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from .course import Course
from .html_tree import add
from .labels import label
from .lectures import Lecture
from .local_html import render_edition, render_local_rule
from .quiz_html import render_key_entry, render_quiz
from .reference_html import render_glossary, render_procedure, render_timeline


@dataclass
class PageContext:
    """What the blocks need to know about the page being rendered."""

    course: Course | None = None
    lang: str = "zh"
    src_uri: str = "index.md"
    problems: list[str] = field(default_factory=list)
    not_found: str = ""  # the default language's 404 page, kept while other languages build
    lecture_urls: dict[tuple[str, str], str] = field(default_factory=dict)  # (lang, lecture id) -> page URL
    trainer_blocks: int = 0  # trainer blocks rendered so far on this page (the hooks reset it per page)

    def lecture(self) -> Lecture | None:
        """The lecture being rendered, or None on other pages."""
        name = posixpath.basename(self.src_uri)
        if self.course is None or not self.src_uri.startswith("lectures/"):
            return None
        return self.course.lecture(name.split(".")[0], self.lang)

    def href_to(self, src_uri: str) -> str:
        """A relative Markdown link from the current page to another source file (MkDocs resolves and checks it)."""
        return posixpath.relpath(src_uri, posixpath.dirname(self.src_uri) or ".")

    def href_to_project(self, target: str) -> str:
        """Like `href_to`, for a path from the project root (`lectures/...` or `docs/...`), anchor kept."""
        page, _, anchor = target.partition("#")
        href = self.href_to(page.removeprefix("docs/"))
        return f"{href}#{anchor}" if anchor else href


class CourseBlock(Block):
    """A block that reads the shared page context."""

    context: PageContext

    def missing(self, parent: etree.Element, kind: str) -> etree.Element:
        # The content check reports this with file and line before any page is rendered.
        self.context.problems.append(f"{self.context.src_uri}: {kind} {self.argument} not found")
        return add(parent, "div", class_=f"{kind} {kind}--missing")

    def lectures(self) -> list[Lecture]:
        course = self.context.course
        if course is None:
            return []
        found = (course.lecture(stem, self.context.lang) for stem in course.ordered_lectures())
        return [lecture for lecture in found if lecture is not None]


class TrainerBlock(CourseBlock):
    NAME = "trainer"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        index = self.context.trainer_blocks
        self.context.trainer_blocks += 1
        lecture = self.context.lecture()
        plan = {}
        if lecture is not None and lecture.plan_index == index:
            # The lecture-wide plan: presentation mode puts it on the title slide, with the duration.
            plan = {"data_notes": "plan", "data_minutes": str(lecture.meta.get("teaching_minutes", ""))}
        aside = add(parent, "aside", class_="trainer-notes", data_search_exclude="true", **plan)
        add(aside, "p", label(self.context.lang, "trainer"), class_="trainer-notes__title")
        return aside


class SlideBlock(CourseBlock):
    """A summary for projection: the slide shows these points, the section's full text goes to the notes."""

    NAME = "slide"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = add(parent, "div", class_="slide-summary", data_search_exclude="true")
        add(box, "p", label(self.context.lang, "slide_summary"), class_="slide-summary__title")
        return box


class QuizBlock(CourseBlock):
    NAME = "quiz"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        course = self.context.course
        quiz = course.quizzes.get(self.argument) if course else None
        if quiz is None:
            return self.missing(parent, "quiz")
        return render_quiz(parent, quiz, self.context.lang)

    def on_end(self, block: etree.Element) -> None:
        # The quiz has no Markdown body: drop anything an author typed inside by mistake.
        for child in list(block):
            if not child.get("class", "").startswith("quiz"):
                block.remove(child)


def _lecture_link(parent: etree.Element, lecture: Lecture, context: PageContext) -> None:
    add(parent, "a", lecture.title, href=context.href_to(f"lectures/{lecture.id}.md"))


class OutlineBlock(CourseBlock):
    NAME = "course-outline"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        lang = self.context.lang
        items = add(parent, "ol", class_="course-outline")
        for lecture in self.lectures():
            item = add(items, "li", data_lecture=lecture.id)
            _lecture_link(item, lecture, self.context)
            minutes = lecture.meta.get("teaching_minutes")
            if isinstance(minutes, int):
                add(item, "span", " · " + label(lang, "minutes", n=minutes), class_="course-outline__meta")
            if not lecture.is_final:
                add(item, "span", label(lang, "coming"), class_="course-outline__coming")
        return items


class ProgressBlock(CourseBlock):
    NAME = "quiz-progress"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        lang = self.context.lang
        course = self.context.course
        wrapper = add(parent, "div", class_="quiz-progress", data_search_exclude="true")
        add(wrapper, "p", label(lang, "progress_nojs"), class_="quiz-progress__nojs")
        table = add(wrapper, "table")
        head = add(add(table, "thead"), "tr")
        for key in ("lecture", "questions", "progress"):
            add(head, "th", label(lang, key))
        body = add(table, "tbody")
        for lecture in self.lectures():
            quiz = course.quiz_for(lecture.id) if course else None
            if quiz is None:
                continue
            row = add(body, "tr", data_quiz_id=quiz.id, data_total=str(len(quiz.questions)),
                      data_qids=" ".join(q.id for q in quiz.questions))  # answers to other ids do not count
            _lecture_link(add(row, "td"), lecture, self.context)
            add(row, "td", str(len(quiz.questions)))
            add(row, "td", "—", class_="quiz-progress__status")
        return wrapper


class ContinueBlock(CourseBlock):
    """Without JavaScript, or before any lecture is opened: a link to the first lecture. progress.js turns
    it into "continue" (the lecture last opened, at its section) and adds the overall progress line."""

    NAME = "course-continue"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        lang = self.context.lang
        wrapper = add(parent, "div", class_="course-continue", data_search_exclude="true")
        lectures = self.lectures()
        if lectures:
            first = lectures[0]
            link = add(wrapper, "a", class_="md-button md-button--primary course-continue__link",
                       href=self.context.href_to(f"lectures/{first.id}.md"), data_lecture=first.id)
            verb = add(link, "span", label(lang, "start"), class_="course-continue__verb")
            verb.tail = " "
            add(link, "span", first.title, class_="course-continue__title")
        add(wrapper, "p", label(lang, "continue_hint"), class_="course-continue__hint")
        return wrapper


class KeyBlock(CourseBlock):
    NAME = "quiz-key"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        course = self.context.course
        wrapper = add(parent, "div", class_="quiz-key-all")
        for lecture in self.lectures():
            quiz = course.quiz_for(lecture.id) if course else None
            if quiz is None:
                continue
            heading = add(wrapper, "h2", id=f"key-{lecture.id}")
            _lecture_link(heading, lecture, self.context)
            render_key_entry(wrapper, quiz, self.context.lang, self.context.href_to(f"lectures/{lecture.id}.md"))
        return wrapper


class TrainerDigestBlock(CourseBlock):
    """For the trainers' page: per lecture its teaching time, objectives and all trainer notes."""

    NAME = "trainer-digest"
    ARGUMENT = None

    def _markdown(self, parent: etree.Element, text: str) -> None:
        # Rendered separately and stashed as HTML: it is already-checked lecture content.
        html = markdown.markdown(text, extensions=["attr_list", "tables"])
        add(parent, "div", self.md.htmlStash.store(html), class_="trainer-digest__notes")

    def on_create(self, parent: etree.Element) -> etree.Element:
        lang = self.context.lang
        wrapper = add(parent, "div", class_="trainer-digest")
        for lecture in self.lectures():
            heading = add(wrapper, "h2", id=f"digest-{lecture.id}")
            _lecture_link(heading, lecture, self.context)
            minutes = lecture.meta.get("teaching_minutes")
            if isinstance(minutes, int):
                add(wrapper, "p", label(lang, "teaching_time") + label(lang, "minutes", n=minutes),
                    class_="trainer-digest__meta")
            add(wrapper, "h3", label(lang, "objectives"), id=f"digest-{lecture.id}-objectives")
            self._markdown(wrapper, lecture.section_markdown.get("objectives", ""))
            add(wrapper, "h3", label(lang, "trainer"), id=f"digest-{lecture.id}-notes")
            self._markdown(wrapper, lecture.trainer_markdown)
            for note in lecture.section_notes():
                add(wrapper, "p", label(lang, "notes_for", section=note.section_title),
                    class_="trainer-digest__section")
                self._markdown(wrapper, note.markdown)
        return wrapper


class ProcedureBlock(CourseBlock):
    NAME = "procedure"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        course = self.context.course
        procedure = course.reference.procedures.get(self.argument) if course else None
        if procedure is None:
            return self.missing(parent, "procedure")
        return render_procedure(parent, procedure, self.context.lang)


class GlossaryBlock(CourseBlock):
    NAME = "glossary"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        terms = self.context.course.reference.terms if self.context.course else []
        return render_glossary(parent, terms, self.context.lang, self.context.href_to_project)


class TimelineBlock(CourseBlock):
    NAME = "timeline"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        events = self.context.course.reference.timeline if self.context.course else []
        return render_timeline(parent, events, self.context.lang)


class LocalRuleBlock(CourseBlock):
    """A place where a lesson leaves a rule to each committee: the edition's rule, or one neutral line."""

    NAME = "local"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        course = self.context.course
        if course is None or self.argument not in course.local_rules.labels:
            return self.missing(parent, "local-rule")
        element = render_local_rule(parent, self.argument, course.local_rules, course.edition, self.context.lang,
                                    self.context.href_to)
        self.generated = len(element)
        return element

    def on_end(self, block: etree.Element) -> None:
        # The marker has no Markdown body: drop anything typed inside by mistake.
        for child in list(block)[getattr(self, "generated", 0):]:
            block.remove(child)


class EditionBlock(CourseBlock):
    """The county edition's box (committee, training, contacts, pages); the national edition shows nothing."""

    NAME = "edition"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        edition = self.context.course.edition if self.context.course else None
        if edition is None:
            return etree.Element("div")  # not attached to the page: nothing is rendered
        return render_edition(parent, edition, self.context.lang, self.context.href_to)

    def on_end(self, block: etree.Element) -> None:
        for child in [c for c in block if not c.get("class", "").startswith("course-edition-info")]:
            block.remove(child)


BLOCKS: tuple[type[CourseBlock], ...] = (TrainerBlock, SlideBlock, QuizBlock, OutlineBlock, ProgressBlock, ContinueBlock,
                                         KeyBlock,
                                         TrainerDigestBlock, ProcedureBlock, GlossaryBlock, TimelineBlock,
                                         LocalRuleBlock, EditionBlock)


class CourseBlocksExtension(BlocksExtension):
    """Registers the course blocks, all sharing one page context."""

    def __init__(self, context: PageContext, **kwargs: Any) -> None:
        self.context = context
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        for block in BLOCKS:
            bound = type(block.__name__, (block,), {"context": self.context})
            block_mgr.register(bound, {})
