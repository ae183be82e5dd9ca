"""MkDocs' live-reload server answering page requests while it rebuilds.

Package: MkDocs 1.6.1 (``mkdocs.livereload.LiveReloadServer``, checked against it). Why:
its build loop sets ``_wanted_epoch`` before each rebuild, and every page request waits
(on ``_epoch_cond``) until ``_visible_epoch`` catches up, i.e. until the rebuild ends: a
slow rebuild stalls every request, and a failed one stalls them for good. Under
``tools.serve`` each rebuild writes into a folder the server does not serve, so the
last complete build can be answered meanwhile; there is no public switch for that.
``answering`` lets requests through for the length of a rebuild and restores the epoch
the loop then publishes (browsers reload once it is done).

``rebuild_soon`` wakes the build loop as its file watcher's callback does. Why: that
watcher polls (``PollingObserver``, every 0.5 s, with no public switch), so a rebuild
asked for through a watched file started 0.2 to 0.6 s late; ``tools.serve`` watches files
itself (inotify) and asks for rebuilds directly.
``tests/test_workarounds.py`` fails when these names or that wait go.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from mkdocs.livereload import LiveReloadServer


@contextlib.contextmanager
def answering(server: LiveReloadServer) -> Iterator[None]:
    """Requests are answered (from ``server.root``) while the block runs."""
    with server._epoch_cond:
        wanted = server._wanted_epoch
        server._wanted_epoch = server._visible_epoch
        server._epoch_cond.notify_all()  # requests that began waiting before this
    try:
        yield
    finally:
        with server._epoch_cond:
            server._wanted_epoch = wanted  # the build loop makes it visible next


def rebuild_soon(server: LiveReloadServer) -> None:
    """The server rebuilds as soon as its loop wakes (after its ``build_delay``)."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()
