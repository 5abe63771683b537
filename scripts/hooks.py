"""MkDocs hooks: thin wiring of the `scripts.course` package into the build (logic lives in the package)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.course.blocks import CourseBlocksExtension, PageContext  # noqa: E402
from scripts.course.course import load_course  # noqa: E402
from scripts.course.course_map import course_map, lecture_stem, write_course_map  # noqa: E402
from scripts.course.csp import policy as csp_policy  # noqa: E402
from scripts.course.edition import DECKS_ENV, DOWNLOAD_ENV, edition  # noqa: E402
from scripts.course.edition_site import (  # noqa: E402
    add_edition_files,
    add_edition_to_nav,
    name_the_site,
    read_edition_source,
)
from scripts.course.glossary_tooltips import GlossaryTooltipExtension  # noqa: E402
from scripts.course.handout import KEY_TERMS, handout_link, write_handouts  # noqa: E402
from scripts.course.labels import LABELS, label  # noqa: E402
from scripts.course.language_switch import alternate_links  # noqa: E402
from scripts.course.local_edition import Edition, load_edition, selected, unknown  # noqa: E402
from scripts.course.local_rules import LocalRules  # noqa: E402
from scripts.course.page_meta import description  # noqa: E402
from scripts.course.page_toc import drop_entries  # noqa: E402
from scripts.course.search_index import register_terms, write_split_indexes  # noqa: E402
from scripts.course.search_loading import BundleChanged, course_bundle, install_bundle  # noqa: E402
from scripts.course.search_worker import WorkerChanged, course_worker, install_worker  # noqa: E402
from scripts.course.site_files import (  # noqa: E402
    add_lecture_files,
    add_lectures_to_nav,
    not_found_page,
    read_lecture_source,
)
from scripts.course.sitemaps import PageAddresses, head_links, page_addresses, write_sitemaps  # noqa: E402

CONTEXT = PageContext()
ADDRESSES: list[PageAddresses] = []  # every page of every language, for the sitemaps written after the build
OFFLINE_SHIM = "assets/vendor/iframe-worker/shim.js"


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def _county() -> Edition | None:
    """The county edition named by EDITION (its name and pages; its checks run with the course's)."""
    name = selected()
    if name is None:
        return None
    reason = unknown(ROOT, name)
    if reason is not None:
        raise PluginError(reason)
    return load_edition(ROOT, name, LocalRules())


@event_priority(100)  # before Material's offline plugin looks for an iframe-worker shim
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not any(isinstance(ext, CourseBlocksExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(CourseBlocksExtension(CONTEXT))  # type: ignore[arg-type]
        config.markdown_extensions.append(GlossaryTooltipExtension(CONTEXT))  # type: ignore[arg-type]
    if config.nav is not None and not add_lectures_to_nav(config.nav, ROOT):
        raise PluginError("mkdocs.yml: no nav section lists outline.md; the lectures are added after it")
    county = _county()
    if county is not None:
        if str(ROOT / county.folder) not in config.watch:
            config.watch.append(str(ROOT / county.folder))  # `make serve EDITION=NAME` rebuilds on its edits
        name_the_site(county, _i18n(config))
        if config.nav is not None:
            add_edition_to_nav(config.nav, county)
    config.extra["edition"] = edition(ROOT, _offline(config), county, os.environ.get(DOWNLOAD_ENV),
                                      os.environ.get(DECKS_ENV))
    if _offline(config) and OFFLINE_SHIM not in config.extra.get("polyfills", []):
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), OFFLINE_SHIM]
    config.extra["public_url"] = config.site_url  # the handouts' QR codes lead there, from the offline copy too
    if _offline(config):
        config.extra["offline_csp"] = csp_policy(offline=True)
        config.site_url = None  # a copy on disk has no address: no canonical link, alternates or sitemaps
    config.extra["search_worker"] = _worker_names()
    config.extra["search_bundle"] = _bundle_names()
    config.extra["search_missing"] = {lang: LABELS[lang]["search_missing"] for lang in LABELS}
    return config


def _worker_names() -> dict[str, str]:
    """Material's worker file name and the course's, for overrides/main.html."""
    try:
        worker = course_worker()
    except (WorkerChanged, ValueError) as err:
        raise PluginError(str(err)) from None
    return {"material": worker.material_name, "course": worker.name}


def _bundle_names() -> dict[str, str]:
    """Material's bundle file name and the course's (the index loads when search is opened), for main.html."""
    try:
        bundle = course_bundle()
    except BundleChanged as err:
        raise PluginError(str(err)) from None
    return {"material": bundle.material_name, "course": bundle.name}


@event_priority(100)  # before the site directory is cleaned: bad content leaves the last site untouched
def on_pre_build(config: MkDocsConfig) -> None:
    i18n = _i18n(config)
    if CONTEXT.course is not None and i18n is not None and getattr(i18n, "building", False):
        return  # the inner build of another language uses the course the outer build just checked
    CONTEXT.course = load_course(ROOT, selected())
    CONTEXT.problems.clear()
    CONTEXT.lecture_urls.clear()
    ADDRESSES.clear()
    if CONTEXT.course.problems:
        raise PluginError("content check failed:\n" + "\n".join(str(p) for p in CONTEXT.course.problems))
    register_terms(form for term in CONTEXT.course.reference.terms for form in term.forms("zh"))


@event_priority(100)  # before mkdocs-static-i18n (-100), which then localises the lecture files too
def on_files(files: Files, config: MkDocsConfig) -> Files:
    county = CONTEXT.course.edition if CONTEXT.course else None
    if county is not None:
        add_edition_files(files, config, county)
    return add_lecture_files(files, config, ROOT)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    county = CONTEXT.course.edition if CONTEXT.course else None
    return read_lecture_source(page, ROOT) or read_edition_source(page, ROOT, county)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["course_label"] = label  # UI words of the theme overrides come from labels.py too
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    CONTEXT.lang = getattr(page.file, "locale", None) or config.theme.get("language", "zh")
    CONTEXT.src_uri = page.file.src_uri
    CONTEXT.trainer_blocks = 0
    return markdown


@event_priority(0)  # after mkdocs-static-i18n (50) has set its own switcher links
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    # mkdocs-static-i18n sets the switcher as an attribute of `extra` (which templates read first).
    current = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if current:
        config.extra.alternate = config.extra["alternate"] = alternate_links(page, current)
    i18n = _i18n(config)
    addresses = page_addresses(page, config.site_url, getattr(i18n, "default_language", None) or "zh")
    if addresses:
        ADDRESSES.append(addresses)
    context["hreflang_links"] = head_links(addresses)
    if not page.meta.get("description"):
        lang = getattr(page.file, "locale", None) or config.theme.get("language", "zh")
        page.meta["description"] = description(page.content or "", lang, page.meta.get("summary"))
    if CONTEXT.course is not None:
        drop_entries(page.toc, {term.anchor for term in CONTEXT.course.reference.terms})
    stem = lecture_stem(page.file.src_uri)
    if stem:
        lang = getattr(page.file, "locale", None) or "zh"
        CONTEXT.lecture_urls[(lang, stem)] = page.url
        context["course_handout"] = handout_link(page.url, stem, lang)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    i18n = _i18n(config)
    lang = getattr(i18n, "current_language", None) or "zh"
    default = getattr(i18n, "default_language", None) or "zh"
    if lang == default:
        CONTEXT.not_found = output
    return not_found_page(output, lang, default, Path(config.site_dir), CONTEXT.not_found)


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the search index
def on_post_build(config: MkDocsConfig) -> None:
    if CONTEXT.problems:
        raise PluginError("\n".join(CONTEXT.problems))
    i18n = _i18n(config)
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner per-language build; the outer build splits the merged index once
    languages = [lang.locale for lang in i18n.config.languages if lang.build] if i18n else ["zh"]
    default = i18n.default_language if i18n else "zh"
    terms = CONTEXT.course.reference.terms if CONTEXT.course else []
    other_names = {"zh": {t.anchor: t.aliases for t in terms}, "en": {t.anchor: t.en_aliases for t in terms}}
    write_split_indexes(Path(config.site_dir), default, [x for x in languages if x != default], _offline(config),
                        other_names)
    if CONTEXT.course is not None:
        write_course_map(Path(config.site_dir), course_map(CONTEXT.course, CONTEXT.lecture_urls))
        key_terms = {stem: list(versions["zh"].meta.get(KEY_TERMS) or []) for stem, versions in
                     CONTEXT.course.lectures.items() if "zh" in versions}
        ADDRESSES.extend(write_handouts(Path(config.site_dir), CONTEXT.lecture_urls, key_terms, terms,
                                        config.extra["edition"], config.extra["public_url"],
                                        config.extra.get("offline_csp"), config.site_url, default))
    install_worker(Path(config.site_dir), course_worker())
    install_bundle(Path(config.site_dir), course_bundle())
    if config.site_url:
        write_sitemaps(Path(config.site_dir), ADDRESSES, config.site_url)
