"""The registry as a versioned dataset: versions and a changelog computed from the registry's git history.

Never imports MkDocs. Public API:

- ``read_history(project, cache_dir=None) -> History`` (the registry's states, one per dataset version)
- ``History.versions`` (newest first), ``History.current``; each ``Version`` has its ``changes``
- ``diff_models(before, after) -> list[Change]`` (pure; what changed between two registry states)
"""

from .changes import Change, diff_models
from .history import History, Version, read_history

__all__ = ["Change", "History", "Version", "diff_models", "read_history"]
