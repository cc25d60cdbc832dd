"""``<!-- followgpt:cite -->`` (the dataset) and ``<!-- followgpt:cite id=gpt-3 -->`` (one model's record): how to
cite them, as a formatted reference in the page's language and as BibTeX, naming the dataset version.

Model pages end with the same block (``cite_block``). The URL is absolute when the site has a ``site_url``.
"""

from __future__ import annotations

from ..context import MarkerProblem, ViewContext
from ..export import _bibtex_text
from ..labels import bilingual
from ..links import absolute_page_url, model_page_path

NAME = "cite"
BLOCK = True
OPTIONS = {"id": "model"}

DATASET_TITLE = {"zh": "FollowGPT 模型登记表", "en": "FollowGPT model registry"}
AUTHOR = {"zh": "FollowGPT 贡献者", "en": "FollowGPT contributors"}
HEADING = {"zh": "引用", "en": "Cite this"}
SUMMARY = {"zh": "引用本页（格式化文本与 BibTeX）", "en": "How to cite this page (formatted reference and BibTeX)"}
DATASET_SUMMARY = {"zh": "引用本数据集（格式化文本与 BibTeX）",
                   "en": "How to cite this dataset (formatted reference and BibTeX)"}
REFERENCE = {
    "zh": "{author}.《{title}》. {dataset}，数据版本 {version}. {url}",
    "en": "{author}. “{title}”. {dataset}, dataset version {version}. {url}",
}
DATASET_REFERENCE = {
    "zh": "{author}.《{dataset}》，数据版本 {version}. {url}",
    "en": "{author}. {dataset}, dataset version {version}. {url}",
}
VERSION_NOTE = {"zh": "引用时请保留数据版本：登记表会更新，版本号指明你读到的是哪一版。",
                "en": "Keep the dataset version in the citation: the registry changes, and the version says which "
                      "state you read."}


def _absolute(ctx: ViewContext, path: str) -> str:
    return absolute_page_url(ctx.site.site_url, path)


def _version(ctx: ViewContext) -> tuple[str, int | None]:
    history = ctx.site.history
    if history is None or history.current is None:
        return "unreleased", None
    return history.current_name, history.current.date.year


def _bibtex(key: str, title: str, version: str, year: int | None, url: str) -> str:
    fields = [("title", "{" + _bibtex_text(title) + "}"), ("author", "{" + AUTHOR["en"] + "}"),
              ("howpublished", _bibtex_text(f"{DATASET_TITLE['en']}, dataset version {version}")),
              ("version", _bibtex_text(version))]
    if year:
        fields.append(("year", str(year)))
    if url:
        fields.append(("url", url))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


def cite_block(ctx: ViewContext, model_id: str | None) -> list[str]:
    lang = ctx.lang
    version, year = _version(ctx)
    if model_id:
        record = ctx.registry.models[model_id]
        title = bilingual(record["name"], lang)
        url = _absolute(ctx, model_page_path(model_id))
        reference = REFERENCE[lang].format(author=AUTHOR[lang], title=title, dataset=DATASET_TITLE[lang],
                                           version=version, url=url)
        bibtex = _bibtex(f"followgpt-{model_id}", bilingual(record["name"], "en"), version, year,
                         _absolute(ctx, model_page_path(model_id)))
        summary = SUMMARY[lang]
    else:
        url = _absolute(ctx, "index.md")
        reference = DATASET_REFERENCE[lang].format(author=AUTHOR[lang], dataset=DATASET_TITLE[lang],
                                                   version=version, url=url)
        bibtex = _bibtex("followgpt-registry", DATASET_TITLE["en"], version, year, url)
        summary = DATASET_SUMMARY[lang]
    body = [reference.strip(), "", "```bibtex", *bibtex.splitlines(), "```", "", VERSION_NOTE[lang]]
    return [f'??? quote "{summary}"', ""] + [f"    {line}" if line else "" for line in body]


def render(ctx: ViewContext, positional: list[str], options: dict) -> str:
    if positional:
        raise MarkerProblem("cite takes only id=<model-id>")
    return "\n".join(cite_block(ctx, options.get("id"))) + "\n"
