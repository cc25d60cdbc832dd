"""The line-tracking YAML reader."""

from __future__ import annotations

import pytest

from followgpt.registry.yaml_document import YamlSyntaxError, read_yaml


def test_values_keep_their_lines_and_registry_friendly_types(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a:\n  date: 2020-05-28\n  answer: no\n  flag: true\n"
                    "  big: 1.75e11\n  items:\n    - one\n    - {k: 2}\n", encoding="utf-8")
    doc = read_yaml(path)
    assert doc.data["a"] == {"date": "2020-05-28", "answer": "no", "flag": True, "big": 1.75e11,
                             "items": ["one", {"k": 2}]}
    assert doc.line_of(("a", "date")) == 2
    assert doc.line_of(("a", "items", 1, "k")) == 8
    assert doc.line_of(("a", "items", 1, "missing")) == 8    # falls back to the parent
    assert doc.line_of(("a", "big"), at_key=True) == 5
    assert doc.raw_text(("a", "big")) == "1.75e11"


def test_duplicate_keys_are_recorded(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\nb: 2\na: 3\n", encoding="utf-8")
    doc = read_yaml(path)
    assert doc.data["a"] == 3
    assert [(d.path, d.line, d.first_line) for d in doc.duplicate_keys] == [(("a",), 3, 1)]


def test_malformed_yaml_reports_its_line(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\nb: [1, 2\nc: 3\n", encoding="utf-8")
    with pytest.raises(YamlSyntaxError) as caught:
        read_yaml(path)
    assert caught.value.line == 3
    assert caught.value.message.startswith("malformed YAML")


def test_non_utf8_is_reported(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: 1\nb: \xff\n")
    with pytest.raises(YamlSyntaxError) as caught:
        read_yaml(path)
    assert caught.value.line == 2


def test_libyaml_and_the_pure_python_parser_read_every_registry_file_alike(monkeypatch):
    """The registry is read with libyaml when PyYAML has it: it must give the same values, raw texts, lines and
    duplicate keys as the pure-Python parser (which still reads every file libyaml rejects, for the messages)."""
    from followgpt.registry import yaml_document
    from projects import REPO

    if yaml_document._FastLoader is None:
        pytest.skip("PyYAML without libyaml")
    files = sorted((REPO / "resources").rglob("*.yaml")) + sorted((REPO / "tests").rglob("fixtures/**/*.yaml"))

    def outcome(path):
        try:
            doc = read_yaml(path)
        except YamlSyntaxError as error:
            return ("error", error.line, error.message)
        return tuple(getattr(doc, a) for a in ("data", "value_lines", "key_lines", "raw", "duplicate_keys",
                                                "first_line"))

    fast = {path: outcome(path) for path in files}
    monkeypatch.setattr(yaml_document, "_FastLoader", None)
    for path in files:
        assert fast[path] == outcome(path), path
