"""Teach pytest-codeblocks (pinned 0.18.0) our pages: ``pytest --codeblocks docs/``.

A page's python fence holds one ``--8<-- "x.py"`` line (pymdownx.snippets). Stock
pytest-codeblocks would exec that line as Python and skip fences with a title. Here each
block is resolved with pymdownx's own snippet preprocessor, configured from mkdocs.yml,
and run through ``tools.runner`` -- a fresh process, as ``__main__``, the same cache as
the MkDocs hook -- so a snippet runs once for both its pages and for the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
import pytest_codeblocks.plugin as pcb
from _pytest.nodeid import coerce_node_id
from mkdocs.utils.yaml import yaml_load

from tools.pages import RUN_LANGS, Fence
from tools.runner import Runner, SnippetError

ROOT = Path(__file__).resolve().parent
_mdx = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
_snip_cfg = next(dict(e["pymdownx.snippets"]) for e in _mdx
                 if isinstance(e, dict) and "pymdownx.snippets" in e)
_snip_cfg["base_path"] = [str(ROOT / p) for p in _snip_cfg.get("base_path", ["."])]
_snippets = markdown.Markdown(extensions=["pymdownx.snippets"],
                              extension_configs={"pymdownx.snippets": _snip_cfg}
                              ).preprocessors["snippet"]
_runner = Runner(ROOT)
_extract = pcb.extract_from_file


class BlockError(Exception):
    """A block that cannot be run: typed code, a shell fence, a missing snippet."""


def _extract_from_file(path: Path, *args: Any, **kwargs: Any) -> list[Any]:
    blocks = _extract(path, *args, **kwargs)
    for b in blocks:
        lang = (b.syntax or "").split()[0].lower() if (b.syntax or "").split() else ""
        b.syntax = "python" if lang in RUN_LANGS else lang
        target = Fence(b.lineno, b.lineno, "", b.syntax, tuple(b.code.splitlines())).include
        found = target and _snippets.get_snippet_path(target)
        b.snippet = Path(found) if found else None
        b.target = target
        if b.snippet is not None:
            # Both languages show the same snippet: keep their two blocks on one xdist
            # worker (the second is a cache hit), so no worker idles on the other's lock.
            group = b.snippet.resolve().relative_to(ROOT).as_posix()
            b.marks.append(f"pytest.mark.xdist_group({group!r})")
    return blocks


def _runtest(self: pcb.TestBlock) -> None:
    b, page = self.obj, Path(self.path).resolve().relative_to(ROOT)
    where = f"{page}, line {b.lineno}"
    if b.syntax != "python":
        raise BlockError(f"{where}: a '{b.syntax}' fence is run as a shell command; "
                         "use a 'console' fence")
    if b.target is None:
        raise BlockError(f"{where}: python block typed into the page; put the code in "
                         "snippets/ and include it with --8<--")
    if b.snippet is None:
        raise BlockError(f"{where}: snippet '{b.target}' not found")
    try:
        result = _runner.result(b.snippet, context=f" (shown on page {where})")
    except SnippetError as exc:
        raise BlockError(str(exc)) from None
    if b.expected_output is not None and result.stdout != b.expected_output:
        raise BlockError(f"{where}: expected output\n{b.expected_output}\n"
                         f"but got\n{result.stdout}")


pcb.extract_from_file = _extract_from_file
pcb.TestBlock.runtest = _runtest


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``--dist loadgroup`` for pytest 9: xdist 3.8 tags a grouped test by setting
    ``item._nodeid``, which pytest 9 no longer reads (it keeps ``item._id``), so groups
    were silently ignored. Tag them the way pytest 9 reads, as xdist means to."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        names = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                        for m in item.iter_markers("xdist_group")})
        if names and "@" not in item.nodeid.rsplit("]", 1)[-1]:
            item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(names)}")
