"""Drop MkDocs' empty "Error reading page 'x.md':" line (MkDocs 1.6.1, checked against it).

Why: when a hook fails on a page, MkDocs logs "Error reading page '<page>':" and, for a
``BuildError`` (our ``PluginError``), nothing after it, then the error on a line of its
own; our error already names the page and the cause, so the empty line only repeats.
The filter matches that message's exact text: ``tests/test_workarounds.py`` fails when
MkDocs words it otherwise.
"""

from __future__ import annotations

import logging
import re

LOGGER = "mkdocs.commands.build"
EMPTY = re.compile(r"Error reading page '[^']*':")


class CauseOnItsLine(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not EMPTY.fullmatch(record.getMessage())


def install() -> None:
    """Filter MkDocs' build log (once per process)."""
    logger = logging.getLogger(LOGGER)
    if not any(isinstance(f, CauseOnItsLine) for f in logger.filters):
        logger.addFilter(CauseOnItsLine())
