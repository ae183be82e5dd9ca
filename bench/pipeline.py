"""Time the docs pipeline on this machine: ``python bench/pipeline.py [--first-page | --builds]``.

Works on a throwaway copy of the committed tree (``git archive HEAD``) with an empty
snippet cache, running the console scripts users type. First, what a new reader waits for:
``mkdocs serve`` on the empty cache, until the home page and the Tensors page answer with
real outputs (time to first page), and until every placeholder is gone. Then, on a new
empty cache: cold ``mkdocs build`` (every snippet, in parallel), warm ``mkdocs build`` with
nothing changed, rebuild after editing one page, and after editing one snippet; plus
snippets executed in each. It also times what an author waits for in ``mkdocs serve``:
from saving an edited page to the browser reload, in the running server. ``--builds``:
the ``mkdocs build`` figures alone (``SNIPPETS_SANDBOX=off`` in the environment gives them
without the sandbox, to compare).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project, to import
from tools.site import ROOT  # noqa: E402
from tools.site import load as load_site  # noqa: E402


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return str(r.read().decode("utf-8"))
    except OSError:
        return ""


def serve_cold(work: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds until home and Tensors answer with real outputs, and until no placeholder
    is left on the Examples pages, in ``mkdocs serve`` on an empty cache."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = work / "serve.log"
    proc = subprocess.Popen(
        [shutil.which("mkdocs") or "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=work,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    start, first = time.perf_counter(), 0.0
    try:
        while time.perf_counter() - start < 1800:
            if proc.poll() is not None:
                sys.exit(f"mkdocs serve exited with {proc.returncode}:\n" + log.read_text()[-3000:])
            home, tensors = get(base), get(base + "tensors/")
            if (
                not first
                and home
                and 'class="snippet-output"' in tensors
                and "snippet-output--pending" not in tensors
            ):
                first = time.perf_counter() - start
            if first and "--first-page" in sys.argv[1:]:
                return first, float("nan")
            if first:
                examples = [
                    get(base + f"examples/{p}/")
                    for p in ("quickstart", "sine-fitting", "lenet", "fast-training")
                ]
                if all(e and "snippet-output--pending" not in e for e in examples):
                    return first, time.perf_counter() - start
            time.sleep(1)
        raise RuntimeError("mkdocs serve never finished")
    finally:
        proc.terminate()
        proc.wait()


def serve_reload(work: Path, env: dict[str, str], page: Path) -> float:
    """Seconds from saving ``page`` to "Reloading browsers" in a running ``mkdocs serve``."""
    port = free_port()
    cmd = [shutil.which("mkdocs") or "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(
        cmd, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
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
    first_page_only = "--first-page" in sys.argv[1:]  # only the cold `mkdocs serve` figures
    builds_only = "--builds" in sys.argv[1:]  # only `mkdocs build` (no server started)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SNIPPETS_CACHE_DIR", None)
    build = [shutil.which("mkdocs") or "mkdocs", "build", "--strict", "-q"]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        archive = subprocess.run(
            ["git", "archive", "HEAD"], cwd=ROOT, check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x"], cwd=work, input=archive, check=True)
        if (ROOT / "data").is_dir():
            (work / "data").symlink_to(ROOT / "data")
        n = len(list((work / "snippets").rglob("*.py")))
        print(f"{n} snippets, {os.cpu_count()} cores")
        first = 0.0
        if not builds_only:
            first, every = serve_cold(work, env)
            print(f"{'cold mkdocs serve: home + Tensors real':<44} {first:7.1f} s")
            print(f"{'cold mkdocs serve: no placeholder left':<44} {every:7.1f} s")
            if first_page_only:
                return
            shutil.rmtree(work / ".cache")
        cold = timed("cold: mkdocs build (all snippets)", build, work, env)
        warm = timed("warm: mkdocs build, nothing changed", build, work, env)
        page = work / "docs" / "tensors.en.md"
        page.write_text(page.read_text() + "\nOne more sentence.\n")
        timed("one page edited: mkdocs build", build, work, env)
        site = load_site(work / "mkdocs.yml")
        for locale in [] if builds_only else site.written:  # a page saved under serve
            edited = work / "docs" / locale.page("tensors")
            seconds = serve_reload(work, env, edited)
            label = f"one {locale.code} page edited: serve, save to reload"
            print(f"{label:<44} {seconds:7.1f} s")
        snippet = work / "snippets" / "tensors" / "attributes.py"
        snippet.write_text(snippet.read_text() + "print('edited')\n")
        timed("one snippet edited: mkdocs build", build, work, env)
        print(
            f"time to first page {first:.1f} s; cold build {cold:.1f} s; warm build "
            f"{warm:.1f} s; ratio cold/warm {cold / warm:.0f}x"
        )


if __name__ == "__main__":
    main()
