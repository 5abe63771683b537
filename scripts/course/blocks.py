"""Markdown blocks for course pages (pymdown-extensions Blocks API).

    /// trainer            notes for the person teaching; hidden from readers
    /// quiz | lecture-04  the lecture's self-test, rendered from quizzes/
    /// course-outline     all lectures, in order, with teaching time
    /// quiz-progress      per lecture: quiz taken on this device, best score
    /// quiz-key           every quiz with answers and explanations, for trainers

The blocks read the course and the current page's language from a shared
`PageContext` that the MkDocs hooks update before each page is rendered.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Any

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from .course import Course
from .labels import label
from .lectures import Lecture
from .quiz_html import render_key_entry, render_quiz


@dataclass
class PageContext:
    """What the blocks need to know about the page being rendered."""

    course: Course | None = None
    lang: str = "zh"
    src_uri: str = "index.md"
    problems: list[str] = field(default_factory=list)

    def href_to(self, src_uri: str) -> str:
        """A relative Markdown link from the current page to another source file (MkDocs resolves and checks it)."""
        return posixpath.relpath(src_uri, posixpath.dirname(self.src_uri) or ".")


class CourseBlock(Block):
    """A block that reads the shared page context."""

    context: PageContext

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
        aside = etree.SubElement(parent, "aside", {"class": "trainer-notes", "data-search-exclude": "true"})
        etree.SubElement(aside, "p", {"class": "trainer-notes__title"}).text = label(self.context.lang, "trainer")
        return aside


class QuizBlock(CourseBlock):
    NAME = "quiz"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        course = self.context.course
        quiz = course.quizzes.get(self.argument) if course else None
        if quiz is None:
            # The content check reports this with file and line before any page is rendered.
            self.context.problems.append(f"{self.context.src_uri}: quiz {self.argument} not found")
            return etree.SubElement(parent, "div", {"class": "quiz quiz--missing"})
        return render_quiz(parent, quiz, self.context.lang)

    def on_end(self, block: etree.Element) -> None:
        # The quiz has no Markdown body: drop anything an author typed inside by mistake.
        for child in list(block):
            if not child.get("class", "").startswith("quiz"):
                block.remove(child)


def _lecture_link(parent: etree.Element, lecture: Lecture, context: PageContext) -> None:
    etree.SubElement(parent, "a", {"href": context.href_to(f"lectures/{lecture.id}.md")}).text = lecture.title


class OutlineBlock(CourseBlock):
    NAME = "course-outline"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        lang = self.context.lang
        items = etree.SubElement(parent, "ol", {"class": "course-outline"})
        for lecture in self.lectures():
            item = etree.SubElement(items, "li", {"data-lecture": lecture.id})
            _lecture_link(item, lecture, self.context)
            minutes = lecture.meta.get("teaching_minutes")
            note = etree.SubElement(item, "span", {"class": "course-outline__meta"})
            note.text = " · " + label(lang, "minutes", n=minutes) if isinstance(minutes, int) else ""
            if not lecture.is_final:
                etree.SubElement(item, "span", {"class": "course-outline__coming"}).text = label(lang, "coming")
        return items


class ProgressBlock(CourseBlock):
    NAME = "quiz-progress"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        lang = self.context.lang
        course = self.context.course
        wrapper = etree.SubElement(parent, "div", {"class": "quiz-progress", "data-search-exclude": "true"})
        etree.SubElement(wrapper, "p", {"class": "quiz-progress__nojs"}).text = label(lang, "progress_nojs")
        table = etree.SubElement(wrapper, "table")
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for key in ("lecture", "questions", "progress"):
            etree.SubElement(head, "th").text = label(lang, key)
        body = etree.SubElement(table, "tbody")
        for lecture in self.lectures():
            quiz = course.quiz_for(lecture.id) if course else None
            if quiz is None:
                continue
            row = etree.SubElement(body, "tr", {"data-quiz-id": quiz.id, "data-total": str(len(quiz.questions))})
            _lecture_link(etree.SubElement(row, "td"), lecture, self.context)
            etree.SubElement(row, "td").text = str(len(quiz.questions))
            etree.SubElement(row, "td", {"class": "quiz-progress__status"}).text = "—"
        return wrapper


class KeyBlock(CourseBlock):
    NAME = "quiz-key"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        course = self.context.course
        wrapper = etree.SubElement(parent, "div", {"class": "quiz-key-all"})
        for lecture in self.lectures():
            quiz = course.quiz_for(lecture.id) if course else None
            if quiz is None:
                continue
            heading = etree.SubElement(wrapper, "h2", {"id": f"key-{lecture.id}"})
            _lecture_link(heading, lecture, self.context)
            render_key_entry(wrapper, quiz, self.context.lang, self.context.href_to(f"lectures/{lecture.id}.md"))
        return wrapper


BLOCKS: tuple[type[CourseBlock], ...] = (TrainerBlock, QuizBlock, OutlineBlock, ProgressBlock, KeyBlock)


class CourseBlocksExtension(BlocksExtension):
    """Registers the course blocks, all sharing one page context."""

    def __init__(self, context: PageContext, **kwargs: Any) -> None:
        self.context = context
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:  # noqa: N802 - pymdownx API name
        for block in BLOCKS:
            bound = type(block.__name__, (block,), {"context": self.context})
            block_mgr.register(bound, {})
