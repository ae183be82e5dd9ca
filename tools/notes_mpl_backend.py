"""Matplotlib backend for snippet runs: Agg, and ``plt.show()`` saves the open figures.

Selected with ``MPLBACKEND=module://notes_mpl_backend``; figures are written to
``$NOTES_FIGURE_DIR/figure-N.png`` in the order they are shown, then closed, as
sphinx-gallery's scraper does. A figure that is never shown is not captured, exactly as a
reader running the script would never see it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.backends.backend_agg import FigureCanvasAgg

FigureCanvas = FigureCanvasAgg
_shown = 0


def show(*args: Any, **kwargs: Any) -> None:
    global _shown
    out = Path(os.environ["NOTES_FIGURE_DIR"])
    for num in plt.get_fignums():
        _shown += 1
        plt.figure(num).savefig(out / f"figure-{_shown}.png", dpi=100)
    plt.close("all")
