/* FollowGPT: render mermaid diagrams only when they come near the viewport.

   mkdocs-mermaid2 ends every diagram page with
       import mermaid from ".../assets/vendor/mermaid/mermaid.esm.min.mjs"; mermaid.initialize({...});
   which would fetch, parse and run the whole mermaid library and lay out every diagram while the page loads (on a
   phone that blocked the main thread for seconds). The import map in main.html points that import here instead.
   This module is tiny: it remembers the options and watches the diagrams; the real library ("followgpt-mermaid"
   in the import map) is imported the first time a diagram is about to scroll into view, and diagrams are drawn
   one at a time, each in its own task. Browsers without import maps load mermaid directly and draw everything at
   once, as before. When the build has drawn the diagrams to SVG itself (followgpt/site/prerender.py, wherever
   Chromium is installed), neither this module nor the import map is on the page. */

const LIBRARY = "followgpt-mermaid";
const AHEAD = "50% 0px"; // start drawing half a screen before a diagram becomes visible
// mermaid scales a diagram down to the column width; below this scale labels get too small to read
// (16px → 11px), so wider diagrams keep this scale and scroll sideways. partials/diagram-space.html, which
// reserves each diagram's height before it is drawn, uses the same rule.
const MIN_SCALE = 0.7;

let options = {};
let library = null;
let queue = Promise.resolve();
const waiting = new Set();

// Timings show up in DevTools' Performance panel and are read by the benchmark (scripts/benchmarks).
function measure(name, start) {
  try { performance.measure(name, { start }); } catch (error) { /* older browsers: no timings */ }
}

function load() {
  if (!library) {
    const start = performance.now();
    library = import(LIBRARY).then((module) => {
      const mermaid = module.default;
      mermaid.initialize({ ...options, startOnLoad: false });
      measure("followgpt:mermaid-load", start);
      return mermaid;
    });
  }
  return library;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const XLINK = "http://www.w3.org/1999/xlink";

function fit(element) {
  const svg = element.querySelector("svg");
  // mermaid writes node links (`click n1 href "…"`) as SVG 1.1 xlink:href only; crawlers and Lighthouse look
  // for href, which SVG 2 accepts on <a> as well.
  element.querySelectorAll("svg a").forEach((link) => {
    const target = link.getAttributeNS(XLINK, "href");
    if (target && !link.hasAttribute("href")) link.setAttribute("href", target);
  });
  const box = svg && svg.viewBox && svg.viewBox.baseVal;
  if (box && box.width > 0) {
    const style = getComputedStyle(element);
    const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (room > 0 && room / box.width < MIN_SCALE) {
      svg.style.maxWidth = "none";
      svg.style.width = `${Math.round(box.width * MIN_SCALE)}px`;
    }
  }
  element.style.height = "";   // the space reserved before drawing
}

function draw(element) {
  if (waiting.has(element) || element.dataset.fgptDiagram) return queue;
  waiting.add(element);
  queue = queue.then(async () => {
    let state = "drawn";
    try {
      const mermaid = await load();
      const start = performance.now();
      await mermaid.run({ nodes: [element] });
      measure("followgpt:diagram", start);
    } catch (error) {
      // mermaid.run has already put its error message in the diagram; make the failure visible in the console.
      state = "failed";
      console.error("FollowGPT: a diagram could not be drawn:", error);
    } finally {
      waiting.delete(element);
      fit(element);
      element.dataset.fgptDiagram = state;   // "drawn" or "failed": the browser tests wait for this
    }
    await nextTask(); // let the browser paint and handle input between two diagrams
  });
  return queue;
}

function drawAll() {
  document.querySelectorAll("div.mermaid").forEach(draw);
  return queue;
}

function start() {
  const diagrams = document.querySelectorAll("div.mermaid");
  if (!("IntersectionObserver" in window)) {
    drawAll();
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        draw(entry.target);
      }
    }
  }, { rootMargin: AHEAD });
  diagrams.forEach((element) => observer.observe(element));
  window.addEventListener("beforeprint", drawAll);
}

/* The part of mermaid's API that mermaid2's page script uses, plus run() to draw everything now. */
export default {
  initialize(config) {
    options = { ...(config || {}) };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start, { once: true });
    } else {
      start();
    }
  },
  run: drawAll,
};
