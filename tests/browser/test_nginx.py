"""The built site behind real Debian nginx on 127.0.0.1: headers, CSP without violations, smoke tests."""

from __future__ import annotations

import shutil
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from scripts.course.search_worker import course_worker
from scripts.course.serving import MissingTool, nginx
from scripts.course.sitebuild import strict_build
from tests.browser.helpers import RECORD_VIOLATIONS, search, switch_language
from tests.conftest import ENV, ROOT, Addressed, Site, Watch, lecture_count, open_page


@pytest.fixture(scope="module")
def nginx_site(addressed_site: Addressed, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The site as published: built for its address (SITE_URL), behind nginx at that address."""
    try:
        with nginx(addressed_site.root, tmp_path_factory.mktemp("nginx"), addressed_site.port) as base:
            assert base + "/" == addressed_site.url
            yield Site("online", addressed_site.root, base)
    except MissingTool as missing:
        pytest.fail(str(missing))


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_html_has_security_headers_and_short_cache(nginx_site: Site) -> None:
    status, headers, _ = fetch(nginx_site.url("lectures/lecture-01"))
    assert status == 200
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "'sha256-" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["permissions-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["cache-control"] == "no-cache"
    assert "server" not in headers or "/" not in headers["server"]


def test_fingerprinted_assets_are_cached_long_and_compressed(nginx_site: Site) -> None:
    bundle = next((nginx_site.root / "assets" / "javascripts").glob("bundle.*.min.js")).name
    status, headers, _ = fetch(f"{nginx_site.base}/assets/javascripts/{bundle}", **{"Accept-Encoding": "gzip"})
    assert status == 200 and "immutable" in headers["cache-control"] and "max-age=31536000" in headers["cache-control"]
    assert headers.get("content-encoding") == "gzip"
    worker = course_worker().name  # the course's search worker: a new name whenever its content changes
    status, headers, _ = fetch(f"{nginx_site.base}/assets/javascripts/workers/{worker}")
    assert status == 200 and "immutable" in headers["cache-control"]
    status, headers, _ = fetch(f"{nginx_site.base}/search/search_index.json", **{"Accept-Encoding": "br"})
    assert status == 200 and headers.get("content-encoding") in ("br", "gzip")


def test_not_found_pages_per_language_and_no_listings(nginx_site: Site) -> None:
    status, _, body = fetch(f"{nginx_site.base}/no-such-page/")
    assert status == 404 and b'lang="zh"' in body
    status, _, body = fetch(f"{nginx_site.base}/en/no-such-page/")
    assert status == 404 and b'lang="en"' in body
    status, _, body = fetch(f"{nginx_site.base}/assets/")
    assert status in (403, 404) and b"Index of" not in body


def test_every_page_loads_with_a_clean_console_and_every_request_answered(nginx_site: Site, browser: object) -> None:
    """No CSP violation, console message, failed or third-party request on any page; the sitemaps Material
    fetches next to each hreflang alternate all exist."""
    watch = Watch([], [])
    page = open_page(browser, watch)
    page.add_init_script(RECORD_VIOLATIONS)
    messages: list[str] = []
    failed: list[str] = []
    sitemaps: dict[str, list[int]] = {}
    current = [""]
    page.on("console", lambda message: messages.append(f"{current[0]}: {message.type}: {message.text}")
            if message.type in ("error", "warning") else None)
    page.on("requestfailed", lambda request: failed.append(f"{current[0]}: {request.url} {request.failure}"))
    page.on("response", lambda response: (
        failed.append(f"{current[0]}: {response.status} {response.url}") if response.status >= 400 else None,
        sitemaps.setdefault(current[0], []).append(response.status) if response.url.endswith("/sitemap.xml") else None))
    violations, foreign = {}, {}
    pages = nginx_site.pages()
    assert len(pages) >= 2 * (lecture_count() + 5)
    for path in pages:
        current[0] = path
        watch.requests.clear()
        page.goto(nginx_site.url(path))
        page.wait_for_load_state("networkidle")
        found = page.evaluate("window.__cspViolations")
        if found:
            violations[path] = found
        outside = [url for url in watch.requests if not nginx_site.own(url)]
        if outside:
            foreign[path] = outside
    page.context.close()
    assert violations == {} and foreign == {} and messages == [] and watch.errors == []
    assert failed == []
    themed = [path for path in pages if "handouts/" not in path]  # a handout is a print page, without Material's script
    assert sorted(sitemaps) == sorted(themed) and all(len(s) >= 2 and set(s) == {200} for s in sitemaps.values())


@pytest.mark.parametrize("path", ["lectures/lecture-04", "reference/glossary", ""])
def test_the_language_menu_goes_straight_to_the_twin_page_with_sitemaps_loaded(
        nginx_site: Site, page: Page, path: str) -> None:
    """Material takes over clicks into an alternate whose sitemap it loaded; the menu's links must not redirect."""
    answers: list[str] = []
    page.on("response", lambda response: answers.append(f"{response.status} {response.url}"))
    page.goto(nginx_site.url(path))
    page.wait_for_load_state("networkidle")
    assert any(a.endswith("/sitemap.xml") and a.startswith("200") for a in answers)
    for lang, twin in (("en", ("en/" + path).rstrip("/")), ("zh", path)):
        answers.clear()
        switch_language(page, lang)
        assert page.url == nginx_site.url(twin)
        assert [a for a in answers if not a.startswith("200")] == []


def test_pages_go_out_precompressed_as_written_at_build_time(nginx_site: Site) -> None:
    """gzip_static/brotli_static send the build's .gz/.br files: their exact length, no compression per request."""
    page = nginx_site.root / "lectures" / "lecture-01" / "index.html"
    for encoding, suffix in (("gzip", ".gz"), ("br", ".br")):
        status, headers, body = fetch(nginx_site.url("lectures/lecture-01"), **{"Accept-Encoding": encoding})
        assert status == 200 and headers.get("content-encoding") == encoding
        assert body == page.with_name(page.name + suffix).read_bytes()
        assert headers.get("content-length") == str(len(body))
    status, headers, body = fetch(nginx_site.url("lectures/lecture-01"))
    assert "content-encoding" not in headers and body == page.read_bytes()


@pytest.fixture(scope="module")
def deeper_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The course plus one page a level deeper than any other, built as `make build` builds."""
    project = tmp_path_factory.mktemp("deeper") / "project"
    for name in ("docs", "lectures", "quizzes", "overrides", "scripts"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "VERSION"):
        shutil.copy(ROOT / name, project / name)
    deep = project / "docs" / "reference" / "deep" / "deeper"
    deep.mkdir(parents=True)
    (deep / "page.md").write_text("# 更深一层\n\n检验页面。\n", encoding="utf-8")
    (deep / "page.en.md").write_text("# One level deeper\n\nA test page.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      - reference/faq.md\n", "      - reference/faq.md\n      - reference/deep/deeper/page.md\n"), encoding="utf-8")
    site = project / "site"
    result = strict_build(site, project, ENV, echo=False)
    assert result.returncode == 0, result.stderr
    with nginx(site, tmp_path_factory.mktemp("nginx-deeper")) as base:
        yield Site("online", site, base)


def test_a_page_at_a_new_depth_runs_under_the_same_policy(deeper_site: Site, page: Page, watch: Watch) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    for path in ("reference/deep/deeper/page", "en/reference/deep/deeper/page", ""):
        page.goto(deeper_site.url(path))
        page.wait_for_load_state("load")
        assert page.evaluate("window.__cspViolations") == [], path
    assert watch.errors == []


def test_smoke_under_nginx_search_quiz_language_and_slides(nginx_site: Site, page: Page, watch: Watch) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(nginx_site.url())
    assert search(page, "文史资料")
    page.goto(nginx_site.url("guide"))
    assert search(page, "谁主持政党协商")  # rewritten in the worker, under the policy
    page.goto(nginx_site.url("lectures/lecture-02"))
    first = page.locator("fieldset.quiz-q").first
    for position in (first.get_attribute("data-correct") or "1").split(","):
        first.locator(f"input[value='{position}']").check()
    first.locator(".quiz-q__check").click()
    expect(first.locator(".quiz-q__feedback")).to_have_text("回答正确。")
    page.locator(".trainer-bar__present").click()
    expect(page.locator(".present")).to_be_visible()
    page.keyboard.press("Escape")
    switch_language(page, "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.evaluate("window.__cspViolations") == [] and watch.errors == []
