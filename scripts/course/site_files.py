"""Bring `lectures/*.md` into the MkDocs build as if they lived in `docs/lectures/`.

The files are added before mkdocs-static-i18n reads the file list, so the plugin
gives them the same locale, URL and alternates (language switcher) as any page
in docs/. Their text is then read from `lectures/` by `read_lecture_source`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .lectures import lecture_paths

LECTURES = "lectures"
OUTLINE = "outline.md"  # the nav section that holds this page is the course; the lectures follow it


def lecture_nav_entries(root: Path) -> list[str]:
    """The lectures in course order, as nav entries: the order is the file names' (lecture-NN), nothing else."""
    return [f"{LECTURES}/{stem}.md" for stem in sorted(lecture_paths(root))]


def add_lectures_to_nav(nav: list[Any], root: Path) -> bool:
    """Append every lecture to the nav section that lists the outline page; False if there is none.

    mkdocs.yml names the course section and its fixed pages only, so lecture order and count have
    one owner (the files in lectures/) and a new lecture appears in the navigation by itself.
    """
    for item in nav:
        if isinstance(item, dict):
            for children in item.values():
                if isinstance(children, list):
                    if OUTLINE in children:
                        children[:] = [c for c in children if not (isinstance(c, str) and c.startswith(f"{LECTURES}/"))]
                        children.extend(lecture_nav_entries(root))
                        return True
                    if add_lectures_to_nav(children, root):
                        return True
    return False


def add_lecture_files(files: Files, config: MkDocsConfig, root: Path) -> Files:
    for path in sorted((root / LECTURES).glob("*.md")):
        src_uri = f"{LECTURES}/{path.name}"
        if files.get_file_from_path(src_uri) is None:
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def read_lecture_source(page: Page, root: Path) -> str | None:
    """The Markdown of a lecture page, from lectures/; None for every other page."""
    src_uri = page.file.src_uri
    if not src_uri.startswith(f"{LECTURES}/"):
        return None
    return (root / src_uri).read_text(encoding="utf-8-sig")


def not_found_page(output: str, lang: str, default: str, site_dir: Path, kept: str) -> str:
    """Each language build renders the theme's 404.html to the site root: write the other languages'
    to `LANG/404.html` and keep the default language's (`kept`) at the root."""
    if lang == default:
        return output
    target = site_dir / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return kept or output
