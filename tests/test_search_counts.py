"""Word counts made at build time: cut as Material's tokenizer cuts in the browser, written as the worker reads them.

The browser test tests/browser/test_search_quality.py::test_the_course_worker_builds_the_index_lunrs_own_builder_builds
checks the whole index built from these counts against lunr's own; these tests pin the rules one by one.
"""

from __future__ import annotations

import pytest

from scripts.course.search_counts import DIGITS, encoded, encoded_posting, python_separator, text_spans, with_counts, words
from scripts.course.search_index import INDEX_CONFIG, ZH_SEPARATOR, ZWSP

ZH = python_separator(ZH_SEPARATOR)
EN = python_separator(INDEX_CONFIG["en"]["separator"])


def decoded(text: str) -> list[int]:
    """The worker's reading of a counts string (overrides/assets/course/search-worker.js, decoded)."""
    numbers, number = [], 0
    for char in text:
        digit = DIGITS.index(char)
        number = number * 32 + (digit & 31)
        if digit < 32:
            numbers.append(number)
            number = 0
    return numbers


def test_words_are_cut_at_zero_width_spaces_and_punctuation_and_lower_cased() -> None:
    text = f"{ZWSP}政协{ZWSP}委员{ZWSP}，{ZWSP}CPPCC{ZWSP}。"
    assert list(words(text, ZH)) == ["政协", "委员", "cppcc"]


def test_javascripts_white_space_separates_words_as_it_does_in_the_browser() -> None:
    # JavaScript's \s includes the ideographic and the no-break space; Python's ASCII \s does not.
    assert list(words("member\u3000duty\u00a0report", EN)) == ["member", "duty", "report"]


def test_word_boundaries_are_ascii_as_in_javascript() -> None:
    # camelCase is cut before the capital, but a capital after a Chinese character is no boundary in JavaScript.
    assert list(words("camelCase", ZH)) == ["camel", "case"]
    assert list(words("中文Case", ZH)) == ["中文case"]


def test_a_full_stop_separates_but_not_in_a_number() -> None:
    assert list(words("2.5 rules.", ZH)) == ["2.5", "rules"]


def test_only_text_between_tags_is_cut() -> None:
    value = '<p>协商<code class="x">民主</code></p>监督'
    assert [value[a:b] for a, b in text_spans(value)] == ["协商", "民主", "监督"]
    assert list(words(value, ZH)) == ["协商", "民主", "监督"]


def test_numbers_are_written_in_base_32_with_the_last_digit_from_the_first_half() -> None:
    assert encoded(0) == "0"
    assert encoded(31) == DIGITS[31]
    assert encoded(32) == DIGITS[33] + DIGITS[0]
    for number in (0, 1, 31, 32, 1023, 1024, 99_999):
        assert decoded(encoded(number)) == [number]


def places(posting: str) -> list[tuple[int, int]]:
    """The worker's reading of a word's posting: (place, times), place = section x fields + field."""
    found, numbers, place = [], iter(decoded(posting)), -1
    for number in numbers:
        place += number // 2 + 1
        found.append((place, next(numbers) + 2 if number % 2 else 1))
    return found


def test_a_words_places_are_written_as_gaps_with_their_counts() -> None:
    # place 0 once, place 5 three times (a gap of four: 2 x 4 + 1, then 3 - 2), place 40 once (a gap of 34)
    assert decoded(encoded_posting([(0, 1), (5, 3), (40, 1)])) == [0, 9, 1, 68]
    assert places(encoded_posting([(0, 1), (5, 3), (40, 1)])) == [(0, 1), (5, 3), (40, 1)]


def test_every_word_gets_the_fields_of_the_sections_that_hold_it_in_the_config() -> None:
    index = {"config": {"separator": INDEX_CONFIG["en"]["separator"], "fields": {"title": {"boost": 1000}, "text": {},
                                                                                  "tags": {}}},
             "docs": [{"location": "a/", "title": "Proposals", "text": "<p>A proposal, a proposal and a Report</p>"},
                      {"location": "b/", "title": "Report", "text": "", "tags": ["proposal", "duty"]}]}
    counted = with_counts(index)["config"]["counted"]
    assert counted["fields"] == ["title", "text", "tags"]
    assert counted["words"] == ["proposals", "a", "proposal,", "proposal", "and", "report", "duty"]
    # places: section 0 title 0, text 1, tags 2; section 1 title 3, text 4, tags 5
    assert {word: places(posting) for word, posting in zip(counted["words"], counted["postings"], strict=True)} == {
        "proposals": [(0, 1)], "a": [(1, 3)], "proposal,": [(1, 1)], "proposal": [(1, 1), (5, 1)], "and": [(1, 1)],
        "report": [(1, 1), (3, 1)], "duty": [(5, 1)]}
    assert index["config"].get("counted") is None  # the index given is left as it was


def test_a_separator_that_cannot_be_translated_faithfully_is_refused() -> None:
    with pytest.raises(ValueError, match="not translated"):
        python_separator(r"[^\S]+")
