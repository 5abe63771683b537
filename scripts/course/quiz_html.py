"""Quiz markup built as an element tree: text is always escaped, answers stay reachable without JavaScript."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .html_tree import add
from .labels import label
from .quizzes import Question, Quiz

LETTERS = "ABCDEFGHIJ"
EXCLUDE = {"data_search_exclude": "true"}  # kept out of the search index


def option_texts(question: Question, lang: str) -> list[str]:
    if question.type == "truefalse":
        return [label(lang, "true"), label(lang, "false")]
    return [option[lang] for option in question.options]


def answer_text(question: Question, lang: str) -> str:
    """The correct option(s) written out, e.g. 'B. text; D. text'."""
    texts = option_texts(question, lang)
    if question.type == "truefalse":
        return texts[question.correct[0] - 1]
    separator = "；" if lang == "zh" else "; "
    return separator.join(f"{LETTERS[p - 1]}. {texts[p - 1]}" for p in question.correct)


def render_question(parent: etree.Element, quiz: Quiz, question: Question, number: int, lang: str) -> None:
    fieldset = add(parent, "fieldset", class_="quiz-q", id=f"q-{question.id}", data_qid=question.id,
                   data_type=question.type, data_correct=",".join(str(p) for p in question.correct))
    legend = add(fieldset, "legend", class_="quiz-q__stem")
    kind = label(lang, "type_" + question.type)
    heading = f"{label(lang, 'question', n=number)}（{kind}）" if lang == "zh" else (
        f"{label(lang, 'question', n=number)} ({kind})")
    add(legend, "span", heading, class_="quiz-q__num", **EXCLUDE)
    add(legend, "span", question.stem[lang], class_="quiz-q__text")
    # The options stay out of search: most are distractors, and a result would quote them as fact.
    options = add(fieldset, "div", class_="quiz-q__options", **EXCLUDE)
    control = "checkbox" if question.type == "multiple" else "radio"
    for position, text in enumerate(option_texts(question, lang), start=1):
        option = add(options, "label", class_="quiz-q__option")
        add(option, "input", type=control, name=f"{quiz.id}--{question.id}", value=str(position))
        add(option, "span", f"{LETTERS[position - 1]}.", class_="quiz-q__letter")
        add(option, "span", text, class_="quiz-q__option-text")
    actions = add(fieldset, "div", class_="quiz-q__actions", **EXCLUDE)
    add(actions, "button", label(lang, "check"), type="button", class_="md-button quiz-q__check", hidden="hidden")
    add(fieldset, "p", class_="quiz-q__feedback", role="status", aria_live="polite", **EXCLUDE)
    details = add(fieldset, "details", class_="quiz-q__answer", **EXCLUDE)
    add(details, "summary", label(lang, "show_answer"))
    correct = add(details, "p", class_="quiz-q__correct")
    add(correct, "strong", label(lang, "correct_answer"))
    add(correct, "span", answer_text(question, lang))
    add(details, "p", question.explanation[lang], class_="quiz-q__explanation")
    add(add(details, "p"), "a", label(lang, "back_to_section"), href=f"#{question.section}", class_="quiz-q__section")


def render_quiz(parent: etree.Element, quiz: Quiz, lang: str) -> etree.Element:
    """The self-test at the end of a lecture; `quiz.js` adds checking, scores and saved progress."""
    root = add(parent, "div", class_="quiz", data_quiz_id=quiz.id, data_total=str(len(quiz.questions)))
    add(root, "p", label(lang, "quiz_intro", n=len(quiz.questions)), class_="quiz__intro", **EXCLUDE)
    for number, question in enumerate(quiz.questions, start=1):
        render_question(root, quiz, question, number, lang)
    footer = add(root, "div", class_="quiz__footer", **EXCLUDE)
    add(footer, "p", class_="quiz__score", role="status", aria_live="polite")
    add(footer, "button", label(lang, "reset"), type="button", class_="md-button quiz__reset", hidden="hidden")
    return root


def render_key_entry(parent: etree.Element, quiz: Quiz, lang: str, lecture_href: str) -> None:
    """One lecture's part of the trainers' answer key: every question with its answer and explanation."""
    items = add(parent, "ol", class_="quiz-key")
    for question in quiz.questions:
        item = add(items, "li", id=f"key-{question.id}")
        add(item, "p", question.stem[lang], class_="quiz-key__stem")
        if question.type != "truefalse":
            options = add(item, "ol", class_="quiz-key__options", type="A")
            for text in option_texts(question, lang):
                add(options, "li", text)
        answer = add(item, "p")
        add(answer, "strong", label(lang, "key_answer"))
        add(answer, "span", answer_text(question, lang))
        add(item, "p", question.explanation[lang])
        where = add(item, "p", class_="quiz-key__section")
        add(where, "span", label(lang, "key_section"))
        add(where, "a", f"#{question.section}", href=f"{lecture_href}#{question.section}")
