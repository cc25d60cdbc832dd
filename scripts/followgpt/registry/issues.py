"""Problems found in the registry, each with its file, line, record, field and message."""

from __future__ import annotations

from dataclasses import dataclass

SEPARATOR = " › "


@dataclass(frozen=True)
class Issue:
    file: str               # display path, e.g. resources/models/openai-gpt.yaml
    line: int               # 1-based line of the offending value
    record: str | None      # record id (or e.g. "models[3]" when the record has no usable id)
    field: str | None       # field path inside the record, e.g. facts.parameters.value
    message: str            # what is wrong and what was expected

    def __str__(self) -> str:
        where = SEPARATOR.join(part for part in (self.record, self.field) if part)
        return f"{self.file}:{self.line}: " + (f"{where}: " if where else "") + self.message

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.record or "", self.field or "", self.message)

    def github(self) -> str:
        """A GitHub Actions annotation."""
        where = SEPARATOR.join(part for part in (self.record, self.field) if part)
        text = (f"{where}: " if where else "") + self.message
        return f"::error file={_escape_property(self.file)},line={self.line},title=registry::{_escape_data(text)}"


class RegistryError(Exception):
    """The registry is invalid; ``issues`` lists every problem found in the run."""

    def __init__(self, issues: list[Issue]):
        self.issues = list(issues)
        count = len(self.issues)
        lines = "\n".join(str(issue) for issue in self.issues[:50])
        more = f"\n… and {count - 50} more" if count > 50 else ""
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the registry:\n{lines}{more}")


def format_path(path) -> str:
    """('facts', 'parameters', 'value') -> facts.parameters.value; ('lineage', 0, 'target') -> lineage[0].target"""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
