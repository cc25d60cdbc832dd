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
      // Generated cells start with <span data-sort="…"> holding a plain number (dates as YYYYMMDD), since
      // Markdown cannot put data-sort on the <td> itself; "1750 亿" must sort as 175000000000.
      table.querySelectorAll("td > span[data-sort]:first-child").forEach(function (span) {
        span.parentElement.setAttribute("data-sort", span.dataset.sort);
      });
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
