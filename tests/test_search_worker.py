"""The search worker the browser runs: the question-word list, the corrected Material worker behind the
course's layer, its content-derived name, and its place in the built site."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from scripts.course.search_worker import (
    LAYER_FILE,
    WORKER_BUG,
    WORKER_FIX,
    WorkerChanged,
    build_worker,
    course_worker,
    install_worker,
    load_query_words,
    material_worker,
)

MATERIAL = f"a;{WORKER_BUG};b\n//# sourceMappingURL=search.1234abcd.min.js.map\n"
WORDS = {"zh": ["谁", "什么"], "en": ["who"]}


def test_the_question_words_live_in_one_list_with_those_the_issue_names() -> None:
    words, problems = load_query_words()
    assert problems == []
    assert {"谁", "什么", "怎么", "怎样", "如何", "哪些", "哪个", "吗", "呢", "是", "有", "的"} <= set(words["zh"])
    assert {"who", "what", "how", "can", "which"} <= set(words["en"])
    assert not {"提案", "委员", "协商", "政协", "界别", "proposal", "member"} & set(words["zh"] + words["en"])


@pytest.mark.parametrize(("text", "message"), [
    ("zh: [谁]\nen: [who, on]\n", "query_words.yml:2: en: True is not a single word"),
    ("zh: [谁, 怎么 写]\nen: [who]\n", "query_words.yml:1: zh: '怎么 写' is not a single word"),
    ("zh: [谁]\nen: [Who]\n", "query_words.yml:2: en: write 'Who' in lower case (who)"),
    ("zh: [谁]\n", "query_words.yml:1: expected exactly two lists, zh: and en:"),
    ("zh: [谁\nen: [who]\n", "query_words.yml:2: not valid YAML"),
])
def test_a_bad_word_list_is_reported_by_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "query_words.yml"
    path.write_text(text, encoding="utf-8")
    _, problems = load_query_words(path)
    assert problems and str(problems[0]).split("query_words.yml", 1)[1].startswith(message.split("query_words.yml", 1)[1])


def test_the_worker_is_corrected_and_named_after_its_content() -> None:
    worker = build_worker(MATERIAL, WORDS, "/* layer */", "search.1234abcd.min.js")
    assert worker.code.startswith('"use strict";')  # Material's code after the layer stays strict
    assert WORKER_FIX in worker.code and WORKER_BUG not in worker.code and "sourceMappingURL" not in worker.code
    assert 'var QUERY_WORDS = ["who", "什么", "谁"];' in worker.code
    assert worker.code.index("/* layer */") < worker.code.index(WORKER_FIX)
    digest = hashlib.sha256(worker.code.encode("utf-8")).hexdigest()[:8]
    assert worker.name == f"search.{digest}.min.js" and worker.material_name == "search.1234abcd.min.js"


@pytest.mark.parametrize("change", ["layer", "words", "material"])
def test_any_change_gives_the_worker_a_new_name(change: str) -> None:
    """nginx keeps fingerprinted workers for a year (immutable): a changed worker must never keep its name."""
    before = build_worker(MATERIAL, WORDS, "/* layer */", "search.1234abcd.min.js")
    after = build_worker(MATERIAL + ("x;" if change == "material" else ""),
                         {**WORDS, "zh": [*WORDS["zh"], "吗"]} if change == "words" else WORDS,
                         "/* layer 2 */" if change == "layer" else "/* layer */", "search.1234abcd.min.js")
    assert after.name != before.name
    assert build_worker(MATERIAL, WORDS, "/* layer */", "search.1234abcd.min.js").name == before.name


def test_a_changed_material_worker_stops_the_build() -> None:
    with pytest.raises(WorkerChanged, match=r"review scripts/course/search_worker\.py"):
        build_worker("something else", WORDS, "", "search.1234abcd.min.js")


def test_the_installed_worker_replaces_materials_and_its_stale_source_map(tmp_path: Path) -> None:
    folder = tmp_path / "assets" / "javascripts" / "workers"
    folder.mkdir(parents=True)
    (folder / "search.1234abcd.min.js").write_text(MATERIAL, encoding="utf-8")
    (folder / "search.1234abcd.min.js.map").write_text("{}", encoding="utf-8")
    (tmp_path / "assets" / "course").mkdir(parents=True)
    (tmp_path / "assets" / "course" / LAYER_FILE.name).write_text("", encoding="utf-8")
    worker = build_worker(MATERIAL, WORDS, "/* layer */", "search.1234abcd.min.js")
    target = install_worker(tmp_path, worker)
    assert sorted(p.name for p in folder.iterdir()) == [worker.name] and target.read_text(encoding="utf-8") == worker.code
    assert not (tmp_path / "assets" / "course" / LAYER_FILE.name).exists()


def test_the_built_site_points_material_at_the_course_worker(online_root: Path) -> None:
    worker = course_worker()
    folder = online_root / "assets" / "javascripts" / "workers"
    assert sorted(p.name for p in folder.glob("*.min.js")) == [worker.name]
    assert (folder / worker.name).read_text(encoding="utf-8") == worker.code
    assert not (folder / f"{material_worker().name}.map").exists()
    for page in ("index.html", "lectures/lecture-09/index.html", "en/reference/faq/index.html"):
        html = (online_root / page).read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
        assert config["search"].endswith(f"assets/javascripts/workers/{worker.name}"), page
        assert config["translations"]["search.result.term.missing"] == ("Not found" if page.startswith("en/") else "未找到")


def test_the_layer_reads_the_word_list_the_build_writes_into_it() -> None:
    layer = LAYER_FILE.read_text(encoding="utf-8")
    assert layer.rstrip().endswith("})(self, QUERY_WORDS);")
    assert "QUERY_WORDS" in course_worker().code.split(layer.strip())[0]
