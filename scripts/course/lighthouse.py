"""Lighthouse scores of a served page, for `make bench` (npm `lighthouse`, pinned in package.json).

Lighthouse's mobile preset, as its command line runs it: a Moto G Power-sized screen, slow 4G and a
CPU four times slower than this machine, simulated from one unthrottled load. Its performance score
moves from run to run, more so on a shared machine, so each page is audited several times and the
run with the median performance score is reported (Lighthouse's own advice on variability). A run
in which Lighthouse itself rated the machine too slow to trust (BenchmarkIndex at or below 1000,
its warning "slower CPU than Lighthouse expects": the machine was busy with other work) is run
again, up to a limit, and counted as such in the output.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .serving import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SLOW_HOST = 1000  # Lighthouse's SLOW_CPU_BENCHMARK_INDEX_THRESHOLD (core/gather/driver/environment.js)
MIN_NODE = 18  # lighthouse 12.2.3: "engines": {"node": ">=18.16"}


@dataclass(frozen=True)
class Scores:
    """One Lighthouse run: the four category scores (0-100), total blocking time and the host's rating."""

    performance: int
    accessibility: int
    best_practices: int
    seo: int
    blocking_ms: float
    benchmark_index: float
    failed: tuple[str, ...] = ()  # audits below full marks outside performance, for the reader
    dom_nodes: int = 0  # elements on the page (Lighthouse's dom-size audit)

    @property
    def trusted(self) -> bool:
        return self.benchmark_index > SLOW_HOST


def missing() -> str | None:
    """Why Lighthouse cannot run here (and what to do), or None."""
    node = shutil.which("node")
    if node is None:
        return "Node.js is not installed (Debian: apt-get install nodejs npm), so no Lighthouse scores"
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    major = int(version.lstrip("v").split(".")[0] or 0) if version.lstrip("v")[:1].isdigit() else 0
    if major < MIN_NODE:
        return f"Node.js {version or '?'} is older than {MIN_NODE}, which lighthouse 12.2.3 needs"
    if not LIGHTHOUSE.exists():
        return "node_modules/ has no lighthouse: run `npm ci` (make bench does)"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing: run `make system`"
    return None


def parse(report: dict[str, object]) -> Scores:
    """The figures of one Lighthouse JSON report."""
    categories = report["categories"]
    audits = report["audits"]
    assert isinstance(categories, dict) and isinstance(audits, dict)

    def score(name: str) -> int:
        value = categories[name]["score"]
        return round(value * 100) if isinstance(value, (int, float)) else 0

    failed = tuple(sorted({ref["id"] for name in CATEGORIES[1:] for ref in categories[name]["auditRefs"]
                           if ref.get("weight") and isinstance(audits[ref["id"]].get("score"), (int, float))
                           and audits[ref["id"]]["score"] < 1}))
    environment = report.get("environment", {})
    return Scores(score("performance"), score("accessibility"), score("best-practices"), score("seo"),
                  float(audits["total-blocking-time"].get("numericValue", 0)),
                  float(environment.get("benchmarkIndex", 0) if isinstance(environment, dict) else 0), failed,
                  int(audits.get("dom-size", {}).get("numericValue", 0)))


def audit(url: str) -> Scores:
    """One Lighthouse run on `url`, mobile preset, headless Debian Chromium."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                        "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=--headless=new --no-sandbox"],
                       env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, timeout=300)
        return parse(json.loads(out.read_text(encoding="utf-8")))


def median_run(runs: list[Scores]) -> Scores:
    """The run with the median performance score (the lower middle of an even count), trusted runs first."""
    pool = [run for run in runs if run.trusted] or runs
    ordered = sorted(pool, key=lambda run: (run.performance, -run.blocking_ms))
    return ordered[(len(ordered) - 1) // 2]


def audit_page(url: str, runs: int = 5, retries: int = 3) -> tuple[Scores, int, int]:
    """`runs` trusted audits of a page (at most `retries` more when the host was busy); the median run,
    how many runs were made, and how many of them were trusted."""
    done: list[Scores] = []
    while sum(run.trusted for run in done) < runs and len(done) < runs + retries:
        done.append(audit(url))
    return median_run(done), len(done), sum(run.trusted for run in done)
