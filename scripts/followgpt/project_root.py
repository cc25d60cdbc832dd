"""Which FollowGPT project a command works on: the one around the current directory.

Like ``mkdocs`` finding ``mkdocs.yml``, the commands (validate, check, stamp, build) look for the project from the
current directory upwards: the nearest folder that holds both ``mkdocs.yml`` and ``resources/``. They never fall
back to the checkout the package happens to be installed from, so running them in a copy of the project checks
that copy, and running them outside any project fails with a message saying so.
"""

from __future__ import annotations

from pathlib import Path

MARKERS = ("mkdocs.yml", "resources")


class ProjectNotFound(Exception):
    """No FollowGPT project at or above the starting folder."""

    def __init__(self, start: Path) -> None:
        self.start = start
        super().__init__(
            f"{start} is not inside a FollowGPT project: no folder at or above it holds both mkdocs.yml and "
            "resources/. Run the command from the project (or a folder inside it), or pass --root.")


def is_project(folder: Path) -> bool:
    return (folder / "mkdocs.yml").is_file() and (folder / "resources").is_dir()


def find_project_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (default: the current directory) that holds mkdocs.yml and
    resources/. Raises ProjectNotFound when there is none."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if is_project(folder):
            return folder
    raise ProjectNotFound(start)
