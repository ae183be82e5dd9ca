"""Record a snippet's real output on an NVIDIA GPU, to show beside the build's own output.

Usage, on a machine with CUDA (it needs torch and matplotlib, not MkDocs)::

    python -m tools.record snippets/examples/quickstart.py [more snippets ...]

Each snippet runs afresh in its own process (the cache is not used), exactly as the build
runs it, and the run is written to ``recordings/<path under snippets/>.json`` with the GPU
name, torch version, date and a hash of the snippet's source. Commit those files. Pages
then show two tabs under the block: this build's output and the recorded GPU output.

A recording whose snippet has changed since is *stale*: the page labels it so, and
``tests/test_site.py`` fails until it is recorded again (or deleted).
"""

from __future__ import annotations

import argparse
import base64
import datetime
import hashlib
import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from tools.runner import ROOT, Runner, SnippetError

FOLDER = "recordings"


@dataclass(frozen=True)
class Recording:
    snippet: str  # path relative to the repository root
    source_sha256: str
    device: str  # e.g. "cuda (NVIDIA H100 80GB HBM3)"
    torch: str
    date: str  # ISO date of the run
    seconds: float
    stdout: str
    figures: tuple[str, ...]  # PNGs, base64

    @property
    def gpu(self) -> str:
        return self.device.removeprefix("cuda (").removesuffix(")")

    def pngs(self) -> list[bytes]:
        return [base64.b64decode(f) for f in self.figures]


def source_hash(snippet: Path) -> str:
    return hashlib.sha256(snippet.read_bytes()).hexdigest()


def path_for(root: Path, snippet: Path) -> Path:
    rel = snippet.resolve().relative_to(root / "snippets").as_posix()
    return root / FOLDER / f"{rel}.json"


def _read(path: Path) -> Recording:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Recording(**{**data, "figures": tuple(data["figures"])})


def load(root: Path, snippet: Path) -> Recording | None:
    path = path_for(root, snippet)
    return _read(path) if path.is_file() else None


def is_stale(root: Path, recording: Recording) -> bool:
    snippet = root / recording.snippet
    return not snippet.is_file() or source_hash(snippet) != recording.source_sha256


def problems(root: Path) -> list[str]:
    """Recordings that no longer match their snippet (changed or gone)."""
    out = []
    for path in sorted((root / FOLDER).rglob("*.json")):
        rec = _read(path)
        if is_stale(root, rec):
            out.append(f"{path.relative_to(root)}: stale, {rec.snippet} changed after it was "
                       f"recorded on {rec.gpu} ({rec.date}); record it again with "
                       f"`python -m tools.record {rec.snippet}` on a GPU, or delete it")
    return out


def record(root: Path, snippet: Path, allow_any_device: bool = False) -> Path:
    """Run ``snippet`` now and write its recording; refuses to record a non-CUDA run."""
    with tempfile.TemporaryDirectory() as cache:
        result = Runner(root, cache_dir=Path(cache)).result(snippet)
        if not result.device.startswith("cuda") and not allow_any_device:
            raise SnippetError(f"{result.snippet}: ran on {result.device}, not on a CUDA GPU; "
                               "nothing recorded")
        rec = Recording(
            snippet=result.snippet, source_sha256=source_hash(snippet), device=result.device,
            torch=result.torch, date=datetime.date.today().isoformat(),
            seconds=round(result.seconds, 2), stdout=result.stdout,
            figures=tuple(base64.b64encode(p.read_bytes()).decode() for p in result.figures))
    target = path_for(root, snippet)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(asdict(rec), ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.record", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("snippets", nargs="+", type=Path)
    args = parser.parse_args(argv)
    failed = 0
    for snippet in args.snippets:
        try:
            target = record(ROOT, snippet.resolve())
        except SnippetError as exc:
            failed += 1
            print(f"FAILED {exc}", file=sys.stderr)
            continue
        print(f"recorded {target.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
