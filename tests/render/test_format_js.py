"""The compare page's number formatting (overrides/assets/followgpt-format.mjs) agrees with format.py.

Node runs the module on the same values and facts, with the tables api/models.json publishes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from followgpt.render.api import display_labels
from followgpt.render.format import format_fact, format_tables, format_value

MODULE = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "followgpt-format.mjs"
NODE = shutil.which("node")

VALUES = {
    "count": [1, 7, 96, 999, 1000, 12288, 50257, 99999, 100000, 124000000, 175000000000, 1.125e9, 1.5e9, 1.54e9,
              6.7e9, 1e12, 1.76e12, 2.5e11, 355000000, 10**13, 123456789, 0.5, 3.25, 671000000000, 37000000000,
              1234567, 999999, 1005000, 1015000],
    "tokens": [2048, 8192, 32768, 128000, 1000000, 300000000000, 1.4e12, 15e12, 4096, 100000, 131072],
    "bytes": [570e9, 40e9, 1.2e12, 500, 4e15, 999, 1024],
    "flops": [3.14e23, 1e21, 2.15e25, 9.995e22, 5e24, 1.125e20, 3.8e25, 0, 2.5e22],
    "usd": [0.06, 0.002, 0.0015, 2.5, 10, 15, 1500, 4600000, 100000000, 0.03, 60, 0.00125, 12345],
    "date": ["2020-05-28", "2020-05", "2020", "2023-11-06", "2024-01-01"],
}
FACTS = [
    ({"value": 175000000000, "source": "s1"}, "count"),
    ({"status": "undisclosed", "source": "s2"}, "count"),
    ({"value": 1.5e9, "approx": True, "source": "s3"}, "count"),
    ({"value": 1.76e12, "status": "estimated", "estimated_by": "Someone", "source": "s4"}, "count"),
    ({"value": 8192, "status": "disputed", "claims": [{"value": 8192, "source": "a"}, {"value": 32768, "source": "b"}],
      "source": "a"}, "tokens"),
    ({"status": "disputed", "claims": [{"value": 1e9, "source": "a"}, {"value": 2e9, "source": "b"}]}, "count"),
    ({"value": 3.14e23, "source": "s5"}, "flops"),
    ({"value": 1e21}, "flops"),
    ({"value": "2020-05-28", "source": "s6"}, "date"),
    ({"value": 0.06, "source": "s7"}, "usd"),
    ({"value": 4600000, "status": "estimated", "estimated_by": "Lambda"}, "usd"),
]


RUNNER = """
const fs = await import("node:fs");
const { makeFormatter } = await import(process.argv[1]);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {};
for (const lang of ["zh", "en"]) {
  const f = makeFormatter(input.display, lang);
  out[lang] = {
    values: input.values.map(([v, unit]) => f.value(v, unit)),
    facts: input.facts.map(([fact, unit]) => f.fact(fact, unit)
      .map((part) => typeof part === "string" ? part : `[^${part.source}]`).join("")),
  };
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_formats_every_value_and_fact_like_python():
    values = [[value, unit] for unit, items in VALUES.items() for value in items]
    display = {"formats": format_tables(), "labels": display_labels()}
    result = subprocess.run([NODE, "--input-type=module", "-e", RUNNER, MODULE.as_uri()], check=True,
                            input=json.dumps({"display": display, "values": values, "facts": FACTS}),
                            capture_output=True, text=True, timeout=60)
    got = json.loads(result.stdout)
    for lang in ("zh", "en"):
        expected_values = [format_value(value, unit, lang) for value, unit in values]
        assert list(zip(values, got[lang]["values"])) == list(zip(values, expected_values))
        expected_facts = [format_fact(fact, unit, lang, cite=lambda source: f"[^{source}]") for fact, unit in FACTS]
        assert got[lang]["facts"] == expected_facts


def test_every_word_the_compare_script_uses_is_published():
    """The compare script reads its words from api/models.json: each key it names must be exported there."""
    import re

    from followgpt.render.api import DISPLAY_TABLES, DISPLAY_TEXT

    script = (MODULE.parent / "followgpt-compare.mjs").read_text(encoding="utf-8")
    texts = set(re.findall(r'words\.text\.([a-z_]+)', script)) | set(re.findall(r'\btext\("([a-z_]+)"', script))
    texts |= {side for side in ("input", "output") if f'"{side}"' in script}
    assert texts and texts <= set(DISPLAY_TEXT), texts - set(DISPLAY_TEXT)
    tables = set(re.findall(r'words\.([a-z_]+)\b', script)) - {"text"}
    assert tables and tables <= set(DISPLAY_TABLES), tables - set(DISPLAY_TABLES)
    formatter = MODULE.read_text(encoding="utf-8")
    assert set(re.findall(r'\btext\("([a-z_]+)"', formatter)) <= set(DISPLAY_TEXT)
