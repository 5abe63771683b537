"""Measure presentation slides in a real browser: does every slide fit its screen, and at what size?

The tests (every lecture, both languages, three projector sizes) and `make bench` share this
measure. It pages through a running presentation with the keys a trainer uses and, on each slide,
reads the layout the browser computed: how far anything reaches past the slide area (or under the
control bar), the smallest font of the slide's body text, and the text shown (or, for a slide with
a summary, the full text sent to the notes), so a caller can check that nothing was dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SIZES: tuple[tuple[int, int], ...] = ((1920, 1080), (1366, 768), (1024, 768))
FLOOR_PX_AT_1080 = 28  # body text on a 1080-line screen is never smaller; scaled with the height

MEASURE = """() => {
  const root = document.querySelector('.present');
  const stage = root.querySelector('.present__slide');
  const bar = root.querySelector('.present__bar');
  const counter = root.querySelector('.present__counter');
  const press = key => document.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true}));
  const squash = s => s.replace(/\\s+/g, '');
  function measure() {
    const box = stage.getBoundingClientRect();
    let past = Math.max(0, stage.scrollHeight - stage.clientHeight, stage.scrollWidth - stage.clientWidth,
                        box.bottom - bar.getBoundingClientRect().top);
    for (const el of stage.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if ((!r.width && !r.height) || !el.checkVisibility()) continue;
      past = Math.max(past, r.bottom - box.bottom, r.right - box.right, box.top - r.top, box.left - r.left);
    }
    let font = Infinity;
    const walker = document.createTreeWalker(stage.querySelector('.present__body') || stage, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (!/\\S/.test(node.data) || !node.parentElement.getClientRects().length) continue;
      font = Math.min(font, parseFloat(getComputedStyle(node.parentElement).fontSize));
    }
    return {past: Math.round(past), font: font === Infinity ? null : font};
  }
  press('Home');
  const total = Number(counter.textContent.split('/')[1]);
  const slides = [];
  for (let i = 0; i < total; i++) {
    if (i) press('ArrowRight');
    const title = (stage.querySelector('.present__title, legend') || stage).textContent.trim();
    const shown = measure();
    const full = root.querySelector('.present__notes .present__full');
    const body = stage.querySelector('.present__body');
    const slide = {title, past: shown.past, font: shown.font, summary: !!full,
                   text: squash((full || body || stage).textContent), revealed: null};
    if (stage.querySelector('details')) {
      press('a');
      slide.revealed = measure();
    }
    slides.push(slide);
  }
  press('Home');
  return {layout: root.dataset.layout, floor: Number(root.dataset.floor), slides};
}"""

ARTICLE_TEXTS = """() => {
  const article = document.querySelector('.md-content article');
  const skip = '.trainer-notes, .slide-summary, .quiz, .trainer-bar, .md-source-file';
  return [...article.querySelectorAll('p, li, td, th')]
    .filter(el => !el.closest(skip))
    .map(el => el.textContent.replace(/\\s+/g, ''))
    .filter(Boolean);
}"""


@dataclass
class Slide:
    title: str
    past: int  # px that reach beyond the slide area (0 = fits)
    font: float | None  # smallest body-text font on the slide, px
    summary: bool
    text: str
    revealed: dict[str, Any] | None  # the same figures with the quiz answer shown


@dataclass
class Deck:
    width: int
    height: int
    floor: int
    slides: list[Slide]

    @property
    def overflowing(self) -> list[Slide]:
        return [s for s in self.slides if s.past > 0 or (s.revealed is not None and s.revealed["past"] > 0)]

    @property
    def smallest_font(self) -> float:
        return min((s.font for s in self.slides if s.font is not None), default=0.0)

    def readable_floor(self) -> float:
        return FLOOR_PX_AT_1080 * self.height / 1080


def present(page: Any, width: int, height: int) -> None:
    """Start presenting (Shift+P, as a trainer does) or, when already presenting, resize and wait for the refit."""
    page.set_viewport_size({"width": width, "height": height})
    if not page.locator(".present").count():
        page.keyboard.press("Shift+P")
    page.wait_for_function("layout => document.querySelector('.present')?.dataset.layout === layout",
                           arg=f"{width}x{height}", timeout=60000)


def measure_deck(page: Any, width: int, height: int) -> Deck:
    """Every slide of the presentation open in `page`, measured at `width` x `height`."""
    present(page, width, height)
    data = page.evaluate(MEASURE)
    return Deck(width, height, data["floor"], [Slide(**s) for s in data["slides"]])


def missing_text(page: Any, deck: Deck) -> list[str]:
    """Paragraphs, list items and table cells of the lecture that no slide (or summary slide's notes) shows."""
    shown = "".join(s.text for s in deck.slides)
    return [text for text in page.evaluate(ARTICLE_TEXTS) if text not in shown]


def measure_lectures(browser: Any, url_of: Any, stems: list[str], langs: tuple[str, ...] = ("zh", "en")) -> \
        dict[tuple[str, str], list[Deck]]:
    """Every lecture in every language at every size in SIZES: `url_of(stem, lang)` gives the page."""
    decks: dict[tuple[str, str], list[Deck]] = {}
    for lang in langs:
        for stem in stems:
            page = browser.new_page(viewport={"width": SIZES[0][0], "height": SIZES[0][1]})
            page.goto(url_of(stem, lang))
            decks[(stem, lang)] = [measure_deck(page, width, height) for width, height in SIZES]
            page.close()
    return decks
