"""Search that finds what members type, one index per language.

- One index per language: mkdocs-static-i18n merges every language into one
  index, so English pages would return Chinese hits. After the build it is split:
  `search/search_index.json` for Chinese and `en/search/search_index.json` for
  English (locations relative to `en/`, which English pages use as their search
  base). For the offline copy each index is also written as the `search_index.js`
  script Material loads from file://.
- Domain words: glossary terms and their aliases are added to jieba's dictionary
  before pages are indexed, so a new glossary term improves segmentation.
- Fragments: jieba keeps 政协委员 as one word, so 委员 alone would miss it. Long
  words in the Chinese index are re-cut into their parts (政协|委员), the finest
  way jieba's search mode allows; the browser cuts queries against the same
  vocabulary, so 政协委员 is still found as 政协 + 委员.
- Queries are handled in the browser by the search worker (search_worker.py).
- When the index loads (once the search box is first opened): search_loading.py.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jieba

from .search_counts import with_counts

# Chinese punctuation (，。、：；“”《》（）…— and the like), but not 〇, which writes the digit zero in dates.
CJK_PUNCTUATION = (r"\u00b7\u2010-\u2027\u2030-\u205e\u3000-\u3004\u3008-\u3011\u3013-\u301f"
                   r"\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65")
# Splits on whitespace, the zero-width space jieba's segmentation inserts, ASCII and Chinese punctuation.
# Punctuation is about a sixth of the Chinese text's tokens: no query looks for it, and the browser
# builds the index faster without it.
ZH_SEPARATOR = (r'[\s\u200b\-_,:!=\[\]()"`/' + CJK_PUNCTUATION + r']+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])')
INDEX_CONFIG: dict[str, dict[str, Any]] = {
    "zh": {"lang": ["zh"], "separator": ZH_SEPARATOR, "pipeline": ["stopWordFilter"]},
    # No stemmer: Material adds a trailing wildcard to every query term, and lunr then stems the
    # query but not the way it stemmed the index ("reading" found nothing). Prefixes still match.
    "en": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter", "trimmer"]},
}


def split_index(data: dict[str, Any], default_lang: str, other_langs: list[str]) -> dict[str, dict[str, Any]]:
    """Return one index per language from a merged index."""
    fields = data.get("config", {}).get("fields", {})
    buckets: dict[str, list[dict[str, Any]]] = {lang: [] for lang in [default_lang, *other_langs]}
    for doc in data.get("docs", []):
        location = str(doc.get("location", ""))
        lang = next((code for code in other_langs if location.startswith(f"{code}/")), default_lang)
        if lang != default_lang:
            doc = {**doc, "location": location[len(lang) + 1 :]}
        buckets[lang].append(doc)
    return {
        lang: {"config": {**INDEX_CONFIG.get(lang, INDEX_CONFIG["en"]), "fields": fields}, "docs": docs}
        for lang, docs in buckets.items()
    }


def add_other_names(index: dict[str, Any], names: dict[str, list[str]]) -> dict[str, Any]:
    """Add a glossary entry's other names (aliases) to its search title, by the entry's anchor.

    They name the same thing, so they rank as its title does: "direct channel" finds the entry
    for 直通车 (through train) before pages that merely have "channel" in a heading.
    """
    docs = []
    for doc in index["docs"]:
        other = names.get(str(doc.get("location", "")).partition("#")[2])
        if other:
            doc = {**doc, "title": " · ".join([doc.get("title", ""), *(segment_chinese(name) for name in other)])}
        docs.append(doc)
    return {**index, "docs": docs}


def segment_chinese(text: str) -> str:
    """Chinese runs cut into words between zero-width spaces, as Material's search plugin writes them."""
    return HAN_RUN.sub(lambda run: ZWSP + ZWSP.join(jieba.cut(run.group(0))) + ZWSP, text)


def write_split_indexes(site_dir: Path, default_lang: str, other_langs: list[str], as_script: bool,
                        other_names: dict[str, dict[str, list[str]]] | None = None) -> None:
    """Split the merged index per language; `other_names` gives each language's aliases by anchor."""
    merged = site_dir / "search" / "search_index.json"
    if not merged.is_file():
        return
    indexes = split_index(json.loads(merged.read_text(encoding="utf-8")), default_lang, other_langs)
    for lang, index in indexes.items():
        index = add_other_names(index, (other_names or {}).get(lang, {}))
        if lang == "zh":
            index = refine_index(index)
        index = with_counts(index)
        folder = site_dir / "search" if lang == default_lang else site_dir / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if as_script:
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")


HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{3,}$")
HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


ZWSP = "\u200b"
MIXED_TERMS: list[tuple[re.Pattern[str], str]] = []  # glossary terms with Latin letters or digits, e.g. N个一


def register_terms(words: Iterable[str]) -> None:
    """Teach jieba the course's own terms (from the glossary) before pages are indexed."""
    jieba.setLogLevel(60)
    MIXED_TERMS.clear()
    for word in words:
        if word:
            jieba.add_word(word, freq=50000)
            if re.search(r"[A-Za-z0-9]", word) and re.search(r"[\u4e00-\u9fff]", word):
                pattern = re.compile(f"{ZWSP}?".join(re.escape(char) for char in word), re.IGNORECASE)
                MIXED_TERMS.append((pattern, word))
    finest_parts.cache_clear()


@functools.lru_cache(maxsize=65536)
def finest_parts(word: str) -> tuple[str, ...]:
    """Cut a long Chinese word into dictionary parts (政协委员 -> 政协, 委员), else keep it whole."""
    size = len(word)
    known = {(start, end) for _, start, end in jieba.tokenize(word, mode="search") if 2 <= end - start < size}
    best: list[tuple[int, tuple[str, ...]]] = [(0, ())] + [(10**6, ())] * size
    for end in range(1, size + 1):
        for start in range(max(0, end - 3), end):
            length = end - start
            cost = 1 if (start, end) in known else 2 if length == 2 else 5 if length == 1 else 10**6
            if best[start][0] + cost < best[end][0]:
                best[end] = (best[start][0] + cost, (*best[start][1], word[start:end]))
    cost, parts = best[size]
    if (size == 3 and any(len(p) == 1 for p in parts)) or cost >= 10**6:
        return (word,)
    return parts


def refine_chinese(text: str) -> str:
    """Re-cut the zero-width-space separated words of an indexed text into their parts.

    Terms that mix Latin and Chinese (N个一) are kept as one token: cut apart they would
    be a lone letter and two stop words, which no query can find.
    """
    for pattern, word in MIXED_TERMS:
        text = pattern.sub(f"{ZWSP}{word}{ZWSP}", text)
    return ZWSP.join(ZWSP.join(finest_parts(piece)) if HAN_WORD.match(piece) else piece for piece in text.split(ZWSP))


def refine_index(index: dict[str, Any]) -> dict[str, Any]:
    docs = [{**doc, "title": refine_chinese(doc.get("title", "")), "text": refine_chinese(doc.get("text", ""))}
            for doc in index["docs"]]
    return {**index, "docs": docs}

