"""The PDF edition of the real site: printed once per test session from the built site, then read back."""

from __future__ import annotations

import re

import pytest

from projects import REPO

pikepdf = pytest.importorskip("pikepdf")
pypdf = pytest.importorskip("pypdf")

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="session")
def editions(built_site):
    from followgpt.edition import print_editions
    from followgpt.site.prerender import chromium_path
    if chromium_path() is None:
        pytest.skip("needs Chromium (make browser installs it)")
    return {printed.lang: printed for printed in print_editions(built_site, REPO)}


@pytest.fixture(scope="session")
def readers(editions):
    """One pypdf reader per language, shared: parsing a large PDF and its CJK fonts again for each page read
    took longer than the reading."""
    return {lang: pypdf.PdfReader(str(printed.path)) for lang, printed in editions.items()}


def page_text(reader, *numbers):
    return "\n".join(reader.pages[number].extract_text() for number in numbers)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cover_names_the_dataset_version_and_the_contents_are_numbered(editions, readers, built_site, lang):
    import json
    printed = editions[lang]
    version = json.loads((built_site / "data" / "followgpt-registry.json").read_text(encoding="utf-8"))["dataset_version"]
    assert printed.pages > 100
    cover, contents = page_text(readers[lang], 0), page_text(readers[lang], 1)
    assert "FollowGPT" in cover and version in cover
    line = next(line for line in contents.splitlines() if line.strip().startswith("GPT-3"))
    assert re.search(r"\d+\s*$", line), line           # a page number at the end of the entry


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_links_outline_and_chapters_resolve_inside_the_document(editions, lang):
    with pikepdf.open(editions[lang].path) as pdf:
        pages = {page.objgen: number for number, page in enumerate(pdf.pages)}
        dests = pdf.Root.Dests
        assert "/ch-gpt-gpt-3" in dests and "/ch-models-gpt-3" in dests
        internal = [annot for page in list(pdf.pages)[1:3] for annot in page.obj.get("/Annots") or []
                    if annot.get("/Dest") is not None]
        assert len(internal) > 20
        assert all(dests[str(annot.Dest)][0].objgen in pages for annot in internal)
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
            assert len(titles) >= 5 and any("GPT" in title or "模型" in title for title in titles)
            appendix = outline.root[-1]
            assert len(appendix.children) > 50          # every model page under the appendix entry


def test_chinese_text_is_selectable_in_an_embedded_cjk_font(editions, readers):
    path = editions["zh"].path
    with pikepdf.open(path) as pdf:
        start = {page.objgen: number for number, page in enumerate(pdf.pages)}[pdf.Root.Dests["/ch-gpt-gpt-3"][0].objgen]
        fonts = set()
        for page in list(pdf.pages)[start:start + 3]:
            for font in (page.Resources.get("/Font") or {}).values():
                descriptor = font.get("/FontDescriptor") or (font.get("/DescendantFonts") or [{}])[0].get("/FontDescriptor")
                embedded = descriptor is not None and any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                fonts.add((str(font.get("/BaseFont")), embedded))
    assert any("WenQuanYi" in name and embedded for name, embedded in fonts), fonts
    text = page_text(readers["zh"], start)
    assert re.search(r"[\u4e00-\u9fff]{4}", text) and "GPT-3" in text
    assert not re.search(r"[\u2e80-\u2fdf]", text)      # 月 reads as 月, not as the look-alike radical ⽉


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_diagrams_are_vector_and_formulas_are_typeset(editions, readers, lang):
    with pikepdf.open(editions[lang].path) as pdf:
        images = [name for page in pdf.pages for name, xobject in (page.Resources.get("/XObject") or {}).items()
                  if xobject.get("/Subtype") == "/Image"]
    assert not images                                    # diagrams and formulas are drawn, never bitmaps
    text = page_text(readers[lang], *range(min(60, len(readers[lang].pages))))
    assert "\\(" not in text and "\\frac" not in text    # KaTeX typeset every formula
    assert "flowchart" not in text and "-->" not in text  # every diagram drawn, no mermaid source left
