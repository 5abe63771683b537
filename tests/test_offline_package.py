"""The offline zip: layout, checksum, edition shown on its pages, and byte-identical rebuilds."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ENV, ROOT


def test_zip_has_one_folder_a_start_page_and_a_how_to_open_note(offline_zip: Path) -> None:
    names = zipfile.ZipFile(offline_zip).namelist()
    folder = offline_zip.stem
    assert {name.split("/")[0] for name in names} == {folder}
    assert f"{folder}/index.html" in names and f"{folder}/en/index.html" in names
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


def test_online_pages_link_to_the_zip_of_the_same_version(online_root: Path, offline_root: Path,
                                                          offline_zip: Path) -> None:
    online = (online_root / "lectures" / "lecture-02" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../download/{offline_zip.name}"' in online
    assert f"download/{offline_zip.name}" not in (offline_root / "index.html").read_text(encoding="utf-8")


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
