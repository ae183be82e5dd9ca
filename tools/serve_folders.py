"""The two site folders a ``mkdocs serve`` session builds into in turn.

The server answers from the last complete build while the next one is written into the
other folder; after a build, that one becomes a copy of it in the background, for a
rebuild of the saved pages alone (``tools.serve``), which needs the rest of the site.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.snippets")


class Folders:
    """The two folders a serve session builds into in turn: the server answers from the
    last complete build (``served``) while the next one is written into the other
    (``target``); after each build, a copy of it for a one-language build next."""

    def __init__(self) -> None:
        self.served: Path | None = None
        self.target: Path | None = None  # None: the first build, in MkDocs' own folder
        self.made: Path | None = None  # the folder made here (MkDocs removes its own)
        self.copying: threading.Thread | None = None
        self.mirrored = False  # ``target`` holds a copy of ``served``

    def start(self, served: Path, mirror: bool) -> None:
        self.served = served
        self.target = self.made = Path(tempfile.mkdtemp(prefix="mkdocs_"))
        self.built(mirror, swap=False)

    def ready(self) -> None:
        """Wait for the copy (a one-language build needs it; another build empties it)."""
        if self.copying is not None:
            self.copying.join()
            self.copying = None

    def built(self, mirror: bool, swap: bool = True) -> None:
        """The build in ``target`` ended: it is served; the next build goes to the other."""
        if swap:
            self.served, self.target = self.target, self.served
        self.mirrored = False
        if mirror and self.served is not None and self.target is not None:
            self.copying = threading.Thread(
                target=self.mirror, args=(self.served, self.target), daemon=True
            )
            self.copying.start()

    def mirror(self, source: Path, copy: Path) -> None:
        shutil.rmtree(copy, ignore_errors=True)
        try:
            shutil.copytree(source, copy, symlinks=True)
        except OSError as exc:
            log.warning(f"No copy of the site for a one-language rebuild ({exc})")
            return
        self.mirrored = True

    def remove(self) -> None:
        self.ready()
        if self.made is not None:
            shutil.rmtree(self.made, ignore_errors=True)
