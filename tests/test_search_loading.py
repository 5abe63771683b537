"""The search index waits for the search box: Material's own bundle, changed in two places, under its own name.
(What a reader sees, no index download before search is opened, is tested in tests/browser/test_site.py.)"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scripts.course.search_loading import BundleChanged, course_bundle, defer_index, install_bundle, material_bundle


def test_materials_bundle_waits_for_the_search_box_and_highlights_only_pages_opened_from_a_result() -> None:
    original = material_bundle().read_text(encoding="utf-8")
    patched = defer_index(original)
    assert 'location.protocol!=="file:"),' in original and 'location.protocol!=="file:"),' not in patched
    assert '(!1),' in patched and '("search.highlight")&&/[?&]h=/.test(location.search)?' in patched
    assert "sourceMappingURL" not in patched  # Material's map describes the original


def test_a_changed_bundle_stops_the_build_with_what_to_review() -> None:
    with pytest.raises(BundleChanged, match=r"search_loading\.py"):
        defer_index("something else")
    with pytest.raises(BundleChanged):  # patched twice would mean the expression is not Material's any more
        defer_index(defer_index(material_bundle().read_text(encoding="utf-8")))


def test_the_course_bundle_is_named_after_its_content_and_replaces_materials(tmp_path: Path) -> None:
    bundle = course_bundle()
    assert bundle.name == f"bundle.{hashlib.sha256(bundle.code.encode('utf-8')).hexdigest()[:8]}.min.js"
    assert bundle.name != bundle.material_name == material_bundle().name
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    (folder / bundle.material_name).write_text("material", encoding="utf-8")
    (folder / f"{bundle.material_name}.map").write_text("{}", encoding="utf-8")
    install_bundle(tmp_path, bundle)
    assert sorted(p.name for p in folder.iterdir()) == [bundle.name]
    assert (folder / bundle.name).read_text(encoding="utf-8") == bundle.code


def test_every_built_page_loads_the_course_bundle_and_only_that(online_root: Path) -> None:
    name = course_bundle().name
    assert (online_root / "assets" / "javascripts" / name).is_file()
    for page in [online_root / "index.html", online_root / "en" / "lectures" / "lecture-04" / "index.html"]:
        html = page.read_text(encoding="utf-8")
        assert html.count("assets/javascripts/bundle.") == 1 and f"assets/javascripts/{name}" in html, page
