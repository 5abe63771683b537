"""Search finds what members type: the query set in tests/data, questions as members ask them, partial
matches said plainly, all through the real search box, online and offline; and the course worker builds
the same index lunr's own builder does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
from playwright.sync_api import Page, expect

from scripts.course.lectures import lecture_paths
from scripts.course.search_eval import load_queries, run_queries, summary
from scripts.course.search_worker import course_worker, load_query_words, material_worker
from tests.browser.helpers import page_path, search
from tests.conftest import ROOT, Site

QUESTION = re.compile(r"谁|什么|怎么|怎样|如何|哪|吗|能不能|多长|几|是否|^(who|what|how|can|which|when|where|why|is|do)\b", re.I)
REFERENCE = ["reference/faq", "reference/glossary", "reference/timeline", "reference/united-front-regulations",
             "reference/sources"]


def top(site: Site, page: Page, query: str, lang: str = "zh") -> list[str]:
    """The first pages a query gives, in order."""
    (outcome,) = run_queries(page, lambda code: site.url("en" if code == "en" else ""), site.base + "/",
                             [{"query": query, "lang": lang, "expect": []}])
    return outcome.top


def test_query_set_hits_the_right_page_in_the_top_three(site: Site, page: Page) -> None:
    queries = load_queries()
    assert len(queries) >= 50 and {q["lang"] for q in queries} == {"zh", "en"}
    outcomes = run_queries(page, lambda lang: site.url("en" if lang == "en" else ""), site.base + "/", queries)
    misses = [(o.query, o.top) for o in outcomes if not o.hit]
    assert summary(outcomes)["hit_rate"] >= 0.95, misses


def test_the_query_set_asks_questions_about_every_lecture_and_reference_page_in_both_languages() -> None:
    questions = [q for q in load_queries() if QUESTION.search(str(q["query"]))]
    assert len(questions) >= 40
    for lang, prefix in (("zh", ""), ("en", "en/")):
        answered = {page for q in questions if q["lang"] == lang for page in q["expect"]}
        lectures = {f"{prefix}lectures/{stem}" for stem in lecture_paths(ROOT)}
        assert lectures <= answered, sorted(lectures - answered)
        assert {prefix + page for page in REFERENCE} <= answered, lang


def test_the_questions_the_review_tried_find_their_answers(site: Site, page: Page) -> None:
    assert {"lectures/lecture-03", "procedures/party-consultation"} & set(top(site, page, "谁主持政党协商"))
    assert top(site, page, "政协委员")[0] == "lectures/lecture-08"  # 怎样当好一名政协委员, not 专门委员会工作
    page.goto(site.url())
    links = search(page, "提案怎么写")  # the page of the best result, then its sections
    first, section = page_path(links[0], site.base), next(link for link in links if "#" in link)
    assert first in ("lectures/lecture-09", "procedures/proposals") or section.endswith("#q-one-issue"), links[:3]


@pytest.mark.parametrize(("question", "words", "lang"), [
    ("什么是界别", "界别", "zh"),
    ("政党协商由谁主持", "政党协商 主持", "zh"),
    ("委员有哪些权利？", "委员 权利", "zh"),
    ("What is a sector?", "sector", "en"),
])
def test_a_question_finds_what_its_words_find(site: Site, page: Page, question: str, words: str, lang: str) -> None:
    assert top(site, page, question, lang) == top(site, page, words, lang)


def test_a_lectures_own_title_comes_before_the_glossary_and_the_faq(site: Site, page: Page) -> None:
    for query, lecture in (("专门委员会", "lectures/lecture-15"), ("界别", "lectures/lecture-14"),
                           ("社情民意信息", "lectures/lecture-10"), ("文史资料", "lectures/lecture-13")):
        pages = top(site, page, query)
        assert pages[0] == lecture or pages[0].startswith("procedures/"), (query, pages)


def test_partial_matches_follow_and_say_plainly_what_they_lack(site: Site, page: Page) -> None:
    page.goto(site.url())
    results = search(page, "界别 spaceship")  # no section has both words
    assert results and page_path(results[0], site.base) == "lectures/lecture-14"
    labels = page.locator(".md-search-result__terms")
    expect(labels.first).to_have_text("未找到: spaceship")  # Material's own label reads "缺少" and strikes the word out
    assert set(labels.all_text_contents()) == {"未找到: spaceship"}
    assert labels.first.locator("del").evaluate("e => getComputedStyle(e).textDecorationLine") == "none"


# Builds an index in a worker made from `code` (Material's worker or the course's), with lunr's
# language files served from memory; once the index is ready, hands back what lunr scores with (every
# term's number and sections, every field vector), answers lunr queries for `terms`, and then hands
# back the tables of text blocks Material highlights results with.
COMPARE = """async ([code, support, zh, data, terms]) => {
  const harness = `
    self.importScripts = () => { (0, eval)(${JSON.stringify(support)}); (0, eval)(${JSON.stringify(zh)}); };
    const build = self.lunr.Builder.prototype.build;
    self.lunr.Builder.prototype.build = function () { return self.built = build.call(this); };
    const tables = [];
    let table;
    Object.defineProperty(self.lunr.tokenizer, "table", {configurable: true, get: () => table,
                                                          set: value => tables.push(table = value)});
    const post = self.postMessage.bind(self);
    const sorted = (key, value) => value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map(k => [k, value[k]])) : value;
    self.postMessage = message => {
      if (message.type !== 1) return post(message);
      const index = self.built.toJSON();
      const postings = index.invertedIndex.map(([term, posting]) => [term, posting._index,
        Object.keys(posting).filter(field => field !== "_index").map(field => [field, Object.keys(posting[field])])]);
      const empty = tables.filter(rows => rows.length === 0).length;
      const out = ${JSON.stringify(terms)}.map(term => self.built.query(q => {
        q.term(term, {usePipeline: false, wildcard: self.lunr.Query.wildcard.TRAILING});
      }).map(r => [r.ref, r.score, r.matchData.metadata]));
      post({type: "compared", data: JSON.stringify({postings, vectors: index.fieldVectors, empty, out, tables}, sorted)});
    };`;
  const worker = new Worker(URL.createObjectURL(new Blob([code + "\\n" + harness], {type: "text/javascript"})));
  const answer = new Promise(resolve => worker.onmessage = e => e.data.type === "compared" && resolve(e.data.data));
  worker.postMessage({type: 0, data: {config: data.config, docs: data.docs, options: {suggest: false}}});
  const result = await answer;
  worker.terminate();
  return result;
}"""


@pytest.mark.parametrize("counted", [True, False], ids=["counted-by-the-build", "without-counts"])
@pytest.mark.parametrize("index", ["search/search_index.json", "en/search/search_index.json"])
def test_the_course_worker_builds_the_index_lunrs_own_builder_builds(online_site: Site, page: Page, index: str,
                                                                    counted: bool) -> None:
    """Same terms, sections and scores, and the same positions and highlighting tables for a spread of words
    and prefixes. With the build's word counts the course's worker builds the index without cutting the text,
    and cuts a section only when a search returns it; without them it leaves the building to lunr."""
    data = json.loads((online_site.root / index).read_text(encoding="utf-8"))
    assert data["config"]["counted"]["postings"]
    if not counted:
        del data["config"]["counted"]
    words = sorted({w.lower() for doc in data["docs"] for w in re.split(data["config"]["separator"],
                    re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])) if w})
    terms = words[::max(1, len(words) // 150)] + [w[:2] for w in words[::max(1, len(words) // 20)] if len(w) > 2]
    lunr = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
    support, zh = ((lunr / name).read_text(encoding="utf-8") for name in ("lunr.stemmer.support.min.js", "lunr.zh.min.js"))
    page.goto(online_site.url())
    theirs, ours = (page.evaluate(COMPARE, [code, support, zh, data, terms])
                    for code in (material_worker().read_text(encoding="utf-8"), course_worker().code))
    theirs, ours = json.loads(theirs), json.loads(ours)
    assert len(ours["postings"]) > 1000 and ours["postings"] == theirs["postings"]
    assert ours["vectors"] == theirs["vectors"]
    assert ours["out"] == theirs["out"]
    assert sum(len(hits) for hits in ours["out"]) > len(terms)  # the words were found, not merely absent
    assert len(ours["tables"]) == len(theirs["tables"]) > len(data["docs"])
    filled = [i for i, rows in enumerate(ours["tables"]) if rows]
    assert [ours["tables"][i] for i in filled] == [theirs["tables"][i] for i in filled]
    if counted:  # no section was cut while building; those the queries returned were cut afterwards
        assert ours["empty"] == len(ours["tables"]) > theirs["empty"]
        assert len(data["docs"]) // 2 < len(filled) < len(ours["tables"])
    else:
        assert ours["empty"] == theirs["empty"] and ours["tables"] == theirs["tables"]


# Sets the course worker up with an index, then rewrites each query as the worker would before searching.
REWRITE = """async ([code, support, zh, data, queries]) => {
  const harness = `
    self.importScripts = () => { (0, eval)(${JSON.stringify(support)}); (0, eval)(${JSON.stringify(zh)}); };
    const post = self.postMessage.bind(self);
    self.postMessage = message => message.type === 1
      ? post({type: "rewritten", data: ${JSON.stringify(queries)}.map(self.courseSearch.rewrite)}) : post(message);`;
  const worker = new Worker(URL.createObjectURL(new Blob([code + "\\n" + harness], {type: "text/javascript"})));
  const answer = new Promise(resolve => worker.onmessage = e => e.data.type === "rewritten" && resolve(e.data.data));
  worker.postMessage({type: 0, data: {config: data.config, docs: data.docs, options: {suggest: false}}});
  const result = await answer;
  worker.terminate();
  return result;
}"""


@pytest.mark.parametrize(("lang", "index", "word"), [("zh", "search/search_index.json", "界别"),
                                                     ("en", "en/search/search_index.json", "sector")])
def test_every_listed_question_word_is_dropped_from_a_query(online_site: Site, page: Page, lang: str, index: str,
                                                            word: str) -> None:
    """The list in scripts/course/query_words.yml is the one the browser uses: each word goes, the content word stays."""
    listed = load_query_words()[0][lang]
    queries = [f"{q}{word}" if lang == "zh" else f"{q} {word}" for q in listed] + [f"{word}{q}" if lang == "zh" else
                                                                                   f"{word} {q}" for q in listed]
    data = json.loads((online_site.root / index).read_text(encoding="utf-8"))
    lunr = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
    support, zh = ((lunr / name).read_text(encoding="utf-8") for name in ("lunr.stemmer.support.min.js", "lunr.zh.min.js"))
    page.goto(online_site.url())
    rewritten = page.evaluate(REWRITE, [course_worker().code, support, zh, data, queries])
    assert {q: r for q, r in zip(queries, rewritten, strict=True) if r != word} == {}


def test_results_mark_the_words_found_in_an_index_built_from_the_builds_counts(site: Site, page: Page) -> None:
    """Online in a Web Worker, offline in the iframe-worker shim: the worker builds from the counts (it does
    not fall back to cutting the text) and still marks the words in the results it cuts afterwards."""
    page.goto(site.url())
    assert search(page, "界别")
    expect(page.locator(".md-search-result__article mark").first).to_have_text("界别")
    check = "() => typeof courseSearch === 'object' ? courseSearch.counted() : null"
    built = [context.evaluate(check) for context in [*page.workers, *page.frames]]
    assert [flag for flag in built if flag is not None] == [True]


def test_results_on_english_pages_are_english_and_show_section_headings(site: Site, page: Page) -> None:
    outcomes = run_queries(page, lambda lang: site.url("en" if lang == "en" else ""), site.base + "/",
                           [{"query": "informed", "lang": "en", "expect": ["en/lectures/lecture-12"]}])
    assert outcomes[0].top and all(p.startswith("en/") for p in outcomes[0].top)
    assert page.locator(".md-search-result__item article h2").count() >= 1  # section headings, not just pages
