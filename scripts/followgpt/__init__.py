"""FollowGPT: registry, renderers and checks behind the bilingual GPT knowledge base.

The core sub-packages (registry, render, checks) are plain Python and never import MkDocs;
``followgpt.site`` is the only adapter that does.
"""

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
