"""Every rule has a small bad file that must fail with the right message, file and line.

A case is a folder under fixtures/bad/ laid over a copy of fixtures/valid/. Its files declare the issues the
validator must report, exactly (no more, no fewer), in comment lines:

    # expect: <line>: <text>             an issue in this file at <line> whose "record › field: message" contains <text>
    # expect: <path>:<line>: <text>      the same for another file of the case (path relative to resources/)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from followgpt.registry import validate_registry

BAD = Path(__file__).parent / "fixtures" / "bad"

EXPECT = re.compile(r"^# expect: (?:(?P<file>[\w./-]+\.\w+):)?(?P<line>\d+): (?P<text>.+)$")
CASES = sorted(path.name for path in BAD.iterdir() if path.is_dir())


def expectations(case: str) -> list[tuple[str, int, str]]:
    found = []
    for path in sorted((BAD / case).rglob("*")):
        if not path.is_file():
            continue
        own = "resources/" + path.relative_to(BAD / case).as_posix()
        for line in path.read_text(encoding="utf-8").splitlines():
            match = EXPECT.match(line)
            if match:
                file = "resources/" + match["file"] if match["file"] else own
                found.append((file, int(match["line"]), match["text"]))
    return found


def test_every_case_declares_expectations():
    assert CASES, "no bad cases found"
    for case in CASES:
        assert expectations(case), f"fixtures/bad/{case} declares no '# expect:' lines"


@pytest.mark.parametrize("case", CASES)
def test_bad_case_reports_exactly_the_expected_issues(case, make_registry):
    _registry, issues = validate_registry(make_registry(case))
    unmatched = list(issues)
    missing = []
    for file, line, text in expectations(case):
        match = next((issue for issue in unmatched if issue.file == file and issue.line == line
                      and text in str(issue).split(f"{issue.file}:{issue.line}: ", 1)[1]), None)
        if match is None:
            missing.append(f"{file}:{line}: …{text}…")
        else:
            unmatched.remove(match)
    report = "\n".join(["expected but not reported:", *missing, "reported but not expected:", *map(str, unmatched)])
    assert not missing and not unmatched, report
