"""Run a user's code (a report template) in a child process with a hard time limit.

The sandbox's clock is read between the template's steps, and a signal is handled
between them too: one long step of C code ("sum" of a million lists, a quadratic
"select") runs past the limit, and past Ctrl-C. Forked, the step runs in a child
the parent kills at the limit, or when it is itself stopped; the parent waits on a
pipe, which a signal interrupts. Where there is no ``fork`` (Windows) the code runs
here, bounded by the sandbox's clock alone.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kh68.core.errors import TemplateFailure

MEMORY = 1 << 30
"""Bytes a template may take beyond what kh68 has when it starts rendering (a report takes a few megabytes)."""
GRACE = 2.0
"""Seconds the child has beyond the sandbox's own limit, which stops an ordinary loop with its own message."""


def run(job: Callable[[], str], seconds: float, too_long: str) -> str:
    """``job()`` (its ``TemplateFailure`` raised here as it was there), killed after ``seconds`` + ``GRACE`` with
    ``TemplateFailure(too_long)``."""
    if not hasattr(os, "fork"):
        return job()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the result, or the failure's message, through the pipe; never back into kh68
        os.close(read)
        _child(job, write, seconds + GRACE)
    try:
        os.close(write)
        data = _collect(read, time.monotonic() + seconds + GRACE)
    except BaseException:  # the limit, Ctrl-C, SIGTERM: the child goes with it
        _kill(pid)
        raise
    finally:
        os.close(read)
    if data is None:
        _kill(pid)
        raise TemplateFailure(too_long)
    os.waitpid(pid, 0)
    # Text only, never an object: what the child writes is the template's doing, read as data.
    kind, value = data[:1], data[1:].decode("utf-8", "replace")
    if kind == _FAILURE:
        raise TemplateFailure(value)
    if kind != _TEXT:  # it died before it wrote (out of memory, a signal)
        raise TemplateFailure(f"{too_long.partition(':')[0]}: {ENDED}")
    return value


ENDED = "mẫu báo cáo dừng bất thường (hết bộ nhớ?) nên không dựng được."
_TEXT, _FAILURE = b"T", b"F"


def _child(job: Callable[[], str], write: int, seconds: float) -> None:
    code = 0
    try:
        for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # the parent decides; a stop kills outright
            signal.signal(stop, signal.SIG_DFL)
        _bounded(seconds)
        try:
            data = _TEXT + job().encode("utf-8", "surrogatepass")
        except TemplateFailure as exc:
            data = _FAILURE + str(exc).encode("utf-8", "surrogatepass")
        view = memoryview(data)
        while view:
            view = view[os.write(write, view) :]
    except BaseException:
        code = 1
    finally:
        os._exit(code)  # no cleanup of the parent's state: its buffers, locks and files are its own


def _bounded(seconds: float) -> None:
    """The child ends by itself: the kernel stops it past its CPU time, and (Linux) when its parent dies (killed
    outright, ``kill -9``, the parent could not kill its child)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    limit = int(usage.ru_utime + usage.ru_stime + seconds) + 2
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        with contextlib.suppress(OSError, ValueError, IndexError):  # its memory: what it has, and MEMORY more
            pages = int(Path("/proc/self/statm").read_text().split()[0])
            size = pages * os.sysconf("SC_PAGE_SIZE") + MEMORY
            resource.setrlimit(resource.RLIMIT_AS, (size, size))


def _collect(read: int, deadline: float) -> bytes | None:
    """Everything written to ``read`` until the child closes it; ``None`` past ``deadline``."""
    chunks: list[bytes] = []
    with selectors.DefaultSelector() as selector:
        selector.register(read, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                return None
            chunk = os.read(read, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
