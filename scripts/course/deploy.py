"""Render `deploy/nginx.conf.in` for a built site: root, port, and a Content-Security-Policy that
allows only the site itself, with the theme's few inline scripts allowed by their SHA-256 hashes
(computed from the built pages, so no blanket 'unsafe-inline')."""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx.conf.in"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
BROTLI_MODULES = Path("/usr/lib/nginx/modules")


def inline_script_hashes(site: Path) -> list[str]:
    """`'sha256-...'` for every distinct inline script in the built pages (JSON data blocks excluded)."""
    hashes = set()
    for page in site.rglob("*.html"):
        for attrs, body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "application/json" in attrs:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def content_security_policy(site: Path) -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(site)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def render(site: Path, listen: str, runtime: Path, user: str | None = None) -> str:
    brotli = (BROTLI_MODULES / "ngx_http_brotli_filter_module.so").is_file()
    modules = ""
    if brotli:
        modules = "\n".join(f"load_module {BROTLI_MODULES / name};" for name in (
            "ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so") if (BROTLI_MODULES / name).is_file())
    brotli_conf = ("    brotli on;\n    brotli_comp_level 5;\n    brotli_types text/css application/javascript "
                   "application/json text/plain image/svg+xml application/xml;") if brotli else ""
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in {"@ROOT@": str(site), "@LISTEN@": listen, "@RUNTIME@": str(runtime),
                       "@CSP@": content_security_policy(site), "@BROTLI_MODULES@": modules, "@BROTLI@": brotli_conf,
                       "@USER@": f"user {user};" if user else ""}.items():
        text = text.replace(key, value)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the nginx configuration for a built site.")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--listen", default="127.0.0.1:8080")
    parser.add_argument("--runtime", type=Path, default=ROOT / "build" / "nginx", help="pid, logs and temp files")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "nginx.conf")
    args = parser.parse_args(argv)
    args.runtime.mkdir(parents=True, exist_ok=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(args.site.resolve(), args.listen, args.runtime.resolve()), encoding="utf-8")
    print(f"{args.out}: nginx -p {args.runtime.resolve()} -c {args.out.resolve()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
