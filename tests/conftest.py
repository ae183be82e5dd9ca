"""Shared fixtures: the real site, built once per test worker."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.runner import ROOT


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                       cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                       capture_output=True, text=True, timeout=3600)
    assert r.returncode == 0, r.stderr[-4000:]
    assert "WARNING" not in r.stderr, r.stderr[-4000:]
    return out


