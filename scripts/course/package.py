"""`make offline`: build the site for file:// and pack it into one reproducible zip.

The zip holds one top-level folder with the site's `index.html` at its top and a
short how-to-open note. The same commit always gives the same bytes: entries are
sorted, timestamps fixed to the commit time, and nothing depends on the build path.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import time
import zipfile
from pathlib import Path

from .edition import commit_time, version, zip_name
from .sitebuild import build_env, strict_build

ROOT = Path(__file__).resolve().parents[2]
NAME = "cppcc-course"
HOW_TO_OPEN = """政协委员履职培训课程（离线版） {version}，{date}

打开方法：解压后，双击本文件夹中的 index.html，即可在浏览器中阅读全部课程。
不需要网络。搜索、自测题、中英文切换都可以离线使用。建议使用较新版本的
Chromium 内核浏览器（如 Chrome、Edge、360 极速浏览器等）。

CPPCC Members' Training Course (offline edition) {version}, {date}

How to open: unzip, then double-click index.html in this folder to read the whole
course in your browser. No network is needed; search, self-tests and the language
switch work offline. A current Chromium-based browser (Chrome, Edge) is recommended.
"""


def build_offline_site(dest: Path, stamp: int) -> bool:
    """Strict build for file://; False (with the warnings printed) when the build fails."""
    if dest.exists():
        shutil.rmtree(dest)
    env = build_env(OFFLINE="true", SOURCE_DATE_EPOCH=str(stamp))
    env.pop("SITE_URL", None)  # a copy on disk has no address (`make publish SITE_URL=...` builds both)
    result = strict_build(dest, ROOT, env)
    return result.returncode == 0  # no sitemap.xml: the offline build has no address (scripts/course/sitemaps.py)


def write_zip(site: Path, target: Path, folder: str, stamp: int, note: str) -> None:
    """Pack `site` under `folder/` with sorted entries and a fixed time."""
    date_time = time.gmtime(max(stamp, 315532800))[:6]
    files = sorted(p for p in site.rglob("*") if p.is_file())
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        entries = [(f"{folder}/README.txt", note.encode("utf-8"))]
        entries += [(f"{folder}/{p.relative_to(site).as_posix()}", p.read_bytes()) for p in files]
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline zip.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the zip and SHA256SUMS go")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "offline-site", help="where the site is built")
    args = parser.parse_args(argv)
    stamp = commit_time(ROOT) or 315532800  # outside git: 1980-01-01, the earliest time a zip can hold
    name = f"{NAME}-{version(ROOT)}"
    site, dist = args.work.resolve(), args.dist.resolve()
    print(f"[1/3] building the offline site into {site}/", flush=True)
    if not build_offline_site(site, stamp):
        print("offline build failed: no zip written", file=sys.stderr)
        return 1
    target = dist / zip_name(ROOT)
    print(f"[2/3] packing {target}", flush=True)
    date = time.strftime("%Y-%m-%d", time.gmtime(stamp))
    write_zip(site, target, name, stamp, HOW_TO_OPEN.format(version=version(ROOT), date=date))
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    (dist / "SHA256SUMS").write_text(f"{digest}  {target.name}\n", encoding="utf-8")
    size = target.stat().st_size
    print(f"[3/3] {target}: {size / 1e6:.2f} MB, sha256 {digest}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
