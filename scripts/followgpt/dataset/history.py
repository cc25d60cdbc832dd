"""The registry's history as dataset versions, read from git.

A dataset version is the state of ``resources/models/`` at the end of a day (UTC) on which the first-parent
history of the checkout changed it; it is named by that day, ``YYYY.MM.DD``. Each version's changes are the
difference from the version before; the first version is the initial release. Uncommitted edits to the registry
(a contributor's preview) form an extra, unreleased version on top.

Git is the record: nothing here is written by hand, and the same history always gives the same versions. The
states of past commits never change, so they are cached by commit id (``cache_dir``, safe to delete).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .changes import Change, diff_models

MODELS_DIR = "resources/models"
UNRELEASED = "unreleased"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Version:
    name: str                        # "2026.12.05", or UNRELEASED for uncommitted edits
    date: dt.date
    commit: str                      # the last commit of the day ("" for uncommitted edits)
    models: dict[str, dict]          # id → record (plain data) at this version
    changes: list[Change] = field(default_factory=list)
    initial: bool = False            # the first version: its "changes" are the whole registry

    @property
    def released(self) -> bool:
        return self.name != UNRELEASED


@dataclass
class History:
    versions: list[Version]          # newest first
    available: bool = True           # False when the checkout has no (full) git history
    reason: str = ""

    @property
    def current(self) -> Version | None:
        return self.versions[0] if self.versions else None

    @property
    def current_name(self) -> str:
        """The version that describes the data being built: the newest released one when the tree is clean."""
        return self.current.name if self.current else UNRELEASED

    @property
    def latest_release(self) -> Version | None:
        return next((version for version in self.versions if version.released), None)


def version_name(day: dt.date) -> str:
    return f"{day.year:04d}.{day.month:02d}.{day.day:02d}"


def models_from_files(files: dict[str, str]) -> dict[str, dict]:
    """Model records (id → record, with ``family``) from registry files' texts (path → YAML text). Files that do
    not parse are skipped: a past state is read as well as it can be, never validated against today's rules."""
    models: dict[str, dict] = {}
    for path in sorted(files):
        try:
            data = yaml.load(files[path], Loader=_Loader)
        except yaml.YAMLError:
            continue
        if not isinstance(data, dict):
            continue
        family = Path(path).stem
        for record in data.get("models") or []:
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                models[record["id"]] = _jsonable({**record, "family": family})
    return models


def _jsonable(value):
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class _Git:
    def __init__(self, project: Path):
        self.project = project

    def run(self, *args: str, stdin: bytes | None = None) -> bytes:
        return subprocess.run(["git", "-C", str(self.project), *args], input=stdin, capture_output=True,
                              check=True).stdout

    def text(self, *args: str) -> str:
        return self.run(*args).decode("utf-8").strip()

    def files_at(self, commit: str, folder: str) -> dict[str, str]:
        """path → text of every .yaml file under ``folder`` at ``commit``, read through one cat-file process."""
        names = [name for name in self.run("ls-tree", "-r", "-z", "--name-only", commit, "--", folder)
                 .decode("utf-8").split("\0") if name.endswith(".yaml")]
        if not names:
            return {}
        out = self.run("cat-file", "--batch", stdin="".join(f"{commit}:{name}\n" for name in names).encode())
        files, offset = {}, 0
        for name in names:
            header_end = out.index(b"\n", offset)
            size = int(out[offset:header_end].split()[2])
            start = header_end + 1
            files[name] = out[start:start + size].decode("utf-8")
            offset = start + size + 1
        return files


def _state_at(git: _Git, commit: str, cache_dir: Path | None) -> dict[str, dict]:
    cached = cache_dir / f"{commit}.json" if cache_dir else None
    if cached and cached.is_file():
        try:
            return json.loads(cached.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    models = models_from_files(git.files_at(commit, MODELS_DIR))
    if cached:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps(models, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass
    return models


def _working_tree_models(project: Path) -> dict[str, dict]:
    folder = project / MODELS_DIR
    return models_from_files({path.relative_to(project).as_posix(): path.read_text(encoding="utf-8")
                              for path in sorted(folder.glob("*.yaml"))})


def read_history(project: Path, cache_dir: Path | None = None, today: dt.date | None = None) -> History:
    """The dataset's versions, newest first. Without git or with a shallow clone the history is unavailable:
    the result says why, and has at most the unreleased working-tree state."""
    project = Path(project).resolve()
    git = _Git(project)
    try:
        if git.text("rev-parse", "--is-shallow-repository") == "true":
            return _unavailable(project, today, "the checkout is a shallow clone; fetch its full history")
        top = Path(git.text("rev-parse", "--show-toplevel")).resolve()
        log = git.text("log", "--first-parent", "--format=%H %ct", "HEAD", "--", MODELS_DIR)
        dirty = bool(git.text("status", "--porcelain", "--", MODELS_DIR))
    except (OSError, subprocess.CalledProcessError):
        return _unavailable(project, today, "the project is not a git checkout")
    if top != project:
        return _unavailable(project, today, "the project is not the top of its git checkout")
    last_of_day: dict[dt.date, str] = {}
    for line in log.splitlines():                      # newest first: the first commit seen is the day's last
        commit, stamp = line.split()
        day = dt.datetime.fromtimestamp(int(stamp), tz=dt.timezone.utc).date()
        last_of_day.setdefault(day, commit)
    versions = [Version(version_name(day), day, commit, _state_at(git, commit, cache_dir))
                for day, commit in sorted(last_of_day.items())]
    if dirty:
        versions.append(Version(UNRELEASED, today or dt.date.today(), "", _working_tree_models(project)))
    for index, version in enumerate(versions):
        if index == 0:
            version.initial = True
            version.changes = diff_models({}, version.models)
        else:
            version.changes = diff_models(versions[index - 1].models, version.models)
    versions = [version for version in versions if version.changes or version.initial]
    return History(list(reversed(versions)))


def _unavailable(project: Path, today: dt.date | None, reason: str) -> History:
    models = _working_tree_models(project) if (project / MODELS_DIR).is_dir() else {}
    version = Version(UNRELEASED, today or dt.date.today(), "", models, diff_models({}, models), initial=True)
    return History([version], available=False, reason=reason)
