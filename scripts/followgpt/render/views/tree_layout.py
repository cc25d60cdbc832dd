"""How wide a generated mermaid flowchart will be, estimated in Python before mermaid draws it.

The tree view uses this to choose a direction (TB or LR) and, when neither fits, to split a family into parts.
It follows mermaid 11's flowchart defaults with the dagre layout, as overrides/partials/diagram-space.html does
in the browser: 16px labels wrapped at 200px, nodes padded 15px (top/bottom) and 30px (sides), 50px between
nodes and between ranks; labelled edges put a row of labels between two ranks; ranks come from the longest
path. Text is measured with Arial's advance widths (Liberation Sans on Linux, the font mermaid's
"trebuchet ms, verdana, arial, sans-serif" falls back to when there is no Trebuchet), CJK characters as one em.
Checked against the diagrams mermaid drew for the site: see tests/render/test_tree_layout.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

FONT = 16.0
WRAP = 200.0
LINE = 24.0
PAD_X, PAD_Y = 30.0, 15.0
NODESEP, RANKSEP = 50.0, 50.0
EDGESEP = 20.0
DUMMYSEP = 50.0
MARGIN = 8.0

# Arial advance widths at 16px for printable ASCII (32–126), two decimals.
_ASCII = [
    4.45, 4.45, 5.68, 8.9, 8.9, 14.23, 10.67, 3.05, 5.33, 5.33, 6.23, 9.34, 4.45, 5.33, 4.45, 4.45,
    8.9, 8.9, 8.9, 8.9, 8.9, 8.9, 8.9, 8.9, 8.9, 8.9, 4.45, 4.45, 9.34, 9.34, 9.34, 8.9,
    16.24, 10.67, 10.67, 11.55, 11.55, 10.67, 9.77, 12.45, 11.55, 4.45, 8.0, 10.67, 8.9, 13.33, 11.55, 12.45,
    10.67, 12.45, 11.55, 10.67, 9.77, 11.55, 10.67, 15.1, 10.67, 10.67, 9.77, 4.45, 4.45, 4.45, 7.51, 8.9,
    5.33, 8.9, 8.9, 8.0, 8.9, 8.9, 4.45, 8.9, 8.9, 3.55, 3.55, 8.0, 3.55, 13.33, 8.9, 8.9,
    8.9, 8.9, 5.33, 8.0, 4.45, 8.9, 8.0, 11.55, 8.0, 8.0, 8.0, 5.34, 4.16, 5.34, 9.34,
]


def char_width(char: str) -> float:
    code = ord(char)
    if 32 <= code <= 126:
        return _ASCII[code - 32]
    if code >= 0x2E80:          # CJK, full-width punctuation
        return FONT
    if char in "·–—‘’“”":
        return 8.9 if char in "–—" else 4.45 if char in "·" else 5.33
    return 8.9


def text_width(text: str) -> float:
    return sum(char_width(char) for char in text)


@lru_cache(maxsize=1 << 16)   # a split tree measures the same labels for every part it tries
def wrapped(text: str, limit: float = WRAP) -> tuple[float, int]:
    """(width, lines) of ``text`` wrapped at spaces (and between CJK characters) within ``limit`` px."""
    widest, lines = 0.0, 0
    for paragraph in text.split("\n"):
        line = 0.0
        lines += 1
        for word in _words(paragraph):
            width = text_width(word)
            if line and line + width > limit:
                widest = max(widest, line)
                lines += 1
                line = text_width(word.lstrip())
            else:
                line += width
            while line > limit:     # a single word longer than the limit breaks where it must
                lines += 1
                line -= limit
                widest = limit
        widest = max(widest, line)
    return min(widest, limit), lines


def _words(text: str) -> list[str]:
    words: list[str] = []
    for char in text:
        if not words or char == " " or ord(char) >= 0x2E80 or ord(words[-1][-1]) >= 0x2E80:
            words.append(char)
        else:
            words[-1] += char
    return words


@dataclass(frozen=True)
class Box:
    w: float
    h: float


@lru_cache(maxsize=8192)
def node_box(label: str) -> Box:
    width, lines = wrapped(label)
    return Box(width + 2 * PAD_X, lines * LINE + 2 * PAD_Y)


@lru_cache(maxsize=8192)
def label_box(label: str) -> Box:
    width, lines = wrapped(label)
    return Box(width, lines * LINE)


def ranks(nodes: list[str], edges: list[tuple[str, str]], pull: str = "") -> dict[str, int]:
    """Longest-path ranks, ignoring edges that close a cycle. ``pull``: move nodes without parents down towards
    their children ("near": just above the nearest child, "far": just above the farthest, taking their other
    descendants along), two guesses at what dagre's network simplex does."""
    out: dict[str, list[str]] = {}
    for parent, child in edges:
        out.setdefault(parent, []).append(child)
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()

    def visit(node: str) -> None:
        stack = [(node, iter(out.get(node, [])))]
        state[node] = 1
        while stack:
            current, children = stack[-1]
            for child in children:
                if state.get(child) == 1:
                    back.add((current, child))
                elif child not in state:
                    state[child] = 1
                    stack.append((child, iter(out.get(child, []))))
                    break
            else:
                state[current] = 2
                stack.pop()

    for node in nodes:
        if node not in state:
            visit(node)
    rank = {node: 0 for node in nodes}
    forward = [edge for edge in edges if edge not in back and edge[0] in rank and edge[1] in rank]

    def push_down() -> None:
        for _ in range(len(nodes) + 1):
            changed = False
            for parent, child in forward:
                if rank[child] < rank[parent] + 1:
                    rank[child] = rank[parent] + 1
                    changed = True
            if not changed:
                break

    push_down()
    # dagre's network simplex keeps edges short: a node without parents sits just above its nearest child
    # (a series record drawn beside its first member, not at the top), and its other children follow it down
    has_parent = {child for _, child in forward}
    children_of: dict[str, list[str]] = {}
    for parent, child in forward:
        children_of.setdefault(parent, []).append(child)
    for _ in range(3 if pull else 0):
        for node in nodes:
            if node in has_parent or node not in children_of:
                continue
            children = [rank[child] for child in children_of[node]]
            rank[node] = max(rank[node], (min(children) if pull == "near" else max(children)) - 1)
        push_down()
    return rank


