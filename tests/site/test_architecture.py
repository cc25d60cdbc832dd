"""The core (load, validate, render, check) is plain Python: only followgpt.site may import MkDocs."""

import subprocess
import sys

from projects import REPO

CORE = ["followgpt.registry", "followgpt.registry.cache", "followgpt.render", "followgpt.checks", "followgpt.checks.cli",
        "followgpt.navigation", "followgpt.i18n", "followgpt.search_terms", "followgpt.cjk"]


def test_core_modules_do_not_import_mkdocs():
    code = ("import importlib, sys\n"
            f"for name in {CORE!r}: importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith(('mkdocs.', 'material'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": str(REPO / "scripts")}, cwd=REPO)
    assert result.stdout.strip() == "[]"
