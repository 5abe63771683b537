"""`make bench`'s Lighthouse figures: the pinned tool, how a report is read and which run is reported.
(The scores themselves are figures printed by `make bench`, not tests.)"""

from __future__ import annotations

import json

from scripts.course.lighthouse import Scores, median_run, parse
from tests.conftest import ROOT


def test_lighthouse_is_pinned_exactly_to_a_version_that_runs_on_debians_node() -> None:
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert package["devDependencies"] == {"lighthouse": "12.2.3"}  # 13 wants Node 22; Debian has 20
    assert lock["packages"]["node_modules/lighthouse"]["version"] == "12.2.3"
    assert lock["packages"][""]["devDependencies"] == package["devDependencies"]


def report(performance: float, tbt: float, index: float, seo: float = 1.0) -> dict[str, object]:
    audit_ids = {"performance": "total-blocking-time", "accessibility": "color-contrast",
                 "best-practices": "errors-in-console", "seo": "hreflang"}
    scores = {"performance": performance, "accessibility": 1.0, "best-practices": 1.0, "seo": seo}
    return {
        "categories": {name: {"score": scores[name], "auditRefs": [{"id": audit_ids[name], "weight": 1}]}
                       for name in scores},
        "audits": {"total-blocking-time": {"score": 0.9, "numericValue": tbt}, "color-contrast": {"score": 1},
                   "errors-in-console": {"score": 1}, "hreflang": {"score": seo},
                   "dom-size": {"score": 1, "numericValue": 1234}},
        "environment": {"benchmarkIndex": index},
    }


def test_a_report_gives_the_four_scores_blocking_time_host_rating_and_what_fell_short() -> None:
    scores = parse(report(0.973, 120.5, 2400, seo=0.0))
    assert (scores.performance, scores.accessibility, scores.best_practices, scores.seo) == (97, 100, 100, 0)
    assert scores.blocking_ms == 120.5 and scores.trusted and scores.failed == ("hreflang",)
    assert scores.dom_nodes == 1234
    assert not parse(report(0.5, 900, 640)).trusted  # Lighthouse's own "slower CPU than expected" line: 1000


def test_the_median_run_is_reported_and_runs_on_a_busy_host_only_when_there_is_nothing_else() -> None:
    def run(performance: int, index: float) -> Scores:
        return Scores(performance, 100, 100, 100, 0.0, index)
    assert median_run([run(99, 2000), run(90, 2000), run(96, 2000)]).performance == 96
    assert median_run([run(99, 2000), run(60, 700), run(96, 2000)]).performance == 96
    assert median_run([run(60, 700), run(70, 800), run(80, 900)]).performance == 70
