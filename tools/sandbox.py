"""A snippet's sandbox: Linux namespaces, entered by its forked process before it runs.

``enter`` (in the snippet's own, single-threaded process, forked from the fork server so
torch stays preloaded) unshares mount, network, PID, IPC and UTS namespaces (and a user
namespace when not root), makes the whole file system read-only except the few
``writable`` folders (the snippet's temporary working directory, its out folder,
``data/``), hides the project's ``.git``, gives it a minimal ``/dev`` (null, zero,
random, ..., GPUs, a fresh ``/dev/shm``), brings up loopback only, then forks once more:
the new process is PID 1 of its own PID namespace, with a fresh ``/proc`` (the build's
processes and their environments are not visible), all capabilities dropped (it can
mount nothing back), and it dies with its parent (``PR_SET_PDEATHSIG``). When it ends,
the kernel kills every process left in the namespace, whatever session they started.
``enter`` returns in that process; the one in between waits and exits with its status.

The runner's side: the environment a snippet sees (``allowed``: an allow-list, no
tokens, no CI variables; the fork server starts with it too, as ``/proc/self/environ``
shows the server's), its HOME, TMPDIR and matplotlib folder in its own temporary folder
(``snippet_env``), and this process's folder for all of them (``run_folder``,
``snippets-<pid>``; those of dead processes are removed at start), SIGTERM handled as
Ctrl-C (``stop_on_sigterm``), so a stopped build leaves no folder and no process.

``SNIPPETS_SANDBOX``: ``required`` (CI) makes a missing sandbox an error, ``off`` skips
it; by default a machine without namespaces (macOS, a container without them) runs
snippets with the audit-hook guard only, and the runner says so once (``unavailable``).
Linux >= 5.12 (``mount_setattr``). Only the standard library (``ctypes``).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import functools
import glob
import multiprocessing.util
import os
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_BIND, MS_REC, MS_PRIVATE, MNT_DETACH = 0x1000, 0x4000, 0x40000, 2
MOUNT_ATTR_RDONLY, AT_RECURSIVE, AT_FDCWD = 1, 0x8000, -100
SYS_MOUNT_SETATTR = 442  # the same number on every architecture (new syscalls, >= 424)
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 1, 24, 38
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
SYS_CAPSET = {"x86_64": 126, "aarch64": 91}
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1
DEVICES = ("null", "zero", "full", "random", "urandom", "tty")
GPU_DEVICES = ("nvidia*", "dri", "kfd")  # what CUDA (and ROCm) open


# The build's environment a snippet sees: an allow-list (no tokens, no CI variables).
KEPT = ("PATH", "LANG", "LANGUAGE", "TZ", "TERM", "VIRTUAL_ENV", "LD_LIBRARY_PATH")
KEPT_PREFIXES: tuple[str, ...] = (
    "LC_",
    "PYTHON",
    "SNIPPETS_",
    "OMP_",
    "MKL_",
    "OPENBLAS_",
    "KMP_",
    "CUDA_",
)
KEPT_PREFIXES += ("NVIDIA_", "HIP_", "ROCR_", "ATEN_", "ONEDNN_", "DNNL_", "PYTORCH_", "MPL")
SECRET = re.compile(r"TOKEN|SECRET|PASSW|CREDENTIAL|KEY|AUTH", re.IGNORECASE)


def allowed(name: str) -> bool:
    """Whether the snippets see the build's variable ``name``."""
    kept = name in KEPT or name.startswith(KEPT_PREFIXES)
    return kept and not SECRET.search(name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_dead_folders() -> None:
    """Remove the ``run_folder`` of every process that no longer exists, and the folders
    it named to go with it (``remove_with_me``)."""
    tmp = tempfile.gettempdir()
    for old in Path(tmp).glob("snippets-[0-9]*"):
        pid = old.name.removeprefix("snippets-")
        if pid.isdigit() and not _alive(int(pid)):
            named = old / "remove-with-me"
            for line in named.read_text().splitlines() if named.is_file() else []:
                if os.path.dirname(line) == tmp and os.path.basename(line).startswith("mkdocs_"):
                    shutil.rmtree(line, ignore_errors=True)
            shutil.rmtree(old, ignore_errors=True)


def remove_with_me(folder: Path) -> None:
    """``folder`` (``mkdocs_*`` in the temporary directory: a serve session's site) is
    removed with this process's ``run_folder`` if a SIGKILL leaves it behind."""
    names = run_folder() / "remove-with-me"
    known = names.read_text(encoding="utf-8").splitlines() if names.is_file() else []
    if str(folder) not in known:
        names.write_text("".join(f"{n}\n" for n in [*known, str(folder)]), encoding="utf-8")


@functools.cache
def run_folder() -> Path:
    """This process's folder for its snippets' temporary folders, out folders and
    multiprocessing's: ``snippets-<pid>`` in the temporary directory, removed at exit.
    Those of processes that no longer exist (killed with SIGKILL) are removed first."""
    remove_dead_folders()
    folder = Path(tempfile.gettempdir()) / f"snippets-{os.getpid()}"
    folder.mkdir(exist_ok=True)
    # at exit, after multiprocessing has removed its own folder in it (priority -100)
    multiprocessing.util.Finalize(
        None, shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True}, exitpriority=-101
    )
    return folder


