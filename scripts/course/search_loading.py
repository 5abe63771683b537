"""When the search index loads: once the search box is first opened, online as offline.

Material fetches the index on every page view online, and from file:// only when the search box
is first opened. The online site now does what the offline copy does: a page view no longer
downloads the index (Chinese: 120 KB brotli, 170 KB gzip), parses it on the main thread, hands it
to the worker and has the worker build it (a phone's CPU busy for a second or more while the page
loads); opening the search box starts all that, while the reader types. Material's search
highlighting also asked for the index on every page; it now does only on a page opened from a
search result (the `h` parameter it highlights).

Two expressions of Material's minified bundle change. The result is written as
`assets/javascripts/bundle.<hash>.min.js`, the hash taken from its content, and
`overrides/main.html` loads it instead of Material's: nginx keeps fingerprinted bundles for a year
(`immutable`), so changed code never goes out under Material's name. tests/test_material_contract.py
and tests/test_search_loading.py check the expressions against the installed Material.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import material

from .search_worker import replace_material_script

MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
SITE_SCRIPTS = "assets/javascripts"
# Material's setupSearchWorker (integrations/search/worker/_/index.ts), minified:
#   merge(of(location.protocol !== "file:"), watchToggle("search")).pipe(first(active => active), ...)
EAGER = re.compile(r'([\w$]+\([\w$]+\()location\.protocol!=="file:"(\),[\w$]+\("search"\)\))')
# bundle.ts: getComponentElements("content").map(el => feature("search.highlight") ? mountSearchHiglight(...) : EMPTY)
HIGHLIGHT_EAGER = re.compile(r'(=>[\w$]+\("search\.highlight"\))(\?[\w$]+\([\w$]+,\{index\$:)')
HIGHLIGHT_ONLY_FROM_RESULTS = r'\1&&/[?&]h=/.test(location.search)\2'
SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")


class BundleChanged(RuntimeError):
    """Material's bundle no longer has the code this module changes: review it."""


@dataclass(frozen=True)
class Bundle:
    """The course's copy of Material's bundle: Material's file name, its own and its code."""

    material_name: str
    name: str
    code: str


def defer_index(code: str) -> str:
    """Material's bundle with the index loaded when the search box is first opened."""
    patched, setup = EAGER.subn(r"\1!1\2", code)
    patched, highlight = HIGHLIGHT_EAGER.subn(HIGHLIGHT_ONLY_FROM_RESULTS, patched)
    if setup != 1 or highlight != 1:
        raise BundleChanged("Material's bundle has changed: review scripts/course/search_loading.py "
                            f"(search set-up found {setup} times, highlighting {highlight} times; expected once each)")
    return SOURCE_MAP.sub("", patched) + "\n"  # Material's source map no longer matches


def material_bundle() -> Path:
    """Material's bundle as installed (one fingerprinted file)."""
    (bundle,) = sorted(MATERIAL_SCRIPTS.glob("bundle.*.min.js"))
    return bundle


def course_bundle() -> Bundle:
    """The bundle the course serves, named after its content."""
    original = material_bundle()
    code = defer_index(original.read_text(encoding="utf-8"))
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:8]
    return Bundle(original.name, f"bundle.{digest}.min.js", code)


def install_bundle(site_dir: Path, bundle: Bundle) -> Path:
    """Write the course's bundle into a built site; Material's own (and its source map) go."""
    return replace_material_script(site_dir / SITE_SCRIPTS, bundle.name, bundle.code, bundle.material_name)
