"""``python -m followgpt edition``: print the PDF edition of each language into an already built site."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .printer import EditionError, print_editions


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m followgpt edition", description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--site-dir", type=Path, default=Path("site"), help="the built site (default: site/)")
    parser.add_argument("--project", type=Path, default=Path("."), help="the project (docs/nav.yaml, resources/)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        for printed in print_editions(args.site_dir, args.project.resolve()):
            print(f"{printed.path}: {printed.pages} pages, {printed.bytes / 2**20:.1f} MiB, {printed.seconds:.1f} s")
    except EditionError as exc:
        print(f"edition: {exc}", file=sys.stderr)
        return 1
    return 0
