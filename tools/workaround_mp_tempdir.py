"""A forked snippet's own multiprocessing folder (CPython 3.11, ``multiprocessing``).

Why: a ``Process`` object copies its creator's private ``_config``, and with it the
folder ``multiprocessing.util.get_temp_dir`` made there (``tempdir``, where the fork
server's socket lives). Started through the fork server, the snippet would use the
runner's folder for its own sockets (DataLoader workers send file descriptors through
one), which the sandbox makes read-only: the workers hang. Without ``tempdir`` the
snippet makes its own, in its TMPDIR. ``tests/test_workarounds.py`` fails when it goes.
"""

from __future__ import annotations

import multiprocessing.process


def forget_temp_dir(process: multiprocessing.process.BaseProcess) -> None:
    """``process`` (not started yet) will make its own multiprocessing folder."""
    process._config.pop("tempdir", None)  # type: ignore[attr-defined]
