"""A finding: one problem at one place, with the rule it breaks and how to fix it.

Printed as ``path:line: RULE-ID message (how to fix)``, or for GitHub Actions as an ``::error`` annotation.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    path: str            # repository-relative, with forward slashes
    line: int            # 1-based; 1 for whole-file problems
    rule: str            # a rule id from followgpt.checks.rules.RULES
    message: str         # what is wrong
    fix: str = ""        # how to fix it
    col: int = 0         # 1-based column when known (GitHub annotations only), else 0

    def text(self) -> str:
        fix = f" ({self.fix})" if self.fix else ""
        return f"{self.path}:{self.line}: {self.rule} {self.message}{fix}"

    def github(self) -> str:
        fix = f" ({self.fix})" if self.fix else ""
        props = f"file={_prop(self.path)},line={self.line}"
        if self.col:
            props += f",col={self.col}"
        props += f",title={_prop(self.rule)}"
        return f"::error {props}::{_data(self.rule + ' ' + self.message + fix)}"


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def quote(text: str, limit: int = 40) -> str:
    """A short excerpt for a message, in double quotes."""
    text = text.replace("\n", " ")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'
