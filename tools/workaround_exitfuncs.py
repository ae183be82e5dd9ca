"""Run the ``atexit`` functions of a process that ends with ``os._exit`` (CPython 3.11).

Why: a snippet run in a child of the fork server (``tools/_child.py``) ends with
``os._exit``, which skips ``atexit``; what a snippet (or a library it uses) registered
there must still run, as in a plain ``python`` run. The standard library runs them only
at interpreter exit, through the private ``atexit._run_exitfuncs``.
``tests/test_workarounds.py`` fails when it goes.
"""

from __future__ import annotations

import atexit


def run_exit_functions() -> None:
    atexit._run_exitfuncs()
