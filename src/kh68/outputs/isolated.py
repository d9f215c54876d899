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
import pickle
import selectors
import signal
import time
from collections.abc import Callable

from kh68.core.errors import TemplateFailure

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
        _child(job, write)
    os.close(write)
    try:
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
    if not data:
        raise TemplateFailure(
            f"{too_long.partition(':')[0]}: mẫu báo cáo dừng bất thường (hết bộ nhớ?) nên không dựng được."
        )
    kind, value = pickle.loads(data)
    if kind == "failure":
        raise TemplateFailure(value)
    return str(value)


def _child(job: Callable[[], str], write: int) -> None:
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # the parent decides; a stop kills the child outright
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        try:
            result: tuple[str, str] = ("text", job())
        except TemplateFailure as exc:
            result = ("failure", str(exc))
        data = pickle.dumps(result)
        view = memoryview(data)
        while view:
            view = view[os.write(write, view) :]
    except BaseException:
        code = 1
    finally:
        os._exit(code)  # no cleanup of the parent's state: its buffers, locks and files are its own


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
