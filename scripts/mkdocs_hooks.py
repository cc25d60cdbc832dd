"""MkDocs hook file (loaded by path from mkdocs.yml / mkdocs.en.yml). The logic lives in followgpt.site.hooks."""

from followgpt.site.hooks import SiteHooks

_site = SiteHooks()

on_startup = _site.on_startup
on_shutdown = _site.on_shutdown
on_build_error = _site.on_build_error
on_config = _site.on_config
on_files = _site.on_files
on_env = _site.on_env
on_page_markdown = _site.on_page_markdown
on_page_content = _site.on_page_content
on_page_context = _site.on_page_context
on_post_page = _site.on_post_page
on_post_build = _site.on_post_build
