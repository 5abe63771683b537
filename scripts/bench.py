"""`make bench`: print build, size and page-weight figures next to their targets (figures, not tests).

- full build wall time and peak memory, ours and plain MkDocs + Material on the same content
  (lectures copied into docs/, no hooks), fastest of three alternated runs each, and the ratio
  of the two (target <= 1.15);
- size of the built site and of the offline zip (target <= 8 MB), and of the example county
  edition's zip (`EDITION=example-county`);
- bytes a browser transfers for the home page and a lecture page (HTML + CSS + JS, gzip level 6),
  with the search index counted separately;
- search in real Chromium: top-3 hit rate of the query set and the queries that miss, median and p95
  query latency (target p95 <= 100 ms), and how soon each language's index is usable on a mid-tier
  phone (target <= 300 ms), online and offline (measure: scripts/course/search_timing.py);
- slides in real Chromium (measure: scripts/course/slide_fit.py): per lecture and language the number
  of slides at 1920x1080, 1366x768 and 1024x768, how many reach past the screen (target 0), the
  smallest body text used next to the readable floor (28 px at 1080p, scaled), and the summaries;
- `make slides`: its wall time, the editable decks (.pptx) and one-page handouts (PDF) per language
  (count, total, smallest and largest), and the decks zip next to the offline zip;
- behind real nginx (deploy/nginx.conf.in), with the site built for the address it is served at
  (SITE_URL, so canonical links, hreflang alternates and sitemaps are as online): requests per
  second and p99 latency from a bounded wrk run on loopback, a throttled mobile profile (1.6 Mbit/s,
  150 ms round trip, CPU 4x slower) with first contentful paint, DOMContentLoaded and transferred
  bytes per page type next to the 2 s budget, and Lighthouse's four scores (mobile preset) per page
  type (scripts/course/lighthouse.py; skipped with a message where Node.js is missing).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import markdown

from scripts.course import lighthouse
from scripts.course.blocks import CourseBlocksExtension, PageContext
from scripts.course.course import Course, load_course
from scripts.course.precompress import precompress
from scripts.course.serving import MissingTool, chromium, free_port, http_server, nginx
from scripts.course.sitebuild import build_env, strict_build

ROOT = Path(__file__).resolve().parents[1]
ENV = {k: v for k, v in build_env().items() if k not in ("EDITION", "SITE_URL")}  # the national edition, no address
EXAMPLE_EDITION = "example-county"
BUILD_RUNS = 3
LIGHTHOUSE_RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))  # per page and language; Lighthouse advises five
ASSET = re.compile(r'<(?:script[^>]+src|link[^>]+href)="([^"]+\.(?:js|css))"')


def timed_build(project: Path, dest: Path, extra_env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one `mkdocs build` in a child process."""
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "mkdocs", "build", "-d", str(dest)],
                         cwd=project, env={**ENV, **(extra_env or {})}, capture_output=True, text=True, check=True)
    seconds, rss_kb = out.stdout.split()
    return float(seconds), int(rss_kb) / 1024


BLOCK = re.compile(r"^/// ([a-z-]+)(?: \| (\S+))?\n(.*?)^///\n", re.S | re.M)


def inline_blocks(path: Path, course: Course) -> None:
    """Replace our blocks by the HTML they render to, so the plain build gets the same page content."""
    src_uri = path.relative_to(path.parents[1] if path.parent.name == "lectures" else path.parent).as_posix()
    lang = "en" if path.name.endswith(".en.md") else "zh"
    context = PageContext(course=course, lang=lang, src_uri=src_uri)

    def render(match: re.Match[str]) -> str:
        return "\n" + markdown.markdown(match.group(0), extensions=[CourseBlocksExtension(context)]) + "\n\n"

    path.write_text(BLOCK.sub(render, path.read_text(encoding="utf-8")), encoding="utf-8")


