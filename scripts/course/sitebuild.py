"""Every strict build of the project, and the atomic swap of a fresh site into place.

`mkdocs build --strict --quiet` does not fail on warnings in MkDocs 1.6: `--quiet` raises the log
level so far that strict mode never counts them (mkdocs/mkdocs#4126). Every build here therefore
runs strict *without* `--quiet` and only filters MkDocs' INFO lines from what it prints, so a broken
link, a missing anchor or a page left out of the navigation stops `make check`, `make build`,
`make offline`, `make publish` and the test builds alike.

`python -m scripts.course.sitebuild --into site` builds into a fresh folder next to the target and
exchanges the two folders in one `renameat2(RENAME_EXCHANGE)` call, so `site/` is never missing
or half-written; a failed or interrupted build removes its own folder and leaves the old site.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .edition import DECKS_ENV, DOWNLOAD_DIR, DOWNLOAD_ENV
from .precompress import precompress

ROOT = Path(__file__).resolve().parents[2]
RENAME_EXCHANGE = 2  # linux/fs.h
AT_FDCWD = -100


def build_env(**extra: str) -> dict[str, str]:
    """The environment of every build: no MkDocs 2 notice, no byte-code files in the tree."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **extra}


def strict_build(dest: Path, root: Path = ROOT, env: dict[str, str] | None = None, echo: bool = True) -> \
        subprocess.CompletedProcess[str]:
    """Build the site strictly into `dest`; WARNING and ERROR lines are printed (to stderr) when `echo`."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)], cwd=root,
                            env=env or build_env(), capture_output=True, text=True)
    result.stderr = "\n".join(line for line in result.stderr.splitlines() if not line.startswith("INFO"))
    if echo and result.stderr.strip():
        print(result.stderr, file=sys.stderr)
    return result


def site_url_problem(value: str | None) -> str | None:
    """What is wrong with SITE_URL (the public address the site is built for), or None."""
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        return (f"SITE_URL must be the site's public address, starting with https:// (or http://), "
                f"e.g. SITE_URL=https://course.example.org/ ; got {value!r}")
    return None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one system call; False where the kernel or libc cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


def swap_into_place(fresh: Path, target: Path) -> None:
    """Put `fresh` where `target` is; the old target is removed afterwards, never before."""
    if target.exists() and _exchange(fresh, target):
        shutil.rmtree(fresh)  # `fresh` now holds the previous site
        return
    if target.exists():  # no renameat2: two renames, with the old site kept aside until the new one is in place
        aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.replace(target, aside / target.name)
        os.replace(fresh, target)
        shutil.rmtree(aside)
    else:
        os.replace(fresh, target)


def ship_download(site: Path, archive: Path, extra: list[Path] | None = None) -> None:
    """Copy the offline zip (and the decks zip, and their SHA256SUMS, when beside it) into the site's download folder."""
    folder = site / DOWNLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for path in [archive, *(extra or [])]:
        shutil.copy2(path, folder / path.name)
    sums = archive.with_name("SHA256SUMS")
    if sums.is_file():
        shutil.copy2(sums, folder / sums.name)


def build_into(target: Path, root: Path = ROOT, env: dict[str, str] | None = None, compress: bool = False,
               download: Path | None = None, ship: list[Path] | None = None) -> int:
    """Strict build into a temporary folder beside `target`, then the swap; the old site survives any failure.

    With `download` (the offline zip), the pages link to it and the zip is shipped in the site; without,
    no page links to a download."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    if download is not None and not download.is_file():
        print(f"{download}: no such file (run `make offline` first)", file=sys.stderr)
        return 1
    for path in ship or []:
        if not path.is_file():
            print(f"{path}: no such file (run `make slides` first)", file=sys.stderr)
            return 1
    env = {**(env or build_env())}
    env.pop(DOWNLOAD_ENV, None)
    env.pop(DECKS_ENV, None)
    if download is not None:
        env[DOWNLOAD_ENV] = download.name
        decks = [path for path in ship or [] if path.name.endswith("-slides.zip")]
        if decks:
            env[DECKS_ENV] = decks[0].name
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        result = strict_build(work / "site", root, env)
        if result.returncode != 0:
            print(f"build failed: {target.name}/ left as it was", file=sys.stderr)
            return result.returncode or 1
        if download is not None:
            ship_download(work / "site", download, ship)
        if compress:
            precompress(work / "site")
        swap_into_place(work / "site", target)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Strict build of the site, swapped into place atomically.")
    parser.add_argument("--into", type=Path, default=ROOT / "site", help="the folder the finished site replaces")
    parser.add_argument("--check-only", action="store_true", help="build, then throw the result away (make check)")
    parser.add_argument("--precompress", action="store_true", help="write .gz/.br copies for nginx's *_static")
    parser.add_argument("--download", type=Path, help="the offline zip to ship in download/ and link from every page")
    parser.add_argument("--ship", type=Path, action="append", help="another file for download/ (the decks zip)")
    args = parser.parse_args(argv)
    problem = site_url_problem(os.environ.get("SITE_URL"))
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if args.check_only:
        with tempfile.TemporaryDirectory(prefix="check-", dir=ROOT / "build" if (ROOT / "build").is_dir() else None) \
                as work:
            return strict_build(Path(work) / "site").returncode
    code = build_into(args.into, compress=args.precompress, download=args.download, ship=args.ship)
    if code == 0:
        print(f"{args.into}/ is ready")
    return code


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except KeyboardInterrupt:
        raise SystemExit(130) from None
