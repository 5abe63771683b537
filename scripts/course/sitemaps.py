"""Language alternates (hreflang) and sitemaps for the online site, when its public address is known.

Search engines want each page's absolute address in every language, in the page's head and in a
sitemap. Material's script reads the same `<link rel="alternate">` elements and fetches
`sitemap.xml` next to each of them (Material `integrations/sitemap`); ours point at pages, so it asks
for `PAGE/sitemap.xml` and `en/PAGE/sitemap.xml`. Every folder that holds a page therefore gets a
`sitemap.xml` listing the pages in that folder and below it: the site root's lists them all, `en/`'s
the English pages, a lecture's folder that lecture. Each is a valid sitemap (the protocol lets a
sitemap list only addresses under its own folder) and no request goes to a missing file. Once a
sitemap has loaded, Material also takes over clicks on links into that alternate and would send the
language menu to the twin's address without its trailing slash; the menu's links carry a target,
which it leaves alone (overrides/partials/alternate.html).

Without an address (`SITE_URL` unset, `make serve`, the offline copy) there are no alternates in
the head, no sitemaps and no robots.txt: relative alternates would be invalid, and nothing asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from xml.sax.saxutils import quoteattr

X_DEFAULT = "x-default"


@dataclass(frozen=True)
class PageAddresses:
    """One page's address (`url`, relative to the site root) and its twins', as absolute URLs per language."""

    url: str
    links: tuple[tuple[str, str], ...]  # (hreflang, absolute URL), the default language and x-default included


def page_addresses(page: Any, site_url: str | None, default: str) -> PageAddresses | None:
    """The page's hreflang links (every language, then x-default = the default language); None without an address."""
    twins = getattr(page.file, "alternates", None) or {}
    if not site_url or not twins:
        return None
    ordered = sorted(twins.items(), key=lambda item: (item[0] != default, item[0]))
    links = [(lang, urljoin(site_url, twin.url)) for lang, twin in ordered]
    default_url = dict(links).get(default)
    if default_url:
        links.append((X_DEFAULT, default_url))
    return PageAddresses(page.url, tuple(links))


def head_links(addresses: PageAddresses | None) -> list[dict[str, str]]:
    """What overrides/main.html writes as `<link rel="alternate" hreflang href>` (nothing without an address)."""
    return [{"lang": lang, "href": href} for lang, href in addresses.links] if addresses else []


def _sitemap(entries: list[PageAddresses], site_url: str) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for entry in sorted(entries, key=lambda e: e.url):
        lines.append("  <url>")
        lines.append(f"    <loc>{_text(urljoin(site_url, entry.url))}</loc>")
        lines += [f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(href)}/>'
                  for lang, href in entry.links]
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _folder(url: str) -> str:
    """The folder a page's address stands for: `lectures/lecture-04/` for itself, `` for the home page."""
    return url if url.endswith("/") or not url else url.rsplit("/", 1)[0] + "/"


def write_sitemaps(site_dir: Path, pages: list[PageAddresses], site_url: str) -> list[Path]:
    """A sitemap.xml in every folder that holds a page (the pages at or below it), and robots.txt naming the root's."""
    unique = {page.url: page for page in pages}
    folders = sorted({_folder(url) for url in unique})
    written = []
    for folder in folders:
        inside = [page for url, page in unique.items() if url.startswith(folder)]
        target = site_dir / folder / "sitemap.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_sitemap(inside, site_url), encoding="utf-8")
        written.append(target)
    (site_dir / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n",
                                         encoding="utf-8")
    return written
