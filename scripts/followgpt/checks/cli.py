"""``python -m followgpt check``: every content check, all problems in one run, exit 1 if there is any.

Prints ``path:line: RULE-ID message (how to fix)`` (or ``--format github`` annotations), one per problem, sorted
by file and line; the rules are explained in the style manual (docs/zh|en/contributing/style.md, anchor = the
rule id in lower case).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from followgpt.navigation import NavError, load_nav, nav_pages

from . import citations, freshness, links, originality, safety, translation, typography
from .findings import Finding
from followgpt.project_root import ProjectNotFound

from .project import Project
from .rules import RULES, STYLE_MANUAL

CHECKS = ("typography", "headings", "links", "safety", "citations", "freshness", "originality", "translation", "nav")
DEFAULT_REPORT = Path("build") / "reports" / "external-links.md"


def default_seeds(root: Path) -> Path | None:
    """Where CI keeps the seed notes: $FOLLOWGPT_SEEDS, else ../shared/seeds beside the checkout."""
    configured = os.environ.get("FOLLOWGPT_SEEDS")
    if configured:
        return Path(configured)
    beside = root.parent / "shared" / "seeds"
    return beside if beside.is_dir() else None


def run(project: Project, files: list[Path] | None = None, only: set[str] | None = None,
        site: Path | None = None, external: list | None = None) -> list[Finding]:
    """All findings for the given notes (default: every note), sorted."""
    wanted = set(only or CHECKS)
    paths = files if files is not None else project.page_files()
    pages = [project.page(path) for path in paths if path.suffix == ".md"]
    findings: list[Finding] = []
    index = originality.load_index(project.seeds) if "originality" in wanted else None
    for page in pages:
        found: list[Finding] = list(page.pragma_findings)
        if "typography" in wanted:
            found += typography.check_front_matter(page)
            found += typography.check_typography(page)
        if "headings" in wanted:
            found += typography.check_headings(page)
        if "links" in wanted:
            found += links.check_links(page, project, external)
        if "safety" in wanted:
            found += safety.check_safety(page)
        if "citations" in wanted:
            found += citations.check_citations(page, project)
            found += citations.check_figures(page, project)
            found += citations.check_rumours(page)
        if "freshness" in wanted:
            found += freshness.check_freshness(page)
        if index is not None:
            found += originality.check_page(page, index)
        findings += [finding for finding in found if page.allows(finding)]
    if "links" in wanted and files is None:
        findings += links.check_registry_urls(project, external)
    if index is not None and files is None:
        findings += originality.check_resources(project.root, index)
    if "translation" in wanted:
        findings += translation.check_translations(project, pages if files is not None else None)
    if "nav" in wanted and files is None:
        findings += check_nav(project)
    if site is not None:
        findings += links.check_site(site, project, external)
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.col, f.rule, f.message))


def check_nav(project: Project) -> list[Finding]:
    nav_file = project.docs / "nav.yaml"
    if not nav_file.is_file():
        return []
    rel = nav_file.relative_to(project.root).as_posix()
    try:
        entries = load_nav(nav_file)
    except NavError:
        return []  # the build reports a malformed nav with its own message
    lines = nav_file.read_text(encoding="utf-8").split("\n")
    findings = []
    for page_path in nav_pages(entries):
        if any((project.docs / lang / page_path).is_file() for lang in ("zh", "en")):
            continue
        line = next((index + 1 for index, text in enumerate(lines) if text.strip().lstrip("- ").strip() == page_path), 1)
        findings.append(Finding(rel, line, "NAV-1", f"{page_path} is in the navigation but exists in neither "
                                f"docs/zh/ nor docs/en/", "add the page, or remove the entry"))
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m followgpt check",
        description="Content checks for the notes: typography, headings, links, safety, citations, "
                    "originality, translation parity and drift. Rules: " + STYLE_MANUAL)
    parser.add_argument("files", nargs="*", type=Path,
                        help="notes to check (default: every note under docs/zh and docs/en, plus the registry "
                             "for originality and docs/nav.yaml)")
    parser.add_argument("--format", choices=("text", "github"),
                        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
                        help="github prints ::error annotations for GitHub Actions (the default when "
                             "GITHUB_ACTIONS=true, so `make check` annotates pull requests)")
    parser.add_argument("--only", default=None,
                        help=f"comma-separated subset of: {', '.join(CHECKS)}")
    parser.add_argument("--site", type=Path, default=None,
                        help="also check internal links and anchors in this built site (e.g. site/)")
    parser.add_argument("--seeds", type=Path, default=None,
                        help="the seed notes for the originality guard (default: $FOLLOWGPT_SEEDS or "
                             "../shared/seeds beside the checkout, else the committed fingerprints)")
    parser.add_argument("--external-report", type=Path, default=None,
                        help=f"where to list external links (default: {DEFAULT_REPORT}; '-' for none)")
    parser.add_argument("--root", type=Path, default=None,
                        help="project root (default: the nearest folder at or above the current directory with "
                             "mkdocs.yml and resources/)")
    parser.add_argument("--list-rules", action="store_true", help="print the rule ids and exit")
    args = parser.parse_args(argv)

    if args.list_rules:
        for rule in RULES.values():
            print(f"{rule.id:<11} {'' if rule.checked else '(by hand) '}{rule.title}")
        return 0
    only = None
    if args.only:
        only = {part.strip() for part in args.only.split(",") if part.strip()}
        unknown = only - set(CHECKS)
        if unknown:
            parser.error(f"unknown check(s) {', '.join(sorted(unknown))}; choose from {', '.join(CHECKS)}")
    started = time.monotonic()
    try:
        project = Project(args.root)
    except ProjectNotFound as exc:
        print(f"check: {exc}", file=sys.stderr)
        return 2
    project.seeds = args.seeds or default_seeds(project.root)
    files = None
    if args.files:
        files = []
        for path in args.files:
            path = (path if path.is_absolute() else Path.cwd() / path).resolve()
            if not path.is_file():
                print(f"{path}: no such file", file=sys.stderr)
                return 2
            try:
                path.relative_to(project.docs)
            except ValueError:
                continue  # pre-commit may pass other files; only notes are checked
            files.append(path)
    if args.site is not None and not (args.site / "index.html").is_file():
        print(f"{args.site}: not a built site (no index.html); run python -m followgpt build first", file=sys.stderr)
        return 2
    external: list = []
    findings = run(project, files, only, args.site, external)
    for finding in findings:
        print(finding.github() if args.format == "github" else finding.text())
    report = args.external_report if args.external_report is not None else project.root / DEFAULT_REPORT
    summary = []
    if str(report) != "-" and files is None and (only is None or "links" in only):
        count = links.write_external_report(external, report)
        try:
            shown = report.resolve().relative_to(project.root).as_posix()
        except ValueError:
            shown = str(report)
        summary.append(f"{count} external links listed in {shown}")
    seconds = time.monotonic() - started
    checked = len(files) if files is not None else len(project.page_files())
    source = "" if only and "originality" not in only else \
        (" (originality: seed notes)" if project.seeds and originality.seed_files(project.seeds)
         else " (originality: committed fingerprints)")
    status = f"{len(findings)} problem{'s' if len(findings) != 1 else ''}" if findings else "no problems"
    print(f"check: {checked} notes, {status}{source}; {'; '.join(summary) + '; ' if summary else ''}"
          f"{seconds:.1f}s. Rules: {STYLE_MANUAL}", file=sys.stderr)
    return 1 if findings else 0
