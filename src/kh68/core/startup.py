"""What the ``kh68`` program needs before it knows whether the cache answers: no import here.

A cache hit (``kh68.app.launch``) checks its arguments and sets up its signals with
these alone, so that it does not pay for the modules a real run needs (the
problems and errors of ``kh68.core.errors``, the text safety of ``kh68.core.safetext``).
"""

from __future__ import annotations


def is_text(value: str) -> bool:
    """Whether ``value`` is text UTF-8 can hold: no lone surrogate (an undecodable byte of an argument or a name)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Stopped(KeyboardInterrupt):
    """A signal asking kh68 to stop (SIGTERM, SIGHUP): handled as Ctrl-C is, exit 128 + its number.

    Raised by the handler ``kh68.app.streams`` installs, so that a write in progress
    is abandoned as cleanly as on Ctrl-C: the old file stays, no temporary file.
    """

    last: int | None = None  # the signal of the latest stop, for a stop the option parser swallowed

    def __init__(self, signum: int, *, done: str | None = None):
        super().__init__(signum)
        self.signum = signum
        self.done = done  # what was finished before stopping ("đã ghi xong data/2025.yaml"), said with the stop
        Stopped.last = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @classmethod
    def raise_if_any(cls) -> None:
        """Raise the command's stop again where a library swallowed it (openpyxl's bare ``except`` turns it into a
        ``TypeError``, read as a broken form): nothing is written, nothing refused, after a stop."""
        if cls.last is not None:
            raise cls(cls.last)
