"""collect_usages: which pages mention models, cite sources and link glossary terms."""

from followgpt.render import collect_usages


def test_usages_from_links_markers_and_footnotes():
    pages = {
        "gpt/gpt-3.md": ("[GPT-2](../models/gpt-2.md#facts) and [ICL](../glossary.md#in-context-learning)[^brown2020-gpt3]\n"
                         "<!-- followgpt:fact gpt-3.5-turbo.parameters -->\n"
                         "<!-- followgpt:tree around=gpt-4 -->\n<!-- followgpt:table ids=a,b columns=name -->\n"),
        "index.md": "[x](models/end.md) [all](models/index.md) [g](glossary.md) `[^in-code]`\n",
        "models/gpt-3.md": "<!-- followgpt:model-page id=gpt-3 -->\n[back](../gpt/gpt-3.md)\n",
        "concepts/a.md": "```\n[^fenced] [y](../models/fenced.md)\n```\n[ext](https://example.org/models/x.md)\n",
    }
    usages = collect_usages(pages)
    assert usages.models == {
        "gpt-2": {"gpt/gpt-3.md"}, "gpt-3.5-turbo": {"gpt/gpt-3.md"}, "gpt-4": {"gpt/gpt-3.md"},
        "a": {"gpt/gpt-3.md"}, "b": {"gpt/gpt-3.md"}, "end": {"index.md"},
    }
    assert usages.sources == {"brown2020-gpt3": {"gpt/gpt-3.md"}}
    assert usages.terms == {"in-context-learning": {"gpt/gpt-3.md"}}
    assert usages.pages("models", "gpt-2") == ["gpt/gpt-3.md"]
    assert usages.pages("models", "nothing") == []
