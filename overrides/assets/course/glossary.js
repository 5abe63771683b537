/* Glossary tooltips. The build links the first occurrence of each term on a page to its glossary
   entry, with the definition as the link's title (scripts/course/glossary_tooltips.py): that
   works without JavaScript. Here the link becomes a button that opens a small dialog at body
   size, right after the term in reading order: the term as its heading, the definition, a link
   to the entry and a close button. Tap, click, Enter or Space open it; Escape, the close button,
   a tap outside or moving focus away close it. Ctrl/Cmd/Shift-click still follow the link. */
(function () {
  "use strict";

  var TEXT = {
    zh: { entry: "在术语表中查看", close: "关闭" },
    en: { entry: "See the glossary entry", close: "Close" }
  };
  var open = null; /* {term, tip} */
  var count = 0;

  function text() {
    return TEXT[(document.documentElement.lang || "zh").slice(0, 2)] || TEXT.zh;
  }

  function enhance(term) {
    if (term.hasAttribute("role")) return;
    term.setAttribute("data-definition", term.getAttribute("title") || "");
    term.removeAttribute("title");  /* the dialog replaces the browser's hover text */
    term.setAttribute("role", "button");
    term.setAttribute("aria-expanded", "false");
    term.setAttribute("aria-haspopup", "dialog");
  }

  function element(tag, className, content) {
    var el = document.createElement(tag);
    el.className = className;
    if (content) el.textContent = content;
    return el;
  }

  function place(term, tip) {
    var rects = term.getClientRects();
    var box = rects.length ? rects[rects.length - 1] : term.getBoundingClientRect();
    var parent = tip.offsetParent || document.documentElement;
    var frame = parent.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    tip.style.left = (left - frame.left - parent.clientLeft + parent.scrollLeft) + "px";
    tip.style.top = (box.bottom + 6 - frame.top - parent.clientTop + parent.scrollTop) + "px";
  }

  function close(restoreFocus) {
    if (!open) return;
    var term = open.term;
    open.tip.remove();
    term.setAttribute("aria-expanded", "false");
    term.removeAttribute("aria-controls");
    open = null;
    if (restoreFocus) term.focus();
  }

  function show(term) {
    close(false);
    count += 1;
    var id = "gloss-tip-" + count;
    var tip = element("span", "gloss-tip");
    tip.id = id;
    tip.setAttribute("role", "dialog");
    tip.setAttribute("aria-labelledby", id + "-title");
    tip.tabIndex = -1;
    var title = element("span", "gloss-tip__title", term.getAttribute("data-name") || term.textContent);
    title.id = id + "-title";
    title.setAttribute("role", "heading");
    title.setAttribute("aria-level", "2");
    var link = element("a", "gloss-tip__link", text().entry);
    link.href = term.href;
    var shut = element("button", "gloss-tip__close", "×");
    shut.type = "button";
    shut.setAttribute("aria-label", text().close);
    shut.title = text().close;
    shut.addEventListener("click", function () { close(true); });
    tip.appendChild(title);
    tip.appendChild(element("span", "gloss-tip__definition", term.getAttribute("data-definition")));
    tip.appendChild(link);
    tip.appendChild(shut);
    term.parentNode.insertBefore(tip, term.nextSibling);
    term.setAttribute("aria-expanded", "true");
    term.setAttribute("aria-controls", id);
    open = { term: term, tip: tip };
    place(term, tip);
    tip.focus();
  }

  function onClick(event) {
    var term = event.target.closest && event.target.closest("a.gloss");
    if (!term || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
    enhance(term);  /* copies (slides) of terms are enhanced on first use */
    event.preventDefault();
    if (open && open.term === term) close(true);
    else show(term);
  }

  function onKey(event) {
    var term = event.target.closest && event.target.closest("a.gloss[role='button']");
    if (term && event.key === " ") {
      event.preventDefault();  /* a button opens on Space as well as Enter */
      term.click();
      return;
    }
    if (open && event.key === "Escape" && (open.tip.contains(event.target) || event.target === open.term)) {
      event.preventDefault();
      event.stopPropagation();  /* Escape closes the tooltip, not the slides behind it */
      close(true);
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("a.gloss"), enhance);
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("pointerdown", function (event) {
      if (open && !open.tip.contains(event.target) && !open.term.contains(event.target)) close(false);
    });
    document.addEventListener("focusin", function (event) {
      if (open && !open.tip.contains(event.target) && event.target !== open.term) close(false);
    });
    window.addEventListener("resize", function () { if (open) place(open.term, open.tip); });
    document.addEventListener("course:textsize", function () { if (open) place(open.term, open.tip); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
