"""Every assumption about Material's internals, checked against the installed Material in one fast test
file: after an upgrade this fails first, and names what to review."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material

from scripts.course.csp import THEME_SCRIPT_SOURCES, theme_script_hashes
from tests.conftest import ROOT

TEMPLATES = Path(material.__file__).parent / "templates"
VERSION = re.search(r"mkdocs-material-([\d.]+)", (TEMPLATES / "base.html").read_text("utf-8"))
VENDOR = ROOT / "overrides" / "assets" / "vendor" / "iframe-worker"


def block(text: str, name: str) -> str:
    """The body of `{% block NAME %}` in a template, whitespace folded."""
    match = re.search(r"{% block " + name + r" %}(.*?){% endblock %}", text, re.S)
    assert match, f"block {name} not found"
    return " ".join(match.group(1).split())


def test_the_scope_script_differs_from_materials_only_in_where_the_scope_comes_from() -> None:
    ours = (ROOT / "overrides" / "partials" / "javascripts" / "base.html").read_text("utf-8")
    theirs = (TEMPLATES / "partials" / "javascripts" / "base.html").read_text("utf-8")
    script = re.compile(r"<script>(.*?)</script>", re.S)
    (our_body,), (their_body,) = script.findall(ours), script.findall(theirs)
    upstream_scope = 'new URL("{{ config.extra.scope | d(base_url) }}",location)'
    assert upstream_scope in their_body, f"Material {VERSION and VERSION.group(1)} changed its scope script"
    assert our_body == their_body.replace(
        upstream_scope, "new URL(\"../..\",document.querySelector('link[href*=\"assets/stylesheets/main.\"]').href)")


def test_site_meta_is_materials_without_hreflang_links_and_with_the_offline_policy() -> None:
    theirs = block((TEMPLATES / "base.html").read_text("utf-8"), "site_meta")
    ours = block((ROOT / "overrides" / "main.html").read_text("utf-8"), "site_meta")
    alternates = re.search(r"{% if config.extra.alternate is iterable %}.*?{% endif %} ", theirs)
    assert alternates, "Material's hreflang loop moved: review overrides/main.html site_meta"
    offline = re.match(r"({%- if config.extra.offline_csp %}.*?{%- endif %}) ", ours)
    assert offline, "the offline policy must come first in <head>"
    assert ours[offline.end():] == theirs.replace(alternates.group(0), "")


def test_the_search_config_still_names_its_base_as_main_html_replaces_it() -> None:
    assert '"base": base_url,' in block((TEMPLATES / "base.html").read_text("utf-8"), "config")


def test_the_theme_writes_the_inline_scripts_the_policy_allows() -> None:
    assert all(path.is_file() for path in THEME_SCRIPT_SOURCES)
    assert len(theme_script_hashes()) >= 2


def test_the_vendored_iframe_worker_is_the_recorded_version() -> None:
    recorded = dict(re.findall(r"- `([\w.]+)` ([0-9a-f]{64})", (VENDOR / "VENDORED.md").read_text("utf-8")))
    assert recorded.keys() == {"shim.js", "inner.js"}
    for name, digest in recorded.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_the_header_is_materials_with_the_text_size_control_before_the_language_menu() -> None:
    theirs = (TEMPLATES / "partials" / "header.html").read_text("utf-8").split("-#}\n", 1)[1]
    ours = (ROOT / "overrides" / "partials" / "header.html").read_text("utf-8").split("-#}\n", 1)[1]
    include = '    {% include "partials/text-size.html" %}\n'
    assert ours.count(include) == 1 and ours.index(include) < ours.index('{% if config.extra.alternate %}')
    assert ours.replace(include, "") == theirs, "Material changed its header: review overrides/partials/header.html"


def test_the_container_is_materials_with_the_reading_bar_before_the_article() -> None:
    theirs = block((TEMPLATES / "base.html").read_text("utf-8"), "container")
    ours = block((ROOT / "overrides" / "main.html").read_text("utf-8"), "container")
    ours = ours.replace('{% include "partials/course-bar.html" %} ', "")
    ours = ours.replace('"navigation.path" in (config.theme.features or [])', '"navigation.path" in features')
    assert ours == theirs, "Material changed its content container: review the container block of overrides/main.html"
