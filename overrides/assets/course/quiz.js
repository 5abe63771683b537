/* Self-test quizzes: check answers, keep them on this device, show progress.
   Saved under a stable quiz id (not the URL), so progress survives moving the
   offline copy. Anything unreadable in storage is ignored. No dependencies. */
(function () {
  "use strict";

  /* Each county edition keeps its progress under its own prefix, named by the page
     (<meta name="course-storage-prefix">, overrides/main.html); the national one is "cppcc-course:". */
  var PREFIX = storagePrefix() + "quiz:";
  var SCHEMA = 1; /* the shape of a saved quiz; data of another shape is left where it is */
  var TEXT = {
    zh: {
      right: "回答正确。",
      wrong: "回答错误。正确答案：",
      choose: "请先选择答案。",
      score: function (checked, right, total) {
        return "已核对 " + checked + " / " + total + " 题，答对 " + right + " 题。";
      },
      unsaved: "本机暂时无法保存作答记录（浏览器存储已满或被禁用）；本次作答照常核对，但关闭页面后不会保留。",
      notTaken: "尚未作答",
      inProgress: function (checked, total) { return "进行中：已核对 " + checked + " / " + total + " 题"; },
      done: function (right, total) { return "已完成：答对 " + right + " / " + total + " 题"; }
    },
    en: {
      right: "Correct.",
      wrong: "Not correct. The correct answer: ",
      choose: "Choose an answer first.",
      score: function (checked, right, total) {
        return checked + " of " + total + " questions checked, " + right + " correct.";
      },
      unsaved: "Your answers cannot be saved on this device just now (browser storage is full or blocked); " +
        "they are still checked, but will not be kept after you close the page.",
      notTaken: "Not started",
      inProgress: function (checked, total) { return "In progress: " + checked + " of " + total + " checked"; },
      done: function (right, total) { return "Done: " + right + " of " + total + " correct"; }
    }
  };

  function storagePrefix() {
    var meta = document.querySelector('meta[name="course-storage-prefix"]');
    return (meta && meta.getAttribute("content")) || "cppcc-course:";
  }

  function text() {
    var lang = (document.documentElement.lang || "zh").slice(0, 2);
    return TEXT[lang] || TEXT.zh;
  }

  /* Reading is enough to show saved progress; a failed write is reported where it happens. */
  function storage() {
    try {
      var store = window.localStorage;
      store.getItem(PREFIX + "probe");
      return store;
    } catch (e) {
      return null;
    }
  }

  function isPositions(value) {
    return Array.isArray(value) && value.every(function (n) {
      return typeof n === "number" && n % 1 === 0 && n > 0 && n < 20;
    });
  }

  function read(store, key) {
    try {
      return JSON.parse(store.getItem(key));
    } catch (e) {
      return null;
    }
  }

  function isRecord(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  /* Where this schema's state lives: the quiz's own key, unless another version of the course
     (another offline copy in the same browser) keeps data of another shape there. */
  function keyFor(store, id) {
    var data = store ? read(store, PREFIX + id) : null;
    return isRecord(data) && typeof data.v === "number" && data.v !== SCHEMA
      ? PREFIX + id + ":v" + SCHEMA : PREFIX + id;
  }

  /* A clean state; answers to questions this page does not have are kept (another copy may have
     them) but never counted. */
  function load(store, key) {
    var state = { v: SCHEMA, answers: {}, checked: {}, right: {} };
    var data = store ? read(store, key) : null;
    if (!isRecord(data) || data.v !== SCHEMA) return state;
    var own = Object.prototype.hasOwnProperty;
    if (isRecord(data.answers)) {
      Object.keys(data.answers).forEach(function (qid) {
        if (own.call(data.answers, qid) && isPositions(data.answers[qid])) state.answers[qid] = data.answers[qid];
      });
    }
    ["checked", "right"].forEach(function (name) {
      if (!isRecord(data[name])) return;
      Object.keys(data[name]).forEach(function (qid) {
        if (data[name][qid] === true && state.answers[qid]) state[name][qid] = true;
      });
    });
    return state;
  }

  /* True when saved; false when the browser refused (full or blocked storage). */
  function save(store, key, state) {
    if (!store) return false;
    try {
      store.setItem(key, JSON.stringify(state));
      return true;
    } catch (e) {
      return false;
    }
  }

  function correctOf(fieldset) {
    return fieldset.getAttribute("data-correct").split(",").map(Number);
  }

  function selected(fieldset) {
    return Array.prototype.filter.call(fieldset.querySelectorAll("input"), function (input) {
      return input.checked;
    }).map(function (input) { return Number(input.value); });
  }

  function same(a, b) {
    return a.length === b.length && a.slice().sort().join() === b.slice().sort().join();
  }

  function clearMarks(fieldset) {
    fieldset.classList.remove("quiz-q--right", "quiz-q--wrong");
    Array.prototype.forEach.call(fieldset.querySelectorAll(".quiz-q__option"), function (option) {
      option.classList.remove("quiz-q__option--correct", "quiz-q__option--wrong");
    });
    fieldset.querySelector(".quiz-q__feedback").textContent = "";
  }

  function showResult(fieldset, chosen) {
    var correct = correctOf(fieldset);
    var right = same(chosen, correct);
    clearMarks(fieldset);
    fieldset.classList.add(right ? "quiz-q--right" : "quiz-q--wrong");
    Array.prototype.forEach.call(fieldset.querySelectorAll(".quiz-q__option"), function (option) {
      var value = Number(option.querySelector("input").value);
      if (correct.indexOf(value) !== -1) option.classList.add("quiz-q__option--correct");
      else if (chosen.indexOf(value) !== -1) option.classList.add("quiz-q__option--wrong");
    });
    var answer = fieldset.querySelector(".quiz-q__correct span").textContent;
    fieldset.querySelector(".quiz-q__feedback").textContent = right ? text().right : text().wrong + answer;
    fieldset.querySelector(".quiz-q__answer").open = true;
    return right;
  }

  function setupQuiz(quiz, store) {
    var id = quiz.getAttribute("data-quiz-id");
    var questions = Array.prototype.slice.call(quiz.querySelectorAll(".quiz-q"));
    var total = questions.length;
    var key = keyFor(store, id);
    var state = load(store, key);
    var scoreEl = quiz.querySelector(".quiz__score");
    var resetBtn = quiz.querySelector(".quiz__reset");
    var notice = null;

    function keep() {
      var saved = save(store, key, state);
      if (!saved && !notice) {
        notice = document.createElement("p");
        notice.className = "quiz__unsaved";
        notice.setAttribute("role", "status");
        notice.textContent = text().unsaved;
        scoreEl.parentNode.insertBefore(notice, scoreEl.nextSibling);
      }
      if (saved && notice) {
        notice.parentNode.removeChild(notice);
        notice = null;
      }
    }

    function updateScore() {
      var checked = 0, right = 0, answered = 0;
      questions.forEach(function (fieldset) {
        var qid = fieldset.getAttribute("data-qid");
        if (state.answers[qid]) answered += 1;
        if (state.checked[qid]) {
          checked += 1;
          if (same(state.answers[qid], correctOf(fieldset))) {
            right += 1;
            state.right[qid] = true;
          } else {
            delete state.right[qid];
          }
        }
      });
      scoreEl.textContent = checked ? text().score(checked, right, total) : "";
      resetBtn.hidden = answered === 0;
    }

    questions.forEach(function (fieldset) {
      var qid = fieldset.getAttribute("data-qid");
      var button = fieldset.querySelector(".quiz-q__check");
      var saved = state.answers[qid] || [];
      Array.prototype.forEach.call(fieldset.querySelectorAll("input"), function (input) {
        input.checked = saved.indexOf(Number(input.value)) !== -1;
        input.addEventListener("change", function () {
          state.answers[qid] = selected(fieldset);
          delete state.checked[qid];
          delete state.right[qid];
          clearMarks(fieldset);
          updateScore();
          keep();
        });
      });
      if (state.checked[qid]) showResult(fieldset, saved);
      button.hidden = false;
      button.addEventListener("click", function () {
        var chosen = selected(fieldset);
        if (!chosen.length) {
          fieldset.querySelector(".quiz-q__feedback").textContent = text().choose;
          return;
        }
        state.answers[qid] = chosen;
        state.checked[qid] = true;
        showResult(fieldset, chosen);
        updateScore();
        keep();
      });
    });

    resetBtn.addEventListener("click", function () {
      questions.forEach(function (fieldset) {
        var qid = fieldset.getAttribute("data-qid");
        delete state.answers[qid];
        delete state.checked[qid];
        delete state.right[qid];
        Array.prototype.forEach.call(fieldset.querySelectorAll("input"), function (input) { input.checked = false; });
        clearMarks(fieldset);
        fieldset.querySelector(".quiz-q__answer").open = false;
      });
      updateScore();
      keep();
      var first = quiz.querySelector("input");
      if (first) first.focus();
    });
    updateScore();
  }

  /* Counts only this edition's questions (`qids`): answers kept for other ids are not progress here. */
  function quizStatus(store, id, qids) {
    var state = load(store, keyFor(store, id));
    var total = qids.length;
    var answered = 0, checked = 0, right = 0;
    qids.forEach(function (qid) {
      if (state.answers[qid]) answered += 1;
      if (state.checked[qid]) checked += 1;
      if (state.right[qid] && state.checked[qid]) right += 1;
    });
    var status = !answered ? "not-started" : checked === total ? "done" : "in-progress";
    return { status: status, answered: answered, checked: checked, right: right, total: total };
  }

  function setupProgress(row, store) {
    var qids = (row.getAttribute("data-qids") || "").split(" ").filter(Boolean);
    var found = quizStatus(store, row.getAttribute("data-quiz-id"), qids);
    row.querySelector(".quiz-progress__status").textContent = found.status === "not-started" ? text().notTaken
      : found.status === "done" ? text().done(found.right, found.total) : text().inProgress(found.checked, found.total);
    row.setAttribute("data-status", found.status);
  }

  /* Read-only access for the progress marks on the home page, outline and menu (progress.js). */
  window.CourseQuiz = {
    status: function (id, qids) { return quizStatus(storage(), id, qids); }
  };

  function init() {
    var store = storage();
    Array.prototype.forEach.call(document.querySelectorAll(".quiz[data-quiz-id]"), function (quiz) {
      setupQuiz(quiz, store);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".quiz-progress tr[data-quiz-id]"), function (row) {
      setupProgress(row, store);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
