"""A snippet can only print: what a careless or hostile snippet tries, on a throwaway project.

Each test fails on the runner without a sandbox (an audit hook in the snippet's own
process only): a shell or ``ctypes`` writes into the project, a snippet rewrites another
one's cache entry, a grandchild in a session of its own writes after the snippet ended,
a socket reaches the machine outside, a planted token is printed. Tiny snippets, without
torch, started as new ``python`` processes (``tests.project``); where the fork server
matters (its environment), with it too. ``SNIPPETS_SANDBOX=required``: a machine without
namespaces fails here instead of passing on the fallback.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest

from tests.project import Project
from tools import sandbox

REQUIRED = {"SNIPPETS_SANDBOX": "required"}
ROOT_OF = "from pathlib import Path\nROOT = Path(__file__).resolve().parents[2]\n"


def project_with(tmp_path: Path, **snippets: str) -> Project:
    project = Project(tmp_path / "proj")
    for name, code in snippets.items():
        project.write(f"snippets/p/{name}.py", code)
    project.pages("p", *(f"p/{name}.py" for name in snippets))
    return project


def run(project: Project, name: str, **env: str) -> str:
    r = project.runner(f"snippets/p/{name}.py", **REQUIRED, **env)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout


def test_the_sandbox_is_available_here() -> None:
    """CI and this machine have namespaces: the fallback must not hide a broken sandbox."""
    assert sandbox.unavailable() == ""


SHELL = ROOT_OF + (
    "import subprocess\n"
    "r = subprocess.run(['sh', '-c', 'echo x > tools/x'], cwd=ROOT, capture_output=True)\n"
    "print('shell status', r.returncode)\n"
)
TOKEN = (
    "import os\n"
    "print('env', os.environ.get('FAKE_DEPLOY_TOKEN'), os.environ.get('CI'))\n"
    "seen = []\n"
    "for pid in ['self', str(os.getppid())] + [p for p in os.listdir('/proc') if p.isdigit()]:\n"
    "    try:\n"
    "        with open(f'/proc/{pid}/environ', 'rb') as f:\n"
    "            seen.append(f.read().decode('utf-8', 'replace'))\n"
    "    except OSError:\n"
    "        pass\n"
    "print('read', len(seen), 'environments')\n"
    "print('\\n'.join(seen))\n"
)
PLANTED = {"FAKE_DEPLOY_TOKEN": "tok-1234567", "CI": "true", "GITHUB_TOKEN": "gh-7654321"}


def assert_no_token(out: str) -> None:
    assert "env None None" in out
    assert "read 0 environments" not in out  # it did read some (its own)
    assert "tok-1234567" not in out and "gh-7654321" not in out


def test_a_shell_cannot_write_into_the_project(tmp_path: Path) -> None:
    project = project_with(tmp_path, shell=SHELL)
    out = run(project, "shell")
    assert "shell status 2" in out  # sh: cannot create tools/x: Read-only file system
    assert not (project.path / "tools" / "x").exists()


def test_the_fork_servers_snippets_are_sandboxed(tmp_path: Path) -> None:
    """The fork server's snippets (the default): no write, no token (the server was
    started with the snippets' environment, which /proc/self/environ shows), and
    DataLoader workers work."""
    workers = (
        "import torch\n"
        "from torch.utils.data import DataLoader, TensorDataset\n"
        "data = TensorDataset(torch.arange(16.0))\n"
        "print('batches', len(list(DataLoader(data, batch_size=4, num_workers=2))))\n"
    )
    project = project_with(tmp_path, shell=SHELL, token=TOKEN, workers=workers)
    snippets = [f"snippets/p/{name}.py" for name in ("shell", "token", "workers")]
    r = project.runner(
        *snippets, SNIPPETS_FORKSERVER="1", SNIPPETS_TIMEOUT="60", **REQUIRED, **PLANTED
    )
    assert r.returncode == 0, r.stderr[-3000:]
    assert "batches 4" in r.stdout  # DataLoader workers: their sockets in the snippet's TMPDIR
    assert "shell status 2" in r.stdout and not (project.path / "tools" / "x").exists()
    assert_no_token(r.stdout)


def test_ctypes_cannot_write_into_the_project(tmp_path: Path) -> None:
    code = ROOT_OF + (
        "import ctypes, os\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "fd = libc.open(str(ROOT / 'tools' / 'y').encode(), os.O_WRONLY | os.O_CREAT, 0o644)\n"
        "if fd >= 0:\n"
        "    libc.write(fd, b'y', 1)\n"
        "print('open returned', fd)\n"
    )
    project = project_with(tmp_path, raw=code)
    assert "open returned -1" in run(project, "raw")
    assert not (project.path / "tools" / "y").exists()


def test_a_snippet_cannot_rewrite_another_snippets_cache_entry(tmp_path: Path) -> None:
    forge = ROOT_OF + (
        "import subprocess, sys\n"
        "script = '''\n"
        "import hashlib, json, pathlib, sys\n"
        "for entry in pathlib.Path(sys.argv[1]).glob('*/result.json'):\n"
        "    out = entry.parent / 'stdout.bin'\n"
        "    if out.read_bytes() == b'honest\\\\n':\n"
        "        out.write_bytes(b'forged\\\\n')\n"
        "        data = json.loads(entry.read_text())\n"
        "        text = json.dumps(data).replace(hashlib.sha256(b'honest\\\\n').hexdigest(),\n"
        "                                       hashlib.sha256(b'forged\\\\n').hexdigest())\n"
        "        entry.write_text(text)\n"
        "        print('forged', entry.parent.name)\n"
        "'''\n"
        "r = subprocess.run([sys.executable, '-c', script, str(ROOT / '.cache' / 'snippets')],\n"
        "                   capture_output=True, text=True)\n"
        "print('status', r.returncode)\n"
    )
    project = project_with(tmp_path, victim="print('honest')\n", forge=forge)
    assert run(project, "victim").endswith("honest\n")
    files = {p: p.read_bytes() for e in project.cache_entries() for p in e.iterdir()}
    out = run(project, "forge")
    assert "forged" not in out.split("\n", 1)[1], out
    assert all(p.read_bytes() == data for p, data in files.items())
    assert run(project, "victim").endswith("honest\n")


def test_a_grandchild_in_a_new_session_dies_with_the_snippet(tmp_path: Path) -> None:
    """It sleeps, then writes into the project's data/ (writable for snippets, and it
    does not depend on the snippet's working directory): it must not get there."""
    code = ROOT_OF + (
        "import subprocess, sys\n"
        'late = f\'import time; time.sleep(1.5); open({str(ROOT / "data" / "late")!r}, "w")\'\n'
        "subprocess.Popen([sys.executable, '-c', late], start_new_session=True)\n"
        "print('started')\n"
    )
    project = project_with(tmp_path, late=code)
    (project.path / "data").mkdir()
    run(project, "late")
    time.sleep(3)
    assert not (project.path / "data" / "late").exists()


