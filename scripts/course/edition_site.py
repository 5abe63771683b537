"""A county edition in the MkDocs build: its name in the header, its section in the menu, its pages as files.

Called from the hooks' `on_config` and `on_files` only when `EDITION` is set, so the national build is
untouched. Like the lectures (`site_files.py`), the edition's pages are added before
mkdocs-static-i18n reads the file list, so the plugin gives them their locale, URL and language
switcher; they are published under `local/` and their text is read from `editions/NAME/pages/`.
The header's name per language is set through the plugin's own per-language `site_name`, and the
menu section's English title through its `nav_translations`, because the plugin re-applies both for
each language it builds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .lectures import LANGS
from .local_edition import SITE_FOLDER, Edition
from .local_html import title

AFTER = "guide.md"  # the edition's section follows the how-to-use page, near the top of the menu


def name_the_site(edition: Edition, i18n: Any) -> None:
    """The header says which committee this copy is for, in each language."""
    for language in i18n.config.languages if i18n is not None else []:
        if language.locale in LANGS:
            language["site_name"] = title(edition, language.locale)
            if language.locale != "zh" and edition.committee["zh"]:
                translations = dict(language.nav_translations or {})
                translations[edition.committee["zh"]] = edition.committee[language.locale]
                language["nav_translations"] = translations


def add_edition_to_nav(nav: list[Any], edition: Edition) -> None:
    """One menu section named after the committee, with the edition's pages in their listed order."""
    entries = [page.src_uri("zh") for page in edition.pages]
    nav[:] = [item for item in nav if not (isinstance(item, dict) and edition.committee["zh"] in item)]
    if not entries:
        return
    position = next((i + 1 for i, item in enumerate(nav) if item == AFTER), 1)
    nav.insert(position, {edition.committee["zh"]: entries})


def add_edition_files(files: Files, config: MkDocsConfig, edition: Edition) -> Files:
    for page in edition.pages:
        for lang in page.files:
            src_uri = page.src_uri(lang)
            if files.get_file_from_path(src_uri) is None:
                files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def read_edition_source(page: Page, root: Path, edition: Edition | None) -> str | None:
    """The Markdown of an edition page, from editions/NAME/pages/; None for every other page."""
    if edition is None or not page.file.src_uri.startswith(f"{SITE_FOLDER}/"):
        return None
    rel = edition.source(page.file.src_uri)
    return (root / rel).read_text(encoding="utf-8-sig") if rel else None
