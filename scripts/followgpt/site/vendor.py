"""Client-side libraries served from the site itself (readers in mainland China cannot reach public CDNs).

``npm ci`` (run by ``make setup``) puts the pinned packages of ``package.json`` in ``node_modules/``; the Chinese
build copies the files listed here into ``assets/vendor/`` and the English site (at ``en/``) refers to them there.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

SITE_DIR = "assets/vendor"

# site path under assets/vendor/ → (package directory, glob patterns inside it)
LIBRARIES = {
    "mermaid": ("mermaid/dist", ["mermaid.esm.min.mjs", "chunks/mermaid.esm.min/*.mjs"]),
    "katex": ("katex/dist", ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js", "fonts/*.woff2"]),
    "tablesort": ("tablesort/dist", ["tablesort.min.js", "sorts/tablesort.number.min.js"]),
}
MERMAID_ENTRY = "mermaid/mermaid.esm.min.mjs"


def _missing(name: str, root: Path) -> PluginError:
    return PluginError(
        f"The client library '{name}' is not in {root / 'node_modules'}. Run `make setup` (or `npm ci`) first: "
        "the site serves its own copies of mermaid, KaTeX and tablesort instead of loading them from a CDN."
    )


def add_files(files: Files, config, root: Path) -> None:
    """Add every vendored file to the build, at assets/vendor/<library>/…"""
    for name, (package_dir, patterns) in LIBRARIES.items():
        base = root / "node_modules" / package_dir
        found = [path for pattern in patterns for path in sorted(base.glob(pattern))]
        if not found:
            raise _missing(name, root)
        for path in found:
            dest = f"{SITE_DIR}/{name}/{path.relative_to(base).as_posix()}"
            files.append(File.generated(config, dest, abs_src_path=str(path)))


def configure_mermaid(plugin, lang: str, root: Path) -> None:
    """Point mkdocs-mermaid2 at our copy.

    mermaid2 checks a local ``javascript:`` path against docs_dir, where the vendored file never is (it comes
    from node_modules). We check the real file ourselves and hand mermaid2 the URL it should print, through the
    attribute its ``javascript`` property caches.
    """
    if not (root / "node_modules" / LIBRARIES["mermaid"][0] / "mermaid.esm.min.mjs").is_file():
        raise _missing("mermaid", root)
    expected = ("" if lang == "zh" else "../") + f"{SITE_DIR}/{MERMAID_ENTRY}"
    if plugin.config["javascript"] != expected:
        raise PluginError(f"mermaid2's javascript must be {expected!r} in the {lang} config, "
                          f"got {plugin.config['javascript']!r}")
    plugin._javascript = expected
