"""Tune Material's Chinese search index after the build.

Material segments Chinese with jieba's precise mode and joins the words with U+200B. Two things then go wrong in
the browser, where Material splits a Chinese query into the index tokens it contains (it never tries the whole
query, and it prefers the longest token at each position):

* single-character tokens (学, 用, 的) turn a query such as 强化学习 into ``强化* 学*``, and ``学*`` matches every
  page about learning of any kind, so the reinforcement-learning pages are not ranked first;
* a user-dictionary term such as 强化学习 is one token, so a query for a part of it (学习) does not find it.

So in the displayed fields (``title``, ``text``) single Han characters are glued to the next word, and the words
a reader searches for go into extra fields declared in mkdocs.yml (``search.fields``): ``title_terms`` and
``terms`` hold every word of two or more characters, once per occurrence, followed by the parts of long words
(人类反馈强化学习 → 人类, 反馈, 强化学习, 强化, 学习). The page text shown in results is unchanged.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import jieba

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}\u200b]*[{HAN}][{HAN}\u200b]*")
SEGMENT = "\u200b"


def words(text: str) -> list[str]:
    """Searchable Chinese words of ``text``, once per occurrence, each long word followed by its parts. The text
    is Material's: its Chinese already segmented by jieba (words between U+200B), which is not done again."""
    found: list[str] = []
    for run in HAN_RUN.findall(text):
        for word in run.split(SEGMENT):
            if len(word) > 1:
                found.extend(_word_and_parts(word))
    return found


@functools.lru_cache(maxsize=65536)
def _word_and_parts(word: str) -> tuple[str, ...]:
    """A word and, if it is long, its parts (the same words recur on many pages: model pages, tables)."""
    return (word, *word_parts(word)) if len(word) > 2 else (word,)


def word_parts(word: str) -> list[str]:
    """The parts of one long word a reader may search for: 人类反馈强化学习 → 人类, 反馈, 强化学习, 强化, 学习.

    The word is segmented again with jieba's dictionary, forbidding the word itself (jieba's DAG minus the
    whole-word edge), and long parts are split the same way. jieba's plain search mode is not used because it also
    yields words that straddle two parts (化学 inside 强化学习, 文学 inside 上下文学习), which would make these pages
    match "chemistry" or "literature".
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


def glue_single_characters(text: str) -> str:
    """Join each one-character Han segment to the following segment (or the previous one at the end of a run),
    so no single character becomes an index token. Display is unaffected: only U+200B marks are removed."""

    def glue(match: re.Match) -> str:
        segments = [s for s in match.group(0).split(SEGMENT) if s]
        merged: list[str] = []
        carry = ""
        for segment in segments:
            if len(segment) == 1:
                carry += segment
            else:
                merged.append(carry + segment)
                carry = ""
        if carry:
            if merged:
                merged[-1] += carry
            else:
                merged.append(carry)
        return SEGMENT.join(merged)

    return HAN_RUN.sub(glue, text)


def tune_entry(doc: dict) -> None:
    for field, terms_field in (("title", "title_terms"), ("text", "terms")):
        value = doc.get(field, "")
        found = words(value)
        if found:
            doc[terms_field] = SEGMENT.join(found)
        doc[field] = glue_single_characters(value)


def tune_index(index: dict) -> int:
    """Tune a Material search index (its parsed JSON) in place; returns how many entries got Chinese terms."""
    tuned = 0
    for doc in index["docs"]:
        tune_entry(doc)
        tuned += "terms" in doc or "title_terms" in doc
    return tuned


def tuned_index_text(index: dict) -> str:
    """The tuned index as written: compact JSON, Chinese as it is (a third of the size of ASCII escapes)."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def tune_search_index(index_path: Path) -> int:
    """Rewrite a Material search index file in place; returns how many entries got Chinese terms."""
    index = json.loads(index_path.read_text(encoding="utf-8"))
    tuned = tune_index(index)
    index_path.write_text(tuned_index_text(index), encoding="utf-8")
    return tuned
