"""The ``kh68`` program: answer a repeated read-only command from the cache, else run it.

``kh68 check``, ``kh68 status`` and ``kh68 export`` on an unchanged plan print what
they printed last time; most of their time is importing typer, pydantic and rich.
So this module, which imports none of them, reads those command lines, asks
``kh68.app.cache`` for the stored answer and, on a miss, runs the command's work
without typer (``kh68.cli.readonly``, which leaves a value it does not read plainly
to typer). Any other command, and a command line it does not fully understand (an
unknown option, ``--help``, a missing value), goes to the typer command line.
"""

from __future__ import annotations

import os
import sys

from kh68.core.startup import is_text

# For each command whose answer depends only on the cache key: options taking a
# value, flags, and how many positional arguments it takes (check's DIRECTORY).
# Written out, since reading it from the typer app would import typer on every
# hit; tests/test_cache.py derives it from the app and fails when they differ.
_READ_ONLY = {
    "check": ({"--plan", "--format", "--today"}, {"--strict"}, 1),
    "status": ({"--year", "--period", "--plan", "--unit", "--today", "--format", "--fail-on"}, set(), 0),
    "export": ({"--plan"}, set(), 0),
}


class CommandLine:
    """A read-only command line as understood here: the command, each option's values in order, its flags and
    its arguments."""

    __slots__ = ("arguments", "flags", "name", "values")

    def __init__(self, name: str):
        self.name = name
        self.values: dict[str, list[str]] = {}
        self.flags: set[str] = set()
        self.arguments: list[str] = []

    def plan_root(self) -> str:
        """The plan directory it reads: the argument, ``--plan``, ``KH68_PLAN`` or ``plan``."""
        if self.arguments:
            return self.arguments[0]
        if "--plan" in self.values:
            return self.values["--plan"][-1]
        return os.environ.get("KH68_PLAN") or "plan"


def read_only(argv: list[str]) -> CommandLine | None:
    """``kh68 ARGV`` if it is a read-only command line understood here, else ``None``.

    An argument that is not UTF-8 text is not understood: the command line refuses it.
    """
    if not argv or argv[0] not in _READ_ONLY or not all(map(is_text, argv)):
        return None
    valued, flags, positional = _READ_ONLY[argv[0]]
    line = CommandLine(argv[0])
    rest = iter(argv[1:])
    for token in rest:
        name, equals, value = token.partition("=")
        if token.startswith("-") and name in valued:
            if not equals:
                value = next(rest, None)  # type: ignore[assignment]
                if value is None:
                    return None
            line.values.setdefault(name, []).append(value)
        elif token in flags:
            line.flags.add(token)
        elif token.startswith("-"):
            return None
        else:
            line.arguments.append(token)
    if len(line.arguments) > positional:
        return None
    return line


def run(argv: list[str]) -> int:
    """Exit code of ``kh68 ARGV``, answered from the cache when it can be."""
    line = read_only(argv)
    if line is None:
        return _command_line(argv)
    from kh68 import __version__
    from kh68.app import cache
    from kh68.app.streams import utf8_streams

    utf8_streams()
    return cache.answered(argv, line.plan_root(), __version__, lambda _: _run_read_only(line, argv))


def _run_read_only(line: CommandLine, argv: list[str]) -> int:
    """A read-only command run without typer when its values are plain (``kh68.cli.readonly``), else by typer."""
    from kh68.app.plugins import keep_out

    keep_out()  # no pydantic plugin validates a plan in the kh68 program: before anything imports pydantic
    from kh68.cli.readonly import run_direct

    code = run_direct(line)
    return _command_line(argv) if code is None else code


def _command_line(argv: list[str]) -> int:
    from kh68.app.plugins import keep_out

    keep_out()
    from kh68.cli import run as run_cli

    return run_cli(argv)


GC_THRESHOLD = 100_000
"""Allocations between two collections of the youngest generation (Python's default is 700).

A kh68 run builds hundreds of thousands of objects that live as long as it does (modules, classes,
validators, the plan) and few cycles: at Python's default the collector walks them over and over
(4 % of a ``check``); reference counting still frees at once whatever is dropped."""


def main() -> None:
    import gc

    from kh68.app.streams import standard_streams, stop_on_signals

    gc.set_threshold(GC_THRESHOLD)
    standard_streams()
    stop_on_signals()
    try:
        code = run(sys.argv[1:])
    except (BrokenPipeError, KeyboardInterrupt, OSError) as exc:  # writing a cached answer failed
        code = _replay_failed(exc)
    if "kh68.cli.outcome" in sys.modules:  # a command ran (not a cache hit)
        from kh68.cli.outcome import finish

        code = finish(code)
    else:
        code = _flushed(code)
    sys.exit(code)


def _flushed(code: int) -> int:
    try:
        sys.stdout.flush()
    except OSError:
        from kh68.cli.outcome import finish  # says it as a command run for real does

        return finish(code)
    return code


def _replay_failed(exc: BaseException) -> int:
    """Said as the command line says it (``kh68.cli.outcome.guarded``)."""
    from kh68.cli import outcome
    from kh68.core.errors import ExitCode

    if isinstance(exc, BrokenPipeError):
        outcome.quiet_stdout()
        return ExitCode.OK
    if isinstance(exc, KeyboardInterrupt):
        return outcome.say_stopped(exc)
    assert isinstance(exc, OSError)
    outcome.say_output_failed(exc)  # a replay only writes stdout and stderr
    return ExitCode.PROBLEMS
