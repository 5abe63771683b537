"""The built site behind real Debian nginx on 127.0.0.1: headers, CSP without violations, smoke tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from scripts.course.deploy import render
from tests.browser.helpers import search, switch_language
from tests.conftest import Site, Watch, lecture_count, open_page

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_site(online_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: run `make system` (installs Debian nginx)")
    runtime = tmp_path_factory.mktemp("nginx")
    port = free_port()
    conf = runtime / "nginx.conf"
    conf.write_text(render(online_root, f"127.0.0.1:{port}", runtime, user="root" if os.geteuid() == 0 else None),
                    encoding="utf-8")
    process = subprocess.Popen([NGINX, "-p", str(runtime), "-c", str(conf), "-g", "daemon off;"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"nginx stopped: {process.stdout.read().decode() if process.stdout else ''}")
            time.sleep(0.05)
    yield Site("online", online_root, f"http://127.0.0.1:{port}")
    process.terminate()
    process.wait(timeout=10)


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
    status, headers, _ = fetch(f"{nginx_site.base}/search/search_index.json", **{"Accept-Encoding": "br"})
    assert status == 200 and headers.get("content-encoding") in ("br", "gzip")


def test_not_found_pages_per_language_and_no_listings(nginx_site: Site) -> None:
    status, _, body = fetch(f"{nginx_site.base}/no-such-page/")
    assert status == 404 and b'lang="zh"' in body
    status, _, body = fetch(f"{nginx_site.base}/en/no-such-page/")
    assert status == 404 and b'lang="en"' in body
    status, _, body = fetch(f"{nginx_site.base}/assets/")
    assert status in (403, 404) and b"Index of" not in body


def test_every_page_loads_without_csp_violations_or_third_party_requests(nginx_site: Site, browser: object) -> None:
    watch = Watch([], [])
    page = open_page(browser, watch)
    page.add_init_script(RECORD_VIOLATIONS)
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text) if "Content Security Policy" in message.text else None)
    violations, foreign = {}, {}
    pages = nginx_site.pages()
    assert len(pages) >= 2 * (lecture_count() + 5)
    for path in pages:
        watch.requests.clear()
        page.goto(nginx_site.url(path))
        page.wait_for_load_state("load")
        found = page.evaluate("window.__cspViolations")
        if found:
            violations[path] = found
        outside = [url for url in watch.requests if not nginx_site.own(url)]
        if outside:
            foreign[path] = outside
    page.context.close()
    assert violations == {} and foreign == {} and messages == [] and watch.errors == []


def test_smoke_under_nginx_search_quiz_language_and_slides(nginx_site: Site, page: Page, watch: Watch) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(nginx_site.url())
    assert search(page, "文史资料")
    page.goto(nginx_site.url("lectures/lecture-02"))
    first = page.locator("fieldset.quiz-q").first
    first.locator(f"input[value='{(first.get_attribute('data-correct') or '1').split(',')[0]}']").check()
    first.locator(".quiz-q__check").click()
    expect(first.locator(".quiz-q__feedback")).to_have_text("回答正确。")
    page.locator(".trainer-bar__present").click()
    expect(page.locator(".present")).to_be_visible()
    page.keyboard.press("Escape")
    switch_language(page, "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.evaluate("window.__cspViolations") == [] and watch.errors == []
