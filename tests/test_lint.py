"""Lint, format and types, run by the README's test command (so CI runs them): ruff over
``tools/``, ``tests/``, ``conftest.py``, ``bench/`` and ``snippets/``, mypy strict on
``tools/``. Settings: ``pyproject.toml``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tools.site import ROOT

COMMANDS = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "."],
    "ruff format": [sys.executable, "-m", "ruff", "format", "--check", "."],
    "mypy": [sys.executable, "-m", "mypy"],
}


@pytest.mark.parametrize("name", COMMANDS)
def test_clean(name: str) -> None:
    done = subprocess.run(COMMANDS[name], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{name} found problems:\n{done.stdout}{done.stderr}"
