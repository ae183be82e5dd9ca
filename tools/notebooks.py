"""Notebooks made from the example scripts, holding the outputs of their real run.

An example snippet written in percent format (``# %%`` starts a cell, as Jupyter, VS Code
and jupytext read it) is also offered as a notebook. Its cells are the script's cells, and
its outputs are what each cell printed and drew in the runner's execution (the runner
records where each cell's output ends), so a notebook is never executed a second time.
``tools/hooks.py`` writes one per locale (headed in its words, ``tools.site``) into
``docs/notebooks/`` (git-ignored) before MkDocs collects its files; mkdocs-jupyter renders
them, and the page offers the ``.py`` and the ``.ipynb`` for download.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import nbformat
from nbformat import v4

from tools import writing
from tools._child import CELL, split_cells
from tools.runner import Result
from tools.site import Site
from tools.terminal import resolve_frames


def is_notebook_source(path: Path) -> bool:
    """An example script in percent format."""
    return path.suffix == ".py" and any(
        CELL.match(line) for line in path.read_text(encoding="utf-8").splitlines()
    )


def build(snippet: Path, result: Result | None, words: dict[str, str]) -> nbformat.NotebookNode:
    """The notebook of ``snippet`` with ``result``'s per-cell outputs, headed with
    ``words`` (a locale's ``notebook`` labels: ``header`` and ``pending``).

    ``result`` is None only under ``mkdocs serve`` while the script still runs: the
    notebook then holds the header and a note, no cells and no outputs.
    """
    source = snippet.read_text(encoding="utf-8")
    cells = split_cells(source)
    ran = list(result.cells) if result is not None else []
    if [c.line for c in ran] != [line for line, _ in cells][: len(ran)]:
        raise ValueError(f"{snippet.name}: the recorded run does not match its cells")
    rel = result.snippet if result is not None else snippet.name
    label = result.label if result is not None else "…"
    header = words["header"].format(name=snippet.name, stem=snippet.stem, rel=rel, label=label)
    if result is None:
        header += "\n\n" + words["pending"]
        cells = []
    nb: nbformat.NotebookNode = v4.new_notebook(cells=[v4.new_markdown_cell(header)])
    for count, (_, text) in enumerate(cells, 1):
        run = ran[count - 1] if count <= len(ran) else None  # None: the run ended before it
        lines = text.splitlines()
        if CELL.match(lines[0]):
            lines = lines[1:]  # the "# %%" line is the cell boundary itself
        if run is None:
            nb.cells.append(v4.new_code_cell("\n".join(lines).strip("\n")))
            continue
        outputs = []
        # as a terminal leaves them (the last of each line's \r frames); colours are kept:
        # notebooks show ANSI colours themselves
        if run.stdout:
            outputs.append(v4.new_output("stream", name="stdout", text=resolve_frames(run.stdout)))
        if run.stderr:
            outputs.append(v4.new_output("stream", name="stderr", text=resolve_frames(run.stderr)))
        for png in run.figures:
            data = base64.b64encode(png.read_bytes()).decode()
            outputs.append(v4.new_output("display_data", data={"image/png": data}))
        nb.cells.append(
            v4.new_code_cell("\n".join(lines).strip("\n"), outputs=outputs, execution_count=count)
        )
    for n, cell in enumerate(nb.cells):
        cell.id = f"cell-{n}"  # nbformat picks random ids; stable ones keep the file stable
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata.language_info = {"name": "python"}
    return nb


def write(snippets: list[tuple[Path, Result | None]], out_dir: Path, site: Site) -> list[Path]:
    """Write ``<stem>.<locale>.ipynb`` for each snippet and each of the site's locales
    into ``out_dir``.

    A file is rewritten only when its content changes (so ``mkdocs serve`` does not
    rebuild in a loop), and notebooks whose script is gone are removed.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for snippet, result in snippets:
        for n, locale in enumerate(site.locales):
            path = out_dir / f"{snippet.stem}.{locale.code}.ipynb"
            nb = build(snippet, result, site.labels(locale.code)["notebook"])
            if n == 0:  # the same cells in every locale: one schema check is enough
                nbformat.validate(nb)
            text = json.dumps(nb, ensure_ascii=False, indent=1) + "\n"
            writing.write_if_changed(path, text)
            written.append(path)
    for stale in set(out_dir.glob("*.ipynb")) - set(written):
        stale.unlink()
    return written
