"""Make parts of long Chinese terms findable in Material's search index.

Material segments Chinese text with jieba's precise mode, so a user-dictionary term such as 强化学习 becomes
one token and a search for 学习 no longer finds it. jieba's search mode also yields the parts (强化, 学习). We add
those extra parts to a separate ``terms`` field of each index entry (declared in mkdocs.yml under
``search.fields``), so they are searchable without showing up twice in the result previews.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jieba

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def extra_terms(text: str) -> list[str]:
    """Search-mode words of ``text`` that precise-mode segmentation does not produce, in first-seen order."""
    extra: dict[str, None] = {}
    for run in HAN_RUN.findall(text.replace("\u200b", "")):
        for word in jieba.cut(run):
            if len(word) > 2:
                for part in word_parts(word):
                    extra.setdefault(part, None)
    return list(extra)


def word_parts(word: str) -> list[str]:
    """The parts of one long word a reader may search for: 人类反馈强化学习 → 人类, 反馈, 强化学习, 强化, 学习.

    The word is segmented again with jieba's dictionary, forbidding the word itself (jieba's DAG minus the
    whole-word edge), and long parts are split the same way. jieba's plain search mode is not used because it also
    yields words that straddle two parts (化学 inside 强化学习, 文学 inside 上下文学习), and Material's client splits
    a query into every index token it contains, so those would make these pages match "chemistry" or "literature".
    """
    dag = jieba.dt.get_DAG(word)
    dag[0] = [end for end in dag[0] if end != len(word) - 1] or [0]
    route: dict = {}
    jieba.dt.calc(word, dag, route)
    parts: list[str] = []
    start = 0
    while start < len(word):
        end = route[start][1] + 1
        part = word[start:end]
        if len(part) > 1:
            parts.append(part)
            if len(part) > 2:
                parts.extend(word_parts(part))
        start = end
    return parts


def add_search_terms(index_path: Path) -> int:
    """Add the ``terms`` field to every entry of a Material search index; returns how many entries got terms."""
    index = json.loads(index_path.read_text(encoding="utf-8"))
    enriched = 0
    for doc in index["docs"]:
        terms = extra_terms(doc.get("title", "") + "\n" + doc.get("text", ""))
        if terms:
            doc["terms"] = "\u200b".join(terms)
            enriched += 1
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return enriched
