"""MkDocs hook: notebooks stay notebook pages on a site built by mkdocs-static-i18n.

What it works around (seen with mkdocs-static-i18n 1.3.1, mkdocs-jupyter 0.26.3, MkDocs
1.6.1): mkdocs-static-i18n rebuilds every ``File`` of each language as a plain ``File``,
which drops mkdocs-jupyter's ``NotebookFile`` wrapper, so a notebook under
``docs/notebooks/`` gets a page with none of its cells instead of being rendered. Here
``File.is_documentation_page`` is widened to the notebooks mkdocs-jupyter includes.

``tests/test_workarounds.py`` builds a throwaway site without this hook and checks that
the notebook is still not rendered; when a release fixes that, the test fails and this
hook can go.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from tools import site as site_model

UPSTREAM = File.is_documentation_page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None:
        folder = f"{site_model.load(config.config_file_path).notebooks.resolve()}/"
        File.is_documentation_page = lambda self: (  # type: ignore[method-assign]
            UPSTREAM(self)
            or bool((self.abs_src_path or "").startswith(folder) and jupyter.should_include(self))
        )
    return config
