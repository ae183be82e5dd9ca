"""Time the docs pipeline on this machine: ``python bench/pipeline.py``.

Works on a throwaway copy of the committed tree (``git archive HEAD``) with an empty
snippet cache, and prints four figures: cold (every snippet run by ``pytest --codeblocks``
on all cores, chapters then the long examples, then ``mkdocs build``), warm ``mkdocs build``
with nothing changed, rebuild after editing one page, and after editing one snippet; plus
snippets executed in each. It also times what an author waits for in ``mkdocs serve``:
from saving an edited page to the browser reload, in the running server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(label: str, cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    log = cwd / ".cache" / "snippets" / "executions.log"
    before = len(log.read_text().splitlines()) if log.exists() else 0
    start = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if r.returncode:
        sys.exit(f"{label} failed:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    ran = (len(log.read_text().splitlines()) if log.exists() else 0) - before
    print(f"{label:<44} {seconds:7.1f} s   {ran:4d} snippets executed", flush=True)
    return seconds


def serve_reload(work: Path, env: dict[str, str], page: Path) -> float:
    """Seconds from saving ``page`` to "Reloading browsers" in a running ``mkdocs serve``."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if "Serving on" in line:
                break
        time.sleep(1)
        start = time.perf_counter()
        page.write_text(page.read_text() + "\nAnd one more.\n")
        for line in proc.stdout:
            if "Reloading browsers" in line:
                return time.perf_counter() - start
        raise RuntimeError("mkdocs serve stopped before rebuilding")
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SNIPPETS_CACHE_DIR", None)
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x"], cwd=work, input=archive, check=True)
        if (ROOT / "data").is_dir():
            (work / "data").symlink_to(ROOT / "data")
        n = len(list((work / "snippets").rglob("*.py")))
        print(f"{n} snippets, {os.cpu_count()} cores")
        pytest = [sys.executable, "-m", "pytest", "--codeblocks", "-q", "-n", "auto",
                  "-p", "no:cacheprovider"]
        chapters = timed("cold: chapters, pytest --codeblocks -n auto",
                         pytest + ["docs/", "--ignore=docs/examples"], work, env)
        examples = timed("cold: then the examples", pytest + ["docs/examples"], work, env)
        cold = chapters + examples + timed("cold: then mkdocs build", build, work, env)
        warm = timed("warm: mkdocs build, nothing changed", build, work, env)
        page = work / "docs" / "tensors.en.md"
        page.write_text(page.read_text() + "\nOne more sentence.\n")
        timed("one page edited: mkdocs build", build, work, env)
        seconds = serve_reload(work, env, page)
        print(f"{'one page edited: mkdocs serve, save to reload':<44} {seconds:7.1f} s")
        snippet = work / "snippets" / "tensors" / "attributes.py"
        snippet.write_text(snippet.read_text() + "print('edited')\n")
        timed("one snippet edited: mkdocs build", build, work, env)
        print(f"cold (tests + build) {cold:.1f} s, of which chapters {chapters:.1f} s; "
              f"warm build {warm:.1f} s; ratio cold/warm {cold / warm:.0f}x")


if __name__ == "__main__":
    main()
