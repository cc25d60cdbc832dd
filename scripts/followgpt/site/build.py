"""``python -m followgpt build``: build both languages strictly, and replace ``site/`` only on success.

MkDocs writes into ``site_dir`` as it goes, so an aborted ``--strict`` build leaves a half-written site. We build
into a temporary folder beside the target and swap it in at the end.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from followgpt.project_root import ProjectNotFound, find_project_root


def build_site(config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Build into a temporary folder, then move it to ``site_dir``. Raises on any failure, leaving
    ``site_dir`` as it was."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    try:
        fresh = work / "site"
        config = load_config(str(config_file), site_dir=str(fresh), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        if site_dir.exists():
            site_dir.rename(work / "previous")
        fresh.rename(site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m followgpt build", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=None,
                        help="default: mkdocs.yml of the nearest folder at or above the current directory with "
                             "mkdocs.yml and resources/")
    parser.add_argument("-d", "--site-dir", type=Path, default=None, help="default: site/ beside that mkdocs.yml")
    parser.add_argument("--no-strict", dest="strict", action="store_false", help="don't fail on warnings")
    args = parser.parse_args(argv)
    if args.config_file is None or args.site_dir is None:
        try:
            root = find_project_root()
        except ProjectNotFound as exc:
            print(f"build: {exc}", file=sys.stderr)
            return 2
        args.config_file = args.config_file or root / "mkdocs.yml"
        args.site_dir = args.site_dir or root / "site"
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        build_site(args.config_file, args.site_dir, strict=args.strict)
    except (Abort, ConfigurationError, PluginError) as exc:
        print(f"Build failed; {args.site_dir} was left unchanged.\n{exc}", file=sys.stderr)
        return 1
    print(f"Built both languages into {args.site_dir}/ (Chinese at /, English at /en/).")
    return 0
