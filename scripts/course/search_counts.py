"""Word counts for the search index, counted when the site is built so a phone does not cut the text itself.

Building the index was the slowest part of opening search: the worker cut some 70,000 words out of
the sections' text with Material's tokenizer before lunr could count them. The same cut is made
here, once, and written into the index's config (Material hands the config to its worker whole):

    "counted": {"fields": ["title", "text", "tags"], "words": ["政协", "委员", ...], "postings": ["<政协>", ...]}

`words` are numbered in the order they first occur (sections in order, each section's fields in
the order of `fields`). Each word's posting says which fields of which sections hold it and how
often: the places are numbered section by section (place = section × fields + field), and for each
place, in order, the posting holds twice the gap since the previous one (the first counted from -1,
gaps counted minus one), plus one when the word occurs more than once there, and then how many times
beyond two. A number is written in base 32, most significant digit first, with the digits of DIGITS:
the first 32 end a number, the last 32 are followed by more of it. (One list of numbers per section
took 30 KB more compressed, and plain JSON numbers twice the bytes.)

The worker (overrides/assets/course/search-worker.js) runs lunr's pipeline once per word and builds
the same index lunr's own builder does; a browser test compares the two. The cut follows Material's
internal/extract (HTML blocks) and internal/tokenize (the separator), with the JavaScript regular
expression's meaning kept: `\\s` is JavaScript's white space, `\\d` and `\\b` are ASCII. Positions
for highlighting are still found in the browser, for the sections a search returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"  # as the worker reads them
ANGLE = re.compile("[<>]")
# What JavaScript's \s matches beyond ASCII (ECMAScript WhiteSpace and LineTerminator).
JS_SPACE = "\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def python_separator(separator: str) -> re.Pattern[str]:
    """A JavaScript separator (no flags) as a Python pattern that splits text the same way.

    With re.ASCII, \\w, \\d and \\b mean what they mean in JavaScript; \\s gets JavaScript's wider white
    space. \\S is refused rather than translated wrongly; an unescaped `.` (which the separators of
    search_index.INDEX_CONFIG do not use) would also differ, at line ends."""
    out, in_class, i = [], False, 0
    while i < len(separator):
        char = separator[i]
        if char == "\\" and i + 1 < len(separator):
            escape = separator[i : i + 2]
            if escape == r"\S":
                raise ValueError(f"search separator {separator!r}: \\S is not translated to Python")
            out.append((r"\s" + JS_SPACE if in_class else rf"[\s{JS_SPACE}]") if escape == r"\s" else escape)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return re.compile("".join(out), re.ASCII)


def text_spans(value: str) -> Iterator[tuple[int, int]]:
    """The text between HTML tags, as Material's internal/extract finds it (start, end)."""
    start, depth = 0, 0
    for angle in ANGLE.finditer(value):
        end = angle.start()
        if angle.group() == "<":
            if end > start:
                yield start, end
                start = end
            continue
        if value[start + 1 : start + 2] == "/":
            depth -= 1
        elif value[end - 1 : end] != "/":
            depth += 1
        start = end + 1
    if len(value) > start:
        yield start, len(value)


def words(value: str, separator: re.Pattern[str]) -> Iterator[str]:
    """The words Material's tokenizer cuts out of one field value, lower case, in order.

    `finditer` steps over a zero-length match as the tokenizer's loop does (its empty alternative
    comes last, so no longer match starts where an empty one was found)."""
    for start, end in text_spans(value):
        section, index = value[start:end], 0
        for match in separator.finditer(section):
            if index < match.start():
                yield section[index : match.start()].lower()
            index = match.end()
        if index < len(section):
            yield section[index:].lower()


def field_values(doc: dict[str, Any], field: str) -> list[str]:
    """A field's values as Material's extractor gives them to the tokenizer (tags are a list)."""
    value = doc.get(field)
    if value is None:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def encoded(number: int) -> str:
    """One number in the digits of DIGITS: base 32, the last digit from the first half."""
    digits = [DIGITS[number & 31]]
    number >>= 5
    while number:
        digits.append(DIGITS[32 + (number & 31)])
        number >>= 5
    return "".join(reversed(digits))


def encoded_posting(places: list[tuple[int, int]]) -> str:
    """A word's (place, times) in order of place, as the worker reads them."""
    digits, previous = [], -1
    for place, times in places:
        gap = place - previous - 1
        previous = place
        digits.append(encoded(2 * gap) if times == 1 else encoded(2 * gap + 1) + encoded(times - 2))
    return "".join(digits)


def with_counts(index: dict[str, Any]) -> dict[str, Any]:
    """The index with every word's counts per section and field in its config, for the worker to build from."""
    config = index["config"]
    separator = python_separator(config["separator"])
    fields = list(config.get("fields", {}))
    numbers: dict[str, int] = {}
    postings: list[list[tuple[int, int]]] = []
    for section, doc in enumerate(index["docs"]):
        for field_number, field in enumerate(fields):
            times: dict[int, int] = {}
            for value in field_values(doc, field):
                for word in words(value, separator):
                    number = numbers.setdefault(word, len(numbers))
                    if number == len(postings):
                        postings.append([])
                    times[number] = times.get(number, 0) + 1
            place = section * len(fields) + field_number
            for number, count in times.items():
                postings[number].append((place, count))
    counted = {"fields": fields, "words": list(numbers), "postings": [encoded_posting(p) for p in postings]}
    return {**index, "config": {**config, "counted": counted}}
