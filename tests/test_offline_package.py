"""The offline zip: layout, checksum, edition shown on its pages, byte-identical rebuilds, and the download link."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

from scripts.course.serving import http_server
from tests.conftest import ENV, ROOT


def test_zip_top_holds_only_the_start_page_and_one_folder(offline_zip: Path) -> None:
    names = zipfile.ZipFile(offline_zip).namelist()
    folder = offline_zip.stem
    assert {name.split("/")[0] for name in names} == {"index.html", folder}
    assert f"{folder}/index.html" in names and f"{folder}/en/index.html" in names
    start = zipfile.ZipFile(offline_zip).read("index.html").decode("utf-8")
    assert f'href="{folder}/index.html"' in start and f'href="{folder}/en/index.html"' in start
    assert f'url={folder}/index.html"' in start and "<script" not in start
    note = zipfile.ZipFile(offline_zip).read(f"{folder}/README.txt").decode("utf-8")
    assert "index.html" in note and "双击" in note and "double-click" in note
    assert not any(name.endswith(("sitemap.xml", "sitemap.xml.gz")) for name in names)
    sums = (offline_zip.parent / "SHA256SUMS").read_text(encoding="utf-8")
    assert sums == f"{hashlib.sha256(offline_zip.read_bytes()).hexdigest()}  {offline_zip.name}\n"


def test_every_offline_page_says_which_edition_it_is(offline_root: Path) -> None:
    version = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
    pages = sorted(offline_root.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert f"离线版 {version}" in html or f"Offline edition {version}" in html, page


def test_rebuilding_gives_identical_bytes(offline_zip: Path, tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "scripts.course.package", "--dist", str(tmp_path / "dist"),
                    "--work", str(tmp_path / "work")], cwd=ROOT, env=ENV, check=True, capture_output=True)
    again = tmp_path / "dist" / offline_zip.name
    assert hashlib.sha256(again.read_bytes()).hexdigest() == hashlib.sha256(offline_zip.read_bytes()).hexdigest()


DOWNLOAD_LINK = re.compile(r'href="[^"]*download/[^"]*\.zip"')


def test_only_a_build_that_ships_the_zip_links_to_it(online_root: Path, offline_root: Path, offline_zip: Path,
                                                     tmp_path: Path) -> None:
    # `make build` ships no zip, so no page may link to one (it would answer 404).
    assert [p for p in online_root.rglob("*.html") if DOWNLOAD_LINK.search(p.read_text(encoding="utf-8"))] == []
    assert not any(DOWNLOAD_LINK.search(p.read_text(encoding="utf-8")) for p in offline_root.rglob("*.html"))
    # `make publish` builds with the zip: every page links to it, and the link answers with the zip.
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "scripts.course.sitebuild", "--into", str(site),
                             "--download", str(offline_zip)], cwd=ROOT, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    page = (site / "lectures" / "lecture-02" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../download/{offline_zip.name}"' in page
    assert f'href="download/{offline_zip.name}"' in (site / "index.html").read_text(encoding="utf-8")
    with http_server(site) as base, urllib.request.urlopen(f"{base}/download/{offline_zip.name}") as response:
        assert response.status == 200 and response.read() == offline_zip.read_bytes()
    assert (site / "download" / "SHA256SUMS").read_text(encoding="utf-8").endswith(f"  {offline_zip.name}\n")


def test_publish_without_a_zip_stops_with_a_message(tmp_path: Path) -> None:
    missing = tmp_path / "cppcc-course-9.9.zip"
    result = subprocess.run([sys.executable, "-m", "scripts.course.sitebuild", "--into", str(tmp_path / "site"),
                             "--download", str(missing)], cwd=ROOT, env=ENV, capture_output=True, text=True)
    assert result.returncode == 1 and f"{missing}: no such file (run `make offline` first)" in result.stderr
    assert not (tmp_path / "site").exists()


def test_the_national_copy_names_no_county_and_keeps_its_storage_keys(offline_zip: Path, offline_root: Path) -> None:
    version = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
    assert offline_zip.name == f"cppcc-course-{version}.zip"
    note = zipfile.ZipFile(offline_zip).read(f"{offline_zip.stem}/README.txt").decode("utf-8")
    assert note.startswith(f"政协委员履职培训课程（离线版） {version}，")
    assert f"\nCPPCC Members' Training Course (offline edition) {version}, " in note
    home = (offline_root / "index.html").read_text(encoding="utf-8")
    assert "course-edition-info" not in home and "course-print-title" not in home and "local/" not in home
    assert '<meta name="course-storage-prefix" content="cppcc-course:">' in home
    assert not (offline_root / "local").exists()
