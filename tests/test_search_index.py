"""Build-time search index: fragments, domain terms, punctuation, quiz options and glossary aliases."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.course.quiz_html import option_texts
from scripts.course.quizzes import parse_quiz
from scripts.course.search_index import (
    ZH_SEPARATOR,
    ZWSP,
    add_other_names,
    finest_parts,
    refine_chinese,
    register_terms,
)

ROOT = Path(__file__).resolve().parents[1]


def test_long_words_are_cut_into_their_parts() -> None:
    register_terms(["社情民意"])
    assert finest_parts("政协委员") == ("政协", "委员")
    assert finest_parts("社情民意") == ("社情", "民意")
    assert finest_parts("政协委员工作站") == ("政协", "委员", "工作站")
    assert finest_parts("委员会") == ("委员会",)


def test_indexed_text_keeps_its_characters_and_mixed_terms_stay_whole() -> None:
    register_terms(["N个一"])
    text = f"{ZWSP}政协委员{ZWSP}的{ZWSP}“{ZWSP}N{ZWSP}个{ZWSP}一{ZWSP}”"
    refined = refine_chinese(text)
    assert refined.replace(ZWSP, "") == text.replace(ZWSP, "")
    assert f"{ZWSP}政协{ZWSP}委员{ZWSP}" in refined
    assert f"{ZWSP}N个一{ZWSP}" in refined


def test_a_glossary_entrys_other_names_join_its_search_title() -> None:
    register_terms(["专委会"])
    index = {"config": {}, "docs": [
        {"location": "reference/glossary/#term-zhi-tong-che", "title": "through train", "text": "…"},
        {"location": "reference/glossary/#term-other", "title": "other", "text": "…"},
    ]}
    titles = [d["title"] for d in add_other_names(index, {"term-zhi-tong-che": ["direct channel", "专委会"]})["docs"]]
    assert titles == [f"through train · direct channel · {ZWSP}专委会{ZWSP}", "other"]


def test_chinese_punctuation_separates_words_but_dates_and_decimals_stay_whole() -> None:
    text = "二〇二一年，政协“委员”说：《章程》（2018）……提案！？A·B 12.5 版"
    words = [w for w in re.split(ZH_SEPARATOR, text) if w]
    assert words == ["二〇二一年", "政协", "委员", "说", "章程", "2018", "提案", "A", "B", "12.5", "版"]


@pytest.mark.parametrize(("lang", "index"), [("zh", "search/search_index.json"), ("en", "en/search/search_index.json")])
def test_search_shows_quiz_questions_but_not_their_options(online_root: Path, lang: str, index: str) -> None:
    """A result quoting a distractor would read as a fact; the question itself may lead a reader to the quiz."""
    quiz, _ = parse_quiz((ROOT / "quizzes" / "lecture-01.yml").read_text(encoding="utf-8"), "lecture-01.yml")
    assert quiz is not None
    docs = json.loads((online_root / index).read_text(encoding="utf-8"))["docs"]
    (section,) = [d for d in docs if d["location"] == "lectures/lecture-01/#quiz"]
    text = section["text"].replace(ZWSP, "")
    for question in quiz.questions:
        assert question.stem[lang] in text
        text = text.replace(question.stem[lang], " ")
    for question in quiz.questions:
        for option in option_texts(question, lang):
            assert option not in text, option