def plain_project(target: Path) -> Path:
    """The same pages for plain MkDocs + Material: lectures inside docs/, blocks pre-rendered, no hooks."""
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("_data"))
    shutil.copytree(ROOT / "lectures", target / "docs" / "lectures")
    course = load_course(ROOT)
    for page in (target / "docs").rglob("*.md"):
        inline_blocks(page, course)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n(hooks|watch):\n(  - .*\n)+", "\n", config)
    config = config.replace("custom_dir: overrides", "custom_dir: overrides_plain")
    (target / "overrides_plain").mkdir()
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weight(site: Path, page: str) -> tuple[int, int]:
    """(gzip bytes of the page's HTML + its CSS and JS, raw bytes of the same)."""
    html_path = site / page
    html = html_path.read_bytes()
    total_gz, total_raw = gz(html), len(html)
    for ref in sorted(set(ASSET.findall(html.decode("utf-8")))):
        if ref.startswith(("http:", "https:", "//")):
            continue
        asset = (html_path.parent / ref.split("?")[0]).resolve()
        if asset.is_file():
            data = asset.read_bytes()
            total_gz += gz(data)
            total_raw += len(data)
    return total_gz, total_raw


READY_TARGET_MS = 300  # index ready on a mid-tier phone, each language
QUERY_P95_TARGET_MS = 100


def search_figures(site: Path, offline_home: Path) -> list[str]:
    """Query-set hit rate, the queries that miss, latency, and how soon search is usable on a mid-tier phone."""
    from playwright.sync_api import sync_playwright

    from scripts.course import search_timing as timing
    from scripts.course.search_eval import load_queries, run_queries, summary

    lines = []
    with http_server(site) as root_url, sync_playwright() as playwright, chromium(playwright) as browser:
        base = root_url + "/"
        page = browser.new_page()
        outcomes = run_queries(page, lambda lang: base + ("en/" if lang == "en" else ""), base, load_queries())
        figures = summary(outcomes)
        lines.append(f"search hit rate (top 3):   {figures['hit_rate'] * 100:6.1f} %  of {int(figures['queries'])} "
                     f"queries (target >= 95 %) {'OK' if figures['hit_rate'] >= 0.95 else 'UNDER'}")
        lines.extend(f"  misses: {o.query} ({o.lang}) -> {', '.join(o.top) or 'nothing'}; expected one of "
                     f"{', '.join(o.expect)}" for o in outcomes if not o.hit)
        lines.append(f"search latency:            {figures['median_ms']:6.0f} ms median, {figures['p95_ms']:.0f} ms p95 "
                     f"(target p95 <= {QUERY_P95_TARGET_MS} ms) {'OK' if figures['p95_ms'] <= QUERY_P95_TARGET_MS else 'OVER'}")
        builds = {lang: timing.scaled_builds(page, base + folder) for lang, folder in (("zh", ""), ("en", "en/"))}
        index = statistics.median(run.index for runs in builds.values() for run in runs)
        mid, low = timing.phone_factor(index), timing.phone_factor(index, timing.LOW_TIER)
        lines.append(f"CPU BenchmarkIndex:        {index:6.0f}     (median, taken before each build; DevTools: mid-tier "
                     f"phone {timing.MID_TIER}, low-tier {timing.LOW_TIER}; phone slower by {mid:.2f}x / {low:.2f}x)")
        for lang, runs in builds.items():
            fetch_ms, build_ms, start_ms = (statistics.median(getattr(run, key) for run in runs)
                                            for key in ("fetch_ms", "build_ms", "start_ms"))
            phone = timing.on_phone_ms(runs)
            lines.append(f"{lang} index ready, worker:   {build_ms:4.0f} ms build here; mid-tier phone ~{phone:4.0f} ms "
                         f"(target <= {READY_TARGET_MS} ms) {'OK' if phone <= READY_TARGET_MS else 'OVER'}, "
                         f"low-tier ~{timing.on_phone_ms(runs, timing.LOW_TIER):4.0f} ms")
            lines.append(f"   besides: {fetch_ms:4.0f} ms fetch and parse here; worker start at page load {start_ms:3.0f} ms "
                         f"here; started with the search box instead: mid-tier ~"
                         f"{timing.on_phone_ms(runs, with_start=True):4.0f} ms")
        ready_ms = timing.offline_ready_ms(browser, offline_home.as_uri(), mid)
        lines.append(f"zh search, offline copy:   {ready_ms:6.0f} ms from tapping search to usable, "
                     f"CPU throttled {mid:.2f}x (mid-tier)")
    return lines


