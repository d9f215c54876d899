"""The ``kh68`` command line: parse options, call the domain, print.

Each command lives in its own module and registers itself on ``app``;
errors from the domain become exit codes in one place (``common.handle_errors``).
"""

from __future__ import annotations

import sys

import typer

# Importing the command modules registers their commands on ``app``.
# The order here is the order of ``kh68 --help``.
from kh68.cli import check as _check  # noqa: F401
from kh68.cli import data as _data  # noqa: F401
from kh68.cli import forms as _forms  # noqa: F401
from kh68.cli import repo as _repo  # noqa: F401
from kh68.cli import report as _report  # noqa: F401
from kh68.cli import status as _status  # noqa: F401
from kh68.cli.common import ExitCode, ParserUsageError, app, say_error, translate_usage_error


def main() -> None:
    sys.exit(run())


def run(argv: list[str] | None = None) -> int:
    """Run ``kh68 ARGV``; usage errors of the option parser are said in Vietnamese."""
    from typer.main import get_command

    try:
        code = get_command(app).main(args=argv, prog_name="kh68", standalone_mode=False)
    except ParserUsageError as exc:
        if exc.format_message().startswith("Usage:"):  # plain ``kh68``: its help is the answer
            typer.echo(exc.format_message())
            return ExitCode.OK
        say_error(translate_usage_error(exc.format_message()))
        command = exc.ctx.command_path if exc.ctx is not None else "kh68"
        typer.echo(f"Xem '{command} --help' để biết cách dùng.", err=True)
        return ExitCode.USAGE
    except typer.Abort:
        say_error("đã dừng theo yêu cầu")
        return ExitCode.PROBLEMS
    return code if isinstance(code, int) else ExitCode.OK


__all__ = ["app", "main", "run"]