def estimate(labels: dict[str, str], edges: list[tuple[str, str, str]], direction: str = "TB") -> Box:
    """The drawn size of a flowchart with these node labels (node id → text) and (parent, child, label)
    edges, laid out ``direction``: the largest of three guesses at dagre's ranks (longest path, sources pulled
    near, sources pulled far), so that it errs on the wide side."""
    key = (tuple(labels.items()), tuple(edges), direction)
    if key not in _ESTIMATES:
        if len(_ESTIMATES) > 4096:
            _ESTIMATES.clear()
        guesses = [_estimate(labels, edges, direction, pull) for pull in ("", "near", "far")]
        _ESTIMATES[key] = Box(max(box.w for box in guesses), max(box.h for box in guesses))
    return _ESTIMATES[key]


# Splitting a tree estimates the same parts again (by era and by branch, both directions): ~40% of the calls.
_ESTIMATES: dict[tuple, Box] = {}


def _estimate(labels: dict[str, str], edges: list[tuple[str, str, str]], direction: str, pull: str) -> Box:
    """The drawn size of a flowchart with these node labels (node id → text) and (parent, child, label)
    edges, laid out ``direction``.

    As dagre does when edges carry labels, ranks are doubled: nodes sit on even ranks, an edge's label on the
    rank halfway along it (a row of its own between neighbouring ranks, a node row for longer edges), and an
    edge passing a rank takes a little room there."""
    horizontal = direction in ("LR", "RL")
    boxes = {node: node_box(text) for node, text in labels.items()}
    rank = ranks(list(labels), [(parent, child) for parent, child, _ in edges], pull)
    # per doubled rank: (main size, cross size, items) — items are boxes along the cross axis
    main_of: dict[int, float] = {}
    cross_of: dict[int, float] = {}
    count_of: dict[int, int] = {}

    def place(row: int, box: Box, separation: float = NODESEP) -> None:
        main_of[row] = max(main_of.get(row, 0.0), box.w if horizontal else box.h)
        cross_of[row] = cross_of.get(row, 0.0) + (box.h if horizontal else box.w) + (separation if count_of.get(row) else 0.0)
        count_of[row] = count_of.get(row, 0) + 1

    for node in labels:
        place(2 * rank[node], boxes[node])
    for parent, child, text in edges:
        if parent not in rank or child not in rank:
            continue
        low, high = sorted((2 * rank[parent], 2 * rank[child]))
        middle = (low + high) // 2
        for row in range(low + 1, high):
            if row == middle and text:
                place(row, label_box(text))
            else:
                place(row, Box(0.0, 0.0), DUMMYSEP)
    main = cross = 0.0
    rows = sorted(main_of)
    for index, row in enumerate(rows):
        main += main_of[row] + (RANKSEP / 2 if index else 0.0)
        cross = max(cross, cross_of[row])
    size = Box(main, cross) if horizontal else Box(cross, main)
    return Box(size.w + 2 * MARGIN, size.h + 2 * MARGIN)


def parse_generated(source: str) -> tuple[dict[str, str], list[tuple[str, str, str]], str]:
    """The labels, edges and direction of a flowchart written by the tree view (for checks and calibration)."""
    import html
    import re

    lines = source.strip().splitlines()
    direction = lines[0].split()[1] if len(lines[0].split()) > 1 else "TB"
    labels: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []

    def unescape(text: str) -> str:
        text = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text)
        text = re.sub(r"#(quot|lt|gt|amp);", lambda m: html.unescape(f"&{m.group(1)};"), text)
        return re.sub(r"<br\s*/?>", "\n", text)

    for line in lines[1:]:
        line = line.strip()
        match = re.match(r'^(\w+)\["(.*)"\](:::\S+)?$', line)
        if match:
            labels[match.group(1)] = unescape(match.group(2))
            continue
        match = re.match(r'^(\w+)\s+(?:-->|-\.->|==>|---)\s*(?:\|"(.*?)"\|)?\s*(\w+)$', line)
        if match:
            edges.append((match.group(1), match.group(3), unescape(match.group(2) or "")))
    return labels, edges, direction
