"""SiteContext.fingerprint(): the expansion cache's key for everything the views read besides a page's Markdown."""

from __future__ import annotations

import dataclasses
import datetime as dt

from followgpt.dataset.history import History, Version
from followgpt.render.context import Usages


def test_fingerprint_is_stable_and_follows_every_input(make_site):
    site = make_site("zh", {"index.md": "# 首页\n", "gpt/gpt-1.md": "# GPT-1\n<!-- followgpt:fact gpt-1.parameters -->\n"})
    base = site.fingerprint("registry-a")
    assert base == make_site("zh", {"index.md": "# 首页\n", "gpt/gpt-1.md":
                                    "# GPT-1\n<!-- followgpt:fact gpt-1.parameters -->\n"}).fingerprint("registry-a")
    usages = Usages(models={k: set(v) for k, v in site.usages.models.items()}, sources=dict(site.usages.sources),
                    terms=dict(site.usages.terms))
    usages.add("models", "gpt-2", "index.md")
    version = Version(name="2026.12.05", date=dt.date(2026, 12, 5), commit="abc", models={})
    changed = [
        site.fingerprint("registry-b"),                                              # the registry's content
        dataclasses.replace(site, lang="en").fingerprint("registry-a"),
        dataclasses.replace(site, site_url="https://example.org/").fingerprint("registry-a"),
        dataclasses.replace(site, repository="someone/else").fingerprint("registry-a"),
        dataclasses.replace(site, pages={**site.pages, "index.md": "Home"}).fingerprint("registry-a"),   # a title
        dataclasses.replace(site, usages=usages).fingerprint("registry-a"),          # a page mentions another model
        dataclasses.replace(site, history=History(versions=[version])).fingerprint("registry-a"),
    ]
    assert base not in changed and len(set(changed)) == len(changed)
