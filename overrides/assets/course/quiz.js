/* Self-test quizzes: check answers, keep them on this device, show progress.
   Saved under a stable quiz id (not the URL), so progress survives moving the
   offline copy. Anything unreadable in storage is ignored. No dependencies. */
(function () {
  "use strict";

  var PREFIX = "cppcc-course:quiz:";
  var TEXT = {
    zh: {
      right: "回答正确。",
      wrong: "回答错误。正确答案：",
      choose: "请先选择答案。",
      score: function (checked, right, total) {
        return "已核对 " + checked + " / " + total + " 题，答对 " + right + " 题。";
      },
      notTaken: "尚未作答",
      taken: function (best, total) {
        return "已作答，最好成绩 " + best + " / " + total;
      }
    },
    en: {
      right: "Correct.",
      wrong: "Not correct. The correct answer: ",
      choose: "Choose an answer first.",
      score: function (checked, right, total) {
        return checked + " of " + total + " questions checked, " + right + " correct.";
      },
      notTaken: "Not taken yet",
      taken: function (best, total) {
        return "Taken, best score " + best + " / " + total;
      }
    }
  };

  function text() {
    var lang = (document.documentElement.lang || "zh").slice(0, 2);
    return TEXT[lang] || TEXT.zh;
  }

  function storage() {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function isPositions(value) {
    return Array.isArray(value) && value.every(function (n) {
      return typeof n === "number" && n % 1 === 0 && n > 0 && n < 20;
    });
  }

  /* Returns a clean state: unknown or malformed entries are dropped. */
  function load(store, id) {
    var empty = { v: 1, answers: {}, checked: {}, best: 0, attempts: 0 };
    if (!store) return empty;
    var data;
    try {
      data = JSON.parse(store.getItem(PREFIX + id));
    } catch (e) {
      return empty;
    }
    if (!data || typeof data !== "object" || data.v !== 1) return empty;
    var state = empty;
    if (data.answers && typeof data.answers === "object") {
      Object.keys(data.answers).forEach(function (qid) {
        if (isPositions(data.answers[qid])) state.answers[qid] = data.answers[qid];
      });
    }
    if (data.checked && typeof data.checked === "object") {
      Object.keys(data.checked).forEach(function (qid) {
        if (data.checked[qid] === true && state.answers[qid]) state.checked[qid] = true;
      });
    }
    if (typeof data.best === "number" && data.best >= 0) state.best = Math.floor(data.best);
    return state;
  }

  function save(store, id, state) {
    if (!store) return;
    try {
      store.setItem(PREFIX + id, JSON.stringify(state));
    } catch (e) { /* storage full or blocked: the quiz still works for this visit */ }
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
    var state = load(store, id);
    var scoreEl = quiz.querySelector(".quiz__score");
    var resetBtn = quiz.querySelector(".quiz__reset");

    function updateScore() {
      var checked = 0, right = 0;
      questions.forEach(function (fieldset) {
        var qid = fieldset.getAttribute("data-qid");
        if (state.checked[qid]) {
          checked += 1;
          if (same(state.answers[qid], correctOf(fieldset))) right += 1;
        }
      });
      if (right > state.best) state.best = right;
      scoreEl.textContent = checked ? text().score(checked, right, total) : "";
      resetBtn.hidden = checked === 0 && Object.keys(state.answers).length === 0;
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
          clearMarks(fieldset);
          save(store, id, state);
          updateScore();
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
        save(store, id, state);
      });
    });

    resetBtn.addEventListener("click", function () {
      state.answers = {};
      state.checked = {};
      questions.forEach(function (fieldset) {
        Array.prototype.forEach.call(fieldset.querySelectorAll("input"), function (input) { input.checked = false; });
        clearMarks(fieldset);
        fieldset.querySelector(".quiz-q__answer").open = false;
      });
      updateScore();
      save(store, id, state);
      var first = quiz.querySelector("input");
      if (first) first.focus();
    });
    updateScore();
  }

  function setupProgress(row, store) {
    var state = load(store, row.getAttribute("data-quiz-id"));
    var total = Number(row.getAttribute("data-total"));
    var checked = Object.keys(state.checked).length;
    row.querySelector(".quiz-progress__status").textContent =
      checked || state.best ? text().taken(Math.min(state.best, total), total) : text().notTaken;
    row.setAttribute("data-taken", checked || state.best ? "true" : "false");
  }

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
