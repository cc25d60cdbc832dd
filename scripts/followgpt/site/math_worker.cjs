// Typesets TeX with the site's own KaTeX for followgpt.site.math: one JSON request per line on stdin
// ({"tex": "...", "display": true}), one JSON answer per line on stdout ({"html": "..."} or {"error": "..."}).
// The same options as the browser's auto-render (overrides/assets/followgpt.js): errors are drawn, not thrown.
"use strict";
const katex = require(process.argv[2]);
const readline = require("readline");
const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", (line) => {
  let answer;
  try {
    const request = JSON.parse(line);
    answer = { html: katex.renderToString(request.tex, { displayMode: request.display, throwOnError: false }) };
  } catch (error) {
    answer = { error: String(error && error.message || error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
