"""`make offline`: build the site for file:// and pack it into one reproducible zip.

At the top of the zip there are only two things, so the file to double-click is obvious:
`index.html`, a start page that opens the course (and says how, in both languages), and one
folder with the whole site and a short how-to-open note. The same commit always gives the
same bytes: entries are sorted, timestamps fixed to the commit time, and nothing depends on
the build path.
With `EDITION=NAME` it is that county's copy: its name in the zip's name, folder and note.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import shutil
import sys
import time
import zipfile
from pathlib import Path

from .edition import commit_time, folder_name, version, zip_name
from .local_edition import load_edition, selected, unknown
from .local_html import title
from .local_rules import LocalRules
from .sitebuild import build_env, strict_build

ROOT = Path(__file__).resolve().parents[2]
HOW_TO_OPEN = """{title_zh}（离线版） {version}，{date}

打开方法：解压后，双击最上层的 index.html（或本文件夹中的 index.html），即可在
浏览器中阅读全部课程。不需要网络。搜索、自测题、中英文切换都可以离线使用。建议使用较新版本的
Chromium 内核浏览器（如 Chrome、Edge、360 极速浏览器等）。

{title_en} (offline edition) {version}, {date}

How to open: unzip, then double-click the index.html at the top (or the one in this
folder) to read the whole course in your browser. No network is needed; search, self-tests and the language
switch work offline. A current Chromium-based browser (Chrome, Edge) is recommended.
"""


START = "index.html"
START_STYLE = ("body{font:18px/1.6 system-ui,sans-serif;max-width:36em;margin:2em auto;padding:0 1em;color:#222}"
               "a{color:#b71c1c;font-weight:700}h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}")
START_PAGE = """<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '{style_hash}'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="0; url={folder}/index.html">
<title>政协委员履职培训课程（离线版）· CPPCC Members' Training Course (offline edition)</title>
<style>{style}</style>
</head>
<body>
<h1>政协委员履职培训课程（离线版）</h1>
<p><a href="{folder}/index.html">打开课程</a></p>
<p>{version}，{date}。课程应自动打开；如果没有，请点上面的链接。不需要网络，搜索、自测题和中英文切换都可以离线使用。
课程的全部文件在文件夹 {folder} 中，请把它和本文件放在一起。</p>
<h2 lang="en">CPPCC Members' Training Course (offline edition)</h2>
<p lang="en"><a href="{folder}/en/index.html">Open the course in English</a></p>
<p lang="en">{version}, {date}. The course should open by itself; if it does not, use the link above. No network is
needed. All the course's files are in the folder {folder}: keep it next to this file.</p>
</body>
</html>
"""


def start_page(folder: str, version_: str, date: str) -> str:
    """The start page at the top of the zip: opens the course in the folder beside it (a refresh, no script)."""
    digest = base64.b64encode(hashlib.sha256(START_STYLE.encode("utf-8")).digest()).decode()
    name = html.escape(folder)
    return START_PAGE.format(folder=name, version=html.escape(version_), date=date, style=START_STYLE,
                             style_hash=f"sha256-{digest}")


def build_offline_site(dest: Path, stamp: int) -> bool:
    """Strict build for file://; False (with the warnings printed) when the build fails."""
    if dest.exists():
        shutil.rmtree(dest)
    env = build_env(OFFLINE="true", SOURCE_DATE_EPOCH=str(stamp))
    # SITE_URL stays: the copy's pages have no address (scripts/hooks.py), its handouts' QR codes lead online
    result = strict_build(dest, ROOT, env)
    return result.returncode == 0  # no sitemap.xml: the offline build has no address (scripts/course/sitemaps.py)


def write_entries(entries: list[tuple[str, bytes]], target: Path, stamp: int) -> None:
    """A zip of `entries` (name, bytes), sorted, every entry at the commit time: the same commit, the same bytes."""
    date_time = time.gmtime(max(stamp, 315532800))[:6]
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data)


def write_zip(site: Path, target: Path, folder: str, stamp: int, note: str, start: str) -> None:
    """Pack `site` under `folder/`, with the start page beside the folder, sorted entries and a fixed time."""
    files = sorted(p for p in site.rglob("*") if p.is_file())
    entries = [(START, start.encode("utf-8")), (f"{folder}/README.txt", note.encode("utf-8"))]
    entries += [(f"{folder}/{p.relative_to(site).as_posix()}", p.read_bytes()) for p in files]
    write_entries(entries, target, stamp)


def record_checksum(dist: Path, target: Path) -> str:
    """Add the zip's SHA-256 to dist/SHA256SUMS, keeping the lines of other zips still there (other editions)."""
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    sums = dist / "SHA256SUMS"
    kept = [line for line in (sums.read_text(encoding="utf-8").splitlines() if sums.is_file() else [])
            if line.partition("  ")[2] != target.name and (dist / line.partition("  ")[2]).is_file()]
    sums.write_text("".join(f"{line}\n" for line in sorted([*kept, f"{digest}  {target.name}"],
                                                             key=lambda x: x.partition("  ")[2])), encoding="utf-8")
    return digest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline zip.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the zip and SHA256SUMS go")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "offline-site", help="where the site is built")
    args = parser.parse_args(argv)
    county_name = selected()  # EDITION=NAME: that county's copy; unset: the national edition
    if county_name is not None and unknown(ROOT, county_name):
        print(unknown(ROOT, county_name), file=sys.stderr)
        return 2
    county = load_edition(ROOT, county_name, LocalRules()) if county_name else None  # its name; the build checks it
    stamp = commit_time(ROOT) or 315532800  # outside git: 1980-01-01, the earliest time a zip can hold
    name = folder_name(ROOT, county_name)
    site, dist = args.work.resolve(), args.dist.resolve()
    print(f"[1/3] building the offline site into {site}/", flush=True)
    if not build_offline_site(site, stamp):
        print("offline build failed: no zip written", file=sys.stderr)
        return 1
    target = dist / zip_name(ROOT, county_name)
    print(f"[2/3] packing {target}", flush=True)
    date = time.strftime("%Y-%m-%d", time.gmtime(stamp))
    note = HOW_TO_OPEN.format(version=version(ROOT), date=date, title_zh=title(county, "zh"),
                              title_en=title(county, "en"))
    write_zip(site, target, name, stamp, note, start_page(name, version(ROOT), date))
    digest = record_checksum(dist, target)
    size = target.stat().st_size
    print(f"[3/3] {target}: {size / 1e6:.2f} MB, sha256 {digest}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
