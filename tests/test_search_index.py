"""Build-time search segmentation: fragments, domain terms and the worker correction."""

from __future__ import annotations

from pathlib import Path

from scripts.course.search_index import (
    WORKER_BUG,
    WORKER_FIX,
    ZWSP,
    finest_parts,
    patch_worker,
    refine_chinese,
    register_terms,
)


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


def test_worker_patch_keeps_the_last_word_and_reports_a_changed_worker(tmp_path: Path) -> None:
    folder = tmp_path / "assets" / "javascripts" / "workers"
    folder.mkdir(parents=True)
    worker = folder / "search.1234.min.js"
    worker.write_text(f"a;{WORKER_BUG};b", encoding="utf-8")
    assert patch_worker(tmp_path)
    assert worker.read_text(encoding="utf-8") == f"a;{WORKER_FIX};b"
    worker.write_text("something else", encoding="utf-8")
    assert not patch_worker(tmp_path)
