"""How long search takes to become usable, measured in Chromium and scaled to a mid-tier phone (for `make bench`).

The measure, stated once so the figures can be read:

- The CPU of the machine running the bench is rated with Lighthouse's BenchmarkIndex (a
  string-building and an array-copying loop, half a second each, averaged), run in a dedicated
  worker like the search index. Chrome DevTools' CPU calibration rates a mid-tier phone (Pixel 5)
  at 1000 and a low-tier phone at 264 on the same scale
  (chrome-devtools-frontend, front_end/panels/mobile_throttling/CalibrationController.ts).
- Online, Material builds the index in a Web Worker; Chromium's CPU throttling does not reach
  workers, so the worker's time on this machine is scaled by BenchmarkIndex / 1000, and never
  below 1x. The page's own worker builds nothing until the search box is opened
  (search_loading.defer_index), so the timed build has the CPU to itself, and each build is scaled
  by a BenchmarkIndex taken just before it: on a machine shared with other work, the rating and
  the build are slowed alike, and the estimate is the median of the scaled runs.
- Material starts its worker when the page loads (its script fetched, compiled and run) and hands
  it the index when the search box is opened. The target figure is what a reader waits for after
  opening the box: the worker building the index (setting up lunr's language files included).
  Starting the worker is timed apart, and the bench also prints the sum, as if the worker started
  only when search was opened. Fetching and parsing the index on the page is printed apart too.
- Offline, the iframe-worker shim builds the index on the page's own thread, which DevTools'
  throttling does slow down: that figure is measured directly with the CPU throttled to the
  mid-tier rating.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from scripts.course.search_eval import READY

MID_TIER = 1000  # DevTools calibration: BenchmarkIndex of a mid-tier phone (Pixel 5)
LOW_TIER = 264  # DevTools calibration: BenchmarkIndex of a low-tier phone

BENCHMARK_INDEX = """() => new Promise(resolve => {
  const source = `
    function strings() {
      const start = Date.now(); let rounds = 0;
      while (Date.now() - start < 500) {
        let s = ''; for (let j = 0; j < 10000; j++) s += 'a';
        if (s.length === 1) throw new Error('unreachable');
        rounds++;
      }
      return Math.round(rounds / 10 / ((Date.now() - start) / 1000));
    }
    function arrays() {
      const a = [], b = []; for (let i = 0; i < 100000; i++) a[i] = b[i] = i;
      const start = Date.now(); let rounds = 0;
      while (rounds % 10 !== 0 || Date.now() - start < 500) {
        const from = rounds % 2 ? b : a, to = rounds % 2 ? a : b;
        for (let j = 0; j < from.length; j++) to[j] = from[j];
        rounds++;
      }
      return Math.round(rounds / 10 / ((Date.now() - start) / 1000));
    }
    postMessage((strings() + arrays()) / 2);`;
  const worker = new Worker(URL.createObjectURL(new Blob([source], {type: 'text/javascript'})));
  worker.onmessage = event => { worker.terminate(); resolve(event.data); };
})"""

# Starts a Material worker as a page does when it loads, and times it until it answers (an empty query, before it
# has an index); then fetches the page's own search index and times the worker building it, as the search box does.
WORKER_BUILD = """async () => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const t0 = performance.now();
  const worker = new Worker(new URL(config.search, location.href));
  await new Promise(resolve => {
    worker.onmessage = event => { if (event.data.type === 3) resolve(); };
    worker.postMessage({type: 2, data: ''});
  });
  const t1 = performance.now();
  const data = await (await fetch(new URL('search/search_index.json', new URL(config.base, location.href)))).json();
  const t2 = performance.now();
  const ready = new Promise(resolve => worker.onmessage = event => { if (event.data.type === 1) resolve(); });
  worker.postMessage({type: 0, data: {config: data.config, docs: data.docs, options: {suggest: false}}});
  await ready;
  worker.terminate();
  return [t2 - t1, performance.now() - t2, t1 - t0];
}"""


@dataclass(frozen=True)
class Build:
    """One timed build: fetching and parsing the index, building it, starting the worker (ms), and the CPU rating."""

    fetch_ms: float
    build_ms: float
    start_ms: float
    index: float


# Records when the result meta line stops saying "initializing", without polling the throttled page.
WATCH_READY = """(ready) => {
  window.__searchReadyAt = null;
  const meta = document.querySelector('.md-search-result__meta');
  const check = () => { if (window.__searchReadyAt === null && ready()) window.__searchReadyAt = performance.now(); };
  new MutationObserver(check).observe(meta, {childList: true, characterData: true, subtree: true});
  return performance.now();
}"""


def phone_factor(index: float, phone: float = MID_TIER) -> float:
    """How many times slower the phone is than this machine; never below 1, so estimates stay conservative."""
    return max(1.0, index / phone)


def scaled_builds(page: Any, url: str, runs: int = 5) -> list[Build]:
    """`runs` fresh workers, each with the BenchmarkIndex taken just before it."""
    page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate(BENCHMARK_INDEX)  # warm-up
    found = []
    for _ in range(runs):
        index = page.evaluate(BENCHMARK_INDEX)
        fetch_ms, build_ms, start_ms = page.evaluate(WORKER_BUILD)
        found.append(Build(fetch_ms, build_ms, start_ms, index))
    return found


def on_phone_ms(builds: list[Build], phone: float = MID_TIER, with_start: bool = False) -> float:
    """Median of the builds, each scaled by its own BenchmarkIndex to a phone of rating `phone`; `with_start`
    adds the worker's start, for a worker started only when search is opened."""
    return statistics.median((b.build_ms + (b.start_ms if with_start else 0)) * phone_factor(b.index, phone)
                             for b in builds)


def offline_ready_ms(browser: Any, url: str, rate: float, runs: int = 3) -> float:
    """Median milliseconds from tapping search to a usable search box, on a phone-sized page, CPU slowed `rate` times."""
    times = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 393, "height": 851})
        cdp = page.context.new_cdp_session(page)
        page.goto(url)
        page.wait_for_load_state("load")
        page.wait_for_timeout(1000)  # a reader looks at the page before tapping search
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        start = page.evaluate(f"() => ({WATCH_READY})({READY})")
        page.locator("label[for=__search]").first.click()
        page.wait_for_function("() => window.__searchReadyAt !== null", timeout=60000)
        times.append(page.evaluate("window.__searchReadyAt") - start)
        page.close()
    return statistics.median(times)
