/* FollowGPT page enhancements. Libraries are loaded (deferred) only on pages that need them; this file only
   starts them. Runs once per page load (instant navigation is off). Diagrams are handled by
   followgpt-diagrams.mjs. */
(function () {
  "use strict";

  var MATH_OPTIONS = {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true }
    ],
    throwOnError: false
  };

  function typeset(element) {
    if (element.dataset.fgptMath) return;
    element.dataset.fgptMath = "done";
    var start = performance.now();
    window.renderMathInElement(element, MATH_OPTIONS);
    try { performance.measure("followgpt:math", { start: start }); } catch (error) { /* no timings */ }
  }

  // Math on screen (or close to it) is typeset at once, so what the reader sees does not change later; the
  // rest is typeset as it approaches the viewport, which keeps long formula pages from blocking the main
  // thread while they load. Off-screen typesetting moves nothing the reader can see.
  function renderMath() {
    if (typeof window.renderMathInElement !== "function") return;
    var all = document.querySelectorAll(".arithmatex");
    if (!("IntersectionObserver" in window)) {
      all.forEach(typeset);
      return;
    }
    var reach = window.innerHeight * 1.5, later = [];
    all.forEach(function (element) {
      var box = element.getBoundingClientRect();
      if (box.bottom > -reach && box.top < reach) typeset(element);
      else later.push(element);
    });
    if (!later.length) return;
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          typeset(entry.target);
        }
      });
    }, { rootMargin: "100% 0px" });
    later.forEach(function (element) { observer.observe(element); });
    window.addEventListener("beforeprint", function () { later.forEach(typeset); });
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
      var sorter = new window.Tablesort(table);
      // A cell without a value (undisclosed, not recorded) carries data-sort="-1" (registry values are positive):
      // keep those rows last in either direction, as the generated order does.
      table.addEventListener("afterSort", function () {
        var body = table.tBodies[0];
        if (!body) return;
        Array.prototype.slice.call(body.rows).forEach(function (row) {
          var cell = row.cells[sorter.col];
          if (cell && cell.getAttribute("data-sort") === "-1") body.appendChild(row);
        });
      });
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
