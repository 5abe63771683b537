/* Presentation mode, loaded on demand by trainer.js.

   The projected window: the lecture becomes full-screen slides. The title slide carries the
   lecture's number, title, duration and objectives (and the lecture-wide plan as its notes);
   every ## and ### heading starts a slide, so does a horizontal rule; each quiz question is one.
   A section with a slide summary (/// slide) shows the summary; its full text goes to the notes.
   Every slide is fitted to the screen: text shrinks down to a readable floor (28 px at 1080p,
   scaled with the window's height); below the floor the section is split at paragraph, list-item
   or table-row boundaries (sentences only for a paragraph taller than a screen) into continuation
   slides titled "（续）" / "(cont.)". A size change (full screen, another projector) fits again.
   Notes stay off the projection unless asked (N).

   The presenter window (P, or the button): the same lecture page opened with #presenter shows
   the current slide's notes, the next slide's title, elapsed time and the clock, and drives the
   projection both ways through window.postMessage (which also works between file:// pages). */
(function () {
  "use strict";

  var TEXT = {
    zh: { notes: "讲者备注", noNotes: "本页没有培训者提示。", prev: "上一页", next: "下一页", close: "退出",
          closeHint: "退出演示（Esc）", toggleNotes: "备注", toggleNotesHint: "在投影上显示或隐藏讲者备注（N）",
          presenter: "讲者窗口", presenterHint: "在另一个窗口打开讲者视图：备注、下一页、计时（P）",
          slide: "幻灯片", cont: "（续）", minutes: "{n} 分钟", fullText: "本节全文（投影的是上面的摘要）",
          nextLabel: "下一页：", last: "（最后一页）", elapsed: "已用", clock: "时间", reset: "计时归零",
          plan: "本讲教学安排", waiting: "正在连接演示窗口……", idle: "演示尚未开始：在讲稿窗口按 Shift+P 或点“演示”。",
          ended: "演示已结束。", orphan: "这个窗口需要从演示中打开：在演示时按 P 或点“讲者窗口”。",
          lost: "与演示窗口失去联系：演示窗口是否已关闭？", blocked: "浏览器拦截了讲者窗口：请允许本站弹出窗口后再按 P。",
          presenterTitle: "讲者窗口", colon: "：" },
    en: { notes: "Speaker notes", noNotes: "No trainer notes for this slide.", prev: "Previous", next: "Next",
          close: "Exit", closeHint: "Leave the presentation (Esc)", toggleNotes: "Notes",
          toggleNotesHint: "Show or hide the speaker notes on the projection (N)", presenter: "Presenter",
          presenterHint: "Open the presenter view in another window: notes, next slide, timer (P)",
          slide: "Slide", cont: " (cont.)", minutes: "{n} minutes", fullText: "The section's full text (the summary above is projected)",
          nextLabel: "Next: ", last: "(last slide)", elapsed: "Elapsed", clock: "Time", reset: "Reset timer",
          plan: "Lecture plan", waiting: "Connecting to the presentation…",
          idle: "The presentation has not started: press Shift+P or “Present” in the lecture window.",
          ended: "The presentation has ended.",
          orphan: "Open this window from a presentation: press P or “Presenter” while presenting.",
          lost: "Lost contact with the presentation: was its window closed?",
          blocked: "The browser blocked the presenter window: allow pop-ups for this site, then press P again.",
          presenterTitle: "Presenter", colon: ": " }
  };
  var text = TEXT[(document.documentElement.lang || "zh").slice(0, 2)] || TEXT.zh;
  var CHANNEL = "cppcc-course-slides";
  var PRESENTER_HASH = "#presenter";
  var DESIGN_HEIGHT = 1080;  // body text is 42 px on a 1080-line screen, never below 28 px there
  var LARGEST_PX = 42;
  var FLOOR_PX = 28;
  var LOWEST_PX = 12;  // only for a block that cannot be split (a quiz question with its answer shown)
  var BLOCK = /^(P|UL|OL|LI|BLOCKQUOTE|TABLE|THEAD|TBODY|TR|DIV|DL|DT|DD|PRE|H[1-6]|HR|DETAILS|FIELDSET|FIGURE|ASIDE|SECTION)$/;
  var WHOLE = /^(FIELDSET|PRE|FIGURE|DETAILS|SVG|svg|H[1-6]|HR|TR)$/;  // never cut inside these
  var state = null;

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function element(tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content) el.textContent = content;
    return el;
  }

  function button(className, label, hint, onClick) {
    var el = element("button", className, label);
    el.type = "button";
    if (hint) el.title = hint;
    el.addEventListener("click", onClick);
    return el;
  }

  function plainText(node) {
    var copy = node.cloneNode(true);
    each(copy.querySelectorAll(".headerlink"), function (el) { el.remove(); });
    return copy.textContent.replace(/[ \t\r\n]+/g, " ").trim();  // keeps the ideographic space of a title
  }

  /* ---- the lecture as units: one per heading (title, ##, ###, horizontal rule, quiz question) ---- */

  function splitTitle(title) {
    var at = title.indexOf("\u3000");
    if (at > 0) return [title.slice(0, at), title.slice(at + 1).trim()];
    at = title.indexOf(" · ");
    if (at > 0) return [title.slice(0, at), title.slice(at + 3).trim()];
    return ["", title];
  }

  function readUnits(article) {
    var units = [];
    var unit = null;
    var section = { title: "", notes: [] };
    var titleUnit = null;
    var plan = null;
    function open(kind, anchor, kicker, title) {
      unit = { kind: kind, anchor: anchor, kicker: kicker, title: title, body: [], summary: null,
               section: section, continued: false, notes: [] };
      units.push(unit);
      return unit;
    }
    each(article.children, function (node) {
      var tag = node.tagName;
      var cls = node.classList;
      if (cls.contains("trainer-bar") || cls.contains("md-source-file") || cls.contains("course-print-title")) return;
      if (tag === "H1") {
        var parts = splitTitle(plainText(node));
        titleUnit = open("title", node, parts[0], parts[1]);
        return;
      }
      if (tag === "H2") {
        if (node.id === "objectives" && titleUnit) {  // the objectives belong to the title slide
          section = titleUnit.section;
          unit = titleUnit;
          unit.body.push(element("p", "present__label", plainText(node)));
          return;
        }
        section = { title: plainText(node), notes: [] };
        open("section", node, "", section.title);
        return;
      }
      if (tag === "H3") { open("section", node, section.title, plainText(node)); return; }
      if (tag === "HR" && unit) {
        var before = unit;
        open(before.kind, before.anchor, before.kicker, before.title).continued = true;
        return;
      }
      if (cls.contains("trainer-notes")) {
        if (node.getAttribute("data-notes") === "plan") plan = node;
        else section.notes.push(node);
        return;
      }
      if (cls.contains("slide-summary")) { if (unit) unit.summary = node; return; }
      if (cls.contains("quiz")) {
        each(node.children, function (part) {
          if (part.tagName === "FIELDSET") {
            var legend = part.querySelector("legend");
            open("quiz", part, section.title, "").label = legend ? plainText(legend) : "";
            unit.body.push(part);
          } else if (part.classList.contains("quiz__intro")) {
            (unit || open("section", part, "", "")).body.push(part);
          }
        });
        return;
      }
      (unit || open("section", node, "", "")).body.push(node);
    });
    /* A summary written before a section's first ### stands for the whole section: its
       sub-sections are not projected; their text joins the section's full text in the notes. */
    var summarised = null;
    units.forEach(function (u) {
      if (summarised && u.section === summarised.section && u.kind === "section") {
        if (u.anchor !== summarised.anchor) summarised.body.push(u.anchor);
        summarised.body = summarised.body.concat(u.body);
        if (u.summary) summarised.summary = summarised.summary || u.summary;
        u.absorbed = true;
        return;
      }
      summarised = u.summary && u.anchor.tagName === "H2" ? u : null;
    });
    units = units.filter(function (u) { return !u.absorbed; });
    if (titleUnit) {
      var minutes = plan && plan.getAttribute("data-minutes");
      if (minutes) titleUnit.meta = text.minutes.replace("{n}", minutes);
    }
    return {
      plan: plan,
      units: units.filter(function (u) { return u.body.length || u.summary || u.kind === "title"; }).map(function (u) {
        u.notes = u.section.notes.slice();
        if (u === titleUnit && plan) u.notes.unshift(plan);
        var shown = u.summary ? Array.prototype.filter.call(u.summary.children, function (child) {
          return !child.classList.contains("slide-summary__title");
        }) : u.body;
        u.atoms = shown.map(function (el) { return { el: el, chain: [] }; });
        return u;
      })
    };
  }

  /* ---- atoms: what a slide holds; a block too tall for a screen is cut into smaller atoms ---- */

  function isBlock(node) { return node.nodeType === 1 && BLOCK.test(node.tagName); }

  function hasText(nodes) {
    return nodes.some(function (n) { return n.nodeType === 1 || /\S/.test(n.textContent); });
  }

  /* A sentence ends after 。！？；!?; (or ". "), with any closing quotes or brackets that follow. */
  function sentences(atom) {
    var range = atom.range;
    var ends = [];
    var walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    var node;
    var pattern = /[。！？；!?;]+[”’」』）)]*|\.[”’)]*(?=\s)/g;
    while ((node = walker.nextNode())) {
      if (!range.intersectsNode(node)) continue;
      var match;
      pattern.lastIndex = 0;
      while ((match = pattern.exec(node.data))) {
        var offset = match.index + match[0].length;
        if (range.comparePoint(node, offset) === 0) ends.push([node, offset]);
      }
    }
    if (!ends.length) return null;
    var pieces = [];
    var start = [range.startContainer, range.startOffset];
    ends.forEach(function (end) {
      var piece = document.createRange();
      piece.setStart(start[0], start[1]);
      piece.setEnd(end[0], end[1]);
      if (/\S/.test(piece.toString())) pieces.push({ range: piece, chain: atom.chain, sentence: true });
      start = end;
    });
    var rest = document.createRange();
    rest.setStart(start[0], start[1]);
    rest.setEnd(range.endContainer, range.endOffset);
    if (/\S/.test(rest.toString())) pieces.push({ range: rest, chain: atom.chain, sentence: true });
    return pieces.length > 1 ? pieces : null;
  }

  function refine(atom) {
    if (atom.range) return atom.sentence ? null : sentences(atom);
    var el = atom.el;
    var chain = atom.chain.concat([el]);
    if (el.tagName === "TABLE") {
      var rows = el.querySelectorAll(":scope > tbody > tr");
      return rows.length > 1 ? Array.prototype.map.call(rows, function (tr) {
        return { el: tr, chain: chain.concat([tr.parentNode]) };
      }) : null;
    }
    if (WHOLE.test(el.tagName)) return null;
    var parts = [];
    var run = [];
    function flush() {
      if (run.length && hasText(run)) {
        var range = document.createRange();
        range.setStartBefore(run[0]);
        range.setEndAfter(run[run.length - 1]);
        parts.push({ range: range, chain: chain });
      }
      run = [];
    }
    each(el.childNodes, function (child) {
      if (isBlock(child)) { flush(); parts.push({ el: child, chain: chain }); } else { run.push(child); }
    });
    flush();
    if (parts.length > 1) return parts;
    return parts.length === 1 ? refine(parts[0]) : null;
  }

  /* A bold lead-in line or a sentence ending with a colon stays with what follows it. */
  function sticky(atom) {
    var el = atom.el;
    if (!el) return false;
    if (/^H[4-6]$/.test(el.tagName)) return true;
    if (el.tagName !== "P") return false;
    var words = el.textContent.trim();
    return /[：:]$/.test(words) || (el.children.length === 1 && /^(STRONG|B)$/.test(el.children[0].tagName) &&
      el.children[0].textContent.trim() === words);
  }

  function shallow(original, next) {
    var copy = original.cloneNode(false);
    if (original.tagName === "OL" && next && next.tagName === "LI") {
      copy.start = (original.start || 1) + Array.prototype.indexOf.call(original.children, next);
    }
    if (original.tagName === "TABLE") {
      each(original.children, function (part) { if (part.tagName !== "TBODY") copy.appendChild(part.cloneNode(true)); });
    }
    return copy;
  }

  /* Copy atoms into `target`, sharing one copy of a container (list, table, paragraph) between neighbours. */
  function fill(target, atoms) {
    var open = [];
    atoms.forEach(function (atom) {
      var depth = 0;
      while (depth < open.length && depth < atom.chain.length && open[depth].original === atom.chain[depth]) depth++;
      open.length = depth;
      for (var i = depth; i < atom.chain.length; i++) {
        var next = i + 1 < atom.chain.length ? atom.chain[i + 1] : atom.el;
        var copy = shallow(atom.chain[i], next);
        (i ? open[i - 1].copy : target).appendChild(copy);
        open.push({ original: atom.chain[i], copy: copy });
      }
      var parent = open.length ? open[open.length - 1].copy : target;
      parent.appendChild(atom.el ? atom.el.cloneNode(true) : atom.range.cloneContents());
    });
  }

  /* Copies must not repeat ids or answer the page's own quiz; glossary titles become slide tooltips. */
  function tidy(root, index) {
    each(root.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    each(root.querySelectorAll("input[name]"), function (input) { input.name = "present-" + index + "-" + input.name; });
    each(root.querySelectorAll(".headerlink, .quiz-q__check, .quiz-q__actions, .quiz-q__feedback, .trainer-notes__title"),
      function (el) { el.remove(); });
    each(root.querySelectorAll(".quiz-q__section"), function (el) { el.parentNode.remove(); });  // a link into the page
    each(root.querySelectorAll("details"), function (el) { el.open = false; });
    each(root.querySelectorAll("a.gloss"), function (el) {  /* reader tooltips (glossary.js) become slide tips */
      var abbr = document.createElement("abbr");
      abbr.textContent = el.textContent;
      abbr.setAttribute("data-gloss", el.getAttribute("data-definition") || el.getAttribute("title") || "");
      el.parentNode.replaceChild(abbr, el);
    });
    each(root.querySelectorAll("abbr[title]"), function (el) {
      el.setAttribute("data-gloss", el.getAttribute("title"));
      el.removeAttribute("title");
    });
  }

  /* ---- fitting ---- */

  function limits() {
    var height = state.root.clientHeight || window.innerHeight;
    var width = state.root.clientWidth || window.innerWidth;
    // The reader's text size (A+, textsize.js / reader.css) raises both the starting size and the floor.
    var scale = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--course-text-scale")) || 1;
    var largest = Math.max(LOWEST_PX, Math.floor(Math.min(LARGEST_PX * height / DESIGN_HEIGHT, width * 0.03) * scale));
    var floor = Math.min(largest, Math.max(LOWEST_PX, Math.ceil(FLOOR_PX * scale * height / DESIGN_HEIGHT - 0.01)));
    return { largest: largest, floor: floor, width: width, height: height };
  }

  function renderSlide(unit, atoms, continued, font, index) {
    var stage = state.stage;
    stage.textContent = "";
    stage.className = "present__slide md-typeset present__slide--" + unit.kind;
    stage.style.fontSize = font + "px";
    var frame = element("div", "present__frame");
    if (unit.kicker) frame.appendChild(element("p", "present__kicker", unit.kicker));
    if (unit.title) {
      frame.appendChild(element(unit.kind === "title" ? "h1" : "h2", "present__title",
        unit.title + (continued ? text.cont : "")));
    }
    if (unit.meta && !continued) frame.appendChild(element("p", "present__meta", unit.meta));
    var body = element("div", "present__body");
    fill(body, atoms);
    tidy(body, index);
    frame.appendChild(body);
    stage.appendChild(frame);
  }

  function overflows() {
    var stage = state.stage;
    return stage.scrollHeight > stage.clientHeight || stage.scrollWidth > stage.clientWidth;
  }

  function fits(unit, atoms, continued, font) {
    state.layouts += 1;
    renderSlide(unit, atoms, continued, font, 0);
    return !overflows();
  }

  function paginate(unit, atoms, font) {
    var pages = [];
    var page = [];
    var queue = atoms.slice();
    while (queue.length) {
      var atom = queue.shift();
      if (fits(unit, page.concat([atom]), unit.continued || pages.length > 0, font)) { page.push(atom); continue; }
      if (page.length) {
        var parts = fits(unit, [atom], true, font) ? null : refine(atom);
        if (parts) { queue = parts.concat(queue); continue; }  // cut anyway: begin it on this slide
        queue.unshift(atom);
        while (page.length > 1 && sticky(page[page.length - 1])) queue.unshift(page.pop());
        pages.push(page);
        page = [];
        continue;
      }
      var pieces = refine(atom);
      if (!pieces) return null;
      queue = pieces.concat(queue);
    }
    if (page.length) pages.push(page);
    return pages;
  }

  function largest(low, high, works) {  // the largest size in [low, high] that works, given that `low` does
    while (low < high) {
      var middle = Math.ceil((low + high) / 2);
      if (works(middle)) low = middle; else high = middle - 1;
    }
    return low;
  }

  /* One unit -> its slides: as large as possible on one slide; else the fewest slides at the floor,
     then the largest size that still needs no more slides than that. */
  function fitUnit(unit, size) {
    var atoms = unit.atoms;
    var first = unit.continued;
    if (fits(unit, atoms, first, size.largest)) return [{ atoms: atoms, font: size.largest }];
    if (fits(unit, atoms, first, size.floor)) {
      return [{ atoms: atoms, font: largest(size.floor, size.largest, function (f) { return fits(unit, atoms, first, f); }) }];
    }
    var font = size.floor;
    var pages = paginate(unit, atoms, font);
    while (!pages && font > LOWEST_PX) pages = paginate(unit, atoms, --font);
    if (!pages) pages = atoms.map(function (atom) { return [atom]; });
    if (font === size.floor) {
      var found = {};
      var count = pages.length;
      var best = largest(size.floor, size.largest, function (f) {
        if (f === size.floor) return true;
        var tried = paginate(unit, atoms, f);
        if (tried && tried.length <= count) { found[f] = tried; return true; }
        return false;
      });
      if (found[best]) { pages = found[best]; font = best; }
    }
    return pages.map(function (atomsOfPage) { return { atoms: atomsOfPage, font: font }; });
  }

  function build() {
    var began = window.performance.now();
    var size = limits();
    state.layouts = 0;
    var slides = [];
    state.units.forEach(function (unit, number) {
      var pages = fitUnit(unit, size);
      pages.forEach(function (page, part) {
        slides.push({ unit: unit, number: number, atoms: page.atoms, font: page.font, part: part,
                      parts: pages.length, continued: unit.continued || part > 0 });
      });
    });
    state.slides = slides;
    state.size = size;
    state.fitted = state.stage.clientWidth + "x" + state.stage.clientHeight;
    state.root.setAttribute("data-layout", size.width + "x" + size.height);
    state.root.setAttribute("data-floor", String(size.floor));
    state.root.setAttribute("data-fit", Math.round(window.performance.now() - began) + " ms, " + state.layouts + " layouts");
  }

  function refit() {
    if (!state) return;
    state.pending = false;
    if (state.stage.clientWidth + "x" + state.stage.clientHeight === state.fitted) return;
    var current = state.slides[state.index];
    build();
    var index = state.slides.findIndex(function (slide) {
      return slide.number === current.number && slide.part >= Math.floor(current.part * slide.parts / current.parts);
    });
    go(index < 0 ? 0 : index);
  }

  /* A revealed answer needs more room: the right options are marked (so the answer line can go),
     the slide shrinks down to the floor, and below it the wrong options make way. */
  function shrinkToFit() {
    var stage = state.stage;
    var slide = state.slides[state.index];
    var font = slide.font;
    stage.classList.remove("present__slide--compact");
    stage.style.fontSize = font + "px";
    while (overflows() && font > Math.min(state.size.floor, slide.font)) stage.style.fontSize = (--font) + "px";
    if (!overflows() || !stage.querySelector(".quiz-q__option--correct")) return;
    stage.classList.add("present__slide--compact");
    font = slide.font;
    stage.style.fontSize = font + "px";
    while (overflows() && font > LOWEST_PX) stage.style.fontSize = (--font) + "px";
  }

  /* ---- showing a slide ---- */

  function slideTitle(slide) {
    if (!slide) return text.last;
    var unit = slide.unit;
    var title = unit.kind === "quiz" ? unit.label : unit.title;
    return (unit.kind === "title" && unit.kicker ? unit.kicker + " " : "") + title + (slide.continued ? text.cont : "");
  }

  function notesFor(slide) {
    var box = element("div", "");
    slide.unit.notes.forEach(function (note) {
      var copy = note.cloneNode(true);
      copy.className = "present__note";
      copy.removeAttribute("data-search-exclude");
      box.appendChild(copy);
    });
    if (slide.unit.summary) {
      box.appendChild(element("p", "present__full-label", text.fullText));
      var full = element("div", "present__full");
      fill(full, slide.unit.body.map(function (el) { return { el: el, chain: [] }; }));
      box.appendChild(full);
    }
    if (!box.children.length) box.appendChild(element("p", "present__notes-empty", text.noNotes));
    tidy(box, -1);
    return box;
  }

  function render() {
    var slide = state.slides[state.index];
    hideTip();
    renderSlide(slide.unit, slide.atoms, slide.continued, slide.font, state.index);
    state.counter.textContent = (state.index + 1) + " / " + state.slides.length;
    state.notes.textContent = "";
    state.notes.appendChild(element("p", "present__notes-title", text.notes));
    state.notes.appendChild(notesFor(slide));
    state.root.setAttribute("aria-label", text.slide + " " + (state.index + 1) + " / " + state.slides.length);
    tell();
  }

  function go(index) {
    state.index = Math.max(0, Math.min(state.slides.length - 1, index));
    render();
  }

  function clockText(date) {
    return ("0" + date.getHours()).slice(-2) + ":" + ("0" + date.getMinutes()).slice(-2);
  }

  function tick() { state.clock.textContent = clockText(new Date()); }

  function markAnswers() {
    each(state.stage.querySelectorAll("fieldset[data-correct]"), function (question) {
      var right = question.getAttribute("data-correct").split(",");
      each(question.querySelectorAll(".quiz-q__option"), function (option, position) {
        if (right.indexOf(String(position + 1)) >= 0) option.classList.add("quiz-q__option--correct");
      });
    });
  }

  function reveal() {
    each(state.stage.querySelectorAll("details"), function (el) { el.open = true; });
    markAnswers();
    shrinkToFit();
  }

  /* ---- glossary tooltips on slides ---- */

  function showTip(term) {
    var tip = state.tip;
    tip.textContent = "";
    tip.appendChild(element("strong", "", term.textContent));
    tip.appendChild(document.createTextNode(text.colon + term.getAttribute("data-gloss")));
    tip.style.fontSize = Math.max(16, Math.round(state.size.floor * 0.85)) + "px";
    tip.hidden = false;
    var box = term.getBoundingClientRect();
    var room = state.root.getBoundingClientRect();
    var left = Math.min(Math.max(8, box.left - room.left), room.width - tip.offsetWidth - 8);
    var top = box.bottom - room.top + 8;
    if (top + tip.offsetHeight > state.stage.getBoundingClientRect().bottom - room.top) {
      top = Math.max(8, box.top - room.top - tip.offsetHeight - 8);
    }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
    state.tipFor = term;
  }

  function hideTip() {
    if (state && state.tip) { state.tip.hidden = true; state.tipFor = null; }
  }

  function onTipEvent(event) {
    var term = event.target.closest ? event.target.closest("abbr[data-gloss]") : null;
    if (event.type === "click") {
      if (term && state.tipFor !== term) showTip(term); else hideTip();
    } else if (event.type === "mouseover" || event.type === "focusin") {
      if (term) showTip(term);
    } else if (term && (event.type === "mouseout" || event.type === "focusout")) {
      hideTip();
    }
  }

  /* ---- the presenter window, seen from the projection ---- */

  function trusted(event) {
    if (location.protocol === "file:") return event.origin === "null" || event.origin === "file://";
    return event.origin === location.origin;
  }

  function send(target, message) {
    if (!target || target.closed) return;
    message.channel = CHANNEL;
    try { target.postMessage(message, location.protocol === "file:" ? "*" : location.origin); } catch (e) { /* gone */ }
  }

  function snapshot() {
    var slide = state.slides[state.index];
    var notes = notesFor(slide);
    var plan = state.plan ? state.plan.cloneNode(true) : null;
    if (plan) tidy(plan, -1);
    return { type: "state", index: state.index, count: state.slides.length, title: slideTitle(slide),
             next: slideTitle(state.slides[state.index + 1]), notes: notes.innerHTML,
             plan: plan ? plan.innerHTML : "", startedAt: state.startedAt, notesShown: state.root.classList.contains("present--notes") };
  }

  function tell() { if (state.peer) send(state.peer, snapshot()); }

  function openPresenter() {
    var url = location.href.split("#")[0] + PRESENTER_HASH;
    var opened = window.open(url, "cppcc-presenter", "popup,width=1100,height=760");
    if (opened) {
      state.peer = opened;
      tell();
    } else {
      state.notes.textContent = text.blocked;
      state.root.classList.add("present--notes");
    }
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || data.channel !== CHANNEL || !trusted(event) || isPresenter) return;
    if (data.type === "hello") {
      if (!state) { send(event.source, { type: "idle" }); return; }
      state.peer = event.source;
      tell();
    } else if (!state) {
      if (data.type === "start") start({ quiet: true });
    } else if (data.type === "go") {
      go(data.index);
    } else if (data.type === "step") {
      go(state.index + data.by);
    } else if (data.type === "reset") {
      state.startedAt = Date.now();
      tell();
    } else if (data.type === "notes") {
      toggleNotes();
    }
  }

  /* ---- the projection ---- */

  function toggleNotes() {
    state.root.classList.toggle("present--notes");
    tell();
  }

  function stop() {
    if (!state) return;
    var anchor = state.slides[state.index].unit.anchor;
    document.removeEventListener("keydown", onKey, true);
    window.clearInterval(state.timer);
    if (state.observer) state.observer.disconnect();
    send(state.peer, { type: "ended" });
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
    state.root.remove();
    document.documentElement.classList.remove("presenting");
    state = null;
    if (anchor && anchor.scrollIntoView) anchor.scrollIntoView({ block: "start" });
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var key = event.key;
    var handled = true;
    if (key === "ArrowRight" || key === "ArrowDown" || key === "PageDown" || (key === " " && !event.shiftKey)) {
      go(state.index + 1);
    } else if (key === "ArrowLeft" || key === "ArrowUp" || key === "PageUp" || (key === " " && event.shiftKey)) {
      go(state.index - 1);
    } else if (key === "Home") {
      go(0);
    } else if (key === "End") {
      go(state.slides.length - 1);
    } else if (key === "Escape") {
      stop();
    } else if (key === "n" || key === "N") {
      toggleNotes();
    } else if (key === "p" || key === "P") {
      openPresenter();
    } else if (key === "a" || key === "A") {
      reveal();
    } else {
      handled = false;
    }
    if (handled) event.preventDefault();
    event.stopPropagation();  // the page's own shortcuts (search, next page) stay off while presenting
  }

  function onSwipe(root) {
    var from = null;
    root.addEventListener("touchstart", function (event) {
      var touch = event.touches.length === 1 ? event.touches[0] : null;
      from = touch ? [touch.clientX, touch.clientY] : null;
    }, { passive: true });
    root.addEventListener("touchend", function (event) {
      var touch = event.changedTouches[0];
      if (!from || !touch || !state) return;
      var dx = touch.clientX - from[0];
      var dy = touch.clientY - from[1];
      from = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) go(state.index + (dx < 0 ? 1 : -1));
    }, { passive: true });
  }

  function start(options) {
    if (state) return;
    var article = document.querySelector(".md-content article");
    if (!article) return;
    var read = readUnits(article);
    var root = element("div", "present");
    root.setAttribute("role", "dialog");
    root.setAttribute("aria-modal", "true");
    root.tabIndex = -1;
    var stage = element("div", "present__slide md-typeset");
    var notes = element("aside", "present__notes md-typeset");
    var bar = element("div", "present__bar");
    var counter = element("span", "present__counter");
    var clock = element("span", "present__clock");
    var tip = element("div", "present__tip");
    tip.hidden = true;
    tip.setAttribute("role", "tooltip");
    bar.appendChild(button("present__prev", text.prev, "", function () { go(state.index - 1); }));
    bar.appendChild(counter);
    bar.appendChild(button("present__next", text.next, "", function () { go(state.index + 1); }));
    bar.appendChild(clock);
    bar.appendChild(button("present__toggle-notes", text.toggleNotes, text.toggleNotesHint, toggleNotes));
    bar.appendChild(button("present__presenter", text.presenter, text.presenterHint, openPresenter));
    bar.appendChild(button("present__close", text.close, text.closeHint, stop));
    root.appendChild(stage);
    root.appendChild(notes);
    root.appendChild(bar);
    root.appendChild(tip);
    document.body.appendChild(root);
    document.documentElement.classList.add("presenting");
    state = { units: read.units, plan: read.plan, index: 0, root: root, stage: stage, notes: notes, counter: counter,
              clock: clock, tip: tip, peer: null, startedAt: Date.now(), timer: window.setInterval(tick, 10000) };
    ["mouseover", "mouseout", "focusin", "focusout", "click"].forEach(function (type) {
      stage.addEventListener(type, onTipEvent);
    });
    stage.addEventListener("toggle", function (event) {  // A, or a click on "show answer"
      if (!event.target.open) return;
      markAnswers();
      shrinkToFit();
    }, true);
    onSwipe(root);
    document.addEventListener("keydown", onKey, true);
    tick();
    build();
    go(0);
    if ("ResizeObserver" in window) {
      state.observer = new ResizeObserver(function () {
        if (state && !state.pending) { state.pending = true; window.requestAnimationFrame(refit); }
      });
      state.observer.observe(stage);
    }
    if (!(options && options.quiet) && root.requestFullscreen) {
      root.requestFullscreen().catch(function () { /* windowed is fine too */ });
    }
    root.focus();
  }

  /* ---- the presenter window itself ---- */

  var isPresenter = false;

  function formatElapsed(ms) {
    var seconds = Math.max(0, Math.floor(ms / 1000));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor(seconds / 60) % 60;
    var s = seconds % 60;
    return (h ? h + ":" + ("0" + m).slice(-2) : String(m)) + ":" + ("0" + s).slice(-2);
  }

  function presenter() {
    if (isPresenter) return;
    isPresenter = true;
    var view = { last: null, heard: 0, startedAt: null, count: 0, index: 0 };
    var root = element("div", "presenter");
    var top = element("div", "presenter__top");
    var counter = element("span", "presenter__counter", "–");
    var elapsed = element("span", "presenter__elapsed", "0:00");
    var clock = element("span", "presenter__clock");
    function ask(message) { send(window.opener, message); }
    function labelled(label, value) {
      var box = element("span", "");
      box.appendChild(element("span", "presenter__label", label));
      box.appendChild(value);
      return box;
    }
    top.appendChild(counter);
    top.appendChild(labelled(text.elapsed, elapsed));
    top.appendChild(labelled(text.clock, clock));
    top.appendChild(button("presenter__prev", text.prev, "", function () { ask({ type: "step", by: -1 }); }));
    top.appendChild(button("presenter__next", text.next, "", function () { ask({ type: "step", by: 1 }); }));
    top.appendChild(button("presenter__reset", text.reset, "", function () { ask({ type: "reset" }); }));
    top.appendChild(button("presenter__toggle-notes", text.toggleNotes, text.toggleNotesHint, function () {
      ask({ type: "notes" });
    }));
    var status = element("p", "presenter__status", window.opener ? text.waiting : text.orphan);
    status.setAttribute("role", "status");
    var title = element("h1", "presenter__title");
    var notes = element("div", "presenter__notes md-typeset");
    var next = element("p", "presenter__upcoming");
    next.appendChild(element("span", "presenter__upcoming-label", text.nextLabel));
    var nextTitle = element("span", "presenter__upcoming-title");
    next.appendChild(nextTitle);
    var plan = element("details", "presenter__plan");
    plan.appendChild(element("summary", "", text.plan));
    var planBody = element("div", "md-typeset");
    plan.appendChild(planBody);
    [top, status, title, notes, next, plan].forEach(function (part) { root.appendChild(part); });
    document.body.appendChild(root);
    document.documentElement.classList.add("presenting");
    document.title = text.presenterTitle + " · " + document.title;

    function show(data) {
      view.heard = Date.now();
      if (data.type === "idle" || data.type === "ended") {
        status.textContent = data.type === "idle" ? text.idle : text.ended;
        status.hidden = false;
        return;
      }
      if (data.type !== "state") return;
      status.hidden = true;
      view.startedAt = data.startedAt;
      view.count = data.count;
      view.index = data.index;
      counter.textContent = (data.index + 1) + " / " + data.count;
      title.textContent = data.title;
      notes.innerHTML = data.notes;  // the lecture page's own notes, from the window that opened this one
      nextTitle.textContent = data.next;
      if (planBody.innerHTML !== data.plan) planBody.innerHTML = data.plan;
      root.classList.toggle("presenter--projecting-notes", !!data.notesShown);
      notes.scrollTop = 0;
      update();
    }

    function update() {
      var now = new Date();
      clock.textContent = clockText(now);
      elapsed.textContent = view.startedAt ? formatElapsed(now.getTime() - view.startedAt) : "0:00";
      if (window.opener && view.heard && Date.now() - view.heard > 5000) {
        status.textContent = text.lost;
        status.hidden = false;
      }
    }

    window.addEventListener("message", function (event) {
      var data = event.data;
      if (!data || data.channel !== CHANNEL || event.source !== window.opener || !trusted(event)) return;
      show(data);
    });
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var key = event.key;
      var message = null;
      if (key === "ArrowRight" || key === "ArrowDown" || key === "PageDown" || (key === " " && !event.shiftKey)) {
        message = { type: "step", by: 1 };
      } else if (key === "ArrowLeft" || key === "ArrowUp" || key === "PageUp" || (key === " " && event.shiftKey)) {
        message = { type: "step", by: -1 };
      } else if (key === "Home") {
        message = { type: "go", index: 0 };
      } else if (key === "End") {
        message = { type: "go", index: Math.max(0, view.count - 1) };
      } else if (key === "n" || key === "N") {
        message = { type: "notes" };
      }
      if (message) {
        event.preventDefault();
        ask(message);
      }
      event.stopPropagation();  // the page's own shortcuts (n, p: next and previous page) would leave this view
    }, true);
    function hello() { ask({ type: "hello" }); }
    hello();
    window.setInterval(hello, 1500);  // also finds the projection again after it was reloaded
    window.setInterval(update, 1000);
    update();
  }

  window.addEventListener("message", onMessage);
  window.CourseSlides = {
    start: start,
    stop: stop,
    presenter: presenter,
    count: function () { return state ? state.slides.length : 0; },
    index: function () { return state ? state.index : -1; }
  };
})();
