"""Run every snippet with other torch / torchvision releases and list what differs.

    python bench/compat.py                        # torch 2.11.*, torchvision 0.26.*
    python bench/compat.py --torch '2.12.*' --torchvision '0.27.*'
    python bench/compat.py snippets/tensors/*.py  # some snippets only
    python bench/compat.py --skip-long            # all but the long examples

The NVIDIA machines that record GPU outputs (``tools.record``) have older releases than
``requirements.txt`` pins, so every snippet must run there too. This command checks it on
the CPU, without a GPU: it installs the requested releases, with the snippets' other
requirements (the first section of ``requirements.txt``), into a virtual environment of
its own under ``.cache/compat/`` (from the package registry, a few GB the first time),
runs the snippets with that interpreter through ``tools.runner`` (a cache of its own), and
compares each with this interpreter's result (from ``.cache/snippets/``, run first where
missing). It prints the snippets that fail there, those whose output or stderr differs
(times masked, as the determinism test does, with a short diff) and those that draw a
different number of figures. Exit status 1 when a snippet fails with the other releases.

Not part of ``pytest``: it needs the registry and minutes of CPU. Its last report is kept
in ``.cache/compat/<tag>/report.txt``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project, to import

from tools.runner import (  # noqa: E402
    FIRST_RUN_HINTS,
    ROOT,
    Result,
    Runner,
    SnippetError,
    mask_timings,
    torch_version,
    varies,
)

# Run inside the other environment: every snippet through tools.runner, results as JSON.
_INNER = """
import json, sys
from pathlib import Path
from typing import Any
from tools.runner import Runner, SnippetError
runner = Runner(cache_dir=Path(sys.argv[1]))
runner.log = lambda msg: print(msg, file=sys.stderr, flush=True)
out = {}
for path, res in runner.run_all([Path(p) for p in sys.argv[3:]]).items():
    rel = runner.rel(Path(path))
    if isinstance(res, SnippetError):
        out[rel] = {"error": str(res)}
    else:
        out[rel] = {"stdout": res.stdout, "stderr": res.stderr, "figures": len(res.figures),
                    "torch": res.torch, "seconds": res.seconds}
Path(sys.argv[2]).write_text(json.dumps(out, indent=1), encoding="utf-8")
"""


def snippet_requirements(torch: str, torchvision: str) -> list[str]:
    """The first section of requirements.txt (what snippets import), other pins for torch."""
    reqs = []
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# Site"):
            break
        spec = line.split("#")[0].strip()
        name = spec.split("=")[0].split(">")[0].split("<")[0].strip()
        if not spec:
            continue
        reqs.append(
            {"torch": f"torch=={torch}", "torchvision": f"torchvision=={torchvision}"}.get(
                name, spec
            )
        )
    return reqs


def environment(folder: Path, reqs: list[str]) -> Path:
    """A virtual environment in ``folder`` with ``reqs`` installed; its python."""
    python = folder / "bin" / "python"
    stamp = folder / "requirements.txt"
    if python.exists() and stamp.exists() and stamp.read_text() == "\n".join(reqs):
        return python
    print(f"installing into {folder.relative_to(ROOT)}: {' '.join(reqs)}", flush=True)
    venv.create(folder, with_pip=True, clear=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", *reqs], check=True)
    stamp.write_text("\n".join(reqs))
    return python


def diff(a: str, b: str, limit: int = 12) -> str:
    lines = list(
        difflib.unified_diff(a.splitlines(), b.splitlines(), "this", "other", lineterm="", n=0)
    )[2:]
    more = f"\n      ... {len(lines) - limit} more lines" if len(lines) > limit else ""
    return "\n".join("      " + line for line in lines[:limit]) + more


def compare(
    this: Runner, paths: list[Path], mine: dict[Path, Result | SnippetError], other: dict[str, Any]
) -> tuple[list[str], int, int]:
    """Each snippet's run here against the other release's: report lines, failed, changed."""
    report: list[str] = []
    failed = changed = 0
    for path in paths:
        rel = this.rel(path)
        a, b = mine[path], other[rel]
        if "error" in b:
            failed += 1
            report.append(f"FAILS   {rel}\n      " + b["error"].replace("\n", "\n      "))
            continue
        if isinstance(a, SnippetError):
            report.append(f"FAILS HERE ONLY  {rel}: {a}")
            continue
        notes = []
        why = varies(path)
        if why:
            report.append(f"VARIES  {rel}: not compared (# output varies: {why})")
            continue
        if mask_timings(a.stdout) != mask_timings(b["stdout"]):
            notes.append("stdout\n" + diff(mask_timings(a.stdout), mask_timings(b["stdout"])))
        if mask_timings(a.stderr) != mask_timings(b["stderr"]):
            notes.append("stderr\n" + diff(mask_timings(a.stderr), mask_timings(b["stderr"])))
        if len(a.figures) != b["figures"]:
            notes.append(f"figures: {len(a.figures)} here, {b['figures']} there")
        if notes:
            changed += 1
            report.append(f"DIFFERS {rel}: " + "\n    ".join(notes))
    return report, failed, changed


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python bench/compat.py",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "snippets", nargs="*", type=Path, help="snippet files (default: every .py under snippets/)"
    )
    parser.add_argument("--torch", default="2.11.*", help="torch release (pip spec)")
    parser.add_argument("--torchvision", default="0.26.*", help="torchvision release")
    parser.add_argument(
        "--skip-long",
        action="store_true",
        help="leave out the long examples ("
        + ", ".join(Path(p).name for p in FIRST_RUN_HINTS)
        + ")",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)

    paths = [p.resolve() for p in args.snippets] or sorted((ROOT / "snippets").rglob("*.py"))
    if args.skip_long:
        paths = [p for p in paths if p.relative_to(ROOT).as_posix() not in FIRST_RUN_HINTS]
    tag = f"torch-{args.torch}-tv-{args.torchvision}".replace("*", "x")
    work = ROOT / ".cache" / "compat" / tag
    python = environment(work / "venv", snippet_requirements(args.torch, args.torchvision))

    print(f"running {len(paths)} snippets with {tag} ...", flush=True)
    found = work / "results.json"
    subprocess.run(
        [str(python), "-c", _INNER, str(work / "snippets"), str(found), *map(str, paths)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    other = json.loads(found.read_text(encoding="utf-8"))

    print(
        f"running {len(paths)} snippets with this interpreter (cached ones are read) ...",
        flush=True,
    )
    this = Runner(ROOT)
    mine = this.run_all(paths)

    report, failed, changed = compare(this, paths, mine, other)
    versions = sorted({r["torch"] for r in other.values() if "torch" in r})
    summary = (
        f"{len(paths)} snippets with torch {', '.join(versions) or args.torch} "
        f"against torch {torch_version()}: {failed} fail, {changed} print "
        f"differently (times masked), {len(paths) - failed - changed} the same"
    )
    text = "\n".join(report + [summary]) + "\n"
    (work / "report.txt").write_text(text, encoding="utf-8")
    print(text, end="")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
