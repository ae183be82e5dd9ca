"""Matplotlib backend for snippet runs: Agg, and ``plt.show()`` saves the open figures.

Selected with ``MPLBACKEND=module://notes_mpl_backend``. At ``plt.show()`` each open figure
is written to ``$NOTES_FIGURE_DIR`` in the order shown, then closed, as sphinx-gallery's
scraper does; a figure never shown is not captured, exactly as a reader running the script
would never see it. Per figure N:

* ``figure-N.png``: the figure as drawn (light pages, notebooks, downloads);
* ``dark-N.png``: the same figure for Material's dark palette, saved from a copy of it in
  the same run: transparent background, dark text, ticks, spines, grid and legend frames
  recoloured light; lines, images and colormaps stay as drawn (none if the figure cannot
  be copied; the page then shows the light one in both palettes);
* ``figure-N.json``: what the figure shows, for its alt text: the figure's label (set by
  the snippet with ``plt.figure("...")`` or ``fig.set_label("...")``, it is the alt text
  as written), suptitle, and each axes' title, axis labels and legend entries.

Chinese text draws in Noto Sans CJK SC (``fonts-noto-cjk``), which follows the default
family (sans-serif: DejaVu Sans) in ``font.family``, matplotlib's fallback list: a glyph
DejaVu Sans lacks comes from it, every other glyph is drawn as before. A warning about a glyph no font has names the
snippet's ``plt.show()`` line by the snippet's file name, never the build's paths.
"""

from __future__ import annotations

import inspect
import json
import os
import pickle
import warnings
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text

FigureCanvas = FigureCanvasAgg

# Material's dark palette ("slate"): text, and the lines around and inside the plot.
DARK_TEXT = "#d6d8e1"
DARK_LINES = "#8d90a0"
DARK_GRID = "#4a4e5e"
DARK_LEGEND = "#2b2e3a"
CJK_FONTS = ("Noto Sans CJK SC",)  # after the default family, where installed


def _cjk_fallback() -> None:
    """matplotlib falls back along ``font.family`` (a generic family is one font)."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    family = [f for f in plt.rcParams["font.family"] if f not in CJK_FONTS]
    plt.rcParams["font.family"] = family + [f for f in CJK_FONTS if f in installed]


_cjk_fallback()


def _saved(fig: Figure, path: Path, seen: set[str], **kwargs: Any) -> None:
    """``fig.savefig``; each warning it gives once, located at the snippet's line by
    the snippet's file name (as matplotlib would locate it, less the build's path)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(path, **kwargs)
    frame = inspect.currentframe()
    while frame is not None and frame.f_globals.get("__name__") != "__main__":
        frame = frame.f_back
    where = (Path(frame.f_code.co_filename).name, frame.f_lineno) if frame else ("<show>", 0)
    for w in caught:
        if str(w.message) not in seen:
            seen.add(str(w.message))
            warnings.warn_explicit(w.message, w.category, *where)


def _dark(color: Any) -> bool:
    r, g, b, a = to_rgba(color)
    return a > 0 and 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5


def describe(fig: Figure) -> dict[str, Any]:
    """The words a figure shows: its label, suptitle, and per axes title, labels, legend."""

    def legend_texts(legend: Any) -> list[str]:
        return [t.get_text() for t in legend.get_texts()] if legend else []

    sup = fig.get_suptitle()
    axes = []
    for ax in fig.get_axes():
        title = " ".join(
            t for t in (ax.get_title("left"), ax.get_title(), ax.get_title("right")) if t
        )
        axes.append(
            {
                "title": title,
                "xlabel": ax.get_xlabel(),
                "ylabel": ax.get_ylabel(),
                "legend": legend_texts(ax.get_legend()),
                "image": bool(ax.get_images()),
            }
        )
    return {
        "label": str(fig.get_label() or ""),
        "suptitle": sup,
        "axes": axes,
        "legend": [t for lg in fig.legends for t in legend_texts(lg)],
    }


def darken(fig: Figure) -> None:
    """Recolour ``fig`` in place for a dark page; what it plots keeps its colours."""
    for text in fig.findobj(Text):
        if _dark(text.get_color()):
            text.set_color(DARK_TEXT)
            box = text.get_bbox_patch()
            if box is not None and not _dark(box.get_facecolor()):
                box.set_facecolor(DARK_LEGEND)
    for ax in fig.get_axes():
        for spine in ax.spines.values():
            spine.set_edgecolor(DARK_LINES)
        ax.tick_params(which="both", color=DARK_LINES)
        for line in ax.get_xgridlines() + ax.get_ygridlines():
            line.set_color(DARK_GRID)
    for legend in [ax.get_legend() for ax in fig.get_axes()] + list(fig.legends):
        if legend is not None:
            legend.get_frame().set_facecolor(DARK_LEGEND)
            legend.get_frame().set_edgecolor(DARK_LINES)


def show(*args: Any, **kwargs: Any) -> None:
    out = Path(os.environ["NOTES_FIGURE_DIR"])
    seen: set[str] = set()
    for num in plt.get_fignums():
        _shown = len(list(out.glob("figure-*.png"))) + 1  # figures are numbered in order
        fig = plt.figure(num)
        _saved(fig, out / f"figure-{_shown}.png", seen, dpi=100)
        (out / f"figure-{_shown}.json").write_text(json.dumps(describe(fig)), "utf-8")
        # Recolour a copy: the snippet may still use its figure after plt.show().
        try:
            twin = pickle.loads(pickle.dumps(fig))
        except Exception:  # noqa: BLE001 (an artist that cannot be copied: no dark variant)
            continue
        darken(twin)
        _saved(twin, out / f"dark-{_shown}.png", seen, dpi=100, transparent=True)
        plt.close(twin)
    plt.close("all")
