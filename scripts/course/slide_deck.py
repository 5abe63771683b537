"""Read a lecture's slides out of the running presentation, so an editable deck is the same deck.

Presentation mode (`present.js`) cuts the lecture into slides in the browser, fits each one to the
screen and adds continuation slides ("（续）" / "(cont.)"). Rather than cut the lecture a second
time in Python (and drift), `make slides` opens each lecture in headless Chromium at 1920x1080,
starts presenting and pages through it with the keys a trainer uses, reading from every slide its
title, body blocks (paragraphs, list items, tables as text), the speaker notes the presenter window
shows, the font size the fit chose, and for a quiz question its options, answer and explanation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .slide_fit import present

WIDTH, HEIGHT = 1920, 1080  # the projector size a deck is read at (and its slide count compared at)

READ = """() => {
  const root = document.querySelector('.present');
  const stage = root.querySelector('.present__slide');
  const counter = root.querySelector('.present__counter');
  const press = key => document.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true}));
  const clean = s => s.replace(/[ \\t\\r\\n]+/g, ' ').trim();
  const BLOCKS = /^(P|UL|OL|LI|TABLE|DIV|BLOCKQUOTE|DL|DT|DD|PRE|H[1-6]|DETAILS|FIELDSET|FIGURE|ASIDE|SECTION)$/;
  function own(el) {  // an element's text without its nested lists
    const copy = el.cloneNode(true);
    copy.querySelectorAll('ul, ol').forEach(x => x.remove());
    return clean(copy.textContent);
  }
  function blocks(container, depth, out) {
    const loose = [];
    const flush = () => {
      const t = clean(loose.join(''));
      if (t) out.push({kind: 'p', text: t, level: depth});
      loose.length = 0;
    };
    for (const node of container.childNodes) {
      if (node.nodeType === 3) { loose.push(node.data); continue; }
      if (node.nodeType !== 1) continue;
      if (!BLOCKS.test(node.tagName)) { loose.push(node.textContent); continue; }
      flush();
      const tag = node.tagName;
      if (node.matches('.present__notes-title, .present__notes-empty, summary')) continue;
      if (tag === 'UL' || tag === 'OL') {
        let n = node.start || 1;
        for (const li of node.children) {
          if (li.tagName !== 'LI') continue;
          const text = own(li);
          if (text) out.push({kind: 'li', text, level: depth, number: tag === 'OL' ? n : null});
          n += 1;
          li.querySelectorAll(':scope > ul, :scope > ol').forEach(list => blocks({childNodes: [list]}, depth + 1, out));
        }
      } else if (tag === 'TABLE') {
        const rows = [...node.querySelectorAll('tr')].map(tr => [...tr.children].map(cell => clean(cell.textContent)));
        out.push({kind: 'table', rows});
      } else if (tag === 'P' || /^H[1-6]$/.test(tag) || tag === 'DT' || tag === 'PRE') {
        const text = clean(node.textContent);
        const strong = node.children.length === 1 && /^(STRONG|B)$/.test(node.children[0].tagName) &&
                       clean(node.children[0].textContent) === text;
        if (text) out.push({kind: 'p', text, level: depth, bold: strong || /^H/.test(tag)});
      } else {
        blocks(node, depth, out);
      }
    }
    flush();
    return out;
  }
  function quiz(fieldset) {
    const q = s => fieldset.querySelector(s);
    return {label: clean(q('.quiz-q__num')?.textContent || ''), stem: clean(q('.quiz-q__text')?.textContent || ''),
            options: [...fieldset.querySelectorAll('.quiz-q__option')].map(o => clean(o.textContent)),
            answer: clean(q('.quiz-q__correct')?.textContent || ''),
            explanation: clean(q('.quiz-q__explanation')?.textContent || '')};
  }
  press('Home');
  const total = Number(counter.textContent.split('/')[1]);
  const slides = [];
  for (let i = 0; i < total; i++) {
    if (i) press('ArrowRight');
    const kind = (stage.className.match(/present__slide--(\\w+)/) || [, 'section'])[1];
    const pick = s => clean(stage.querySelector(s)?.textContent || '');
    const body = stage.querySelector('.present__body');
    const fieldset = body && body.querySelector('fieldset');
    const notesBox = root.querySelector('.present__notes');
    const title = stage.querySelector('.present__title');
    slides.push({kind, kicker: pick('.present__kicker'), title: pick('.present__title'), meta: pick('.present__meta'),
                 font: parseFloat(stage.style.fontSize) || 0,
                 title_font: title ? parseFloat(getComputedStyle(title).fontSize) : 0,
                 blocks: fieldset ? [] : blocks(body || stage, 0, []),
                 notes: blocks(notesBox, 0, []).filter(b => b.text !== undefined ? b.text : b.rows.length),
                 quiz: fieldset ? quiz(fieldset) : null});
  }
  press('Home');
  return {layout: root.dataset.layout, count: window.CourseSlides.count(), slides};
}"""


@dataclass
class Block:
    """A paragraph, list item or table as text: what a text box of the deck holds."""

    kind: str  # "p", "li" or "table"
    text: str = ""
    level: int = 0
    number: int | None = None  # position in a numbered list
    bold: bool = False
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Quiz:
    label: str  # "第 1 题（多选）"
    stem: str
    options: list[str]
    answer: str
    explanation: str


@dataclass
class Slide:
    kind: str  # "title", "section" or "quiz"
    kicker: str
    title: str
    meta: str
    font: float  # the body font size (px at 1080 lines) the presentation fitted this slide to
    title_font: float
    blocks: list[Block]
    notes: list[Block]
    quiz: Quiz | None


@dataclass
class Deck:
    count: int  # slides in the presentation at WIDTH x HEIGHT
    slides: list[Slide]


def _block(data: dict[str, Any]) -> Block:
    return Block(kind=data["kind"], text=data.get("text", ""), level=data.get("level", 0),
                 number=data.get("number"), bold=bool(data.get("bold")), rows=data.get("rows", []))


def read_deck(page: Any) -> Deck:
    """Every slide of the lecture open in `page`, as the presentation shows it at 1920x1080."""
    present(page, WIDTH, HEIGHT)
    data = page.evaluate(READ)
    slides = [Slide(kind=s["kind"], kicker=s["kicker"], title=s["title"], meta=s["meta"], font=s["font"],
                    title_font=s["title_font"], blocks=[_block(b) for b in s["blocks"]],
                    notes=[_block(b) for b in s["notes"]], quiz=Quiz(**s["quiz"]) if s["quiz"] else None)
              for s in data["slides"]]
    return Deck(count=data["count"], slides=slides)
