"""Shared fixtures: the built site (online and offline copies), a local server and real headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.course.lectures import lecture_paths
from scripts.course.precompress import precompress
from scripts.course.serving import MissingTool, chromium, free_port, http_server
from scripts.course.sitebuild import build_env, strict_build

ROOT = Path(__file__).resolve().parents[1]
# The national edition unless a test names one; the plain builds have no public address (SITE_URL).
ENV = {k: v for k, v in build_env().items() if k not in ("EDITION", "SITE_URL")}


@dataclass(frozen=True)
class Site:
    """A built copy of the site and how a browser reaches its pages."""

    kind: str  # "online" (served over HTTP) or "offline" (opened from file://)
    root: Path
    base: str

    def url(self, page: str = "") -> str:
        """URL of a page given as its path without extension, e.g. 'en/lectures/lecture-01'."""
        page = page.strip("/")
        if self.kind == "online":
            return f"{self.base}/{page}/" if page else f"{self.base}/"
        if page in ("", "en"):
            return f"{self.base}/{page + '/' if page else ''}index.html"
        return f"{self.base}/{page}.html"

    def own(self, url: str) -> bool:
        """Whether a request stays within the site (no third party, no network from disk)."""
        if self.kind == "online":
            return url.startswith((self.base + "/", "data:", "blob:"))
        return url.startswith(("file:", "data:", "blob:"))

    def pages(self) -> list[str]:
        """Every HTML page of the copy, as page paths for `url`."""
        found = []
        for path in sorted(self.root.rglob("*.html")):
            rel = path.relative_to(self.root).as_posix()
            if rel.endswith("404.html"):
                continue
            if self.kind == "online":
                found.append(rel.removesuffix("index.html").rstrip("/"))
            else:
                found.append(rel.removesuffix(".html").removesuffix("/index").removesuffix("index"))
        return found


COPIED = ("docs", "lectures", "quizzes", "editions", "overrides", "scripts", "tests", "deploy")
COPIED_FILES = ("mkdocs.yml", "VERSION", "Makefile", "pyproject.toml", "requirements.txt")


def copy_project(copy: Path) -> Path:
    """A copy of the project (sharing this checkout's .venv) in which make targets can be run and content broken."""
    for name in COPIED:
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    for name in COPIED_FILES:
        shutil.copy(ROOT / name, copy / name)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    return copy


def make(project: Path, target: str, *variables: str) -> subprocess.CompletedProcess[str]:
    """`make TARGET [NAME=VALUE ...]` in a copy; `-o` keeps make from reinstalling the shared virtual environment."""
    env = {k: v for k, v in ENV.items() if not k.startswith("MAKE") and k != "EDITION"}
    return subprocess.run(["make", "-s", "-o", ".venv/.installed", target, *variables], cwd=project, env=env,
                          capture_output=True, text=True, timeout=900)


def lecture_count() -> int:
    """How many lectures the course has, from the files: tests never hard-code the course's size."""
    return len(lecture_paths(ROOT))


@dataclass(frozen=True)
class Addressed:
    """The online site built for its public address (`make build SITE_URL=...`), here a loopback port."""

    root: Path
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def build_site(dest: Path, site_url: str | None = None) -> Path:
    """The online site exactly as `make build` makes it: strict (warnings fail), with .gz/.br copies."""
    result = strict_build(dest, ROOT, {**ENV, "SITE_URL": site_url} if site_url else ENV, echo=False)
    if result.returncode != 0:
        pytest.fail(f"the site does not build:\n{result.stderr}")
    precompress(dest)
    return dest


@pytest.fixture(scope="session")
def online_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("online") / "site")


@pytest.fixture(scope="session")
def addressed_site(tmp_path_factory: pytest.TempPathFactory) -> Addressed:
    """Built for http://127.0.0.1:PORT/ with the port kept for the nginx that serves it (tests/browser/test_nginx.py)."""
    port = free_port()
    return Addressed(build_site(tmp_path_factory.mktemp("addressed") / "site", f"http://127.0.0.1:{port}/"), port)


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("offline-work") / "site"
    subprocess.run([sys.executable, "-m", "scripts.course.package", "--dist", str(dist), "--work", str(work)],
                   cwd=ROOT, env=ENV, check=True, capture_output=True)
    return next(dist.glob("*.zip"))


@pytest.fixture(scope="session")
def offline_unzipped(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip unzipped into a folder whose name has Chinese characters and spaces, as on a county USB stick."""
    target = tmp_path_factory.mktemp("usb") / "政协 培训 资料"
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target


@pytest.fixture(scope="session")
def offline_root(offline_unzipped: Path) -> Path:
    """The site's folder, beside the start page at the top of the zip."""
    (folder,) = [path for path in offline_unzipped.iterdir() if path.is_dir()]
    return folder


@pytest.fixture(scope="session")
def online_site(online_root: Path) -> Iterator[Site]:
    with http_server(online_root) as base:
        yield Site("online", online_root, base)


@pytest.fixture(scope="session")
def offline_site(offline_root: Path) -> Site:
    return Site("offline", offline_root, offline_root.as_uri())


@pytest.fixture(scope="session", params=["online", "offline"])
def site(request: pytest.FixtureRequest) -> Site:
    return request.getfixturevalue(f"{request.param}_site")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            with chromium(playwright) as launched:
                yield launched
        except MissingTool as missing:
            pytest.fail(str(missing))


@dataclass
class Watch:
    """Requests and script errors seen by a page."""

    requests: list[str]
    errors: list[str]


@pytest.fixture
def watch() -> Watch:
    return Watch([], [])


def open_page(browser: object, watch: Watch, **options: object) -> object:
    context = browser.new_context(**options)  # type: ignore[attr-defined]
    page = context.new_page()
    page.on("request", lambda request: watch.requests.append(request.url))
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    return page


@pytest.fixture
def page(browser: object, watch: Watch) -> Iterator[object]:
    page = open_page(browser, watch, viewport={"width": 1280, "height": 900})
    yield page
    page.context.close()
