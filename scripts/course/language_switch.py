"""Language switcher links that work on every page, online and from file://.

mkdocs-static-i18n leaves the home pages pointing at absolute `/` and `/en/`,
which break in the offline copy and under a sub-path. Every page knows its
alternates, so the links are taken from them (the theme makes them relative).
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.pages import Page


def alternate_links(page: Page, alternates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copy of Material's `extra.alternate` with each link set to this page's twin."""
    twins = getattr(page.file, "alternates", {}) or {}
    fixed = []
    for entry in alternates:
        twin = twins.get(entry.get("lang"))
        fixed.append({**entry, "link": twin.url or "./"} if twin is not None else dict(entry))
    return fixed
