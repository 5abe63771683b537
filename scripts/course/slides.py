"""`make slides`: an editable deck (.pptx) and a one-page handout (PDF) per lecture and language, and one zip.

The site is built (strictly, as `make build` does) into a work folder and served on loopback; headless
Debian Chromium presents every lecture at 1920x1080 and the deck is read out of the presentation
(`slide_deck.py`) and written with python-pptx (`pptx_deck.py`); each lecture's handout page is printed to
one A4 page (`pdf.print_handout`). Everything lands in `dist/slides/{zh,en}/lecture-NN.pptx`,
`dist/handouts/{zh,en}/lecture-NN.pdf` and `dist/cppcc-course[-NAME]-VERSION-slides.zip` (its line added
to `dist/SHA256SUMS`), which `make publish` ships beside the offline zip. The same commit gives the same
bytes: every timestamp is the commit time.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from .edition import commit_time, edition, slides_zip_name, version
from .handout import FOLDER
from .lectures import LANGS, lecture_paths
from .local_edition import load_edition, selected, unknown
from .local_rules import LocalRules
from .package import record_checksum, write_entries
from .pdf import print_handout
from .pptx_deck import write_deck
from .serving import chromium, http_server
from .sitebuild import build_env, strict_build
from .slide_deck import HEIGHT, WIDTH, read_deck

ROOT = Path(__file__).resolve().parents[2]
README = """{title_zh}：幻灯片与讲义 {version}，{date}

slides/zh/lecture-NN.pptx  每讲一份可编辑的幻灯片（PowerPoint、WPS 均可打开），讲者备注在备注栏中，
                           自测题每题一页，答案与解析在下一页。
handouts/zh/lecture-NN.pdf 每讲一页 A4 讲义：要点回顾、三个关键术语、清单或模板、二维码。

{title_en}: slide decks and handouts {version}, {date}

slides/en/lecture-NN.pptx  an editable deck per lecture (PowerPoint or WPS), speaker notes in the notes
                           pane, each self-test question on a slide and its answer on the next.
handouts/en/lecture-NN.pdf a one-page A4 handout per lecture: key points, three key terms, the
                           checklist or template, a QR code.
"""


def deck_stamp(facts: dict, lang: str) -> str:
    """The line on every slide: the course's name (with the committee's for a county), version and date."""
    sep = ", " if lang == "en" else "，"
    return f"{facts['titles'][lang]} · {facts['version']}{sep}{facts['date']}"


def make_slides(dist: Path, work: Path, only: list[str] | None = None, county_name: str | None = None) -> int:
    from playwright.sync_api import sync_playwright

    county = load_edition(ROOT, county_name, LocalRules()) if county_name else None
    stamp = commit_time(ROOT) or 315532800
    env = build_env(SOURCE_DATE_EPOCH=str(stamp))
    env.pop("OFFLINE", None)
    if work.exists():
        shutil.rmtree(work)
    print(f"[1/4] building the site into {work}/", flush=True)
    if strict_build(work, ROOT, env).returncode != 0:
        print("build failed: no slides written", file=sys.stderr)
        return 1
    facts = edition(ROOT, False, county)
    facts["date"] = time.strftime("%Y-%m-%d", time.gmtime(stamp))
    stems = [stem for stem in sorted(lecture_paths(ROOT)) if not only or stem in only]
    written: list[tuple[str, Path]] = []
    print(f"[2/4] reading {len(stems)} lectures' presentations at {WIDTH}x{HEIGHT} in Chromium", flush=True)
    with sync_playwright() as playwright, chromium(playwright) as browser, http_server(work) as base:
        for lang in LANGS:
            prefix = "en/" if lang == "en" else ""
            for stem in stems:
                page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
                page.goto(f"{base}/{prefix}lectures/{stem}/")
                deck = read_deck(page)
                page.close()
                target = dist / "slides" / lang / f"{stem}.pptx"
                write_deck(deck, target, lang, deck_stamp(facts, lang), stamp)
                written.append((f"slides/{lang}/{stem}.pptx", target))
        print("[3/4] printing the handouts", flush=True)
        for lang in LANGS:
            prefix = "en/" if lang == "en" else ""
            for stem in stems:
                target = dist / "handouts" / lang / f"{stem}.pdf"
                print_handout(browser, f"{base}/{prefix}{FOLDER}/{stem}/", target, stamp)
                written.append((f"handouts/{lang}/{stem}.pdf", target))
    target = dist / slides_zip_name(ROOT, county_name)
    folder = target.name.removesuffix(".zip")
    date = facts["date"]
    note = README.format(version=version(ROOT), date=date, title_zh=facts["titles"]["zh"], title_en=facts["titles"]["en"])
    entries = [(f"{folder}/README.txt", note.encode("utf-8"))]
    entries += [(f"{folder}/{name}", path.read_bytes()) for name, path in written]
    write_entries(entries, target, stamp)
    digest = record_checksum(dist, target)
    decks = sum(path.stat().st_size for name, path in written if name.endswith(".pptx"))
    handouts = sum(path.stat().st_size for name, path in written if name.endswith(".pdf"))
    print(f"[4/4] {target}: {target.stat().st_size / 1e6:.2f} MB, sha256 {digest}; decks {decks / 1e6:.2f} MB, "
          f"handouts {handouts / 1e6:.2f} MB", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the slide decks and handouts of every lecture.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "slides-site", help="where the site is built")
    parser.add_argument("--only", nargs="*", help="lecture ids (lecture-04 ...): only these (the zip holds only them)")
    args = parser.parse_args(argv)
    county_name = selected()
    if county_name is not None and unknown(ROOT, county_name):
        print(unknown(ROOT, county_name), file=sys.stderr)
        return 2
    missing = sorted(set(args.only or []) - set(lecture_paths(ROOT)))
    if missing:
        print(f"no such lecture: {', '.join(missing)} (lectures/lecture-NN.md)", file=sys.stderr)
        return 2
    return make_slides(args.dist.resolve(), args.work.resolve(), args.only, county_name)


if __name__ == "__main__":
    raise SystemExit(main())
