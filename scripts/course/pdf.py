"""`make pdf`: the whole course as one PDF per language, and the trainers' answer key, printed by
headless Chromium from the built site (so the PDF is exactly what print shows: no navigation,
no buttons, quizzes without answers, one lecture per section starting on a new page).
"""

from __future__ import annotations

import argparse
import html
import re
from pathlib import Path

from .edition import folder_name
from .local_edition import Edition, load_edition, selected
from .local_html import title
from .local_rules import LocalRules
from .serving import chromium

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
GLOSSARY_LINK = re.compile(r'<a class="gloss"[^>]*>(.*?)</a>', re.S)  # relative to the page: plain text on paper


def lecture_pages(site: Path, lang: str) -> list[Path]:
    folder = site / ("en/lectures" if lang == "en" else "lectures")
    pages = sorted(folder.glob("lecture-*/index.html")) or sorted(folder.glob("lecture-*.html"))
    return pages


def combined_html(site: Path, lang: str, county: Edition | None = None) -> str:
    """All lectures of one language in one document, each in its own section, titled with the edition's name."""
    pages = lecture_pages(site, lang)
    if not pages:
        raise SystemExit(f"no lecture pages under {site}: build the site first")
    first = pages[0].read_text(encoding="utf-8")
    styles = [href for href in STYLESHEET.findall(first) if "assets/" in href]
    links = "\n".join(
        f'<link rel="stylesheet" href="{(pages[0].parent / href).resolve().as_uri()}">' for href in styles
    )
    sections = []
    for page in pages:
        match = ARTICLE.search(page.read_text(encoding="utf-8"))
        if match:
            body = GLOSSARY_LINK.sub(r"\1", match.group(1))
            sections.append(f'<section class="pdf-lecture">{body}</section>')
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title(county, lang))}</title>
{links}
<style>
  .pdf-lecture {{ break-before: page; }}
  .pdf-lecture:first-of-type {{ break-before: auto; }}
  .md-typeset {{ font-size: 12pt !important; }}
</style></head>
<body><main class="md-main"><div class="md-content">{"".join(sections)}</div></main></body></html>"""


def print_pdf(browser: object, source: Path, target: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(source.as_uri())
    page.emulate_media(media="print")
    page.pdf(path=str(target), format="A4", margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
             outline=True, tagged=True)
    page.close()


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description="Print the course and the answer key to PDF.")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site (make build)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    site, dist = args.site.resolve(), args.dist.resolve()
    dist.mkdir(parents=True, exist_ok=True)
    county_name = selected()  # `make pdf EDITION=NAME` prints the county's copy that `make build` just built
    county = load_edition(ROOT, county_name, LocalRules()) if county_name else None
    name = folder_name(ROOT, county_name)
    with sync_playwright() as playwright, chromium(playwright) as browser:
        for lang in ("zh", "en"):
            source = site / f"_print-course-{lang}.html"
            source.write_text(combined_html(site, lang, county), encoding="utf-8")
            try:
                target = dist / f"{name}-{lang}.pdf"
                print_pdf(browser, source, target)
                print(f"{target}: {target.stat().st_size / 1e6:.2f} MB", flush=True)
            finally:
                source.unlink()
            key_dir = site / ("en" if lang == "en" else "") / "answer-key"
            key_page = key_dir / "index.html" if key_dir.is_dir() else key_dir.with_suffix(".html")
            target = dist / f"{name}-answer-key-{lang}.pdf"
            print_pdf(browser, key_page, target)
            print(f"{target}: {target.stat().st_size / 1e6:.2f} MB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