@functools.cache
def problem() -> str:
    """Why snippets run without a sandbox here ("" when they run in one)."""
    if os.environ.get("SNIPPETS_SANDBOX") == "off":
        return "SNIPPETS_SANDBOX=off"
    return unavailable()


def _seed_matplotlib(home: Path) -> Path:
    """A snippet's matplotlib folder, with the build's font list (else each snippet
    that draws would scan the fonts again, seconds)."""
    folder = home / ".matplotlib"
    folder.mkdir()
    base = os.environ.get("MPLCONFIGDIR") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "matplotlib"
    )
    for fonts in Path(base).glob("fontlist-*.json"):
        shutil.copyfile(fonts, folder / fonts.name)
    return folder


def snippet_env(box: Path, env: dict[str, str]) -> dict[str, str]:
    """``env`` with HOME, TMPDIR and the caches in the snippet's folder ``box``."""
    home, tmp = box / "home", box / "tmp"
    home.mkdir()
    tmp.mkdir()
    return dict(
        env,
        HOME=str(home),
        TMPDIR=str(tmp),
        MPLCONFIGDIR=str(_seed_matplotlib(home)),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        NOTES_SANDBOX="0" if problem() else "1",
    )


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def stop_on_sigterm() -> None:
    """SIGTERM ends this process as Ctrl-C does (``finally`` blocks and ``atexit`` run:
    snippets killed, temporary folders removed), unless someone else handles it."""
    main = threading.current_thread() is threading.main_thread()
    if main and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupt)


class SandboxError(OSError):
    """A step of entering the sandbox failed (its message names the step)."""


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _check(result: int, step: str) -> None:
    if result < 0:
        err = ctypes.get_errno()
        raise SandboxError(err, f"sandbox: {step}: {os.strerror(err)}")


def _mount(src: str | None, target: str, fstype: str | None, flags: int, what: str) -> None:
    args = [None if a is None else a.encode() for a in (src, target, fstype)]
    _check(_libc().mount(*args, flags, None), what)


def _set_readonly(path: str, readonly: bool, recursive: bool) -> None:
    """``mount_setattr``: set or clear read-only on the mount at ``path``."""
    attr = struct.pack(
        "QQQQ", *((MOUNT_ATTR_RDONLY, 0) if readonly else (0, MOUNT_ATTR_RDONLY)), 0, 0
    )
    buf = ctypes.create_string_buffer(attr, len(attr))
    flags = AT_RECURSIVE if recursive else 0
    result = _libc().syscall(SYS_MOUNT_SETATTR, AT_FDCWD, path.encode(), flags, buf, len(attr))
    _check(result, f"mount_setattr {path} {'read-only' if readonly else 'writable'}")


def _map_user(uid: int, gid: int) -> None:
    """In a new user namespace: the same uid and gid as outside, no other."""
    for name, text in (
        ("setgroups", "deny"),
        ("uid_map", f"{uid} {uid} 1"),
        ("gid_map", f"{gid} {gid} 1"),
    ):
        with open(f"/proc/self/{name}", "w", encoding="ascii") as f:
            f.write(text)


def _loopback_up() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        req = struct.pack("16sH22x", b"lo", 0)
        flags = struct.unpack("16sH22x", fcntl.ioctl(s.fileno(), SIOCGIFFLAGS, req))[1]
        fcntl.ioctl(s.fileno(), SIOCSIFFLAGS, struct.pack("16sH22x", b"lo", flags | IFF_UP))


def _writable(paths: Sequence[Path]) -> None:
    """Everything read-only, then each of ``paths`` bound onto itself writable."""
    _set_readonly("/", True, recursive=True)
    for path in paths:
        _mount(str(path), str(path), None, MS_BIND | MS_REC, f"bind {path}")
        _set_readonly(str(path), False, recursive=False)


def _no_dns(box: Path) -> None:
    """Names resolve from /etc/hosts only: with no network, a DNS query would fail as a
    "temporary failure" (libraries warn) instead of "not known", as outside."""
    try:
        text = Path("/etc/nsswitch.conf").read_text(encoding="utf-8")
    except OSError:
        return
    lines = [("hosts: files" if ln.startswith("hosts:") else ln) for ln in text.splitlines()]
    copy = box / ".nsswitch.conf"
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _mount(str(copy), "/etc/nsswitch.conf", None, MS_BIND, "bind /etc/nsswitch.conf")
    _set_readonly("/etc/nsswitch.conf", True, recursive=False)


