"""Which edition a build is (version, date, online or offline, national or a county's), shown on every page."""

from __future__ import annotations

import argparse
import os
import subprocess
import time
from pathlib import Path

from .lectures import LANGS
from .local_edition import NATIONAL, Edition, selected, storage_prefix
from .local_html import title

NAME = "cppcc-course"
DOWNLOAD_ENV = "COURSE_DOWNLOAD"  # the zip's file name, set by `sitebuild --download` for the build it runs
DECKS_ENV = "COURSE_DECKS"  # the decks zip's file name, set by `sitebuild --ship` beside the offline zip
DOWNLOAD_DIR = "download"


def version(root: Path) -> str:
    return (root / "VERSION").read_text(encoding="utf-8").strip()


def commit_time(root: Path) -> int | None:
    """Seconds since the epoch of the last commit (or SOURCE_DATE_EPOCH), so rebuilds of a commit match."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True)
        return int(out.stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return None  # not a git checkout


def folder_name(root: Path, edition_id: str | None = None) -> str:
    """The zip's top folder: `cppcc-course-0.2.0`, or `cppcc-course-example-county-0.2.0` for a county."""
    county = f"-{edition_id}" if edition_id and edition_id != NATIONAL else ""
    return f"{NAME}{county}-{version(root)}"


def zip_name(root: Path, edition_id: str | None = None) -> str:
    return f"{folder_name(root, edition_id)}.zip"


def slides_zip_name(root: Path, edition_id: str | None = None) -> str:
    """The decks and handouts of `make slides`, shipped beside the offline zip (which stays small)."""
    return f"{folder_name(root, edition_id)}-slides.zip"


def edition(root: Path, offline: bool, county: Edition | None = None, download: str | None = None,
            decks: str | None = None) -> dict[str, object]:
    """Version, date and kind of this build, and which committee it is for. Online pages link to the
    offline zip only when the build ships it (`make publish` names it in COURSE_DOWNLOAD and copies it
    into download/): a plain `make build` has no zip, so its pages have no link that would answer 404. The
    same holds for the decks zip (`decks`, shipped beside it by `make publish`).
    `id`, `committee`, `titles` and `storage_prefix` tell templates, scripts and other outputs (print,
    handouts) which committee the build is for."""
    stamp = commit_time(root) or int(time.time())
    edition_id = county.id if county else None
    return {"version": version(root), "date": time.strftime("%Y-%m-%d", time.gmtime(stamp)), "offline": offline,
            "download": f"{DOWNLOAD_DIR}/{download}" if download and not offline else None,
            "decks": f"{DOWNLOAD_DIR}/{decks}" if decks and download and not offline else None,
            "id": edition_id or NATIONAL, "committee": dict(county.committee) if county else None,
            "example": bool(county and county.example), "titles": {lang: title(county, lang) for lang in LANGS},
            "storage_prefix": storage_prefix(edition_id)}


def main(argv: list[str] | None = None) -> int:
    """`python -m scripts.course.edition --zip-name`: the zip `make offline` writes for `EDITION` (for `make publish`)."""
    parser = argparse.ArgumentParser(description="Facts about the edition selected by EDITION.")
    parser.add_argument("--zip-name", action="store_true", help="print the offline zip's file name")
    parser.add_argument("--slides-zip-name", action="store_true", help="print the decks zip's file name")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[2]
    if args.zip_name:
        print(zip_name(root, selected()))
    if args.slides_zip_name:
        print(slides_zip_name(root, selected()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
