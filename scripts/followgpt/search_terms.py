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
        precise = set(jieba.cut(run))
        for word in jieba.cut_for_search(run):
            if word not in precise and len(word) > 1:
                extra.setdefault(word, None)
    return list(extra)


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
