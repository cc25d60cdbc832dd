"""Load the registry once per content: the validated registry is kept by a fingerprint of everything it depends on.

A build loads the registry in each language's process, and ``mkdocs serve`` loads it again on every rebuild.
``load_registry_cached`` keeps the validated registry, pickled, in memory (for rebuilds in the same process) and
on disk under ``cache_dir`` (for the next build), keyed by a hash of the contents (reading and hashing the files
takes about a millisecond; parsing and validating them takes half a second). The key covers every file under resources/, the registry's own code and today's date (the date
rules depend on it), so a cached registry is the one a fresh load would give. Only registries that validate are
kept; a registry with problems is always loaded afresh, so its errors are reported in full every time. The cache
is safe to delete.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from .loader import load_registry
from .registry_api import Registry

_CODE = Path(__file__).resolve().parent
KEEP = 8
_memory: dict[str, bytes] = {}   # content key -> pickled registry (this process)


def _inputs(root: Path) -> list[Path]:
    files = [p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.parts[-2:])]
    files += sorted(_CODE.glob("*.py"))
    return sorted(files)


def _content_key(root: Path, files: list[Path], today: dt.date) -> str:
    digest = hashlib.sha256()
    digest.update(f"{sys.version}\0{today.isoformat()}\0".encode())
    for path in files:
        name = path.relative_to(root).as_posix() if root in path.parents else "code/" + path.name
        digest.update(name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def content_key(root: Path, today: dt.date | None = None) -> str:
    """The key the registry under ``root`` is kept by: it changes whenever a fresh load could give another
    registry (its files, the registry's code, today's date)."""
    root = Path(root).resolve()
    return _content_key(root, _inputs(root), today or dt.date.today())


def load_registry_cached(root: Path, cache_dir: Path | None = None, today: dt.date | None = None) -> Registry:
    """Like ``load_registry(root)``, reusing an earlier load of the same files (raises RegistryError alike)."""
    root = Path(root).resolve()
    today = today or dt.date.today()
    key = _content_key(root, _inputs(root), today)
    if key in _memory:
        return pickle.loads(_memory[key])
    disk = None
    if cache_dir is not None:
        disk = Path(cache_dir) / f"{key}.pickle"
        try:
            blob = disk.read_bytes()
            registry = pickle.loads(blob)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            blob = None
        if blob is not None:
            _memory.clear()
            _memory[key] = blob
            return registry
    registry = load_registry(root, today)
    blob = pickle.dumps(registry, protocol=pickle.HIGHEST_PROTOCOL)
    _memory.clear()
    _memory[key] = blob
    if disk is not None:
        try:
            disk.parent.mkdir(parents=True, exist_ok=True)
            kept = sorted(disk.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in kept[KEEP - 1:]:  # the newest few registries (a test run loads several)
                old.unlink(missing_ok=True)
            fd, tmp = tempfile.mkstemp(dir=disk.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as out:
                out.write(blob)
            os.replace(tmp, disk)
        except OSError:
            pass  # a read-only project still builds
    return pickle.loads(blob)
