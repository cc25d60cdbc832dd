"""How big each diagram and generated figure is as a reader sees it: its width against the content column, and
the size its node text is displayed at (the SVG's font size times the scale it is drawn at).

Shared by the whole-site browser test (which asserts the limits below on every page at both widths) and by
anyone measuring the site by hand (`python tests/browser/diagram_metrics.py site/`).
"""

from __future__ import annotations

MIN_TEXT_PX = 11          # node text as displayed, at any width
MAX_PHONE_COLUMNS = 2.2   # at most ~two column widths of sideways scrolling on a phone
MAX_DESKTOP_COLUMNS = 1.0  # none on a desktop (1 px of rounding allowed)

# Runs inside a page whose diagrams are drawn. One entry per mermaid diagram and per generated figure
# (figure.fgpt-figure svg: growth, overview): kind, index, displayed width / column width, smallest displayed
# node text (px) and the text it belongs to.
METRICS_JS = """
() => {
  const out = [];
  const column = (element) => {
    // the room the diagram has: its container's content box (the diagram's own padding excluded)
    const style = getComputedStyle(element);
    return element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  };
  const smallest = (svg, selector) => {
    const box = svg.viewBox && svg.viewBox.baseVal;
    const shown = svg.getBoundingClientRect().width;
    const scale = box && box.width > 0 ? shown / box.width : 1;
    let min = Infinity, text = "";
    svg.querySelectorAll(selector).forEach((element) => {
      if (!(element.textContent || "").trim()) return;
      if (element.closest("title, desc, style")) return;
      // an element whose text is drawn: <text>/<tspan>, or HTML inside a foreignObject
      const size = parseFloat(getComputedStyle(element).fontSize) * scale;
      if (size < min) { min = size; text = element.textContent.trim().slice(0, 40); }
    });
    return { min: min === Infinity ? null : Math.round(min * 10) / 10, text };
  };
  document.querySelectorAll("div.mermaid").forEach((d, i) => {
    const svg = d.querySelector("svg");
    if (!svg) return;
    const room = column(d);
    const width = svg.getBoundingClientRect().width;
    const font = smallest(svg, "g.node foreignObject span, g.node foreignObject p, g.node text, g.node tspan");
    out.push({ kind: "diagram", index: i + 1, columns: Math.round(width / room * 100) / 100,
               width: Math.round(width), room: Math.round(room), font: font.min, text: font.text,
               overflow: Math.max(0, Math.round(d.scrollWidth - d.clientWidth)) });
  });
  document.querySelectorAll("figure.fgpt-figure").forEach((f, i) => {
    f.querySelectorAll(":scope svg").forEach((svg) => {
      if (!svg.getBoundingClientRect().width) return;   // the variant hidden at this width
      const holder = svg.closest(".fgpt-scroll") || f;
      const room = column(holder.parentElement);
      const width = svg.getBoundingClientRect().width;
      const font = smallest(svg, "text, tspan");
      out.push({ kind: svg.getAttribute("class") || "figure", index: i + 1,
                 columns: Math.round(width / room * 100) / 100, width: Math.round(width), room: Math.round(room),
                 font: font.min, text: font.text, overflow: Math.max(0, Math.round(holder.scrollWidth - holder.clientWidth)) });
    });
  });
  return out;
}
"""


def problems(metrics: list[dict], width: str) -> list[str]:
    """What breaks the limits at ``width`` ('desktop' or 'mobile')."""
    found = []
    limit = MAX_DESKTOP_COLUMNS if width == "desktop" else MAX_PHONE_COLUMNS
    for item in metrics:
        where = f"{item['kind']} {item['index']}"
        if item["font"] is not None and item["font"] < MIN_TEXT_PX - 0.05:
            found.append(f"{where}: text displayed at {item['font']}px (< {MIN_TEXT_PX}px), e.g. {item['text']!r}")
        if item["width"] > item["room"] * limit + 1:
            found.append(f"{where}: {item['width']}px wide in a {item['room']}px column "
                         f"({item['columns']} column widths, limit {limit})")
    return found


if __name__ == "__main__":   # measure a built site: every page with a diagram, both widths
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from playwright.sync_api import sync_playwright

    from benchmarks.static_server import StaticServer
    from browser.site_pages import LANGUAGES, all_pages, page_file, page_url
    from followgpt.site.prerender import CHROMIUM_ARGS, chromium_path

    site = Path(sys.argv[1]).resolve()
    pages = [(lang, path) for lang, path in all_pages(site)
             if any(marker in page_file(site, lang, path).read_text(encoding="utf-8")
                    for marker in ('class="mermaid"', "fgpt-figure"))]
    widths = {"desktop": {"viewport": {"width": 1280, "height": 800}},
              "mobile": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "device_scale_factor": 2}}
    with StaticServer(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        for width, options in widths.items():
            tab = browser.new_context(**options).new_page()
            rows = []
            for lang, path in pages:
                tab.goto(page_url(url, lang, path), wait_until="load")
                for item in tab.evaluate(METRICS_JS):
                    rows.append((item["columns"], item["font"], f"{lang}:/{path}", item))
            rows.sort(key=lambda row: -row[0])
            bad = [row for row in rows if problems([row[3]], width)]
            print(f"== {width}: {len(rows)} diagrams/figures, {len(bad)} break the limits")
            for columns, font, where, item in rows[:int(sys.argv[2]) if len(sys.argv) > 2 else 15]:
                print(f"  {columns:5.2f} cols  {item['width']:5d}px/{item['room']}px  font {font}px  {where} "
                      f"{item['kind']} {item['index']}")
            small = sorted((row for row in rows if row[1] is not None), key=lambda row: row[1])[:5]
            print("  smallest text:", [(row[1], row[2], row[3]["kind"], row[3]["text"]) for row in small])
        browser.close()
