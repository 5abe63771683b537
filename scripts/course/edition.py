"""Which edition a build is (version, date, online or offline), shown on every page."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

DOWNLOAD_ENV = "COURSE_DOWNLOAD"  # the zip's file name, set by `sitebuild --download` for the build it runs
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


def zip_name(root: Path) -> str:
    return f"cppcc-course-{version(root)}.zip"


def edition(root: Path, offline: bool, download: str | None = None) -> dict[str, object]:
    """Version, date and kind of this build. Online pages link to the offline zip only when the build
    ships it (`make publish` names it in COURSE_DOWNLOAD and copies it into download/): a plain
    `make build` has no zip, so its pages have no link that would answer 404."""
    stamp = commit_time(root) or int(time.time())
    link = f"{DOWNLOAD_DIR}/{download}" if download and not offline else None
    return {"version": version(root), "date": time.strftime("%Y-%m-%d", time.gmtime(stamp)), "offline": offline,
            "download": link}
