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
  (search_index.defer_index), so the timed build has the CPU to itself, and each build is scaled
  by a BenchmarkIndex taken just before it: on a machine shared with other work, the rating and
  the build are slowed alike, and the estimate is the median of the scaled runs. The build is what
  a reader waits for between opening the search box and the first results.
- Offline, the iframe-worker shim builds the index on the page's own thread, which DevTools'
  throttling does slow down: that figure is measured directly with the CPU throttled to the
  mid-tier rating.
"""

from __future__ import annotations

import statistics
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

# Fetches the page's own search index and times a fresh Material worker building it, as the search box does.
WORKER_BUILD = """async () => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const t0 = performance.now();
  const data = await (await fetch(new URL('search/search_index.json', new URL(config.base, location.href)))).json();
  const t1 = performance.now();
  const worker = new Worker(new URL(config.search, location.href));
  const ready = new Promise(resolve => worker.onmessage = event => { if (event.data.type === 1) resolve(); });
  worker.postMessage({type: 0, data: {config: data.config, docs: data.docs, options: {suggest: false}}});
  await ready;
  worker.terminate();
  return [t1 - t0, performance.now() - t1];
}"""

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


def scaled_builds(page: Any, url: str, runs: int = 5) -> list[tuple[float, float, float]]:
    """(fetch ms, build ms, BenchmarkIndex taken just before the build) for `runs` fresh workers."""
    page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate(BENCHMARK_INDEX)  # warm-up
    found = []
    for _ in range(runs):
        index = page.evaluate(BENCHMARK_INDEX)
        fetch_ms, build_ms = page.evaluate(WORKER_BUILD)
        found.append((fetch_ms, build_ms, index))
    return found


def on_phone_ms(builds: list[tuple[float, float, float]], phone: float = MID_TIER) -> float:
    """Median of the builds, each scaled by its own BenchmarkIndex to a phone of rating `phone`."""
    return statistics.median(build * phone_factor(index, phone) for _, build, index in builds)


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
