"""``python -m followgpt validate [--root resources] [--format text|github]``"""

from __future__ import annotations

import argparse
from pathlib import Path

from .loader import validate_registry
from .schemas import stale_schema_files

DEFAULT_ROOT = Path(__file__).resolve().parents[3] / "resources"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m followgpt validate",
                                     description="Validate the model registry (YAML files in resources/).")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the registry folder (default: resources/)")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="github prints GitHub Actions ::error annotations")
    args = parser.parse_args(argv)

    registry, issues = validate_registry(args.root)
    for issue in issues:
        print(issue.github() if args.format == "github" else str(issue))
    for path in stale_schema_files(args.root) if (args.root / "schema").is_dir() else []:
        print(f"warning: {path} is out of date; run: PYTHONPATH=scripts python -m followgpt.registry.write_schemas")
    if issues:
        files = {issue.file for issue in issues}
        print(f"registry: {_count(issues, 'problem')} in {_count(files, 'file')}")
        return 1
    print(f"registry OK: {_count(registry.models, 'model')} in {_count(registry.families, 'family', 'families')}, "
          f"{_count(registry.sources, 'source')} in {_count(registry.topics, 'topic')}, "
          f"{_count(registry.organizations, 'organisation')}, {_count(registry.licenses, 'licence')}, "
          f"{_count(registry.glossary, 'term')}")
    return 0


def _count(items, singular: str, plural: str | None = None) -> str:
    return f"{len(items)} {singular if len(items) == 1 else plural or singular + 's'}"
