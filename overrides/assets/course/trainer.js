/* Trainer tools on lecture pages: a "trainer view" that shows trainer notes and slide summaries
   (remembered on this device) and a "present" button (shortcut Shift+P; not on phones) that loads
   present.js only when used. The same page opened with #presenter is the presenter window. */
(function () {
  "use strict";

  var KEY = "cppcc-course:trainer-view";
  var TABLET = "(min-width: 45em)";  // Material's tablet breakpoint: no presentation on a phone
  var here = document.currentScript ? document.currentScript.src : "";
  var TEXT = {
    zh: { present: "演示", presentHint: "以幻灯片方式演示本讲（Shift+P）", trainer: "培训者视图",
          trainerHint: "显示或隐藏培训者提示" },
    en: { present: "Present", presentHint: "Present this lecture as slides (Shift+P)", trainer: "Trainer view",
          trainerHint: "Show or hide the trainer notes" }
  };

  function text() {
    return TEXT[(document.documentElement.lang || "zh").slice(0, 2)] || TEXT.zh;
  }

  function remembered() {
    try { return window.localStorage.getItem(KEY) === "on"; } catch (e) { return false; }
  }

  function remember(on) {
    try { window.localStorage.setItem(KEY, on ? "on" : "off"); } catch (e) { /* not kept, still works now */ }
  }

  function setTrainerView(on, button) {
    document.documentElement.classList.toggle("trainer-view", on);
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function loadPresenter(callback) {
    if (window.CourseSlides) return callback(window.CourseSlides);
    var base = here.replace(/[^/]*$/, "");
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "present.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = base + "present.js";
    script.onload = function () { callback(window.CourseSlides); };
    document.head.appendChild(script);
  }

  function present() {
    if (!window.matchMedia(TABLET).matches) return;
    loadPresenter(function (slides) { slides.start(); });
  }

  function init() {
    var article = document.querySelector(".md-content article");
    if (!article || !article.querySelector(".trainer-notes")) return;
    if (window.location.hash === "#presenter") {
      loadPresenter(function (slides) { slides.presenter(); });
      return;
    }
    setTrainerView(remembered());
    var bar = document.createElement("div");
    bar.className = "trainer-bar";
    var presentButton = document.createElement("button");
    presentButton.type = "button";
    presentButton.className = "md-button trainer-bar__present";
    presentButton.textContent = text().present;
    presentButton.title = text().presentHint;
    presentButton.setAttribute("aria-keyshortcuts", "Shift+P");
    presentButton.addEventListener("click", present);
    var viewButton = document.createElement("button");
    viewButton.type = "button";
    viewButton.className = "md-button trainer-bar__view";
    viewButton.textContent = text().trainer;
    viewButton.title = text().trainerHint;
    viewButton.setAttribute("aria-pressed", remembered() ? "true" : "false");
    viewButton.addEventListener("click", function () {
      var on = !document.documentElement.classList.contains("trainer-view");
      setTrainerView(on, viewButton);
      remember(on);
    });
    bar.appendChild(presentButton);
    bar.appendChild(viewButton);
    var title = article.querySelector("h1");
    if (title) title.insertAdjacentElement("afterend", bar);
    else article.insertBefore(bar, article.firstChild);
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (!typing && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && event.key === "P") {
        event.preventDefault();
        event.stopPropagation();
        present();
      }
    }, true);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
