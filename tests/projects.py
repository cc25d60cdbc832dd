"""Tiny real FollowGPT projects for build tests."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# The start of a note in check tests: front matter with a description, then the H1. The body starts on line 7,
# which is the line the expected findings name.
NOTE_HEADER_ZH = "---\ndescription: 测试页面。\n---\n\n# 测试\n\n"
NOTE_HEADER_EN = "---\ndescription: A test page.\n---\n\n# Test\n\n"


def make_project(root: Path, pages: dict[str, str], nav: str | None = None, resources: Path | None = None) -> Path:
    """A tiny FollowGPT project: the real configs, theme overrides, hook and client libraries, with the given
    pages (``{"zh/index.md": "...", "en/index.md": "..."}``) and the given registry (default: the real one)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(REPO / name, root / name)
    for name in ("overrides", "node_modules", "scripts"):
        (root / name).symlink_to(REPO / name, target_is_directory=True)
    (root / "resources").symlink_to(resources or REPO / "resources", target_is_directory=True)
    docs = root / "docs"
    # Generated model pages link to the model index, so every project has one.
    for lang in ("zh", "en"):
        pages.setdefault(f"{lang}/models/index.md", "# Models\n\n<!-- followgpt:models -->\n")
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    (docs / "nav.yaml").write_text(nav or "- index.md\n", encoding="utf-8")
    return root

