"""``PYTHONPATH=scripts python -m followgpt.registry.write_schemas``: regenerate resources/schema/*.schema.json."""

from __future__ import annotations

import argparse
from pathlib import Path

from .schemas import write_schema_files

DEFAULT_ROOT = Path(__file__).resolve().parents[3] / "resources"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m followgpt.registry.write_schemas",
                                     description="Write resources/schema/*.schema.json from the vocabulary.")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the registry folder (default: resources/)")
    args = parser.parse_args(argv)
    for path in write_schema_files(args.root):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
