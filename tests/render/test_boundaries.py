"""The renderers are plain Python: importing them must not pull in MkDocs."""

import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def test_render_does_not_import_mkdocs():
    code = "import sys, followgpt.render, followgpt.render.page; print(any(m.split('.')[0] == 'mkdocs' for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(SCRIPTS)},
                            check=True)
    assert result.stdout.strip() == "False"
