"""Record snippets' real output on an NVIDIA GPU, to show beside the build's own output.

Usage, on a machine with CUDA (it needs torch, torchvision and matplotlib, not MkDocs)::

    python -m tools.record                 # every snippet without a current recording
    python -m tools.record snippets/examples/quickstart.py [more snippets ...]
    python -m tools.record --force ...     # record current ones again

Each snippet runs afresh in its own process (the cache is not used), exactly as the build
runs it, all from one process start: the short ones in parallel, then the long examples
(``runner.FIRST_RUN_HINTS``) one at a time, since they time themselves. Each run is
written to ``recordings/<path under snippets/>.json`` with the GPU name, torch version,
date and a hash of the snippet's source. Commit those files. Pages then show two tabs
under the block: this build's output and the recorded GPU output. Without CUDA it writes
nothing and runs nothing (exit status 2).

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
from typing import Any

from tools import writing
from tools.runner import FIRST_RUN_HINTS, Result, Runner, SnippetError
from tools.site import ROOT, Paths
from tools.site import load as load_site


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
    described: tuple[dict[str, Any], ...] = ()  # each figure's words, for its alt text
    dark: tuple[str, ...] = ()  # each figure recoloured for the dark palette, base64

    @property
    def gpu(self) -> str:
        return self.device.removeprefix("cuda (").removesuffix(")")

    def pngs(self) -> list[bytes]:
        return [base64.b64decode(f) for f in self.figures]

    def dark_pngs(self) -> list[bytes | None]:
        """The dark-palette variants, or None for each figure where there are none."""
        if len(self.dark) != len(self.figures):
            return [None] * len(self.figures)
        return [base64.b64decode(f) for f in self.dark]


def source_hash(snippet: Path) -> str:
    return hashlib.sha256(snippet.read_bytes()).hexdigest()


def path_for(root: Path, snippet: Path) -> Path:
    site = load_site(root / "mkdocs.yml")
    rel = snippet.resolve().relative_to(site.snippets).as_posix()
    return site.recordings / f"{rel}.json"


def _read(path: Path) -> Recording:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Recording(
        **{
            **data,
            "figures": tuple(data["figures"]),
            "described": tuple(data.get("described", ())),
            "dark": tuple(data.get("dark", ())),
        }
    )


def load(root: Path, snippet: Path) -> Recording | None:
    path = path_for(root, snippet)
    return _read(path) if path.is_file() else None


def is_stale(root: Path, recording: Recording) -> bool:
    snippet = root / recording.snippet
    return not snippet.is_file() or source_hash(snippet) != recording.source_sha256


def problems(root: Path) -> list[str]:
    """Recordings that no longer match their snippet (changed or gone)."""
    out = []
    for path in sorted(Paths(root).recordings.rglob("*.json")):
        rec = _read(path)
        if is_stale(root, rec):
            out.append(
                f"{path.relative_to(root)}: stale, {rec.snippet} changed after it was "
                f"recorded on {rec.gpu} ({rec.date}); record it again with "
                f"`python -m tools.record {rec.snippet}` on a GPU, or delete it"
            )
    return out


class NotOnGpu(SnippetError):
    """The run did not use the GPU: the snippet keeps to the CPU, so there is nothing to record."""


def save(root: Path, snippet: Path, result: Result, allow_any_device: bool = False) -> Path:
    """Write ``result`` (a fresh run of ``snippet``) as its recording; refuses non-CUDA."""
    if not result.device.startswith("cuda") and not allow_any_device:
        raise NotOnGpu(
            f"{result.snippet}: ran on {result.device}, not on a CUDA GPU; nothing recorded"
        )
    rec = Recording(
        snippet=result.snippet,
        source_sha256=source_hash(snippet),
        device=result.device,
        torch=result.torch,
        date=datetime.date.today().isoformat(),
        seconds=round(result.seconds, 2),
        stdout=result.stdout,
        figures=tuple(base64.b64encode(p.read_bytes()).decode() for p in result.figures),
        described=result.described,
        dark=tuple(base64.b64encode(p.read_bytes()).decode() for p in result.dark),
    )
    target = path_for(root, snippet)
    writing.write_atomic(target, json.dumps(asdict(rec), ensure_ascii=False, indent=1) + "\n")
    return target


def record(root: Path, snippet: Path, allow_any_device: bool = False) -> Path:
    """Run ``snippet`` now and write its recording; refuses to record a non-CUDA run."""
    with tempfile.TemporaryDirectory() as cache:
        result = Runner(root, cache_dir=Path(cache)).result(snippet)
        return save(root, snippet, result, allow_any_device)


def cuda_name() -> str | None:
    """The CUDA GPU this process sees, or None."""
    import torch

    return torch.cuda.get_device_name(0) if torch.cuda.is_available() else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.record",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "snippets", nargs="*", type=Path, help="snippet files (default: every .py under snippets/)"
    )
    parser.add_argument(
        "--force", action="store_true", help="record snippets whose recording is current too"
    )
    parser.add_argument(
        "-j", "--jobs", type=int, help="short snippets run at once (default: the CPU count)"
    )
    args = parser.parse_args(argv)
    gpu = cuda_name()
    if gpu is None:
        print(
            "no CUDA GPU here (torch.cuda.is_available() is False): nothing run, nothing recorded",
            file=sys.stderr,
        )
        return 2
    paths = [p.resolve() for p in args.snippets] or sorted(
        load_site(ROOT / "mkdocs.yml").snippets.rglob("*.py")
    )
    todo = [p for p in paths if args.force or (r := load(ROOT, p)) is None or is_stale(ROOT, r)]
    print(f"{gpu}: {len(todo)} to record, {len(paths) - len(todo)} already current", flush=True)
    with tempfile.TemporaryDirectory(prefix="record-") as cache:  # fresh runs only
        return 1 if record_all(Runner(ROOT, cache_dir=Path(cache)), todo, args.jobs) else 0


def record_all(runner: Runner, todo: list[Path], jobs: int | None) -> int:
    """Run ``todo`` (the long examples alone) and record each; how many failed (a run
    that kept to the CPU is not recorded, and not a failure)."""
    runner.log = lambda msg: print(msg, file=sys.stderr, flush=True)
    long = [p for p in todo if runner.rel(p) in FIRST_RUN_HINTS]
    results = runner.run_all([p for p in todo if p not in long], jobs=jobs)
    for path in long:  # alone on the GPU: they print their own timings
        results.update(runner.run_all([path], jobs=1))
    failed = 0
    for path in todo:
        try:
            res = results[path]
            if isinstance(res, SnippetError):
                raise res
            target = save(ROOT, path, res)
        except NotOnGpu as exc:  # a CPU-only snippet: its page shows the build's output alone
            print(f"not recorded: {exc} (the snippet does not use the GPU)", file=sys.stderr)
            continue
        except SnippetError as exc:
            failed += 1
            print(f"FAILED {exc}", file=sys.stderr)
            continue
        print(f"recorded {target.relative_to(ROOT)} ({res.label})")
    return failed


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
