"""The typer app of ``kh68``: parse options, call the command, print.

Each command lives in its own module and registers itself on ``app``;
errors become exit codes in one place (``outcome.guarded``).
"""

from __future__ import annotations

import copy
import functools
import sys
from typing import Any

import typer

from kh68.app.streams import standard_streams, stop_on_signals, utf8_streams

# Importing the command modules registers their commands on ``app``.
# The order here is the order of ``kh68 --help``.
from kh68.cli import check as _check  # noqa: F401
from kh68.cli import data as _data  # noqa: F401
from kh68.cli import forms as _forms  # noqa: F401
from kh68.cli import repo as _repo  # noqa: F401
from kh68.cli import report as _report  # noqa: F401
from kh68.cli import status as _status  # noqa: F401
from kh68.cli.arguments import check_arguments
from kh68.cli.common import ParserUsageError, app, translate_usage_error
from kh68.cli.help import USAGE
from kh68.cli.outcome import CommandExit, echo, finish, guarded, new_command, safe_streams, say_error, say_stopped
from kh68.core.errors import ExitCode


def main() -> None:
    standard_streams()
    stop_on_signals()
    sys.exit(finish(run()))


def run(argv: list[str] | None = None) -> int:
    """Run ``kh68 ARGV`` and return its exit code; it never raises (see ``outcome.guarded``)."""
    new_command()  # here, not only in the root callback: a stop inside the option parser comes before it
    try:
        with guarded():
            return _run(argv)
    except CommandExit as exc:
        return exc.code
    except KeyboardInterrupt as exc:  # between two commands' guards (at start-up, at exit)
        return say_stopped(exc)


def _run(argv: list[str] | None) -> int:
    """Usage errors of the option parser are said in Vietnamese; an argument that is not text is one too."""
    from typer.main import get_command

    utf8_streams()
    safe_streams()
    args = sys.argv[1:] if argv is None else list(argv)
    group = get_command(_narrowed(args[0] if args else ""))
    wrong = check_arguments(group, args)
    if wrong is not None:
        message, command = wrong
        say_error(message)
        echo(f"Xem '{command} --help' để biết cách dùng.", err=True)
        return ExitCode.USAGE
    try:
        code = group.main(args=args, prog_name="kh68", standalone_mode=False)
    except ParserUsageError as caught:
        exc: Any = caught  # the parser's UsageError: format_message(), ctx
        if exc.format_message().startswith(USAGE):  # plain ``kh68``: its help is the answer
            echo(exc.format_message())
            return ExitCode.OK
        say_error(translate_usage_error(exc.format_message()))
        command = exc.ctx.command_path if exc.ctx is not None else "kh68"
        echo(f"Xem '{command} --help' để biết cách dùng.", err=True)
        return ExitCode.USAGE
    except typer.Abort:  # click turns Ctrl-C during its own prompts into Abort
        return say_stopped()
    if code == ExitCode.INTERRUPTED:  # a stop while options were parsed: the parser says nothing itself
        return say_stopped()
    return code if isinstance(code, int) else ExitCode.OK


@functools.cache
def _narrowed(name: str) -> typer.Typer:
    """The app with its command ``name`` alone, when ``name`` is one: only that command is built.

    Typer builds every command (their options and parsers) before it runs one; for ``kh68 check`` that
    is a tenth of its start. The root group, its callback (``--version``) and the chosen command stay as
    they are, so ``kh68 NAME …`` parses, helps and fails as with the whole app; any other first argument
    (an option, ``--help``, an unknown or misspelt command) gets the whole app. Made once per name.
    """
    from typer.main import get_command_name

    chosen = [
        info
        for info in app.registered_commands
        if (info.name or get_command_name(info.callback.__name__ if info.callback else "")) == name
    ]
    if len(chosen) != 1:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands = chosen
    return narrowed


__all__ = ["app", "finish", "main", "run"]