def slide_figures(site: Path) -> list[str]:
    """Slides per lecture at three projector sizes, overflow (target 0), smallest body font, summaries."""
    from playwright.sync_api import sync_playwright

    from scripts.course.lectures import lecture_paths
    from scripts.course.slide_fit import SIZES, measure_lectures

    stems = sorted(lecture_paths(ROOT))
    course = load_course(ROOT)
    with http_server(site) as root_url, sync_playwright() as playwright, chromium(playwright) as browser:
        decks = measure_lectures(browser, lambda stem, lang: f"{root_url}/{'en/' if lang == 'en' else ''}"
                                 f"lectures/{stem}/", stems)
    sizes = " / ".join(f"{w}x{h}" for w, h in SIZES)
    lines = [f"slides per lecture ({sizes}):"]
    for stem in stems:
        counts = {lang: " / ".join(f"{len(d.slides):3d}" for d in decks[(stem, lang)]) for lang in ("zh", "en")}
        summaries = len(course.lectures[stem]["zh"].slide_blocks()) if "zh" in course.lectures[stem] else 0
        lines.append(f"  {stem}  zh {counts['zh']}   en {counts['en']}   summaries {summaries}")
    for index, (width, height) in enumerate(SIZES):
        all_decks = [ds[index] for ds in decks.values()]
        slides = " + ".join(f"{lang} {sum(len(ds[index].slides) for (_, which), ds in decks.items() if which == lang)}"
                            for lang in ("zh", "en"))
        over = sum(len(d.overflowing) for d in all_decks)
        smallest = min(d.smallest_font for d in all_decks)
        floor = all_decks[0].readable_floor()
        lines.append(f"slides at {width}x{height}: {slides}, {over} overflowing (target 0) "
                     f"{'OK' if over == 0 else 'OVER'}; smallest body text {smallest:.0f} px "
                     f"(readable floor {floor:.1f} px) {'OK' if smallest >= floor - 0.5 else 'UNDER'}")
    total = sum(len(v["zh"].slide_blocks()) for v in course.lectures.values() if "zh" in v)
    notes = sum(len(v["zh"].section_notes()) for v in course.lectures.values() if "zh" in v)
    lines.append(f"authored slide summaries:  {total} (each in zh and en); trainer notes for one section: {notes}")
    return lines


def deck_figures(work: Path, offline_zip: Path) -> list[str]:
    """`make slides`: its time, the decks (.pptx) and handouts (PDF) per language, and the decks zip."""
    dist = work / "dist-slides"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "scripts.course.slides", "--dist", str(dist), "--work",
                    str(work / "slides-site")], cwd=ROOT, env=ENV, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    lines = [f"make slides:               {seconds:6.1f} s (site build, 36 presentations read, 36 handouts printed)"]
    for kind, ext in (("decks", "pptx"), ("handouts", "pdf")):
        for lang in ("zh", "en"):
            sizes = [p.stat().st_size for p in sorted((dist / ("slides" if ext == "pptx" else "handouts") / lang)
                                                      .glob(f"*.{ext}"))]
            lines.append(f"{kind} ({lang}):  {len(sizes)} files, {sum(sizes) / 1e6:5.2f} MB in all, "
                         f"{min(sizes) / 1024:,.0f}–{max(sizes) / 1024:,.0f} KB each")
    decks_zip = next(dist.glob("*-slides.zip"))
    lines.append(f"decks zip:                 {decks_zip.stat().st_size / 1e6:6.2f} MB  ({decks_zip.name}; "
                 f"the offline zip stays {offline_zip.stat().st_size / 1e6:.2f} MB)")
    return lines


MOBILE = {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 94_000}
PAGE_TYPES = [("home", ""), ("lecture", "lectures/lecture-04/"), ("procedure", "procedures/proposals/"),
              ("glossary", "reference/glossary/"), ("FAQ", "reference/faq/")]
