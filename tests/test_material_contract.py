"""Every assumption about Material's internals, checked against the installed Material in one fast test
file: after an upgrade this fails first, and names what to review."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from scripts.course.csp import THEME_SCRIPT_SOURCES, theme_script_hashes
from scripts.course.search_worker import WORKER_BUG, material_worker
from tests.conftest import ROOT

MATERIAL_VERSION = "9.8.1"  # every check below was made against this version
TEMPLATES = Path(material.__file__).parent / "templates"
VERSION = re.search(r"mkdocs-material-([\d.]+)", (TEMPLATES / "base.html").read_text("utf-8"))
VENDOR = ROOT / "overrides" / "assets" / "vendor" / "iframe-worker"
WORKER = material_worker()
BUNDLE = next((TEMPLATES / "assets" / "javascripts").glob("bundle.*.min.js"))
SEARCH_PLUGIN = Path(material.__file__).parent / "plugins" / "search" / "plugin.py"


def block(text: str, name: str) -> str:
    """The body of `{% block NAME %}` in a template, whitespace folded."""
    match = re.search(r"{% block " + name + r" %}(.*?){% endblock %}", text, re.S)
    assert match, f"block {name} not found"
    return " ".join(match.group(1).split())


def test_the_installed_material_is_the_version_this_contract_was_checked_against() -> None:
    found = VERSION.group(1) if VERSION else "unknown"
    assert found == MATERIAL_VERSION, (f"Material {found} is installed, the contract was checked against {MATERIAL_VERSION}: "
                                       "review every assumption in this file, then update MATERIAL_VERSION")


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


def test_the_scripts_block_names_materials_bundle_as_main_html_replaces_it() -> None:
    """overrides/main.html loads the course's bundle (scripts/course/search_loading.py) in its place."""
    scripts = block((TEMPLATES / "base.html").read_text("utf-8"), "scripts")
    assert scripts.count("assets/javascripts/bundle.") == 1
    assert f"<script src=\"{{{{ 'assets/javascripts/{BUNDLE.name}' | url }}}}\"></script>" in scripts


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
    ours = ours.replace('{%- if config.extra.edition.committee %} <p class="course-print-title" aria-hidden="true">'
                        '{{ config.site_name }}</p> {%- endif %} ', "")
    ours = ours.replace('"navigation.path" in (config.theme.features or [])', '"navigation.path" in features')
    assert ours == theirs, "Material changed its content container: review the container block of overrides/main.html"


