/* Presentation mode, loaded on demand by trainer.js: the lecture page becomes full-screen slides,
   one per section and sub-section (a horizontal rule starts a new slide too), one per quiz
   question. Trainer notes are the speaker notes (N): a slide shows the notes written in its
   section, or else the lecture's notes. Arrows, PageUp/PageDown, Space, Home/End move;
   A reveals a quiz answer; Esc returns to the same place in the page. */
(function () {
  "use strict";

  var TEXT = {
    zh: { notes: "讲者备注", noNotes: "本页没有培训者提示。", prev: "上一页", next: "下一页", close: "退出演示",
          toggleNotes: "显示或隐藏讲者备注（N）", slide: "幻灯片" },
    en: { notes: "Speaker notes", noNotes: "No trainer notes for this slide.", prev: "Previous", next: "Next",
          close: "Leave presentation", toggleNotes: "Show or hide speaker notes (N)", slide: "Slide" }
  };
  var text = TEXT[(document.documentElement.lang || "zh").slice(0, 2)] || TEXT.zh;
  var state = null;

  function isHeading(node, level) {
    return node.nodeType === 1 && node.tagName === "H" + level;
  }

  /* Cut the article into slides: [{nodes: [...], notes: [...], anchor: Element}]. */
  function buildSlides(article) {
    var slides = [];
    var current = null;
    function open(anchor) {
      current = { nodes: [], notes: [], anchor: anchor };
      slides.push(current);
    }
    Array.prototype.forEach.call(article.children, function (node) {
      if (node.classList.contains("trainer-bar") || node.classList.contains("md-source-file") ||
          node.classList.contains("course-print-title")) return;
      if (isHeading(node, 1) || isHeading(node, 2) || isHeading(node, 3) || !current) open(node);
      if (node.tagName === "HR") { open(current.anchor); return; }
      if (node.classList.contains("trainer-notes")) { current.notes.push(node); return; }
      if (node.classList.contains("quiz")) {
        Array.prototype.forEach.call(node.children, function (part) {
          if (part.tagName === "FIELDSET") {
            open(part);
            current.nodes.push(part);
          } else if (part.classList.contains("quiz__intro")) {
            current.nodes.push(part);
          }
        });
        return;
      }
      current.nodes.push(node);
    });
    var all = [];
    slides.forEach(function (slide) { all = all.concat(slide.notes); });
    return slides.filter(function (slide) { return slide.nodes.length; }).map(function (slide) {
      return { nodes: slide.nodes, notes: slide.notes.length ? slide.notes : all, anchor: slide.anchor };
    });
  }

  function clone(node, index) {
    var copy = node.cloneNode(true);
    copy.removeAttribute("id");
    Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    Array.prototype.forEach.call(copy.querySelectorAll("input[name]"), function (input) {
      input.name = "present-" + index + "-" + input.name;
    });
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink, .quiz-q__check, .quiz-q__feedback"),
      function (el) { el.remove(); });
    Array.prototype.forEach.call(copy.querySelectorAll("details"), function (el) { el.open = false; });
    return copy;
  }

  function element(tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content) el.textContent = content;
    return el;
  }

  function button(className, label, onClick) {
    var el = element("button", className, label);
    el.type = "button";
    el.addEventListener("click", onClick);
    return el;
  }

  function render() {
    var slide = state.slides[state.index];
    state.stage.innerHTML = "";
    slide.nodes.forEach(function (node) { state.stage.appendChild(clone(node, state.index)); });
    state.stage.scrollTop = 0;
    state.counter.textContent = (state.index + 1) + " / " + state.slides.length;
    state.notes.innerHTML = "";
    state.notes.appendChild(element("p", "present__notes-title", text.notes));
    if (slide.notes.length) {
      slide.notes.forEach(function (note) {
        var copy = clone(note, state.index);
        copy.classList.remove("trainer-notes");
        state.notes.appendChild(copy);
      });
    } else {
      state.notes.appendChild(element("p", "present__notes-empty", text.noNotes));
    }
    state.root.setAttribute("aria-label", text.slide + " " + (state.index + 1) + " / " + state.slides.length);
  }

  function go(index) {
    state.index = Math.max(0, Math.min(state.slides.length - 1, index));
    render();
  }

  function tick() {
    var now = new Date();
    state.clock.textContent = ("0" + now.getHours()).slice(-2) + ":" + ("0" + now.getMinutes()).slice(-2);
  }

  function stop() {
    if (!state) return;
    var anchor = state.slides[state.index].anchor;
    document.removeEventListener("keydown", state.onKey, true);
    window.clearInterval(state.timer);
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
    state.root.remove();
    document.documentElement.classList.remove("presenting");
    state = null;
    if (anchor && anchor.scrollIntoView) anchor.scrollIntoView({ block: "start" });
  }

  function onKey(event) {
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
      state.root.classList.toggle("present--notes");
    } else if (key === "a" || key === "A") {
      Array.prototype.forEach.call(state.stage.querySelectorAll("details"), function (el) { el.open = true; });
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function start() {
    if (state) return;
    var article = document.querySelector(".md-content article");
    if (!article) return;
    var slides = buildSlides(article);
    var root = element("div", "present");
    root.setAttribute("role", "dialog");
    root.setAttribute("aria-modal", "true");
    root.tabIndex = -1;
    var stage = element("div", "present__slide md-typeset");
    var notes = element("aside", "present__notes md-typeset");
    var bar = element("div", "present__bar");
    var counter = element("span", "present__counter");
    var clock = element("span", "present__clock");
    bar.appendChild(button("present__prev", text.prev, function () { go(state.index - 1); }));
    bar.appendChild(counter);
    bar.appendChild(button("present__next", text.next, function () { go(state.index + 1); }));
    bar.appendChild(clock);
    bar.appendChild(button("present__toggle-notes", text.toggleNotes, function () {
      root.classList.toggle("present--notes");
    }));
    bar.appendChild(button("present__close", text.close, stop));
    root.appendChild(stage);
    root.appendChild(notes);
    root.appendChild(bar);
    document.body.appendChild(root);
    document.documentElement.classList.add("presenting");
    state = { slides: slides, index: 0, root: root, stage: stage, notes: notes, counter: counter, clock: clock,
              onKey: onKey, timer: window.setInterval(tick, 10000) };
    if (document.documentElement.classList.contains("trainer-view")) root.classList.add("present--notes");
    document.addEventListener("keydown", onKey, true);
    tick();
    go(0);
    if (root.requestFullscreen) root.requestFullscreen().catch(function () { /* windowed is fine too */ });
    root.focus();
  }

  window.CourseSlides = { start: start, stop: stop, count: function () { return state ? state.slides.length : 0; } };
})();