TIMINGS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const bytes = performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, nav.transferSize);
  return {fcp: paint ? paint.startTime : null, dcl: nav.domContentLoadedEventEnd, bytes};
}"""


def served_site(work: Path, port: int) -> Path:
    """The site as `make build SITE_URL=http://127.0.0.1:PORT/` makes it, for nginx on that port."""
    site = work / "served"
    result = strict_build(site, ROOT, {**ENV, "SITE_URL": f"http://127.0.0.1:{port}/"})
    if result.returncode != 0:
        raise SystemExit("bench: the site does not build with SITE_URL")
    precompress(site)
    return site


def nginx_figures(work: Path) -> list[str]:
    """Load, mobile timing and Lighthouse figures with the site served by Debian nginx on loopback."""
    port = free_port()
    site = served_site(work, port)
    try:
        with nginx(site, work / "nginx", port) as root_url:
            return _served_figures(root_url + "/") + lighthouse_figures(root_url + "/")
    except MissingTool as missing:
        return [f"nginx figures: {missing}"]


def lighthouse_figures(base: str) -> list[str]:
    """Lighthouse's four scores per page type and language, the median of LIGHTHOUSE_RUNS runs each."""
    why = lighthouse.missing()
    if why:
        return [f"Lighthouse: skipped: {why}"]
    version = json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text("utf-8"))["version"]
    lines = [f"Lighthouse {version}, mobile preset, behind nginx; per page the run with the median performance score "
             f"of {LIGHTHOUSE_RUNS} (target: performance >= 95, the other three 100):",
             f"  {'page':14s} {'perf':>4s} {'a11y':>4s} {'best':>4s} {'SEO':>4s} {'TBT':>8s} {'DOM':>5s}  runs"]
    pages = [(f"{label} ({lang})", prefix + path) for lang, prefix in (("zh", ""), ("en", "en/"))
             for label, path in PAGE_TYPES]
    for label, path in pages:
        scores, made, trusted = lighthouse.audit_page(base + path, LIGHTHOUSE_RUNS)
        ok = scores.performance >= 95 and min(scores.accessibility, scores.best_practices, scores.seo) == 100
        busy = f" ({made - trusted} with the host too busy to count: BenchmarkIndex <= {lighthouse.SLOW_HOST})" \
            if made > trusted else ""
        lines.append(f"  {label:14s} {scores.performance:4d} {scores.accessibility:4d} {scores.best_practices:4d} "
                     f"{scores.seo:4d} {scores.blocking_ms:5.0f} ms {scores.dom_nodes:5d}  {made}{busy} "
                     f"{'OK' if ok else 'UNDER'}"
                     + (f"; below 100: {', '.join(scores.failed)}" if scores.failed else ""))
    return lines


