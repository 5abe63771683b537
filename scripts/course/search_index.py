"""One search index per language.

mkdocs-static-i18n merges every language into one index, so English pages would
return Chinese hits. After the build this splits it: `search/search_index.json`
for Chinese and `en/search/search_index.json` for English (locations made
relative to `en/`, which English pages use as their search base). For the
offline copy each index is also written as the `search_index.js` script that
Material loads from file://.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Splits on whitespace, the zero-width space jieba's segmentation inserts, and ASCII punctuation.
ZH_SEPARATOR = r'[\s\u200b\-_,:!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])'
INDEX_CONFIG: dict[str, dict[str, Any]] = {
    "zh": {"lang": ["zh"], "separator": ZH_SEPARATOR, "pipeline": ["stopWordFilter"]},
    "en": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stemmer", "stopWordFilter", "trimmer"]},
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


def write_split_indexes(site_dir: Path, default_lang: str, other_langs: list[str], as_script: bool) -> None:
    merged = site_dir / "search" / "search_index.json"
    if not merged.is_file():
        return
    indexes = split_index(json.loads(merged.read_text(encoding="utf-8")), default_lang, other_langs)
    for lang, index in indexes.items():
        folder = site_dir / "search" if lang == default_lang else site_dir / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if as_script:
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
