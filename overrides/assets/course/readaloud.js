/* Read aloud (朗读) on lecture pages, with the browser's own speech synthesis: from the section at
   the top of the screen (or from the title), paragraph by paragraph, with pause, resume and stop.
   The controls appear only where the browser has a voice for the page's language (many have no
   Chinese voice; headless browsers have none). Nothing is sent anywhere by this page. */
(function () {
  "use strict";

  var TEXT = {
    zh: { read: "朗读", readHint: "从当前小节开始朗读本讲（浏览器自带的语音）", pause: "暂停", resume: "继续",
          stop: "停止", group: "朗读本讲" },
    en: { read: "Read aloud", readHint: "Read this lecture aloud from the current section (the browser's own voice)",
          pause: "Pause", resume: "Resume", stop: "Stop", group: "Read this lecture aloud" }
  };
  var BLOCKS = "h1, h2, h3, h4, p, li, th, td, dt, dd, figcaption";
  var SKIP = ".quiz, .trainer-notes, .md-source-file, .gloss-tip, .course-wide__hint, .headerlink, nav, script";
  var END = "sources";  /* a lecture is read up to its list of sources (the self-test follows it) */
  var MAX = 180;  /* characters per utterance: long utterances stop early in some browsers */

  var synth = window.speechSynthesis;
  var box = document.querySelector(".course-speech");
  if (!synth || !window.SpeechSynthesisUtterance || !box) return;
  var lang = (document.documentElement.lang || "zh").slice(0, 2);
  var text = TEXT[lang] || TEXT.zh;
  var state = { mode: "idle", queue: [], index: 0, token: 0, node: null };
  var controls = null;

  function voice() {
    var voices = synth.getVoices() || [];
    return voices.filter(function (v) {
      return (v.lang || "").toLowerCase().replace("_", "-").indexOf(lang) === 0;
    })[0] || null;
  }

  function skipped(el) {
    return !!el.closest(SKIP) || !el.getClientRects().length;
  }

  function clean(el) {
    var copy = el.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink, .gloss-tip"), function (x) { x.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function sentences(words) {
    var parts = [];
    var rest = words;
    while (rest.length > MAX) {
      var cut = -1;
      var stops = /[。！？；.!?;]/g;
      var match;
      while ((match = stops.exec(rest)) && match.index < MAX) cut = match.index + 1;
      if (cut <= 0) cut = MAX;
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut).trim();
    }
    if (rest) parts.push(rest);
    return parts;
  }

  /* [{node, words}] from `start` (an h2, or null for the top) to the sources. */
  function collect(start) {
    var article = document.querySelector(".md-content article");
    var items = [];
    if (!article) return items;
    var stop = article.querySelector("h2#" + END);
    Array.prototype.some.call(article.querySelectorAll(BLOCKS), function (el) {
      if (stop && (el === stop || (stop.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING))) return true;
      if (start && el !== start && !(start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) return false;
      if (skipped(el) || (el.parentNode.closest && el.parentNode.closest(BLOCKS))) return false;
      var words = clean(el);
      if (words) sentences(words).forEach(function (part) { items.push({ node: el, words: part }); });
      return false;
    });
    return items;
  }

  function mark(node) {
    if (state.node === node) return;
    if (state.node) state.node.classList.remove("course-speaking");
    state.node = node;
    if (!node) return;
    node.classList.add("course-speaking");
    var box = node.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) node.scrollIntoView({ block: "center" });
  }

  function next(token) {
    if (token !== state.token || state.mode === "idle") return;
    if (state.index >= state.queue.length) return stop();
    var item = state.queue[state.index];
    var utterance = new window.SpeechSynthesisUtterance(item.words);
    var chosen = voice();
    if (chosen) {
      utterance.voice = chosen;
      utterance.lang = chosen.lang;
    }
    utterance.onend = function () { state.index += 1; next(token); };
    utterance.onerror = function () { state.index += 1; next(token); };
    mark(item.node);
    synth.speak(utterance);
  }

  function render() {
    controls.main.textContent = state.mode === "playing" ? text.pause : state.mode === "paused" ? text.resume : text.read;
    controls.main.title = state.mode === "idle" ? text.readHint : "";
    controls.main.setAttribute("aria-pressed", state.mode === "playing" ? "true" : "false");
    controls.stop.hidden = state.mode === "idle";
    box.setAttribute("data-mode", state.mode);
  }

  function play() {
    synth.cancel();
    state.token += 1;
    state.queue = collect(window.CourseReader ? window.CourseReader.section() : null);
    state.index = 0;
    state.mode = "playing";
    render();
    next(state.token);
  }

  function stop() {
    state.token += 1;
    state.mode = "idle";
    synth.cancel();
    mark(null);
    render();
  }

  function toggle() {
    if (state.mode === "idle") return play();
    if (state.mode === "playing") {
      synth.pause();
      state.mode = "paused";
    } else {
      synth.resume();
      state.mode = "playing";
    }
    render();
  }

  function button(className, onClick) {
    var el = document.createElement("button");
    el.type = "button";
    el.className = className;
    el.addEventListener("click", onClick);
    return el;
  }

  /* Shown only while the browser offers a voice for this language (the list can arrive late). */
  function setup() {
    if (!voice()) {
      if (controls && state.mode !== "idle") stop();
      box.hidden = true;
      return;
    }
    if (!controls) {
      controls = { main: button("course-speech__main", toggle), stop: button("course-speech__stop", stop) };
      controls.stop.textContent = text.stop;
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", text.group);
      box.appendChild(controls.main);
      box.appendChild(controls.stop);
      render();
    }
    box.hidden = false;
  }

  setup();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", setup);
  else synth.onvoiceschanged = setup;
  window.addEventListener("pagehide", function () { if (state.mode !== "idle") synth.cancel(); });
})();
