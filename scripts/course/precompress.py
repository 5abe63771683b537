"""Write `.gz` and `.br` copies of the site's text files at build time.

nginx's `gzip on` compresses every response again: on two cores a lecture page falls from about
28,000 to about 1,000 requests a second when the browser asks for gzip. With the copies written
once here, `gzip_static` and `brotli_static` send them as they are and compression costs nothing
per request. Output is deterministic (no timestamps, no file names in the gzip header).
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

try:  # PyPI `Brotli`; without it only .gz is written and nginx falls back to gzip
    import brotli
except ImportError:  # pragma: no cover - the pinned requirements install it
    brotli = None

SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}
MIN_BYTES = 512  # nginx's gzip_min_length in deploy/nginx.conf.in: smaller files go out as they are


def gzip_bytes(data: bytes) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as stream:
        stream.write(data)
    return out.getvalue()


def precompress(site: Path) -> tuple[int, int]:
    """Compress every text file of `site` worth compressing; returns (files, bytes saved by gzip)."""
    files = saved = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        packed = gzip_bytes(data)
        path.with_name(path.name + ".gz").write_bytes(packed)
        if brotli is not None:
            path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
        files += 1
        saved += len(data) - len(packed)
    return files, saved
