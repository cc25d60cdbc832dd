/* The compare page: pick two to four models and see their registry data side by side.

   Static: reads the JSON API at the site root (api/models.json, api/models/<id>.json; written by
   followgpt/render/api.py), loads nothing from other hosts. The selection lives in the URL (?m=gpt-3,llama-2-70b),
   so a comparison can be shared. Words, units and number formats come from api/models.json ("display"), the
   same tables the Python renderers print with. The element it fills is written by the `compare` marker
   (followgpt/render/views/compare.py), which reserves its space so nothing below moves when the table arrives. */

import { makeFormatter } from "./followgpt-format.mjs";

const mount = document.querySelector(".fgpt-compare");
if (mount) start(mount);

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of [].concat(children)) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

// Case, width, spaces and punctuation do not matter when searching ("llama2" finds "Llama 2").
function normalise(value) {
  return String(value || "").normalize("NFKC").toLowerCase().replace(/[\s\-_.·・()（）,，:：/]+/g, "");
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.json();
}

async function start(root) {
  const lang = root.dataset.lang === "en" ? "en" : "zh";
  const max = Number(root.dataset.max) || 4;
  const base = new URL(root.dataset.root || "./", window.location.href);
  const status = el("p", { class: "fgpt-compare__status", role: "status" });
  root.append(status);

  let index;
  try {
    index = await fetchJson(new URL("api/models.json", base));
  } catch (error) {
    status.textContent = (root.dataset.failed || "{error}").replace("{error}", error.message);
    return;
  }
  const display = index.display;
  const words = display.labels[lang];
  const text = (key, values = {}) => words.text[key].replace(/\{(\w*)\}/g, (_, name) => values[name] ?? "");
  const format = makeFormatter(display, lang);
  const byId = new Map(index.models.map((model) => [model.id, model]));
  const name = (model) => model.name[lang] || model.name.en || model.id;
  const documents = new Map();

  const loadDocument = (id) => {
    if (!documents.has(id)) documents.set(id, fetchJson(new URL(byId.get(id).json, base)));
    return documents.get(id);
  };

  // -- the picker: a combobox with a listbox of matches -----------------------------------------------------

  const inputId = "fgpt-compare-search";
  const listId = "fgpt-compare-options";
  const input = el("input", {
    id: inputId, type: "search", class: "md-input fgpt-compare__input", autocomplete: "off", spellcheck: "false",
    role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": listId,
    placeholder: words.text.compare_placeholder,
  });
  const list = el("ul", { id: listId, role: "listbox", class: "fgpt-compare__options", hidden: true,
                          "aria-label": words.text.compare_add });
  const chosenList = el("ul", { class: "fgpt-compare__chosen", "aria-label": words.text.compare_selected });
  const copy = el("button", { type: "button", class: "md-button fgpt-compare__copy", text: words.text.compare_copy });
  const picker = el("div", { class: "fgpt-compare__picker" }, [
    el("label", { for: inputId, class: "fgpt-compare__label", text: words.text.compare_add }),
    el("div", { class: "fgpt-compare__combo" }, [input, list]),
  ]);
  const output = el("div", { class: "fgpt-compare__output" });
  status.remove();
  root.append(picker, el("div", { class: "fgpt-compare__bar" }, [chosenList, copy]), status, output);

  const searchable = index.models.map((model) => ({
    model,
    keys: [model.id, model.name.zh, model.name.en, ...(model.aliases || [])].map(normalise).filter(Boolean),
  }));

  let selected = [];
  let matches = [];
  let active = -1;

  function search(query) {
    const q = normalise(query);
    if (!q) return [];
    const scored = [];
    searchable.forEach(({ model, keys }, order) => {
      if (selected.includes(model.id)) return;
      let score = Infinity;
      for (const key of keys) {
        if (key === q) score = Math.min(score, 0);
        else if (key.startsWith(q)) score = Math.min(score, 1);
        else if (key.includes(q)) score = Math.min(score, 2);
      }
      if (score < Infinity) scored.push([score, order, model]);
    });
    return scored.sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, 12).map((item) => item[2]);
  }

  function showOptions() {
    list.replaceChildren();
    active = matches.length ? 0 : -1;
    matches.forEach((model, i) => {
      const orgs = model.organizations.map((org) => org.name[lang]).join(words.text.list_joiner);
      const option = el("li", { id: `fgpt-compare-option-${i}`, role: "option", class: "fgpt-compare__option",
                                "aria-selected": i === active ? "true" : "false" }, [
        el("span", { class: "fgpt-compare__option-name", text: name(model) }),
        orgs ? el("span", { class: "fgpt-compare__option-org", text: orgs }) : null,
      ]);
      option.addEventListener("mousedown", (event) => event.preventDefault());   // keep the focus in the input
      option.addEventListener("click", () => add(model.id));
      list.append(option);
    });
    const open = Boolean(input.value.trim());
    if (open && !matches.length) list.append(el("li", { class: "fgpt-compare__nomatch", text: words.text.compare_no_match }));
    list.hidden = !open;
    input.setAttribute("aria-expanded", open && matches.length ? "true" : "false");
    highlight();
    if (open) status.textContent = matches.length ? text("compare_results", { n: matches.length }) : words.text.compare_no_match;
  }

  function highlight() {
    [...list.querySelectorAll("[role=option]")].forEach((option, i) => {
      option.setAttribute("aria-selected", i === active ? "true" : "false");
      if (i === active) option.scrollIntoView({ block: "nearest" });
    });
    if (active >= 0) input.setAttribute("aria-activedescendant", `fgpt-compare-option-${active}`);
    else input.removeAttribute("aria-activedescendant");
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  input.addEventListener("input", () => { matches = search(input.value); showOptions(); });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) { matches = search(input.value); showOptions(); }
      if (!matches.length) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + matches.length) % matches.length;
      highlight();
    } else if (event.key === "Enter") {
      if (!list.hidden && matches[active]) { event.preventDefault(); add(matches[active].id); }
    } else if (event.key === "Escape") {
      if (!list.hidden) { event.preventDefault(); close(); } else input.value = "";
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));

  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      status.textContent = words.text.compare_copied;
    } catch (error) {
      status.textContent = window.location.href;
    }
  });

  function add(id) {
    if (selected.includes(id) || !byId.has(id)) return;
    if (selected.length >= max) { status.textContent = text("compare_limit", { n: max }); return; }
    selected = [...selected, id];
    input.value = "";
    matches = [];
    close();
    update();
    input.focus();
  }

  function remove(id) {
    selected = selected.filter((item) => item !== id);
    update();
    input.focus();
  }

  function writeUrl() {
    const url = new URL(window.location.href);
    if (selected.length) url.searchParams.set("m", selected.join(","));
    else url.searchParams.delete("m");
    window.history.replaceState(null, "", url.pathname + url.search.replace(/%2C/gi, ",") + url.hash);
  }

  function renderChosen() {
    chosenList.replaceChildren(...selected.map((id) => {
      const model = byId.get(id);
      return el("li", { class: "fgpt-compare__chip" }, [
        el("span", { text: name(model) }),
        (() => {
          const button = el("button", { type: "button", class: "fgpt-compare__remove",
                                        "aria-label": text("compare_remove", { name: name(model) }), text: "×" });
          button.addEventListener("click", () => remove(id));
          return button;
        })(),
      ]);
    }));
    copy.hidden = selected.length === 0;
    input.disabled = selected.length >= max;
    input.placeholder = selected.length >= max ? text("compare_limit", { n: max }) : words.text.compare_placeholder;
  }

  let generation = 0;
  async function update() {
    writeUrl();
    renderChosen();
    const mine = ++generation;
    if (!selected.length) {
      const example = (root.dataset.example || "").split(",").filter((id) => byId.has(id));
      const offer = example.length ? el("p", { class: "fgpt-compare__example" }, [
        words.text.compare_example,
        (() => {
          const url = new URL(window.location.href);
          url.searchParams.set("m", example.join(","));
          const link = el("a", { href: url.pathname + url.search.replace(/%2C/gi, ","),
                                 text: example.map((id) => name(byId.get(id))).join(" · ") });
          link.addEventListener("click", (event) => { event.preventDefault(); selected = example.slice(0, max); update(); });
          return link;
        })(),
      ]) : null;
      output.replaceChildren(el("p", { class: "fgpt-compare__empty", text: words.text.compare_empty }), offer);
      status.textContent = "";
      return;
    }
    status.textContent = words.text.compare_loading;
    let docs;
    try {
      docs = await Promise.all(selected.map(loadDocument));
    } catch (error) {
      if (mine === generation) status.textContent = text("compare_failed", { error: error.message });
      return;
    }
    if (mine !== generation) return;
    output.replaceChildren(...table(docs));
    status.textContent = "";
  }

  // -- the table ----------------------------------------------------------------------------------------------

  function table(docs) {
    const sources = new Map();   // source id → [number, record]
    const cite = (doc, id) => {
      const record = doc.sources[id];
      if (!record) return null;
      if (!sources.has(id)) sources.set(id, [sources.size + 1, record]);
      const [number] = sources.get(id);
      return el("sup", { class: "fgpt-compare__cite" },
                el("a", { href: `#fgpt-compare-source-${number}`, title: record.title, text: `[${number}]` }));
    };
    const parts = (doc, list) => list.map((part) => (typeof part === "string" ? part : cite(doc, part.source)));
    const missing = () => el("span", { class: "fgpt-compare__missing", title: words.text.compare_not_recorded,
                                       text: words.text.missing },
                             el("span", { class: "fgpt-compare__sr", text: ` ${words.text.compare_not_recorded}` }));
    const joiner = words.text.list_joiner;
    const colon = lang === "zh" ? "：" : ": ";
    const pageUrl = (id) => new URL(byId.get(id).pages[lang], base).href;

    const rows = [];
    const row = (label, cell) => {
      const cells = docs.map((doc) => cell(doc));
      if (cells.every((value) => value === null)) return;
      rows.push([label, cells.map((value) => (value === null ? missing() : value))]);
    };

    row(words.columns.organizations, (doc) => {
      const names = (doc.model.organizations || []).map((org) => doc.organizations[org]?.[lang] || org);
      return names.length ? names.join(joiner) : null;
    });
    row(words.columns.kind, (doc) => words.kinds[doc.model.kind || "model"] || doc.model.kind);
    row(words.columns.status, (doc) => {
      const retired = doc.model.retired;
      if (!retired) return words.availability.available;
      const when = format.date(retired.date);
      return el("span", { class: "fgpt-compare__retired" },
                [lang === "zh" ? `${words.availability.retired}（${when}）` : `${words.availability.retired} (${when})`,
                 cite(doc, retired.source)]);
    });
    row(words.columns.access, (doc) => {
      const access = doc.model.access;
      if (!access) return null;
      const label = words.access[access] || access;
      const retired = doc.model.retired;
      return retired ? text("retired_access", { access: label, date: format.date(retired.date) }) : label;
    });
    row(words.columns.license, (doc) => {
      if (!doc.license) return null;
      const kind = words.license_kinds[doc.license.kind];
      const label = doc.license.name[lang] || doc.license.name.en;
      const link = doc.license.url ? el("a", { href: doc.license.url, text: label }) : label;
      return el("span", {}, [link, kind ? (lang === "zh" ? `（${kind}）` : ` (${kind})`) : ""]);
    });
    row(words.columns.architecture, (doc) => (doc.model.architecture ? words.architectures[doc.model.architecture] || doc.model.architecture : null));
    row(words.columns.modalities, (doc) => {
      const modalities = doc.model.modalities;
      if (!modalities) return null;
      return ["input", "output"].filter((side) => (modalities[side] || []).length)
        .map((side) => words.text[side] + colon + modalities[side].map((m) => words.modalities[m] || m).join(joiner))
        .join(lang === "zh" ? "；" : "; ");
    });
    row(words.columns.reasoning, (doc) => (doc.model.reasoning ? words.reasoning[doc.model.reasoning] : null));

    const units = index.vocabulary.facts;
    const moe = docs.some((doc) => doc.model.facts && doc.model.facts.active_parameters);
    for (const [fact, meta] of Object.entries(units)) {
      const label = fact === "parameters" && moe ? words.text.total_parameters : words.facts[fact];
      row(label, (doc) => {
        const value = doc.model.facts && doc.model.facts[fact];
        if (!value) return null;
        // A value that changed over time says since when it applies (as model pages do); older values are there.
        const since = value.since ? text("since", { date: format.date(value.since) }) : "";
        return el("span", { class: "fgpt-compare__value" }, [...parts(doc, format.fact(value, meta.unit)), since]);
      });
    }
    row(words.text.parents, (doc) => {
      const edges = (doc.model.lineage || []).filter((edge) => byId.has(edge.target));
      if (!edges.length) return null;
      return el("ul", { class: "fgpt-compare__edges" }, edges.map((edge) => el("li", {}, [
        (words.relations[edge.type] || edge.type) + colon,
        el("a", { href: pageUrl(edge.target), text: name(byId.get(edge.target)) }),
        cite(doc, edge.source),
      ])));
    });

    const head = el("tr", {}, [
      el("th", { scope: "col", class: "fgpt-compare__corner", text: words.text.compare_field }),
      ...docs.map((doc) => el("th", { scope: "col" }, [
        el("a", { href: pageUrl(doc.id), text: name(byId.get(doc.id)) }),
        doc.model.status === "retired" ? el("span", { class: "fgpt-compare__badge", text: words.availability.retired }) : null,
      ])),
    ]);
    const body = rows.map(([label, cells]) => el("tr", {}, [
      el("th", { scope: "row", text: label }),
      ...cells.map((cell) => el("td", {}, cell)),
    ]));
    body.push(el("tr", {}, [
      el("th", { scope: "row", text: words.text.compare_page }),
      ...docs.map((doc) => el("td", {}, [
        el("a", { href: pageUrl(doc.id), text: words.text.compare_page }), " · ",
        el("a", { href: new URL(doc.json, base).href, type: "application/json", text: words.text.compare_json }),
      ])),
    ]));
    const grid = el("table", { class: "fgpt-compare__table" }, [el("thead", {}, head), el("tbody", {}, body)]);
    const scroller = el("div", { class: "fgpt-compare__scroll", tabindex: "0", role: "region",
                                 "aria-label": docs.map((doc) => name(byId.get(doc.id))).join(" · ") }, grid);

    const sourceList = el("ol", { class: "fgpt-compare__sources" }, [...sources.values()].map(([number, record]) => {
      const title = record.url ? el("a", { href: record.url, text: record.title }) : record.title;
      const about = [record.publisher, record.date ? format.date(record.date) : null].filter(Boolean).join(", ");
      return el("li", { id: `fgpt-compare-source-${number}` }, [title, about ? ` (${about})` : ""]);
    }));
    return sources.size
      ? [scroller, el("h2", { class: "fgpt-compare__sources-title", text: words.text.compare_sources }), sourceList]
      : [scroller];
  }

  // -- start from the URL -----------------------------------------------------------------------------------

  const requested = (new URL(window.location.href).searchParams.get("m") || "").split(",")
    .map((id) => id.trim()).filter((id) => byId.has(id));
  selected = [...new Set(requested)].slice(0, max);
  update();
}