def test_no_network_but_loopback(tmp_path: Path) -> None:
    """Neither this machine's loopback nor its outward address answers a snippet."""
    server = socket.create_server(("0.0.0.0", 0))
    port = server.getsockname()[1]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: only the route is looked up
        outward = probe.getsockname()[0]
    code = (
        "import socket\n"
        f"for host in ('127.0.0.1', {outward!r}):\n"
        "    try:\n"
        f"        socket.create_connection((host, {port}), timeout=2).close()\n"
        "        print(host, 'reached')\n"
        "    except OSError as exc:\n"
        "        print(host, 'unreachable:', type(exc).__name__)\n"
        "with socket.create_server(('127.0.0.1', 0)) as own:\n"
        "    socket.create_connection(own.getsockname()).close()\n"
        "    print('own loopback works')\n"
    )
    project = project_with(tmp_path, net=code)
    with server:
        server.settimeout(0.1)
        out = run(project, "net")
        with pytest.raises(TimeoutError):
            server.accept()
    assert "reached" not in out.replace("unreachable", "") and "own loopback works" in out


def test_a_planted_token_cannot_be_printed(tmp_path: Path) -> None:
    project = project_with(tmp_path, token=TOKEN)
    assert_no_token(run(project, "token", **PLANTED))


GIT = ROOT_OF + (
    "git = ROOT / '.git'\n"
    "print('git holds', sorted(p.name for p in git.iterdir()))\n"
    "print('config readable', (git / 'config').exists())\n"
)


def test_the_checkout_token_in_git_config_cannot_be_printed(tmp_path: Path) -> None:
    """actions/checkout keeps its token in .git/config; the snippet sees an empty .git."""
    project = project_with(tmp_path, git=GIT)
    project.write(".git/config", "[http]\n\textraheader = AUTHORIZATION: basic tok-1234567\n")
    out = run(project, "git")
    assert "git holds []" in out and "config readable False" in out, out
    assert (project.path / ".git" / "config").is_file()  # hidden from the snippet only


def test_the_environment_is_an_allow_list() -> None:
    assert sandbox.allowed("PATH") and sandbox.allowed("LC_ALL")
    assert sandbox.allowed("SNIPPETS_TIMEOUT") and sandbox.allowed("CUDA_VISIBLE_DEVICES")
    for name in ("CI", "GITHUB_TOKEN", "FAKE_DEPLOY_TOKEN", "AWS_SECRET_ACCESS_KEY", "HOME"):
        assert not sandbox.allowed(name), name
    assert not sandbox.allowed("SNIPPETS_API_KEY")  # a secret's name wins over a prefix


def test_the_cache_is_written_only_by_the_runner(tmp_path: Path) -> None:
    """What a snippet leaves is only in its out folder: a file in its working directory,
    HOME or TMPDIR is gone, and the entry holds only what the runner puts there."""
    code = (
        "import os, pathlib, tempfile\n"
        "pathlib.Path('left.txt').write_text('x')\n"
        "pathlib.Path(os.environ['HOME'], 'h.txt').write_text('x')\n"
        "fd, name = tempfile.mkstemp()\n"
        "print(name.startswith(os.environ['TMPDIR']), os.environ['HOME'] != '/root')\n"
    )
    project = project_with(tmp_path, leave=code)
    assert run(project, "leave").endswith("True True\n")
    (entry,) = project.cache_entries()
    assert sorted(p.name for p in entry.iterdir()) == ["result.json", "stderr.bin", "stdout.bin"]
    leftovers = [p for p in Path(os.environ.get("TMPDIR", "/tmp")).glob("snippets-*/snippet-*")]
    assert not [p for p in leftovers if (p / "work" / "left.txt").exists()]
