"""Table-of-contents entries a page does better without.

The glossary has one heading per term so that each term is its own search result and link
target; listed in the table of contents too, 139 terms doubled the page (the sidebar and the
mobile drawer each carry the list), and Material's scroll spy measured every one of them on
load. The letters stay in the table of contents, and the page's own index of initials links them.
"""

from __future__ import annotations

from typing import Any


def drop_entries(toc: Any, ids: set[str]) -> int:
    """Remove the entries with these anchors from a page's `toc` (their children go with them); how many went."""
    items: list[Any] = toc if isinstance(toc, list) else getattr(toc, "items", [])
    removed = 0
    for item in list(items):
        if item.id in ids:
            items.remove(item)
            removed += 1
        else:
            removed += drop_entries(item.children, ids)
    return removed
