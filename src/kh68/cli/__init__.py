"""The ``kh68`` command line: parse options, call the domain, print.

Each command lives in its own module and registers itself on ``app``;
errors from the domain become exit codes in one place (``common.handle_errors``).
"""

from __future__ import annotations

from kh68.cli.common import app

# Importing the command modules registers their commands on ``app``.
# The order here is the order of ``kh68 --help``.
from kh68.cli import check as _check  # noqa: E402,F401
from kh68.cli import status as _status  # noqa: E402,F401
from kh68.cli import data as _data  # noqa: E402,F401
from kh68.cli import report as _report  # noqa: E402,F401
from kh68.cli import repo as _repo  # noqa: E402,F401


def main() -> None:
    app(prog_name="kh68")


__all__ = ["app", "main"]