# What the course's search worker (scripts/course/search_worker.py, overrides/assets/course/search-worker.js)
# relies on in Material's minified search worker, with the reason for each.
WORKER_FACTS = [
    (WORKER_BUG, "the one comparison search_worker.py corrects (upstream query/segment/index.ts)"),
    ('addEventListener("message",', "the layer sees every message first by wrapping the global addEventListener"),
    ("case 0:return yield Ie(t.data.config),de=new U(t.data),{type:1}",
     "message type 0 sets the index up (the layer patches lunr first) and type 1 says it is ready"),
    ("case 2:let e=t.data;try{return{type:3,data:de.search(e)}}",
     "message type 2 carries the query as typed (the layer rewrites it); type 3 carries the results"),
    ("self.lunr=", "lunr is global, so the layer can patch its builder and index"),
    ('.version="2.3.9"', "lunr 2.3.9: the layer's Builder#add and #createFieldVectors are that version's, rewritten"),
    ('this.metadataWhitelist=["position"]', "positions are the only metadata (the layer finds them for results)"),
    ('.join("* ")', "Material cuts each Chinese run itself: the layer hands it one word per run"),
    ("this.index.search(e)", "Material searches with Index#search, which the layer replaces"),
    ("score:a*(1+K(g,2))", "Material multiplies scores by at most 5 afterwards; the layer's tiers (1e7 apart) survive it"),
    ('.split("/worker")', "offline, the worker finds lunr's language files from its own folder: ours stays in workers/"),
    ("this.add(o,{boost:o.boost})", "a page's search boost (front matter of the home pages) reaches lunr"),
    # Material's tokenizer (internal/tokenize, extract, split), which scripts/course/search_counts.py follows
    # when it counts the words at build time, and which the layer runs for the sections a search returns:
    ("this.tokenizer=ae", "documents are cut by Material's tokenize"),
    ("lunr.tokenizer.separator=new RegExp(e.separator)", "words are separated by the index's separator, as queries are"),
    ("return t.set(n,lunr.tokenizer.table=[]),r[e]", "each field gets a fresh table of blocks before it is cut"),
    ('function se(t,e){let r=0,n=0,i=0;for(let s=0;i<t.length;i++)t.charAt(i)==="<"&&i>n?e(r,1,n,n=i):t.charAt(i)'
     '===">"&&(t.charAt(n+1)==="/"?--s===0&&e(r++,2,n,i+1):t.charAt(i-1)!=="/"&&s++===0&&e(r,0,n,i+1),n=i+1);i>n&&e(r,1,n,i)}',
     "extract: text, opening and closing tags per block, as the layer's extract"),
    ('function H(t,e,r){var s;e=new RegExp(e,"g");let n,i=0;do{n=e.exec(t);let o=(s=n==null?void 0:n.index)!=null?s:t.length;'
     'if(i<o&&r(i,o),n){let[a]=n;i=n.index+a.length,a.length===0&&(e.lastIndex=n.index+1)}}while(n)}',
     "split: the separator runs over each text section, zero-length matches step on"),
    ("i[o].push(u+l<<12|m-l<<2|a),e.push(new lunr.Token(g.slice(l,m).toLowerCase(),{position:o<<20|i[o].length-1}))",
     "tokenize: a table entry per word, the word lower-cased, its position = block << 20 | entry"),
    ('lunr.segmenter="TinySegmenter"in lunr?new lunr.TinySegmenter:void 0',
     "no segmenter for zh or en (the layer falls back to lunr's own add if there is one)"),
]


def test_the_bundle_hands_the_worker_the_index_config_whole() -> None:
    """The build's word counts (scripts/course/search_counts.py) travel in the index's config."""
    assert re.search(r"\(\{config:(\w+),docs:(\w+)\}\)=>\w+\.next\(\{type:0,data:\{config:\1,docs:\2,",
                     BUNDLE.read_text("utf-8")), f"Material {MATERIAL_VERSION}: the search set-up message changed"


@pytest.mark.parametrize(("code", "why"), WORKER_FACTS, ids=[why.split(":")[0][:40] for _, why in WORKER_FACTS])
def test_materials_search_worker_still_has_what_the_course_worker_builds_on(code: str, why: str) -> None:
    assert WORKER.read_text("utf-8").count(code) == 1, f"Material {MATERIAL_VERSION} worker {WORKER.name}: {why}"


def test_the_config_names_the_worker_and_the_label_main_html_replaces() -> None:
    config = block((TEMPLATES / "base.html").read_text("utf-8"), "config")
    assert f'"search": "assets/javascripts/workers/{WORKER.name}" | url,' in config
    assert '"search.result.term.missing": lang.t("search.result.term.missing"),' in config


def test_missing_words_are_struck_out_in_the_result_paragraph_course_css_restyles() -> None:
    bundle = BUNDLE.read_text("utf-8")
    assert 'class:"md-search-result__terms"},Me("search.result.term.missing"),": ",...n' in bundle
    assert '[...c,x("del",null,' in bundle


def test_titles_weigh_a_thousand_times_the_text_and_pages_can_set_a_boost() -> None:
    plugin = SEARCH_PLUGIN.read_text("utf-8")
    assert 'self.config.fields["title"] = { "boost": 1e3 }' in plugin
    assert 'entry["boost"] = search["boost"]' in plugin
