"""Real parts the tests, `make bench` and `make pdf` share: Debian Chromium, a quiet local HTTP
server and Debian nginx with the project's configuration, each started and stopped in one place.

Readiness is waited for by polling (a port that accepts connections), never by fixed sleeps.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"  # Debian's package; never a downloaded browser build
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


class MissingTool(RuntimeError):
    """A Debian package the task needs is not installed; the message says which."""


@contextmanager
def chromium(playwright: Any, extra_args: list[str] | None = None) -> Iterator[Any]:
    """Headless Debian Chromium through Playwright."""
    if not Path(CHROMIUM).exists():
        raise MissingTool(f"{CHROMIUM} is missing: run `make system` (installs Debian chromium)")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + (extra_args or []))
    try:
        yield browser
    finally:
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def http_server(root: Path) -> Iterator[str]:
    """Serve `root` on a free loopback port; yields the base URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                raise MissingTool(f"nginx stopped at start: {output}") from None
            time.sleep(0.02)
    raise MissingTool(f"nginx did not listen on 127.0.0.1:{port} within {seconds:.0f} s")


@contextmanager
def nginx(site: Path, runtime: Path, port: int | None = None) -> Iterator[str]:
    """Debian nginx serving `site` with deploy/nginx.conf.in on loopback; yields the base URL.

    `port` is for a site built for its address (SITE_URL=http://127.0.0.1:PORT/); a free one otherwise.
    """
    from .deploy import render  # deploy reads the theme's templates; only needed here

    if not Path(NGINX).exists():
        raise MissingTool("nginx is missing: run `make system` (installs Debian nginx)")
    runtime.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    conf = runtime / "nginx.conf"
    conf.write_text(render(site, f"127.0.0.1:{port}", runtime, user="root" if os.geteuid() == 0 else None),
                    encoding="utf-8")
    process = subprocess.Popen([NGINX, "-p", str(runtime), "-c", str(conf), "-g", "daemon off;"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
