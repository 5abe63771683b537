"""Search finds what members type: the query set in tests/data, through the real search box."""

from __future__ import annotations

from playwright.sync_api import Page

from scripts.course.search_eval import load_queries, run_queries, summary
from tests.conftest import Site


def test_query_set_hits_the_right_page_in_the_top_three(site: Site, page: Page) -> None:
    queries = load_queries()
    assert len(queries) >= 50 and {q["lang"] for q in queries} == {"zh", "en"}
    outcomes = run_queries(page, lambda lang: site.url("en" if lang == "en" else ""), site.base + "/", queries)
    misses = [(o.query, o.top) for o in outcomes if not o.hit]
    assert summary(outcomes)["hit_rate"] >= 0.95, misses


def test_results_on_english_pages_are_english_and_show_section_headings(site: Site, page: Page) -> None:
    outcomes = run_queries(page, lambda lang: site.url("en" if lang == "en" else ""), site.base + "/",
                           [{"query": "informed", "lang": "en", "expect": ["en/lectures/lecture-12"]}])
    assert outcomes[0].top and all(p.startswith("en/") for p in outcomes[0].top)
    assert page.locator(".md-search-result__item article h2").count() >= 1  # section headings, not just pages
