"""JSON, CSV and BibTeX exports."""

import csv
import io
import json

from followgpt.render import to_bibtex, to_csv, to_json


def test_json_round_trips_and_drops_bookkeeping(registry):
    data = json.loads(to_json(registry))
    assert data["format"] == "followgpt-registry" and data["fact_units"]["parameters"] == "count"
    gpt3 = next(model for model in data["models"] if model["id"] == "gpt-3")
    assert gpt3["facts"]["parameters"] == {"value": 175000000000, "source": "brown2020-gpt3", "where": "Table 2.1"}
    assert gpt3["family"] == "core" and "file" not in gpt3 and "line" not in gpt3
    assert [source["id"] for source in data["sources"]][:1] == ["vaswani2017-transformer"]
    assert to_json(registry) == to_json(registry)


def test_csv_one_row_per_model_and_fact(registry):
    rows = list(csv.DictReader(io.StringIO(to_csv(registry))))
    by_key = {(row["model_id"], row["fact"]): row for row in rows}
    assert by_key[("gpt-3", "parameters")]["value"] == "175000000000"
    assert by_key[("gpt-3", "parameters")]["source_url"] == "https://arxiv.org/abs/2005.14165"
    assert by_key[("gpt-3", "paper_date")]["value"] == "2020-05-28"
    assert by_key[("gpt-4", "parameters")]["status"] == "undisclosed"
    assert by_key[("gpt-4", "parameters")]["value"] == ""
    assert by_key[("gpt-4", "context_length")]["claims"] == "8192 (openai2023-gpt4-report); 32768 (odd2023-rumour)"
    assert by_key[("gpt-4", "training_compute_flops")]["estimated_by"] == "Epoch AI"
    assert by_key[("gpt-2", "parameters")]["approx"] == "true"
    assert len(rows) == sum(len(model.get("facts", {})) for model in registry.models.values())


def test_bibtex_one_entry_per_source_with_escaping(registry):
    bib = to_bibtex(registry)
    assert bib.count("\n@") + bib.startswith("@") == len(registry.sources)
    assert ("@misc{brown2020-gpt3,\n  title = {{Language Models are Few-Shot Learners}},\n"
            "  author = {Tom B. Brown and Benjamin Mann and Nick Ryder and others},\n  year = {2020},\n"
            "  month = {5},\n  eprint = {2005.14165},\n  archivePrefix = {arXiv},\n"
            "  url = {https://arxiv.org/abs/2005.14165}\n}") in bib
    assert r"title = {{Rumours \& <Leaks>: the \{big\} [model] | \#1}}" in bib
    assert "howpublished = {Epoch AI}" in bib
