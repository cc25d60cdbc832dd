"""Load and validate the registry in one pass, collecting every problem before giving up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import (rules_dates, rules_facts, rules_files, rules_identity, rules_lifecycle, rules_lineage,
               rules_references)
from .catalogue import Catalogue
from .issues import Issue, RegistryError
from .normalise import normalise_file
from .registry_api import Registry, build_registry
from .registry_file import RegistryFile
from .schema_check import schema_problems
from .unknown_values import find_unknown_values
from .yaml_document import YamlSyntaxError, read_yaml

SINGLE_FILES = {"organizations": "organizations.yaml", "glossary": "glossary.yaml", "licenses": "licenses.yaml"}
FOLDERS = {"sources": "sources", "models": "models"}


def load_registry(root: Path, today: dt.date | None = None) -> Registry:
    """Load ``root`` (the resources/ folder); raise RegistryError listing every problem found."""
    registry, issues = validate_registry(root, today)
    if issues:
        raise RegistryError(issues)
    return registry


def validate_registry(root: Path, today: dt.date | None = None) -> tuple[Registry, list[Issue]]:
    """The registry (best effort) and every problem found, sorted by file and line."""
    root = Path(root).resolve()
    today = today or dt.date.today()
    catalogue = Catalogue()
    issues: list[Issue] = []
    if not (root / "models").is_dir():
        issues.append(Issue(_display(root, root), 1, None, None,
                            "not a registry folder; expected models/, sources/ and organizations.yaml in it"))
        return Registry(), issues
    for kind, path in _discover(root, issues):
        file = RegistryFile(kind, path, _display(root, path), None)
        catalogue.files.append(file)
        issues.extend(_check_one_file(file, catalogue))
    issues.extend(_check_across_files(catalogue, today))
    return build_registry(catalogue), sorted(set(issues), key=Issue.sort_key)


def _display(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _discover(root: Path, issues: list[Issue]):
    for kind, name in SINGLE_FILES.items():
        if (root / name).is_file():
            yield kind, root / name
        elif kind == "organizations":
            issues.append(Issue(_display(root, root / name), 1, None, None, "missing file; expected the "
                                "organisations the models refer to"))
    for kind, folder in FOLDERS.items():
        for path in sorted((root / folder).glob("*")) if (root / folder).is_dir() else []:
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix == ".yaml":
                yield kind, path
            else:
                issues.append(Issue(_display(root, path), 1, None, None,
                                    f"unexpected file in {folder}/; expected only <id>.yaml files"))


def _check_one_file(file: RegistryFile, catalogue: Catalogue) -> list[Issue]:
    try:
        file.document = read_yaml(file.path)
    except YamlSyntaxError as error:
        catalogue.unparsed_kinds.add(file.kind)
        return [Issue(file.display, error.line, None, None, error.message)]
    if file.document.data is None:
        return [Issue(file.display, 1, None, None, "the file is empty; expected the records of a "
                      f"{file.kind} file (see resources/README.md)")]
    issues = list(rules_files.check_file(file))
    schema = list(schema_problems(file.kind, file.document))
    unknown_fields = [path for path, _message, at_key in schema if at_key]
    blanks = [(path, message) for path, message in find_unknown_values(file.document.data)
              if not _under(path, unknown_fields)]
    issues.extend(file.issue(path, message) for path, message in blanks)
    blank_paths = [path for path, _message in blanks]
    issues.extend(file.issue(path, message, at_key=at_key) for path, message, at_key in schema
                  if at_key or not _under(path, blank_paths))
    normalise_file(file)
    return issues


def _under(path: tuple, parents: list[tuple]) -> bool:
    """True when ``path`` is one of ``parents`` or inside one (its problem is already reported)."""
    return any(path[: len(parent)] == parent for parent in parents)


def _check_across_files(catalogue: Catalogue, today: dt.date) -> list[Issue]:
    checks = [
        rules_identity.check_unique_ids(catalogue),
        rules_identity.check_unique_names(catalogue),
        rules_references.check_references(catalogue),
        rules_lineage.check_edges(catalogue),
        rules_lineage.check_series(catalogue),
        rules_lineage.check_cycles(catalogue),
        rules_facts.check_fact_status(catalogue),
        rules_facts.check_heads_divide_d_model(catalogue),
        rules_facts.check_date_order(catalogue),
        rules_facts.check_fact_bounds(catalogue),
        rules_facts.check_dated_values(catalogue),
        rules_lineage.check_edge_dates(catalogue),
        rules_lifecycle.check_snapshots(catalogue),
        rules_lifecycle.check_lifecycle(catalogue),
        rules_dates.check_dates(catalogue, today),
        rules_files.check_source_authorship(catalogue),
    ]
    return [issue for check in checks for issue in check]
