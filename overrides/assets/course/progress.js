/* Learning progress on this device: which lecture was opened last and where (to continue), and per
   lecture not started / in progress / done (its self-test fully checked, with the score), shown on
   the home page ("continue" and an overall line), in the outline and in the menu.
   Reads window.CourseMap (course-map.js, written at build time) and the quiz records through
   window.CourseQuiz (quiz.js); writes only its own reading record. Nothing leaves the browser. */
(function () {
  "use strict";

  /* Each county edition keeps its own record (its prefix is in <meta name="course-storage-prefix">). */
  var PREFIX = (function () {
    var meta = document.querySelector('meta[name="course-storage-prefix"]');
    return (meta && meta.getAttribute("content")) || "cppcc-course:";
  })();
  var KEY = PREFIX + "reading";
  var SCHEMA = 1; /* {v: 1, last: lecture id, lectures: {id: {at, section, title, lang}}} */
  var TEXT = {
    zh: {
      continue: "继续学习",
      lastRead: "上次读到：",
      overall: function (done, active, total) {
        return "学习进度：共 " + total + " 讲，已完成 " + done + " 讲，正在学习 " + active + " 讲。";
      },
      notStarted: "未开始",
      inProgress: "学习中",
      checked: function (checked, total) { return "学习中 · 自测已核对 " + checked + "/" + total + " 题"; },
      done: function (right, total) { return "已完成 · 自测答对 " + right + "/" + total + " 题"; }
    },
    en: {
      continue: "Continue",
      lastRead: "Last read: ",
      overall: function (done, active, total) {
        return "Your progress: " + done + " of " + total + " lectures done, " + active + " in progress.";
      },
      notStarted: "Not started",
      inProgress: "In progress",
      checked: function (checked, total) { return "In progress · self-test " + checked + "/" + total + " checked"; },
      done: function (right, total) { return "Done · self-test " + right + "/" + total + " correct"; }
    }
  };
  var here = document.currentScript ? document.currentScript.src : "";
  var lang = (document.documentElement.lang || "zh").slice(0, 2);
  var text = TEXT[lang] || TEXT.zh;

  function storage() {
    try {
      var store = window.localStorage;
      store.getItem(KEY);
      return store;
    } catch (e) {
      return null;
    }
  }

  function isRecord(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  function readRecord(store) {
    var record = { v: SCHEMA, last: null, lectures: {} };
    var data = null;
    try { data = store ? JSON.parse(store.getItem(KEY)) : null; } catch (e) { data = null; }
    if (!isRecord(data) || data.v !== SCHEMA) return record;
    if (isRecord(data.lectures)) {
      Object.keys(data.lectures).forEach(function (id) {
        if (isRecord(data.lectures[id])) record.lectures[id] = data.lectures[id];
      });
    }
    if (typeof data.last === "string" && record.lectures[data.last]) record.last = data.last;
    return record;
  }

  function writeRecord(store, record) {
    if (!store) return;
    try { store.setItem(KEY, JSON.stringify(record)); } catch (e) { /* full or blocked: shown as not kept */ }
  }

  /* Site root, from this script's own address (assets/course/progress.js): works online and from disk. */
  function siteRoot() {
    return here ? new URL("../../", here) : new URL("./", window.location.href);
  }

  function normal(url) {
    var u = new URL(url, window.location.href);
    return (u.origin === "null" ? u.protocol : u.origin) + u.pathname.replace(/index\.html$/, "");
  }

  function lectureUrl(lecture) {
    var path = lecture.url[lang] || lecture.url.zh;
    return path === undefined ? null : new URL(path, siteRoot()).href;
  }

  function statusOf(lecture, record) {
    var quiz = lecture.quiz && lecture.qids.length && window.CourseQuiz
      ? window.CourseQuiz.status(lecture.quiz, lecture.qids) : null;
    if (quiz && quiz.status === "done") {
      return { status: "done", label: text.done(quiz.right, quiz.total), score: quiz.right + "/" + quiz.total };
    }
    if (quiz && quiz.checked) return { status: "in-progress", label: text.checked(quiz.checked, quiz.total) };
    if (record.lectures[lecture.id] || (quiz && quiz.answered)) return { status: "in-progress", label: text.inProgress };
    return { status: "not-started", label: text.notStarted };
  }

  function span(className, words) {
    var el = document.createElement("span");
    if (className) el.className = className;
    if (words) el.textContent = words;
    return el;
  }

  /* In the outline the status in words; in the menu a mark (and the score once done), with the
     words for screen readers. */
  function badge(parent, className, found, compact) {
    var mark = parent.querySelector("." + className);
    if (!mark) {
      mark = span();
      parent.appendChild(mark);
    }
    mark.className = className + " " + className + "--" + found.status;
    mark.setAttribute("data-status", found.status);
    mark.textContent = "";
    if (!compact) {
      mark.appendChild(span("", found.label));
      return;
    }
    mark.title = found.label;
    var icon = span(className + "__icon");
    icon.setAttribute("aria-hidden", "true");
    mark.appendChild(icon);
    if (found.score) {
      var score = span(className + "__score", found.score);
      score.setAttribute("aria-hidden", "true");
      mark.appendChild(score);
    }
    mark.appendChild(span("course-sr-only", found.label));
  }

  function showContinue(block, lectures, record, statuses) {
    var last = record.last && lectures.filter(function (l) { return l.id === record.last; })[0];
    var link = block.querySelector(".course-continue__link");
    if (last && link && lectureUrl(last)) {
      var place = record.lectures[last.id] || {};
      link.href = lectureUrl(last) + (place.section ? "#" + place.section : "");
      link.setAttribute("data-lecture", last.id);
      link.querySelector(".course-continue__verb").textContent = text.continue;
      link.querySelector(".course-continue__title").textContent = last.title[lang] || last.title.zh;
      var where = block.querySelector(".course-continue__where");
      if (place.title && place.lang === lang) {
        if (!where) {
          where = document.createElement("span");
          where.className = "course-continue__where";
          link.appendChild(where);
        }
        where.textContent = text.lastRead + place.title;
      } else if (where) {
        where.remove();
      }
    }
    var done = 0, active = 0;
    statuses.forEach(function (s) {
      if (s.status === "done") done += 1;
      else if (s.status === "in-progress") active += 1;
    });
    var line = block.querySelector(".course-continue__overall");
    if (!done && !active) {
      if (line) line.remove();
      return;
    }
    if (!line) {
      line = document.createElement("div");
      line.className = "course-continue__overall";
      var words = document.createElement("p");
      words.id = "course-overall-text";
      var bar = document.createElement("progress");
      bar.setAttribute("aria-labelledby", words.id);
      line.appendChild(words);
      line.appendChild(bar);
      block.insertBefore(line, block.querySelector(".course-continue__hint"));
    }
    line.querySelector("p").textContent = text.overall(done, active, statuses.length);
    var progress = line.querySelector("progress");
    progress.max = statuses.length;
    progress.value = done;
  }

  function render(lectures, record) {
    var statuses = lectures.map(function (lecture) { return statusOf(lecture, record); });
    var byUrl = {};
    lectures.forEach(function (lecture, index) {
      var url = lectureUrl(lecture);
      if (url) byUrl[normal(url)] = statuses[index];
      Array.prototype.forEach.call(document.querySelectorAll(".course-outline > li[data-lecture='" + lecture.id + "']"),
        function (item) { badge(item, "course-status", statuses[index], false); });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".md-nav--primary a.md-nav__link[href]"), function (link) {
      var found = byUrl[normal(link.href)];
      if (found) badge(link, "course-mark", found, true);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".course-continue"), function (block) {
      showContinue(block, lectures, record, statuses);
    });
  }

  function init() {
    var map = window.CourseMap;
    if (!map || !Array.isArray(map.lectures)) return;
    var lectures = map.lectures;
    var store = storage();
    var record = readRecord(store);
    var self = normal(window.location.href);
    var current = lectures.filter(function (l) { return lectureUrl(l) && normal(lectureUrl(l)) === self; })[0];
    if (current) {
      var place = record.lectures[current.id] || {};
      place.at = Date.now();
      record.lectures[current.id] = place;
      record.last = current.id;
      writeRecord(store, record);
      var keep = function (id, title) {
        var fresh = readRecord(store);  /* another tab may have written meanwhile */
        fresh.lectures[current.id] = { at: Date.now(), section: id, title: title, lang: lang };
        fresh.last = current.id;
        writeRecord(store, fresh);
      };
      document.addEventListener("course:section", function (event) { keep(event.detail.id, event.detail.title); });
      var opened = window.CourseReader ? window.CourseReader.section() : null;  /* e.g. opened at #case */
      if (opened) keep(opened.id, window.CourseReader.title(opened));
    }
    render(lectures, readRecord(store));
    /* Answers checked on this page, or progress made in another tab. */
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".quiz")) {
        window.setTimeout(function () { render(lectures, readRecord(store)); }, 0);
      }
    });
    window.addEventListener("storage", function () { render(lectures, readRecord(store)); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
