"""The Content-Security-Policy of the site, online (nginx header) and offline (a meta element).

Only the theme's own inline scripts are allowed, by the SHA-256 of each: they are read from the
theme's templates, not from the built pages, so a script that found its way into content would
not be allowed (the checker refuses such content anyway). The scripts are identical on every page
at every depth (overrides/partials/javascripts/base.html), so a new, deeper page needs no new hash.
`unknown_inline_scripts` names any built page whose inline scripts are not in the known set.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parents[2]
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
THEME_SCRIPT_SOURCES = (
    ROOT / "overrides" / "partials" / "javascripts" / "base.html",
    MATERIAL_TEMPLATES / "partials" / "javascripts" / "content.html",
)
TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


def digest(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def theme_script_hashes() -> list[str]:
    """The hashes of the inline scripts the theme's templates write (none of them holds template code)."""
    bodies = [body for path in THEME_SCRIPT_SOURCES for body in TEMPLATE_SCRIPT.findall(path.read_text("utf-8"))]
    return sorted({digest(body) for body in bodies if "{{" not in body and "{%" not in body})


def policy(offline: bool = False) -> str:
    """The policy; offline it goes into a meta element, where frame-ancestors has no effect."""
    scripts = " ".join(["'self'", *theme_script_hashes()])
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:" if offline else "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if not offline:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def unknown_inline_scripts(site: Path) -> list[str]:
    """`page: sha256` for each inline script of the built site that the policy does not allow."""
    known = set(theme_script_hashes())
    found = []
    for page in sorted(site.rglob("*.html")):
        for attrs, body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "application/json" not in attrs and digest(body) not in known:
                found.append(f"{page.relative_to(site).as_posix()}: {digest(body)}")
    return found
