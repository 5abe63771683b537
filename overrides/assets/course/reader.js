/* Reading aids on every page: where the reader is (the section shown in the reading bar, told to
   progress.js and used by the read-aloud), the language switch that keeps that place, closing the
   phone table of contents after a choice, and a visible hint on tables wider than the screen.
   Sections of lectures have the same anchors in Chinese and English, so the place survives the
   switch. No dependencies; everything degrades to the plain page. */
(function () {
  "use strict";

  var TEXT = {
    zh: { wide: "表格较宽，可左右滑动查看全部内容 →" },
    en: { wide: "This table is wider than the screen: swipe sideways to see all of it →" }
  };
  /* Places that exist under the same id in both languages: lecture sections, quiz questions,
     glossary entries and FAQ questions. */
  var PLACES = "article h2[id], article fieldset.quiz-q[id], article h3[id^='term-'], article h3[id^='q-']";
  var state = { section: null, place: null };

  function text() {
    return TEXT[(document.documentElement.lang || "zh").slice(0, 2)] || TEXT.zh;
  }

  /* Where the reading line is: just below the sticky header and the reading bar. */
  function readingLine() {
    var line = 0;
    var header = document.querySelector(".md-header");
    if (header) line = Math.max(line, header.getBoundingClientRect().bottom);
    var bar = document.querySelector(".course-bar--toc");
    if (bar && getComputedStyle(bar).position === "sticky") line = Math.max(line, bar.getBoundingClientRect().bottom);
    return line + 48;
  }

  function lastAbove(selector, line) {
    var found = null;
    var nodes = document.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i += 1) {
      var box = nodes[i].getBoundingClientRect();
      if (!box.height) continue;  /* not shown (e.g. trainer notes) */
      if (box.top <= line) found = nodes[i];
      else break;
    }
    return found;
  }

  function headingText(heading) {
    var copy = heading.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (el) { el.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function alternateLinks() {
    return document.querySelectorAll("a.md-select__link[hreflang]");
  }

  /* The other language's page at the same place. */
  function keepPlace() {
    var id = state.place ? state.place.id : "";
    Array.prototype.forEach.call(alternateLinks(), function (link) {
      var href = link.getAttribute("href").split("#")[0];
      link.setAttribute("href", id ? href + "#" + id : href);
    });
  }

  function locate() {
    var line = readingLine();
    var section = lastAbove("article h2[id]", line);
    state.place = lastAbove(PLACES, line);
    keepPlace();
    if (section === state.section) return;
    state.section = section;
    var current = document.querySelector(".course-toc__current");
    if (current) current.textContent = section ? headingText(section) : "";
    document.dispatchEvent(new CustomEvent("course:section", {
      detail: { id: section ? section.id : "", title: section ? headingText(section) : "" }
    }));
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; locate(); });
  }

  /* Tables wider than their column scroll sideways (the theme's wrapper); say so, and shade the
     edge that has more, until the reader reaches it. */
  function markWideTables() {
    Array.prototype.forEach.call(document.querySelectorAll("article .md-typeset__scrollwrap"), function (wrap) {
      var box = wrap.parentNode.classList.contains("course-wide__box") ? wrap.parentNode : null;
      var frame = box ? box.parentNode : null;
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      if (wide && !frame) {
        frame = document.createElement("div");
        frame.className = "course-wide";
        var hint = document.createElement("p");
        hint.className = "course-wide__hint";
        hint.setAttribute("aria-hidden", "true");
        hint.textContent = text().wide;
        box = document.createElement("div");
        box.className = "course-wide__box";
        wrap.parentNode.insertBefore(frame, wrap);
        frame.appendChild(hint);
        frame.appendChild(box);
        box.appendChild(wrap);
        wrap.addEventListener("scroll", function () { shade(frame, wrap); }, { passive: true });
      }
      if (frame) {
        frame.classList.toggle("course-wide--on", wide);
        shade(frame, wrap);
      }
    });
  }

  function shade(frame, wrap) {
    frame.classList.toggle("course-wide--more", wrap.scrollLeft + wrap.clientWidth < wrap.scrollWidth - 1);
  }

  function init() {
    var toc = document.querySelector(".course-toc");
    if (toc) {
      toc.addEventListener("click", function (event) {
        if (event.target.closest("a")) toc.open = false;
      });
      document.addEventListener("pointerdown", function (event) {
        if (toc.open && !toc.contains(event.target)) toc.open = false;
      });
      toc.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toc.open) {
          toc.open = false;
          toc.querySelector("summary").focus();
        }
      });
    }
    Array.prototype.forEach.call(alternateLinks(), function (link) {
      link.addEventListener("click", locate);  /* the place at the moment of the switch */
    });
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", function () { schedule(); markWideTables(); });
    document.addEventListener("course:textsize", function () { schedule(); markWideTables(); });
    window.addEventListener("load", function () { locate(); markWideTables(); });
    locate();
    markWideTables();
  }

  window.CourseReader = {
    /* The section at the reading line (an h2 of the article), or null at the top of the page. */
    section: function () { locate(); return state.section; },
    title: headingText
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
