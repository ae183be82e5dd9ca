"""The real site obeys its rules, and the offline data step works."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.project import DEFAULT, SITE
from tools import pages, prepare_data, record
from tools.runner import ROOT


def test_site_rules() -> None:
    problems = pages.check(SITE)
    assert not problems, "\n".join(problems)


def test_gpu_recordings_match_their_snippets() -> None:
    """A GPU output recorded before its snippet changed is stale: record it again."""
    problems = record.problems(ROOT)
    assert not problems, "\n".join(problems)


def test_every_page_is_in_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1]
    for page in sorted((ROOT / "docs").rglob(f"*.{DEFAULT}.md")):
        rel = page.relative_to(ROOT / "docs").as_posix().replace(f".{DEFAULT}.md", ".md")
        assert f" {rel}" in nav, f"docs/{rel[:-3]}.{DEFAULT}.md is not in mkdocs.yml's nav"


def test_json_snippets_parse() -> None:
    for path in (ROOT / "snippets").rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))  # strict JSON: no comments


def test_vscode_launch_steps_into_library_code() -> None:
    launch = json.loads((ROOT / "snippets/debugging/launch.json").read_text("utf-8"))
    configs = launch["configurations"]
    assert configs and all(c["justMyCode"] is False for c in configs)
    assert all(c["type"] in ("debugpy", "python") and c["request"] == "launch" for c in configs)


def test_prepare_data_without_package(tmp_path: Path) -> None:
    assert prepare_data.prepare(tmp_path, source=tmp_path / "nowhere") is None
    assert not (tmp_path / "FashionMNIST").exists()


def test_prepare_data_rejects_truncated_file(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in prepare_data.FILES:
        with gzip.open(src / f"{name}.gz", "wb") as f:
            f.write(b"\0" * 16)
    with pytest.raises(RuntimeError, match="unexpected size"):
        prepare_data.prepare(tmp_path / "data", source=src)


@pytest.mark.skipif(
    not prepare_data.SOURCE.is_dir(), reason="needs Debian's dataset-fashion-mnist (CI installs it)"
)
def test_prepare_data_feeds_torchvision_offline(tmp_path: Path) -> None:
    raw = prepare_data.prepare(tmp_path)
    assert raw == tmp_path / "FashionMNIST" / "raw"
    code = (
        "import sys, socket\n"
        "def no_net(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = no_net\n"
        "from torchvision import datasets\n"
        "train = datasets.FashionMNIST(sys.argv[1], train=True, download=True)\n"
        "test = datasets.FashionMNIST(sys.argv[1], train=False, download=True)\n"
        "print(len(train), len(test), train.classes[train[0][1]])\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout == "60000 10000 Ankle boot\n"