def _minimal_dev(staging: Path) -> None:
    """A fresh ``/dev``: the harmless devices and the GPUs, bound from the old one (no
    disk), ``/dev/shm`` a fresh tmpfs, ``/dev/fd`` and stdio as links into ``/proc``."""
    staging.mkdir()
    _mount("/dev", str(staging), None, MS_BIND | MS_REC, "bind the old /dev")
    _mount("tmpfs", "/dev", "tmpfs", MS_NOSUID | MS_NOEXEC, "tmpfs on /dev")
    names = list(DEVICES)
    for pattern in GPU_DEVICES:
        names += [os.path.basename(p) for p in glob.glob(str(staging / pattern))]
    for name in names:
        old, new = staging / name, Path("/dev") / name
        if not old.exists():
            continue
        if old.is_dir():
            new.mkdir()
        else:
            new.touch()
        _mount(str(old), str(new), None, MS_BIND | MS_REC, f"bind /dev/{name}")
    _check(_libc().umount2(str(staging).encode(), MNT_DETACH), "unmount the old /dev")
    staging.rmdir()
    for name in ("shm", "pts", "mqueue"):
        (Path("/dev") / name).mkdir()
    _mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "tmpfs on /dev/shm")
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0")):
        os.symlink(target, f"/dev/{name}")
    os.symlink("/proc/self/fd/1", "/dev/stdout")
    os.symlink("/proc/self/fd/2", "/dev/stderr")


def _die_with_parent() -> None:
    parent = os.getppid()
    _check(_libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "PR_SET_PDEATHSIG")
    if os.getppid() != parent:  # the parent died before the call
        os._exit(1)


def _drop_capabilities() -> None:
    """No capability left, none to regain (not even by exec as root): no mount, no
    unmount, no raw device, whatever the uid."""
    libc = _libc()
    cap = 0
    while libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0:
        cap += 1
    libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = struct.pack("Ii", 0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this thread
    data = ctypes.create_string_buffer(bytes(24))  # effective, permitted, inheritable: none
    number = SYS_CAPSET.get(os.uname().machine)
    if number is None:
        raise SandboxError(errno.ENOSYS, f"sandbox: capset on {os.uname().machine}")
    _check(libc.syscall(number, ctypes.create_string_buffer(header, 8), data), "capset")
    _check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "PR_SET_NO_NEW_PRIVS")


def _unshare() -> None:
    uid, gid = os.getuid(), os.getgid()
    flags = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS
    _check(_libc().unshare(flags | (CLONE_NEWUSER if uid else 0)), "unshare")
    if uid:
        _map_user(uid, gid)


def enter(
    writable: Sequence[Path], box: Path, watch: int | None = None, hidden: Sequence[Path] = ()
) -> None:
    """Enter the sandbox (see the module's docstring); returns in the snippet's PID 1.

    ``box``: a writable folder of the snippet's, for the sandbox's own few files;
    ``hidden``: folders that look empty to the snippet (an empty read-only file system
    over each that exists);
    ``watch``: a pipe that ends (EOF) when the runner dies (a fork server's child: its
    parent, the server, lives as long as its children do). Raises ``SandboxError``
    naming the step that failed."""
    _die_with_parent()
    _unshare()
    _mount(None, "/", None, MS_REC | MS_PRIVATE, "make mounts private")
    _writable(writable)
    for folder in hidden:
        if folder.is_dir():
            _mount(
                "tmpfs", str(folder), "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, f"hide {folder}"
            )
    _minimal_dev(box / ".old-dev")
    _no_dns(box)
    _loopback_up()
    os.chdir(os.getcwd())  # into the writable mount now over the old working directory
    pid = os.fork()
    if pid:
        _wait(pid, watch)
    _die_with_parent()
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, "a fresh /proc")
    _drop_capabilities()


def _wait(pid: int, watch: int | None) -> None:
    """In between: wait for the snippet (killing it if the runner dies), end as it did."""
    if watch is not None:
        pidfd = os.pidfd_open(pid)
        ready, _, _ = select.select([pidfd, watch], [], [])
        if watch in ready and pidfd not in ready:  # the runner is gone: so is the snippet,
            os.kill(pid, signal.SIGKILL)  # and the fork server (whose exit takes seconds)
            os.kill(os.getppid(), signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
        os.kill(os.getpid(), os.WTERMSIG(status))
    os._exit(os.waitstatus_to_exitcode(status))


def unavailable() -> str:
    """Why snippets cannot run sandboxed here ("" when they can): a throwaway process
    tries the whole ``enter`` (about 50 ms, once per runner)."""
    if sys.platform != "linux":
        return f"no Linux namespaces on {sys.platform}"
    code = (
        "import pathlib, sys\n"
        "from tools import sandbox\n"
        "d = pathlib.Path(sys.argv[1])\n"
        "sandbox.enter([d], d)\n"
        "open(d / 'ok', 'w').close()\n"
    )
    root = str(Path(__file__).resolve().parent.parent)
    try:
        with tempfile.TemporaryDirectory(prefix="sandbox-probe-") as tmp:
            cmd = [sys.executable, "-c", code, tmp]
            r = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"the probe did not run: {exc}"
    if r.returncode != 0:
        lines = r.stderr.strip().splitlines()
        return lines[-1] if lines else f"the probe exited with status {r.returncode}"
    return ""
