/* Registry values formatted for a language, in the browser: a port of followgpt/render/format.py.
   The unit tables, month names, CJK ranges and words come from api/models.json ("display"), which the build
   writes from the Python tables, so there is one source of them; tests/render/test_format_js.py runs this file
   in Node against format.py on the same values. A formatted fact is a list of parts: strings and
   {source: "<id>"} citation marks, for the caller to turn into text and links. */

// The exact decimal expansion of |x| (an IEEE double), as "digits.digits".
function exactDecimal(x) {
  const magnitude = Math.abs(x);
  if (magnitude >= 1e21) return BigInt(magnitude).toString() + ".0";
  return magnitude.toFixed(100);
}

// Round a digit string (no point) to `keep` digits, half to even on the exact value, as Python's format does.
function roundDigits(digits, keep) {
  const kept = digits.slice(0, keep).split("").map(Number);
  const rest = digits.slice(keep);
  let up = false;
  if (rest[0] > "5") up = true;
  else if (rest[0] === "5") up = /[1-9]/.test(rest.slice(1)) || kept[kept.length - 1] % 2 === 1;
  let carry = false;
  if (up) {
    let k = kept.length - 1;
    while (k >= 0 && kept[k] === 9) { kept[k] = 0; k -= 1; }
    if (k >= 0) kept[k] += 1; else { kept.unshift(1); carry = true; }
  }
  return { digits: kept.join(""), carry };
}

// Python's f"{x:.{d}f}".
export function toFixed(x, d) {
  const [whole, fraction] = exactDecimal(x).split(".");
  const { digits } = roundDigits(whole + fraction.slice(0, d) + fraction.slice(d), whole.length + d);
  const intLength = digits.length - d;
  const text = d ? digits.slice(0, intLength) + "." + digits.slice(intLength) : digits;
  return (x < 0 ? "-" : "") + text;
}

// Python's f"{x:.2e}" → [mantissa, exponent].
function toExponent(x) {
  const [whole, fraction] = exactDecimal(x).split(".");
  const all = (whole + fraction).replace(/^0+/, "");
  const leadingZeros = (whole + fraction).length - all.length;
  let exponent = whole.length - 1 - leadingZeros;
  const { digits, carry } = roundDigits(all, 3);
  if (carry) exponent += 1;
  return [(x < 0 ? "-" : "") + digits[0] + "." + digits.slice(1, 3), exponent];
}

