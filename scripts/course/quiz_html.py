"""Quiz markup built as an element tree: text is always escaped, answers stay reachable without JavaScript."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .labels import label
from .quizzes import Question, Quiz

LETTERS = "ABCDEFGHIJ"


def option_texts(question: Question, lang: str) -> list[str]:
    if question.type == "truefalse":
        return [label(lang, "true"), label(lang, "false")]
    return [option[lang] for option in question.options]


def answer_text(question: Question, lang: str) -> str:
    """The correct option(s) written out, e.g. 'B. text; D. text'."""
    texts = option_texts(question, lang)
    if question.type == "truefalse":
        return texts[question.correct[0] - 1]
    return "；".join(f"{LETTERS[p - 1]}. {texts[p - 1]}" for p in question.correct) if lang == "zh" else "; ".join(
        f"{LETTERS[p - 1]}. {texts[p - 1]}" for p in question.correct
    )


def _answer_details(parent: etree.Element, question: Question, lang: str, section_href: str) -> None:
    details = etree.SubElement(parent, "details", {"class": "quiz-q__answer", "data-search-exclude": "true"})
    etree.SubElement(details, "summary").text = label(lang, "show_answer")
    para = etree.SubElement(details, "p", {"class": "quiz-q__correct"})
    etree.SubElement(para, "strong").text = label(lang, "correct_answer")
    etree.SubElement(para, "span").text = answer_text(question, lang)
    etree.SubElement(details, "p", {"class": "quiz-q__explanation"}).text = question.explanation[lang]
    link_para = etree.SubElement(details, "p")
    etree.SubElement(link_para, "a", {"href": section_href, "class": "quiz-q__section"}).text = label(
        lang, "back_to_section"
    )


def render_question(parent: etree.Element, quiz: Quiz, question: Question, number: int, lang: str) -> None:
    qkey = f"{quiz.id}--{question.id}"
    fieldset = etree.SubElement(parent, "fieldset", {
        "class": "quiz-q",
        "id": f"q-{question.id}",
        "data-qid": question.id,
        "data-type": question.type,
        "data-correct": ",".join(str(p) for p in question.correct),
    })
    legend = etree.SubElement(fieldset, "legend", {"class": "quiz-q__stem"})
    etree.SubElement(legend, "span", {"class": "quiz-q__num"}).text = (
        f"{label(lang, 'question', n=number)}（{label(lang, 'type_' + question.type)}）"
        if lang == "zh" else f"{label(lang, 'question', n=number)} ({label(lang, 'type_' + question.type)})"
    )
    etree.SubElement(legend, "span", {"class": "quiz-q__text"}).text = question.stem[lang]
    options = etree.SubElement(fieldset, "div", {"class": "quiz-q__options"})
    kind = "checkbox" if question.type == "multiple" else "radio"
    for position, text in enumerate(option_texts(question, lang), start=1):
        option_label = etree.SubElement(options, "label", {"class": "quiz-q__option"})
        etree.SubElement(option_label, "input", {"type": kind, "name": qkey, "value": str(position)})
        etree.SubElement(option_label, "span", {"class": "quiz-q__letter"}).text = f"{LETTERS[position - 1]}."
        etree.SubElement(option_label, "span", {"class": "quiz-q__option-text"}).text = text
    actions = etree.SubElement(fieldset, "div", {"class": "quiz-q__actions", "data-search-exclude": "true"})
    etree.SubElement(actions, "button", {"type": "button", "class": "md-button quiz-q__check", "hidden": "hidden"}).text = (
        label(lang, "check")
    )
    etree.SubElement(fieldset, "p", {"class": "quiz-q__feedback", "role": "status", "aria-live": "polite",
                                     "data-search-exclude": "true"})
    _answer_details(fieldset, question, lang, f"#{question.section}")


def render_quiz(parent: etree.Element, quiz: Quiz, lang: str) -> etree.Element:
    """The self-test at the end of a lecture; `quiz.js` adds checking, scores and saved progress."""
    root = etree.SubElement(parent, "div", {"class": "quiz", "data-quiz-id": quiz.id,
                                            "data-total": str(len(quiz.questions))})
    etree.SubElement(root, "p", {"class": "quiz__intro", "data-search-exclude": "true"}).text = label(
        lang, "quiz_intro", n=len(quiz.questions)
    )
    for number, question in enumerate(quiz.questions, start=1):
        render_question(root, quiz, question, number, lang)
    footer = etree.SubElement(root, "div", {"class": "quiz__footer", "data-search-exclude": "true"})
    etree.SubElement(footer, "p", {"class": "quiz__score", "role": "status", "aria-live": "polite"})
    etree.SubElement(footer, "button", {"type": "button", "class": "md-button quiz__reset", "hidden": "hidden"}).text = (
        label(lang, "reset")
    )
    return root


def render_key_entry(parent: etree.Element, quiz: Quiz, lang: str, lecture_href: str) -> None:
    """One lecture's part of the trainers' answer key: every question with its answer and explanation."""
    items = etree.SubElement(parent, "ol", {"class": "quiz-key"})
    for question in quiz.questions:
        item = etree.SubElement(items, "li", {"id": f"key-{question.id}"})
        etree.SubElement(item, "p", {"class": "quiz-key__stem"}).text = question.stem[lang]
        if question.type != "truefalse":
            options = etree.SubElement(item, "ol", {"class": "quiz-key__options", "type": "A"})
            for text in option_texts(question, lang):
                etree.SubElement(options, "li").text = text
        answer = etree.SubElement(item, "p")
        etree.SubElement(answer, "strong").text = label(lang, "key_answer")
        etree.SubElement(answer, "span").text = answer_text(question, lang)
        etree.SubElement(item, "p").text = question.explanation[lang]
        where = etree.SubElement(item, "p", {"class": "quiz-key__section"})
        etree.SubElement(where, "span").text = label(lang, "key_section")
        etree.SubElement(where, "a", {"href": f"{lecture_href}#{question.section}"}).text = f"#{question.section}"
