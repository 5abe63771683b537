"""Random YAML never crashes the checker: it either accepts the file or reports located problems."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.course.quizzes import parse_quiz
from tests.quizdata import GOOD_QUIZ

PATH = "quizzes/fuzz.yml"
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 50), st.text(max_size=12),
                    st.sampled_from(["single", "multiple", "truefalse", "zh", "en", "why"]))
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.sampled_from(["quiz", "lecture", "questions", "id", "type", "section", "stem",
                                         "options", "answer", "explanation", "zh", "en", "x"]), children,
                        max_size=6),
    ),
    max_leaves=30,
)


def assert_clean(text: str) -> None:
    quiz, problems = parse_quiz(text, PATH)
    assert (quiz is None) == bool(problems)
    for problem in problems:
        assert problem.path == PATH and problem.line >= 1 and problem.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values)
def test_random_structures_give_clean_errors(data: object) -> None:
    assert_clean(yaml.safe_dump(data, allow_unicode=True))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_random_text_gives_clean_errors(text: str) -> None:
    assert_clean(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(GOOD_QUIZ) - 1), st.integers(1, 40), st.text(max_size=8))
def test_damaged_real_quiz_gives_clean_errors(start: int, length: int, insert: str) -> None:
    assert_clean(GOOD_QUIZ[:start] + insert + GOOD_QUIZ[start + length:])
