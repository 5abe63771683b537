"""Render `deploy/nginx.conf.in` for a built site: root, port, and a Content-Security-Policy that
allows only the site itself and the theme's own inline scripts (scripts/course/csp.py). A site
with any other inline script is refused: the policy would block it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .csp import policy, unknown_inline_scripts

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx.conf.in"
BROTLI_MODULES = Path("/usr/lib/nginx/modules")


def render(site: Path, listen: str, runtime: Path, user: str | None = None) -> str:
    brotli = (BROTLI_MODULES / "ngx_http_brotli_filter_module.so").is_file()
    modules = ""
    if brotli:
        modules = "\n".join(f"load_module {BROTLI_MODULES / name};" for name in (
            "ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so") if (BROTLI_MODULES / name).is_file())
    static = (BROTLI_MODULES / "ngx_http_brotli_static_module.so").is_file()
    brotli_conf = (("    brotli_static on;\n" if static else "") + "    brotli on;\n    brotli_comp_level 5;\n"
                   "    brotli_types text/css application/javascript application/json text/plain image/svg+xml "
                   "application/xml;") if brotli else ""
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in {"@ROOT@": str(site), "@LISTEN@": listen, "@RUNTIME@": str(runtime),
                       "@CSP@": policy(), "@BROTLI_MODULES@": modules, "@BROTLI@": brotli_conf,
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
    unknown = unknown_inline_scripts(args.site)
    if unknown:
        print("inline scripts the Content-Security-Policy does not allow (only the theme's own are):", file=sys.stderr)
        print("\n".join(unknown[:20]), file=sys.stderr)
        return 1
    args.runtime.mkdir(parents=True, exist_ok=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(args.site.resolve(), args.listen, args.runtime.resolve()), encoding="utf-8")
    print(f"{args.out}: nginx -p {args.runtime.resolve()} -c {args.out.resolve()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
