"""Run a query set through the real search box in a browser page: hits in the top three pages and latency.

Used by the browser test (hit rate >= 95 %) and by `make bench` (hit rate, median and p95 latency).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).resolve().parents[2] / "tests" / "data" / "search_queries.yml"
READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta && meta.textContent.trim() && !/初始化|Initializing/.test(meta.textContent);
}"""
# Types the query as Material expects (value + keyup) and times until the result list has been redrawn.
TIMED_QUERY = """async (query) => {
  const box = document.querySelector('input.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const start = performance.now();
  const drawn = new Promise(resolve => {
    const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
    observer.observe(list, {childList: true});
    setTimeout(() => { observer.disconnect(); resolve(); }, 5000);
  });
  box.value = query;
  box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
  await drawn;
  const elapsed = performance.now() - start;
  await new Promise(resolve => setTimeout(resolve, 150));  // let the whole list render before reading it
  const links = [...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href);
  return {elapsed, links};
}"""


@dataclass
class Outcome:
    query: str
    lang: str
    top: list[str]
    expect: list[str]
    millis: float

    @property
    def hit(self) -> bool:
        return any(page in self.top for page in self.expect)


def load_queries(path: Path = QUERIES) -> list[dict[str, Any]]:
    return [{"lang": "zh", **entry} for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]


def page_of(url: str, base: str) -> str:
    path, root = urlsplit(url).path, urlsplit(base).path.rstrip("/") + "/"
    rel = path[len(root):] if path.startswith(root) else path
    return rel.strip("/").removesuffix("index.html").removesuffix(".html").rstrip("/")


def top_pages(links: list[str], base: str, count: int = 3) -> list[str]:
    pages: list[str] = []
    for link in links:
        page = page_of(link, base)
        if page not in pages:
            pages.append(page)
    return pages[:count]


def open_search(page: Any) -> None:
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.click()
    box.fill("政协" if page.evaluate("document.documentElement.lang").startswith("zh") else "CPPCC")
    box.press("End")
    page.wait_for_function(READY, timeout=20000)
    # the word's own results, not only the empty query's answer that ends "initializing": no later answer to
    # anything but the timed queries can redraw the list
    page.wait_for_function("() => document.querySelector('.md-search-result__item') !== null", timeout=20000)


def run_queries(page: Any, home_url: Any, base: str, queries: list[dict[str, Any]]) -> list[Outcome]:
    """`home_url(lang)` gives the home page of a language; `base` is the site root URL."""
    outcomes = []
    for lang in ("zh", "en"):
        page.goto(home_url(lang))
        open_search(page)
        for entry in (q for q in queries if q["lang"] == lang):
            result = page.evaluate(TIMED_QUERY, str(entry["query"]))
            outcomes.append(Outcome(str(entry["query"]), lang, top_pages(result["links"], base),
                                    list(entry["expect"]), float(result["elapsed"])))
    return outcomes


def summary(outcomes: list[Outcome]) -> dict[str, float]:
    times = sorted(o.millis for o in outcomes)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"queries": len(outcomes), "hit_rate": sum(o.hit for o in outcomes) / len(outcomes),
            "median_ms": statistics.median(times), "p95_ms": p95}
