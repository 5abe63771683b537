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


def test_site_meta_is_materials_with_the_offline_policy_escaped_description_and_absolute_alternates() -> None:
    theirs = block((TEMPLATES / "base.html").read_text("utf-8"), "site_meta")
    ours = block((ROOT / "overrides" / "main.html").read_text("utf-8"), "site_meta")
    alternates = re.search(r"{% if config.extra.alternate is iterable %}.*?{% endif %} ", theirs)
    assert alternates, "Material's hreflang loop moved: review overrides/main.html site_meta"
    description = '<meta name="description" content="{{ page.meta.description }}">'
    assert description in theirs, "Material's description line changed: review overrides/main.html site_meta"
    offline = re.match(r"({%- if config.extra.offline_csp %}.*?{%- endif %}) ", ours)
    assert offline, "the offline policy must come first in <head>"
    ours_alternates = ('{% for alt in hreflang_links | d([]) %} <link rel="alternate" href="{{ alt.href }}" '
                       'hreflang="{{ alt.lang }}"> {% endfor %} ')
    assert ours[offline.end():] == theirs.replace(alternates.group(0), ours_alternates).replace(
        description, description.replace("description }}", "description | e }}"))


def test_the_language_menu_is_materials_with_a_target_so_materials_sitemap_handler_leaves_it_alone() -> None:
    theirs = (TEMPLATES / "partials" / "alternate.html").read_text("utf-8")
    ours = (ROOT / "overrides" / "partials" / "alternate.html").read_text("utf-8")
    body = theirs[theirs.index("-#}") + 3:].lstrip("\n")
    assert 'class="md-select__link">' in body
    assert ours[ours.index("-#}") + 3:].lstrip("\n") == body.replace(
        'class="md-select__link">', 'class="md-select__link" target="_self">')


def test_materials_script_fetches_a_sitemap_next_to_each_alternate_and_skips_links_with_a_target() -> None:
    """What scripts/course/sitemaps.py and overrides/partials/alternate.html are built around."""
    bundle = next((TEMPLATES / "assets" / "javascripts").glob("bundle.*.min.js")).read_text("utf-8")
    handler = re.search(r'function \w+\(\{document\$:\w+\}\)\{let \w+=new Map;\w+\.pipe\(\w+\(\(\)=>'
                        r'\w+\("link\[rel=alternate\]"\)\).*?\}\)\)\.subscribe', bundle)
    assert handler, f"Material {VERSION and VERSION.group(1)} changed how it reads link[rel=alternate]"
    assert re.search(r'let \w+=\w+\.target\.closest\("a"\);if\(\w+&&!\w+\.target\)', handler.group(0))
    assert re.search(r'function \w+\(\w+\)\{return \w+\(new URL\("sitemap\.xml",\w+\)\)', bundle)
    assert (ROOT / "overrides" / "sitemap.xml").read_text("utf-8").strip().startswith("{#-")  # renders empty


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


def test_the_tooltip_styles_gloss_js_borrows_are_still_in_materials_stylesheet() -> None:
    css = next((TEMPLATES / "assets" / "stylesheets").glob("main.*.min.css")).read_text("utf-8")
    script = (ROOT / "overrides" / "assets" / "course" / "gloss.js").read_text("utf-8")
    for name in (".md-tooltip2{", ".md-tooltip2--active{", ".md-tooltip2--bottom:before{", ".md-tooltip2__inner{",
                 "[role=tooltip]>.md-tooltip2__inner{"):
        assert name in css, f"Material's tooltip style {name} is gone: review overrides/assets/course/gloss.js"
    for variable in re.findall(r'"(--md-tooltip-[a-z-]+)"', script):
        assert f"var({variable})" in css, variable
