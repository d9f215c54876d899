"""The console streams and signals as every kh68 command sets them up (no third-party import here)."""

from __future__ import annotations

import sys


def utf8_streams() -> None:
    """Print Vietnamese correctly whatever the console code page (Windows)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def standard_streams() -> None:
    """Give a closed standard stream (``kh68 status >&-``, ``2>&-``) the null device.

    Python leaves ``sys.stdout`` as ``None`` when file descriptor 1 is closed,
    and the next file kh68 opens would take that number, so that a child
    process (git, LibreOffice) would write into it. Each closed descriptor of
    0, 1, 2 is opened on the null device first: what is written there is
    dropped, as if the reader had gone away, and the command does its work.
    """
    import os

    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                continue
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    if sys.stdin is None:
        sys.stdin = open(0, encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115


def stop_on_signals() -> None:
    """SIGTERM and SIGHUP stop kh68 as Ctrl-C does: "đã dừng theo yêu cầu", nothing half-written.

    Ctrl-C (SIGINT) raises the same ``Stopped``, so that every stop is remembered (``Stopped.last``): a
    library that turns the interruption into an error of its own (pydantic building a validator) still
    ends as a stop, not as a defect of kh68.
    """
    import signal

    from kh68.core.startup import Stopped

    def stop(signum: int, _frame: object) -> None:
        raise Stopped(signum)

    for name, untouched in (
        ("SIGTERM", signal.SIG_DFL),
        ("SIGHUP", signal.SIG_DFL),
        ("SIGINT", signal.default_int_handler),
    ):
        number = getattr(signal, name, None)
        if number is not None:
            try:
                if signal.getsignal(number) is untouched:  # an ignored signal (nohup) stays ignored
                    signal.signal(number, stop)
            except (OSError, ValueError):
                pass
    sys.unraisablehook = _unraisable


def _unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    """An error Python cannot raise (in a finaliser: a zip file closed by the collector after a stop cut its
    write short) is no error of the command, and never a traceback on the user's screen; ``KH68_DEBUG`` shows it."""
    import os

    if os.environ.get("KH68_DEBUG"):
        sys.__unraisablehook__(unraisable)
