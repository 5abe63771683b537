/* Text size (字号): A−/A+ in the header, four steps, remembered on this device.
   Loaded in <head> without defer, so the remembered size is on <html> before the first paint
   (no jump). The step is an attribute, data-course-text="2".."4" (none for the standard size);
   reader.css turns it into --course-text-scale for the page, print and the slides. */
(function () {
  "use strict";

  var KEY = "cppcc-course:text-size";
  var STEPS = 4; /* 1 standard, 2 large, 3 larger, 4 largest: scales 1, 1.125, 1.25, 1.5 (reader.css) */
  var TEXT = {
    zh: { names: ["标准", "大", "较大", "特大"], status: function (name, step) {
      return "字号：" + name + "（" + step + " / " + STEPS + "）"; } },
    en: { names: ["standard", "large", "larger", "largest"], status: function (name, step) {
      return "Text size: " + name + " (" + step + " of " + STEPS + ")"; } }
  };
  var root = document.documentElement;

  function remembered() {
    try {
      var step = parseInt(window.localStorage.getItem(KEY), 10);
      return step >= 1 && step <= STEPS ? step : 1;
    } catch (e) {
      return 1;
    }
  }

  function apply(step) {
    if (step > 1) root.setAttribute("data-course-text", String(step));
    else root.removeAttribute("data-course-text");
  }

  function current() {
    return parseInt(root.getAttribute("data-course-text"), 10) || 1;
  }

  root.classList.add("course-js"); /* controls that need JavaScript are shown from the first paint */
  apply(remembered());

  function text() {
    return TEXT[(root.lang || "zh").slice(0, 2)] || TEXT.zh;
  }

  function update(group) {
    var step = current();
    Array.prototype.forEach.call(group.querySelectorAll("[data-course-text-step]"), function (button) {
      var delta = Number(button.getAttribute("data-course-text-step"));
      var end = delta < 0 ? step <= 1 : step >= STEPS;
      button.setAttribute("aria-disabled", end ? "true" : "false");
    });
  }

  function change(group, delta) {
    var step = Math.max(1, Math.min(STEPS, current() + delta));
    apply(step);
    try { window.localStorage.setItem(KEY, String(step)); } catch (e) { /* kept for this page only */ }
    update(group);
    group.querySelector(".course-textsize__status").textContent = text().status(text().names[step - 1], step);
    document.dispatchEvent(new CustomEvent("course:textsize", { detail: { step: step } }));
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".course-textsize"), function (group) {
      update(group);
      group.addEventListener("click", function (event) {
        var button = event.target.closest("[data-course-text-step]");
        if (button) change(group, Number(button.getAttribute("data-course-text-step")));
      });
    });
    /* Another tab changed the size: follow it. */
    window.addEventListener("storage", function (event) {
      if (event.key !== KEY) return;
      apply(remembered());
      Array.prototype.forEach.call(document.querySelectorAll(".course-textsize"), update);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