def _served_figures(base: str) -> list[str]:
    """Requests per second with and without compression (precompressed files), then mobile timings."""
    from playwright.sync_api import sync_playwright

    lines = []
    if shutil.which("wrk"):
        for label, path in (("home", ""), ("lecture", "lectures/lecture-04/")):
            for encoding in ("identity", "gzip", "br"):
                out = subprocess.run(["wrk", "-t2", "-c32", "-d5s", "--latency", "-H", f"Accept-Encoding: {encoding}",
                                      base + path], capture_output=True, text=True, check=True).stdout
                rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
                p99 = re.search(r"99%\s+([\d.]+\w+)", out)
                lines.append(f"nginx load, {label:8s} Accept-Encoding {encoding:8s} "
                             f"{float(rps.group(1)) if rps else 0:9.0f} req/s, p99 {p99.group(1) if p99 else '?'}")
        lines.append("  (wrk, 2 threads, 32 connections, 5 s, loopback; .gz/.br written at build time)")
    else:
        lines.append("nginx load: wrk is not installed (make system)")
    with sync_playwright() as playwright, chromium(playwright) as browser:
        for label, path in PAGE_TYPES:
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", MOBILE)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(base + path, wait_until="load")
            figures = page.evaluate(TIMINGS)
            fcp = figures["fcp"] or 0
            # "Usable" = the text can be read: first contentful paint (scripts load after the content).
            verdict = "OK" if 0 < fcp < 2000 else "OVER"
            lines.append(f"mobile {label:9s} first paint {fcp:5.0f} ms (budget 2 s) {verdict}; "
                         f"DOMContentLoaded {figures['dcl']:5.0f} ms; {kb(figures['bytes']):>9s} transferred")
            context.close()
    return lines


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("building (ours, then plain MkDocs + Material, then the offline zips) ...", flush=True)
        plain = plain_project(work / "plain")
        ours_runs, plain_runs = [], []
        for _ in range(BUILD_RUNS):  # alternated, and the fastest of each kept: the machine's noise is one-sided
            ours_runs.append(timed_build(ROOT, work / "site"))
            plain_runs.append(timed_build(plain, work / "plain-site"))
        ours_s, ours_mb = min(ours_runs)
        plain_s, plain_mb = min(plain_runs)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "scripts.course.package", "--dist", str(work / "dist"),
                        "--work", str(work / "offline")], cwd=ROOT, env=ENV, check=True, capture_output=True)
        offline_s = time.perf_counter() - started
        zip_path = next((work / "dist").glob("*.zip"))
        subprocess.run([sys.executable, "-m", "scripts.course.package", "--dist", str(work / "dist-edition"),
                        "--work", str(work / "offline-edition")], cwd=ROOT, env={**ENV, "EDITION": EXAMPLE_EDITION},
                       check=True, capture_output=True)
        edition_zip = next((work / "dist-edition").glob("*.zip"))
        site = work / "site"
        ratio = ours_s / plain_s
        print()
        print(f"build, ours:               {ours_s:6.2f} s   peak {ours_mb:6.0f} MB  (fastest of {BUILD_RUNS})")
        print(f"build, plain MkDocs:       {plain_s:6.2f} s   peak {plain_mb:6.0f} MB  (fastest of {BUILD_RUNS})")
        print(f"ratio ours / plain:        {ratio:6.2f}     (target <= 1.15) {'OK' if ratio <= 1.15 else 'OVER'}")
        print(f"offline build + zip:       {offline_s:6.2f} s")
        pages = len(list(site.rglob("*.html")))
        print(f"site size:                 {folder_size(site) / 1e6:6.2f} MB ({pages} HTML pages)")
        zip_mb = zip_path.stat().st_size / 1e6
        print(f"offline zip:               {zip_mb:6.2f} MB  (target <= 8 MB) {'OK' if zip_mb <= 8 else 'OVER'}")
        edition_mb = edition_zip.stat().st_size / 1e6
        print(f"offline zip, {EXAMPLE_EDITION}: {edition_mb:6.2f} MB  ({edition_zip.name}, "
              f"+{(edition_zip.stat().st_size - zip_path.stat().st_size) / 1024:,.0f} KB)")
        for label, page in [("home page (zh)", "index.html"), ("lecture 1 (zh)", "lectures/lecture-01/index.html"),
                            ("lecture 1 (en)", "en/lectures/lecture-01/index.html")]:
            packed, raw = page_weight(site, page)
            print(f"transfer, {label:16s} {kb(packed):>11s} gzip ({kb(raw)} raw), HTML+CSS+JS")
        for lang, path in [("zh", "search/search_index.json"), ("en", "en/search/search_index.json")]:
            data = (site / path).read_bytes()
            print(f"search index ({lang}):         {kb(gz(data)):>11s} gzip ({kb(len(data))} raw)")
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(work / "usb")
        site_folder = next(p for p in (work / "usb").iterdir() if p.is_dir())  # beside the start page
        for line in search_figures(site, site_folder / "index.html"):
            print(line)
        for line in slide_figures(site):
            print(line)
        for line in deck_figures(work, zip_path):
            print(line)
        print("building the site for nginx (SITE_URL set) ...", flush=True)
        for line in nginx_figures(work):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
