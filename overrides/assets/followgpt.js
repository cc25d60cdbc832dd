/* FollowGPT page enhancements. Libraries are loaded (deferred) only on pages that need them; this file only
   starts them. Runs once per page load (instant navigation is off). */
(function () {
  "use strict";

  function renderMath() {
    if (typeof window.renderMathInElement !== "function") return;
    document.querySelectorAll(".arithmatex").forEach(function (element) {
      window.renderMathInElement(element, {
        delimiters: [
          { left: "\\(", right: "\\)", display: false },
          { left: "\\[", right: "\\]", display: true }
        ],
        throwOnError: false
      });
    });
  }

  function makeTablesSortable() {
    if (typeof window.Tablesort !== "function") return;
    document.querySelectorAll(".fgpt-table table").forEach(function (table) {
      var head = table.querySelector("thead tr");
      if (head) head.setAttribute("data-sort-method", "thead");
      new window.Tablesort(table);
    });
  }

  function start() {
    renderMath();
    makeTablesSortable();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
