"""Command line: ``python -m followgpt <command> [options]``.

Each command lives in its own module; this table only maps names to ``module:function``.
A command function takes the remaining arguments and returns the process exit code.
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "validate": ("followgpt.registry.cli:main", "validate the registry in resources/"),
    "check": ("followgpt.checks.cli:main", "run the content checks (typography, parity, links, safety, originality)"),
    "stamp": ("followgpt.checks.translation:stamp_main", "record which version of its counterpart a translation matches"),
    "build": ("followgpt.site.build:main", "build the bilingual site atomically into site/"),
    "edition": ("followgpt.edition.cli:main", "print the PDF edition of each language into the built site"),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help"} or argv[0] not in COMMANDS:
        width = max(map(len, COMMANDS))
        print("usage: python -m followgpt <command> [options]\n\ncommands:")
        for name, (_, help_text) in COMMANDS.items():
            print(f"  {name.ljust(width)}  {help_text}")
        return 0 if not argv or argv[0] in {"-h", "--help"} else 2
    target, _ = COMMANDS[argv[0]]
    module_name, func_name = target.split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    return int(func(argv[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main())
