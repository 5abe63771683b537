/* Glossary marks (abbr.gloss, scripts/course/glossary_tooltips.py): the term's definition in a
   tooltip on hover, keyboard focus or tap. One listener for the whole page, and the tooltip is made
   only when shown: Material's `content.tooltips` set up every mark at page load (77 on the FAQ),
   which kept a phone's main thread busy for about a tenth of a second. The tooltip uses Material's
   own classes, so it looks the same. Without JavaScript the title attribute shows the definition. */
(function () {
  "use strict";

  var DELAY = 250; /* ms a tooltip stays after the pointer or focus leaves, as Material's */
  var ID = "gloss-tooltip";
  var host = null, tip = null, title = "", timer = 0;

  function mark(node) {
    return node && node.closest ? node.closest("abbr.gloss") : null;
  }

  function remove() {
    if (tip && tip.parentNode) tip.parentNode.removeChild(tip);
    if (host) {
      host.setAttribute("title", title);
      host.removeAttribute("aria-describedby");
    }
    host = tip = null;
  }

  function hide() {
    clearTimeout(timer);
    if (!tip) return;
    tip.classList.remove("md-tooltip2--active");
    timer = setTimeout(remove, DELAY);
  }

  function show(el) {
    clearTimeout(timer);
    if (el === host) {
      if (tip) tip.classList.add("md-tooltip2--active");
      return;
    }
    remove();
    host = el;
    title = el.getAttribute("title") || "";
    el.removeAttribute("title"); /* no native tooltip on top of this one */
    tip = document.createElement("div");
    tip.className = "md-tooltip2 md-tooltip2--bottom";
    tip.id = ID;
    tip.setAttribute("role", "tooltip");
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.textContent = title;
    tip.appendChild(inner);
    /* In presentation mode (present.js) the slides lie over the page: the tooltip goes with them. */
    var container = el.closest(".present") || document.body;
    container.appendChild(tip);
    var box = el.getBoundingClientRect();
    var origin = container === document.body ? { left: -window.pageXOffset, top: -window.pageYOffset }
      : container.getBoundingClientRect();
    var style = tip.style;
    style.setProperty("--md-tooltip-host-x", box.left - origin.left + "px");
    style.setProperty("--md-tooltip-host-y", box.top - origin.top + "px");
    style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    style.setProperty("--md-tooltip-y", 8 + box.height + "px");
    style.setProperty("--md-tooltip-width", inner.offsetWidth + "px");
    style.setProperty("--md-tooltip-tail", "0px");
    el.setAttribute("aria-describedby", ID);
    var shown = tip;
    requestAnimationFrame(function () {
      if (tip === shown) shown.classList.add("md-tooltip2--active"); /* after insertion, so it fades in */
    });
  }

  document.addEventListener("mouseover", function (event) {
    var el = mark(event.target);
    if (el) show(el);
    else if (host && document.activeElement !== host) hide();
  });
  document.addEventListener("focusin", function (event) {
    var el = mark(event.target);
    if (el) show(el);
  });
  document.addEventListener("focusout", function (event) {
    if (mark(event.target) === host) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && tip) hide();
  });
})();