function group(integerText) {
  return integerText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

export function makeFormatter(display, lang) {
  const formats = display.formats;
  const words = display.labels[lang];
  const text = (key) => words.text[key];

  function isCjk(char) {
    if (!char) return false;
    const code = char.codePointAt(0);
    return formats.cjk_ranges.some(([lo, hi]) => lo <= code && code <= hi);
  }

  function trim(number) {
    const magnitude = Math.abs(number);
    let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
    if (magnitude && magnitude < 1) decimals = 3;
    let rendered = toFixed(number, decimals);
    if (rendered.includes(".")) rendered = rendered.replace(/0+$/, "").replace(/\.$/, "");
    return rendered;
  }

  function plainInteger(value) {
    if (Number.isInteger(value)) return lang === "en" ? group(String(value)) : String(value);
    return trim(value);
  }

  function count(value) {
    const magnitude = Math.abs(value);
    const units = formats.count_units[lang];
    if (magnitude >= formats.count_min[lang]) {
      for (const [divisor, suffix] of units) {
        // zh: "1750 亿"; en: "175B" (as format_count writes them)
        if (magnitude >= divisor) return trim(value / divisor) + (lang === "zh" ? " " : "") + suffix;
      }
    }
    return plainInteger(value);
  }

  function tokens(value) {
    const rendered = count(value);
    if (lang === "zh") return isCjk(rendered[rendered.length - 1]) ? rendered + "个词元" : rendered + " 个词元";
    return rendered + " tokens";
  }

  function bytes(value) {
    for (const [divisor, suffix] of formats.byte_units) {
      if (Math.abs(value) >= divisor) return `${trim(value / divisor)} ${suffix}`;
    }
    return `${plainInteger(value)} B`;
  }

  function flops(value) {
    if (value === 0) return "0";
    let [mantissa, exponent] = toExponent(value);
    mantissa = mantissa.replace(/0+$/, "").replace(/\.$/, "");
    const power = "10" + String(exponent).split("").map((c) => SUPERSCRIPT[c]).join("");
    return mantissa === "1" ? power : `${mantissa} × ${power}`;
  }

  function usd(value) {
    if (Math.abs(value) < 1e4) {
      let rendered = Number.isInteger(value) ? group(String(value))
        : (() => { const [w, f] = toFixed(value, 4).split("."); return (group(w) + "." + f).replace(/0+$/, "").replace(/\.$/, ""); })();
      if (lang === "zh") rendered = rendered.replace(/,/g, "");
      return "$" + rendered;
    }
    return lang === "zh" ? `${count(value)}美元` : "$" + count(value);
  }

  function date(value) {
    const [year, month, day] = String(value).split("-").map(Number);
    if (lang === "zh") {
      let rendered = `${year} 年`;
      if (month) {
        rendered += ` ${month} 月`;
        if (day) rendered += ` ${day} 日`;
      }
      return rendered;
    }
    if (!month) return String(year);
    const name = formats.months_en[month - 1];
    return day ? `${day} ${name} ${year}` : `${name} ${year}`;
  }

  const FORMATTERS = { count, tokens, bytes, flops, usd, date };

  function value(v, unit) {
    return FORMATTERS[unit](v, lang);
  }

  // A template such as "约 {value}（估计：{by}）" filled with parts.
  function fill(template, values) {
    const parts = [];
    template.split(/(\{[a-z]*\})/).forEach((piece) => {
      const key = piece.match(/^\{([a-z]*)\}$/);
      if (!key) { if (piece) parts.push(piece); return; }
      const filler = values[key[1] || ""];
      parts.push(...(Array.isArray(filler) ? filler : [filler]));
    });
    return parts;
  }

  function cite(source) {
    return source ? [{ source }] : [];
  }

  function joinWords(items, word) {
    if (lang !== "zh") return items.flatMap((item, i) => (i ? [` ${word} `, ...item] : item));
    const parts = [];
    items.forEach((item, i) => {
      if (i) {
        // A citation mark counts as Latin text (format.py sees its "[^id]" there).
        const last = parts[parts.length - 1];
        const left = typeof last !== "string" || (last && !isCjk(last[last.length - 1])) ? " " : "";
        const first = item[0];
        const right = typeof first !== "string" || (first && !isCjk(first[0])) ? " " : "";
        parts.push(left + word + right);
      }
      parts.push(...item);
    });
    return parts;
  }

  function fact(f, unit) {
    const status = f.status || "reported";
    if (status === "undisclosed") return [words.statuses.undisclosed, ...cite(f.source)];
    if (status === "disputed") {
      const claims = (f.claims || []).slice();
      if ("value" in f && claims.every((claim) => claim.value !== f.value)) claims.unshift({ value: f.value, source: f.source });
      const rendered = claims.map((claim) => [value(claim.value, unit), ...cite(claim.source)]);
      return fill(text("disputed"), { claims: joinWords(rendered, text("or").trim()) });
    }
    const shown = value(f.value, unit);
    let parts;
    if (status === "estimated") parts = fill(text("estimate"), { value: shown, by: f.estimated_by || "?" });
    else if (f.approx) parts = fill(text("approx"), { "": shown });
    else parts = [shown];
    const last = parts[parts.length - 1];
    if (f.source && typeof last === "string" && /[⁰¹²³⁴⁵⁶⁷⁸⁹]$/.test(last)) parts.push("\u2009");
    return [...parts, ...cite(f.source)];
  }

  return { value, fact, date, count, isCjk };
}
